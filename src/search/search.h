// Full-text search across the public text of the platform in the six languages: published
// responses, consultations (title, description, questions, summary), meetings, contributions,
// the actions meetings approved, public documents, resolutions and the items of meetings'
// records (agenda_item: title, paragraphs and decisions).
//
// Indexing runs behind the durable write: use cases call Enqueue() in their own transaction,
// and an Indexer thread drains the queue into the FTS5 tables, asking the module that owns
// each item for its text (a Source). Acknowledged submissions never wait for the index; the
// queue length is the lag (/metrics, the secretariat's desk).
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <boost/json.hpp>

#include "base/result.h"
#include "storage/db.h"
#include "storage/feed.h"

namespace plenary::search {

// Marks an item for (re)indexing; call inside the transaction that changed it. `kind` is
// response, consultation, meeting, contribution, action, document, resolution or
// agenda_item. An item that is no longer public (e.g. a rejected response) is removed from the
// index when its turn comes.
void Enqueue(storage::Connection& c, const std::string& kind, std::int64_t ref_id);

// One language version of an item's public text, as the index holds it.
struct Doc {
  std::string language;  // one of the six; the FTS table it goes to
  std::optional<std::int64_t> consultation_id, body_id;  // for the filters
  std::string date, url, title, body;  // date YYYY-MM-DD; url without the language prefix
};
// The module that owns a kind of item hands its text down through a Source: the public
// documents of item `ref_id`, read from the module's own tables on `c` (the indexer's
// transaction), none when the item is not public or no longer exists. Search itself reads no
// other module's table. The app gathers the sources of every kind (app::SearchSources).
using Source = std::function<std::vector<Doc>(storage::Connection& c, std::int64_t ref_id)>;
using Sources = std::map<std::string, Source>;  // kind → its source

// Helpers for sources. The JSON in `s`, null when it is not JSON.
boost::json::value ParseOrNull(const std::string& s);
// Each non-empty language version (one of the six) of a multilingual value, in its order.
std::vector<std::pair<std::string, std::string>> Versions(const boost::json::value& v);
// The text of one language version, "" when missing.
std::string VersionText(const boost::json::value& v, const std::string& lang);
// The UTC date (YYYY-MM-DD) of an instant.
std::string DateOf(std::int64_t unix_seconds);

// Items waiting to be indexed (not counting those set aside); on PostgreSQL, plus the changes
// this server's LocalIndex has not applied yet.
std::int64_t Lag(storage::Database& db);

// Indexes up to `max_items` queued items in one write transaction; returns how many it
// dealt with. When one of them cannot be indexed, the batch is retried item by item and the
// failing item is set aside with its error (it stays in search_queue with failed_at and
// error, out of the lag) instead of blocking the queue; indexing the same item again later
// clears it.
// An item of a kind without a source is set aside too.
int IndexBatch(storage::Database& db, const Sources& sources, int max_items = 500);

// PostgreSQL: deletes the entries of search_log made before `older_than` (unix seconds) and
// records how far it deleted, so that a LocalIndex that had not applied them is rebuilt; the
// Indexer runs it every 10 minutes with kLogRetentionSeconds. Returns how many it deleted
// (0 on SQLite, or while another server indexes).
int PruneLog(storage::Database& db, std::int64_t older_than);
constexpr std::int64_t kLogRetentionSeconds = 7 * 24 * 3600;

// Items set aside because they could not be indexed (/metrics, the secretariat's desk).
std::int64_t Failed(storage::Database& db);
struct Failure {
  std::string kind;
  std::int64_t ref_id;
  std::int64_t failed_at;  // unix seconds
  std::string error;
};
// The latest `limit` of them, newest first.
std::vector<Failure> Failures(storage::Database& db, int limit = 20);

// A background thread running IndexBatch until the queue is empty, then polling.
// Stops (after the current batch) when destroyed.
class Indexer {
 public:
  Indexer(storage::Database& db, Sources sources, int poll_ms = 200);
  ~Indexer();

 private:
  storage::Database& db_;
  Sources sources_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

// On PostgreSQL (which has no FTS5) each server answers searches from an index of its own: a
// SQLite file with the same FTS5 tables and `plenary` tokenizer as a SQLite deployment, so the
// results are the same. It is filled from the shared search_docs and follows search_log, where
// the indexer of whichever server indexed an item logged it (storage::IdFeed: an entry
// committed after a higher one is not missed), so every server's index sees every change. A
// file that is missing, or was made for another database, is rebuilt from search_docs.
// Search() and Lag() on the shared database use it once it exists. Thread-safe.
class LocalIndex {
 public:
  // Opens (creating) the SQLite file `path` for the PostgreSQL database `shared`.
  LocalIndex(storage::Database& shared, const std::string& path);
  ~LocalIndex();
  LocalIndex(const LocalIndex&) = delete;
  LocalIndex& operator=(const LocalIndex&) = delete;

  // Rebuilds the file first when needed, then applies up to `max` entries of search_log;
  // returns how many entries it read (a rebuild counts as one).
  int CatchUp(int max = 2000);
  // Runs CatchUp in a background thread until destroyed (once; later calls do nothing).
  void Start(int poll_ms = 100);
  // Entries of search_log not applied yet (all of them before the first rebuild).
  std::int64_t Behind();
  storage::Database& index() { return *index_; }

  // The local index answering for `shared`, nullptr when none.
  static LocalIndex* For(const storage::Database& shared);

 private:
  void Rebuild(const std::string& source);
  storage::Database& shared_;
  std::unique_ptr<storage::Database> index_;
  std::mutex mu_;  // one CatchUp at a time; guards feed_ and ready_
  std::unique_ptr<storage::IdFeed> feed_;  // null until loaded or rebuilt
  std::atomic<std::int64_t> watermark_{-1};  // feed_'s, for Behind(); -1 before the first
  std::atomic<bool> stop_{false};
  std::once_flag started_;
  std::thread thread_;
};

struct Query {
  std::string q;
  std::optional<std::string> kind, language, from, to;  // dates YYYY-MM-DD
  std::optional<std::int64_t> consultation_id, body_id;
  // The reader's language (the page's, or the API client's: ?lang=, cookie, Accept-Language):
  // its versions come first, unless the query's letters are of another script, whose language
  // then comes first ("第1344号决议" read in English). Unset: no language is preferred.
  std::optional<std::string> reader;
  int page = 1;
  int per_page = 20;
};

struct Hit {
  std::string kind;
  std::int64_t ref_id;
  std::string language, date, url, title;
  std::string snippet;       // plain text
  std::string snippet_html;  // HTML-escaped, matches in <mark>
  double score;              // bm25: lower is better
};

struct Results {
  std::vector<Hit> items;
  bool more;  // a next page exists
  int page, per_page;
};

// Whether Search() ranks a one-word query (or a phrase of frequent words) from the lists of the
// best documents of frequent terms (on; the same results as FTS5's bm25() over every match, top_lists.h) or in FTS5 alone
// (off), for the benchmark that measures both in one run.
void UseTopLists(bool on);

// Whether the indexer keeps those lists (on). Off, for the benchmark that measures indexing with
// and without their upkeep in one run: the lists are marked out of date, so queries rank in
// FTS5 alone, and the first batch indexed with them on again makes them anew in one write.
void KeepTopLists(bool on);

// Errors: 400 for an empty or over-long query, bad dates, unknown kind or language; 503 on
// PostgreSQL when this server has no LocalIndex.
Result<Results> Search(storage::Database& db, const Query& query);

}  // namespace plenary::search
