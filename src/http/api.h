#pragma once

#include <cstdint>
#include <string_view>

#include "app/invoice_service.h"
#include "app/token_service.h"
#include "common/metrics.h"
#include "http/invoice_handlers.h"
#include "http/message.h"
#include "http/review_handlers.h"
#include "http/router.h"
#include "http/system_handlers.h"

namespace invoicer::http {

// The API of API.md independent of the transport: the route table with each endpoint's
// roles, bearer-token authentication (401 UNAUTHENTICATED / 403 FORBIDDEN), 404 NOT_FOUND
// for unknown paths and 405 METHOD_NOT_ALLOWED with Allow for known paths, and the one
// catch-all that turns an escaped exception into a logged 500 INTERNAL. Borrows the
// services and metrics, which must outlive it. Thread-safe after construction.
class Api {
 public:
  Api(app::InvoiceService& service, app::TokenService& tokens, Metrics& metrics,
      std::int64_t max_upload_bytes);
  Api(const Api&) = delete;
  Api& operator=(const Api&) = delete;

  RouteMatch Find(std::string_view method, std::string_view path) const {
    return router_.Find(method, path);
  }
  // Serves a request: checks the token and role of the matched route and runs its
  // handler; answers 404/405 when nothing matched.
  Response Handle(const RouteMatch& match, Request& request);

  const Router& router() const { return router_; }

 private:
  void AddRoutes();

  app::TokenService& tokens_;
  InvoiceHandlers invoices_;
  ReviewHandlers review_;
  SystemHandlers system_;
  Router router_;
};

}  // namespace invoicer::http
