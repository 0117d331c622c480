#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"

namespace invoicer::extract {

struct PagePngLimits {
  int max_pages = 500;
  std::int64_t max_pixels = 100'000'000;
};

// Page `page` (1-based) of a stored document as a PNG picture, for reviewers to see where a
// field came from: a PDF page rendered at `dpi` (lowered to stay within the pixel limit), or
// a frame of a PNG, JPEG or TIFF scan as it is (`dpi` does not apply; its boxes are pixels).
// Stateless; thread-safe. Errors: kInvalidInput (dpi outside 1..600), kNotFound (no such
// page), kUnreadableDocument (not a PDF or image, damaged, encrypted, over a limit).
[[nodiscard]] Result<std::string> RenderPagePng(std::string_view bytes, int page, int dpi,
                                                const PagePngLimits& limits = {});

}  // namespace invoicer::extract
