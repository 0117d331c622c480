#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace invoicer {

// In-process Prometheus metrics: HTTP requests by route and status with a latency
// histogram, extraction durations by outcome. Thread-safe; cheap on the hot path.
// Gauges that live in the store (invoices by state) are passed in at render time.
class Metrics {
 public:
  Metrics();
  ~Metrics();
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // `route` is the route pattern ("/v1/invoices/{id}"), never the raw path.
  void CountRequest(std::string_view method, std::string_view route, int status, double seconds);
  void ObserveExtraction(double seconds, bool ok);

  // The Prometheus text exposition format (version 0.0.4).
  std::string RenderPrometheus(const std::map<std::string, std::int64_t>& invoices_by_state) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;  // pimpl keeps the hot-path containers out of the header
};

}  // namespace invoicer
