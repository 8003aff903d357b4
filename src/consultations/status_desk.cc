// The status forms of a consultation's desk page (consultations/desk.cc). A first post shows what the action will do
// and asks to confirm (a page of its own, no JavaScript); only the post carrying confirm=yes
// calls the action, the same use case as the API (consultations/lifecycle.h).
#include "base/parse.h"
#include "base/time.h"
#include "consultations/lifecycle.h"
#include "consultations/web.h"
#include "site/desk.h"
#include "site/site.h"
#include "site/text_html.h"
#include "text/dates.h"
#include "text/messages.h"

namespace plenary::consultations {

namespace json = boost::json;
using ctemplate::TemplateDictionary;
using http::Request;
using text::T;

namespace {

// The input of the reopening form (admin_consultation.tpl) that a refusal concerns.
std::string InputOf(const Error& e) {
  if (e.field == "deadline") return "ro-deadline";
  if (e.field.starts_with("reason")) return "ro-reason";
  return "";
}

// The catalogue keys' stem of each action and the flash shown once it is done.
const char* KeyOf(Transition t) {
  switch (t) {
    case Transition::kOpen:
      return "open";
    case Transition::kClose:
      return "close";
    case Transition::kReopen:
      return "reopen";
    case Transition::kPublishResults:
      return "publish";
  }
  return "";
}
const char* DoneOf(Transition t) {
  switch (t) {
    case Transition::kOpen:
      return "opened";
    case Transition::kClose:
      return "closed";
    case Transition::kReopen:
      return "reopened";
    case Transition::kPublishResults:
      return "results_published";
  }
  return "";
}

// The page that says what `t` will do to `c` and asks to confirm; the form carries what was
// typed (deadline, reason) so that confirming sends exactly what was shown.
http::Response ConfirmPage(storage::Database& db, const Request& req, const Consultation& c,
                           Transition t, const std::string& deadline, const std::string& reason) {
  const std::string& lang = req.lang;
  std::string key = KeyOf(t);
  site::Page page(db, req, "admin_confirm.tpl", T(lang, "confirm_" + key + "_heading"));
  auto& d = page.body();
  d.SetIntValue("ID", c.id);
  site::SetLocalized(&d, "TITLE", c.title, lang);
  d.SetValue("ACTION", TransitionName(t));
  d.SetValue("HEADING", T(lang, "confirm_" + key + "_heading"));
  std::string new_deadline;
  if (t == Transition::kReopen) {
    if (auto at = ParseIso(deadline, c.timezone))
      new_deadline = text::FormatDateTime(*at, c.timezone, lang);
  }
  // The title in its own language when it is not the reader's (lang and dir around it).
  site::SetSentence(&d, "WHAT",
                    site::Say(lang, "confirm_" + key + "_text",
                              {{"title", site::Pick(c.title, lang)},
                               {"opens", text::FormatDateTime(c.opens_at, c.timezone, lang)},
                               {"deadline", text::FormatDateTime(c.deadline, c.timezone, lang)},
                               {"new_deadline", new_deadline}}));
  d.SetValue("CONFIRM_LABEL", T(lang, "confirm_" + key + "_yes"));
  if (t == Transition::kReopen) {
    auto* r = d.AddSectionDictionary("REOPEN");
    r->SetValue("DEADLINE", deadline);
    site::SetSentence(r, "DEADLINE_TEXT", new_deadline, lang);  // names its zone
    r->SetValue("REASON", reason);
  }
  return page.Render();
}

}  // namespace

void AddStatusForms(TemplateDictionary& d, const Consultation& c, const std::string& lang) {
  Stage stage = StageOf(c, Now());
  d.SetValue("STATUS_NOW", T(lang, "status_" + StatusOf(c, Now())));
  switch (stage) {
    case Stage::kUpcoming:
      d.ShowSection("CAN_OPEN");
      break;
    case Stage::kOpen:
      d.ShowSection("CAN_CLOSE");
      break;
    case Stage::kClosed:
      d.ShowSection("CAN_REOPEN");
      d.ShowSection("CAN_PUBLISH_RESULTS");
      break;
    case Stage::kResultsPublished:
      d.ShowSection("RESULTS_FINAL");
      break;
  }
}

void RegisterStatusDesk(http::Router& router, storage::Database& db) {
  for (auto t :
       {Transition::kOpen, Transition::kClose, Transition::kReopen, Transition::kPublishResults}) {
    router.Add("POST", std::string("/admin/consultations/{id}/") + TransitionName(t),
               [&db, t](Request& req) {
                 auto post = site::ReadPost(db, req);
                 if (auto* r = std::get_if<http::Response>(&post)) return *r;
                 auto& p = std::get<site::Post>(post);
                 const auto& f = p.input.fields;
                 // The redirect names what the database holds, never the path as sent.
                 auto c = Get(db, req.params[0]);
                 if (!c.ok()) return site::ErrorResponse(db, req, c.error());
                 std::string path = "/admin/consultations/" +
                                    (ParseInt(req.params[0]) ? std::to_string(c->id) : c->key);
                 std::string deadline = f.Get("deadline").value_or("");
                 std::string reason = f.Get("reason").value_or("");
                 TransitionInput ti;
                 if (t == Transition::kReopen) {
                   ti.deadline = deadline;
                   json::object r;
                   r[req.lang] = reason;
                   ti.reason = r;
                 }
                 // A refusal goes back with the reopening form's label and what was typed.
                 auto refill = [&](const Error& e) {
                   return site::Refill{
                       .label_key = e.field.starts_with("reason") ? "lifecycle_reopen_reason"
                                    : e.field == "deadline"        ? "new_deadline"
                                                                   : "",
                       .kept = {{"ro-deadline", deadline}, {"ro-reason", reason}}};
                 };
                 if (f.Get("confirm").value_or("") != "yes") {
                   // Refused before asking: the same checks the action runs.
                   if (auto ok = CheckTransition(*c, t, ti, Now()); !ok.ok())
                     return site::BackWithError(db, req, path, ok.error(), InputOf(ok.error()),
                                                refill(ok.error()));
                   return ConfirmPage(db, req, *c, t, deadline, reason);
                 }
                 auto done = Apply(db, p.session.user.id, req.params[0], t, ti);
                 if (!done.ok())
                   return site::BackWithError(db, req, path, done.error(), InputOf(done.error()),
                                              refill(done.error()));
                 return site::Back(req, path, DoneOf(t));
               });
  }
}

}  // namespace plenary::consultations
