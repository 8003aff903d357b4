// Mass campaigns among the responses of each consultation: near-identical texts grouped
// behind the durable write, by a tracker thread that feeds campaigns::Clusterer.
//
// The groupings are stored (campaign_assignments, in the order responses entered them) so that
// several servers on one database agree: one server at a time (a transaction lock) reads the
// responses not grouped yet (storage::IdFeed, which does not miss a response committed after a
// higher id on PostgreSQL), adds them to its clusterers and appends them in the same
// transaction; every server replays the appended entries, in order, into its own clusterers.
// The clusterers live in memory, one per consultation (about 150-450 bytes per response); a
// restart replays the stored order. Thread-safe.
#pragma once
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "campaigns/clusterer.h"
#include "consultations/consultations.h"
#include "storage/db.h"
#include "storage/feed.h"

namespace plenary::consultations {

class CampaignTracker {
 public:
  // A campaign is a group of at least `min_size` near-identical responses.
  explicit CampaignTracker(storage::Database& db, std::uint64_t min_size = 3);
  ~CampaignTracker();

  // Replays up to `max` groupings stored by any server, then, when this server holds the
  // grouping lock and has replayed them all, groups up to `max` responses not grouped yet;
  // returns how many responses it placed.
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
  // Responses received but not grouped yet, or grouped by another server and not replayed here.
  std::int64_t Lag() const;

 private:
  storage::Database& db_;
  std::uint64_t min_size_;
  mutable std::mutex mu_;
  std::map<std::int64_t, std::unique_ptr<campaigns::Clusterer>> by_consultation_;
  int Replay(int max);
  int Group(int max);
  // Forgets everything after a failed write: the next CatchUp replays the stored order.
  void Reset();
  campaigns::Clusterer& ClustererOf(std::int64_t consultation_id);
  std::mutex catch_up_mu_;  // one CatchUp at a time; guards responses_
  storage::IdFeed responses_;  // the responses this server has read to group
  std::atomic<std::int64_t> replayed_{0};  // the last seq of campaign_assignments applied
  std::atomic<bool> stop_{false};
  std::once_flag started_;
  std::thread thread_;
};

// The moderators' filter by campaign: `f.campaign`'s members from `tracker` into
// `f.campaign_members`; 400 naming `campaign` when the consultation has no such campaign (of at
// least min_size responses). Nothing to do without a campaign.
Status FillCampaign(const CampaignTracker& tracker, std::int64_t consultation_id,
                    ModerationFilter& f);

}  // namespace plenary::consultations
