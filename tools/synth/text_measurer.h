#pragma once

#include <string_view>

#include "synth/drawing.h"

namespace invoicer::synth {

// Measures text advance widths in points, so the layout can align and wrap without knowing
// the rendering library. Implementations must measure exactly as they render (unhinted
// metrics). Implementations say whether they are thread-safe.
class TextMeasurer {
 public:
  virtual ~TextMeasurer() = default;
  virtual double Width(std::string_view text, FontFamily family, double size,
                       FontWeight weight) const = 0;
};

}  // namespace invoicer::synth
