// The search documents and citing records of consultations (see sources.h).
#include "consultations/sources.h"

#include <algorithm>

#include <fmt/format.h>

#include "site/fields.h"

namespace plenary::consultations {

namespace json = boost::json;
using search::Doc;
using search::ParseOrNull;
using search::VersionText;
using storage::Stmt;

std::vector<Doc> ResponseDocs(storage::Connection& c, std::int64_t id) {
  std::vector<Doc> docs;
  Stmt s(c,
         "SELECT r.consultation_id, k.body_id, r.language, coalesce(r.published_at, "
         "r.submitted_at), r.reference, r.name, r.organization, r.general_text, "
         "(SELECT group_concat(text, char(10)) FROM answers a WHERE a.response_id = r.id) "
         "FROM responses r JOIN consultations k ON k.id = r.consultation_id "
         "WHERE r.id = ? AND r.status = 'published'");
  s.BindAll(id);
  if (s.Step()) {
    std::string title = s.Text(5) + (s.Text(6).empty() ? "" : ", " + s.Text(6));
    docs.push_back({s.Text(2), s.Int(0), s.Int(1), search::DateOf(s.Int(3)),
                    fmt::format("/consultations/{}/responses#r-{}", s.Int(0), s.Text(4)), title,
                    s.Text(8) + "\n" + s.Text(7)});
  }
  return docs;
}

std::vector<Doc> ConsultationDocs(storage::Connection& c, std::int64_t id) {
  std::vector<Doc> docs;
  Stmt s(c,
         "SELECT body_id, opens_at, title, description, summary, summary_published_at "
         "FROM consultations WHERE id = ?");
  s.BindAll(id);
  if (s.Step()) {
    json::value title = ParseOrNull(s.Text(2)), description = ParseOrNull(s.Text(3)),
                summary = s.IsNull(5) ? json::value() : ParseOrNull(s.Text(4));
    std::vector<json::value> questions;
    Stmt q(c, "SELECT text FROM questions WHERE consultation_id = ? ORDER BY number");
    q.BindAll(id);
    while (q.Step()) questions.push_back(ParseOrNull(q.Text(0)));
    for (const auto& [lang, t] : search::Versions(title)) {
      std::string body = VersionText(description, lang);
      for (const auto& qt : questions) body += "\n" + VersionText(qt, lang);
      body += "\n" + VersionText(summary, lang);
      docs.push_back({lang, id, s.Int(0), search::DateOf(s.Int(1)),
                      fmt::format("/consultations/{}", id), t, body});
    }
  }
  return docs;
}

std::vector<documents::Citing> CitingConsultations(storage::Connection& c,
                                                   const std::vector<std::int64_t>& ids) {
  std::vector<std::pair<std::int64_t, documents::Citing>> found;  // opens_at, record
  for (std::int64_t id : ids) {
    Stmt s(c, "SELECT key, title, opens_at FROM consultations WHERE id = ?");
    s.BindAll(id);
    if (!s.Step()) continue;
    documents::Citing ci;
    ci.kind = "consultation";
    ci.id = id;
    ci.label = s.Text(0);
    ci.title = site::ParseJson(s.Text(1));
    ci.url = fmt::format("/consultations/{}", id);
    found.emplace_back(s.Int(2), std::move(ci));
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second.id < b.second.id;
  });
  std::vector<documents::Citing> out;
  for (auto& [opens, ci] : found) out.push_back(std::move(ci));
  return out;
}

void RecordCitations(storage::Connection& c, std::int64_t id) {
  Stmt s(c, "SELECT title, description, summary, summary_published_at FROM consultations "
            "WHERE id = ?");
  s.BindAll(id);
  if (!s.Step()) return;
  json::value title = site::ParseJson(s.Text(0)), description = site::ParseJson(s.Text(1));
  // The summary cites only once it is public.
  json::value summary = s.IsNull(3) || s.IsNull(2) ? json::value() : site::ParseJson(s.Text(2));
  documents::RecordCitationsOf(c, "consultation", id, {&title, &description, &summary});
}

std::vector<documents::CheckedText> ConsultationTexts(storage::Connection& c) {
  std::vector<documents::CheckedText> out;
  Stmt s(c, "SELECT id, key, title, description FROM consultations ORDER BY id");
  while (s.Step())
    out.push_back({"consultation " + s.Text(1), fmt::format("/consultations/{}", s.Int(0)),
                   {s.Text(2), s.Text(3)}});
  return out;
}

std::string KeyOf(storage::Connection& c, std::int64_t id) {
  Stmt s(c, "SELECT key FROM consultations WHERE id = ?");
  s.BindAll(id);
  return s.Step() ? s.Text(0) : std::string();
}

}  // namespace plenary::consultations
