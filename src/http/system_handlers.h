#pragma once

#include "app/invoice_service.h"
#include "common/metrics.h"
#include "http/message.h"
#include "http/router.h"

namespace invoicer::http {

// The operational endpoints: /healthz (the process answers), /readyz (the store is
// reachable; else 503 UNAVAILABLE with Retry-After), /metrics (Prometheus text),
// /openapi.json and the review page at / (a placeholder until the review page lands).
// Borrows the service and metrics. Thread-safe; never throws.
class SystemHandlers {
 public:
  SystemHandlers(app::InvoiceService& service, const Metrics& metrics);

  Response Health(const Call& call);
  Response Ready(const Call& call);
  Response MetricsText(const Call& call);
  Response OpenApi(const Call& call);
  Response ReviewPage(const Call& call);

 private:
  app::InvoiceService& service_;
  const Metrics& metrics_;
};

}  // namespace invoicer::http
