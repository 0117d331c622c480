#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace invoicer::http {

// One part of a multipart/form-data body. `body` borrows from the parsed text.
struct MultipartPart {
  std::string name;                     // the form field name
  std::optional<std::string> filename;  // as sent; the service makes it safe
  std::string content_type;             // "" when the part has none
  std::string_view body;
};

// Parses a multipart/form-data body (RFC 7578 / RFC 2046) with the given boundary.
// Strict about the framing (CRLF line ends, a closing delimiter), lenient about the
// preamble and epilogue. Limits: 32 parts, 8 KiB of headers per part. Errors:
// BAD_REQUEST for a bad boundary, a missing or truncated delimiter, malformed part
// headers, a part without a form-data Content-Disposition name, or too many parts.
[[nodiscard]] Result<std::vector<MultipartPart>> ParseMultipart(std::string_view body,
                                                                std::string_view boundary);

}  // namespace invoicer::http
