// HTML pages for consultations: public pages, the response form and the secretariat's desk.
#include <charconv>
#include <limits>
#include <map>

#include <fmt/format.h>

#include "accounts/tokens.h"
#include "base/parse.h"
#include "base/random.h"
#include "base/time.h"
#include "consultations/internal.h"
#include "consultations/report_out.h"
#include "consultations/web.h"
#include "documents/citation_links.h"
#include "documents/generated.h"
#include "documents/resolutions.h"
#include "meetings/desk.h"
#include "meetings/meetings.h"
#include "site/alternate.h"
#include "site/country_options.h"
#include "site/follow_button.h"
#include "site/notice.h"
#include "site/refusals.h"
#include "site/text_html.h"
#include "text/countries.h"
#include "text/dates.h"
#include "text/messages.h"

namespace plenary::consultations {

namespace json = boost::json;
using ctemplate::TemplateDictionary;
using http::Request;
using text::T;

namespace {

std::string StatusLabel(const std::string& lang, const std::string& status) {
  return T(lang, "status_" + status);
}


std::string SizeLabel(const std::string& lang, std::int64_t bytes) {
  return T(lang, "file_size_kb", {{"kb", static_cast<std::int64_t>((bytes + 1023) / 1024)}});
}

// The page number of a listing: absent is 1; anything but a whole number from 1 is refused.
Result<int> PageParam(const Request& req) {
  auto v = req.query.Get("page");
  if (!v) return 1;
  auto n = ParseIntField("page", *v, 1, 100000);
  if (!n.ok()) return n.error();
  return static_cast<int>(*n);
}

// Returns the Next link's dictionary, if there is one.
TemplateDictionary* Pager(TemplateDictionary& d, int page, int per_page, std::int64_t total) {
  if (page > 1) d.AddSectionDictionary("PREV")->SetIntValue("PAGE", page - 1);
  if (static_cast<std::int64_t>(page) * per_page >= total) return nullptr;
  auto* next = d.AddSectionDictionary("NEXT");
  next->SetIntValue("PAGE", page + 1);
  return next;
}

// The address of a response's receipt page with its signed token (FindReceiptCopy), valid
// accounts::kReceiptTokenSeconds from now, in the reader's language.
Result<std::string> ReceiptLink(storage::Database& db, const Request& req,
                                const std::string& reference) {
  auto token = ReceiptToken(db, reference, Now() + accounts::kReceiptTokenSeconds);
  if (!token.ok()) return token.error();
  return site::Prefix(req) + "/receipts/" + reference + "/" + *token;
}

// Stakeholder type key → label in `lang`, or the language it falls back to (one query for the
// whole page).
std::map<std::string, site::Localized> TypeLabels(storage::Database& db, const std::string& lang) {
  std::map<std::string, site::Localized> out;
  for (const auto& t : StakeholderTypes(db)) out[t.key] = site::Pick(t.label, lang);
  return out;
}

// Values a respondent typed, kept when the form comes back with an error.
struct FormState {
  explicit FormState(const std::string& lang, const std::string& zone) : errors(lang, zone) {}
  ResponseInput values;
  site::FormErrors errors;
  std::string form_token;
  bool had_files = false;  // files are never kept: the person is told to choose them again
};

// The input id of the response form that a refusal of `field` concerns.
std::string ResponseInputId(const std::string& field, const Consultation& c) {
  if (field.starts_with("answers.")) return "answer_" + field.substr(8);
  if (field == "answers")
    return c.questions.empty() ? "general" : "answer_" + std::to_string(c.questions[0].number);
  // A body over the server's limit is said at the attachments (other "body" refusals are
  // listed unlinked: site::FormErrors).
  if (field.starts_with("attachments") || field.starts_with("file") || field == "body")
    return "attachments";
  if (field == "pow" || field == "pow_challenge" || field == "form_token") return "";
  return field;
}

http::Response ConsultationPage(storage::Database& db, const Request& req, const Consultation& c,
                                const Limits& limits, const site::ProofOfWork& pow,
                                const FormState* state, int status_code) {
  const std::string& lang = req.lang;
  auto title = site::Pick(c.title, lang);
  site::Page page(db, req, "consultation.tpl", title.text);
  site::AddAlternates(
      page, {{"text/calendar",
              site::Prefix(req) + "/calendar/consultations/" + std::to_string(c.id) + ".ics",
              T(req.lang, "calendar_ics_consultation")}});
  site::AddFollowButton(page, db, req, "consultation", c.id,
                        "/consultations/" + std::to_string(c.id));
  auto& d = page.body();
  d.SetIntValue("ID", c.id);
  d.SetValue("BODY_KEY", c.body_key);
  d.SetValue("BODY_ACRONYM", text::BodyAcronym(c.body_key, c.body_acronym, lang));
  site::SetLocalized(&d, "TITLE", c.title, lang);
  if (c.illustrative) d.ShowSection("ILLUSTRATIVE");
  std::string status = StatusOf(c, Now());
  d.SetValue("STATUS", status);
  d.SetValue("STATUS_LABEL", StatusLabel(lang, status));
  if (c.launched_at_meeting_id) {
    auto m = meetings::GetMeeting(db, std::to_string(*c.launched_at_meeting_id));
    if (m.ok()) {
      auto* s = d.AddSectionDictionary("LAUNCHED");
      s->SetIntValue("MEETING_ID", m->id);
      site::SetSentence(s, "MEETING_LABEL", meetings::MeetingLabel(lang, *m), lang);
    }
  }
  if (c.meeting_id) {
    auto m = meetings::GetMeeting(db, std::to_string(*c.meeting_id));
    if (m.ok()) {
      auto* s = d.AddSectionDictionary("MEETING");
      s->SetIntValue("MEETING_ID", m->id);
      site::SetSentence(s, "MEETING_LABEL",
                        meetings::Label(*m, lang) + T(lang, "punct_comma") +
                            text::FormatDate(m->starts_on, lang),
                        lang);
    }
  }
  site::SetSentence(&d, "OPENS", text::FormatDateTime(c.opens_at, c.timezone, lang), lang);
  d.SetValue("OPENS_ISO", FormatIso(c.opens_at));
  site::SetSentence(&d, "DEADLINE", text::FormatDateTime(c.deadline, c.timezone, lang), lang);
  d.SetValue("DEADLINE_ISO", FormatIso(c.deadline));
  if (!c.extensions.empty()) {
    auto* ext = d.AddSectionDictionary("EXTENSIONS");
    for (const auto& e : c.extensions) {
      auto* x = ext->AddSectionDictionary("EXT");
      site::SetSentence(x, "EXT_TEXT",
                        T(lang, "deadline_extended",
                          {{"from", text::FormatDateTime(e.previous_deadline, c.timezone, lang)},
                           {"to", text::FormatDateTime(e.new_deadline, c.timezone, lang)}}),
                        lang);
      if (!site::Pick(e.reason, lang).text.empty())
        site::SetLocalized(x->AddSectionDictionary("EXT_REASON_SHOW"), "EXT_REASON", e.reason,
                           lang);
    }
  }
  // Citations of resolutions and documents become links (the HTML is escaped there).
  site::SetLocalized(&d, "DESCRIPTION", c.description, lang, [&](const site::Localized& l) {
    return documents::LinkCitationsHtml(db, l.text, l.lang, site::Prefix(req), page.session());
  });
  // Untranslated questions are marked once, at the head of the list; each keeps its language.
  std::vector<site::Localized> questions;
  for (const auto& q : c.questions) questions.push_back(site::Pick(q.text, lang));
  if (auto note = site::UntranslatedSectionNote(questions, lang); !note.empty())
    d.SetValueAndShowSection("Q_UNOTE", note, "Q_UNTRANSLATED");
  for (std::size_t i = 0; i < c.questions.size(); ++i) {
    auto* qd = d.AddSectionDictionary("QUESTIONS");
    qd->SetIntValue("NUMBER", c.questions[i].number);
    qd->SetValue("Q_HTML", site::TextHtml(questions[i].text, questions[i].lang));
    site::SetParagraphLanguage(qd, questions[i]);
  }
  std::int64_t published =
      db.Read()
          .QueryInt("SELECT sum(n) FROM response_counts "
                    "WHERE consultation_id = ? AND status = 'published'",
                    c.id)
          .value_or(0);
  d.SetValue("PUBLISHED_LABEL", T(lang, "published_responses_count", {{"n", published}}));
  if (page.session() && accounts::IsStaff(page.session()->user.role)) d.ShowSection("STAFF");
  if (c.summary_published_at) {
    auto* s = d.AddSectionDictionary("SUMMARY");
    site::SetLocalized(s, "SUM", c.summary, lang);
  }
  if (c.follow_up.empty()) d.ShowSection("NO_FOLLOW_UP");
  std::vector<site::Localized> follow_up;
  for (const auto& f : c.follow_up) follow_up.push_back(site::Pick(f.text, lang));
  if (auto note = site::UntranslatedSectionNote(follow_up, lang); !note.empty())
    d.SetValueAndShowSection("FU_UNOTE", note, "FU_UNTRANSLATED");
  for (std::size_t k = 0; k < c.follow_up.size(); ++k) {
    const auto& f = c.follow_up[k];
    auto* fd = d.AddSectionDictionary("FOLLOW_UP");
    fd->SetIntValue("FU_MEETING_ID", f.meeting_id);
    auto m = meetings::GetMeeting(db, std::to_string(f.meeting_id));
    site::SetSentence(fd, "FU_MEETING",
                      m.ok() ? meetings::Label(*m, lang) + T(lang, "punct_comma") +
                                   text::FormatDate(m->starts_on, lang)
                             : f.meeting_starts_on,
                      lang);
    fd->SetValue("FU_NUMBER", f.number);
    const auto& t = follow_up[k];
    fd->SetValue("FU_TEXT_HTML", documents::LinkCitationsHtml(db, t.text, t.lang, site::Prefix(req),
                                                              page.session()));
    site::SetParagraphLanguage(fd, t);
    site::SetLocalized(fd, "FU_OWNER", f.owner, lang);
  }
  // A refused post-back keeps the form and what was typed, even when the deadline has passed.
  if (status != "open")
    site::SetSentence(
        d.AddSectionDictionary("CLOSED"), "CLOSED_MESSAGE",
        status == "upcoming"
            ? T(lang, "form_not_open", {{"date", text::FormatDateTime(c.opens_at, c.timezone, lang)}})
            : T(lang, "form_closed", {{"date", text::FormatDateTime(c.deadline, c.timezone, lang)}}),
        lang);
  if (status == "open" || state) {
    auto* f = d.AddSectionDictionary("FORM");
    const ResponseInput* v = state ? &state->values : nullptr;
    f->SetValue("FORM_TOKEN", state && !state->form_token.empty() ? state->form_token
                                                                   : page.FreshToken(18));
    f->SetValue("V_NAME", v ? v->name : "");
    f->SetValue("V_ORGANIZATION", v ? v->organization : "");
    f->SetValue("V_JOB_TITLE", v ? v->job_title : "");
    f->SetValue("V_EMAIL", v ? v->email : "");
    f->SetValue("V_GENERAL", v ? v->general_text : "");
    if (v && v->consent_publish) f->ShowSection("V_CONSENT");
    site::AddCountryOptions(f, lang, v ? v->country : std::string());
    for (const auto& t : StakeholderTypes(db)) {
      if (!t.selectable) continue;
      auto* o = f->AddSectionDictionary("TYPES");
      o->SetValue("KEY", t.key);
      site::SetText(o, "LABEL", site::Pick(t.label, lang), lang);
      if (v && v->stakeholder_type == t.key) o->ShowSection("SEL");
    }
    std::string chosen = v && !v->language.empty() ? v->language : lang;
    for (const auto& l : text::Languages()) {
      auto* o = f->AddSectionDictionary("LANGUAGES");
      o->SetValue("CODE", l);
      o->SetValue("NAME", T(l, "language_name"));
      if (l == chosen) o->ShowSection("SEL");
    }
    for (const auto& q : c.questions) {
      auto* a = f->AddSectionDictionary("ANSWERS");
      a->SetIntValue("NUMBER", q.number);
      site::SetLocalized(a, "Q", q.text, lang);
      a->SetIntValue("MAX", static_cast<long>(limits.max_text_chars));
      auto it = v ? v->answers.find(q.number) : decltype(v->answers.end()){};
      a->SetValue("VALUE", v && it != v->answers.end() ? it->second : "");
      if (auto m = state ? state->errors.MessageFor("answer_" + std::to_string(q.number))
                         : std::nullopt)
        a->AddSectionDictionary("A_ERROR")->SetValue("E_MSG", *m);
    }
    // A fresh challenge for every rendering: pow.js solves it before the form is sent.
    if (pow.enabled() && !(page.session() && accounts::IsStaff(page.session()->user.role))) {
      auto* p = f->AddSectionDictionary("POW");
      p->SetValue("POW_CHALLENGE", pow.Issue(Now()));
      p->SetIntValue("POW_BITS", pow.bits());
    }
    f->SetIntValue("MAX_TEXT", static_cast<long>(limits.max_text_chars));
    f->SetValue("ATTACHMENT_HELP",
                T(lang, "attachment_help",
                  {{"files", static_cast<std::int64_t>(limits.max_attachments)},
                   {"mb", static_cast<std::int64_t>(limits.max_attachment_bytes >> 20)}}));
    // The server's limits, for the check the browser makes before uploading (form.js).
    f->SetIntValue("MAX_FILES", static_cast<long>(limits.max_attachments));
    f->SetIntValue("MAX_FILE_BYTES", static_cast<long>(limits.max_attachment_bytes));
    f->SetValue("FILE_SIZE_MESSAGE",
                T(lang, "form_error_file_js",
                  {{"name", "{name}"}, {"reason", "large"},
                   {"mb", static_cast<std::int64_t>(limits.max_attachment_bytes >> 20)}}));
    f->SetValue("FILE_TYPE_MESSAGE", T(lang, "form_error_file_js",
                                       {{"name", "{name}"}, {"reason", "type"}, {"mb", "0"}}));
    f->SetValue("FILE_COUNT_MESSAGE",
                T(lang, "form_error_too_many_files",
                  {{"max", static_cast<std::int64_t>(limits.max_attachments)}}));
    if (state) {
      site::FormErrors errors = state->errors;
      if (state->had_files) errors.AddText(T(lang, "form_error_files_again"), "attachments");
      errors.Fill(f);
    }
  }
  // The same for every reader without a session until the next change of status by the clock
  // (opening, then the deadline's last second); a challenge of the proof of work is drawn per
  // rendering, so that page is never kept.
  if (!state && !pow.enabled())
    page.CacheForAnonymous(status == "upcoming" ? c.opens_at
                           : status == "open"   ? c.deadline + 1
                                                : 0);
  return page.Render(status_code);
}

}  // namespace

void RegisterPages(http::Router& router, storage::Database& db, const Limits& limits,
                   site::Throttles& throttles) {
  router.Add("GET", "/consultations", [&db](Request& req) {
    const std::string& lang = req.lang;
    site::Page page(db, req, "consultations.tpl", T(lang, "consultations_title"));
    site::AddAlternates(page, {{"application/atom+xml", site::Prefix(req) + "/feeds/documents.atom",
                                T(lang, "feed_atom_site")},
                               {"text/calendar", site::Prefix(req) + "/calendar/meetings.ics",
                                T(lang, "calendar_ics_site")}});
    // Those open or about to open first; the closed ones apart below them, if any.
    const std::int64_t now = Now();
    auto* current = page.body().AddSectionDictionary("GROUP");
    current->SetValue("GID", "current");
    current->SetValue("HEADING", T(lang, "consultations_current"));
    ctemplate::TemplateDictionary* tables[2] = {nullptr, nullptr};
    for (const auto& c : List(db)) {
      std::string st = StatusOf(c, now);
      const int g = st == "open" || st == "upcoming" ? 0 : 1;
      if (!tables[g] && g == 1) {
        auto* past = page.body().AddSectionDictionary("GROUP");
        past->SetValue("GID", "past");
        past->SetValue("HEADING", T(lang, "consultations_past"));
        tables[1] = past->AddSectionDictionary("TABLE");
      }
      if (!tables[g]) tables[g] = current->AddSectionDictionary("TABLE");
      auto* o = tables[g]->AddSectionDictionary("ITEMS");
      o->SetIntValue("ID", c.id);
      site::SetLocalized(o, "TITLE", c.title, lang);
      o->SetValue("BODY", text::BodyAcronym(c.body_key, c.body_acronym, lang));
      o->SetValue("STATUS", st);
      o->SetValue("STATUS_LABEL", StatusLabel(lang, st));
      site::SetSentence(o, "DEADLINE", text::FormatDateTime(c.deadline, c.timezone, lang), lang);
    }
    if (!tables[0]) current->ShowSection("NONE");
    return page.Render();
  });

  router.Add("GET", "/consultations/{id}", [&db, &limits, &throttles](Request& req) {
    auto c = Get(db, req.params[0]);
    if (!c.ok()) return site::ErrorResponse(db, req, c.error());
    return ConsultationPage(db, req, *c, limits, throttles.pow(), nullptr, 200);
  });

  // The link of a confirmation mail.
  router.Add("GET", "/confirm", [&db](Request& req) {
    auto reference = ConfirmEmail(db, req.query.Get("token").value_or(""));
    // Confirmed: back to the receipt, which now says so, by a fresh link of its own.
    if (reference.ok()) {
      if (auto link = ReceiptLink(db, req, *reference); link.ok())
        return http::Redirect(*link);
    }
    site::Page page(db, req, "notice.tpl", T(req.lang, "confirm_title"));
    site::SetNotice(&page.body(), T(req.lang, reference.ok() ? "confirm_title" : "error_title"),
                    reference.ok() ? T(req.lang, "confirm_done", {{"reference", *reference}})
                                   : T(req.lang, "confirm_failed"),
                    reference.ok(), req.lang);
    return page.Render(reference.ok() ? 200 : 400);
  });

  router.Add("POST", "/consultations/{id}/responses", [&db, &limits, &throttles](Request& req) {
    auto c = Get(db, req.params[0]);
    if (!c.ok()) return site::ErrorResponse(db, req, c.error());
    if (auto t = throttles.Submission(req.remote_ip, std::to_string(c->id)); !t.ok()) {
      auto r = site::ErrorResponse(db, req, t.error());
      r.Header("Retry-After", std::to_string(t.error().retry_after_seconds));
      return r;
    }
    http::MultipartLimits ml;
    ml.max_files = limits.max_attachments;
    ml.max_file_bytes = limits.max_attachment_bytes;
    FormState state(req.lang, c->timezone);
    // Shows the form again with what was typed and the refusal next to its field.
    auto refuse = [&](const Error& e) {
      state.errors.Add(e, ResponseInputId(e.field, *c));
      return ConsultationPage(db, req, *c, limits, throttles.pow(), &state,
                              http::StatusFor(e.code));
    };
    auto in = site::ReadInput(req, ml);
    if (!in.ok()) {
      // A file over the limits, or a body over the server's own limit (of which only the
      // fields before the files reached the handler), refuses the whole post: the form comes
      // back with the fields that can be read.
      const site::Input again = site::KeptInput(req);
      if (auto v = ResponseFromInput(again, req.lang); v.ok()) state.values = *v;
      state.values.attachments.clear();
      state.form_token = again.fields.Get("form_token").value_or("");
      state.had_files = true;
      return refuse(in.error());
    }
    auto values = ResponseFromInput(*in, req.lang);
    if (values.ok()) state.values = *values;
    state.had_files = !in->files.empty();
    state.form_token = in->fields.Get("form_token").value_or("");
    if (!site::FormCsrfOk(db, req, in->fields.Get("csrf").value_or("")))
      return refuse(Error{Code::kPermissionDenied, "csrf: expired", "csrf"});
    if (!values.ok()) return refuse(values.error());
    if (auto p = CheckPow(db, req, throttles, *in); !p.ok()) {
      // Without JavaScript the form comes without a solution: say what is needed, in words.
      if (in->fields.Get("pow").value_or("").empty()) {
        state.errors.AddText(T(req.lang, "pow_missing"));
        return ConsultationPage(db, req, *c, limits, throttles.pow(), &state,
                                http::StatusFor(p.error().code));
      }
      return refuse(p.error());
    }
    if (auto q = CheckAttachmentQuota(db, req, throttles, *values); !q.ok()) {
      auto r = refuse(q.error());
      r.Header("Retry-After", std::to_string(q.error().retry_after_seconds));
      return r;
    }
    ResponseInput input = *values;
    input.ip_address = req.remote_ip;
    input.mail_language = req.lang;
    // The form's CSRF token was checked above: a verified account confirms its own address.
    if (auto session = site::CurrentSession(db, req); session && session->user.email_verified)
      input.verified_email = session->user.email;
    // The form's one-time token makes a double click or a retried post return the first receipt.
    if (!state.form_token.empty()) input.idempotency_key = "form:" + state.form_token;
    auto receipt = SubmitResponse(db, req.params[0], std::move(input), limits);
    if (!receipt.ok()) {
      if (receipt.error().code != Code::kFailedPrecondition) return refuse(receipt.error());
      // Closed or not yet open: said in the reader's language, the deadline in the
      // consultation's time zone.
      state.errors.AddText(
          Now() < c->opens_at
              ? T(req.lang, "form_refused_not_open")
              : T(req.lang, "form_refused_closed_at",
                  {{"date", text::FormatDateTime(c->deadline, c->timezone, req.lang)}}));
      return ConsultationPage(db, req, *c, limits, throttles.pow(), &state,
                              http::StatusFor(receipt.error().code));
    }
    auto link = ReceiptLink(db, req, receipt->reference);
    if (!link.ok()) return site::ErrorResponse(db, req, link.error());
    return http::Redirect(*link);
  });

  // The reference alone (shown on published responses) opens no receipt: 404 as for a link
  // with a wrong token, so that neither tells whether a reference exists.
  router.Add("GET", "/receipts/{reference}", [&db](Request& req) {
    return site::ErrorResponse(db, req, FindReceiptCopy(db, req.params[0], "").error());
  });

  router.Add("GET", "/receipts/{reference}/{token}", [&db](Request& req) {
    auto copy = FindReceiptCopy(db, req.params[0], req.params[1]);
    if (!copy.ok()) return site::ErrorResponse(db, req, copy.error());
    const auto& r = copy->receipt;
    const auto& resp = copy->response;
    const std::string& lang = req.lang;
    auto c = Get(db, std::to_string(r.consultation_id));
    if (!c.ok()) return site::ErrorResponse(db, req, c.error());
    site::Page page(db, req, "receipt.tpl", T(lang, "receipt_title"));
    auto& d = page.body();
    site::SetSentence(&d, "REFERENCE", r.reference, lang);
    d.SetIntValue("CONSULTATION_ID", r.consultation_id);
    site::SetLocalized(&d, "CONSULTATION", c->title, lang);
    site::SetSentence(&d, "SUBMITTED", text::FormatDateTime(r.submitted_at, c->timezone, lang), lang);
    d.SetValue("STATUS_LABEL", T(lang, "response_status_" + r.status));
    if (!resp.email.empty()) {
      const std::string masked = MaskEmail(resp.email);
      d.SetValueAndShowSection("EMAIL", masked, "HAS_EMAIL");
      if (resp.email_confirmed_at)
        site::SetSentence(d.AddSectionDictionary("MAIL_CONFIRMED"), "TEXT",
                          T(lang, "receipt_mail_confirmed", {{"email", masked}}), lang);
      else
        site::SetSentence(d.AddSectionDictionary("MAIL_SENT"), "TEXT",
                          T(lang, "receipt_mail_sent", {{"email", masked}}), lang);
    }
    // The copy: what the respondent sent (as moderated, once redacted).
    if (!resp.name.empty()) d.SetValueAndShowSection("NAME", resp.name, "HAS_NAME");
    if (!resp.organization.empty())
      d.SetValueAndShowSection("ORGANIZATION", resp.organization, "HAS_ORG");
    if (!resp.job_title.empty()) d.SetValueAndShowSection("JOB_TITLE", resp.job_title, "HAS_JOB");
    d.SetValue("COUNTRY", text::CountryName(resp.country, lang));
    site::SetText(&d, "TYPE_LABEL", TypeLabels(db, lang)[resp.stakeholder_type], lang);
    d.SetValue("LANGUAGE_NAME", text::Catalogue::Get().Format(resp.language, "language_name"));
    d.SetValue("CONSENT", T(lang, resp.consent_publish ? "receipt_consent_yes" : "receipt_consent_no"));
    // Every question in the reader's language (or the first available one), then the answer.
    for (const auto& q : c->questions) {
      auto* a = d.AddSectionDictionary("ANSWER");
      a->SetIntValue("NUMBER", q.number);
      site::SetLocalized(a, "QUESTION", q.text, lang);
      auto answer = resp.answers.find(q.number);
      if (answer != resp.answers.end() && !answer->second.empty()) {
        auto* t = a->AddSectionDictionary("TEXT");
        t->SetValue("VALUE", answer->second);
        t->SetValue("RLANG", resp.language);
      } else {
        a->ShowSection("NONE");
      }
    }
    if (!resp.general_text.empty()) {
      auto* g = d.AddSectionDictionary("GENERAL");
      g->SetValue("TEXT", resp.general_text);
      g->SetValue("RLANG", resp.language);
    }
    for (const auto& f : resp.attachments) {
      auto* a = d.AddSectionDictionary("FILES");
      a->SetValue("FILENAME", f.filename);
      a->SetValue("FILE_SIZE", SizeLabel(lang, f.size));
    }
    d.ShowSection(resp.attachments.empty() ? "NO_FILES" : "HAS_FILES");
    site::SetSentence(&d, "KEEP_LINK",
                      T(lang, "receipt_keep_link",
                        {{"date", text::FormatDateTime(copy->token_expires, c->timezone, lang)}}),
                      lang);
    auto out = page.Render();
    // The address carries the token: no other site learns it from a link followed here.
    out.Header("Referrer-Policy", "no-referrer");
    return out;
  });

  router.Add("GET", "/consultations/{id}/responses", [&db](Request& req) {
    auto c = Get(db, req.params[0]);
    if (!c.ok()) return site::ErrorResponse(db, req, c.error());
    const std::string& lang = req.lang;
    auto page_param = PageParam(req);
    if (!page_param.ok()) return site::ErrorResponse(db, req, page_param.error());
    int page_no = *page_param;
    // The Next link carries the cursor beside the page number: any depth in constant time.
    std::optional<internal::Cursor> after;
    if (auto a = req.query.Get("after")) {
      auto parsed = internal::ParseCursor(*a);
      if (!parsed.ok()) return site::ErrorResponse(db, req, parsed.error());
      after = *parsed;
    }
    auto filter = FilterOf(req.query);
    if (!filter.ok()) return site::ErrorResponse(db, req, filter.error());
    filter->status.reset();
    filter->confirmed.reset();
    if (auto ok = CheckFilter(db, *filter); !ok.ok()) return site::ErrorResponse(db, req, ok.error());
    std::optional<std::pair<std::int64_t, std::int64_t>> from;
    if (after) from = std::pair{after->submitted_at, after->id};
    auto rs = filter->narrows() ? PublishedFiltered(db, c->id, *filter, page_no, 50, from)
              : after           ? internal::PublishedResponsesAfter(db, c->id, *after, page_no, 50)
                                : PublishedResponses(db, c->id, page_no, 50);
    site::Page page(db, req, "responses.tpl",
                    T(lang, "published_responses") + " · " + site::Pick(c->title, lang).text);
    auto& d = page.body();
    d.SetIntValue("ID", c->id);
    site::SetLocalized(&d, "TITLE", c->title, lang);
    {
      // The readers' filters, as chosen; the pager keeps them.
      ModerationFilter shown;  // the filters a reader has; the moderators' ones are not kept
      shown.stakeholder_type = filter->stakeholder_type;
      shown.country = filter->country;
      shown.language = filter->language;
      d.SetValue("FILTER_QS", shown.QueryString());
      auto option = [&](const char* section, const std::string& k, const std::string& label,
                        const std::optional<std::string>& chosen) {
        auto* o = d.AddSectionDictionary(section);
        o->SetValue("K", k);
        o->SetValue("L", label);
        if (chosen && *chosen == k) o->ShowSection("SEL");
        return o;
      };
      for (const auto& t : StakeholderTypes(db)) {
        const auto l = site::Pick(t.label, lang);
        site::SetTextLanguage(option("F_TYPE", t.key, l.text, filter->stakeholder_type), "L", l, lang);
      }
      for (const auto& k : text::Countries(lang)) option("F_COUNTRY", k.code, k.name, filter->country);
      for (const auto& l : text::Languages()) option("F_LANG", l, T(l, "language_name"), filter->language);
      if (filter->narrows())
        d.SetValueAndShowSection("MATCHES", T(lang, "moderation_matches", {{"n", rs.total}}), "HAS_MATCHES");
    }
    d.SetValue("COUNT_LABEL", T(lang, "published_responses_count", {{"n", rs.total}}));
    if (c->illustrative) d.ShowSection("ILLUSTRATIVE");
    d.SetValue("PAGE_LANG", lang);
    d.SetValue("PAGE_DIR", text::Direction(lang));
    auto labels = TypeLabels(db, lang);
    // Each answer under its question's text, in the reader's language where it exists.
    std::map<int, site::Localized> questions;
    for (const auto& q : c->questions) questions.emplace(q.number, site::Pick(q.text, lang));
    for (const auto& r : rs.items) {
      auto* o = d.AddSectionDictionary("ITEMS");
      o->SetValue("LANGUAGE", r.language);
      site::SetSentence(o, "REFERENCE", r.reference, lang);
      o->SetValue("NAME", r.name);
      if (!r.organization.empty()) o->AddSectionDictionary("HAS_ORG")->SetValue("ORGANIZATION", r.organization);
      site::SetText(o, "TYPE_LABEL", labels[r.stakeholder_type], lang);
      o->SetValue("COUNTRY", text::CountryName(r.country, lang));
      if (r.redacted) o->ShowSection("REDACTED");
      for (const auto& [n, t] : r.answers) {
        auto* a = o->AddSectionDictionary("ANSWER");
        a->SetIntValue("NUMBER", n);
        a->SetValue("TEXT", t);
        if (auto q = questions.find(n); q != questions.end()) {
          site::SetText(a, "QUESTION", q->second, lang);
        }
      }
      if (!r.general_text.empty()) o->AddSectionDictionary("GENERAL")->SetValue("TEXT", r.general_text);
      for (const auto& f : r.attachments) {
        auto* a = o->AddSectionDictionary("FILES");
        a->SetIntValue("FILE_ID", f.id);
        a->SetValue("FILENAME", f.filename);
        a->SetValue("FILE_SIZE", SizeLabel(lang, f.size));
      }
    }
    if (auto* next = Pager(d, rs.page, rs.per_page, rs.total); next && !rs.items.empty())
      next->SetValueAndShowSection("AFTER", internal::CursorText(rs.items.back()), "HAS_AFTER");
    page.CacheForAnonymous();
    return page.Render();
  });

  router.Add("GET", "/attachments/{id}", [&db](Request& req) {
    auto id = ParseInt(req.params[0]);
    auto f = id ? PublishedAttachment(db, *id) : std::nullopt;
    if (!f) return site::ErrorResponse(db, req, NotFound("attachment: no such published file"));
    return AttachmentDownload(std::move(*f));
  });

  router.Add("GET", "/consultations/{id}/statistics", [&db](Request& req) {
    auto c = Get(db, req.params[0]);
    if (!c.ok()) return site::ErrorResponse(db, req, c.error());
    auto s = ComputeStatistics(db, req.params[0]);
    const std::string& lang = req.lang;
    site::Page page(db, req, "statistics.tpl", T(lang, "statistics"));
    auto& d = page.body();
    d.SetIntValue("ID", c->id);
    site::SetLocalized(&d, "TITLE", c->title, lang);
    d.SetValue("TOTAL_LABEL", T(lang, "responses_total", {{"n", s->total}}));
    // Each row's label with its language: a stakeholder type named in another language only,
    // a language by its own name.
    auto table = [&](const std::string& caption, const std::string& head,
                     const std::vector<std::pair<site::Localized, std::int64_t>>& rows) {
      auto* t = d.AddSectionDictionary("TABLE");
      t->SetValue("CAPTION", caption);
      t->SetValue("HEAD", head);
      for (const auto& [label, n] : rows) {
        auto* r = t->AddSectionDictionary("ROW");
        site::SetText(r, "LABEL", label, lang);
        r->SetIntValue("COUNT", n);
      }
    };
    auto mine = [&](std::string text) { return site::Localized{std::move(text), lang, false}; };
    std::vector<std::pair<site::Localized, std::int64_t>> rows;
    auto labels = TypeLabels(db, lang);
    for (const auto& [k, n] : s->by_stakeholder_type)
      if (n > 0) rows.emplace_back(labels[k], n);
    table(T(lang, "stats_by_type"), T(lang, "field_stakeholder_type"), rows);
    rows.clear();
    for (const auto& [k, n] : s->by_region)
      rows.emplace_back(mine(k == "unknown" ? T(lang, "stats_no_region") : text::ItuRegionName(k[0], lang)), n);
    table(T(lang, "stats_by_itu_region"), T(lang, "col_region"), rows);
    rows.clear();
    for (const auto& [k, n] : s->by_m49_region)
      rows.emplace_back(mine(k == "unknown" || text::M49Name(k, lang).empty()
                                 ? T(lang, "stats_no_region")
                                 : text::M49Name(k, lang)),
                        n);
    table(T(lang, "stats_by_m49_region"), T(lang, "col_region"), rows);
    rows.clear();
    {
      // Countries in the order of their names in the reader's language (the form's list order).
      std::map<std::string, std::size_t, std::less<>> rank;
      for (const auto& country : text::Countries(lang)) rank.emplace(country.code, rank.size());
      std::vector<std::pair<std::string, std::int64_t>> by(s->by_country.begin(),
                                                           s->by_country.end());
      auto place = [&](const std::string& code) {
        auto it = rank.find(code);
        return it == rank.end() ? rank.size() : it->second;
      };
      std::ranges::stable_sort(by, {}, [&](const auto& row) { return place(row.first); });
      for (const auto& [k, n] : by) rows.emplace_back(mine(text::CountryName(k, lang)), n);
    }
    table(T(lang, "stats_by_country"), T(lang, "field_country"), rows);
    rows.clear();
    for (const auto& [k, n] : s->by_language)
      rows.emplace_back(site::Localized{T(k, "language_name"), k, k != lang}, n);
    // The column says what it holds ("Language"), not the form's question to the respondent.
    table(T(lang, "stats_by_language"), T(lang, "col_language"), rows);
    if (s->registered) {
      auto* m = d.AddSectionDictionary("MEETING");
      m->SetIntValue("REGISTERED", *s->registered);
      m->SetIntValue("ATTENDED", *s->attended);
    }
    return page.Render();
  });

  router.Add("GET", "/consultations/{id}/report", [&db](Request& req) {
    auto c = Get(db, req.params[0]);
    if (!c.ok()) return site::ErrorResponse(db, req, c.error());
    // Once issued, the page shows the issued report; staff may open the live draft (live=1).
    const auto viewer = site::CurrentSession(db, req);
    const auto life = documents::LifecycleOf(db, ConsultationReportSource(c->id));
    const std::string path = "/consultations/" + std::to_string(c->id) + "/report";
    if (life.latest && !documents::WantsLiveDraft(req, viewer))
      return documents::IssuedPage(
          db, req, viewer, life,
          {{"/consultations/" + std::to_string(c->id), site::Pick(c->title, req.lang).text}},
          path, "");
    auto p = ReportSentence(db, req.params[0], req.lang);
    site::Page page(db, req, "report.tpl", T(req.lang, "report"));
    auto& d = page.body();
    documents::FillLifecycle(db, d, life, req, viewer && accounts::IsStaff(viewer->user.role),
                             path, "");
    d.SetIntValue("ID", c->id);
    d.SetValue("DL_LANG", req.lang);
    site::SetLocalized(&d, "TITLE", c->title, req.lang);
    if (p.ok()) site::SetSentence(&d, "PARAGRAPH", *p);
    else site::SetSentence(&d, "PARAGRAPH", site::RefusalText(p.error(), req.lang), req.lang);
    for (const auto& l : text::Languages()) {
      if (l == req.lang) continue;
      auto* o = d.AddSectionDictionary("OTHER");
      o->SetValue("CODE", l);
      o->SetValue("NAME", T(l, "language_name"));
    }
    return page.Render();
  });
}

}  // namespace plenary::consultations
