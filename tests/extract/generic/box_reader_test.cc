#include "extract/generic/box_reader.h"

#include <gtest/gtest.h>

namespace invoicer::extract::generic {
namespace {

std::string LineText(const Line& line) {
  std::string out;
  for (const Word& w : line.words) out += (out.empty() ? "" : " ") + w.text;
  return out;
}

TEST(BoxReaderTest, ReadsBoxesWithCommasInTheirText) {
  const auto doc = ReadBoxText(
      "110,165,315,165,315,188,110,188,INDAH GIFT & HOME DECO\r\n"
      "126,191,297,191,297,214,126,214,27,JALAN DEDAP 13,\n");
  ASSERT_TRUE(doc.has_value());
  EXPECT_EQ(doc->source, domain::FieldSource::kOcr);
  ASSERT_EQ(doc->pages.size(), 1u);
  ASSERT_EQ(doc->pages[0].lines.size(), 2u);
  EXPECT_EQ(LineText(doc->pages[0].lines[0]), "INDAH GIFT & HOME DECO");
  EXPECT_EQ(LineText(doc->pages[0].lines[1]), "27,JALAN DEDAP 13,");
  EXPECT_EQ(doc->pages[0].lines[1].box, (domain::BoundingBox{126, 191, 297, 214}));
}

TEST(BoxReaderTest, SplitsABoxIntoWordsAlongItsWidth) {
  const auto doc = ReadBoxText("0,0,100,0,100,10,0,10,ab cd\n");
  ASSERT_TRUE(doc.has_value());
  const auto& words = doc->pages[0].lines[0].words;
  ASSERT_EQ(words.size(), 2u);
  EXPECT_DOUBLE_EQ(words[0].box.x0, 0);
  EXPECT_DOUBLE_EQ(words[0].box.x1, 40);
  EXPECT_DOUBLE_EQ(words[1].box.x0, 60);
  EXPECT_DOUBLE_EQ(words[1].box.x1, 100);
}

TEST(BoxReaderTest, MergesBoxesOnOneVisualLineLeftToRight) {
  const auto doc = ReadBoxText(
      "325,691,375,691,375,711,325,711,60.31\n"
      "26,693,280,693,280,712,26,712,TOTAL AMT\n"
      "27,719,252,719,252,737,27,737,ROUNDING ADJ\n");
  ASSERT_TRUE(doc.has_value());
  ASSERT_EQ(doc->pages[0].lines.size(), 2u);
  EXPECT_EQ(LineText(doc->pages[0].lines[0]), "TOTAL AMT 60.31");
  EXPECT_EQ(LineText(doc->pages[0].lines[1]), "ROUNDING ADJ");
}

TEST(BoxReaderTest, KeepsATranscriptionOfTheSameTextOnItsOwnLine) {
  const auto doc = ReadBoxText(
      "63,889,355,889,355,909,63,909,THANK YOU\n"
      "60,887,359,887,359,911,60,911,THANK Y0U\n");
  ASSERT_TRUE(doc.has_value());
  EXPECT_EQ(doc->pages[0].lines.size(), 2u);
}

TEST(BoxReaderTest, RejectsALineWithoutEightCoordinates) {
  const auto doc = ReadBoxText("1,2,3,4,5,6,7,8,ok\n1,2,3,x,5,6,7,8,bad\n");
  ASSERT_FALSE(doc.has_value());
  EXPECT_EQ(doc.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(doc.error().message.find("line 2"), std::string::npos);
  EXPECT_FALSE(ReadBoxText("1,2,3,4,5,6,7,8").has_value());
}

TEST(BoxReaderTest, RejectsTextThatIsNotUtf8) {
  const auto box = ReadBoxText("1,2,3,4,5,6,7,8,\xff\xfe\n");
  ASSERT_FALSE(box.has_value());
  EXPECT_EQ(box.error().code, ErrorCode::kInvalidInput);
  const auto plain = ReadPlainText("caf\xc3");
  ASSERT_FALSE(plain.has_value());
  EXPECT_EQ(plain.error().code, ErrorCode::kInvalidInput);
}

TEST(PlainTextReaderTest, GivesWordsBoxesFromTheirColumns) {
  const auto doc = ReadPlainText("Total      60.60\n\nThanks\n");
  ASSERT_TRUE(doc.has_value());
  EXPECT_EQ(doc->source, domain::FieldSource::kText);
  const auto& lines = doc->pages[0].lines;
  ASSERT_EQ(lines.size(), 2u);
  ASSERT_EQ(lines[0].words.size(), 2u);
  EXPECT_DOUBLE_EQ(lines[0].words[1].box.x0, 11 * kCharWidth);
  EXPECT_DOUBLE_EQ(lines[0].words[1].box.x1, 16 * kCharWidth);
  EXPECT_DOUBLE_EQ(lines[1].words[0].box.y0, 2 * kLineHeight);  // the blank line keeps its row
}

TEST(PlainTextReaderTest, CountsColumnsInCharactersNotBytes) {
  const auto doc = ReadPlainText("Größe 5\n");
  ASSERT_TRUE(doc.has_value());
  EXPECT_DOUBLE_EQ(doc->pages[0].lines[0].words[1].box.x0, 6 * kCharWidth);
}

TEST(PlainTextReaderTest, StartsANewPageAtAFormFeed) {
  const auto doc = ReadPlainText("page one\n\fpage two\n");
  ASSERT_TRUE(doc.has_value());
  ASSERT_EQ(doc->pages.size(), 2u);
  EXPECT_EQ(doc->pages[1].number, 2);
  EXPECT_EQ(LineText(doc->pages[1].lines[0]), "page two");
}

}  // namespace
}  // namespace invoicer::extract::generic
