#pragma once

#include <string>
#include <vector>

#include "synth/synth_invoice.h"

namespace invoicer::synth {

enum class FontWeight { kRegular, kBold };

struct TextStyle {
  double size = 9;
  FontWeight weight = FontWeight::kRegular;
  Rgb color;
};

// Coordinates are PDF points from the page's top-left corner, y down; `y` of a text run is
// its baseline.
struct TextRun {
  double x = 0, y = 0;
  TextStyle style;
  std::string text;
};
struct RuleLine {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0, width = 0.5;
  Rgb color;
};
struct FilledBox {
  double x = 0, y = 0, w = 0, h = 0;
  Rgb color;
};

// One page's display list, painted boxes first, then rules, then text.
struct PageDrawing {
  std::vector<FilledBox> boxes;
  std::vector<RuleLine> rules;
  std::vector<TextRun> texts;
};

// A laid-out document: what the renderer paints, independent of the output (vector PDF or
// raster scan).
struct Drawing {
  double width = 0, height = 0;
  FontFamily font = FontFamily::kDejaVuSans;
  std::vector<PageDrawing> pages;
};

}  // namespace invoicer::synth
