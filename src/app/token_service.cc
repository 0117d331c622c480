#include "app/token_service.h"

#include <algorithm>

#include "app/digest.h"

namespace invoicer::app {

namespace {

constexpr std::string_view kPrefix = "inv_";
constexpr std::size_t kRandomBytes = 32;       // 256 bits
constexpr std::size_t kEncodedLength = 43;     // base64url of 32 bytes, unpadded
constexpr std::size_t kMaxNameLength = 64;

bool IsBase64Url(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         c == '-' || c == '_';
}

bool IsWellFormedToken(std::string_view token) {
  return token.size() == kPrefix.size() + kEncodedLength && token.starts_with(kPrefix) &&
         std::all_of(token.begin() + static_cast<std::ptrdiff_t>(kPrefix.size()), token.end(),
                     IsBase64Url);
}

Status CheckName(std::string_view name) {
  const bool ok = !name.empty() && name.size() <= kMaxNameLength &&
                  std::all_of(name.begin(), name.end(), [](char c) {
                    return IsBase64Url(c) || c == '.';
                  });
  if (!ok) {
    return errors::InvalidValue("name", "a token name is 1 to 64 letters, digits, '.', '-', '_'");
  }
  // "system" is the audit trail's name for the service itself.
  if (name == "system") return errors::InvalidValue("name", "the name 'system' is reserved");
  return {};
}

}  // namespace

TokenService::TokenService(store::InvoiceStore& store, const Clock& clock)
    : store_(store), clock_(clock) {}

Result<std::string> TokenService::Create(std::string_view name, store::Role role) {
  if (auto ok = CheckName(name); !ok) return std::move(ok).error();
  const std::string random = RandomBase64Url(kRandomBytes);
  if (random.size() != kEncodedLength) {
    return errors::Internal("the system random generator failed");
  }
  std::string token = std::string(kPrefix) + random;
  store::TokenRecord record;
  record.name = std::string(name);
  record.role = role;
  record.token_hash = Sha256Hex(token);
  record.created_at = clock_.Now();
  if (auto stored = store_.CreateToken(record); !stored) return std::move(stored).error();
  return token;
}

Result<std::optional<Caller>> TokenService::Authenticate(std::string_view token) {
  if (!IsWellFormedToken(token)) return std::optional<Caller>();
  const std::string hash = Sha256Hex(token);
  auto found = store_.FindActiveToken(hash);
  if (!found) return std::move(found).error();
  // The lookup is by hash, so timing reveals nothing about the token; the final comparison
  // is constant-time anyway, in case a store ever matches loosely (collation, prefix index).
  if (!*found || !ConstantTimeEquals((*found)->token_hash, hash)) {
    return std::optional<Caller>();
  }
  return std::optional<Caller>(Caller{(*found)->name, (*found)->role});
}

Result<std::vector<store::TokenRecord>> TokenService::List() { return store_.ListTokens(); }

Status TokenService::Revoke(std::string_view name) { return store_.RevokeToken(name, clock_.Now()); }

}  // namespace invoicer::app
