// The rate limits of the public site, configurable from `plenary serve`; each a token bucket.
#pragma once
#include <memory>
#include <string>

#include "base/result.h"
#include "http/rate_limit.h"
#include "site/pow.h"

namespace plenary::site {

struct ThrottleConfig {
  double submissions_per_ip_per_minute = 30, submissions_per_ip_burst = 10;
  double submissions_per_consultation_per_minute = 0, submissions_per_consultation_burst = 1000;
  // Sign-in attempts, whether the account exists or not (existence is not revealed).
  double logins_per_ip_per_minute = 10, logins_per_ip_burst = 10;
  double logins_per_account_per_minute = 1, logins_per_account_burst = 5;
  // The proof-of-work challenge for anonymous submissions under a surge (off by default).
  PowConfig pow;
};

class Throttles {
 public:
  explicit Throttles(const ThrottleConfig& c);
  // OK, or kRateLimited naming what was limited, with the delay before trying again.
  Status Submission(const std::string& ip, const std::string& consultation);
  Status Login(const std::string& ip, const std::string& account);
  ProofOfWork& pow() { return pow_; }

 private:
  http::RateLimiter submit_ip_, submit_consultation_, login_ip_, login_account_;
  ProofOfWork pow_;
};

}  // namespace plenary::site
