#pragma once

// Asio needs <utility> first under g++ 12 in C++20 mode (std::exchange).
#include <utility>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace invoicer::testing {

struct HttpReply {
  int status = 0;
  std::string body;
};

// A blocking HTTP/1.1 keep-alive client for one server on 127.0.0.1, for tests that drive
// a real `invoicer serve` process. Send returns nullopt when the connection fails (e.g. the
// server was killed); the next Send reconnects. Not thread-safe: one per thread.
class HttpClient {
 public:
  HttpClient(std::uint16_t port, std::string token) : port_(port), token_(std::move(token)) {}

  std::optional<HttpReply> Send(boost::beast::http::verb method, const std::string& target,
                                const std::string& body = {},
                                const std::string& content_type = "application/json") {
    namespace http = boost::beast::http;
    boost::beast::error_code ec;
    if (!connected_) {
      stream_.connect(boost::asio::ip::tcp::endpoint(boost::asio::ip::address_v4::loopback(), port_),
                      ec);
      if (ec) return std::nullopt;
      connected_ = true;
    }
    http::request<http::string_body> request(method, target, 11);
    request.set(http::field::host, "127.0.0.1");
    request.set(http::field::authorization, "Bearer " + token_);
    if (!body.empty()) {
      request.set(http::field::content_type, content_type);
      request.body() = body;
    }
    request.prepare_payload();
    http::write(stream_, request, ec);
    boost::beast::flat_buffer buffer;
    http::response<http::string_body> response;
    if (!ec) http::read(stream_, buffer, response, ec);
    if (ec) {
      stream_.socket().close(ec);
      connected_ = false;
      return std::nullopt;
    }
    if (!response.keep_alive()) {
      stream_.socket().close(ec);
      connected_ = false;
    }
    return HttpReply{static_cast<int>(response.result_int()), std::move(response.body())};
  }

 private:
  boost::asio::io_context io_;
  boost::beast::tcp_stream stream_{io_};
  bool connected_ = false;
  std::uint16_t port_;
  std::string token_;
};

}  // namespace invoicer::testing
