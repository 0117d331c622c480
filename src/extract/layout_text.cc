#include <algorithm>
#include <cmath>

#include "extract/document.h"
#include "extract/line_builder.h"

namespace invoicer::extract {

namespace {

// A gap wider than this many average character widths is a column gap: the next word is
// placed at its column (at least two spaces on), as `pdftotext -layout` does; a narrower gap
// is the space between two words of a phrase and becomes one space, so labels such as
// "Total incl. VAT" stay matchable by templates.
constexpr double kColumnGapChars = 1.5;
// A vertical gap wider than this many line heights gets one empty line, which keeps
// paragraphs and blocks apart the way pdftotext does.
constexpr double kBlankLineHeights = 1.0;

std::size_t CodePoints(std::string_view utf8) {
  return static_cast<std::size_t>(std::count_if(
      utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

double Median(std::vector<double> values, double fallback) {
  if (values.empty()) return fallback;
  const auto mid = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), mid, values.end());
  return *mid > 0 ? *mid : fallback;
}

struct PageMetrics {
  double left = 0;         // the leftmost word's x0: column 0
  double char_width = 1;   // the median width of one character
  double line_height = 1;  // the median line height
};

PageMetrics Measure(const Page& page) {
  PageMetrics m;
  std::vector<double> widths;
  std::vector<double> heights;
  bool first = true;
  for (const Line& line : page.lines) {
    heights.push_back(line.box.y1 - line.box.y0);
    for (const Word& w : line.words) {
      m.left = first ? w.box.x0 : std::min(m.left, w.box.x0);
      first = false;
      const std::size_t n = CodePoints(w.text);
      if (n > 0) widths.push_back((w.box.x1 - w.box.x0) / static_cast<double>(n));
    }
  }
  m.char_width = Median(std::move(widths), 1.0);
  m.line_height = Median(std::move(heights), 1.0);
  return m;
}

}  // namespace

LayoutText LayoutText::Build(const TextDocument& doc) {
  LayoutText out;
  for (std::size_t p = 0; p < doc.pages.size(); ++p) {
    const Page& page = doc.pages[p];
    if (p > 0) out.text_ += '\f';
    const PageMetrics m = Measure(page);
    const Line* previous = nullptr;
    for (const Line& line : page.lines) {
      if (previous != nullptr &&
          line.box.y0 - previous->box.y1 > kBlankLineHeights * m.line_height) {
        out.text_ += '\n';
      }
      previous = &line;
      std::size_t column = 0;
      const Word* prev_word = nullptr;
      for (const Word& w : line.words) {
        const auto wanted = static_cast<std::size_t>(
            std::max(0.0, std::round((w.box.x0 - m.left) / m.char_width)));
        std::size_t target = wanted;
        if (prev_word != nullptr) {
          const double gap = w.box.x0 - prev_word->box.x1;
          target = gap <= kColumnGapChars * m.char_width ? column + 1
                                                         : std::max(wanted, column + 2);
        }
        out.text_.append(target - column, ' ');
        const std::size_t begin = out.text_.size();
        out.text_ += w.text;
        out.spans_.push_back(Span{begin, out.text_.size(), page.number, w.box});
        column = target + CodePoints(w.text);
        prev_word = &w;
      }
      out.text_ += '\n';
    }
  }
  return out;
}

std::optional<std::pair<int, domain::BoundingBox>> LayoutText::Locate(std::size_t begin,
                                                                      std::size_t end) const {
  auto it = std::upper_bound(spans_.begin(), spans_.end(), begin,
                             [](std::size_t offset, const Span& s) { return offset < s.end; });
  std::optional<std::pair<int, domain::BoundingBox>> found;
  for (; it != spans_.end() && it->begin < end; ++it) {
    if (!found) {
      found.emplace(it->page, it->box);
    } else if (it->page == found->first) {
      found->second = UnionBox(found->second, it->box);
    }
  }
  return found;
}

}  // namespace invoicer::extract
