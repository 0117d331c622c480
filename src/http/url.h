#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"

namespace invoicer::http {

// Decodes %XX escapes (and '+' as a space when `plus_is_space`, for query strings).
// nullopt for a malformed escape or a decoded NUL byte.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space = false);

// Encodes everything but RFC 3986 unreserved characters.
std::string PercentEncode(std::string_view text);

// The decoded parameters of a query string, in order. A value object.
class QueryParams {
 public:
  // BAD_REQUEST (details.parameter) when a name or value has a malformed escape.
  [[nodiscard]] static Result<QueryParams> Parse(std::string_view query);

  // The first value of `name`, or nullopt when absent.
  std::optional<std::string_view> Get(std::string_view name) const;

 private:
  std::vector<std::pair<std::string, std::string>> params_;
};

}  // namespace invoicer::http
