#include "extract/page_png.h"

#include <gtest/gtest.h>

#include "extract/image_codec.h"
#include "test_files.h"

namespace invoicer::extract {
namespace {

std::string TwoPagePdf() {
  testing::PdfPage page;
  page.width = 144;
  page.height = 72;
  page.texts = {{10, 10, 12, "Page"}};
  return testing::MakePdf({page, page});
}

TEST(RenderPagePngTest, RendersAPdfPageAtTheRequestedResolution) {
  auto png = RenderPagePng(TwoPagePdf(), 2, 144);
  ASSERT_TRUE(png.has_value()) << png.error().message;
  auto image = ImageCodec::DecodePage(*png, 0, false, ImageLimits{});
  ASSERT_TRUE(image.has_value());
  EXPECT_EQ(image->width, 288);  // 2 inches at 144 dpi
  EXPECT_EQ(image->height, 144);
}

TEST(RenderPagePngTest, ReturnsAFrameOfAScanAsItIs) {
  const std::string tiff = testing::MakeTiff(
      {{10, 5, std::vector<std::uint8_t>(50, 0)}, {20, 7, std::vector<std::uint8_t>(140, 200)}});
  auto png = RenderPagePng(tiff, 2, 150);
  ASSERT_TRUE(png.has_value()) << png.error().message;
  auto image = ImageCodec::DecodePage(*png, 0, true, ImageLimits{});
  ASSERT_TRUE(image.has_value());
  EXPECT_EQ(image->width, 20);
  EXPECT_EQ(image->height, 7);
  EXPECT_EQ(image->pixels.front(), 200);
}

TEST(RenderPagePngTest, ReportsAPageThatDoesNotExist) {
  auto png = RenderPagePng(TwoPagePdf(), 3, 72);
  ASSERT_FALSE(png.has_value());
  EXPECT_EQ(png.error().code, ErrorCode::kNotFound);
}

TEST(RenderPagePngTest, RefusesAResolutionOutOfRange) {
  auto png = RenderPagePng(TwoPagePdf(), 1, 5000);
  ASSERT_FALSE(png.has_value());
  EXPECT_EQ(png.error().code, ErrorCode::kInvalidInput);
}

TEST(RenderPagePngTest, RefusesADocumentWithoutPages) {
  auto png = RenderPagePng("<Invoice/>", 1, 72);
  ASSERT_FALSE(png.has_value());
  EXPECT_EQ(png.error().code, ErrorCode::kUnreadableDocument);
}

}  // namespace
}  // namespace invoicer::extract
