#include "common/error.h"

namespace invoicer::errors {

namespace {
Error Make(ErrorCode code, std::string api_code, std::string message) {
  return Error{code, std::move(api_code), std::move(message), {}};
}
}  // namespace

Error BadRequest(std::string message) {
  return Make(ErrorCode::kInvalidInput, "BAD_REQUEST", std::move(message));
}
Error NotFound(std::string message) {
  return Make(ErrorCode::kNotFound, "NOT_FOUND", std::move(message));
}
Error StaleWrite(std::int64_t current_review_version) {
  return Make(ErrorCode::kConflict, "STALE_WRITE",
              "review_version is not the current one; reload and retry")
      .With("current_review_version", current_review_version);
}
Error InvalidTransition(std::string_view current_state, std::string message) {
  if (message.empty()) {
    message = "the action is not allowed in state " + std::string(current_state);
  }
  return Make(ErrorCode::kConflict, "INVALID_TRANSITION", std::move(message))
      .With("current_state", std::string(current_state));
}
Error ExtractionInProgress() {
  return Make(ErrorCode::kConflict, "EXTRACTION_IN_PROGRESS",
              "another extractor holds the claim on this invoice")
      .With("current_state", std::string("PROCESSING"));
}
Error PayloadTooLarge(std::int64_t limit_bytes) {
  return Make(ErrorCode::kInvalidInput, "PAYLOAD_TOO_LARGE", "the upload is above the size limit")
      .With("limit_bytes", limit_bytes);
}
Error UnsupportedMediaType(std::string message) {
  return Make(ErrorCode::kInvalidInput, "UNSUPPORTED_MEDIA_TYPE", std::move(message));
}
Error UnknownField(std::string_view field) {
  return Make(ErrorCode::kInvalidInput, "UNKNOWN_FIELD",
              "unknown field '" + std::string(field) + "'")
      .With("field", std::string(field));
}
Error ProtectedField(std::string_view field) {
  return Make(ErrorCode::kInvalidInput, "PROTECTED_FIELD",
              "'" + std::string(field) + "' is written by the system only")
      .With("field", std::string(field));
}
Error InvalidValue(std::string_view field, std::string message) {
  return Make(ErrorCode::kInvalidInput, "INVALID_VALUE", std::move(message))
      .With("field", std::string(field));
}
Error ValidationFailed(std::string message) {
  return Make(ErrorCode::kInvalidInput, "VALIDATION_FAILED", std::move(message));
}
Error PreconditionRequired(std::string message) {
  return Make(ErrorCode::kInvalidInput, "PRECONDITION_REQUIRED", std::move(message));
}
Error Unavailable(std::string message) {
  return Make(ErrorCode::kUnavailable, "UNAVAILABLE", std::move(message));
}
Error UnreadableDocument(std::string message) {
  return Make(ErrorCode::kUnreadableDocument, "UNREADABLE_DOCUMENT", std::move(message));
}
Error Internal(std::string message) {
  return Make(ErrorCode::kInternal, "INTERNAL", std::move(message));
}

}  // namespace invoicer::errors
