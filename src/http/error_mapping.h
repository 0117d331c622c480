#pragma once

#include "common/error.h"
#include "http/message.h"

namespace invoicer::http {

// The one mapping from Error to HTTP (API.md "Errors that clients rely on"): the api_code
// decides the status; an error without a known api_code falls back on its ErrorCode.
// kInternal becomes 500 INTERNAL with a generic message (the detail is logged, never
// sent); kUnavailable gets Retry-After; 401 gets WWW-Authenticate.
int StatusFor(const Error& error);
Response ErrorResponse(const Error& error);

// Errors that only the HTTP layer raises.
namespace http_errors {
Error Unauthenticated(std::string message);
Error Forbidden(std::string message);
Error MethodNotAllowed();
Error HeadersTooLarge();
Error NotImplemented(std::string message);
}  // namespace http_errors

}  // namespace invoicer::http
