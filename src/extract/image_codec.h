#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "extract/raster_image.h"

namespace invoicer::extract {

struct ImageLimits {
  int max_pages = 500;                    // pages of a multi-page TIFF
  std::int64_t max_pixels = 100'000'000;  // per page
};

// Decoding of uploaded scans, encoding of page previews and the pixel operations before OCR:
// the Leptonica adapter for image files (PNG, JPEG, TIFF including multi-page TIFF). Each page's dimensions are read
// from its header and checked against the pixel limit before any pixel is decoded, so a
// small file claiming a huge picture (a decompression bomb) is refused without allocating
// it. Stateless functions; thread-safe. Errors: kUnreadableDocument (not an image of these
// formats, damaged, over a limit), with the reason.
class ImageCodec {
 public:
  // The number of pages (frames) of the image; 1 for PNG and JPEG.
  [[nodiscard]] static Result<int> PageCount(std::string_view bytes, const ImageLimits& limits);
  // Page `index` (0-based) decoded to 8-bit grey (channels 1) or RGB (channels 3).
  [[nodiscard]] static Result<RasterImage> DecodePage(std::string_view bytes, int index,
                                                      bool grey, const ImageLimits& limits);
  // Every page, in order.
  [[nodiscard]] static Result<std::vector<RasterImage>> DecodeAll(std::string_view bytes,
                                                                  bool grey,
                                                                  const ImageLimits& limits);
  // A PNG file of the picture.
  [[nodiscard]] static Result<std::string> EncodePng(const RasterImage& image);

  // The grey picture scaled by `factor` (linear interpolation), its dpi scaled too.
  static RasterImage Scaled(const RasterImage& grey, double factor);
  // The part of the picture inside the rectangle at (x, y) of width x height pixels, clipped
  // to the picture (empty when nothing of it is inside); any channel count, dpi kept.
  static RasterImage Cropped(const RasterImage& image, int x, int y, int width, int height);
  // The grey picture rotated to undo a detected skew (Leptonica's projection search, as
  // pixDeskew does it); unchanged when no skew is found with confidence, and a picture that is
  // not grey is returned as it is.
  static RasterImage Deskewed(const RasterImage& grey);
};

}  // namespace invoicer::extract
