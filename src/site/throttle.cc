// Applying the rate limits.
#include "site/throttle.h"

#include <algorithm>
#include <cctype>

namespace plenary::site {

Throttles::Throttles(const ThrottleConfig& c)
    : submit_ip_(c.submissions_per_ip_per_minute, c.submissions_per_ip_burst),
      submit_consultation_(c.submissions_per_consultation_per_minute,
                           c.submissions_per_consultation_burst),
      login_ip_(c.logins_per_ip_per_minute, c.logins_per_ip_burst),
      login_account_(c.logins_per_account_per_minute, c.logins_per_account_burst),
      pow_(c.pow) {}

namespace {
Error Limited(std::string message, int retry) {
  Error e{Code::kRateLimited, std::move(message), {}};
  e.retry_after_seconds = std::max(1, retry);
  return e;
}
}  // namespace

Status Throttles::Submission(const std::string& ip, const std::string& consultation) {
  int retry = 0;
  if (!submit_ip_.Allow(ip, &retry))
    return Limited("rate limit: too many responses from your address; retry later", retry);
  if (!submit_consultation_.Allow(consultation, &retry))
    return Limited("rate limit: this consultation receives too many responses right now; retry "
                   "later",
                   retry);
  return Ok{};
}

Status Throttles::Login(const std::string& ip, const std::string& account) {
  int retry = 0;
  std::string key = account;
  std::transform(key.begin(), key.end(), key.begin(), ::tolower);
  if (!login_ip_.Allow(ip, &retry) || !login_account_.Allow(key, &retry))
    return Limited("rate limit: too many sign-in attempts; retry later", retry);
  return Ok{};
}

}  // namespace plenary::site
