// Moderation (accept, reject, redact, one or many) and publication of responses.
#include "consultations/consultations.h"
#include "consultations/internal.h"

#include <unicode/dtitvfmt.h>
#include <unicode/listformatter.h>
#include <unicode/numfmt.h>
#include <unicode/rbnf.h>

#include <algorithm>
#include <limits>
#include <memory>
#include <regex>
#include <set>

#include <fmt/format.h>

#include "accounts/tokens.h"
#include "audit/audit.h"
#include "base/parse.h"
#include "base/random.h"
#include "base/time.h"
#include "base/utf8.h"
#include "mail/mail.h"
#include "meetings/meetings.h"
#include "search/search.h"
#include "site/fields.h"
#include "site/site.h"
#include "text/countries.h"
#include "text/dates.h"
#include "text/messages.h"

namespace plenary::consultations {

namespace json = boost::json;
using site::CountChars;
using site::Multilingual;
using site::ParseJson;
using site::SniffType;
using site::Trim;
using storage::Connection;
using storage::Stmt;
using internal::GetOn;

namespace {
Status CheckModeration(const Moderation& m) {
  if (m.action != "accept" && m.action != "reject" && m.action != "redact")
    return InvalidArgument("action", "action: must be accept, reject or redact");
  if (m.action == "reject" && Trim(m.reason).empty())
    return InvalidArgument("reason", "reason: required when rejecting a response");
  if (m.action == "redact" && m.replacements.empty())
    return InvalidArgument("replacements", "replacements: give at least one field's new text");
  return Ok{};
}

// Tells the respondent, in the language they answered in, that their response was published or
// rejected (with the reason), through the mail outbox in the caller's transaction. Only a
// confirmed address gets it: an unconfirmed one may be someone else's, and an erased one is
// gone.
void NotifyRespondent(Connection& c, std::int64_t response_id, const std::string& outcome) {
  Stmt s(c,
         "SELECT r.email, r.language, r.reference, r.reject_reason, k.key, k.title "
         "FROM responses r JOIN consultations k ON k.id = r.consultation_id "
         "WHERE r.id = ? AND r.email_confirmed_at IS NOT NULL AND r.email <> ''");
  s.BindAll(response_id);
  if (!s.Step()) return;
  std::string lang = text::IsLanguage(s.Text(1)) ? s.Text(1) : "en";
  std::string title = site::Pick(ParseJson(s.Text(5)), lang).text;
  std::string link = mail::PublicUrl() + "/" + lang + "/consultations/" + s.Text(4) + "/responses";
  mail::Enqueue(c, s.Text(0), text::T(lang, "mail_" + outcome + "_subject", {{"title", title}}),
                text::T(lang, "mail_" + outcome + "_body",
                        {{"title", title},
                         {"reference", s.Text(2)},
                         {"reason", s.OptText(3).value_or("")},
                         {"link", link}}));
}

// One moderation act on `c`, inside the caller's transaction.
Result<std::int64_t> ModerateOn(Connection& c, std::int64_t user_id, std::int64_t response_id,
                                const Moderation& m) {
  Stmt s(c,
         "SELECT status, name, organization, job_title, general_text FROM responses WHERE id = ?");
  s.BindAll(response_id);
  if (!s.Step()) return NotFound(fmt::format("response {}: no such response", response_id));
  std::string status = s.Text(0);
  json::object before{{"status", status}}, after;
  if (m.action == "accept" || m.action == "reject") {
    std::string to = m.action == "accept" ? "accepted" : "rejected";
    if (status == "published" && to == "accepted")
      return FailedPrecondition("response: already published");
    c.Exec("UPDATE responses SET status = ?, reject_reason = ?, published_at = NULL WHERE id = ?",
           to, m.action == "reject" ? std::optional<std::string>(Trim(m.reason)) : std::nullopt,
           response_id);
    after = {{"status", to}};
    if (m.action == "reject") after["reason"] = Trim(m.reason);
  } else {
    static const std::map<std::string, std::string> kColumns = {
        {"general", "general_text"}, {"name", "name"}, {"organization", "organization"},
        {"job_title", "job_title"}};
    for (const auto& [field, value] : m.replacements) {
      if (!IsValidUtf8(value)) return InvalidArgument(field, field + ": not valid UTF-8");
      if (auto col = kColumns.find(field); col != kColumns.end()) {
        Stmt old(c, "SELECT " + col->second + " FROM responses WHERE id = ?");
        old.BindAll(response_id);
        old.Step();
        before[field] = old.Text(0);
        c.Exec("UPDATE responses SET " + col->second + " = ?, redacted = 1 WHERE id = ?", value,
               response_id);
      } else {
        auto number = ParseInt(field);
        if (!number || *number < 1 || *number > std::numeric_limits<int>::max())
          return InvalidArgument(field, "replacements: unknown field \"" + field +
                                            "\"; use general, name, organization, job_title "
                                            "or a question number");
        int n = static_cast<int>(*number);
        Stmt old(c,
                 "SELECT text FROM answers WHERE response_id = ? AND question_number = ?");
        old.BindAll(response_id, n);
        if (!old.Step())
          return InvalidArgument(field, fmt::format("replacements.{}: the response has no "
                                                    "answer to question {}", n, n));
        before[field] = old.Text(0);
        c.Exec("UPDATE answers SET text = ? WHERE response_id = ? AND question_number = ?",
               value, response_id, n);
        c.Exec("UPDATE responses SET redacted = 1 WHERE id = ?", response_id);
      }
      after[field] = value;
    }
  }
  if (m.action == "reject" && status != "rejected") NotifyRespondent(c, response_id, "rejected");
  search::Enqueue(c, "response", response_id);  // rejected or redacted: the index follows
  audit::Record(c, user_id, "response." + m.action, "response", response_id,
                json::serialize(before), json::serialize(after));
  return response_id;
}
}  // namespace

Result<Response> Moderate(storage::Database& db, std::int64_t user_id, std::int64_t response_id,
                          const Moderation& m) {
  if (auto ok = CheckModeration(m); !ok.ok()) return ok.error();
  auto result = db.Write<std::int64_t>(
      [&](Connection& c) { return ModerateOn(c, user_id, response_id, m); });
  if (!result.ok()) return result.error();
  return GetResponse(db, response_id);
}

Result<int> ModerateMany(storage::Database& db, std::int64_t user_id, std::int64_t consultation_id,
                         const std::vector<std::int64_t>& response_ids, const Moderation& m) {
  if (auto ok = CheckModeration(m); !ok.ok()) return ok.error();
  if (m.action == "redact")
    return InvalidArgument("action", "action: a campaign can be accepted or rejected, not redacted");
  return db.Write<int>([&](Connection& c) -> Result<int> {
    int changed = 0;
    for (auto id : response_ids) {
      Stmt s(c, "SELECT status FROM responses WHERE id = ? AND consultation_id = ?");
      s.BindAll(id, consultation_id);
      if (!s.Step())
        return InvalidArgument("responses", fmt::format("responses: {} is not a response of this "
                                                        "consultation", id));
      std::string status = s.Text(0);
      if ((m.action == "accept" && (status == "accepted" || status == "published")) ||
          (m.action == "reject" && status == "rejected"))
        continue;
      auto r = ModerateOn(c, user_id, id, m);
      if (!r.ok()) return r.error();
      ++changed;
    }
    return changed;
  });
}

Result<int> PublishSome(storage::Database& db, std::int64_t user_id, std::int64_t consultation_id,
                        const std::vector<std::int64_t>& response_ids) {
  return db.Write<int>([&](Connection& c) -> Result<int> {
    Instant now = Now();
    int n = 0;
    for (auto id : response_ids) {
      c.Exec("UPDATE responses SET status = 'published', published_at = ? WHERE id = ? AND "
             "consultation_id = ? AND status = 'accepted' AND consent_publish = 1",
             now, id, consultation_id);
      if (c.Changes() > 0) {
        ++n;
        search::Enqueue(c, "response", id);
        NotifyRespondent(c, id, "published");
      }
    }
    audit::Record(c, user_id, "consultation.publish_responses", "consultation", consultation_id,
                  std::nullopt, json::serialize(json::object{{"published", n}}));
    return n;
  });
}

Result<int> PublishAccepted(storage::Database& db, std::int64_t user_id,
                            const std::string& consultation) {
  return db.Write<int>([&](Connection& c) -> Result<int> {
    auto cons = GetOn(c, consultation);
    if (!cons.ok()) return cons.error();
    Instant now = Now();
    std::vector<std::int64_t> published;
    {
      Stmt s(c, "SELECT id FROM responses WHERE consultation_id = ? AND status = 'accepted' "
                "AND consent_publish = 1");
      s.BindAll(cons->id);
      while (s.Step()) published.push_back(s.Int(0));
    }
    for (auto id : published) search::Enqueue(c, "response", id);
    c.Exec("UPDATE responses SET status = 'published', published_at = ? "
           "WHERE consultation_id = ? AND status = 'accepted' AND consent_publish = 1",
           now, cons->id);
    // Counted before the notices: on PostgreSQL a later SELECT resets the count of changes.
    int n = c.Changes();
    for (auto id : published) NotifyRespondent(c, id, "published");
    audit::Record(c, user_id, "consultation.publish_responses", "consultation", cons->id,
                  std::nullopt, json::serialize(json::object{{"published", n}}));
    return n;
  });
}

}  // namespace plenary::consultations
