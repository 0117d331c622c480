#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace invoicer::testing {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpResponse {
  int status = 0;
  Headers headers;
  std::string body;

  std::optional<std::string> Header(std::string_view name) const;  // case-insensitive
  nlohmann::json Json() const;    // the parsed body (a discarded value when it is not JSON)
  std::string ErrorCode() const;  // error.code of an error body, or ""
};

// A blocking HTTP/1.1 client for the tests: one connection per request, so it can be used
// from many threads at once (each call is independent). Aborts the test on I/O errors.
class HttpClient {
 public:
  explicit HttpClient(std::uint16_t port) : port_(port) {}

  // `token` non-empty adds `Authorization: Bearer <token>`.
  HttpResponse Send(std::string_view method, std::string_view target, std::string body = {},
                    const Headers& headers = {}, std::string_view token = {}) const;
  HttpResponse Get(std::string_view target, std::string_view token = {}) const {
    return Send("GET", target, {}, {}, token);
  }
  HttpResponse PostJson(std::string_view target, std::string body, std::string_view token,
                        const Headers& headers = {}) const;

 private:
  std::uint16_t port_;
};

// True when a TCP connection to 127.0.0.1:port is accepted (false once the server stopped
// listening).
bool CanConnect(std::uint16_t port);

// A raw TCP connection for the transport tests (header floods, slow clients, requests
// that are not HTTP). Reads have a safety deadline of 20 s so a broken server fails the
// test instead of hanging it.
class RawConnection {
 public:
  explicit RawConnection(std::uint16_t port);
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  // False when the server already closed the connection (reset or broken pipe).
  bool Write(std::string_view bytes);
  // Everything the server sends until it closes the connection.
  std::string ReadUntilClosed();
  // One HTTP response (status line, headers, Content-Length body), keeping the connection.
  std::optional<HttpResponse> ReadResponse();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace invoicer::testing
