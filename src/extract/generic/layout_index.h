#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/invoice.h"
#include "extract/document.h"
#include "extract/generic/text_fold.h"

namespace invoicer::extract::generic {

// One visual line of the document as text: its words joined by a space, or by a tab where
// the gap between two words is wide (a column break), with the byte offset of every word,
// and the folded form for label matching.
struct IndexedLine {
  int page = 1;  // 1-based
  std::size_t page_index = 0;
  const Line* line = nullptr;
  std::string text;
  std::vector<std::size_t> word_begin;  // byte offset in `text` of each word
  FoldedText folded;
  double char_width = 1;  // the line's typical character width (box units)
  double height = 1;      // the line's typical word height
};

// A piece of one line's text: bytes [begin, end) of lines()[line].text.
struct Span {
  std::size_t line = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
};

// The document flattened into indexed lines in reading order (page by page, top to bottom),
// with the geometry questions the extraction rules ask: which words a piece of text covers,
// their box and recognition confidence. Borrows the TextDocument, which must outlive it.
// Immutable after construction; safe to share between threads.
class LayoutIndex {
 public:
  explicit LayoutIndex(const TextDocument& doc);

  const TextDocument& doc() const { return doc_; }
  const std::vector<IndexedLine>& lines() const { return lines_; }
  const IndexedLine& line(std::size_t i) const { return lines_[i]; }
  std::string_view Text(const Span& span) const;

  // Indexes [first, last] of the words overlapping the span; nullopt for none.
  std::optional<std::pair<std::size_t, std::size_t>> Words(const Span& span) const;
  domain::BoundingBox Box(const Span& span) const;
  // The lowest recognition confidence among the span's words (1 with none).
  double Confidence(const Span& span) const;
  // Converts a folded byte range of a line back to a span of its text.
  Span FromFolded(std::size_t line, std::size_t folded_begin, std::size_t folded_end) const;

  // A field value located at `span`: the document's source, the page and the words' box,
  // and `confidence` lowered by the recogniser's confidence in those words.
  domain::FieldValue MakeField(const Span& span, std::string value, double confidence) const;
  domain::FieldValue MakeField(const std::vector<Span>& spans, std::string value,
                               double confidence) const;

 private:
  const TextDocument& doc_;
  std::vector<IndexedLine> lines_;
};

domain::BoundingBox UnionBox(const domain::BoundingBox& a, const domain::BoundingBox& b);

}  // namespace invoicer::extract::generic
