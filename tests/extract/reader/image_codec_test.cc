#include "extract/image_codec.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <numbers>

#include "test_files.h"

namespace invoicer::extract {
namespace {

RasterImage Gradient(int width, int height) {
  RasterImage img;
  img.width = width;
  img.height = height;
  img.channels = 1;
  img.dpi = 150;
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) img.pixels.push_back(static_cast<std::uint8_t>((x * 7 + y) % 256));
  }
  return img;
}

// White with rows of dark dashes (30 by 4 pixels, 10 apart) every 24 rows, rising by `slope`
// pixels per pixel to the right: lines of words as a skewed scan shows them.
RasterImage Bars(int width, int height, double slope) {
  RasterImage img;
  img.width = width;
  img.height = height;
  img.dpi = 150;
  img.pixels.assign(static_cast<std::size_t>(width * height), 255);
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      const int row = y + static_cast<int>(std::lround(slope * x));
      if (row >= 40 && row < height - 40 && row % 24 < 4 && x % 40 < 30) {
        img.pixels[static_cast<std::size_t>(y * width + x)] = 0;
      }
    }
  }
  return img;
}

// The first dark row at or below `from` in column x (inside a dash); -1 for none.
int FirstDarkRow(const RasterImage& img, int x, int from) {
  for (int y = from; y < img.height; ++y) {
    if (img.pixels[static_cast<std::size_t>(y * img.width + x)] < 128) return y;
  }
  return -1;
}

testing::GreyPicture Picture(int width, int height, std::uint8_t shade) {
  return {width, height, std::vector<std::uint8_t>(static_cast<std::size_t>(width * height), shade)};
}

TEST(ImageCodecTest, EncodesAPngThatDecodesToTheSamePixels) {
  const RasterImage original = Gradient(40, 30);
  auto png = ImageCodec::EncodePng(original);
  ASSERT_TRUE(png.has_value());
  EXPECT_EQ(png->substr(1, 3), "PNG");
  auto decoded = ImageCodec::DecodePage(*png, 0, true, ImageLimits{});
  ASSERT_TRUE(decoded.has_value()) << decoded.error().message;
  EXPECT_EQ(decoded->width, 40);
  EXPECT_EQ(decoded->height, 30);
  EXPECT_EQ(decoded->pixels, original.pixels);
}

TEST(ImageCodecTest, EncodesAPngOfAnOddWidthThatDecodesToTheSamePixels) {
  const RasterImage original = Gradient(43, 7);
  auto png = ImageCodec::EncodePng(original);
  ASSERT_TRUE(png.has_value());
  auto decoded = ImageCodec::DecodePage(*png, 0, true, ImageLimits{});
  ASSERT_TRUE(decoded.has_value()) << decoded.error().message;
  EXPECT_EQ(decoded->width, 43);
  EXPECT_EQ(decoded->pixels, original.pixels);
}

TEST(ImageCodecTest, DecodesEveryFrameOfAMultiPageTiff) {
  const std::string tiff =
      testing::MakeTiff({Picture(20, 10, 0), Picture(30, 15, 128), Picture(8, 8, 255)});
  auto count = ImageCodec::PageCount(tiff, ImageLimits{});
  ASSERT_TRUE(count.has_value()) << count.error().message;
  EXPECT_EQ(*count, 3);
  auto pages = ImageCodec::DecodeAll(tiff, true, ImageLimits{});
  ASSERT_TRUE(pages.has_value()) << pages.error().message;
  ASSERT_EQ(pages->size(), 3u);
  EXPECT_EQ((*pages)[1].width, 30);
  EXPECT_EQ((*pages)[1].height, 15);
  EXPECT_EQ((*pages)[1].pixels.front(), 128);
  EXPECT_EQ((*pages)[2].pixels.back(), 255);
}

TEST(ImageCodecTest, DecodesToRgbWhenAsked) {
  auto png = ImageCodec::EncodePng(Gradient(4, 4));
  ASSERT_TRUE(png.has_value());
  auto rgb = ImageCodec::DecodePage(*png, 0, false, ImageLimits{});
  ASSERT_TRUE(rgb.has_value());
  EXPECT_EQ(rgb->channels, 3);
  EXPECT_EQ(rgb->pixels.size(), 4u * 4u * 3u);
}

TEST(ImageCodecTest, RefusesAPictureOverThePixelLimitBeforeDecodingIt) {
  // A 1 KB file claiming 200,000 x 200,000 pixels (40 gigapixels): the decompression-bomb
  // shape. The header check refuses it without allocating the picture.
  auto png = ImageCodec::EncodePng(Gradient(16, 16));
  ASSERT_TRUE(png.has_value());
  const std::string bomb = testing::WithPngSize(*png, 200'000, 200'000);
  auto decoded = ImageCodec::DecodePage(bomb, 0, true, ImageLimits{});
  ASSERT_FALSE(decoded.has_value());
  EXPECT_EQ(decoded.error().code, ErrorCode::kUnreadableDocument);
  EXPECT_NE(decoded.error().message.find("more than the limit"), std::string::npos)
      << decoded.error().message;
}

TEST(ImageCodecTest, RefusesATiffFrameOverThePixelLimit) {
  const std::string tiff = testing::MakeTiff({Picture(10, 10, 0), Picture(100, 100, 0)});
  auto decoded = ImageCodec::DecodeAll(tiff, true, ImageLimits{500, 5'000});
  ASSERT_FALSE(decoded.has_value());
  EXPECT_EQ(decoded.error().code, ErrorCode::kUnreadableDocument);
  EXPECT_NE(decoded.error().message.find("image page 2"), std::string::npos);
}

TEST(ImageCodecTest, RefusesATiffWithMoreFramesThanTheLimit) {
  const std::string tiff = testing::MakeTiff({Picture(4, 4, 0), Picture(4, 4, 0), Picture(4, 4, 0)});
  auto count = ImageCodec::PageCount(tiff, ImageLimits{2, 1'000'000});
  ASSERT_FALSE(count.has_value());
  EXPECT_EQ(count.error().code, ErrorCode::kUnreadableDocument);
}

TEST(ImageCodecTest, RefusesBytesThatAreNoImage) {
  auto decoded = ImageCodec::DecodePage("GIF89a not supported here", 0, true, ImageLimits{});
  ASSERT_FALSE(decoded.has_value());
  EXPECT_EQ(decoded.error().code, ErrorCode::kUnreadableDocument);
}

TEST(ImageCodecTest, RefusesATruncatedImage) {
  auto png = ImageCodec::EncodePng(Gradient(64, 64));
  ASSERT_TRUE(png.has_value());
  auto decoded = ImageCodec::DecodePage(png->substr(0, png->size() / 2), 0, true, ImageLimits{});
  ASSERT_FALSE(decoded.has_value());
  EXPECT_EQ(decoded.error().code, ErrorCode::kUnreadableDocument);
}

TEST(ImageCodecTest, ScalesAPictureAndItsResolution) {
  const RasterImage scaled = ImageCodec::Scaled(Gradient(40, 30), 2.0);
  EXPECT_EQ(scaled.width, 80);
  EXPECT_EQ(scaled.height, 60);
  EXPECT_EQ(scaled.dpi, 300);
}

TEST(ImageCodecTest, CropsARectangleClippedToThePicture) {
  const RasterImage picture = Gradient(40, 30);
  const RasterImage part = ImageCodec::Cropped(picture, 30, 20, 20, 20);
  EXPECT_EQ(part.width, 10);
  EXPECT_EQ(part.height, 10);
  EXPECT_EQ(part.dpi, 150);
  ASSERT_EQ(part.pixels.size(), 100u);
  // Pixel (2, 3) of the part is pixel (32, 23) of the picture.
  EXPECT_EQ(part.pixels[3 * 10 + 2], picture.pixels[23 * 40 + 32]);
  EXPECT_TRUE(ImageCodec::Cropped(picture, 50, 0, 10, 10).pixels.empty());
}

TEST(ImageCodecTest, StraightensASkewedPicture) {
  const RasterImage skewed = Bars(403, 600, std::tan(1.0 * std::numbers::pi / 180));
  // From x 15 to x 375 a line of dashes rises by about 6 pixels.
  const int skewed_left = FirstDarkRow(skewed, 15, 290);
  ASSERT_GE(skewed_left, 0);
  ASSERT_GE(skewed_left - FirstDarkRow(skewed, 375, skewed_left - 10), 5);
  const RasterImage straight = ImageCodec::Deskewed(skewed);
  EXPECT_EQ(straight.width, 403);
  EXPECT_EQ(straight.height, 600);
  EXPECT_EQ(straight.dpi, 150);
  const int left = FirstDarkRow(straight, 15, 290);
  ASSERT_GE(left, 0);
  const int right = FirstDarkRow(straight, 375, left - 10);
  EXPECT_LE(std::abs(left - right), 2) << left << " " << right;
}

}  // namespace
}  // namespace invoicer::extract
