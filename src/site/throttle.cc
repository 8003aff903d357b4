// Applying the rate limits.
#include "site/throttle.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include <fmt/format.h>

namespace plenary::site {

Throttles::Throttles(const ThrottleConfig& c)
    : submit_ip_(c.submissions_per_ip_per_minute, c.submissions_per_ip_burst),
      submit_consultation_(c.submissions_per_consultation_per_minute,
                           c.submissions_per_consultation_burst),
      login_ip_(c.logins_per_ip_per_minute, c.logins_per_ip_burst),
      login_account_ip_(c.logins_per_account_per_minute, c.logins_per_account_burst),
      signup_recipient_(c.signups_per_recipient_per_minute, c.signups_per_recipient_burst),
      citations_ip_(c.citations_per_ip_per_minute, c.citations_per_ip_burst),
      citations_max_results_(c.citations_max_results),
      citations_concurrent_(std::max(c.citations_concurrent, 1)),
      attachment_bytes_(c.attachment_bytes_per_ip_per_day),
      pow_(c.pow) {}

namespace {
std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), ::tolower);
  return s;
}

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
  // '\n' cannot occur in an address as the server writes it: the key is unambiguous.
  if (!login_ip_.Allow(ip, &retry) || !login_account_ip_.Allow(Lower(account) + "\n" + ip, &retry))
    return Limited("rate limit: too many sign-in attempts from your address; retry later", retry);
  return Ok{};
}

Status Throttles::Signup(const std::string& ip, const std::string& email) {
  int retry = 0;
  if (!login_ip_.Allow(ip, &retry))
    return Limited("rate limit: too many attempts from your address; retry later", retry);
  if (!signup_recipient_.Allow(Lower(email), &retry))
    return Limited("rate limit: too many sign-ups for this e-mail address; retry later", retry);
  return Ok{};
}

Status Throttles::Citations(const std::string& ip) {
  int retry = 0;
  if (!citations_ip_.Allow(ip, &retry))
    return Limited("rate limit: too many citation extractions from your address; retry later",
                   retry);
  return Ok{};
}

Result<Throttles::Slot> Throttles::CitationSlot() {
  if (++citations_running_ > citations_concurrent_) {
    --citations_running_;
    Error e{Code::kResourceExhausted,
            fmt::format("citations: {} extractions are running; retry in a moment",
                        citations_concurrent_),
            {}};
    e.retry_after_seconds = 1;
    return e;
  }
  return Slot(&citations_running_);
}

Status Throttles::AttachmentBytes(const std::string& ip, std::uint64_t bytes) {
  int retry = 0;
  if (!attachment_bytes_.Take(ip, bytes, &retry)) {
    Error e = Limited(fmt::format("attachments: at most {} bytes of attached files per address per "
                               "day; this address has used its allowance, retry later",
                               static_cast<std::uint64_t>(attachment_bytes_.per_day())),
                      retry);
    e.field = "attachments";
    return e;
  }
  return Ok{};
}

ByteQuota::ByteQuota(double per_day, std::size_t max_keys)
    : per_day_(per_day), max_keys_(std::max<std::size_t>(max_keys, 1)) {}

double ByteQuota::Refilled(const Entry& e, std::chrono::steady_clock::time_point now) const {
  double seconds = std::chrono::duration<double>(now - e.at).count();
  return std::min(per_day_, e.left + seconds * per_day_ / 86400.0);
}

bool ByteQuota::Take(const std::string& key, std::uint64_t bytes, int* retry_after_seconds) {
  if (per_day_ <= 0 || bytes == 0) return true;
  auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mu_);
  auto it = entries_.find(key);
  double left = it == entries_.end() ? per_day_ : Refilled(it->second, now);
  auto want = static_cast<double>(bytes);
  if (want > left) {
    if (retry_after_seconds)
      *retry_after_seconds =
          want > per_day_ ? 86400
                          : static_cast<int>(std::ceil((want - left) * 86400.0 / per_day_));
    return false;
  }
  if (it == entries_.end() && entries_.size() >= max_keys_) {
    std::erase_if(entries_, [&](const auto& kv) { return Refilled(kv.second, now) >= per_day_; });
    if (entries_.size() >= max_keys_) entries_.clear();
  }
  entries_[key] = Entry{left - want, now};
  return true;
}

}  // namespace plenary::site
