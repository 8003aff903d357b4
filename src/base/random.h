// Unpredictable tokens and digests from libsodium. Thread-safe after InitCrypto().
#pragma once
#include <string>
#include <string_view>

namespace plenary {

// Must run once before any other function here (sodium_init).
void InitCrypto();
// `bytes` random bytes as unpadded base64url.
std::string RandomToken(size_t bytes = 32);
// A short human-readable reference such as "R7K2-M9QX" (no look-alike letters).
std::string RandomReference();
// Hex BLAKE2b-256 of `data` (for storing session tokens and file digests).
std::string Digest(std::string_view data);
// Constant-time equality.
bool SafeEqual(std::string_view a, std::string_view b);

}  // namespace plenary
