#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace invoicer::http {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// An HTTP request as the handlers see it: plain strings, no transport types, so the
// routing and handler code is testable without a socket. Owned by the one handler call
// that serves it.
struct Request {
  std::string method;  // as sent ("GET")
  std::string target;  // the raw request target ("/v1/invoices?limit=5")
  std::string path;    // the target before '?', still percent-encoded
  std::string query;   // the target after '?', still percent-encoded
  HeaderList headers;  // as received
  std::string body;

  // The first header of that name (case-insensitive), or nullopt.
  std::optional<std::string_view> Header(std::string_view name) const;
};

// An HTTP response built by a handler. `close` asks the connection to close after it.
struct Response {
  int status = 200;
  std::string content_type;
  HeaderList headers;
  std::string body;
  bool close = false;

  Response& With(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

// A response with a JSON body.
Response JsonResponse(int status, std::string body);

bool EqualsIgnoreCase(std::string_view a, std::string_view b);

}  // namespace invoicer::http
