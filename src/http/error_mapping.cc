#include "http/error_mapping.h"

#include <spdlog/spdlog.h>

#include <array>
#include <string_view>

#include "codec/request_json.h"

namespace invoicer::http {

namespace {

// Seconds a client should wait before retrying a 503.
constexpr std::string_view kRetryAfterSeconds = "2";

struct CodeStatus {
  std::string_view api_code;
  int status;
};
constexpr std::array<CodeStatus, 18> kStatusByCode{{
    {"BAD_REQUEST", 400},
    {"UNAUTHENTICATED", 401},
    {"FORBIDDEN", 403},
    {"NOT_FOUND", 404},
    {"METHOD_NOT_ALLOWED", 405},
    {"STALE_WRITE", 409},
    {"INVALID_TRANSITION", 409},
    {"EXTRACTION_IN_PROGRESS", 409},
    {"PAYLOAD_TOO_LARGE", 413},
    {"UNSUPPORTED_MEDIA_TYPE", 415},
    {"UNKNOWN_FIELD", 422},
    {"PROTECTED_FIELD", 422},
    {"INVALID_VALUE", 422},
    {"VALIDATION_FAILED", 422},
    {"PRECONDITION_REQUIRED", 428},
    {"HEADERS_TOO_LARGE", 431},
    {"NOT_IMPLEMENTED", 501},
    {"UNAVAILABLE", 503},
}};

int StatusForCode(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput:
      return 400;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kUnreadableDocument:
      return 422;
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

Error Make(ErrorCode code, std::string api_code, std::string message) {
  return Error{code, std::move(api_code), std::move(message), {}};
}

}  // namespace

int StatusFor(const Error& error) {
  if (error.code == ErrorCode::kInternal) return 500;
  if (error.code == ErrorCode::kUnavailable) return 503;
  for (const auto& [api_code, status] : kStatusByCode) {
    if (api_code == error.api_code) return status;
  }
  return StatusForCode(error.code);
}

Response ErrorResponse(const Error& error) {
  const int status = StatusFor(error);
  Response response;
  if (status == 500) {
    spdlog::error("internal error ({}): {}", error.api_code, error.message);
    response = JsonResponse(500, codec::ErrorToJson(errors::Internal("internal error")));
  } else if (status == 503) {
    spdlog::warn("unavailable: {}", error.message);
    Error unavailable = error;
    unavailable.api_code = "UNAVAILABLE";
    response = JsonResponse(503, codec::ErrorToJson(unavailable));
    response.With("Retry-After", std::string(kRetryAfterSeconds));
  } else {
    response = JsonResponse(status, codec::ErrorToJson(error));
  }
  if (status == 401) response.With("WWW-Authenticate", "Bearer");
  return response;
}

namespace http_errors {
Error Unauthenticated(std::string message) {
  return Make(ErrorCode::kInvalidInput, "UNAUTHENTICATED", std::move(message));
}
Error Forbidden(std::string message) {
  return Make(ErrorCode::kInvalidInput, "FORBIDDEN", std::move(message));
}
Error MethodNotAllowed() {
  return Make(ErrorCode::kInvalidInput, "METHOD_NOT_ALLOWED",
              "the method is not allowed on this resource");
}
Error HeadersTooLarge() {
  return Make(ErrorCode::kInvalidInput, "HEADERS_TOO_LARGE",
              "the request headers are above the size limit");
}
Error NotImplemented(std::string message) {
  return Make(ErrorCode::kInvalidInput, "NOT_IMPLEMENTED", std::move(message));
}
}  // namespace http_errors

}  // namespace invoicer::http
