// Versions of watched things and the bounded set of their watchers (watchers.h).
#include "http/watchers.h"

#include <optional>

#include <fmt/format.h>

namespace plenary::http {

namespace {
// One watcher's place among the Max, given back when its stream is released.
struct Slot {
  explicit Slot(std::shared_ptr<std::atomic<int>> count) : count_(std::move(count)) {}
  Slot(const Slot&) = delete;
  Slot& operator=(const Slot&) = delete;
  ~Slot() { --*count_; }
  std::shared_ptr<std::atomic<int>> count_;
};
}  // namespace

Watchers::Watchers(std::string event, std::string key, std::string counter, int max,
                   int retry_ms)
    : event_(std::move(event)),
      key_(std::move(key)),
      counter_(std::move(counter)),
      retry_ms_(retry_ms),
      max_(std::make_shared<std::atomic<int>>(max < 0 ? 0 : max)),
      count_(std::make_shared<std::atomic<int>>(0)) {}

void Watchers::Changed(std::int64_t id) {
  if (id == 0) return;
  std::lock_guard lock(mu_);
  ++versions_[id];
}

std::uint64_t Watchers::Version(std::int64_t id) const {
  std::lock_guard lock(mu_);
  auto it = versions_.find(id);
  return it == versions_.end() ? 0 : it->second;
}

std::shared_ptr<EventStream> Watchers::Watch(std::int64_t id) {
  // Taken first, then checked: two watchers arriving together cannot both pass the limit.
  if (++*count_ > *max_) {
    --*count_;
    return nullptr;
  }
  auto slot = std::make_shared<Slot>(count_);
  auto events = std::make_shared<EventStream>();
  // The first poll sends the version the watcher starts from (and how soon to reconnect).
  events->poll = [this, slot, id,
                  sent = std::optional<std::uint64_t>()]() mutable -> std::optional<std::string> {
    std::uint64_t now = Version(id);
    if (sent && *sent == now) return std::string();
    std::string out = sent ? "" : fmt::format("retry: {}\n", retry_ms_);
    sent = now;
    return out + fmt::format("event: {}\ndata: {{\"{}\":{},\"{}\":{}}}\n\n", event_, key_, id,
                             counter_, now);
  };
  return events;
}

}  // namespace plenary::http
