#pragma once

#include <cstdint>

#include "app/invoice_service.h"
#include "http/message.h"
#include "http/router.h"

namespace invoicer::http {

// The handlers of the invoice resources (API.md "Endpoints"): upload, list, get, document,
// page image, extract, history. Each turns a Call into a Response, mapping service errors
// with error_mapping.h; none throws. Borrows the service, which must outlive it.
// Thread-safe (stateless apart from the thread-safe service).
class InvoiceHandlers {
 public:
  InvoiceHandlers(app::InvoiceService& service, std::int64_t max_upload_bytes);

  Response Upload(const Call& call);
  Response List(const Call& call);
  Response Get(const Call& call);
  Response Document(const Call& call);
  Response Page(const Call& call);
  Response Extract(const Call& call);
  Response History(const Call& call);

 private:
  app::InvoiceService& service_;
  std::int64_t max_upload_bytes_;
};

}  // namespace invoicer::http
