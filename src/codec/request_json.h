#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "common/result.h"
#include "domain/review.h"

// The JSON request bodies of the HTTP API (API.md) parsed into domain types, and the error
// body. Part of the nlohmann-json adapter: callers see only std::string and domain types.
//
// Errors: a body that is not JSON, not an object, nested too deeply, or has a structural
// member of the wrong type (`review_version` not a positive integer, `fields` not an
// object, `line_items` not an array, `ids` not a list of strings) is BAD_REQUEST (400) with
// details.field naming the member where known. In a PATCH body, API.md's rules apply: a
// system name at the top level or inside `fields` is PROTECTED_FIELD, any other unknown
// name UNKNOWN_FIELD, a value of the wrong JSON type (money as a number, a field value
// that is neither a string nor null) INVALID_VALUE (all 422). Value forms (dates, money
// scale, currency codes) are domain::CheckPatch's.
namespace invoicer::codec {

// PATCH /v1/invoices/{id}: `{"review_version": 3, "fields": {...}, "line_items": [...]}`.
struct PatchRequest {
  domain::ReviewPatch patch;
  std::optional<std::int64_t> review_version;  // absent: the version must come as If-Match
};
[[nodiscard]] Result<PatchRequest> ParsePatchRequest(std::string_view body);

// validate / reopen: `{"review_version": n}`. An empty body is `{}` (version as If-Match).
struct VersionRequest {
  std::optional<std::int64_t> review_version;
};
[[nodiscard]] Result<VersionRequest> ParseVersionRequest(std::string_view body);

// reject: `{"review_version": n, "reason": "..."}`; the reason is optional free text.
struct RejectRequest {
  std::optional<std::int64_t> review_version;
  std::string reason;
};
[[nodiscard]] Result<RejectRequest> ParseRejectRequest(std::string_view body);

// POST /v1/exports: `{"format": "csv" | "json" | "ubl", "ids": [...]}`; `format` is
// required and is one of the three (else BAD_REQUEST, details.field "format").
struct ExportRequest {
  std::string format;
  std::optional<std::vector<std::string>> ids;
};
[[nodiscard]] Result<ExportRequest> ParseExportRequest(std::string_view body);

// `{"error": {"code", "message", "details": {...}}}` (API.md); each detail is a JSON
// number, string or array of strings.
std::string ErrorToJson(const Error& error);

}  // namespace invoicer::codec
