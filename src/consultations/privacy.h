// The server's periodic purge of IP addresses older than the retention period
// (`plenary serve --ip-retention-days`); the purge itself is consultations::PurgeIpAddresses.
#pragma once
#include <condition_variable>
#include <mutex>
#include <thread>

#include "storage/db.h"

namespace plenary::consultations {

// A thread that runs PurgeIpAddresses at start and then every `interval_seconds`. Failures are
// logged and retried at the next run. Stops (and joins) on destruction.
class IpRetention {
 public:
  IpRetention(storage::Database& db, int retention_days, int interval_seconds);
  ~IpRetention();
  IpRetention(const IpRetention&) = delete;
  IpRetention& operator=(const IpRetention&) = delete;

 private:
  void Run();

  storage::Database& db_;
  int retention_days_, interval_seconds_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace plenary::consultations
