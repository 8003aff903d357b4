// Feeding the clusterers from the responses table.
#include "consultations/campaigns.h"

#include <algorithm>
#include <chrono>

#include <spdlog/spdlog.h>

namespace plenary::consultations {

CampaignTracker::CampaignTracker(storage::Database& db, std::uint64_t min_size)
    : db_(db), min_size_(std::max<std::uint64_t>(2, min_size)) {}

CampaignTracker::~CampaignTracker() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
}

int CampaignTracker::CatchUp(int max) {
  std::map<std::int64_t, std::vector<std::pair<campaigns::ResponseId, std::string>>> batch;
  std::int64_t last = watermark_;
  int n = 0;
  {
    storage::Stmt s(db_.Read(),
                    "SELECT r.id, r.consultation_id, r.general_text || char(10) || coalesce("
                    "(SELECT group_concat(text, char(10)) FROM answers a WHERE a.response_id = "
                    "r.id), '') FROM responses r WHERE r.id > ? ORDER BY r.id LIMIT ?");
    s.BindAll(last, static_cast<std::int64_t>(max));
    while (s.Step()) {
      batch[s.Int(1)].emplace_back(static_cast<campaigns::ResponseId>(s.Int(0)), s.Text(2));
      last = s.Int(0);
      ++n;
    }
  }
  for (auto& [consultation, responses] : batch) {
    campaigns::Clusterer* clusterer;
    {
      std::lock_guard lock(mu_);
      auto& slot = by_consultation_[consultation];
      if (!slot) slot = std::make_unique<campaigns::Clusterer>();
      clusterer = slot.get();
    }
    clusterer->AddBatch(responses);
  }
  watermark_ = last;
  return n;
}

void CampaignTracker::Start(int poll_ms) {
  // A second call would assign to a running std::thread, which terminates the process.
  std::call_once(started_, [this, poll_ms] {
    thread_ = std::thread([this, poll_ms] {
      while (!stop_) {
        int n = 0;
        try {
          n = CatchUp();
        } catch (const std::exception& e) {
          spdlog::error("campaign tracker: {}", e.what());
        }
        if (n == 0) std::this_thread::sleep_for(std::chrono::milliseconds(poll_ms));
      }
    });
  });
}

std::vector<campaigns::Campaign> CampaignTracker::Campaigns(std::int64_t consultation_id) const {
  std::lock_guard lock(mu_);
  auto it = by_consultation_.find(consultation_id);
  if (it == by_consultation_.end()) return {};
  auto list = it->second->Campaigns(min_size_);
  std::stable_sort(list.begin(), list.end(),
                   [](const auto& a, const auto& b) { return a.size > b.size; });
  return list;
}

std::map<std::int64_t, std::uint64_t> CampaignTracker::Membership(
    std::int64_t consultation_id) const {
  std::map<std::int64_t, std::uint64_t> out;
  std::lock_guard lock(mu_);
  auto it = by_consultation_.find(consultation_id);
  if (it == by_consultation_.end()) return out;
  std::map<std::uint64_t, std::uint64_t> sizes;
  for (const auto& c : it->second->Campaigns(min_size_)) sizes[c.id] = c.size;
  for (const auto& [response, campaign] : it->second->Assignments())
    if (sizes.count(campaign)) out[static_cast<std::int64_t>(response)] = campaign;
  return out;
}

std::vector<std::int64_t> CampaignTracker::Members(std::int64_t consultation_id,
                                                   std::uint64_t campaign) const {
  std::vector<std::int64_t> out;
  for (const auto& [response, c] : Membership(consultation_id))
    if (c == campaign) out.push_back(response);
  return out;
}

std::int64_t CampaignTracker::Lag() const {
  return db_.Read().QueryInt("SELECT count(*) FROM responses WHERE id > ?",
                             static_cast<std::int64_t>(watermark_)).value_or(0);
}

}  // namespace plenary::consultations
