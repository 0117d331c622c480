#pragma once

#include <cstdint>
#include <optional>

#include "common/result.h"
#include "domain/invoice.h"
#include "http/message.h"

// Helpers shared by the endpoint handlers.
namespace invoicer::http {

// A record response: the API record as JSON with `ETag: "<review_version>"`.
Response RecordResponse(int status, const domain::Invoice& invoice);

// The review_version of a write (API.md): from the body or If-Match. Neither: 428
// PRECONDITION_REQUIRED; both and different: 400 BAD_REQUEST; a malformed If-Match: 400.
[[nodiscard]] Result<std::int64_t> ResolveVersion(std::optional<std::int64_t> body_version,
                                                  const Request& request);

}  // namespace invoicer::http
