// HMAC-signed tokens for the links in mails (see tokens.h).
#include "accounts/tokens.h"

#include <sodium.h>

#include <charconv>

#include "base/random.h"

namespace plenary::accounts {

namespace {
std::string Mac(std::string_view key, std::string_view purpose, std::string_view subject,
                std::string_view binding, Instant expires) {
  std::string msg = std::string(purpose) + "\n" + std::string(subject) + "\n" +
                    std::to_string(expires) + "\n" + std::string(binding);
  unsigned char out[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(key.data()), key.size());
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(msg.data()),
                                msg.size());
  crypto_auth_hmacsha256_final(&st, out);
  char b64[sodium_base64_ENCODED_LEN(sizeof out, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(b64, sizeof b64, out, sizeof out, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return b64;
}

bool SubjectChar(char ch) {
  return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
         ch == '-';
}
}  // namespace

std::string TokenKey(storage::Connection& c) {
  storage::Stmt s(c, "SELECT value FROM secrets WHERE name = 'mail_token_key'");
  if (!s.Step()) throw std::runtime_error("the database has no mail_token_key (migration 0007)");
  return s.Text(0);
}

std::string SignToken(std::string_view key, std::string_view purpose, std::string_view subject,
                      std::string_view binding, Instant expires) {
  return std::string(purpose) + "." + std::string(subject) + "." + std::to_string(expires) + "." +
         Mac(key, purpose, subject, binding, expires);
}

std::optional<Token> ParseToken(std::string_view token) {
  if (token.size() > 200) return std::nullopt;
  std::string_view parts[4];
  for (int i = 0; i < 4; ++i) {
    auto dot = token.find('.');
    if (i < 3 && dot == std::string_view::npos) return std::nullopt;
    parts[i] = i < 3 ? token.substr(0, dot) : token;
    if (i < 3) token.remove_prefix(dot + 1);
  }
  if (parts[3].find('.') != std::string_view::npos) return std::nullopt;
  if (parts[0] != "v" && parts[0] != "c" && parts[0] != "r") return std::nullopt;
  if (parts[1].empty() || parts[1].size() > 40) return std::nullopt;
  for (char ch : parts[1])
    if (!SubjectChar(ch)) return std::nullopt;
  Token t{std::string(parts[0]), std::string(parts[1]), 0, std::string(parts[3])};
  auto [p, ec] = std::from_chars(parts[2].data(), parts[2].data() + parts[2].size(), t.expires);
  if (ec != std::errc() || p != parts[2].data() + parts[2].size() || parts[2].empty())
    return std::nullopt;
  if (t.mac.size() != 43) return std::nullopt;  // 32 bytes, unpadded base64url
  return t;
}

bool VerifyToken(std::string_view key, const Token& token, std::string_view binding, Instant now) {
  std::string expected = Mac(key, token.purpose, token.subject, binding, token.expires);
  bool mac_ok = SafeEqual(expected, token.mac);
  return mac_ok && now <= token.expires;
}

}  // namespace plenary::accounts
