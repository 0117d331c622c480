#include "http/server.h"

// Boost 1.74's Asio needs <utility> before its headers under g++ 12 in C++20 mode.
// clang-format off
#include <utility>
// clang-format on

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <limits>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

#include "http/api.h"
#include "http/error_mapping.h"

namespace invoicer::http {

namespace {

namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using SteadyClock = std::chrono::steady_clock;

// Room around the file in a multipart upload (boundaries, part headers, small fields).
constexpr std::int64_t kMultipartOverhead = 64 * 1024;
// After answering a request whose body was not read (413), keep reading and discarding
// for a moment so the client sees the answer instead of a connection reset.
constexpr auto kLingerTime = std::chrono::seconds(2);
constexpr std::size_t kLingerBytes = 4 * 1024 * 1024;
constexpr std::size_t kDrainChunk = 16 * 1024;
constexpr auto kAcceptRetryDelay = std::chrono::milliseconds(50);

// Metric labels come from a closed set so that clients cannot grow the label space.
std::string_view MethodLabel(std::string_view method) {
  static constexpr std::array<std::string_view, 7> kKnown{"GET",    "POST", "PUT",    "PATCH",
                                                          "DELETE", "HEAD", "OPTIONS"};
  for (const auto known : kKnown) {
    if (known == method) return known;
  }
  return "OTHER";
}

std::string_view Sv(beast::string_view s) { return {s.data(), s.size()}; }

bool IsParseError(const beast::error_code& ec) {
  return ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category();
}

Request ToRequest(bhttp::request<bhttp::string_body>&& message) {
  Request out;
  out.method = std::string(Sv(message.method_string()));
  out.target = std::string(Sv(message.target()));
  const std::size_t question = out.target.find('?');
  out.path = out.target.substr(0, question);
  if (question != std::string::npos) out.query = out.target.substr(question + 1);
  for (const auto& field : message) {
    out.headers.emplace_back(std::string(Sv(field.name_string())), std::string(Sv(field.value())));
  }
  out.body = std::move(message.body());
  return out;
}

class Session;

// What the listener and every session share. Owned by Server::Impl.
struct Shared {
  Shared(app::InvoiceService& service, app::TokenService& tokens, Metrics& metrics_in,
         ServerOptions options_in)
      : options(std::move(options_in)),
        metrics(metrics_in),
        api(service, tokens, metrics_in, options.max_upload_bytes),
        ioc(std::max(1, options.io_threads)),
        fast_pool(static_cast<std::size_t>(std::max(1, options.handler_threads))),
        slow_pool(static_cast<std::size_t>(std::max(1, options.slow_handler_threads))) {}

  ServerOptions options;
  Metrics& metrics;
  Api api;
  net::io_context ioc;
  net::thread_pool fast_pool;
  net::thread_pool slow_pool;
  std::atomic<bool> stopping{false};
  std::atomic<int> connections{0};
  std::atomic<int> queued{0};
  std::mutex sessions_mu;
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions;
};

// One connection: reads a request, hands it to a handler pool, writes the answer, and
// repeats while keep-alive holds. Every member is touched only on the connection's strand
// (the handler pool gets a moved copy of the request).
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, Shared& shared) : stream_(std::move(socket)), shared_(shared) {
    ++shared_.connections;
  }
  ~Session() {
    --shared_.connections;
    std::lock_guard lock(shared_.sessions_mu);
    shared_.sessions.erase(this);
  }

  void Start() {
    net::dispatch(stream_.get_executor(),
                  beast::bind_front_handler(&Session::ReadHeader, shared_from_this()));
  }

  // Server stop: an idle or reading connection closes now; one whose request is with a
  // handler closes after its answer.
  void Shutdown() {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
      if (!self->busy_) self->Close();
    });
  }

 private:
  void ReadHeader() {
    if (shared_.stopping) return Close();
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(shared_.options.max_header_bytes));
    // No body limit while reading the header: OnHeader sets the route's limit, so that an
    // oversized Content-Length is answered with that route's limit. (Not boost::none:
    // Beast 1.74 compares the length against the optional and refuses every body then.)
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    match_ = RouteMatch{};
    method_ = "OTHER";
    route_label_ = "(invalid)";
    started_ = SteadyClock::now();
    stream_.expires_after(shared_.options.read_timeout);
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             beast::bind_front_handler(&Session::OnHeader, shared_from_this()));
  }

  void OnHeader(beast::error_code ec, std::size_t) {
    if (ec) return OnReadError(ec);
    started_ = SteadyClock::now();
    const auto& header = parser_->get();
    version_ = header.version();
    keep_alive_ = header.keep_alive();
    method_ = std::string(MethodLabel(Sv(header.method_string())));
    const std::string_view target = Sv(header.target());
    match_ = shared_.api.Find(Sv(header.method_string()), target.substr(0, target.find('?')));
    route_label_ = match_.route != nullptr ? match_.route->pattern : "(unmatched)";

    const std::int64_t limit =
        match_.route != nullptr && match_.route->body_limit == BodyLimit::kUpload
            ? UploadBodyLimit()
            : shared_.options.max_json_body_bytes;
    const auto length = parser_->content_length();
    if (length && *length > static_cast<std::uint64_t>(limit)) return RejectTooLarge();
    parser_->body_limit(static_cast<std::uint64_t>(limit));

    const bool has_body = (length && *length > 0) || parser_->chunked();
    if (has_body && beast::iequals(header[bhttp::field::expect], "100-continue")) {
      continue_.emplace(bhttp::status::continue_, version_);
      stream_.expires_after(shared_.options.read_timeout);
      return bhttp::async_write(stream_, *continue_,
                                [self = shared_from_this()](beast::error_code wec, std::size_t) {
                                  if (wec) return self->Close();
                                  self->ReadBody();
                                });
    }
    ReadBody();
  }

  void ReadBody() {
    if (parser_->is_done()) return Dispatch();
    stream_.expires_after(shared_.options.read_timeout);
    bhttp::async_read(stream_, buffer_, *parser_,
                      beast::bind_front_handler(&Session::OnBody, shared_from_this()));
  }

  void OnBody(beast::error_code ec, std::size_t) {
    if (ec) return OnReadError(ec);
    Dispatch();
  }

  void OnReadError(const beast::error_code& ec) {
    if (ec == net::error::operation_aborted) return;
    if (ec == bhttp::error::header_limit) {
      return RespondEarly(ErrorResponse(http_errors::HeadersTooLarge()));
    }
    if (ec == bhttp::error::body_limit) return RejectTooLarge();
    if (ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message &&
        IsParseError(ec)) {
      return RespondEarly(ErrorResponse(errors::BadRequest("malformed HTTP request")));
    }
    // End of stream, a timeout (slow or idle client) or a reset: nothing to answer.
    Close();
  }

  void RejectTooLarge() {
    const bool upload = match_.route != nullptr && match_.route->body_limit == BodyLimit::kUpload;
    RespondEarly(ErrorResponse(errors::PayloadTooLarge(
        upload ? shared_.options.max_upload_bytes : shared_.options.max_json_body_bytes)));
  }

  // An answer before the request was fully read: the connection cannot be reused.
  void RespondEarly(Response response) {
    response.close = true;
    unread_input_ = true;
    Respond(std::move(response));
  }

  void Dispatch() {
    stream_.expires_never();
    busy_ = true;
    Request request = ToRequest(parser_->release());
    parser_.reset();
    if (match_.route == nullptr) return Respond(shared_.api.Handle(match_, request));
    if (shared_.queued.load() >= shared_.options.max_queued_requests) {
      return Respond(ErrorResponse(errors::Unavailable("the server is overloaded")));
    }
    ++shared_.queued;
    auto& pool = match_.route->lane == Lane::kSlow ? shared_.slow_pool : shared_.fast_pool;
    // The work guard keeps the io threads running (and Stop waiting) until the answer is
    // posted back to this connection.
    net::post(pool, [self = shared_from_this(), request = std::move(request),
                     work = net::make_work_guard(shared_.ioc)]() mutable {
      Response response = self->shared_.api.Handle(self->match_, request);
      --self->shared_.queued;
      auto executor = self->stream_.get_executor();
      net::post(executor, [self = std::move(self), response = std::move(response)]() mutable {
        self->Respond(std::move(response));
      });
    });
  }

  void Respond(Response response) {
    busy_ = true;
    const bool keep_alive = keep_alive_ && !response.close && !shared_.stopping;
    response_.emplace();
    response_->version(version_);
    response_->result(static_cast<unsigned>(response.status));
    response_->set(bhttp::field::server, "invoicer");
    response_->set(bhttp::field::cache_control, "no-store");
    response_->set("X-Content-Type-Options", "nosniff");
    if (!response.content_type.empty()) {
      response_->set(bhttp::field::content_type, response.content_type);
    }
    for (auto& [name, value] : response.headers) response_->insert(name, value);
    response_->body() = std::move(response.body);
    response_->keep_alive(keep_alive);
    response_->prepare_payload();
    const std::chrono::duration<double> elapsed = SteadyClock::now() - started_;
    shared_.metrics.CountRequest(method_, route_label_, response.status, elapsed.count());
    stream_.expires_after(shared_.options.read_timeout);
    bhttp::async_write(stream_, *response_,
                       [self = shared_from_this(), keep_alive](beast::error_code ec, std::size_t) {
                         self->OnWrite(ec, keep_alive);
                       });
  }

  void OnWrite(const beast::error_code& ec, bool keep_alive) {
    busy_ = false;
    response_.reset();
    if (ec) return Close();
    if (unread_input_ && !shared_.stopping) return Linger();
    if (!keep_alive || shared_.stopping) return Close();
    ReadHeader();
  }

  void Linger() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.expires_after(kLingerTime);
    drain_.resize(kDrainChunk);
    Drain();
  }

  void Drain() {
    stream_.async_read_some(net::buffer(drain_),
                            [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                              self->drained_ += n;
                              if (ec || self->drained_ > kLingerBytes) return self->Close();
                              self->Drain();
                            });
  }

  void Close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.close();
  }

  std::int64_t UploadBodyLimit() const {
    return shared_.options.max_upload_bytes + kMultipartOverhead;
  }

  beast::tcp_stream stream_;
  Shared& shared_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::optional<bhttp::response<bhttp::empty_body>> continue_;
  std::optional<bhttp::response<bhttp::string_body>> response_;
  RouteMatch match_;
  std::string method_;
  std::string route_label_;
  SteadyClock::time_point started_;
  unsigned version_ = 11;
  bool keep_alive_ = false;
  bool busy_ = false;
  bool unread_input_ = false;
  std::vector<char> drain_;  // allocated only while lingering
  std::size_t drained_ = 0;
};

// Accepts connections until closed; each gets its own strand.
class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(Shared& shared, tcp::acceptor&& acceptor)
      : shared_(shared), acceptor_(std::move(acceptor)), retry_(acceptor_.get_executor()) {}

  void Accept() {
    acceptor_.async_accept(net::make_strand(shared_.ioc),
                           beast::bind_front_handler(&Listener::OnAccept, shared_from_this()));
  }

  void Close() {
    net::post(acceptor_.get_executor(), [self = shared_from_this()] {
      beast::error_code ignored;
      self->acceptor_.close(ignored);
      self->retry_.cancel();
    });
  }

 private:
  void OnAccept(beast::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted || !acceptor_.is_open()) return;
    if (ec) {
      // Out of descriptors and the like: back off briefly instead of spinning.
      spdlog::warn("accept failed: {}", ec.message());
      retry_.expires_after(kAcceptRetryDelay);
      retry_.async_wait([self = shared_from_this()](beast::error_code wait_ec) {
        if (!wait_ec) self->Accept();
      });
      return;
    }
    if (shared_.connections.load() >= shared_.options.max_connections || shared_.stopping) {
      beast::error_code ignored;
      socket.close(ignored);
    } else {
      beast::error_code ignored;
      socket.set_option(tcp::no_delay(true), ignored);
      auto session = std::make_shared<Session>(std::move(socket), shared_);
      {
        std::lock_guard lock(shared_.sessions_mu);
        shared_.sessions.emplace(session.get(), session);
      }
      session->Start();
    }
    Accept();
  }

  Shared& shared_;
  tcp::acceptor acceptor_;
  net::steady_timer retry_;
};

Result<tcp::endpoint> ResolveEndpoint(net::io_context& ioc, const std::string& host,
                                      std::uint16_t port) {
  beast::error_code ec;
  const auto address = net::ip::make_address(host, ec);
  if (!ec) return tcp::endpoint(address, port);
  tcp::resolver resolver(ioc);
  const auto results = resolver.resolve(host, std::to_string(port), ec);
  if (ec || results.empty()) {
    return errors::Unavailable("cannot resolve listen address '" + host + "'");
  }
  return results.begin()->endpoint();
}

}  // namespace

struct Server::Impl {
  Impl(app::InvoiceService& service, app::TokenService& tokens, Metrics& metrics,
       ServerOptions options)
      : shared(service, tokens, metrics, std::move(options)) {}

  void RunIo() {
    // The edge's catch-all for the io threads: log and keep serving.
    while (true) {
      try {
        shared.ioc.run();
        return;
      } catch (const std::exception& e) {
        spdlog::error("http io thread: unhandled exception: {}", e.what());
      } catch (...) {
        spdlog::error("http io thread: unhandled non-standard exception");
      }
    }
  }

  Shared shared;
  std::shared_ptr<Listener> listener;
  std::vector<std::thread> threads;
  bool started = false;
  bool stopped = false;
};

Server::Server(app::InvoiceService& service, app::TokenService& tokens, Metrics& metrics,
               ServerOptions options)
    : impl_(std::make_unique<Impl>(service, tokens, metrics, std::move(options))) {}

Server::~Server() { Stop(); }

Result<std::uint16_t> Server::Start() {
  if (impl_->started) return errors::Internal("the server was started before");
  const auto& options = impl_->shared.options;
  auto endpoint = ResolveEndpoint(impl_->shared.ioc, options.host, options.port);
  if (!endpoint) return std::move(endpoint).error();
  tcp::acceptor acceptor(net::make_strand(impl_->shared.ioc));
  beast::error_code ec;
  const auto fail = [&](std::string_view what) {
    return errors::Unavailable("cannot listen on " + options.host + ":" +
                               std::to_string(options.port) + " (" + std::string(what) + ": " +
                               ec.message() + ")");
  };
  if (acceptor.open(endpoint->protocol(), ec); ec) return fail("open");
  if (acceptor.set_option(net::socket_base::reuse_address(true), ec); ec) return fail("option");
  if (acceptor.bind(*endpoint, ec); ec) return fail("bind");
  if (acceptor.listen(net::socket_base::max_listen_connections, ec); ec) return fail("listen");
  const std::uint16_t port = acceptor.local_endpoint(ec).port();
  if (ec) return fail("local endpoint");

  impl_->started = true;
  impl_->listener = std::make_shared<Listener>(impl_->shared, std::move(acceptor));
  impl_->listener->Accept();
  for (int i = 0; i < std::max(1, options.io_threads); ++i) {
    impl_->threads.emplace_back([impl = impl_.get()] { impl->RunIo(); });
  }
  return port;
}

void Server::Stop() {
  if (!impl_->started || impl_->stopped) return;
  impl_->stopped = true;
  auto& shared = impl_->shared;
  shared.stopping = true;
  impl_->listener->Close();
  // Collected first and shut down outside the lock: dropping the last reference to a
  // session runs its destructor, which takes the same lock.
  std::vector<std::shared_ptr<Session>> live;
  {
    std::lock_guard lock(shared.sessions_mu);
    for (auto& [raw, weak] : shared.sessions) {
      if (auto session = weak.lock()) live.push_back(std::move(session));
    }
  }
  for (auto& session : live) session->Shutdown();
  live.clear();
  for (auto& thread : impl_->threads) thread.join();
  impl_->threads.clear();
  shared.fast_pool.join();
  shared.slow_pool.join();
  impl_->listener.reset();
}

}  // namespace invoicer::http
