#pragma once

#include <vector>

#include "extract/document.h"

namespace invoicer::extract {

// Groups loose words (from a PDF text layer, OCR or a box file) into visual lines: a word
// joins the line whose vertical extent it overlaps by at least half the smaller height.
// Returns lines top to bottom with their words left to right and each line's union box.
// Words with empty text are dropped. Pure function; thread-safe.
std::vector<Line> GroupIntoLines(std::vector<Word> words);

// The union of two boxes.
domain::BoundingBox UnionBox(const domain::BoundingBox& a, const domain::BoundingBox& b);

}  // namespace invoicer::extract
