// The search queue, the indexer and ranked queries over the per-language FTS5 tables.
// Reads and writes only the search tables; items' texts come from their modules' Sources.
#include "search/search.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <regex>
#include <set>
#include <stdexcept>
#include <tuple>

#include <boost/json.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "base/random.h"
#include "base/thread_name.h"
#include "base/time.h"
#include "accounts/tokens.h"
#include "http/templates.h"
#include "text/analyzer.h"
#include "text/citations.h"
#include "text/messages.h"
#include "storage/feed.h"
#include "storage/fts5_tokenizer.h"
#include "search/snippet.h"
#include "search/top_lists.h"

namespace plenary::search {

namespace json = boost::json;
using storage::Connection;
using storage::Stmt;

void Enqueue(Connection& c, const std::string& kind, std::int64_t ref_id) {
  c.Exec("INSERT INTO search_queue(kind, ref_id, at) VALUES(?,?,?)", kind, ref_id, Now());
}

std::int64_t Lag(storage::Database& db) {
  std::int64_t queued = db.Read()
                            .QueryInt("SELECT count(*) FROM search_queue WHERE failed_at IS NULL")
                            .value_or(0);
  if (auto* local = LocalIndex::For(db)) queued += local->Behind();
  return queued;
}

json::value ParseOrNull(const std::string& s) {
  boost::system::error_code ec;
  auto v = json::parse(s, ec);
  return ec ? json::value() : v;
}

std::vector<std::pair<std::string, std::string>> Versions(const json::value& v) {
  std::vector<std::pair<std::string, std::string>> out;
  if (const auto* o = v.if_object())
    for (const auto& [k, t] : *o)
      if (t.is_string() && text::IsLanguage(k) && !t.as_string().empty())
        out.emplace_back(std::string(k), std::string(t.as_string()));
  return out;
}

std::string VersionText(const json::value& v, const std::string& lang) {
  if (const auto* o = v.if_object())
    if (const auto* t = o->if_contains(lang); t && t->is_string()) return std::string(t->as_string());
  return "";
}

std::string DateOf(std::int64_t t) { return FormatIso(t).substr(0, 10); }

namespace {

const std::vector<std::string>& Kinds() {
  static const std::vector<std::string> k = {"response", "consultation", "meeting", "contribution",
                                             "action", "document", "resolution",
                                             "agenda_item"};
  return k;
}

}  // namespace

namespace {
std::atomic<bool> keep_top_lists{true};
}  // namespace

void KeepTopLists(bool on) { keep_top_lists = on; }

namespace {

// The key of the lock an indexing transaction holds (storage::TryTransactionLock).
constexpr std::int64_t kIndexerLock = 0x706c656e'0001;  // "plen", 1

struct QueueItem {
  std::int64_t queue_id;
  std::string kind;
  std::int64_t ref_id;
};

// Adds one document to the index (on SQLite, to its language's FTS5 table too, and its terms
// to `top`, applied at the end of the write).
void InsertDoc(Connection& c, const std::string& kind, std::int64_t ref_id, const Doc& d,
               top::Changes& top) {
  c.Exec("INSERT INTO search_docs(kind, ref_id, language, consultation_id, body_id, date, "
         "url, title, body) VALUES(?,?,?,?,?,?,?,?,?)",
         kind, ref_id, d.language, d.consultation_id, d.body_id, d.date, d.url, d.title, d.body);
  if (c.dialect() == storage::Dialect::kSqlite) {
    std::int64_t id = c.LastInsertId();
    std::optional<storage::TokenTap> tap;
    if (keep_top_lists) tap.emplace();
    c.Exec(fmt::format("INSERT INTO search_fts_{}(rowid, title, body) VALUES(?, ?, ?)",
                       d.language),
           id, d.title, d.body);
    if (tap) top.Add(d.language, id, top::FromTap(*tap));
  }
}

// Replaces the documents the index holds for one item with `docs`. On SQLite they go into the
// FTS5 tables too; on PostgreSQL (no FTS5) the change is logged in search_log for every
// server's own index (LocalIndex). Throws what the database throws, and std::runtime_error for
// a document in a language without an index.
void ReplaceDocs(Connection& c, const std::string& kind, std::int64_t ref_id,
                 const std::vector<Doc>& docs, top::Changes& top) {
  const bool fts = c.dialect() == storage::Dialect::kSqlite;
  // The language names the FTS table: only the six have one.
  for (const auto& d : docs)
    if (!text::IsLanguage(d.language))
      throw std::runtime_error("language: no index for \"" + d.language + "\"");
  std::vector<std::tuple<std::int64_t, std::string, std::string, std::string>> old;
  {
    Stmt s(c, "SELECT id, language, title, body FROM search_docs WHERE kind = ? AND ref_id = ?");
    s.BindAll(kind, ref_id);
    while (s.Step()) old.emplace_back(s.Int(0), s.Text(1), s.Text(2), s.Text(3));
  }
  for (const auto& [id, lang, title, body] : old) {
    if (fts && text::IsLanguage(lang)) {
      std::optional<storage::TokenTap> tap;
      if (keep_top_lists) tap.emplace();
      c.Exec(fmt::format("INSERT INTO search_fts_{0}(search_fts_{0}, rowid, title, body) "
                         "VALUES('delete', ?, ?, ?)",
                         lang),
             id, title, body);
      if (tap) top.Remove(lang, id, top::FromTap(*tap));
    }
    c.Exec("DELETE FROM search_docs WHERE id = ?", id);
  }
  for (const auto& d : docs) InsertDoc(c, kind, ref_id, d, top);
  if (!fts) c.Exec("INSERT INTO search_log(kind, ref_id, at) VALUES(?,?,?)", kind, ref_id, Now());
}

// The index's tokens of a write's documents, analysed in order on a thread of its own while the
// write inserts the documents before them (storage::TokenSupply): the analysis, about a third of
// indexing, then runs beside the writer instead of on it (docs/PROFILE.md). One thread serves
// every write, in turn; it lives as long as the process, so its memory of stems stays warm.
class AnalysedAhead {
 public:
  // `texts`: (language, text), in the order the write inserts them.
  explicit AnalysedAhead(std::vector<std::pair<std::string, std::string>> texts)
      : texts_(std::move(texts)), tokens_(texts_.size()) {
    for (std::size_t i = 0; i < texts_.size(); ++i) where_.try_emplace(texts_[i].second, i);
    Worker().Run([this] { Analyse(); });
  }
  // Waits until the thread has left this batch.
  ~AnalysedAhead() {
    std::unique_lock lock(mu_);
    stop_ = true;
    cv_.wait(lock, [this] { return left_; });
  }
  AnalysedAhead(const AnalysedAhead&) = delete;
  AnalysedAhead& operator=(const AnalysedAhead&) = delete;

  // The tokens of `text` in `lang`, once analysed; nullptr for a text not given or whose
  // analysis failed (the tokenizer then analyses it, and fails, itself).
  const std::vector<text::Token>* Find(std::string_view lang, std::string_view text) {
    auto it = where_.find(text);
    if (it == where_.end() || texts_[it->second].first != lang) return nullptr;
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return done_ > it->second || left_; });
    return done_ > it->second && tokens_[it->second] ? &*tokens_[it->second] : nullptr;
  }

 private:
  // One thread running the batches' analyses one after the other.
  class Thread {
   public:
    Thread() { std::thread([this] { Loop(); }).detach(); }
    void Run(std::function<void()> job) {
      std::lock_guard lock(mu_);
      jobs_.push_back(std::move(job));
      cv_.notify_one();
    }

   private:
    void Loop() {
      for (;;) {
        std::function<void()> job;
        {
          std::unique_lock lock(mu_);
          cv_.wait(lock, [this] { return !jobs_.empty(); });
          job = std::move(jobs_.front());
          jobs_.pop_front();
        }
        job();
      }
    }
    std::mutex mu_;
    std::condition_variable cv_;
    std::deque<std::function<void()>> jobs_;
  };
  static Thread& Worker() {
    static Thread* thread = new Thread;  // never destroyed: detached, it outlives main()
    return *thread;
  }

  void Analyse() {
    for (std::size_t i = 0; i < texts_.size(); ++i) {
      {
        std::lock_guard lock(mu_);
        if (stop_) break;
      }
      std::optional<std::vector<text::Token>> tokens;
      try {
        tokens = text::AnalyzeForIndex(texts_[i].second, texts_[i].first);
      } catch (const std::exception&) {
      }
      std::lock_guard lock(mu_);
      tokens_[i] = std::move(tokens);
      done_ = i + 1;
      cv_.notify_all();
    }
    std::lock_guard lock(mu_);
    left_ = true;
    cv_.notify_all();
  }

  const std::vector<std::pair<std::string, std::string>> texts_;
  std::vector<std::optional<std::vector<text::Token>>> tokens_;  // [i] once done_ > i
  std::unordered_map<std::string_view, std::size_t> where_;      // text → its first index
  std::mutex mu_;
  std::condition_variable cv_;
  std::size_t done_ = 0;  // under mu_
  bool stop_ = false;     // under mu_
  bool left_ = false;     // under mu_
};

// Runs IndexItem for each item in one write; an item that throws fails the whole write with
// kInternal and its message (nothing of the write is kept). A full writer queue gives
// kResourceExhausted; a failed COMMIT throws.
Status IndexItems(storage::Database& db, const Sources& sources,
                  const std::vector<QueueItem>& items) {
  return db.Write<Ok>([&](Connection& c) -> Status {
    // Servers sharing a PostgreSQL database index one at a time: two replacing the same
    // item's documents at once would both insert them.
    if (!storage::TryTransactionLock(c, kIndexerLock))
      return Error{Code::kResourceExhausted, "search indexer: another server is indexing", {}};
    top::Changes top;
    try {
      // Every item's public text first, so that it is analysed ahead of the inserts.
      std::vector<std::vector<Doc>> docs;
      for (const auto& it : items) {
        auto source = sources.find(it.kind);
        if (source == sources.end())
          throw std::runtime_error("kind: no source for \"" + it.kind + "\"");
        docs.push_back(source->second(c, it.ref_id));
      }
      std::optional<AnalysedAhead> ahead;
      std::optional<storage::TokenSupply> supply;
      if (c.dialect() == storage::Dialect::kSqlite) {
        std::vector<std::pair<std::string, std::string>> texts;
        for (const auto& item_docs : docs)
          for (const auto& d : item_docs) {
            texts.emplace_back(d.language, d.title);
            texts.emplace_back(d.language, d.body);
          }
        ahead.emplace(std::move(texts));
        supply.emplace([&](std::string_view lang, std::string_view text) {
          return ahead->Find(lang, text);
        });
      }
      for (std::size_t i = 0; i < items.size(); ++i) {
        ReplaceDocs(c, items[i].kind, items[i].ref_id, docs[i], top);
        // Indexed now: an earlier failure of the same item no longer matters.
        c.Exec("DELETE FROM search_queue WHERE kind = ? AND ref_id = ? AND failed_at IS NOT NULL",
               items[i].kind, items[i].ref_id);
        c.Exec("DELETE FROM search_queue WHERE id = ?", items[i].queue_id);
      }
    } catch (const std::exception& e) {
      return Error{Code::kInternal, e.what(), {}};
    }
    if (c.dialect() == storage::Dialect::kSqlite && !keep_top_lists) {
      c.Exec("UPDATE search_top_state SET built = 0");
    } else if (c.dialect() == storage::Dialect::kSqlite) {
      try {
        top.Apply(c);
      } catch (const std::exception& e) {
        return Error{Code::kInternal, e.what(), {}};
      }
    }
    return Ok{};
  });
}

}  // namespace

namespace {
// A database indexed before the lists of frequent terms existed has them made once, in one
// write; until then its queries rank in FTS5 alone. Returns false when that write failed.
bool EnsureTopLists(storage::Database& db) {
  if (db.dialect() != storage::Dialect::kSqlite || !keep_top_lists || top::Built(db.Read()))
    return true;
  auto built = db.Write<Ok>([](Connection& c) -> Status {
    try {
      top::Build(c);
    } catch (const std::exception& e) {
      return Error{Code::kInternal, e.what(), {}};
    }
    return Ok{};
  });
  if (!built.ok()) spdlog::error("search index: lists of frequent terms: {}", built.error().message);
  return built.ok();
}
}  // namespace

int IndexBatch(storage::Database& db, const Sources& sources, int max_items) {
  EnsureTopLists(db);
  std::vector<QueueItem> items;
  {
    Stmt s(db.Read(), "SELECT id, kind, ref_id FROM search_queue WHERE failed_at IS NULL "
                      "ORDER BY id LIMIT ?");
    s.BindAll(static_cast<std::int64_t>(max_items));
    while (s.Step()) items.push_back({s.Int(0), s.Text(1), s.Int(2)});
  }
  if (items.empty()) return 0;
  auto all = IndexItems(db, sources, items);
  if (all.ok()) return static_cast<int>(items.size());
  if (all.error().code != Code::kInternal) return 0;  // the writer is busy: retry later
  // One item of the batch cannot be indexed: index them one by one and set aside the ones
  // that fail with their error, so that one bad item never holds up the queue.
  int done = 0;
  for (const auto& it : items) {
    auto one = IndexItems(db, sources, {it});
    if (!one.ok() && one.error().code != Code::kInternal) break;
    if (!one.ok()) {
      spdlog::error("search indexer: {} {} set aside: {}", it.kind, it.ref_id,
                    one.error().message);
      auto marked = db.Write<Ok>([&](Connection& c) -> Status {
        c.Exec("UPDATE search_queue SET failed_at = ?, error = ? WHERE id = ?", Now(),
               one.error().message, it.queue_id);
        return Ok{};
      });
      if (!marked.ok()) break;
    }
    ++done;
  }
  return done;
}

int PruneLog(storage::Database& db, std::int64_t older_than) {
  int pruned = 0;
  auto done = db.Write<Ok>([&](Connection& c) -> Status {
    if (c.dialect() != storage::Dialect::kPostgres) return Ok{};
    if (!storage::TryTransactionLock(c, kIndexerLock)) return Ok{};
    auto through = c.QueryInt("SELECT max(id) FROM search_log WHERE at < ?", older_than);
    if (!through) return Ok{};
    c.Exec("DELETE FROM search_log WHERE id <= ?", *through);
    pruned = c.Changes();
    c.Exec("UPDATE search_log_pruned SET through = ? WHERE through < ?", *through, *through);
    return Ok{};
  });
  return done.ok() ? pruned : 0;
}

std::int64_t Failed(storage::Database& db) {
  return db.Read()
      .QueryInt("SELECT count(*) FROM search_queue WHERE failed_at IS NOT NULL")
      .value_or(0);
}

std::vector<Failure> Failures(storage::Database& db, int limit) {
  std::vector<Failure> out;
  Stmt s(db.Read(), "SELECT kind, ref_id, failed_at, error FROM search_queue "
                    "WHERE failed_at IS NOT NULL ORDER BY failed_at DESC, id DESC LIMIT ?");
  s.BindAll(static_cast<std::int64_t>(limit));
  while (s.Step()) out.push_back({s.Text(0), s.Int(1), s.Int(2), s.Text(3)});
  return out;
}

Indexer::Indexer(storage::Database& db, Sources sources, int poll_ms)
    : db_(db), sources_(std::move(sources)) {
  thread_ = std::thread([this, poll_ms] {
    NameThisThread("plenary-index");
    auto next_prune = std::chrono::steady_clock::now();
    while (!stop_) {
      int n = 0;
      try {
        n = IndexBatch(db_, sources_);
        if (std::chrono::steady_clock::now() >= next_prune) {
          PruneLog(db_, Now() - kLogRetentionSeconds);
          next_prune = std::chrono::steady_clock::now() + std::chrono::minutes(10);
        }
      } catch (const std::exception& e) {
        spdlog::error("search indexer: {}", e.what());
      }
      if (n == 0) std::this_thread::sleep_for(std::chrono::milliseconds(poll_ms));
    }
  });
}

Indexer::~Indexer() {
  stop_ = true;
  thread_.join();
}

namespace {

std::mutex registry_mu;
std::map<const storage::Database*, LocalIndex*>& Registry() {
  static std::map<const storage::Database*, LocalIndex*> r;
  return r;
}

constexpr const char* kDocColumns =
    "kind, ref_id, language, consultation_id, body_id, date, url, title, body";

Doc DocOf(const Stmt& s, int first) {
  return {s.Text(first), s.OptInt(first + 1), s.OptInt(first + 2), s.Text(first + 3),
          s.Text(first + 4), s.Text(first + 5), s.Text(first + 6)};
}

}  // namespace

LocalIndex::LocalIndex(storage::Database& shared, const std::string& path)
    : shared_(shared), index_(std::make_unique<storage::Database>("sqlite:" + path)) {
  auto made = index_->Write<Ok>([](Connection& c) -> Status {
    // Where this file follows which database: the only table of its own.
    c.ExecScript("CREATE TABLE IF NOT EXISTS search_local (source TEXT NOT NULL, "
                 "feed TEXT NOT NULL)");
    return Ok{};
  });
  if (!made.ok()) throw std::runtime_error("search index " + path + ": " + made.error().message);
  std::lock_guard lock(registry_mu);
  Registry()[&shared_] = this;
}

LocalIndex::~LocalIndex() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
  std::lock_guard lock(registry_mu);
  Registry().erase(&shared_);
}

LocalIndex* LocalIndex::For(const storage::Database& shared) {
  std::lock_guard lock(registry_mu);
  auto it = Registry().find(&shared);
  return it == Registry().end() ? nullptr : it->second;
}

void LocalIndex::Rebuild(const std::string& source) {
  Connection& c = shared_.Read();
  // Every entry up to `top` is in the copy below once the transactions that may still commit
  // one of them have ended; later ones are read from the log.
  std::int64_t top = c.QueryInt("SELECT coalesce(max(id), 0) FROM search_log").value_or(0);
  storage::AwaitRunningTransactions(c);
  auto cleared = index_->Write<Ok>([](Connection& l) -> Status {
    l.Exec("DELETE FROM search_local");
    l.Exec("DELETE FROM search_docs");
    for (const auto& lang : text::Languages())
      l.Exec(fmt::format("INSERT INTO search_fts_{0}(search_fts_{0}) VALUES('delete-all')", lang));
    top::Clear(l);
    return Ok{};
  });
  if (!cleared.ok()) throw std::runtime_error("search index: " + cleared.error().message);
  std::int64_t after = 0;
  for (;;) {
    struct Row {
      std::string kind;
      std::int64_t ref_id;
      Doc doc;
    };
    std::vector<Row> rows;
    {
      Stmt s(c, fmt::format("SELECT id, {} FROM search_docs WHERE id > ? ORDER BY id LIMIT 5000",
                            kDocColumns));
      s.BindAll(after);
      while (s.Step()) {
        rows.push_back({s.Text(1), s.Int(2), DocOf(s, 3)});
        after = s.Int(0);
      }
    }
    if (rows.empty()) break;
    auto copied = index_->Write<Ok>([&](Connection& l) -> Status {
      top::Changes top;
      for (const auto& r : rows) InsertDoc(l, r.kind, r.ref_id, r.doc, top);
      top.Apply(l);
      return Ok{};
    });
    if (!copied.ok()) throw std::runtime_error("search index: " + copied.error().message);
  }
  storage::IdFeed feed(top);
  auto saved = index_->Write<Ok>([&](Connection& l) -> Status {
    l.Exec("INSERT INTO search_local(source, feed) VALUES(?, ?)", source, feed.Serialize());
    return Ok{};
  });
  if (!saved.ok()) throw std::runtime_error("search index: " + saved.error().message);
  feed_ = std::make_unique<storage::IdFeed>(feed);
  spdlog::info("search index rebuilt: {} documents", after > 0 ? index_->Read().QueryInt(
      "SELECT count(*) FROM search_docs").value_or(0) : 0);
}

int LocalIndex::CatchUp(int max) {
  std::lock_guard lock(mu_);
  if (!feed_) {
    // The database this file follows: a digest of its key (drawn when it was made).
    std::string source = Digest(accounts::TokenKey(shared_.Read()));
    std::optional<std::string> kept_source, kept_feed;
    {
      Stmt s(index_->Read(), "SELECT source, feed FROM search_local");
      if (s.Step()) kept_source = s.Text(0), kept_feed = s.Text(1);
    }
    auto parsed = kept_feed ? storage::IdFeed::Parse(*kept_feed) : std::nullopt;
    // Entries this file has not applied were deleted by PruneLog: it has missed them.
    std::int64_t pruned =
        shared_.Read().QueryInt("SELECT through FROM search_log_pruned").value_or(0);
    auto missed = [&](const storage::IdFeed& f) {
      auto gaps = f.Gaps();
      return f.watermark() < pruned ||
             std::any_of(gaps.begin(), gaps.end(), [&](std::int64_t g) { return g <= pruned; });
    };
    if (kept_source == source && parsed && !missed(*parsed)) {
      feed_ = std::make_unique<storage::IdFeed>(*parsed);
    } else {
      Rebuild(source);
      watermark_ = feed_->watermark();
      return 1;
    }
  }
  EnsureTopLists(*index_);
  Connection& c = shared_.Read();
  std::vector<std::int64_t> ids;
  std::set<std::pair<std::string, std::int64_t>> items;
  {
    Stmt s(c, "SELECT id, kind, ref_id FROM search_log WHERE id > ? ORDER BY id LIMIT ?");
    s.BindAll(feed_->watermark(), static_cast<std::int64_t>(max));
    while (s.Step()) ids.push_back(s.Int(0)), items.emplace(s.Text(1), s.Int(2));
  }
  auto gaps = feed_->Gaps();
  for (std::int64_t gap : gaps) {
    Stmt s(c, "SELECT id, kind, ref_id FROM search_log WHERE id = ?");
    s.BindAll(gap);
    while (s.Step()) ids.push_back(s.Int(0)), items.emplace(s.Text(1), s.Int(2));
  }
  if (ids.empty() && gaps.empty()) return 0;
  // The documents as they are now: a later change of the same item is logged again.
  std::vector<std::tuple<std::string, std::int64_t, std::vector<Doc>>> changed;
  for (const auto& [kind, ref_id] : items) {
    std::vector<Doc> docs;
    Stmt s(c, fmt::format("SELECT {} FROM search_docs WHERE kind = ? AND ref_id = ? ORDER BY id",
                          kDocColumns));
    s.BindAll(kind, ref_id);
    while (s.Step()) docs.push_back(DocOf(s, 2));
    changed.emplace_back(kind, ref_id, std::move(docs));
  }
  storage::IdFeed next = *feed_;
  next.Saw(c, ids);
  auto applied = index_->Write<Ok>([&](Connection& l) -> Status {
    top::Changes top;
    for (const auto& [kind, ref_id, docs] : changed) ReplaceDocs(l, kind, ref_id, docs, top);
    top.Apply(l);
    l.Exec("UPDATE search_local SET feed = ?", next.Serialize());
    return Ok{};
  });
  if (!applied.ok()) throw std::runtime_error("search index: " + applied.error().message);
  *feed_ = next;
  watermark_ = feed_->watermark();
  return static_cast<int>(ids.size());
}

void LocalIndex::Start(int poll_ms) {
  std::call_once(started_, [this, poll_ms] {
    thread_ = std::thread([this, poll_ms] {
      NameThisThread("plenary-local");
      while (!stop_) {
        int n = 0;
        try {
          n = CatchUp();
        } catch (const std::exception& e) {
          spdlog::error("search index: {}", e.what());
        }
        if (n == 0) std::this_thread::sleep_for(std::chrono::milliseconds(poll_ms));
      }
    });
  });
}

std::int64_t LocalIndex::Behind() {
  std::int64_t mark = watermark_;
  std::int64_t behind = shared_.Read()
                            .QueryInt("SELECT count(*) FROM search_log WHERE id > ?",
                                      std::max<std::int64_t>(mark, 0))
                            .value_or(0);
  // Not rebuilt yet: nothing is searchable.
  return mark < 0 ? behind + 1 : behind;
}

namespace {
// Escaped text with the snippet markers \x01 \x02 turned into <mark> tags.
std::string MarkedHtml(const std::string& s) {
  std::string out;
  for (char ch : http::EscapeHtml(s)) {
    if (ch == '\x01')
      out += "<mark>";
    else if (ch == '\x02')
      out += "</mark>";
    else
      out += ch;
  }
  return out;
}
std::string Plain(std::string s) {
  s.erase(std::remove_if(s.begin(), s.end(), [](char ch) { return ch == '\x01' || ch == '\x02'; }),
          s.end());
  return s;
}
}  // namespace

namespace {

// The resolutions a query cites, as the URL patterns of their registry pages (SQL LIKE):
// "Resolution 1344", "第1344号决议", "القرار 1344" → "/resolutions/council/1344" (the instrument
// the citation extractor settles on); a bare number ("1344", "１３４４", "١٣٤٤") →
// "/resolutions/%/1344", any instrument. Empty when the query cites none. `*rest` receives the
// query without its citations ("Resolution 1344 modalities" → " modalities"): the other words,
// which the texts citing it must also hold.
std::vector<std::pair<std::string, int>> CitedResolutions(const std::string& q, std::string* rest) {
  *rest = q;
  std::vector<std::pair<std::string, int>> out;
  // A bare number: ASCII, full-width or Arabic-Indic digits, spaces around.
  std::string digits;
  bool bare = true;
  for (size_t i = 0; i < q.size() && bare;) {
    auto b = static_cast<unsigned char>(q[i]);
    if (b == ' ' || b == '\t') {
      ++i;
    } else if (b >= '0' && b <= '9') {
      digits.push_back(static_cast<char>(b));
      ++i;
    } else if (i + 2 < q.size() && b == 0xEF && static_cast<unsigned char>(q[i + 1]) == 0xBC &&
               static_cast<unsigned char>(q[i + 2]) >= 0x90 &&
               static_cast<unsigned char>(q[i + 2]) <= 0x99) {  // U+FF10..U+FF19
      digits.push_back(static_cast<char>('0' + static_cast<unsigned char>(q[i + 2]) - 0x90));
      i += 3;
    } else if (i + 1 < q.size() && (b == 0xD9 || b == 0xDB)) {  // U+0660..9, U+06F0..9
      auto c = static_cast<unsigned char>(q[i + 1]);
      int base = b == 0xD9 ? 0xA0 : 0xB0;
      if (c < base || c > base + 9) bare = false;
      digits.push_back(static_cast<char>('0' + c - base));
      i += 2;
    } else {
      bare = false;
    }
  }
  if (bare && !digits.empty() && digits.size() <= 5 && digits[0] != '0') {
    out.emplace_back("/resolutions/%/" + digits, std::stoi(digits));
    rest->clear();
    return out;
  }
  std::string others;
  size_t from = 0;
  for (const auto& c : text::ExtractCitations(q, 8, nullptr)) {
    if (c.kind != "resolution" || c.number <= 0) continue;
    others += q.substr(from, c.begin - from) + " ";
    from = c.end;
    std::string url = "/resolutions/" + (c.instrument.empty() ? "%" : c.instrument) + "/" +
                      std::to_string(c.number);
    bool seen = std::any_of(out.begin(), out.end(), [&](const auto& o) { return o.first == url; });
    if (!seen) out.emplace_back(url, c.number);
  }
  if (!out.empty()) *rest = others + q.substr(from);
  return out;
}

// The language whose versions come first: that of the query's script when its letters say
// one (Han, Arabic or Cyrillic: Chinese, Arabic, Russian), else the reader's. Latin letters
// read by a reader of Chinese, Arabic or Russian prefer English (they do not say which of
// en, fr, es); digits alone say nothing. Unset when neither the query nor the reader tells.
std::optional<std::string> PreferredLanguage(const std::string& q,
                                             const std::optional<std::string>& reader) {
  bool latin = false;
  for (size_t i = 0; i < q.size(); ++i) {
    auto b = static_cast<unsigned char>(q[i]);
    if (b == 0xD0 || b == 0xD1) return "ru";                    // U+0400..U+047F
    if (b == 0xD8 || b == 0xD9 || b == 0xDA || b == 0xDB) {     // U+0600..U+06FF
      // Arabic-Indic digits alone are digits, not words.
      auto c = i + 1 < q.size() ? static_cast<unsigned char>(q[i + 1]) : 0;
      bool digit = (b == 0xD9 && c >= 0xA0 && c <= 0xA9) || (b == 0xDB && c >= 0xB0 && c <= 0xB9);
      if (!digit) return "ar";
    }
    if (b >= 0xE4 && b <= 0xE9) return "zh";                    // U+4000..U+9FFF
    if ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || b == 0xC3) latin = true;
  }
  if (latin && (!reader || *reader == "zh" || *reader == "ar" || *reader == "ru")) return "en";
  return reader;
}

// The opening of a text as a plain snippet (whole characters, at most about 200 bytes).
std::string Opening(const std::string& body) {
  if (body.size() <= 200) return body;
  size_t end = 200;
  while (end > 0 && (static_cast<unsigned char>(body[end]) & 0xC0) == 0x80) --end;
  return body.substr(0, end) + "…";
}

}  // namespace

namespace {
std::atomic<bool> top_lists_on{true};

// A read transaction on `c` for the life of the object, unless one is open already.
class ReadTransaction {
 public:
  explicit ReadTransaction(Connection& c)
      : c_(c), mine_(c.dialect() == storage::Dialect::kSqlite &&
                     sqlite3_get_autocommit(c.handle()) != 0) {
    if (mine_) c_.Exec("BEGIN");
  }
  ~ReadTransaction() {
    if (!mine_) return;
    try {
      c_.Exec("COMMIT");
    } catch (const std::exception& e) {
      spdlog::error("search: ending a read: {}", e.what());
    }
  }
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;

 private:
  Connection& c_;
  bool mine_;
};
}  // namespace

void UseTopLists(bool on) { top_lists_on = on; }

Result<Results> Search(storage::Database& db, const Query& query) {
  if (query.q.empty()) return InvalidArgument("q", "q: required");
  if (query.q.size() > 500) return InvalidArgument("q", "q: at most 500 bytes");
  if (query.kind && std::find(Kinds().begin(), Kinds().end(), *query.kind) == Kinds().end())
    return InvalidArgument("kind", "kind: one of response, consultation, meeting, contribution, "
                                   "action, document, resolution");
  if (query.language && !text::IsLanguage(*query.language))
    return InvalidArgument("language", "language: one of ar, zh, en, fr, ru, es");
  for (const auto* d : {&query.from, &query.to})
    if (*d && !IsIsoDate(**d))
      return InvalidArgument(d == &query.from ? "from" : "to",
                             std::string(d == &query.from ? "from" : "to") + ": expected YYYY-MM-DD");
  if (query.page < 1 || query.page > 500) return InvalidArgument("page", "page: 1 to 500");
  storage::Database* index = &db;
  if (db.dialect() == storage::Dialect::kPostgres) {
    index = LocalIndex::For(db) ? &LocalIndex::For(db)->index() : nullptr;
    if (!index)
      return Error{Code::kResourceExhausted, "search: this server has no search index", {}, 5};
  }
  int per_page = std::clamp(query.per_page, 1, 100);
  std::int64_t want = static_cast<std::int64_t>(query.page) * per_page + 1;
  std::vector<Hit> hits;
  bool searchable = false;
  // A query that cites a resolution finds the resolution itself first (the preferred language's
  // version before the others), then every text that names its number.
  std::string rest;
  auto cited = CitedResolutions(query.q, &rest);
  std::vector<Hit> pinned;
  if (!cited.empty()) {
    std::string reader = PreferredLanguage(query.q, query.reader).value_or("en");
    for (const auto& [pattern, number] : cited) {
      Stmt s(index->Read(),
             "SELECT kind, ref_id, language, date, url, title, body FROM search_docs "
             "WHERE kind = 'resolution' AND url LIKE ?1 AND (?2 IS NULL OR language = ?2) "
             "AND (?3 IS NULL OR kind = ?3) AND (?4 IS NULL OR consultation_id = ?4) "
             "AND (?5 IS NULL OR body_id = ?5) AND (?6 IS NULL OR date >= ?6) "
             "AND (?7 IS NULL OR date <= ?7) ORDER BY language = ?8 DESC, language, url LIMIT ?9");
      s.BindAll(pattern, query.language, query.kind, query.consultation_id, query.body_id,
                query.from, query.to, reader, want);
      while (s.Step()) {
        std::string opening = Opening(s.Text(6));
        pinned.push_back({s.Text(0), s.Int(1), s.Text(2), s.Text(3), s.Text(4), s.Text(5), opening,
                          http::EscapeHtml(opening), 0.0});
      }
    }
  }
  std::map<std::string, std::string> matches;  // language → its FTS5 query
  for (const auto& lang : text::Languages()) {
    if (query.language && *query.language != lang) continue;
    std::string match;
    if (cited.empty()) {
      match = text::ToFtsQuery(query.q, lang);
    } else {
      // Texts that cite it name its number, whatever words surround it in their language.
      for (const auto& c : cited) {
        std::string one = text::ToFtsQuery(std::to_string(c.second), lang);
        if (!one.empty()) match += (match.empty() ? "" : " OR ") + one;
      }
      // The query's other words narrow them, as in any search.
      if (std::string words = text::ToFtsQuery(rest, lang); !match.empty() && !words.empty()) {
        match = "(" + match + ") AND (" + words + ")";
      }
    }
    if (match.empty()) continue;
    searchable = true;
    matches[lang] = match;
  }
  // The lists a one-word query (or a phrase of frequent words) is ranked from: a phrase gets
  // lists of its own when first queried (a write), before the reads below begin.
  std::map<std::string, std::string> listed_key;  // language → the term or phrase's key
  if (top_lists_on) {
    for (const auto& [lang, match] : matches) {
      if (std::string term = top::SingleTerm(match, lang); !term.empty())
        listed_key[lang] = term;
      else if (auto phrase = top::PhraseTerms(match, lang);
               !phrase.empty() && top::ListPhrase(*index, lang, phrase))
        listed_key[lang] = top::PhraseKey(phrase);
    }
  }
  // Every read of the query in one read transaction: one snapshot (the lists and the statistics
  // agree) and one lock of the database instead of one per statement (each took a POSIX lock
  // and the log's shared memory: an eighth of a rare word's time, docs/PROFILE.md).
  ReadTransaction reading(index->Read());
  const bool filtered = query.kind || query.consultation_id || query.body_id || query.from ||
                        query.to;
  std::map<std::tuple<std::string, std::int64_t, std::string>, std::int64_t> doc_of;
  for (const auto& lang : text::Languages()) {  // in their order: ties keep it
    auto matched = matches.find(lang);
    if (matched == matches.end()) continue;
    const std::string& match = matched->second;
    // Ranked without snippets: SQLite computes every result column of every match before it
    // sorts, and a snippet tokenizes the document again. Snippets are made below, for the
    // page's hits only.
    // Each match is scored in the FTS5 table alone (its doclist, positions and stored
    // length), and search_docs is read only for the best rows, in order of score, until
    // `want` of them pass the filters. Joining search_docs for every match read one row of
    // that table (title and body inline) per match: about 70 % of a common word's time
    // (docs/PROFILE.md).
    std::vector<std::pair<double, std::int64_t>> ranked;  // (score, rowid)
    // One word that many documents hold: its best documents are listed (top_lists.h), with
    // FTS5's own scores; so is a phrase of such words once queried.
    std::optional<std::vector<std::pair<double, std::int64_t>>> listed;
    if (auto key = listed_key.find(lang); key != listed_key.end()) {
      const std::string& term = key->second;
      top::Keep keep;
      if (filtered)
        keep = [&](const std::vector<std::int64_t>& ids) {
          // The filters read beside each id in the narrow index (migration 0045).
          Stmt doc(index->Read(),
                   "SELECT id FROM search_docs INDEXED BY search_docs_filters "
                   "WHERE id IN (SELECT value FROM json_each(?1)) "
                   "AND (?2 IS NULL OR kind = ?2) AND (?3 IS NULL OR consultation_id = ?3) "
                   "AND (?4 IS NULL OR body_id = ?4) AND (?5 IS NULL OR date >= ?5) "
                   "AND (?6 IS NULL OR date <= ?6)");
          doc.BindAll(json::serialize(json::value_from(ids)), query.kind, query.consultation_id,
                      query.body_id, query.from, query.to);
          std::unordered_set<std::int64_t> passing;
          while (doc.Step()) passing.insert(doc.Int(0));
          return passing;
        };
      listed = top::Best(index->Read(), lang, term, want, keep);
    }
    if (listed) {
      ranked = std::move(*listed);
    } else {
      // Without filters SQLite keeps the best `want` as it goes (ORDER BY … LIMIT); with
      // them, every match is kept and taken best first below.
      Stmt s(index->Read(),
             fmt::format("SELECT bm25(search_fts_{0}, 2.0, 1.0) AS score, rowid "
                         "FROM search_fts_{0} WHERE search_fts_{0} MATCH ?1{1}",
                         lang, filtered ? "" : " ORDER BY score LIMIT ?2"));
      if (filtered)
        s.BindAll(match);
      else
        s.BindAll(match, want);
      while (s.Step()) ranked.emplace_back(s.Real(0), s.Int(1));
    }
    // A heap with the best (lowest) score on top: only the rows taken are ordered.
    auto worse = [](const auto& x, const auto& y) { return x.first > y.first; };
    std::make_heap(ranked.begin(), ranked.end(), worse);
    for (std::int64_t found = 0; found < want && !ranked.empty();) {
      std::pop_heap(ranked.begin(), ranked.end(), worse);
      auto [score, id] = ranked.back();
      ranked.pop_back();
      // Prepared once per connection (its statement cache), bound for each row.
      Stmt doc(index->Read(),
               "SELECT kind, ref_id, language, date, url, title FROM search_docs WHERE id = ?1 "
               "AND (?2 IS NULL OR kind = ?2) AND (?3 IS NULL OR consultation_id = ?3) "
               "AND (?4 IS NULL OR body_id = ?4) AND (?5 IS NULL OR date >= ?5) "
               "AND (?6 IS NULL OR date <= ?6)");
      doc.BindAll(id, query.kind, query.consultation_id, query.body_id, query.from, query.to);
      if (!doc.Step()) continue;  // filtered out
      hits.push_back({doc.Text(0), doc.Int(1), doc.Text(2), doc.Text(3), doc.Text(4),
                      doc.Text(5), "", "", score});
      doc_of[{hits.back().kind, hits.back().ref_id, hits.back().language}] = id;
      ++found;
    }
  }
  if (!searchable && pinned.empty()) return InvalidArgument("q", "q: no searchable words");
  std::stable_sort(hits.begin(), hits.end(),
                   [](const Hit& a, const Hit& b) { return a.score < b.score; });
  // The texts in the reader's language first, each part in order of score.
  if (auto preferred = PreferredLanguage(query.q, query.reader); preferred && query.reader) {
    std::stable_partition(hits.begin(), hits.end(),
                          [&](const Hit& h) { return h.language == *preferred; });
  }
  if (!pinned.empty()) {
    // Ahead of every ranked hit (BM25: lower is better), and not listed twice.
    double best = hits.empty() ? 0.0 : std::min(0.0, hits.front().score);
    for (auto& p : pinned) {
      p.score = best - 1.0;
      // It keeps the opening of its text as snippet, not the ranked match of its name.
      doc_of.erase({p.kind, p.ref_id, p.language});
    }
    std::erase_if(hits, [&](const Hit& h) {
      return std::any_of(pinned.begin(), pinned.end(), [&](const Hit& p) {
        return p.kind == h.kind && p.ref_id == h.ref_id && p.language == h.language;
      });
    });
    hits.insert(hits.begin(), pinned.begin(), pinned.end());
  }
  Results out{{}, false, query.page, per_page};
  std::size_t begin = static_cast<std::size_t>(query.page - 1) * per_page;
  std::map<std::string, std::vector<snippet::Phrase>> phrases;  // language → the query's
  for (std::size_t i = begin; i < hits.size() && i < begin + per_page; ++i) {
    Hit h = hits[i];
    auto doc = doc_of.find({h.kind, h.ref_id, h.language});
    if (doc != doc_of.end()) {  // a ranked hit (a pinned one has its opening)
      Stmt s(index->Read(), "SELECT title, body FROM search_docs WHERE id = ?");
      s.BindAll(doc->second);
      if (s.Step()) {
        auto [known, added] = phrases.try_emplace(h.language);
        if (added) known->second = snippet::PhrasesOf(matches[h.language], h.language);
        std::string marked = snippet::Make(known->second, h.language, s.Text(0), s.Text(1),
                                           "\x01", "\x02", "…", 24);
        h.snippet = Plain(marked);
        h.snippet_html = MarkedHtml(marked);
      }
    }
    out.items.push_back(std::move(h));
  }
  out.more = hits.size() > begin + per_page;
  return out;
}

}  // namespace plenary::search
