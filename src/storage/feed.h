// Reading the rows a table gains, in the order of their ids, without missing one that commits
// late. On SQLite the one writer draws ids inside its transaction and commits them in order, so
// "every id above the highest seen" is all there is to read. On PostgreSQL an identity is drawn
// before COMMIT: with several servers writing, a row with a lower id can become visible after
// one with a higher id, and a reader that only remembers the highest id it saw skips it for
// good. IdFeed also remembers the ids below that mark it has not seen (gaps) and reads them
// again until every transaction that could still commit one has ended (PostgreSQL's snapshot:
// its xmax just after the read; all done once a later snapshot's xmin reached it), then forgets
// them: a rolled-back or deleted row leaves a gap for good. The writer thread gives each
// transaction its transaction id before it draws any id (db.cc), which this relies on.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/db.h"

namespace plenary::storage {

class IdFeed {
 public:
  // Gaps remembered at most: a larger jump of ids throws (a bug, or ids not drawn one by one).
  static constexpr std::size_t kMaxGaps = 100000;

  IdFeed() = default;
  explicit IdFeed(std::int64_t watermark) : watermark_(watermark) {}

  // The highest id seen: read every id above it ...
  std::int64_t watermark() const { return watermark_; }
  // ... and these ids below it, not seen yet, that a transaction may still commit.
  std::vector<std::int64_t> Gaps() const;
  // Records what one read found: `ids` (any order) are the ids of the rows found above
  // watermark() and among Gaps(). Call it after the read, with a connection to the same
  // database (PostgreSQL: one query of the snapshot when there are gaps).
  void Saw(Connection& c, std::vector<std::int64_t> ids);

  // Text form, to keep the position across restarts; Parse gives nullopt for a damaged one.
  std::string Serialize() const;
  static std::optional<IdFeed> Parse(std::string_view text);

 private:
  struct Gap {
    std::int64_t id;
    std::int64_t horizon;  // PostgreSQL xmax just after the gap was seen
    bool last_read;        // every writer that could fill it has ended: one read more
  };
  std::int64_t watermark_ = 0;
  std::vector<Gap> gaps_;
};

// Waits until every transaction running now has ended (PostgreSQL; SQLite returns at once),
// so that every id drawn before the call is visible or never will be. Throws after `max_ms`.
void AwaitRunningTransactions(Connection& c, int max_ms = 60000);

// Takes the lock `key` for the rest of the current write transaction, if no other transaction
// holds it (PostgreSQL: pg_try_advisory_xact_lock); false when one does. On SQLite the one
// writer holds every lock already: true. For work one server at a time must do.
bool TryTransactionLock(Connection& c, std::int64_t key);

}  // namespace plenary::storage
