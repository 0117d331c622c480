#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"

namespace invoicer::http {

// A header value with parameters, such as `multipart/form-data; boundary=x` or
// `form-data; name="file"; filename="a.pdf"` (RFC 9110 parameters: tokens or quoted
// strings). A value object.
struct HeaderValue {
  std::string value;                                        // the leading token, lower-case
  std::vector<std::pair<std::string, std::string>> params;  // names lower-case, values unquoted

  std::optional<std::string_view> Param(std::string_view name) const;
  // The file name of a Content-Disposition: `filename*` (RFC 8187, UTF-8) first, else
  // `filename`; as the client sent it (the service makes it safe). nullopt when neither
  // is present.
  std::optional<std::string> Filename() const;
};

// nullopt when the text is malformed (an unterminated quoted string).
std::optional<HeaderValue> ParseHeaderValue(std::string_view text);

// The token of `Authorization: Bearer <token>`; nullopt for any other form.
std::optional<std::string_view> BearerToken(std::string_view authorization);

// The review_version named by an If-Match header (`"3"`, as the ETag is sent, or `3`).
// Absent header: nullopt. Anything else (`*`, a list, a weak tag, not a positive number):
// BAD_REQUEST.
[[nodiscard]] Result<std::optional<std::int64_t>> ParseIfMatch(
    std::optional<std::string_view> header);

// `attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded`.
std::string AttachmentDisposition(std::string_view filename);

}  // namespace invoicer::http
