#include "extract/generic/layout_index.h"

#include <algorithm>

namespace invoicer::extract::generic {

namespace {
// A gap wider than this many characters separates columns (two spaces in
// `pdftotext -layout` text, a separate text box on a scanned receipt).
constexpr double kColumnGapChars = 1.8;

double Median(std::vector<double> values) {
  if (values.empty()) return 1;
  std::nth_element(values.begin(), values.begin() + static_cast<long>(values.size() / 2),
                   values.end());
  return values[values.size() / 2];
}
}  // namespace

domain::BoundingBox UnionBox(const domain::BoundingBox& a, const domain::BoundingBox& b) {
  return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

LayoutIndex::LayoutIndex(const TextDocument& doc) : doc_(doc) {
  for (std::size_t p = 0; p < doc.pages.size(); ++p) {
    const Page& page = doc.pages[p];
    for (const Line& line : page.lines) {
      if (line.words.empty()) continue;
      IndexedLine il;
      il.page = page.number;
      il.page_index = p;
      il.line = &line;
      std::vector<double> widths, heights;
      for (const Word& w : line.words) {
        const double chars = static_cast<double>(std::max<std::size_t>(1, CharCount(w.text)));
        widths.push_back((w.box.x1 - w.box.x0) / chars);
        heights.push_back(w.box.y1 - w.box.y0);
      }
      il.char_width = std::max(0.1, Median(widths));
      il.height = std::max(0.1, Median(heights));
      for (std::size_t i = 0; i < line.words.size(); ++i) {
        if (i > 0) {
          const double gap = line.words[i].box.x0 - line.words[i - 1].box.x1;
          il.text.push_back(gap > kColumnGapChars * il.char_width ? '\t' : ' ');
        }
        il.word_begin.push_back(il.text.size());
        il.text += line.words[i].text;
      }
      il.folded = Fold(il.text);
      lines_.push_back(std::move(il));
    }
  }
}

std::string_view LayoutIndex::Text(const Span& span) const {
  return std::string_view(lines_[span.line].text).substr(span.begin, span.end - span.begin);
}

std::optional<std::pair<std::size_t, std::size_t>> LayoutIndex::Words(const Span& span) const {
  const IndexedLine& il = lines_[span.line];
  std::optional<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t i = 0; i < il.word_begin.size(); ++i) {
    const std::size_t b = il.word_begin[i];
    const std::size_t e = b + il.line->words[i].text.size();
    if (b < span.end && e > span.begin) {
      if (!out) out = {{i, i}};
      out->second = i;
    }
  }
  return out;
}

domain::BoundingBox LayoutIndex::Box(const Span& span) const {
  const IndexedLine& il = lines_[span.line];
  const auto range = Words(span);
  if (!range) return il.line->box;
  domain::BoundingBox box = il.line->words[range->first].box;
  for (std::size_t i = range->first; i <= range->second; ++i) {
    box = UnionBox(box, il.line->words[i].box);
  }
  return box;
}

double LayoutIndex::Confidence(const Span& span) const {
  const auto range = Words(span);
  if (!range) return 1;
  double c = 1;
  for (std::size_t i = range->first; i <= range->second; ++i) {
    c = std::min(c, lines_[span.line].line->words[i].confidence);
  }
  return std::clamp(c, 0.0, 1.0);
}

Span LayoutIndex::FromFolded(std::size_t line, std::size_t folded_begin,
                             std::size_t folded_end) const {
  const IndexedLine& il = lines_[line];
  const auto& origin = il.folded.origin;
  const std::size_t last = origin.size() - 1;
  const std::size_t b = origin[std::min(folded_begin, last)];
  std::size_t e = origin[std::min(folded_end, last)];
  // A range ending inside the folding of one character ("ß" -> "ss") ends after it.
  if (folded_end > 0 && folded_end < last && origin[folded_end] == origin[folded_end - 1]) {
    e = origin[folded_end] + 1;
    while (e < il.text.size() && (static_cast<unsigned char>(il.text[e]) & 0xC0) == 0x80) ++e;
  }
  return {line, b, std::max(b, e)};
}

domain::FieldValue LayoutIndex::MakeField(const Span& span, std::string value,
                                          double confidence) const {
  return MakeField(std::vector<Span>{span}, std::move(value), confidence);
}

domain::FieldValue LayoutIndex::MakeField(const std::vector<Span>& spans, std::string value,
                                          double confidence) const {
  domain::FieldValue f;
  f.value = std::move(value);
  f.source = doc_.source;
  double words_confidence = 1;
  for (const Span& s : spans) {
    const domain::BoundingBox box = Box(s);
    if (f.page == 0) {
      f.page = lines_[s.line].page;
      f.bbox = box;
    } else if (lines_[s.line].page == f.page) {
      f.bbox = UnionBox(*f.bbox, box);
    }
    words_confidence = std::min(words_confidence, Confidence(s));
  }
  // A value read from uncertain words is no more certain than they are.
  f.confidence = std::clamp(confidence * std::min(1.0, 0.5 + words_confidence / 2), 0.0, 1.0);
  return f;
}

}  // namespace invoicer::extract::generic
