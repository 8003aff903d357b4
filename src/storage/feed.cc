// IdFeed: the highest id seen and the gaps below it, kept until no writer can fill them.
#include "storage/feed.h"

#include <algorithm>
#include <chrono>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace plenary::storage {

namespace {

// PostgreSQL's current snapshot: the oldest transaction still running (xmin; every older one
// has ended) and the first transaction id not yet given (xmax).
std::pair<std::int64_t, std::int64_t> Snapshot(Connection& c) {
  Stmt s(c, "SELECT CAST(CAST(pg_snapshot_xmin(pg_current_snapshot()) AS text) AS bigint), "
            "CAST(CAST(pg_snapshot_xmax(pg_current_snapshot()) AS text) AS bigint)");
  if (!s.Step()) throw std::runtime_error("pg_current_snapshot: no row");
  return {s.Int(0), s.Int(1)};
}

}  // namespace

std::vector<std::int64_t> IdFeed::Gaps() const {
  std::vector<std::int64_t> out;
  out.reserve(gaps_.size());
  for (const auto& g : gaps_) out.push_back(g.id);
  return out;
}

void IdFeed::Saw(Connection& c, std::vector<std::int64_t> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  auto found = [&](std::int64_t id) { return std::binary_search(ids.begin(), ids.end(), id); };
  // A gap found is filled; one read once after its writers ended is a gap for good.
  std::erase_if(gaps_, [&](const Gap& g) { return found(g.id) || g.last_read; });
  // SQLite commits ids in order: what is not there below the highest id never will be.
  const bool late_commits = c.dialect() == Dialect::kPostgres;
  std::size_t before = gaps_.size();
  for (std::int64_t id : ids) {
    if (id <= watermark_) continue;
    if (late_commits) {
      if (static_cast<std::size_t>(id - watermark_ - 1) + gaps_.size() > kMaxGaps)
        throw std::runtime_error("id feed: more than " + std::to_string(kMaxGaps) +
                                 " ids missing below " + std::to_string(id));
      for (std::int64_t missing = watermark_ + 1; missing < id; ++missing)
        gaps_.push_back({missing, 0, false});
    }
    watermark_ = id;
  }
  if (gaps_.empty()) return;
  auto [xmin, xmax] = Snapshot(c);
  for (std::size_t i = before; i < gaps_.size(); ++i) gaps_[i].horizon = xmax;
  // Every transaction older than xmin has ended: a gap it could fill gets one read more.
  for (auto& g : gaps_)
    if (g.horizon <= xmin) g.last_read = true;
}

std::string IdFeed::Serialize() const {
  std::string out = std::to_string(watermark_);
  for (const auto& g : gaps_)
    out += " " + std::to_string(g.id) + ":" + std::to_string(g.horizon) + (g.last_read ? "!" : "");
  return out;
}

std::optional<IdFeed> IdFeed::Parse(std::string_view text) {
  std::istringstream in{std::string(text)};
  IdFeed f;
  if (!(in >> f.watermark_) || f.watermark_ < 0) return std::nullopt;
  std::string g;
  while (in >> g) {
    auto colon = g.find(':');
    if (colon == std::string::npos) return std::nullopt;
    bool last = g.ends_with('!');
    try {
      std::size_t used = 0;
      std::int64_t id = std::stoll(g.substr(0, colon), &used);
      if (used != colon) return std::nullopt;
      std::string h = g.substr(colon + 1, g.size() - colon - 1 - (last ? 1 : 0));
      std::int64_t horizon = std::stoll(h, &used);
      if (used != h.size() || id <= 0 || id >= f.watermark_) return std::nullopt;
      f.gaps_.push_back({id, horizon, last});
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }
  return f;
}

void AwaitRunningTransactions(Connection& c, int max_ms) {
  if (c.dialect() != Dialect::kPostgres) return;
  auto [xmin, xmax] = Snapshot(c);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(max_ms);
  while (xmin < xmax) {
    if (std::chrono::steady_clock::now() > deadline)
      throw std::runtime_error("a transaction ran longer than " + std::to_string(max_ms) + " ms");
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    xmin = Snapshot(c).first;
  }
}

bool TryTransactionLock(Connection& c, std::int64_t key) {
  if (c.dialect() != Dialect::kPostgres) return true;
  Stmt s(c, "SELECT CASE WHEN pg_try_advisory_xact_lock(?) THEN 1 ELSE 0 END");
  s.BindAll(key);
  return s.Step() && s.Int(0) == 1;
}

}  // namespace plenary::storage
