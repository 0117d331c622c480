#include "common/metrics.h"

#include <array>
#include <atomic>
#include <charconv>
#include <mutex>
#include <shared_mutex>
#include <span>
#include <tuple>
#include <vector>

namespace invoicer {

namespace {

constexpr std::array<double, 14> kLatencyBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                 0.1,    0.25,  0.5,    1,     2.5,  5,     10};
constexpr std::array<double, 12> kExtractionBuckets{0.01, 0.05, 0.1, 0.25, 0.5, 1,
                                                    2.5,  5,    10,  30,   60,  120};

// Lock-free once created: observations only touch atomics. Bucket counts are kept per
// bucket and summed when rendered (Prometheus buckets are cumulative).
class Histogram {
 public:
  explicit Histogram(std::span<const double> bounds)
      : bounds_(bounds), counts_(bounds.size() + 1) {}

  void Observe(double seconds) {
    std::size_t i = 0;
    while (i < bounds_.size() && seconds > bounds_[i]) ++i;
    counts_[i].fetch_add(1, std::memory_order_relaxed);
    const double nanos = seconds < 0 ? 0 : seconds * 1e9;
    sum_nanos_.fetch_add(static_cast<std::uint64_t>(nanos), std::memory_order_relaxed);
  }

  // Appends the _bucket, _sum and _count lines; `labels` is "" or `a="b",` (with comma).
  void Render(std::string& out, std::string_view name, std::string_view labels) const;

 private:
  std::span<const double> bounds_;
  std::vector<std::atomic<std::uint64_t>> counts_;
  std::atomic<std::uint64_t> sum_nanos_{0};
};

std::string FormatDouble(double v) {
  std::array<char, 32> buf{};
  const auto res = std::to_chars(buf.data(), buf.data() + buf.size(), v, std::chars_format::fixed);
  return std::string(buf.data(), res.ptr);
}

// Label values are escaped as the text format requires (backslash, quote, newline).
std::string EscapeLabel(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (const char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

void Histogram::Render(std::string& out, std::string_view name, std::string_view labels) const {
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < counts_.size(); ++i) {
    cumulative += counts_[i].load(std::memory_order_relaxed);
    const std::string le = i < bounds_.size() ? FormatDouble(bounds_[i]) : "+Inf";
    out.append(name).append("_bucket{").append(labels).append("le=\"").append(le);
    out.append("\"} ").append(std::to_string(cumulative)).append("\n");
  }
  const std::string plain_labels =
      labels.empty() ? "" : "{" + std::string(labels.substr(0, labels.size() - 1)) + "}";
  const double sum = static_cast<double>(sum_nanos_.load(std::memory_order_relaxed)) / 1e9;
  out.append(name).append("_sum").append(plain_labels).append(" ").append(FormatDouble(sum));
  out.append("\n");
  out.append(name).append("_count").append(plain_labels).append(" ");
  out.append(std::to_string(cumulative)).append("\n");
}

using RequestKey = std::tuple<std::string, std::string, int>;
using RouteKey = std::tuple<std::string, std::string>;
// Compares keys of std::string and std::string_view members alike (clang 14 cannot compare
// such tuples with std::less<>).
struct KeyLess {
  using is_transparent = void;
  template <typename A, typename B>
  bool operator()(const A& a, const B& b) const {
    return View(a) < View(b);
  }
  template <typename... T>
  static auto View(const std::tuple<T...>& t) {
    return std::apply([](const auto&... m) { return std::tuple(Viewed(m)...); }, t);
  }
  static std::string_view Viewed(const std::string& s) { return s; }
  static std::string_view Viewed(std::string_view s) { return s; }
  static int Viewed(int i) { return i; }
};

}  // namespace

struct Metrics::Impl {
  // Entries are created once per label set and never removed, so the hot path takes only
  // a shared lock for the lookup and then updates atomics.
  mutable std::shared_mutex mu;
  std::map<RequestKey, std::unique_ptr<std::atomic<std::uint64_t>>, KeyLess> requests;
  std::map<RouteKey, std::unique_ptr<Histogram>, KeyLess> latency;
  Histogram extraction_ok{kExtractionBuckets};
  Histogram extraction_failed{kExtractionBuckets};

  template <typename Map, typename Key, typename Make>
  auto& FindOrCreate(Map& map, const Key& key, Make make) {
    {
      std::shared_lock lock(mu);
      if (auto it = map.find(key); it != map.end()) return *it->second;
    }
    std::unique_lock lock(mu);
    auto it = map.find(key);
    if (it == map.end()) it = map.emplace(typename Map::key_type(key), make()).first;
    return *it->second;
  }
};

Metrics::Metrics() : impl_(std::make_unique<Impl>()) {}
Metrics::~Metrics() = default;

void Metrics::CountRequest(std::string_view method, std::string_view route, int status,
                           double seconds) {
  impl_
      ->FindOrCreate(impl_->requests,
                     std::tuple<std::string_view, std::string_view, int>(method, route, status),
                     [] { return std::make_unique<std::atomic<std::uint64_t>>(0); })
      .fetch_add(1, std::memory_order_relaxed);
  impl_
      ->FindOrCreate(impl_->latency, std::tuple<std::string_view, std::string_view>(method, route),
                     [] { return std::make_unique<Histogram>(kLatencyBuckets); })
      .Observe(seconds);
}

void Metrics::ObserveExtraction(double seconds, bool ok) {
  (ok ? impl_->extraction_ok : impl_->extraction_failed).Observe(seconds);
}

std::string Metrics::RenderPrometheus(
    const std::map<std::string, std::int64_t>& invoices_by_state) const {
  std::string out;
  {
    std::shared_lock lock(impl_->mu);
    out +=
        "# HELP invoicer_http_requests_total HTTP requests by method, route pattern and status.\n";
    out += "# TYPE invoicer_http_requests_total counter\n";
    for (const auto& [key, count] : impl_->requests) {
      const auto& [method, route, status] = key;
      out += "invoicer_http_requests_total{method=\"" + EscapeLabel(method) + "\",route=\"" +
             EscapeLabel(route) + "\",status=\"" + std::to_string(status) + "\"} " +
             std::to_string(count->load(std::memory_order_relaxed)) + "\n";
    }
    out +=
        "# HELP invoicer_http_request_duration_seconds HTTP request latency by method and "
        "route pattern.\n";
    out += "# TYPE invoicer_http_request_duration_seconds histogram\n";
    for (const auto& [key, histogram] : impl_->latency) {
      const auto& [method, route] = key;
      histogram->Render(
          out, "invoicer_http_request_duration_seconds",
          "method=\"" + EscapeLabel(method) + "\",route=\"" + EscapeLabel(route) + "\",");
    }
  }
  out += "# HELP invoicer_invoices Invoices by processing state.\n";
  out += "# TYPE invoicer_invoices gauge\n";
  for (const auto& [state, count] : invoices_by_state) {
    out +=
        "invoicer_invoices{state=\"" + EscapeLabel(state) + "\"} " + std::to_string(count) + "\n";
  }
  out += "# HELP invoicer_extraction_duration_seconds Extraction duration by outcome.\n";
  out += "# TYPE invoicer_extraction_duration_seconds histogram\n";
  impl_->extraction_ok.Render(out, "invoicer_extraction_duration_seconds", "outcome=\"ok\",");
  impl_->extraction_failed.Render(out, "invoicer_extraction_duration_seconds",
                                  "outcome=\"failed\",");
  return out;
}

}  // namespace invoicer
