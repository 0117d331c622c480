#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "app/invoice_service.h"
#include "app/token_service.h"
#include "common/metrics.h"
#include "common/result.h"

namespace invoicer::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: an ephemeral port (Start returns it)
  int io_threads = 2;         // parse and write only; never block
  int handler_threads = 8;    // the quick endpoints (reads, uploads, edits, transitions)
  std::int64_t max_upload_bytes = 25LL * 1024 * 1024;
  // The deadline for reading one request's header, and again its body, and for writing
  // one response; an idle keep-alive connection is closed after it too.
  std::chrono::seconds read_timeout{30};
  std::size_t max_header_bytes = 16 * 1024;
  // Threads for the slow endpoints (synchronous extract, export), so that they never hold
  // up the quick ones.
  int slow_handler_threads = 4;
  std::int64_t max_json_body_bytes = 1024 * 1024;  // every body but an upload
  int max_connections = 10000;                     // further connections are closed on accept
  int max_queued_requests = 4096;                  // requests waiting for a handler; beyond: 503
};

// The HTTP server of API.md on Boost.Beast: keep-alive connections served by `io_threads`
// threads that only parse and write; every handler (which may block on the store or an
// extraction) runs on a handler pool, and its response is posted back to the connection.
// Enforces the header and body limits (431 / 413 without reading the body), the read
// timeout (slow clients are disconnected) and answers malformed requests with 400.
//
// Borrows the services and metrics, which must outlive it. Start and Stop are called from
// one thread (not from a handler); Stop is idempotent and the destructor calls it.
// Errors: Start returns kUnavailable when it cannot listen on host:port.
class Server {
 public:
  Server(app::InvoiceService& service, app::TokenService& tokens, Metrics& metrics,
         ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens, then serves on background threads; returns the bound port.
  [[nodiscard]] Result<std::uint16_t> Start();
  // Graceful: stops accepting, closes idle connections, lets requests already handed to
  // a handler finish and answer, then joins every thread.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace invoicer::http
