#include "common/metrics.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace invoicer {
namespace {

TEST(MetricsTest, CountsRequestsByMethodRouteAndStatus) {
  Metrics metrics;
  metrics.CountRequest("GET", "/v1/invoices/{id}", 200, 0.002);
  metrics.CountRequest("GET", "/v1/invoices/{id}", 200, 0.003);
  metrics.CountRequest("GET", "/v1/invoices/{id}", 404, 0.001);
  const std::string text = metrics.RenderPrometheus({});
  EXPECT_NE(text.find("# TYPE invoicer_http_requests_total counter\n"), std::string::npos);
  EXPECT_NE(text.find("invoicer_http_requests_total{method=\"GET\",route=\"/v1/invoices/{id}\","
                      "status=\"200\"} 2\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("invoicer_http_requests_total{method=\"GET\",route=\"/v1/invoices/{id}\","
                      "status=\"404\"} 1\n"),
            std::string::npos);
}

TEST(MetricsTest, RendersCumulativeLatencyBuckets) {
  Metrics metrics;
  metrics.CountRequest("GET", "/healthz", 200, 0.0004);
  metrics.CountRequest("GET", "/healthz", 200, 0.002);
  metrics.CountRequest("GET", "/healthz", 200, 30);
  const std::string text = metrics.RenderPrometheus({});
  const std::string prefix =
      "invoicer_http_request_duration_seconds_bucket{method=\"GET\",route=\"/healthz\",le=";
  EXPECT_NE(text.find(prefix + "\"0.0005\"} 1\n"), std::string::npos) << text;
  EXPECT_NE(text.find(prefix + "\"0.0025\"} 2\n"), std::string::npos);
  EXPECT_NE(text.find(prefix + "\"10\"} 2\n"), std::string::npos);
  EXPECT_NE(text.find(prefix + "\"+Inf\"} 3\n"), std::string::npos);
  EXPECT_NE(text.find("invoicer_http_request_duration_seconds_count{method=\"GET\",route=\"/"
                      "healthz\"} 3\n"),
            std::string::npos);
  EXPECT_NE(text.find("invoicer_http_request_duration_seconds_sum{method=\"GET\",route=\"/"
                      "healthz\"} 30.0024"),
            std::string::npos);
}

TEST(MetricsTest, RendersInvoicesByStateAndExtractionDurations) {
  Metrics metrics;
  metrics.ObserveExtraction(0.2, true);
  metrics.ObserveExtraction(3, false);
  const std::string text = metrics.RenderPrometheus({{"PENDING", 4}, {"EXTRACTED", 7}});
  EXPECT_NE(text.find("# TYPE invoicer_invoices gauge\n"), std::string::npos);
  EXPECT_NE(text.find("invoicer_invoices{state=\"PENDING\"} 4\n"), std::string::npos);
  EXPECT_NE(text.find("invoicer_invoices{state=\"EXTRACTED\"} 7\n"), std::string::npos);
  EXPECT_NE(
      text.find("invoicer_extraction_duration_seconds_bucket{outcome=\"ok\",le=\"0.25\"} 1\n"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("invoicer_extraction_duration_seconds_bucket{outcome=\"failed\",le=\"2.5\"} "
                      "0\n"),
            std::string::npos);
  EXPECT_NE(text.find("invoicer_extraction_duration_seconds_count{outcome=\"failed\"} 1\n"),
            std::string::npos);
}

TEST(MetricsTest, EscapesLabelValues) {
  Metrics metrics;
  metrics.CountRequest("GET", "a\"b\\c\nd", 200, 0.001);
  const std::string text = metrics.RenderPrometheus({});
  EXPECT_NE(text.find("route=\"a\\\"b\\\\c\\nd\""), std::string::npos) << text;
}

TEST(MetricsTest, CountsEveryRequestFromConcurrentThreads) {
  Metrics metrics;
  constexpr int kThreads = 8;
  constexpr int kPerThread = 2000;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&metrics, t] {
      for (int i = 0; i < kPerThread; ++i) {
        metrics.CountRequest("GET", "/r" + std::to_string(i % 3), 200 + t % 2, 0.001);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  const std::string text = metrics.RenderPrometheus({});
  std::int64_t total = 0;
  std::size_t pos = 0;
  const std::string needle = "invoicer_http_requests_total{";
  while ((pos = text.find(needle, pos)) != std::string::npos) {
    const std::size_t end = text.find('\n', pos);
    const std::size_t space = text.rfind(' ', end);
    total += std::stoll(text.substr(space + 1, end - space - 1));
    pos = end;
  }
  EXPECT_EQ(total, kThreads * kPerThread);
}

}  // namespace
}  // namespace invoicer
