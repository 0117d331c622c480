#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace invoicer::extract::generic {

// Text folded for label matching: lower-case, Latin accents removed (ä -> a, ß -> ss,
// é -> e), the ordinal signs ° and º turned into "o" (so "N°" reads "no"), other
// characters kept. `origin[i]` is the byte offset in the source of folded byte i, and
// origin has one extra entry (the source size) so a folded range [b, e) maps back to
// [origin[b], origin[e]).
struct FoldedText {
  std::string text;
  std::vector<std::size_t> origin;
};

FoldedText Fold(std::string_view utf8);
// The folded text alone.
std::string FoldString(std::string_view utf8);

// True when `text` is well-formed UTF-8 (no overlong forms, no surrogates).
bool IsValidUtf8(std::string_view text);

// Collapses runs of white space to one space and trims both ends.
std::string CollapseSpaces(std::string_view text);

// The number of UTF-8 characters (code points) in `text`.
std::size_t CharCount(std::string_view text);

}  // namespace invoicer::extract::generic
