#pragma once

#include <string_view>

#include "common/result.h"
#include "extract/document.h"

namespace invoicer::extract::generic {

// Readers for text that was recognised elsewhere, so it can go through field extraction.
// Both are pure functions of their input (thread-safe) and return a one-page TextDocument
// whose lines are sorted top to bottom and whose words are left to right.

// The SROIE box layout: one text box per line, `x1,y1,x2,y2,x3,y3,x4,y4,TEXT` (a
// quadrilateral in pixels, clockwise from top-left; TEXT may contain commas). Each box is
// split into words with boxes interpolated along the box, and boxes on the same visual line
// are merged into one Line. Source kOcr (the text came from a recogniser). Empty lines are
// skipped. Errors: kInvalidInput naming the 1-based line when a line does not start with
// eight integer coordinates; kInvalidInput when the text is not UTF-8.
[[nodiscard]] Result<TextDocument> ReadBoxText(std::string_view csv);

// Plain text, one text line per line (as invoice2data accepts, e.g. `pdftotext -layout`
// output): words get synthetic boxes from their character columns (kCharWidth points per
// character, kLineHeight points per line) so layout rules (right of, below, columns) work
// the same as on a real page. A form feed starts a new page. Source kText. Errors:
// kInvalidInput when the text is not UTF-8.
inline constexpr double kCharWidth = 6.0;
inline constexpr double kLineHeight = 12.0;
[[nodiscard]] Result<TextDocument> ReadPlainText(std::string_view text);

}  // namespace invoicer::extract::generic
