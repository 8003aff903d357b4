// Versions of each meeting's floor and the bounded set of their watchers (floor.h).
#include "proceedings/floor.h"

#include <atomic>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include <fmt/format.h>

namespace plenary::proceedings {

namespace {

std::mutex mu;
std::unordered_map<std::int64_t, std::uint64_t> versions;  // guarded by mu
std::atomic<int> max_watchers{kDefaultMaxWatchers};
std::atomic<int> watchers{0};

// One watcher's place among MaxWatchers, given back when its stream is released.
struct Slot {
  Slot() = default;
  Slot(const Slot&) = delete;
  Slot& operator=(const Slot&) = delete;
  ~Slot() { --watchers; }
};

}  // namespace

void FloorChanged(std::int64_t meeting_id) {
  if (meeting_id == 0) return;
  std::lock_guard lock(mu);
  ++versions[meeting_id];
}

std::uint64_t FloorVersion(std::int64_t meeting_id) {
  std::lock_guard lock(mu);
  auto it = versions.find(meeting_id);
  return it == versions.end() ? 0 : it->second;
}

void SetMaxWatchers(int n) { max_watchers = n < 0 ? 0 : n; }
int MaxWatchers() { return max_watchers; }
int Watchers() { return watchers; }

std::shared_ptr<http::EventStream> Watch(std::int64_t meeting_id) {
  // Taken first, then checked: two watchers arriving together cannot both pass the limit.
  if (++watchers > max_watchers) {
    --watchers;
    return nullptr;
  }
  auto slot = std::make_shared<Slot>();
  auto events = std::make_shared<http::EventStream>();
  // The first poll sends the version the watcher starts from (and how soon to reconnect).
  events->poll = [slot, meeting_id,
                  sent = std::optional<std::uint64_t>()]() mutable -> std::optional<std::string> {
    std::uint64_t now = FloorVersion(meeting_id);
    if (sent && *sent == now) return std::string();
    std::string out = sent ? "" : "retry: 1000\n";
    sent = now;
    return out + fmt::format("event: floor\ndata: {{\"meeting\":{},\"version\":{}}}\n\n",
                             meeting_id, now);
  };
  return events;
}

}  // namespace plenary::proceedings
