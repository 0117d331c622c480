#pragma once

#include <cstdint>
#include <vector>

namespace invoicer::extract {

// An uncompressed picture handed between the adapters (a rendered PDF page, a decoded scan):
// 8-bit samples, `channels` per pixel (1 grey, 3 RGB), rows packed without padding. `dpi` is
// the resolution it was rendered or scanned at (0 when unknown). A plain value type.
struct RasterImage {
  int width = 0;
  int height = 0;
  int channels = 1;
  int dpi = 0;
  std::vector<std::uint8_t> pixels;  // width * height * channels bytes

  std::int64_t PixelCount() const { return static_cast<std::int64_t>(width) * height; }
};

}  // namespace invoicer::extract
