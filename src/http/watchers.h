// Pages that follow something as it changes (a meeting's floor, a negotiated text on the room's
// screen): one mechanism for every such page. Each use case that changes the thing calls
// Changed(id) after its transaction committed; each watching browser holds a Watch(id), a
// stream of Server-Sent Events (event_stream.h) whose poll compares the thing's version in
// memory with the last one it sent — no database read, so several hundred idle watchers cost a
// timer each. The number of watchers is bounded (SetMax, a command-line option of each user):
// beyond it Watch gives nothing and the route answers 503.
//
// The versions live in this process: with several servers on one PostgreSQL database, a
// watcher hears of the changes made through its own server only (its page still shows every
// change on reload).
#pragma once
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "http/event_stream.h"

namespace plenary::http {

class Watchers {
 public:
  // Events are `event: <event>` with data `{"<key>": id, "<counter>": n}`, n the version of
  // `id` in this process; a browser that lost the stream reconnects after `retry_ms`.
  Watchers(std::string event, std::string key, std::string counter, int max,
           int retry_ms = 1000);
  Watchers(const Watchers&) = delete;
  Watchers& operator=(const Watchers&) = delete;

  // Raises the version of `id`: each of its watchers hears of it at its next poll (100 ms).
  void Changed(std::int64_t id);
  std::uint64_t Version(std::int64_t id) const;

  void SetMax(int n) { *max_ = n < 0 ? 0 : n; }
  int Max() const { return *max_; }
  // Watchers open now, over all ids.
  int Count() const { return *count_; }

  // A stream for a watcher of `id`: first the current version, then one event each time it
  // moves. nullptr when Max() watchers are already open.
  std::shared_ptr<EventStream> Watch(std::int64_t id);

 private:
  std::string event_, key_, counter_;
  int retry_ms_;
  mutable std::mutex mu_;
  std::unordered_map<std::int64_t, std::uint64_t> versions_;  // guarded by mu_
  // The count is shared with each watcher's slot, which gives its place back when released.
  std::shared_ptr<std::atomic<int>> max_, count_;
};

}  // namespace plenary::http
