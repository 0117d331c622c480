#include "extract/line_builder.h"

#include <algorithm>

namespace invoicer::extract {

namespace {

// How many of the most recent lines a word is compared with. Words arrive sorted by their
// vertical centre, so a matching line is always among the last few; a small window keeps
// grouping linear on dense pages.
constexpr std::size_t kCandidateLines = 4;
constexpr double kMinOverlapRatio = 0.5;

struct OpenLine {
  Line line;
  // The mean top and bottom of the line's words: a line's band does not grow with one tall
  // word, so a large initial or a stamp does not swallow its neighbours.
  double sum_y0 = 0;
  double sum_y1 = 0;
  double Top() const { return sum_y0 / static_cast<double>(line.words.size()); }
  double Bottom() const { return sum_y1 / static_cast<double>(line.words.size()); }
};

double CenterY(const Word& w) { return (w.box.y0 + w.box.y1) / 2; }

double OverlapRatio(const OpenLine& line, const Word& w) {
  const double top = line.Top();
  const double bottom = line.Bottom();
  const double overlap = std::min(bottom, w.box.y1) - std::max(top, w.box.y0);
  const double smaller = std::min(bottom - top, w.box.y1 - w.box.y0);
  if (smaller <= 0) return overlap >= 0 ? 1.0 : 0.0;
  return overlap / smaller;
}

}  // namespace

domain::BoundingBox UnionBox(const domain::BoundingBox& a, const domain::BoundingBox& b) {
  return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1),
          std::max(a.y1, b.y1)};
}

std::vector<Line> GroupIntoLines(std::vector<Word> words) {
  std::erase_if(words, [](const Word& w) { return w.text.empty(); });
  std::stable_sort(words.begin(), words.end(),
                   [](const Word& a, const Word& b) { return CenterY(a) < CenterY(b); });
  std::vector<OpenLine> open;
  for (Word& w : words) {
    OpenLine* best = nullptr;
    double best_ratio = kMinOverlapRatio;
    const std::size_t first = open.size() > kCandidateLines ? open.size() - kCandidateLines : 0;
    for (std::size_t i = first; i < open.size(); ++i) {
      const double ratio = OverlapRatio(open[i], w);
      if (ratio >= best_ratio) {
        best_ratio = ratio;
        best = &open[i];
      }
    }
    if (best == nullptr) {
      open.emplace_back();
      best = &open.back();
      best->line.box = w.box;
    }
    best->line.box = UnionBox(best->line.box, w.box);
    best->sum_y0 += w.box.y0;
    best->sum_y1 += w.box.y1;
    best->line.words.push_back(std::move(w));
  }
  std::vector<Line> lines;
  lines.reserve(open.size());
  for (OpenLine& o : open) {
    std::stable_sort(o.line.words.begin(), o.line.words.end(),
                     [](const Word& a, const Word& b) { return a.box.x0 < b.box.x0; });
    lines.push_back(std::move(o.line));
  }
  std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
    return (a.box.y0 + a.box.y1) < (b.box.y0 + b.box.y1);
  });
  return lines;
}

}  // namespace invoicer::extract
