#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace invoicer {

// The closed set of expected failure kinds. Mapped once to HTTP status (http/error_mapping)
// and once to exit codes (cli).
enum class ErrorCode {
  kInvalidInput,        // the caller's input is malformed or not allowed (400/413/415/422/428)
  kNotFound,            // no such entity (404)
  kConflict,            // the entity's state or version forbids the write (409)
  kUnavailable,         // store unreachable or overloaded (503)
  kUnreadableDocument,  // a document that cannot be read (extraction fails)
  kInternal,            // a bug or an unexpected library failure (500)
};

// One value of an error's details: a number, a string or a list of strings.
using ErrorDetail = std::variant<std::int64_t, std::string, std::vector<std::string>>;

// An expected failure. `api_code` is the UPPER_SNAKE code the HTTP API shows (API.md's
// table, e.g. "STALE_WRITE"); `message` is safe to show to a client (no SQL, no paths);
// `details` are the machine-readable extras (e.g. {"current_state", "EXTRACTED"}).
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string api_code;
  std::string message;
  std::vector<std::pair<std::string, ErrorDetail>> details;

  Error& With(std::string key, ErrorDetail value) {
    details.emplace_back(std::move(key), std::move(value));
    return *this;
  }
  // The detail of that key, or nullptr.
  const ErrorDetail* Detail(std::string_view key) const {
    for (const auto& [k, v] : details) {
      if (k == key) return &v;
    }
    return nullptr;
  }
};

// Constructors for the errors the API documents, so the codes are spelled once.
namespace errors {
Error BadRequest(std::string message);
Error NotFound(std::string message = "no such invoice");
Error StaleWrite(std::int64_t current_review_version);
Error InvalidTransition(std::string_view current_state, std::string message = {});
Error ExtractionInProgress();
Error PayloadTooLarge(std::int64_t limit_bytes);
Error UnsupportedMediaType(std::string message);
Error UnknownField(std::string_view field);
Error ProtectedField(std::string_view field);
Error InvalidValue(std::string_view field, std::string message);
Error ValidationFailed(std::string message);
Error PreconditionRequired(std::string message);
Error Unavailable(std::string message);
Error UnreadableDocument(std::string message);
Error Internal(std::string message);
}  // namespace errors

}  // namespace invoicer
