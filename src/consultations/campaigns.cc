// Feeding the clusterers from the responses table.
#include "consultations/campaigns.h"

#include <algorithm>
#include <chrono>
#include <tuple>

#include <spdlog/spdlog.h>

#include "base/thread_name.h"
#include "storage/deferred.h"

namespace plenary::consultations {

CampaignTracker::CampaignTracker(storage::Database& db, std::uint64_t min_size)
    : db_(db), min_size_(std::max<std::uint64_t>(2, min_size)) {}

CampaignTracker::~CampaignTracker() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
}

namespace {

// The key of the lock a grouping transaction holds (storage::TryTransactionLock).
constexpr std::int64_t kGroupingLock = 0x706c656e'0002;  // "plen", 2

// A response's text as the clusterer reads it: the general text, then each answer.
constexpr const char* kResponseText =
    "r.general_text || char(10) || coalesce((SELECT group_concat(text, char(10)) FROM answers a "
    "WHERE a.response_id = r.id), '')";

using Batch = std::map<std::int64_t, std::vector<std::pair<campaigns::ResponseId, std::string>>>;

}  // namespace

campaigns::Clusterer& CampaignTracker::ClustererOf(std::int64_t consultation_id) {
  std::lock_guard lock(mu_);
  auto& slot = by_consultation_[consultation_id];
  if (!slot) slot = std::make_unique<campaigns::Clusterer>();
  return *slot;
}

void CampaignTracker::Reset() {
  std::lock_guard lock(mu_);
  by_consultation_.clear();
  replayed_ = 0;
  responses_ = storage::IdFeed();
}

int CampaignTracker::Replay(int max) {
  Batch batch;
  std::int64_t last = replayed_;
  int n = 0;
  {
    storage::Stmt s(db_.Read(),
                    std::string("SELECT g.seq, r.id, r.consultation_id, ") + kResponseText +
                        " FROM campaign_assignments g JOIN responses r ON r.id = g.response_id "
                        "WHERE g.seq > ? ORDER BY g.seq LIMIT ?");
    s.BindAll(last, static_cast<std::int64_t>(max));
    while (s.Step()) {
      batch[s.Int(2)].emplace_back(static_cast<campaigns::ResponseId>(s.Int(1)), s.Text(3));
      last = s.Int(0);
      ++n;
    }
  }
  // In the stored order within each consultation: the same clustering as the server that
  // grouped them.
  for (auto& [consultation, responses] : batch) ClustererOf(consultation).AddBatch(responses);
  replayed_ = last;
  return n;
}

int CampaignTracker::Group(int max) {
  int placed = 0;
  std::vector<std::int64_t> seen;  // the responses read, grouped now or before
  // The writer may run the write again after rolling its transaction back (another write of
  // its batch failed after changing rows, or PostgreSQL broke a deadlock): the clusterers took
  // the first run's responses, so the second run stores nothing, and they are rebuilt from
  // the stored order (Reset, then Replay).
  bool took = false, again = false;
  auto grouped = db_.Write<Ok>([&](storage::Connection& c) -> Status {
    if (took) {
      again = true;
      return Error{Code::kResourceExhausted, "campaigns: the grouping ran again", {}};
    }
    if (!storage::TryTransactionLock(c, kGroupingLock))
      return Error{Code::kResourceExhausted, "campaigns: another server is grouping", {}};
    // Another server appended since the replay: replay those first, or the order would differ.
    if (c.QueryInt("SELECT coalesce(max(seq), 0) FROM campaign_assignments").value_or(0) !=
        replayed_)
      return Error{Code::kFailedPrecondition, "campaigns: replay first", {}};
    std::vector<std::tuple<std::int64_t, std::int64_t, std::string>> fresh;  // id, consultation
    auto read = [&](storage::Stmt& s) {
      while (s.Step()) {
        seen.push_back(s.Int(0));
        if (s.Int(3) == 0) fresh.emplace_back(s.Int(0), s.Int(1), s.Text(2));
      }
    };
    const std::string columns =
        std::string("SELECT r.id, r.consultation_id, ") + kResponseText +
        ", (SELECT count(*) FROM campaign_assignments g WHERE g.response_id = r.id) "
        "FROM responses r WHERE ";
    {
      storage::Stmt s(c, columns + "r.id > ? ORDER BY r.id LIMIT ?");
      s.BindAll(responses_.watermark(), static_cast<std::int64_t>(max));
      read(s);
    }
    for (std::int64_t gap : responses_.Gaps()) {
      storage::Stmt s(c, columns + "r.id = ?");
      s.BindAll(gap);
      read(s);
    }
    std::sort(fresh.begin(), fresh.end());
    Batch batch;
    for (auto& [id, consultation, text] : fresh)
      batch[consultation].emplace_back(static_cast<campaigns::ResponseId>(id), std::move(text));
    took = took || !batch.empty();
    for (auto& [consultation, responses] : batch) {
      auto ids = ClustererOf(consultation).AddBatch(responses);
      // Deferred: on PostgreSQL the whole batch goes in one round trip, not one per response;
      // 32 rows a statement (one statement per response was a tenth of the writer's
      // statements under submissions, docs/PROFILE.md); the entries take their seq in this
      // order.
      constexpr std::size_t kRows = 32;
      for (std::size_t at = 0; at < responses.size(); at += kRows) {
        std::size_t n = std::min(kRows, responses.size() - at);
        std::string sql =
            "INSERT INTO campaign_assignments(response_id, consultation_id, campaign_id) VALUES";
        std::vector<storage::Value> values;
        values.reserve(3 * n);
        for (std::size_t i = at; i < at + n; ++i) {
          sql += i > at ? ",(?,?,?)" : "(?,?,?)";
          values.emplace_back(static_cast<std::int64_t>(responses[i].first));
          values.emplace_back(consultation);
          values.emplace_back(static_cast<std::int64_t>(ids[i]));
        }
        storage::ExecDeferredValues(c, sql, values);
      }
    }
    // The last seq drawn: no other server appends while this one holds the grouping lock.
    if (!fresh.empty())
      replayed_ =
          c.QueryInt("SELECT coalesce(max(seq), 0) FROM campaign_assignments").value_or(0);
    placed = static_cast<int>(fresh.size());
    return Ok{};
  });
  if (again) {
    Reset();
    return 0;
  }
  if (!grouped.ok()) return 0;  // another server groups, or this one must replay first
  // After the transaction: inside it, its own transaction id would hold every gap open.
  responses_.Saw(db_.Read(), seen);
  return placed;
}

int CampaignTracker::CatchUp(int max) {
  std::lock_guard lock(catch_up_mu_);
  try {
    int n = Replay(max);
    if (n > 0) return n;
    return Group(max);
  } catch (...) {
    // A write that failed after the clusterers took its responses: start again from the
    // stored order.
    Reset();
    throw;
  }
}

void CampaignTracker::Start(int poll_ms) {
  // A second call would assign to a running std::thread, which terminates the process.
  std::call_once(started_, [this, poll_ms] {
    thread_ = std::thread([this, poll_ms] {
      NameThisThread("plenary-campaign");
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
  auto& c = db_.Read();
  std::int64_t not_grouped =
      c.QueryInt("SELECT count(*) FROM responses WHERE id > (SELECT coalesce(max(response_id), 0) "
                 "FROM campaign_assignments)")
          .value_or(0);
  std::int64_t not_replayed =
      c.QueryInt("SELECT count(*) FROM campaign_assignments WHERE seq > ?",
                 static_cast<std::int64_t>(replayed_))
          .value_or(0);
  return not_grouped + not_replayed;
}

Status FillCampaign(const CampaignTracker& tracker, std::int64_t consultation_id,
                    ModerationFilter& f) {
  if (!f.campaign) return Ok{};
  f.campaign_members = tracker.Members(consultation_id, *f.campaign);
  if (f.campaign_members.empty())
    return InvalidArgument("campaign", "campaign: no such campaign in this consultation");
  std::sort(f.campaign_members.begin(), f.campaign_members.end());
  return Ok{};
}

}  // namespace plenary::consultations
