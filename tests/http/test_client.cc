#include "test_client.h"

// Boost 1.74's Asio needs <utility> before its headers under g++ 12 in C++20 mode.
// clang-format off
#include <utility>
// clang-format on

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/time.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace invoicer::testing {

namespace {

namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

HttpResponse FromBeast(bhttp::response<bhttp::string_body>&& message) {
  HttpResponse out;
  out.status = static_cast<int>(message.result_int());
  for (const auto& field : message) {
    out.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  }
  out.body = std::move(message.body());
  return out;
}

}  // namespace

std::optional<std::string> HttpResponse::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (EqualsIgnoreCase(key, name)) return value;
  }
  return std::nullopt;
}

nlohmann::json HttpResponse::Json() const {
  return nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
}

std::string HttpResponse::ErrorCode() const {
  const auto json = Json();
  if (!json.is_object() || !json.contains("error")) return "";
  return json["error"].value("code", "");
}

HttpResponse HttpClient::Send(std::string_view method, std::string_view target, std::string body,
                              const Headers& headers, std::string_view token) const {
  net::io_context ioc;
  beast::tcp_stream stream(ioc);
  stream.expires_after(std::chrono::seconds(60));
  stream.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port_));
  bhttp::request<bhttp::string_body> request;
  request.method_string(std::string(method));
  request.target(std::string(target));
  request.version(11);
  request.set(bhttp::field::host, "127.0.0.1");
  if (!token.empty()) request.set(bhttp::field::authorization, "Bearer " + std::string(token));
  for (const auto& [name, value] : headers) request.insert(name, value);
  request.body() = std::move(body);
  request.prepare_payload();
  bhttp::write(stream, request);
  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(256 * 1024 * 1024);
  if (method == "HEAD") parser.skip(true);
  bhttp::read(stream, buffer, parser);
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
  return FromBeast(parser.release());
}

HttpResponse HttpClient::PostJson(std::string_view target, std::string body, std::string_view token,
                                  const Headers& headers) const {
  Headers all = headers;
  all.emplace_back("Content-Type", "application/json");
  return Send("POST", target, std::move(body), all, token);
}

bool CanConnect(std::uint16_t port) {
  net::io_context ioc;
  tcp::socket socket(ioc);
  beast::error_code ec;
  socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port), ec);
  return !ec;
}

struct RawConnection::Impl {
  net::io_context ioc;
  tcp::socket socket{ioc};
  beast::flat_buffer buffer;
};

RawConnection::RawConnection(std::uint16_t port) : impl_(std::make_unique<Impl>()) {
  impl_->socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  timeval deadline{20, 0};
  ::setsockopt(impl_->socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &deadline, sizeof(deadline));
}

RawConnection::~RawConnection() = default;

bool RawConnection::Write(std::string_view bytes) {
  beast::error_code ec;
  net::write(impl_->socket, net::buffer(bytes.data(), bytes.size()), ec);
  return !ec;
}

std::string RawConnection::ReadUntilClosed() {
  std::string out(impl_->buffer.size(), '\0');
  net::buffer_copy(net::buffer(out), impl_->buffer.data());
  impl_->buffer.consume(impl_->buffer.size());
  std::array<char, 4096> chunk{};
  while (true) {
    beast::error_code ec;
    const std::size_t n = impl_->socket.read_some(net::buffer(chunk), ec);
    out.append(chunk.data(), n);
    if (ec == net::error::eof || ec == net::error::connection_reset) return out;
    if (ec) {
      ADD_FAILURE() << "the server did not close the connection: " << ec.message();
      return out;
    }
  }
}

std::optional<HttpResponse> RawConnection::ReadResponse() {
  bhttp::response_parser<bhttp::string_body> parser;
  beast::error_code ec;
  bhttp::read(impl_->socket, impl_->buffer, parser, ec);
  if (ec) return std::nullopt;
  return FromBeast(parser.release());
}

}  // namespace invoicer::testing
