// Token generation and hashing with libsodium.
#include "base/random.h"

#include <sodium.h>

#include <cstring>
#include <stdexcept>

namespace plenary {

void InitCrypto() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

std::string RandomToken(size_t bytes) {
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                    raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::strlen(out.c_str()));
  return out;
}

std::string RandomReference() {
  static constexpr char kAlphabet[] = "ACDEFGHJKLMNPQRTUVWXY34679";  // 26 symbols
  constexpr unsigned kSymbols = sizeof(kAlphabet) - 1;
  // The bytes of a whole reference drawn at once (each draw is a system call: one per symbol
  // was 2 % of a submission's time, docs/PROFILE.md). A byte below 234 = 9 × 26 gives one
  // symbol without bias; a byte above is dropped (1 in 12), and more bytes are drawn if needed.
  constexpr unsigned kLimit = 256 - 256 % kSymbols;
  std::string out;
  unsigned char raw[16];
  while (out.size() < 9) {
    randombytes_buf(raw, sizeof raw);
    for (unsigned char b : raw) {
      if (out.size() == 9) break;
      if (b >= kLimit) continue;
      if (out.size() == 4) out += '-';
      out += kAlphabet[b % kSymbols];
    }
  }
  return out;
}

std::string Digest(std::string_view data) {
  unsigned char hash[32];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(data.data()),
                     data.size(), nullptr, 0);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return hex;
}

bool SafeEqual(std::string_view a, std::string_view b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace plenary
