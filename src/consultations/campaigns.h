// Mass campaigns among the responses of each consultation: near-identical texts grouped
// behind the durable write, by a tracker thread that feeds campaigns::Clusterer from the
// responses table (a watermark on response ids; after a restart it catches up from zero).
//
// The grouping lives in memory, one clusterer per consultation (about 150-450 bytes per
// response). Thread-safe.
#pragma once
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "campaigns/clusterer.h"
#include "storage/db.h"

namespace plenary::consultations {

class CampaignTracker {
 public:
  // A campaign is a group of at least `min_size` near-identical responses.
  explicit CampaignTracker(storage::Database& db, std::uint64_t min_size = 3);
  ~CampaignTracker();

  // Groups up to `max` responses newer than the watermark; returns how many.
  int CatchUp(int max = 5000);
  // Runs CatchUp in a background thread until destroyed. Only the first call starts it; later
  // calls do nothing (their poll_ms is ignored).
  void Start(int poll_ms = 200);

  std::uint64_t min_size() const { return min_size_; }
  // Campaigns of at least min_size responses, largest first.
  std::vector<campaigns::Campaign> Campaigns(std::int64_t consultation_id) const;
  // The responses of one campaign (empty if unknown or smaller than min_size).
  std::vector<std::int64_t> Members(std::int64_t consultation_id, std::uint64_t campaign) const;
  // Response id → campaign id, for responses in campaigns of at least min_size.
  std::map<std::int64_t, std::uint64_t> Membership(std::int64_t consultation_id) const;
  // Responses received but not grouped yet.
  std::int64_t Lag() const;

 private:
  storage::Database& db_;
  std::uint64_t min_size_;
  mutable std::mutex mu_;
  std::map<std::int64_t, std::unique_ptr<campaigns::Clusterer>> by_consultation_;
  std::atomic<std::int64_t> watermark_{0};
  std::atomic<bool> stop_{false};
  std::once_flag started_;
  std::thread thread_;
};

}  // namespace plenary::consultations
