// The secretariat's form that edits a consultation (GET and POST /admin/consultations/{id}/edit):
// the title, description and questions in the six languages, the dates in the consultation's
// time zone, the zone and the meeting links, through the same use case as the API (Edit). A
// refused edit shows the form again with what was typed, the refusal in the reader's language
// next to its field and in the summary at the top, and the status of the refusal (400, 409).
#include <functional>

#include <fmt/format.h>

#include "base/time.h"
#include "consultations/web.h"
#include "meetings/desk.h"
#include "meetings/meetings.h"
#include "site/desk.h"
#include "site/fields.h"
#include "site/refusals.h"
#include "site/text_edit.h"
#include "text/messages.h"

namespace plenary::consultations {

namespace json = boost::json;
using ctemplate::TemplateDictionary;
using http::Request;
using text::T;

namespace {

// The most questions the form reads back (the use case allows 50; one more is refused there).
constexpr int kMaxFormQuestions = 51;

std::string TextIn(const json::value& v, const std::string& lang) {
  if (!v.is_object()) return v.is_string() ? std::string(v.as_string()) : std::string();
  auto* t = v.as_object().if_contains(lang);
  return t && t->is_string() ? std::string(t->as_string()) : std::string();
}

// The input of the form a refused field concerns ("questions.2.fr" → "e-q-2-fr").
std::string InputOf(std::string field) {
  if (field.starts_with("states.")) field = field.substr(7);  // the input of that language
  auto dot = field.find('.');
  std::string base = field.substr(0, dot);
  std::string rest = dot == std::string::npos ? "" : field.substr(dot + 1);
  if (base == "title" || base == "description")
    return "e-" + base + "-" + (text::IsLanguage(rest) ? rest : "en");
  if (base == "questions") {
    if (rest.empty()) return "e-q-1-en";
    auto dot2 = rest.find('.');
    std::string n = rest.substr(0, dot2);
    std::string l = dot2 == std::string::npos ? "en" : rest.substr(dot2 + 1);
    return "e-q-" + n + "-" + (text::IsLanguage(l) ? l : "en");
  }
  if (base == "opens_at") return "e-opens";
  if (base == "deadline") return "e-deadline";
  if (base == "timezone") return "e-tz";
  if (base == "meeting") return "e-meeting";
  if (base == "launched_at_meeting") return "e-launched";
  if (base == "reason") return "e-reason";
  return "";
}

// Renders the form: from the consultation, or, after a refusal, from what was typed (`typed`).
http::Response EditPage(storage::Database& db, const Request& req, const Consultation& c,
                        const http::Form* typed, const site::FormErrors& errors, int status) {
  const std::string& lang = req.lang;
  const std::string title = site::Pick(c.title, lang).text;
  site::Page page(db, req, "admin_consultation_edit.tpl", T(lang, "consultation_edit") + " · " + title);
  auto& d = page.body();
  errors.Fill(&d);
  d.SetIntValue("ID", c.id);
  site::SetLocalized(&d, "TITLE", c.title, lang);
  const bool has_responses = CountResponses(db.Read(), c.id) > 0;
  d.ShowSection(has_responses ? "HAS_RESPONSES" : "NO_RESPONSES");
  if (has_responses) d.ShowSection("READONLY");
  auto typed_or = [&](const std::string& field, const std::string& stored) {
    return typed ? typed->Get(field).value_or("") : stored;
  };
  // Whether a language's text is a draft: as ticked, or as stored.
  auto draft_of = [&](const std::string& name, const std::string& field) {
    return [&, name, field](const std::string& l) {
      if (typed) return typed->Get(name + "_draft_" + l).has_value();
      auto it = c.drafts.find(field);
      return it != c.drafts.end() && it->second.count(l) > 0;
    };
  };
  site::AddLanguageInputs(d.AddSectionDictionary("TITLE_F"), "e-title", "title", lang, false,
               kMaxTitleChars,
               [&](const std::string& l) { return typed_or("title_" + l, TextIn(c.title, l)); },
               draft_of("title", "title"), errors);
  site::AddLanguageInputs(d.AddSectionDictionary("DESC_F"), "e-description", "description", lang,
               true, 0,
               [&](const std::string& l) {
                 return typed_or("description_" + l, TextIn(c.description, l));
               },
               draft_of("description", "description"), errors);
  // The questions as stored (or typed), then, before the first response, a blank one to add.
  int shown = static_cast<int>(c.questions.size());
  if (typed)
    for (int n = shown + 1; n <= kMaxFormQuestions; ++n)
      for (const auto& l : text::Languages())
        if (typed->Get(fmt::format("q{}_{}", n, l))) shown = n;
  if (!has_responses && shown < kMaxFormQuestions) ++shown;
  for (int n = 1; n <= shown; ++n) {
    auto* q = d.AddSectionDictionary("QUESTION");
    q->SetIntValue("N", n);
    if (n > static_cast<int>(c.questions.size())) q->ShowSection("NEW");
    const json::value stored =
        n <= static_cast<int>(c.questions.size()) ? c.questions[n - 1].text : json::value();
    site::AddLanguageInputs(q, fmt::format("e-q-{}", n), fmt::format("q{}", n), lang, true, 0,
                 [&](const std::string& l) {
                   return typed_or(fmt::format("q{}_{}", n, l), TextIn(stored, l));
                 },
                 draft_of(fmt::format("q{}", n), fmt::format("questions.{}", n)), errors);
  }
  d.SetValue("V_OPENS", typed_or("opens_at", FormatLocalIso(c.opens_at, c.timezone)));
  d.SetValue("V_DEADLINE", typed_or("deadline", FormatLocalIso(c.deadline, c.timezone)));
  d.SetValue("V_TZ", typed_or("timezone", c.timezone));
  d.SetValue("V_REASON", typed ? typed->Get("reason").value_or("") : "");
  auto chosen = [&](const char* field, const std::optional<std::int64_t>& stored) {
    return typed_or(field, stored ? std::to_string(*stored) : "");
  };
  const std::string launched = chosen("launched_at_meeting", c.launched_at_meeting_id);
  const std::string meeting = chosen("meeting", c.meeting_id);
  for (const auto& m : meetings::ListMeetings(db, std::nullopt)) {
    const std::string id = std::to_string(m.id);
    auto* o = d.AddSectionDictionary("LAUNCHED");
    o->SetValue("MID", id);
    o->SetValue("MLABEL", meetings::MeetingLabel(lang, m));
    if (id == launched) o->ShowSection("SEL");
    if (m.kind != "open_consultation") continue;
    auto* k = d.AddSectionDictionary("MEETING");
    k->SetValue("MID", id);
    k->SetValue("MLABEL", meetings::MeetingLabel(lang, m));
    if (id == meeting) k->ShowSection("SEL");
  }
  return page.Render(status);
}

// The edit a form post asks for: every field of the form (a language left empty removes it).
ConsultationPatch PatchOf(const http::Form& f, const std::string& lang) {
  ConsultationPatch p;
  p.title = site::TwoLanguages(f, "title");
  p.description = site::TwoLanguages(f, "description");
  std::vector<json::value> questions;
  for (int n = 1; n <= kMaxFormQuestions; ++n) {
    json::value q = site::TwoLanguages(f, fmt::format("q{}", n));
    if (!q.as_object().empty()) questions.push_back(std::move(q));
  }
  p.questions = std::move(questions);
  // Each language's state as the form shows it: a ticked box a draft, a text without it final.
  auto states_of = [&](const std::string& name, const std::string& field) {
    site::FormStates(f, name, field, p.states);
  };
  states_of("title", "title");
  states_of("description", "description");
  // The questions are renumbered as the form's blanks are left out.
  int kept = 0;
  for (int n = 1; n <= kMaxFormQuestions; ++n) {
    bool any = false;
    for (const auto& l : text::Languages())
      any |= !site::Trim(f.Get(fmt::format("q{}_{}", n, l)).value_or("")).empty();
    if (any) states_of(fmt::format("q{}", n), fmt::format("questions.{}", ++kept));
  }
  for (auto [k, dst] : {std::pair{"opens_at", &p.opens_at}, {"deadline", &p.deadline},
                        {"timezone", &p.timezone}, {"launched_at_meeting", &p.launched_at_meeting},
                        {"meeting", &p.meeting}})
    if (auto v = f.Get(k)) *dst = *v;
  if (auto r = f.Get("reason"); r && !site::Trim(*r).empty())
    p.reason = json::object{{lang, *r}};
  return p;
}

}  // namespace

void RegisterEditDesk(http::Router& router, storage::Database& db) {
  router.Add("GET", "/admin/consultations/{id}/edit", [&db](Request& req) {
    auto g = site::RequireStaff(db, req, false);
    if (g.refusal) return *g.refusal;
    auto c = Get(db, req.params[0]);
    if (!c.ok()) return site::ErrorResponse(db, req, c.error());
    return EditPage(db, req, *c, nullptr, site::FormErrors(req.lang, c->timezone), 200);
  });

  router.Add("POST", "/admin/consultations/{id}/edit", [&db](Request& req) {
    auto post = site::ReadPost(db, req);
    if (auto* r = std::get_if<http::Response>(&post)) return *r;
    auto& p = std::get<site::Post>(post);
    auto c = Get(db, req.params[0]);
    if (!c.ok()) return site::ErrorResponse(db, req, c.error());
    auto edited = Edit(db, p.session.user.id, std::to_string(c->id),
                       PatchOf(p.input.fields, req.lang));
    if (!edited.ok()) {
      site::FormErrors errors(req.lang, c->timezone);
      const std::string& field = edited.error().field;
      // The reason is named as the form labels it ("Reason for the correction").
      errors.Add(edited.error(), InputOf(field),
                 field.starts_with("reason") ? T(req.lang, "consultation_edit_reason") : "");
      return EditPage(db, req, *c, &p.input.fields, errors, http::StatusFor(edited.error().code));
    }
    return site::Back(req, "/admin/consultations/" + std::to_string(c->id), "consultation_edited");
  });
}

}  // namespace plenary::consultations
