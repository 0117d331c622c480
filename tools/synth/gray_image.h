#pragma once

#include <cstdint>
#include <vector>

namespace invoicer::synth {

// An 8-bit grey raster page (0 black, 255 white), row-major without padding. `bilevel`
// says every pixel is 0 or 255 (a black-and-white scan), so encoders may write 1 bit.
struct GrayImage {
  int width = 0;
  int height = 0;
  int dpi = 0;
  bool bilevel = false;
  std::vector<std::uint8_t> pixels;
};

}  // namespace invoicer::synth
