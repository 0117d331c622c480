#pragma once

#include <string>
#include <string_view>

namespace invoicer::app {

// SHA-256 of `bytes` as 64 lower-case hex characters (document hashes, token hashes).
std::string Sha256Hex(std::string_view bytes);

// Compares two strings in time that depends only on their lengths, not on where they
// differ (OpenSSL CRYPTO_memcmp), so a stored secret hash cannot be guessed byte by byte.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

// `count` bytes from the operating system's cryptographic generator, encoded base64url
// without padding. Returns an empty string when the generator fails.
std::string RandomBase64Url(std::size_t count);

}  // namespace invoicer::app
