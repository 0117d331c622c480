#pragma once

#include <memory>

#include "app/config.h"
#include "app/invoice_service.h"
#include "app/token_service.h"
#include "common/metrics.h"
#include "common/result.h"
#include "common/time.h"
#include "extract/extractor.h"
#include "store/invoice_store.h"

namespace invoicer::app {

// Everything a running invoicer process shares: the store (opened and migrated), the
// extractor, the clock, the metrics, and the invoice and token services built on them.
// Owns them all; the services borrow the rest, so a Runtime is neither copied nor moved
// (held by unique_ptr). Thread-safe as its parts are. Errors of Open: those of OpenStore,
// the migration and MakeExtractor.
class Runtime {
 public:
  [[nodiscard]] static Result<std::unique_ptr<Runtime>> Open(const Config& config);

 private:
  struct Key {
    explicit Key() = default;
  };

 public:
  // Use Open; the key keeps construction private while make_unique can call it.
  Runtime(Key key, std::unique_ptr<store::InvoiceStore> store,
          std::unique_ptr<extract::Extractor> extractor, const Config& config);
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  store::InvoiceStore& store() { return *store_; }
  InvoiceService& service() { return *service_; }
  TokenService& tokens() { return *tokens_; }
  Metrics& metrics() { return metrics_; }
  int schema_version() const { return schema_version_; }

 private:
  std::unique_ptr<store::InvoiceStore> store_;
  std::unique_ptr<extract::Extractor> extractor_;
  SystemClock clock_;
  Metrics metrics_;
  std::unique_ptr<InvoiceService> service_;
  std::unique_ptr<TokenService> tokens_;
  int schema_version_ = 0;
};

}  // namespace invoicer::app
