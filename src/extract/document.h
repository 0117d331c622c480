#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/invoice.h"

namespace invoicer::extract {

// One recognised word with its box on the page (PDF points, origin top-left, y down; pixels
// for images) and the recogniser's confidence in 0..1 (1 for a PDF text layer).
struct Word {
  std::string text;  // UTF-8
  domain::BoundingBox box;
  double confidence = 1.0;
};

// Words on one visual line, left to right.
struct Line {
  std::vector<Word> words;
  domain::BoundingBox box;
};

struct Page {
  int number = 1;  // 1-based
  double width = 0;
  double height = 0;
  std::vector<Line> lines;  // top to bottom
};

// The output of the reading stage (document_reader.h) and the input of field extraction:
// every page's words with positions, in reading order.
struct TextDocument {
  std::vector<Page> pages;
  domain::FieldSource source = domain::FieldSource::kText;  // kText (text layer) or kOcr
};

// The document rendered as plain text with its layout kept (the equivalent of
// `pdftotext -layout`: columns aligned with spaces, one text line per visual line, pages
// separated by form feeds), which is what invoice2data's regex templates run on; with a
// map from byte offsets back to words so a regex match can be located on its page.
class LayoutText {
 public:
  static LayoutText Build(const TextDocument& doc);

  const std::string& text() const { return text_; }
  // The page and the union box of the words overlapping text()[begin, end); nullopt when the
  // span covers no word (e.g. only spaces).
  std::optional<std::pair<int, domain::BoundingBox>> Locate(std::size_t begin,
                                                           std::size_t end) const;

 private:
  struct Span {
    std::size_t begin, end;  // byte offsets in text_
    int page;
    domain::BoundingBox box;
  };
  std::string text_;
  std::vector<Span> spans_;  // sorted by begin
};

}  // namespace invoicer::extract
