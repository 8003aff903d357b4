// The rate limits of the public site, configurable from `plenary serve`; each a token bucket.
#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

#include "base/result.h"
#include "http/rate_limit.h"
#include "site/pow.h"

namespace plenary::site {

struct ThrottleConfig {
  double submissions_per_ip_per_minute = 30, submissions_per_ip_burst = 10;
  double submissions_per_consultation_per_minute = 0, submissions_per_consultation_burst = 1000;
  // Sign-in attempts, whether the account exists or not (existence is not revealed): per
  // address, and per account from one address. Not per account alone: then anyone could keep
  // an account (the administrator's) locked from addresses of their own, while its owner signs
  // in from theirs. Guessing from many addresses is slowed by each address's limit and by the
  // Argon2id cost; the 12-character minimum does the rest.
  double logins_per_ip_per_minute = 10, logins_per_ip_burst = 10;
  double logins_per_account_per_minute = 1, logins_per_account_burst = 5;  // per address
  // Sign-ups (each sends a mail to the address given): per address, and per recipient
  // whatever the source, so that nobody's mailbox can be flooded from many addresses.
  double signups_per_recipient_per_minute = 1, signups_per_recipient_burst = 5;
  // POST /api/v1/citations/extract, public: per address, and at most this many citations in
  // one answer (a 1 MiB list of symbols would otherwise answer 21 MB).
  double citations_per_ip_per_minute = 30, citations_per_ip_burst = 10;
  std::size_t citations_max_results = 1000;
  // Extractions running at once (each holds about 16 bytes per character of its text, so
  // 16 MiB for 1 MiB); beyond, 503 with Retry-After. Bounds the memory they take together.
  int citations_concurrent = 4;
  // Bytes of attached files one address may send with its responses, per day (0: unlimited).
  double attachment_bytes_per_ip_per_day = 100.0 * 1024 * 1024;
  // The proof-of-work challenge for anonymous submissions under a surge (off by default).
  PowConfig pow;
};

// A daily allowance of bytes per key (an address), refilled continuously: `per_day` bytes a
// day, at most `per_day` at once. Thread-safe; memory bounded by `max_keys` (when full, keys
// whose allowance is whole again are dropped, then all: the bound wins over exactness).
class ByteQuota {
 public:
  ByteQuota(double per_day, std::size_t max_keys = 100000);
  // Takes `bytes`; false (taking nothing) when fewer are left; then `retry_after_seconds`
  // says when they will be.
  bool Take(const std::string& key, std::uint64_t bytes, int* retry_after_seconds);
  double per_day() const { return per_day_; }

 private:
  struct Entry {
    double left;
    std::chrono::steady_clock::time_point at;
  };
  double Refilled(const Entry& e, std::chrono::steady_clock::time_point now) const;
  double per_day_;
  std::size_t max_keys_;
  std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;
};

class Throttles {
 public:
  explicit Throttles(const ThrottleConfig& c);
  // OK, or kRateLimited naming what was limited, with the delay before trying again.
  Status Submission(const std::string& ip, const std::string& consultation);
  // A sign-in attempt on `account` from `ip`.
  Status Login(const std::string& ip, const std::string& account);
  // A sign-up from `ip` sending a mail to `email` (shares the per-address sign-in limit).
  Status Signup(const std::string& ip, const std::string& email);
  // A citation extraction from `ip`.
  Status Citations(const std::string& ip);
  // One of the places of the extractions running at once, given back when destroyed.
  class Slot {
   public:
    explicit Slot(std::atomic<int>* running) : running_(running) {}
    Slot(Slot&& o) noexcept : running_(std::exchange(o.running_, nullptr)) {}
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;
    Slot& operator=(Slot&&) = delete;
    ~Slot() {
      if (running_) --*running_;
    }

   private:
    std::atomic<int>* running_;
  };
  // kResourceExhausted (503) when `citations_concurrent` extractions are running.
  Result<Slot> CitationSlot();
  std::size_t citations_max_results() const { return citations_max_results_; }
  // Takes `bytes` of attached files from the daily allowance of `ip`; kRateLimited when it
  // would go beyond, and then nothing is taken.
  Status AttachmentBytes(const std::string& ip, std::uint64_t bytes);
  ProofOfWork& pow() { return pow_; }

 private:
  http::RateLimiter submit_ip_, submit_consultation_, login_ip_, login_account_ip_,
      signup_recipient_, citations_ip_;
  std::size_t citations_max_results_;
  int citations_concurrent_;
  std::atomic<int> citations_running_{0};
  ByteQuota attachment_bytes_;
  ProofOfWork pow_;
};

}  // namespace plenary::site
