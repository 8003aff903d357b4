// Versions of each meeting's floor and the bounded set of their watchers (floor.h), on the
// server's one mechanism for watched pages (http/watchers.h).
#include "proceedings/floor.h"

#include "http/watchers.h"

namespace plenary::proceedings {

namespace {
http::Watchers& Floor() {
  static http::Watchers watchers("floor", "meeting", "version", kDefaultMaxWatchers);
  return watchers;
}
}  // namespace

void FloorChanged(std::int64_t meeting_id) { Floor().Changed(meeting_id); }
std::uint64_t FloorVersion(std::int64_t meeting_id) { return Floor().Version(meeting_id); }
void SetMaxWatchers(int n) { Floor().SetMax(n); }
int MaxWatchers() { return Floor().Max(); }
int Watchers() { return Floor().Count(); }
std::shared_ptr<http::EventStream> Watch(std::int64_t meeting_id) {
  return Floor().Watch(meeting_id);
}

}  // namespace plenary::proceedings
