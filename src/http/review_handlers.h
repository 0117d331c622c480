#pragma once

#include "app/invoice_service.h"
#include "http/message.h"
#include "http/router.h"

namespace invoicer::http {

// The handlers of the review workflow (API.md "Endpoints"): PATCH corrections, validate,
// reject, reopen, review/next and exports. Writes need the review_version in the body or
// as If-Match (handler_support.h ResolveVersion). Borrows the service, which must outlive
// it. Thread-safe (stateless apart from the thread-safe service); never throws.
class ReviewHandlers {
 public:
  explicit ReviewHandlers(app::InvoiceService& service);

  Response Patch(const Call& call);
  Response Validate(const Call& call);
  Response Reject(const Call& call);
  Response Reopen(const Call& call);
  Response ReviewNext(const Call& call);
  Response Export(const Call& call);

 private:
  app::InvoiceService& service_;
};

}  // namespace invoicer::http
