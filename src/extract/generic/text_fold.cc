#include "extract/generic/text_fold.h"

#include <array>
#include <cstdint>

namespace invoicer::extract::generic {

namespace {

// Folding of U+00C0..U+00FF (Latin-1 letters), indexed by code point - 0xC0.
constexpr std::array<const char*, 64> kLatin1{
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "x", "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "/", "o", "u", "u", "u", "u", "y", "th", "y"};

// Decodes the code point at `i` (valid UTF-8 assumed) and its length in bytes.
std::uint32_t Decode(std::string_view s, std::size_t i, std::size_t& length) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  auto cont = [&](std::size_t k) {
    return i + k < s.size()
               ? static_cast<std::uint32_t>(static_cast<unsigned char>(s[i + k]) & 0x3F)
               : 0U;
  };
  if (b0 < 0x80) {
    length = 1;
    return b0;
  }
  if ((b0 & 0xE0) == 0xC0) {
    length = 2;
    return ((b0 & 0x1FU) << 6) | cont(1);
  }
  if ((b0 & 0xF0) == 0xE0) {
    length = 3;
    return ((b0 & 0x0FU) << 12) | (cont(1) << 6) | cont(2);
  }
  length = 4;
  return ((b0 & 0x07U) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3);
}

const char* FoldCodePoint(std::uint32_t cp) {
  if (cp >= 0xC0 && cp <= 0xFF) return kLatin1[cp - 0xC0];
  switch (cp) {
    case 0xB0:  // degree sign, used for "N°"
    case 0xBA:  // masculine ordinal indicator, "Nº"
      return "o";
    case 0xAA:
      return "a";
    case 0x152:
    case 0x153:
      return "oe";
    case 0xA0:    // no-break space
    case 0x2009:  // thin space
    case 0x202F:  // narrow no-break space
      return " ";
    default:
      return nullptr;
  }
}

}  // namespace

FoldedText Fold(std::string_view utf8) {
  FoldedText out;
  out.text.reserve(utf8.size());
  out.origin.reserve(utf8.size() + 1);
  std::size_t i = 0;
  while (i < utf8.size()) {
    std::size_t length = 1;
    const std::uint32_t cp = Decode(utf8, i, length);
    if (cp < 0x80) {
      out.text.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp));
      out.origin.push_back(i);
    } else if (const char* folded = FoldCodePoint(cp)) {
      for (const char* p = folded; *p != '\0'; ++p) {
        out.text.push_back(*p);
        out.origin.push_back(i);
      }
    } else {
      for (std::size_t k = 0; k < length && i + k < utf8.size(); ++k) {
        out.text.push_back(utf8[i + k]);
        out.origin.push_back(i + k);
      }
    }
    i += length;
  }
  out.origin.push_back(utf8.size());
  return out;
}

std::string FoldString(std::string_view utf8) { return Fold(utf8).text; }

bool IsValidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    std::uint32_t min = 0;
    if (b0 < 0x80) {
      ++i;
      continue;
    }
    if ((b0 & 0xE0) == 0xC0) {
      length = 2;
      min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
      length = 3;
      min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
      length = 4;
      min = 0x10000;
    } else {
      return false;
    }
    if (i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    std::size_t decoded_length = 0;
    const std::uint32_t cp = Decode(text, i, decoded_length);
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += length;
  }
  return true;
}

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

std::size_t CharCount(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

}  // namespace invoicer::extract::generic
