#pragma once

#include <optional>
#include <string>

#include "app/token_service.h"
#include "common/result.h"

namespace invoicer::app {

// The file in the data folder that holds the bootstrap admin token.
inline constexpr const char* kAdminTokenFile = "admin-token";

// First start only: when the store holds no token at all, creates the admin token named
// "admin", writes it to <data_dir>/admin-token (mode 0600, fsynced) and returns it, so the
// operator can sign in. Later starts (any token exists, or another process won the race
// for the name) return nullopt and change nothing. Errors: store errors, kInternal when
// the file cannot be written.
[[nodiscard]] Result<std::optional<std::string>> BootstrapAdminToken(TokenService& tokens,
                                                                     const std::string& data_dir);

}  // namespace invoicer::app
