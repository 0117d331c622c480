#include "http/system_handlers.h"

#include <spdlog/spdlog.h>

#include "http/error_mapping.h"
#include "http/openapi.h"

namespace invoicer::http {

namespace {

constexpr std::string_view kReviewPlaceholder = R"(<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>invoicer</title></head>
<body>
<h1>invoicer</h1>
<p>The review page is coming in a later version. The API is described at
<a href="/openapi.json">/openapi.json</a>.</p>
</body>
</html>
)";

}  // namespace

SystemHandlers::SystemHandlers(app::InvoiceService& service, const Metrics& metrics)
    : service_(service), metrics_(metrics) {}

Response SystemHandlers::Health(const Call&) { return JsonResponse(200, R"({"status":"ok"})"); }

Response SystemHandlers::Ready(const Call&) {
  if (auto ready = service_.Ready(); !ready) {
    spdlog::warn("not ready: {}", ready.error().message);
    return ErrorResponse(errors::Unavailable("the store is not reachable"));
  }
  return JsonResponse(200, R"({"status":"ready"})");
}

Response SystemHandlers::MetricsText(const Call&) {
  std::map<std::string, std::int64_t> by_state;
  if (auto counts = service_.CountByState(); counts) {
    for (const auto state : domain::kAllStates) by_state[std::string(domain::ToString(state))] = 0;
    for (const auto& [state, count] : *counts) {
      by_state[std::string(domain::ToString(state))] = count;
    }
  } else {
    // A scrape still gets the request metrics when the store is down.
    spdlog::warn("metrics: cannot count invoices: {}", counts.error().message);
  }
  Response response;
  response.content_type = "text/plain; version=0.0.4; charset=utf-8";
  response.body = metrics_.RenderPrometheus(by_state);
  return response;
}

Response SystemHandlers::OpenApi(const Call&) {
  return JsonResponse(200, std::string(OpenApiJson()));
}

Response SystemHandlers::ReviewPage(const Call&) {
  Response response;
  response.content_type = "text/html; charset=utf-8";
  response.body = std::string(kReviewPlaceholder);
  return response;
}

}  // namespace invoicer::http
