#include "store/search_text.h"

#include <cstdint>

namespace invoicer::store {

namespace {

char32_t FoldCodePoint(char32_t c) {
  if (c >= U'A' && c <= U'Z') return c + 0x20;
  if (c < 0x80) return c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;     // À..Þ except ×
  if (c >= 0x100 && c <= 0x137 && c != 0x130) return c | 1;     // Ā..ķ pairs (not İ)
  if (c >= 0x139 && c <= 0x148 && (c & 1) == 1) return c + 1;   // Ĺ..ň pairs
  if (c >= 0x14A && c <= 0x177) return c | 1;                   // Ŋ..ŷ pairs
  if (c == 0x178) return 0xFF;                                  // Ÿ
  if (c >= 0x179 && c <= 0x17E && (c & 1) == 1) return c + 1;   // Ź..ž pairs
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 0x20;  // Greek capitals
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;                // Ѐ..Џ
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;                // А..Я
  return c;
}

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

}  // namespace

std::string FoldCase(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  std::size_t i = 0;
  while (i < utf8.size()) {
    const auto b0 = static_cast<std::uint8_t>(utf8[i]);
    if (b0 < 0x80) {
      out.push_back(static_cast<char>(FoldCodePoint(b0)));
      ++i;
      continue;
    }
    // Only two-byte sequences hold letters we fold; everything else is copied as is.
    if ((b0 & 0xE0) == 0xC0 && i + 1 < utf8.size() &&
        (static_cast<std::uint8_t>(utf8[i + 1]) & 0xC0) == 0x80) {
      const char32_t c =
          (static_cast<char32_t>(b0 & 0x1F) << 6) | (static_cast<std::uint8_t>(utf8[i + 1]) & 0x3F);
      if (c >= 0x80) {
        AppendUtf8(out, FoldCodePoint(c));
        i += 2;
        continue;
      }
    }
    out.push_back(utf8[i]);
    ++i;
  }
  return out;
}

}  // namespace invoicer::store
