#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/invoice_service.h"
#include "common/result.h"
#include "common/time.h"
#include "store/invoice_store.h"

namespace invoicer::app {

// API tokens: created by the CLI (`invoicer token create`), shown once, stored only as a
// SHA-256 hash, checked in constant time. Tokens are 256 random bits (OpenSSL RAND_bytes),
// so a plain hash is enough (no password stretching needed). Borrows the store and clock.
// Thread-safe. Errors: kInvalidInput (bad name), kConflict (name taken), kNotFound
// (revoke of an unknown name), store errors.
class TokenService {
 public:
  TokenService(store::InvoiceStore& store, const Clock& clock);

  // Returns the new token text ("inv_" + 43 base64url chars).
  [[nodiscard]] Result<std::string> Create(std::string_view name, store::Role role);
  // The caller of a presented token; nullopt when unknown, malformed or revoked.
  [[nodiscard]] Result<std::optional<Caller>> Authenticate(std::string_view token);
  [[nodiscard]] Result<std::vector<store::TokenRecord>> List();
  [[nodiscard]] Status Revoke(std::string_view name);

 private:
  store::InvoiceStore& store_;
  const Clock& clock_;
};

}  // namespace invoicer::app
