// The delegates' floor as it changes: each use case that changes a meeting's list of speakers
// (or its item under discussion) calls FloorChanged after its transaction committed, and each
// browser watching that meeting's agenda holds a Watch: a stream of Server-Sent Events that
// says "changed" within one poll of the server (100 ms), on which the page fetches itself
// again (http/watchers.h, the mechanism the room's screen of negotiated texts shares). The
// number of watchers is bounded (SetMaxWatchers, `plenary serve
// --max-floor-watchers`): beyond it, Watch gives nothing and the route answers 503.
//
// The versions live in this process: with several servers on one PostgreSQL database, a
// watcher hears of the changes made through its own server only (its page still shows every
// change on reload).
#pragma once
#include <cstdint>
#include <memory>

#include "http/event_stream.h"

namespace plenary::proceedings {

inline constexpr int kDefaultMaxWatchers = 1000;

// Raises the meeting's version: every watcher of the meeting hears of it at its next poll.
void FloorChanged(std::int64_t meeting_id);
std::uint64_t FloorVersion(std::int64_t meeting_id);

void SetMaxWatchers(int n);
int MaxWatchers();
// Watchers open now, over all meetings.
int Watchers();

// A stream of events for the meeting's watcher: first `event: floor` with the current version,
// then one each time the version moves. nullptr when MaxWatchers are already open.
std::shared_ptr<http::EventStream> Watch(std::int64_t meeting_id);

}  // namespace plenary::proceedings
