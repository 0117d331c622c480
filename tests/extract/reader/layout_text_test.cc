#include <gtest/gtest.h>

#include "extract/document.h"
#include "extract/line_builder.h"

namespace invoicer::extract {
namespace {

// Words of a 10-points-per-character font: text at column `col` of line `row`.
Word At(std::string text, double col, double row) {
  const double x0 = col * 10;
  const double x1 = x0 + 10 * static_cast<double>(text.size());
  return Word{std::move(text), {x0, row * 20, x1, row * 20 + 12}, 1.0};
}

Page PageOf(std::vector<Word> words, int number = 1) {
  Page p;
  p.number = number;
  p.lines = GroupIntoLines(std::move(words));
  return p;
}

TEST(LineBuilderTest, GroupsWordsOnOneBaselineIntoALineLeftToRight) {
  std::vector<Word> words = {At("Total", 30, 1), At("Invoice", 0, 0), At("119.00", 40, 1),
                             At("No.", 8, 0)};
  words[2].box.y0 += 2;  // a slightly lower baseline still belongs to the line
  words[2].box.y1 += 2;
  const std::vector<Line> lines = GroupIntoLines(words);
  ASSERT_EQ(lines.size(), 2u);
  ASSERT_EQ(lines[0].words.size(), 2u);
  EXPECT_EQ(lines[0].words[0].text, "Invoice");
  EXPECT_EQ(lines[0].words[1].text, "No.");
  EXPECT_EQ(lines[1].words[0].text, "Total");
  EXPECT_EQ(lines[1].words[1].text, "119.00");
  EXPECT_DOUBLE_EQ(lines[1].box.x0, 300);
  EXPECT_DOUBLE_EQ(lines[1].box.x1, 460);
}

TEST(LayoutTextTest, KeepsColumnsAlignedAndPhrasesSingleSpaced) {
  TextDocument doc;
  doc.pages.push_back(PageOf({At("Description", 0, 0), At("Amount", 30, 0), At("Red", 0, 1),
                              At("pen", 4, 1), At("12.50", 30, 1)}));
  const LayoutText layout = LayoutText::Build(doc);
  EXPECT_EQ(layout.text(),
            "Description                   Amount\n"
            "Red pen                       12.50\n");
}

TEST(LayoutTextTest, SeparatesPagesWithAFormFeedAndBlocksWithAnEmptyLine) {
  TextDocument doc;
  doc.pages.push_back(PageOf({At("Invoice", 0, 0), At("Total", 0, 3)}, 1));
  doc.pages.push_back(PageOf({At("Terms", 0, 0)}, 2));
  EXPECT_EQ(LayoutText::Build(doc).text(), "Invoice\n\nTotal\n\fTerms\n");
}

TEST(LayoutTextTest, LocatesAMatchOnItsPageWithTheUnionBoxOfItsWords) {
  TextDocument doc;
  doc.pages.push_back(PageOf({At("Invoice", 0, 0)}, 1));
  doc.pages.push_back(PageOf({At("Total", 0, 0), At("EUR", 20, 0), At("119.00", 24, 0)}, 2));
  const LayoutText layout = LayoutText::Build(doc);
  const std::string& text = layout.text();
  const std::size_t begin = text.find("EUR");
  const std::size_t end = text.find("119.00") + 6;
  const auto located = layout.Locate(begin, end);
  ASSERT_TRUE(located.has_value());
  EXPECT_EQ(located->first, 2);
  EXPECT_EQ(located->second, (domain::BoundingBox{200, 0, 300, 12}));
  // Part of a word locates the whole word.
  const auto partial = layout.Locate(text.find("nvoi"), text.find("nvoi") + 2);
  ASSERT_TRUE(partial.has_value());
  EXPECT_EQ(partial->first, 1);
  EXPECT_EQ(partial->second, (domain::BoundingBox{0, 0, 70, 12}));
}

TEST(LayoutTextTest, LocatesNothingForASpanOfSpaces) {
  TextDocument doc;
  doc.pages.push_back(PageOf({At("Total", 0, 0), At("119.00", 30, 0)}));
  const LayoutText layout = LayoutText::Build(doc);
  const std::size_t gap = layout.text().find("  ");
  EXPECT_FALSE(layout.Locate(gap, gap + 2).has_value());
}

TEST(LayoutTextTest, BuildsEmptyTextForAnEmptyDocument) {
  EXPECT_EQ(LayoutText::Build(TextDocument{}).text(), "");
}

}  // namespace
}  // namespace invoicer::extract
