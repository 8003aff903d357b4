// Follow and unfollow use cases, the contents of a digest and the daily run that mails it.
#include "follows/follows.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <boost/json.hpp>
#include <algorithm>
#include <chrono>
#include <set>

#include "accounts/follows.h"
#include "audit/audit.h"
#include "base/parse.h"
#include "base/thread_name.h"
#include "consultations/consultations.h"
#include "mail/mail.h"
#include "meetings/meetings.h"
#include "site/site.h"
#include "text/dates.h"
#include "text/messages.h"

namespace plenary::follows {

using text::T;

namespace {

std::string Picked(const std::string& json, const std::string& lang) {
  return site::Pick(json, lang).text;
}
// The same for the label of `f`, whose language is noted when it falls back.
std::string Picked(Followed& f, const std::string& json, const std::string& lang) {
  auto l = site::Pick(json, lang);
  if (l.fallback) f.label_lang = l.lang;
  return l.text;
}

// The label and page of a followed thing read on `c`; nullopt when it does not exist.
std::optional<Followed> DescribeOn(storage::Connection& c, const std::string& kind, std::int64_t id,
                                 const std::string& lang) {
  Followed f;
  f.kind = kind;
  f.id = id;
  if (kind == "body") {
    storage::Stmt s(c, "SELECT key, acronym, name FROM bodies WHERE id = ?");
    s.BindAll(id);
    if (!s.Step()) return std::nullopt;
    f.key = s.Text(0);
    f.label = Picked(f, s.Text(2), lang) + " (" + s.Text(1) + ")";
    f.path = "/bodies/" + f.key;
  } else if (kind == "consultation") {
    storage::Stmt s(c, "SELECT key, title FROM consultations WHERE id = ?");
    s.BindAll(id);
    if (!s.Step()) return std::nullopt;
    f.key = s.Text(0);
    f.label = Picked(f, s.Text(1), lang);
    f.path = "/consultations/" + std::to_string(id);
  } else {
    storage::Stmt s(c, std::string("SELECT ") + meetings::kLabelColumns +
                           " FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE m.id = ?");
    s.BindAll(id);
    if (!s.Step()) return std::nullopt;
    f.key = std::to_string(id);
    f.label = meetings::Label(meetings::LabelFromRow(s, 0), lang);
    f.path = "/meetings/" + f.key;
  }
  return f;
}

// The id of `target` of `kind` (an id, or a body's or consultation's key).
Result<std::int64_t> Resolve(storage::Database& db, const std::string& kind,
                             const std::string& target) {
  if (!accounts::IsFollowKind(kind))
    return InvalidArgument("kind", "kind: must be body, consultation or meeting");
  std::optional<std::int64_t> id;
  if (kind == "body") id = meetings::BodyId(db.Read(), target);
  else if (kind == "consultation") id = consultations::FindId(db, target);
  else id = meetings::MeetingId(db.Read(), target);
  if (!id) return NotFound(kind + " " + target + ": no such " + kind);
  return *id;
}

std::string FollowJson(const std::string& kind, std::int64_t id) {
  return boost::json::serialize(boost::json::object{{"kind", kind}, {"id", id}});
}

}  // namespace

Result<Followed> Describe(storage::Database& db, const std::string& kind,
                          const std::string& target, const std::string& lang) {
  auto id = Resolve(db, kind, target);
  if (!id.ok()) return id.error();
  auto f = DescribeOn(db.Read(), kind, *id, lang);
  if (!f) return NotFound(kind + " " + target + ": no such " + kind);
  return *f;
}

Result<Followed> Follow(storage::Database& db, std::int64_t user_id, const std::string& kind,
                        const std::string& target, const std::string& lang, Instant now) {
  auto id = Resolve(db, kind, target);
  if (!id.ok()) return id.error();
  return db.Write<Followed>([&](storage::Connection& c) -> Result<Followed> {
    // Checked again in the transaction: what is followed exists when the row is written.
    auto f = DescribeOn(c, kind, *id, lang);
    if (!f) return NotFound(kind + " " + target + ": no such " + kind);
    accounts::SetLanguage(c, user_id, lang);
    if (accounts::InsertFollow(c, user_id, kind, *id, now))
      audit::Record(c, user_id, "follow.add", kind, *id, std::nullopt, FollowJson(kind, *id));
    f->since = now;
    return *f;
  });
}

Result<Followed> Unfollow(storage::Database& db, std::int64_t user_id, const std::string& kind,
                          const std::string& target, const std::string& lang) {
  auto id = Resolve(db, kind, target);
  if (!id.ok()) return id.error();
  return db.Write<Followed>([&](storage::Connection& c) -> Result<Followed> {
    auto f = DescribeOn(c, kind, *id, lang);
    if (!f) return NotFound(kind + " " + target + ": no such " + kind);
    if (accounts::DeleteFollow(c, user_id, kind, *id))
      audit::Record(c, user_id, "follow.remove", kind, *id, FollowJson(kind, *id), std::nullopt);
    return *f;
  });
}

std::vector<Followed> ListFollowed(storage::Database& db, std::int64_t user_id,
                                   const std::string& lang) {
  std::vector<Followed> out;
  auto& c = db.Read();
  for (const auto& f : accounts::FollowsOf(c, user_id)) {
    auto d = DescribeOn(c, f.kind, f.target_id, lang);
    if (!d) continue;  // a followed thing that no longer exists
    d->since = f.created_at;
    out.push_back(std::move(*d));
  }
  return out;
}

std::vector<DigestItem> DigestItems(storage::Connection& c, std::int64_t user_id, Instant since,
                                    Instant until, const std::string& lang,
                                    Instant deadlines_after) {
  std::vector<std::int64_t> bodies, consultations, meetings;
  for (const auto& f : accounts::FollowsOf(c, user_id)) {
    if (f.kind == "body") bodies.push_back(f.target_id);
    else if (f.kind == "consultation") consultations.push_back(f.target_id);
    else meetings.push_back(f.target_id);
  }
  std::vector<DigestItem> out;
  std::set<std::pair<std::string, std::int64_t>> seen;
  auto add = [&](const std::string& section, std::int64_t id, std::string text,
                 std::string path) {
    if (seen.insert({section, id}).second)
      out.push_back(DigestItem{section, std::move(text), std::move(path)});
  };

  // New open consultations of a followed body, or launched, considered or held at a followed
  // meeting.
  auto consultation_rows = [&](const char* where, std::int64_t id) {
    storage::Stmt s(c, std::string("SELECT id, title, deadline, timezone FROM consultations "
                                   "WHERE created_at > ? AND created_at <= ? AND (") +
                           where + ") ORDER BY created_at, id");
    s.BindAll(since, until, id);
    while (s.Step())
      add("consultations", s.Int(0),
          T(lang, "digest_item_consultation",
            {{"title", Picked(s.Text(1), lang)},
             {"deadline", text::FormatDateTime(s.Int(2), s.Text(3), lang)}}),
          "/consultations/" + std::to_string(s.Int(0)));
  };
  for (auto b : bodies) consultation_rows("body_id = ?", b);
  for (auto m : meetings)
    for (const char* where :
         {"launched_at_meeting_id = ?", "considered_at_meeting_id = ?", "meeting_id = ?"})
      consultation_rows(where, m);

  // New public documents of a followed body, or tied to an agenda item of a followed meeting.
  auto document_rows = [&](const std::string& where, std::int64_t id) {
    storage::Stmt s(c, "SELECT d.id, d.symbol, d.title FROM documents d WHERE d.access = "
                       "'public' AND d.status <> 'draft' AND d.created_at > ? AND "
                       "d.created_at <= ? AND " +
                           where + " ORDER BY d.created_at, d.id");
    s.BindAll(since, until, id);
    while (s.Step())
      add("documents", s.Int(0),
          T(lang, "digest_item_document",
            {{"symbol", s.Text(1)}, {"title", Picked(s.Text(2), lang)}}),
          "/documents/" + s.Text(1));
  };
  for (auto b : bodies) document_rows("d.body_id = ?", b);
  for (auto m : meetings)
    document_rows("d.id IN (SELECT aid.document_id FROM agenda_item_documents aid JOIN "
                  "agenda_items a ON a.id = aid.agenda_item_id WHERE a.meeting_id = ?)",
                  m);

  // Deadlines within a week of `until` that no earlier digest announced: each is announced
  // once.
  auto deadline_rows = [&](const char* where, std::int64_t id) {
    storage::Stmt s(c, std::string("SELECT id, title, deadline, timezone FROM consultations "
                                   "WHERE deadline > ? AND deadline <= ? AND "
                                   "summary_published_at IS NULL AND (") +
                           where + ") ORDER BY deadline, id");
    s.BindAll(std::max(until, deadlines_after), until + kDeadlineNoticeSeconds, id);
    while (s.Step())
      add("deadlines", s.Int(0),
          T(lang, "digest_item_deadline",
            {{"title", Picked(s.Text(1), lang)},
             {"deadline", text::FormatDateTime(s.Int(2), s.Text(3), lang)}}),
          "/consultations/" + std::to_string(s.Int(0)));
  };
  for (auto b : bodies) deadline_rows("body_id = ?", b);
  for (auto k : consultations) deadline_rows("id = ?", k);

  // Decisions recorded at a meeting of a followed body or at a followed meeting.
  auto decision_rows = [&](const char* where, std::int64_t id) {
    storage::Stmt s(c, std::string("SELECT d.id, d.kind, a.number, a.title, ") +
                           meetings::kLabelColumns +
                           " FROM decisions d JOIN agenda_items a ON a.id = d.agenda_item_id "
                           "JOIN meetings m ON m.id = a.meeting_id JOIN bodies b ON "
                           "b.id = m.body_id WHERE d.created_at > ? AND d.created_at <= ? AND " +
                           where + " ORDER BY d.created_at, d.id");
    s.BindAll(since, until, id);
    while (s.Step()) {
      auto meeting = meetings::LabelFromRow(s, 4);
      add("decisions", s.Int(0),
          T(lang, "digest_item_decision",
            {{"meeting", meetings::Label(meeting, lang)},
             {"number", s.Text(2)},
             {"item", Picked(s.Text(3), lang)},
             {"decision", T(lang, "decision_kind_" + s.Text(1))}}),
          "/meetings/" + std::to_string(meeting.id) + "/record");
    }
  };
  for (auto b : bodies) decision_rows("m.body_id = ?", b);
  for (auto m : meetings) decision_rows("m.id = ?", m);

  // Results of a followed consultation (or one of a followed body) published in the period.
  auto results_rows = [&](const char* where, std::int64_t id) {
    storage::Stmt s(c, std::string("SELECT id, title FROM consultations WHERE "
                                   "summary_published_at > ? AND summary_published_at <= ? "
                                   "AND (") +
                           where + ") ORDER BY summary_published_at, id");
    s.BindAll(since, until, id);
    while (s.Step())
      add("decisions", -s.Int(0),
          T(lang, "digest_item_results", {{"title", Picked(s.Text(1), lang)}}),
          "/consultations/" + std::to_string(s.Int(0)));
  };
  for (auto b : bodies) results_rows("body_id = ?", b);
  for (auto k : consultations) results_rows("id = ?", k);
  return out;
}

namespace {

std::string Body(const accounts::Follower& who, const std::vector<DigestItem>& items,
                 Instant since, const std::string& lang) {
  const std::string base = mail::PublicUrl() + "/" + lang;
  std::string list;
  for (const char* section : {"consultations", "documents", "deadlines", "decisions"}) {
    std::string lines;
    for (const auto& i : items)
      if (i.section == section) lines += "- " + i.text + "\n  " + base + i.path + "\n";
    if (lines.empty()) continue;
    list += T(lang, std::string("digest_section_") + section) + "\n" + lines + "\n";
  }
  return T(lang, "mail_digest_body",
           {{"name", who.name},
            {"since", text::FormatDateTime(since + 1, "UTC", lang)},
            {"items", list},
            {"link", base + "/account"}});
}

}  // namespace

Result<DigestRun> RunDigest(storage::Database& db, Instant now) {
  DigestRun run;
  const std::string day = FormatIso(now).substr(0, 10);
  for (const auto& who : accounts::Followers(db.Read())) {
    const std::string lang = text::IsLanguage(who.language) ? who.language : "en";
    enum class Outcome { kSent, kEmpty, kAlready };
    auto r = db.Write<Outcome>([&](storage::Connection& c) -> Result<Outcome> {
      // The day's row first: a second server running the digest at the same time stops here.
      c.Exec("INSERT INTO digests(user_id, day, until_at, items) VALUES(?,?,?,0) "
             "ON CONFLICT DO NOTHING",
             who.user_id, day, now);
      if (c.Changes() == 0) return Outcome::kAlready;
      auto last = c.QueryInt("SELECT max(until_at) FROM digests WHERE user_id = ? AND day <> ?",
                             who.user_id, day);
      // A digest covers whole seconds, up to the one before it runs: what is written during
      // the second it runs goes into the next one, never lost nor told twice. The first covers
      // what appeared from the second of the first follow on.
      const Instant until = now - 1;
      Instant since = until;
      for (const auto& f : accounts::FollowsOf(c, who.user_id))
        since = std::min(since, f.created_at - 1);
      if (last) since = *last;
      // The last digest announced the deadlines of the week after it.
      Instant deadlines_after = last ? *last + kDeadlineNoticeSeconds : until;
      auto items = DigestItems(c, who.user_id, since, until, lang, deadlines_after);
      if (items.empty()) {
        // Nothing to say: no mail, and the period carries over to the next digest.
        c.Exec("DELETE FROM digests WHERE user_id = ? AND day = ?", who.user_id, day);
        return Outcome::kEmpty;
      }
      c.Exec("UPDATE digests SET items = ?, until_at = ? WHERE user_id = ? AND day = ?",
             static_cast<std::int64_t>(items.size()), until, who.user_id, day);
      mail::Enqueue(c, who.email,
                    T(lang, "mail_digest_subject",
                      {{"n", static_cast<std::int64_t>(items.size())}}),
                    Body(who, items, since, lang));
      return Outcome::kSent;
    });
    if (!r.ok()) return r.error();
    if (*r == Outcome::kSent) ++run.sent;
    else if (*r == Outcome::kEmpty) ++run.empty;
    else ++run.already;
  }
  return run;
}

DigestScheduler::DigestScheduler(storage::Database& db, int hour, int interval_seconds)
    : db_(db) {
  thread_ = std::thread([this, hour, interval_seconds] {
    NameThisThread("plenary-digest");
    auto next = std::chrono::steady_clock::now();
    while (!stop_) {
      if (std::chrono::steady_clock::now() >= next) {
        next = std::chrono::steady_clock::now() + std::chrono::seconds(interval_seconds);
        Instant now = Now();
        if ((now % 86400) / 3600 >= hour) {
          auto r = RunDigest(db_, now);
          if (!r.ok()) spdlog::warn("digest: {}", r.error().message);
          else if (r->sent) spdlog::info("digest: {} sent", r->sent);
        }
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
  });
}

DigestScheduler::~DigestScheduler() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
}

}  // namespace plenary::follows
