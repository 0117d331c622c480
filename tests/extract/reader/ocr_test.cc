#include "extract/ocr.h"

#include <gtest/gtest.h>

#include "extract/image_codec.h"
#include "extract/pdf_reader.h"
#include "test_files.h"

namespace invoicer::extract {
namespace {

// A scan made here: a PDF page with large text rendered to grey pixels.
RasterImage Scan(const std::string& first, const std::string& second) {
  testing::PdfPage page;
  page.width = 400;
  page.height = 200;
  page.texts = {{30, 40, 24, first}, {30, 110, 24, second}};
  const std::string bytes = testing::MakePdf({page});
  auto pdf = PdfDocument::Open(bytes, PdfLimits{});
  EXPECT_TRUE(pdf.has_value());
  auto image = pdf->RenderPage(1, 200, true);
  EXPECT_TRUE(image.has_value());
  return std::move(*image);
}

std::string JoinedText(const Page& page) {
  std::string out;
  for (const Line& line : page.lines) {
    for (const Word& w : line.words) out += w.text + " ";
    out += "| ";
  }
  return out;
}

OcrOptions Options(std::vector<std::string> languages, int jobs) {
  OcrOptions options;
  options.languages = std::move(languages);
  options.jobs = jobs;
  return options;
}

OcrEngine& Engine() {
  static std::unique_ptr<OcrEngine> engine = [] {
    auto created = OcrEngine::Create(Options({"eng"}, 2));
    EXPECT_TRUE(created.has_value()) << created.error().message;
    return std::move(*created);
  }();
  return *engine;
}

TEST(OcrEngineTest, RecognisesWordsWithPixelBoxesAndConfidences) {
  const RasterImage scan = Scan("INVOICE 4711", "TOTAL 119.00");
  auto pages = Engine().Recognize({scan});
  ASSERT_TRUE(pages.has_value()) << pages.error().message;
  ASSERT_EQ(pages->size(), 1u);
  const Page& page = (*pages)[0];
  EXPECT_EQ(page.number, 1);
  EXPECT_EQ(page.width, scan.width);
  ASSERT_EQ(page.lines.size(), 2u) << JoinedText(page);
  EXPECT_EQ(JoinedText(page), "INVOICE 4711 | TOTAL 119.00 | ");
  const Word& total = page.lines[1].words[1];
  // 110 pt down at 200 dpi is about 305 px; 30 pt from the left is about 83 px, and the
  // word "119.00" starts after "TOTAL ".
  EXPECT_GT(total.box.y0, 290);
  EXPECT_LT(total.box.y0, 330);
  EXPECT_GT(total.box.x0, 150);
  EXPECT_GT(total.confidence, 0.5);
  EXPECT_LE(total.confidence, 1.0);
}

// An address block left and the invoice's number and date right, their lines half a line
// apart: one page-wide segmentation cuts such lines wrongly, the unsure parts are read again.
TEST(OcrEngineTest, ReadsBlocksSideBySideWithOtherBaselines) {
  testing::PdfPage page;  // A4
  page.texts = {{40, 60, 11, "Hartmann Burobedarf KG"},
                {40, 76, 11, "Kaiserstrasse 1193"},
                {40, 92, 11, "01373 Dresden"},
                {40, 108, 11, "Germany"},
                {330, 68, 11, "Rechnung Nr.:"},
                {430, 68, 12, "B/2020/6340"},
                {330, 84, 11, "Datum:"},
                {430, 84, 12, "11.04.2020"},
                {40, 30, 22, "Wolf Beratung UG"},
                {40, 180, 11, "Pos Bezeichnung Betrag"}};
  const std::string bytes = testing::MakePdf({page});
  auto pdf = PdfDocument::Open(bytes, PdfLimits{});
  ASSERT_TRUE(pdf.has_value());
  auto image = pdf->RenderPage(1, 300, true);
  ASSERT_TRUE(image.has_value());
  auto pages = Engine().Recognize({*image});
  ASSERT_TRUE(pages.has_value()) << pages.error().message;
  const std::string text = JoinedText((*pages)[0]);
  EXPECT_NE(text.find("B/2020/6340"), std::string::npos) << text;
  EXPECT_NE(text.find("11.04.2020"), std::string::npos) << text;
}

TEST(OcrEngineTest, RecognisesThePagesOfAMultiPageTiffInOrder) {
  std::vector<testing::GreyPicture> frames;
  for (const auto& [a, b] : {std::pair{"PAGE ONE", "ALPHA"}, {"PAGE TWO", "BRAVO"},
                             {"PAGE THREE", "CHARLIE"}}) {
    const RasterImage scan = Scan(a, b);
    frames.push_back({scan.width, scan.height, scan.pixels});
  }
  const std::string tiff = testing::MakeTiff(frames);
  auto images = ImageCodec::DecodeAll(tiff, true, ImageLimits{});
  ASSERT_TRUE(images.has_value()) << images.error().message;
  auto pages = Engine().Recognize(*images);
  ASSERT_TRUE(pages.has_value()) << pages.error().message;
  ASSERT_EQ(pages->size(), 3u);
  EXPECT_EQ(JoinedText((*pages)[0]), "PAGE ONE | ALPHA | ");
  EXPECT_EQ(JoinedText((*pages)[1]), "PAGE TWO | BRAVO | ");
  EXPECT_EQ(JoinedText((*pages)[2]), "PAGE THREE | CHARLIE | ");
  EXPECT_EQ((*pages)[2].number, 3);
}

TEST(OcrEngineTest, RefusesAnEmptyPicture) {
  auto pages = Engine().Recognize({RasterImage{}});
  ASSERT_FALSE(pages.has_value());
  EXPECT_EQ(pages.error().code, ErrorCode::kUnreadableDocument);
}

TEST(OcrEngineTest, FailsToStartWithALanguageThatIsNotInstalled) {
  auto engine = OcrEngine::Create(Options({"xyz"}, 1));
  ASSERT_FALSE(engine.has_value());
  EXPECT_EQ(engine.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(engine.error().message.find("xyz"), std::string::npos);
}

}  // namespace
}  // namespace invoicer::extract
