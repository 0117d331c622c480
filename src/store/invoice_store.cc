#include "store/invoice_store.h"

#include <array>

namespace invoicer::store {

namespace {
constexpr std::array<std::string_view, 4> kRoleNames{"admin", "reviewer", "ingest", "reader"};
}  // namespace

std::string_view ToString(Role r) { return kRoleNames[static_cast<std::size_t>(r)]; }

std::optional<Role> ParseRole(std::string_view text) {
  for (std::size_t i = 0; i < kRoleNames.size(); ++i) {
    if (kRoleNames[i] == text) return static_cast<Role>(i);
  }
  return std::nullopt;
}

}  // namespace invoicer::store
