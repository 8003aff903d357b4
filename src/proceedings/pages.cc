// Pages of the proceedings: a meeting's agenda with its list of speakers and record, the
// generated summary record (printable), and the actions with their history. The forms of the
// list of speakers call the same use cases as the API.
#include <cctype>
#include <limits>
#include <map>
#include <sstream>
#include <vector>

#include <fmt/format.h>

#include "base/parse.h"
#include "base/time.h"
#include "documents/citation_links.h"
#include "documents/generated.h"
#include "documents/resolutions.h"
#include "http/form.h"
#include "proceedings/floor.h"
#include "proceedings/record_out.h"
#include "proceedings/states.h"
#include "proceedings/web.h"
#include "site/desk.h"
#include "site/fields.h"
#include "site/refusals.h"
#include "site/site.h"
#include "site/form_states.h"
#include "site/text_html.h"
#include "text/countries.h"
#include "text/dates.h"
#include "text/messages.h"

namespace plenary::proceedings {

namespace json = boost::json;
using ctemplate::TemplateDictionary;
using http::Request;
using text::T;

namespace {

// Parts of one label, with the language's separator ("Councillor, Ghana", "理事、加纳").
std::string Joined(const std::vector<std::string>& parts, const std::string& lang) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : T(lang, "proc_list_separator")) + p;
  return out;
}

// "Councillor, Ghana", "Bureau, Telecommunication Development Bureau", "Minister, United
// States, Ms …": the bureau by its name in the reader's language, never its English code.
std::string Who(const Intervention& i, const std::string& lang) {
  std::vector<std::string> parts = {T(lang, "capacity_" + i.capacity)};
  if (!i.bureau.empty()) parts.push_back(T(lang, "bureau_" + i.bureau));
  if (!i.member_state.empty()) parts.push_back(text::CountryName(i.member_state, lang));
  if (!i.anonymous) parts.push_back(site::Pick(i.speaker, lang).text);
  return Joined(parts, lang);
}

void ActionRow(TemplateDictionary* o, const ActionView& a, const std::string& lang) {
  o->SetIntValue("AID", a.id);
  o->SetValue("NUMBER", a.number);
  site::SetSentence(o, "MLABEL", meetings::Label(a.meeting, lang), lang);
  o->SetIntValue("MID", a.meeting.id);
  site::SetLocalized(o, "TEXT", a.text, lang);
  site::SetLocalized(o, "OWNER", a.owner, lang);
  site::SetLocalized(o, "DUE", a.due, lang);
  o->SetValue("STATUS", a.status);
  o->SetValue("STATUS_LABEL", T(lang, "action_status_" + a.status));
}

// The language a text typed in a form is in: a select of the six (section `section`), with
// `chosen` selected (what a refused form had chosen), else the reader's.
void LanguageChoices(TemplateDictionary* d, const std::string& lang,
                     const std::string& chosen = "", const char* section = "LANGS") {
  const std::string& sel = text::IsLanguage(chosen) ? chosen : lang;
  for (const auto& l : text::Languages()) {
    auto* o = d->AddSectionDictionary(section);
    o->SetValue("CODE", l);
    o->SetValue("NAME", T(lang, "language_in_" + l));
    if (l == sel) o->ShowSection("SEL");
  }
}

// "2:05", "-0:20": a speaking time's minutes and seconds (digits the same in every language).
std::string Clock(std::int64_t seconds) {
  std::int64_t a = seconds < 0 ? -seconds : seconds;
  return fmt::format("{}{}:{:02}", seconds < 0 ? "-" : "", a / 60, a % 60);
}

// A refused form of the agenda page: which form ("item", "intervention", "decision",
// "candidature", "action", "speaker", "discussion", "edit" of a paragraph, "signatories"; "" for
// a refusal that concerns no input, such as a delegate's second request for the floor), on which
// item (the paragraph's id for "edit"; 0 for the new item's form and the signatories), the
// refusal and what was typed.
struct AgendaRefusal {
  std::string form;
  std::int64_t item = 0;
  const Error* error = nullptr;
  const http::Form* typed = nullptr;
};

// Each record form's text inputs and choices: field, the end of its input's id, its label's key
// ("": the field's own label, where the form's adds a hint in brackets).
struct AgendaField {
  const char* field;
  const char* suffix;
  const char* label;
  // One input per language ("secretary_general.fr" → sig-sg-fr, typed as secretary_general_fr).
  bool per_language = false;
};
const std::vector<AgendaField>& AgendaFields(const std::string& form) {
  static const std::map<std::string, std::vector<AgendaField>> kFields = {
      {"item", {{"number", "number", "proc_item_number"}, {"title", "title", "proc_item_title"},
                {"documents", "documents", ""}}},  // "Documents", without the form's hint
      {"intervention", {{"summary", "summary", "proc_summary"},
                        {"member_state", "ms", "proc_member_state_code"},
                        {"speaker", "speaker", "proc_named_speaker"},
                        {"capacity", "capacity", "proc_capacity"}, {"kind", "kind", "proc_kind"},
                        {"bureau", "bureau", "proc_bureau"}}},
      {"decision", {{"wording", "wording", "proc_wording"}, {"kind", "kind", "proc_kind"},
                    {"forwarded_to", "forwarded", "proc_forwarded_to"},
                    {"accompanied_by", "accompanied", "field_accompanied_by"},
                    {"report_back", "report", "proc_report_back"}}},
      {"candidature", {{"candidate", "candidate", "proc_candidate"},
                       {"member_state", "ms", "proc_member_state_code"},
                       {"post", "post", "proc_post"}, {"election", "election", "proc_election"},
                       {"intervention_id", "paragraph", "field_intervention_id"}}},
      {"action", {{"number", "number", "actions_number"}, {"owner", "owner", "actions_owner"},
                  {"text", "text", "actions_text"}, {"due", "due", "actions_due"},
                  {"kind", "kind", "actions_kind"},
                  {"decision_id", "decision", "field_decision_id"}}},
      {"speaker", {{"name", "name", "proc_speaker_name"}, {"capacity", "capacity", "proc_capacity"},
                   {"member_state", "ms", "proc_member_state_code"}}},
      {"discussion", {{"speaking_seconds", "seconds", ""}}},
      {"edit", {{"summary", "summary", "proc_summary"}, {"text_lang", "lang", "proc_text_lang"}}},
      {"signatories", {{"document", "doc", "proc_record_symbol"},
                       {"secretary_general", "sg", "", true},
                       {"chair", "chair", "", true}}},
  };
  static const std::vector<AgendaField> kNone;
  auto it = kFields.find(form);
  return it == kFields.end() ? kNone : it->second;
}
// The short name of each form in its inputs' ids and sections ("iv": iv-12-summary,
// E_iv_summary, V_IV_SUMMARY, OPEN_IV).
std::string AgendaPrefix(const std::string& form) {
  if (form == "item") return "it";
  if (form == "intervention") return "iv";
  if (form == "decision") return "de";
  if (form == "candidature") return "cd";
  if (form == "speaker") return "sp";
  if (form == "discussion") return "ds";
  if (form == "edit") return "ie";
  if (form == "signatories") return "sig";
  return "ac";
}
std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}
// The input id of field `f` of the refused form ("iv-12-summary"; "it-number" for a new item;
// "sig-sg-fr" for the language `language` of a field with an input per language).
std::string AgendaInputId(const AgendaRefusal& r, const AgendaField& f,
                          const std::string& language = "") {
  const std::string pre = AgendaPrefix(r.form);
  if (f.per_language) return fmt::format("{}-{}-{}", pre, f.suffix, language);
  return r.item == 0 ? pre + "-" + f.suffix : fmt::format("{}-{}-{}", pre, r.item, f.suffix);
}

// The refused form of the agenda page again, in `form` (the new item's form, or an item's record
// forms): open, the refusal next to its field, what was typed in its text inputs.
void ShowAgendaRefusal(const AgendaRefusal& r, const site::FormErrors& errors,
                       TemplateDictionary* form) {
  const std::string pre = AgendaPrefix(r.form);
  form->ShowSection("OPEN_" + Upper(pre));
  // The box marking the text typed a draft, as it was ticked.
  if (r.typed && r.typed->Get("draft")) form->ShowSection("V_" + Upper(pre) + "_DRAFT");
  for (const auto& f : AgendaFields(r.form)) {
    if (f.per_language) continue;  // in the form's section per language (the signatories)
    if (r.typed) form->SetValue("V_" + Upper(pre) + "_" + Upper(f.suffix), r.typed->Get(f.field).value_or(""));
    if (auto m = errors.MessageFor(AgendaInputId(r, f)))
      form->AddSectionDictionary(std::string("E_") + pre + "_" + f.suffix)->SetValue("E_MSG", *m);
  }
}

http::Response AgendaPage(storage::Database& db, const Request& req, const std::string& meeting,
                          int status = 200, const AgendaRefusal* refusal = nullptr) {
  const std::string& lang = req.lang;
  auto viewer = site::CurrentSession(db, req);
  auto p = Get(db, meeting, viewer);
  if (!p.ok()) return site::ErrorResponse(db, req, p.error());
  std::string label = meetings::Label(p->meeting, lang);
  site::Page page(db, req, "agenda.tpl", T(lang, "proc_title") + " — " + label);
  auto& d = page.body();
  d.SetIntValue("MID", p->meeting.id);
  site::SetSentence(&d, "MLABEL", label, lang);
  d.SetValue("MDATE", text::FormatDateRange(p->meeting.starts_on, p->meeting.ends_on, lang));
  // A refused form: the summary at the top, linking to the field (site/refusals.h); a refusal
  // that concerns no input of the form is listed alone.
  site::FormErrors refused(lang);
  if (refusal && refusal->error) {
    std::string input, label;
    const std::string& field = refusal->error->field;
    const std::size_t cut = field.find_first_of(".[");
    const std::string base = field.substr(0, cut);
    for (const auto& f : AgendaFields(refusal->form)) {
      if (base != f.field) continue;
      if (f.per_language) {
        const std::string part = cut == std::string::npos ? "" : field.substr(cut + 1);
        if (text::IsLanguage(part)) input = AgendaInputId(*refusal, f, part);
      } else {
        input = AgendaInputId(*refusal, f);
        label = *f.label ? T(lang, f.label) : "";
      }
    }
    if (input.empty())
      refused.AddText(site::RefusalText(*refusal->error, lang));
    else
      refused.Add(*refusal->error, input, label);
    refused.Fill(&d);
  }
  // The refused form `form` on item (or paragraph) `id`, if it is the one refused.
  auto is_refused = [&](const char* form, std::int64_t id) {
    return refusal && refusal->form == form && refusal->item == id;
  };
  // What was typed in `field` of that form, if it is the one refused ("" otherwise).
  auto typed_in = [&](const char* form, std::int64_t id, const char* field) {
    return is_refused(form, id) && refusal->typed ? refusal->typed->Get(field).value_or("")
                                                  : std::string();
  };
  bool staff = viewer && accounts::IsStaff(viewer->user.role);
  bool can_run = MayRunSpeakers(viewer);
  if (staff) {
    auto warnings = Warnings(*p);
    if (!warnings.empty()) {
      auto* w = d.AddSectionDictionary("WARNINGS");
      for (const auto& x : warnings) {
        std::vector<std::string> expected;
        for (const auto& e : x.expected) expected.push_back(e);
        w->AddSectionDictionary("W")->SetValue(
            "WARNING", T(lang, "proc_warning",
                      {{"paragraph", x.paragraph.empty() ? x.item_number : x.paragraph},
                       {"cited", x.cited},
                       {"expected", text::FormatList(expected, lang)},
                       {"language", T(lang, "language_in_" + x.language)}}));
      }
    }
  }
  if (p->items.empty()) d.ShowSection("NO_ITEMS");
  if (staff) {
    auto* add = d.AddSectionDictionary("ADD_ITEM");
    LanguageChoices(add, lang, typed_in("item", 0, "text_lang"));
    if (is_refused("item", 0)) ShowAgendaRefusal(*refusal, refused, add);
    // The summary record's signatories, each name in the six languages, and its own symbol.
    auto* s = d.AddSectionDictionary("SIGNATORIES");
    const auto& sig = p->signatories;
    auto name = [](const json::value& v, const std::string& l) {
      const auto* x = v.is_object() ? v.as_object().if_contains(l) : nullptr;
      return x && x->is_string() ? std::string(x->as_string()) : std::string();
    };
    const bool sig_refused = is_refused("signatories", 0);
    // A refused form shows what was typed, and each name's message in its language's section.
    auto typed = [&](const std::string& input, std::string stored) {
      return sig_refused && refusal->typed ? refusal->typed->Get(input).value_or("") : stored;
    };
    for (const auto& l : text::Languages()) {
      auto* o = s->AddSectionDictionary("SIG_LANGS");
      o->SetValue("CODE", l);
      o->SetValue("NAME", T(l, "language_name"));
      o->SetValue("SG", typed("secretary_general_" + l, name(sig.secretary_general, l)));
      o->SetValue("CHAIR", typed("chair_" + l, name(sig.chair, l)));
      if (auto m = refused.MessageFor("sig-sg-" + l)) o->AddSectionDictionary("E_SG")->SetValue("E_MSG", *m);
      if (auto m = refused.MessageFor("sig-chair-" + l))
        o->AddSectionDictionary("E_CHAIR")->SetValue("E_MSG", *m);
    }
    s->SetValue("SIG_DOCUMENT", typed("document", sig.document ? sig.document->symbol : ""));
    if (sig_refused) ShowAgendaRefusal(*refusal, refused, s);
  }
  std::string prefix = site::Prefix(req);
  // Watchers of the page hear of each change of its lists of speakers (floor.js).
  d.SetValue("FLOOR_VERSION", std::to_string(FloorVersion(p->meeting.id)));
  bool floor_running = false;  // someone has the floor: the page's clock changes with time
  for (const auto& it : p->items) {
    auto* o = d.AddSectionDictionary("ITEMS");
    o->SetIntValue("IID", it.id);
    o->SetValue("NUMBER", it.number);
    site::SetLocalized(o, "TITLE", it.title, lang);
    if (!it.documents.empty()) {
      auto* h = o->AddSectionDictionary("HAS_DOCS");
      for (const auto& doc : it.documents) {
        auto* x = h->AddSectionDictionary("DOCS");
        x->SetIntValue("DID", doc.id);
        x->SetValue("SYMBOL", doc.symbol);
      }
    }
    // The floor: under discussion, who has the floor and their clock, the list, and the
    // signed-in delegate's own request (its place, or the button to ask). Rendered in one
    // block that floor.js replaces when the list changes.
    auto* fl = o->AddSectionDictionary("FLOOR");
    fl->SetIntValue("IID", it.id);
    if (it.under_discussion) fl->ShowSection("UNDER_DISCUSSION");
    fl->SetValue("SPEAKING_TIME",
                 T(lang, "proc_floor_speaking_time", {{"time", Clock(it.speaking_seconds)}}));
    const bool delegate = viewer && viewer->user.role == "delegate";
    std::optional<std::int64_t> own;  // the delegate's waiting request on this item
    int place = 0, own_place = 0;
    for (const auto& s : it.speakers) {
      const bool has_floor = s.id == it.floor_speaker_id;
      auto* x = fl->AddSectionDictionary("SPEAKERS");
      x->SetIntValue("SID", s.id);
      x->SetValue("NAME", s.name);
      std::vector<std::string> cap = {T(lang, "capacity_" + s.capacity)};
      if (!s.member_state.empty()) cap.push_back(text::CountryName(s.member_state, lang));
      x->SetValue("CAPACITY", Joined(cap, lang));
      x->SetValue("STATUS", has_floor ? "floor" : s.status);
      x->SetValue("STATUS_LABEL", T(lang, "speaker_status_" + (has_floor ? "floor" : s.status)));
      if (s.status == "waiting" && !has_floor) ++place;
      if (delegate && s.status == "waiting" && s.user_id == viewer->user.id) {
        own = s.id;
        own_place = has_floor ? 0 : place;
        x->ShowSection("MINE");
      }
      if (s.status == "waiting" && can_run) {
        auto* r = x->AddSectionDictionary("CAN_RUN");
        if (!has_floor) r->ShowSection("GIVE");
      }
      if (has_floor) {
        std::int64_t left = it.floor_since + it.speaking_seconds - Now();
        auto* c = fl->AddSectionDictionary("HAS_FLOOR");
        c->SetValue("FNAME", s.name);
        c->SetValue("FCAPACITY", Joined(cap, lang));
        c->SetIntValue("LEFT", left);
        c->SetValue("CLOCK", Clock(left));
        if (left < 0) c->ShowSection("OVER");
      }
    }
    if (it.speakers.empty()) fl->ShowSection("NO_SPEAKERS");
    if (delegate && it.under_discussion) {
      auto* m = fl->AddSectionDictionary("DELEGATE");
      if (own) {
        auto* w = m->AddSectionDictionary("WAITING");
        w->SetIntValue("OWN_SID", *own);
        w->SetValue("PLACE", own_place ? T(lang, "proc_floor_position",
                                             {{"position", std::int64_t{own_place}}})
                                       : T(lang, "proc_floor_yours"));
      } else {
        m->ShowSection("ASK");
      }
    }
    if (can_run) {
      auto* f = o->AddSectionDictionary("ADD_SPEAKER");
      const bool sp_refused = is_refused("speaker", it.id);
      if (sp_refused) ShowAgendaRefusal(*refusal, refused, f);
      for (const char* c : kCapacities) {
        auto* x = f->AddSectionDictionary("CAPS");
        x->SetValue("K", c);
        x->SetValue("L", T(lang, std::string("capacity_") + c));
        if (sp_refused && refusal->typed && refusal->typed->Get("capacity") == c) x->ShowSection("SEL");
      }
      auto* dsc = o->AddSectionDictionary("DISCUSSION");
      dsc->SetIntValue("IID", it.id);
      dsc->SetValue("SECONDS", std::to_string(it.speaking_seconds));
      if (is_refused("discussion", it.id)) {
        ShowAgendaRefusal(*refusal, refused, dsc);
        dsc->SetValue("SECONDS", refusal->typed ? refusal->typed->Get("speaking_seconds").value_or("") : "");
      }
      dsc->SetIntValue("MIN", kMinSpeakingSeconds);
      dsc->SetIntValue("MAX", kMaxSpeakingSeconds);
      dsc->ShowSection(it.under_discussion ? "ACTIVE" : "IDLE");
    }
    if (it.floor_speaker_id) floor_running = true;
    int n = 0;
    // Untranslated paragraphs are marked once, at the head of the item's record.
    std::vector<site::Localized> picked;
    for (const auto& iv : it.interventions) picked.push_back(site::Pick(iv.summary, lang));
    for (const auto& dec : it.decisions) picked.push_back(site::Pick(dec.wording, lang));
    if (auto note = site::UntranslatedSectionNote(picked, lang); !note.empty())
      o->SetValueAndShowSection("UNOTE", note, "UNTRANSLATED_NOTE");
    std::size_t k = 0;
    // The item's paragraphs and decisions as the record forms offer them (a candidature's
    // paragraph, an action's decision): id and "3.2, Councillor, Ghana".
    std::vector<std::pair<std::int64_t, std::string>> paragraph_choices, decision_choices;
    for (const auto& iv : it.interventions) {
      auto* x = o->AddSectionDictionary("PARAS");
      x->SetValue("NUM", fmt::format("{}.{}", it.number, ++n));
      x->SetValue("WHO", Who(iv, lang));
      paragraph_choices.push_back({iv.id, Joined({fmt::format("{}.{}", it.number, n), Who(iv, lang)}, lang)});
      const auto& t = picked[k++];
      x->SetValue("TEXT_HTML", documents::LinkCitationsHtml(db, t.text, t.lang, prefix, viewer));
      site::SetParagraphLanguage(x, t);
      if (staff) {
        // Correct the text in one language (the others stay) or delete the paragraph.
        auto* e = x->AddSectionDictionary("EDIT");
        e->SetIntValue("IVID", iv.id);
        e->SetValue("ETEXT", t.fallback ? "" : t.text);
        const bool ie_refused = is_refused("edit", iv.id);
        if (ie_refused) {
          ShowAgendaRefusal(*refusal, refused, e);
          e->SetValue("ETEXT", refusal->typed ? refusal->typed->Get("summary").value_or("") : "");
        }
        // Whether the text shown for editing is a draft (site/text_states.h); a refused form
        // keeps the box as it was ticked.
        if (ie_refused) {
          if (refusal->typed && refusal->typed->Get("draft")) e->ShowSection("EDRAFT");
        } else if (!t.fallback) {
          const auto drafts = site::DraftsOf(db.Read(), "intervention", iv.id);
          auto s = drafts.find("summary");
          if (s != drafts.end() && s->second.count(t.lang)) e->ShowSection("EDRAFT");
        }
        LanguageChoices(e, lang, typed_in("edit", iv.id, "text_lang"));
      }
    }
    for (const auto& dec : it.decisions) {
      auto* x = o->AddSectionDictionary("PARAS");
      x->SetValue("NUM", fmt::format("{}.{}", it.number, ++n));
      x->SetValue("WHO", T(lang, "decision_kind_" + dec.kind));
      x->ShowSection("DECISION");
      decision_choices.push_back(
          {dec.id, Joined({fmt::format("{}.{}", it.number, n), T(lang, "decision_kind_" + dec.kind)}, lang)});
      const auto& t = picked[k++];
      x->SetValue("TEXT_HTML", documents::LinkCitationsHtml(db, t.text, t.lang, prefix, viewer));
      site::SetParagraphLanguage(x, t);
    }
    if (!it.candidatures.empty()) {
      auto* h = o->AddSectionDictionary("HAS_CANDIDATURES");
      for (const auto& c : it.candidatures) {
        auto* x = h->AddSectionDictionary("CANDIDATURES");
        x->SetValue("POST", T(lang, "post_" + c.post));
        x->SetValue("CANDIDATE", c.post == "council_member" ? text::CountryName(c.member_state, lang)
                                                            : c.candidate);
        x->SetValue("COUNTRY", text::CountryName(c.member_state, lang));
        x->SetValue("ELECTION", c.election);
      }
    }
    if (!it.actions.empty()) {
      auto* h = o->AddSectionDictionary("HAS_ACTIONS");
      for (const auto& a : it.actions) ActionRow(h->AddSectionDictionary("ACTIONS"), a, lang);
    }
    if (staff) {
      auto* f = o->AddSectionDictionary("RECORD_FORMS");
      // Each form's language: the reader's, or the one chosen in the refused form.
      for (auto [form, section] : {std::pair{"intervention", "LANGS_IV"}, {"decision", "LANGS_DE"},
                                   {"action", "LANGS_AC"}})
        LanguageChoices(f, lang, typed_in(form, it.id, "text_lang"), section);
      for (const char* form : {"intervention", "decision", "candidature", "action"})
        if (is_refused(form, it.id)) ShowAgendaRefusal(*refusal, refused, f);
      // A paragraph of the item (a candidature announced in it) and a decision of the item (an
      // action approved by it), the refused form's choice kept.
      auto choices = [&](const char* section, const char* form, const char* field,
                         const std::vector<std::pair<std::int64_t, std::string>>& list) {
        const std::string typed = is_refused(form, it.id) && refusal->typed
                                      ? refusal->typed->Get(field).value_or("") : "";
        for (const auto& [choice, label] : list) {
          auto* x = f->AddSectionDictionary(section);
          x->SetIntValue("K", choice);
          x->SetValue("L", label);
          if (typed == std::to_string(choice)) x->ShowSection("SEL");
        }
      };
      choices("PARAGRAPHS", "candidature", "intervention_id", paragraph_choices);
      choices("DECISIONS", "action", "decision_id", decision_choices);
      // The options of each select, the refused form's choice selected again.
      auto options = [&](const char* section, const auto& keys, const char* label_prefix,
                         const char* form, const char* field) {
        const std::string typed = typed_in(form, it.id, field);
        for (const char* k : keys) {
          auto* x = f->AddSectionDictionary(section);
          x->SetValue("K", k);
          x->SetValue("L", T(lang, std::string(label_prefix) + k));
          if (typed == k) x->ShowSection("SEL");
        }
      };
      static constexpr const char* kParagraphKinds[] = {"intervention", "statement"};
      options("IV_KINDS", kParagraphKinds, "proc_kind_", "intervention", "kind");
      options("CAPS", kCapacities, "capacity_", "intervention", "capacity");
      options("BUREAUX", kBureaux, "bureau_", "intervention", "bureau");
      options("KINDS", kDecisionKinds, "decision_kind_", "decision", "kind");
      options("RECIPIENTS", kRecipients, "recipient_", "decision", "forwarded_to");
      options("POSTS", kPosts, "post_", "candidature", "post");
      options("ACTION_KINDS", kActionKinds, "action_kind_", "action", "kind");
    }
  }
  // The agenda and its speakers as the public sees them change only with the database, unless
  // a speaker's clock runs.
  if (!refusal && !floor_running) page.CacheForAnonymous();
  return page.Render(status);
}

http::Response RecordPage(storage::Database& db, const Request& req, const std::string& meeting) {
  const std::string& lang = req.lang;
  auto viewer = site::CurrentSession(db, req);
  auto p = Get(db, meeting, viewer);
  if (!p.ok()) return site::ErrorResponse(db, req, p.error());
  // Once issued, the page shows the issued text (the snapshot), as its downloads do; staff may
  // ask for the live draft (live=1), e.g. to approve a correction.
  const auto life = documents::LifecycleOf(db, RecordSource(p->meeting.id));
  const std::string path = fmt::format("/meetings/{}/record", p->meeting.id);
  const bool live = documents::WantsLiveDraft(req, viewer);
  if (life.latest && !live)
    return documents::IssuedPage(
        db, req, viewer, life,
        {{"/meetings/" + std::to_string(p->meeting.id), T(lang, "nav_meetings")},
         {"/meetings/" + std::to_string(p->meeting.id) + "/agenda", T(lang, "proc_title")}},
        path, "");
  SummaryRecord r = BuildRecord(*p, lang);
  site::Page page(db, req, "record.tpl", r.title);
  auto& d = page.body();
  documents::FillLifecycle(db, d, life, req, viewer && accounts::IsStaff(viewer->user.role), path,
                           "");
  if (life.latest) {
    d.ShowSection("LIVE_NOTE");
    site::SetSentence(&d, "LIVE_NOTE_TEXT",
                      T(lang, "doc_live_note", {{"symbol", life.latest->symbol}}), lang);
  }
  d.SetIntValue("MID", p->meeting.id);
  d.SetValue("DL_LANG", lang);  // the downloads (record_out.h) in the page's language
  site::SetSentence(&d, "TITLE", r.title, lang);
  d.SetValue("DATE", r.date);
  if (!r.symbol.empty()) d.SetValueAndShowSection("SYMBOL", r.symbol, "HAS_SYMBOL");
  if (r.items.empty()) d.ShowSection("NO_ITEMS");
  std::string prefix = site::Prefix(req);
  for (const auto& it : r.items) {
    auto* o = d.AddSectionDictionary("ITEMS");
    o->SetValue("NUMBER", it.number);
    site::SetText(o, "HEADING", {it.heading, it.heading_lang, it.heading_fallback}, lang,
                  [&](const site::Localized& l) {
                    return documents::LinkCitationsHtml(db, l.text, l.lang, prefix, viewer);
                  });
    // Untranslated paragraphs are marked once, at the head of the item's paragraphs.
    std::vector<site::Localized> picked;
    for (const auto& para : it.paragraphs) picked.push_back({para.text, para.lang, para.fallback});
    if (auto note = site::UntranslatedSectionNote(picked, lang); !note.empty())
      o->SetValueAndShowSection("UNOTE", note, "UNTRANSLATED_NOTE");
    for (std::size_t i = 0; i < it.paragraphs.size(); ++i) {
      auto* x = o->AddSectionDictionary("PARAS");
      x->SetValue("NUM", it.paragraphs[i].number);
      x->SetValue("TEXT_HTML",
                  documents::LinkCitationsHtml(db, it.paragraphs[i].text, it.paragraphs[i].lang, prefix, viewer));
      site::SetParagraphLanguage(x, picked[i]);
    }
  }
  // A signature only for a signatory on record: no empty "The Chair:" line.
  if (!r.secretary_general.empty() || !r.chair.empty()) {
    auto* sig = d.AddSectionDictionary("SIGNED");
    if (!r.secretary_general.empty())
      site::SetLocalized(sig->AddSectionDictionary("SG_CELL"), "SG",
                         p->signatories.secretary_general, lang);
    if (!r.chair.empty())
      site::SetLocalized(sig->AddSectionDictionary("CHAIR_CELL"), "CHAIR", p->signatories.chair,
                         lang);
  }
  page.CacheForAnonymous();
  return page.Render();
}

http::Response ActionsPage(storage::Database& db, const Request& req) {
  const std::string& lang = req.lang;
  site::Page page(db, req, "actions.tpl", T(lang, "actions_title"));
  auto& d = page.body();
  ActionQuery q;
  q.status = req.query.Get("status");
  auto list = ListActions(db, q, site::CurrentSession(db, req));
  for (const char* s : {"", "open", "done", "dropped"}) {
    auto* o = d.AddSectionDictionary("STATUSES");
    o->SetValue("K", s);
    o->SetValue("L", *s ? T(lang, std::string("action_status_") + s) : T(lang, "actions_all"));
    if (q.status.value_or("") == s) o->ShowSection("SEL");
  }
  if (!list.ok()) {
    d.SetValueAndShowSection("MESSAGE", site::RefusalText(list.error(), req.lang), "ERROR");
    return page.Render(400);
  }
  if (list->empty()) d.ShowSection("NONE");
  for (const auto& a : *list) ActionRow(d.AddSectionDictionary("ACTIONS"), a, lang);
  return page.Render();
}

// An action's page; `refused` (or null) the event form's refusal, shown in its summary and
// next to its field, with what was `typed` kept.
http::Response ActionPage(storage::Database& db, const Request& req,
                          const Error* refused = nullptr, const http::Form* typed = nullptr,
                          int status = 200) {
  const std::string& lang = req.lang;
  auto id = site::ParseId(req.params[0]);
  if (!id) return site::ErrorResponse(db, req, NotFound("action: no such action"));
  auto viewer = site::CurrentSession(db, req);
  auto a = GetAction(db, *id, viewer);
  if (!a.ok()) return site::ErrorResponse(db, req, a.error());
  site::Page page(db, req, "action.tpl", T(lang, "action_title", {{"number", a->number}}));
  auto& d = page.body();
  ActionRow(&d, *a, lang);
  d.SetValue("KIND_LABEL", T(lang, "action_kind_" + a->kind));
  if (a->agenda_item_id) d.ShowSection("HAS_ITEM");
  if (page.session() && accounts::IsStaff(page.session()->user.role)) {
    // The secretariat records what became of the action: where it was reported, what
    // fulfilled it.
    auto* f = d.AddSectionDictionary("EVENT_FORM");
    if (refused) {
      // The input of the refused field and the label the form shows for it.
      static const std::pair<const char*, std::pair<const char*, const char*>> kInputs[] = {
          {"status", {"ev-status", "actions_status"}},
          {"meeting", {"ev-meeting", "actions_event_meeting"}},
          {"document", {"ev-document", "actions_event_document"}},
          {"note", {"ev-note", "actions_event_note"}}};
      std::string input, label;
      const std::string base = refused->field.substr(0, refused->field.find('.'));
      for (const auto& [field, to] : kInputs)
        if (base == field) input = to.first, label = T(lang, to.second);
      site::FormErrors errors(lang);
      errors.Add(*refused, input, label);
      errors.Fill(f);
    }
    auto kept = [&](const char* k, const std::string& fallback) {
      return typed ? typed->Get(k).value_or(fallback) : fallback;
    };
    f->SetValue("V_DOCUMENT", kept("document", ""));
    f->SetValue("V_NOTE", kept("note", ""));
    LanguageChoices(f, typed ? kept("text_lang", lang) : lang);
    for (const char* k : kActionStatuses) {
      auto* x = f->AddSectionDictionary("STATUSES");
      x->SetValue("K", k);
      x->SetValue("L", T(lang, std::string("action_status_") + k));
      if (kept("status", a->status) == k) x->ShowSection("SEL");
    }
    for (const auto& m : meetings::ListMeetings(db, std::nullopt)) {
      auto* x = f->AddSectionDictionary("MEETINGS");
      x->SetIntValue("K", m.id);
      x->SetValue("L", meetings::Label(m, lang));
      if (kept("meeting", "") == std::to_string(m.id)) x->ShowSection("SEL");
    }
  }
  for (const auto& e : a->events) {
    auto* o = d.AddSectionDictionary("EVENTS");
    site::SetSentence(o, "WHEN", text::FormatDateTime(e.at, "UTC", lang), lang);
    o->SetValue("STATUS_LABEL", T(lang, "action_status_" + e.status));
    if (e.meeting) {
      auto* m = o->AddSectionDictionary("MEETING");
      m->SetIntValue("EMID", e.meeting->id);
      site::SetSentence(m, "ELABEL", meetings::Label(*e.meeting, lang), lang);
    }
    if (e.document) {
      auto* x = o->AddSectionDictionary("DOCUMENT");
      x->SetIntValue("DID", e.document->id);
      x->SetValue("SYMBOL", e.document->symbol);
    }
    if (!site::Pick(e.note, lang).text.empty())
      site::SetLocalized(o->AddSectionDictionary("NOTE"), "NOTE", e.note, lang,
                         [&](const site::Localized& l) {
                           return documents::LinkCitationsHtml(db, l.text, l.lang,
                                                               site::Prefix(req), viewer);
                         });
  }
  return page.Render(status);
}

// Where an agenda item is: its meeting and number (the forms' answers lead back to it).
struct Place {
  std::int64_t meeting = 0;
  std::string number;
};
std::optional<Place> ItemPlace(storage::Database& db, std::int64_t item) {
  storage::Stmt s(db.Read(), "SELECT meeting_id, number FROM agenda_items WHERE id = ?");
  s.BindAll(item);
  if (!s.Step()) return std::nullopt;
  return Place{s.Int(0), s.Text(1)};
}

// The answer to a form of the agenda page: the page again with the refusal (`form` on item or
// paragraph `id`, with what was `typed`; see AgendaRefusal), or back to the item.
http::Response AfterForm(storage::Database& db, const Request& req, const Place& at,
                         const Status& result, const std::string& form = "",
                         std::int64_t id = 0, const http::Form* typed = nullptr) {
  if (!result.ok()) {
    AgendaRefusal refused{form, id, &result.error(), typed};
    return AgendaPage(db, req, std::to_string(at.meeting), http::StatusFor(result.error().code),
                      &refused);
  }
  return http::Redirect(
      fmt::format("{}/meetings/{}/agenda#item-{}", site::Prefix(req), at.meeting, at.number));
}

// The page forms of the list of speakers; errors re-render the agenda. The secretariat or the
// chair runs the list; a delegate asks for the floor for themselves and withdraws that request.
http::Response SpeakerForm(storage::Database& db, Request& req, bool add) {
  auto in = site::ReadInput(req);
  auto g = site::RequireSignedIn(db, req, in.ok(), in.ok() ? in->fields.Get("csrf").value_or("") : "");
  if (g.refusal) return *g.refusal;
  const bool runs = MayRunSpeakers(g.session);
  if (!runs && g.session->user.role != "delegate")
    return site::ErrorResponse(db, req, {Code::kPermissionDenied,
                                         "only the secretariat or the chair runs the list of "
                                         "speakers", {}});
  if (!in.ok()) return site::ErrorResponse(db, req, in.error());
  auto id = site::ParseId(req.params[0]);
  if (!id) return site::ErrorResponse(db, req, NotFound("no such agenda item or speaker"));
  auto& f = in->fields;
  std::optional<std::int64_t> item =
      add ? id : db.Read().QueryInt("SELECT agenda_item_id FROM speakers WHERE id = ?", *id);
  auto at = item ? ItemPlace(db, *item) : std::nullopt;
  if (!at) return site::ErrorResponse(db, req, NotFound("no such agenda item or speaker"));
  Status result = Ok{};
  std::string op = f.Get("op").value_or("");
  const auto& user = g.session->user;
  if (add) {
    SpeakerInput s{site::Trim(f.Get("name").value_or("")), f.Get("capacity").value_or(""),
                   site::Trim(f.Get("member_state").value_or(""))};
    // A delegate asks for the floor for themselves, as their Member State's councillor.
    if (!runs) s = {user.name, "councillor", user.member_state.value_or(""), true, user.id};
    if (auto r = AddSpeaker(db, user.id, *id, s); !r.ok())
      return AfterForm(db, req, *at, r.error(), runs ? "speaker" : "", *id, &f);
  } else if (runs && (op == "up" || op == "down")) {
    result = MoveSpeaker(db, user.id, *id, op == "up" ? -1 : 1);
  } else if (auto r = SetSpeakerStatus(db, user.id, *id, op, !runs); !r.ok()) {
    result = r.error();
  }
  return AfterForm(db, req, *at, result);
}

// The secretariat or the chair marks the item under discussion (or ends it) and sets its
// speaking time.
http::Response DiscussionForm(storage::Database& db, Request& req) {
  auto in = site::ReadInput(req);
  auto g = site::RequireSignedIn(db, req, in.ok(), in.ok() ? in->fields.Get("csrf").value_or("") : "");
  if (g.refusal) return *g.refusal;
  if (!MayRunSpeakers(g.session))
    return site::ErrorResponse(db, req, {Code::kPermissionDenied,
                                         "only the secretariat or the chair runs the list of "
                                         "speakers", {}});
  if (!in.ok()) return site::ErrorResponse(db, req, in.error());
  auto id = site::ParseId(req.params[0]);
  auto at = id ? ItemPlace(db, *id) : std::nullopt;
  if (!at) return site::ErrorResponse(db, req, NotFound("no such agenda item"));
  auto& f = in->fields;
  std::optional<int> seconds;
  std::string typed = site::Trim(f.Get("speaking_seconds").value_or(""));
  if (!typed.empty()) {
    auto n = ParseIntField("speaking_seconds", typed, kMinSpeakingSeconds, kMaxSpeakingSeconds);
    if (!n.ok()) return AfterForm(db, req, *at, n.error(), "discussion", *id, &f);
    seconds = static_cast<int>(*n);
  }
  return AfterForm(db, req, *at,
                   SetDiscussion(db, g.session->user.id, *id, f.Get("op").value_or("") != "end",
                                 seconds),
                   "discussion", *id, &f);
}

// A text typed in a form, in the language its "text_lang" says: {"<lang>": text}, or null when
// empty.
json::value Typed(const http::Form& f, const char* field) {
  std::string text = site::Trim(f.Get(field).value_or(""));
  if (text.empty()) return nullptr;
  std::string lang = f.Get("text_lang").value_or("en");
  return json::object{{lang, text}};
}

// The id a form's select `field` names, or none for its empty choice; 400 naming the field for
// anything but an id.
Status OptionalId(const http::Form& f, const char* field, std::optional<std::int64_t>& out) {
  const std::string typed = site::Trim(f.Get(field).value_or(""));
  if (typed.empty()) return Ok{};
  auto n = ParseIntField(field, typed, 1, std::numeric_limits<std::int64_t>::max());
  if (!n.ok()) return n.error();
  out = *n;
  return Ok{};
}

// The secretariat's forms for the record: an item on a meeting, a paragraph or a decision on
// an item. They call the same use cases as the API; errors re-render the agenda with the reason.
http::Response RecordForm(storage::Database& db, Request& req, const std::string& what) {
  auto post = site::ReadPost(db, req);
  if (auto* refusal = std::get_if<http::Response>(&post)) return *refusal;
  const auto& [in, session] = std::get<site::Post>(post);
  const auto& f = in.fields;
  std::int64_t user = session.user.id;
  auto id = site::ParseId(req.params[0]);  // the meeting's for a new item, else the item's
  if (!id) return site::ErrorResponse(db, req, NotFound("no such meeting or agenda item"));
  if (what == "item") {
    ItemInput x;
    x.number = site::Trim(f.Get("number").value_or(""));
    x.title = Typed(f, "title");
    site::TypedState(f, "title", "title", f.Get("text_lang").value_or("en"), x.states);
    std::string docs = f.Get("documents").value_or("");
    for (auto& c : docs) if (c == ',' || c == ';' || c == '\n' || c == '\r') c = ' ';
    std::istringstream words(docs);
    for (std::string w; words >> w;) x.documents.push_back(w);
    auto r = CreateItem(db, user, req.params[0], x);
    if (!r.ok()) {
      AgendaRefusal refused{"item", 0, &r.error(), &f};
      return AgendaPage(db, req, std::to_string(*id), http::StatusFor(r.error().code), &refused);
    }
    return AfterForm(db, req, {*id, r->number}, Ok{});
  }
  auto at = ItemPlace(db, *id);
  if (!at) return site::ErrorResponse(db, req, NotFound("agenda item: no such agenda item"));
  Status result = Ok{};
  if (what == "intervention") {
    InterventionInput x;
    x.kind = f.Get("kind").value_or("intervention");
    x.capacity = f.Get("capacity").value_or("");
    x.bureau = f.Get("bureau").value_or("");
    x.member_state = site::Trim(f.Get("member_state").value_or(""));
    x.speaker = Typed(f, "speaker");
    x.anonymous = x.speaker.is_null();
    x.summary = Typed(f, "summary");
    site::TypedState(f, "summary", "summary", f.Get("text_lang").value_or("en"), x.states);
    if (auto r = AddIntervention(db, user, *id, x); !r.ok()) result = r.error();
  } else if (what == "candidature") {
    CandidatureInput x;
    x.post = f.Get("post").value_or("");
    x.election = site::Trim(f.Get("election").value_or(""));
    x.candidate = site::Trim(f.Get("candidate").value_or(""));
    x.member_state = site::Trim(f.Get("member_state").value_or(""));
    if (auto chosen = OptionalId(f, "intervention_id", x.intervention_id); !chosen.ok())
      result = chosen.error();
    else if (auto r = AddCandidature(db, user, *id, x); !r.ok())
      result = r.error();
  } else if (what == "action") {
    // An action approved under this item, at the item's meeting.
    ActionInput x;
    x.number = site::Trim(f.Get("number").value_or(""));
    x.kind = f.Get("kind").value_or("other");
    x.owner = Typed(f, "owner");
    x.text = Typed(f, "text");
    x.due = Typed(f, "due");
    x.agenda_item_id = *id;
    site::TypedState(f, "text", "text", f.Get("text_lang").value_or("en"), x.states);
    if (auto chosen = OptionalId(f, "decision_id", x.decision_id); !chosen.ok())
      result = chosen.error();
    else if (auto r = CreateAction(db, user, std::to_string(at->meeting), x); !r.ok())
      result = r.error();
  } else {
    DecisionInput x;
    x.kind = f.Get("kind").value_or("");
    x.forwarded_to = f.Get("forwarded_to").value_or("");
    x.accompanied_by = Typed(f, "accompanied_by");
    x.report_back = Typed(f, "report_back");
    x.wording = Typed(f, "wording");
    site::TypedState(f, "wording", "wording", f.Get("text_lang").value_or("en"), x.states);
    if (auto r = AddDecision(db, user, *id, x); !r.ok()) result = r.error();
  }
  return AfterForm(db, req, *at, result, what, *id, &f);
}

// The secretariat's form on an action's page: the same use case as
// POST /api/v1/actions/{id}/events; a refusal shows the page again with the reason.
http::Response EventForm(storage::Database& db, Request& req) {
  auto post = site::ReadPost(db, req);
  if (auto* refusal = std::get_if<http::Response>(&post)) return *refusal;
  const auto& [in, session] = std::get<site::Post>(post);
  auto id = site::ParseId(req.params[0]);
  if (!id) return site::ErrorResponse(db, req, NotFound("action: no such action"));
  const auto& f = in.fields;
  ActionEventInput x;
  x.status = f.Get("status").value_or("");
  if (auto m = f.Get("meeting"); m && !m->empty()) x.meeting = *m;
  if (auto d = site::Trim(f.Get("document").value_or("")); !d.empty()) x.document = d;
  x.note = Typed(f, "note");
  auto a = RecordActionEvent(db, session.user.id, *id, x);
  // An unknown action answers 404 from the page itself.
  if (!a.ok())
    return ActionPage(db, req, &a.error(), &f, http::StatusFor(a.error().code));
  return http::Redirect(fmt::format("{}/actions/{}", site::Prefix(req), *id));
}

// The summary record's signatories (same use case as PUT /api/v1/meetings/{id}/record); a
// refusal shows the agenda again with the reason.
http::Response SignatoriesForm(storage::Database& db, Request& req) {
  auto post = site::ReadPost(db, req);
  if (auto* refusal = std::get_if<http::Response>(&post)) return *refusal;
  const auto& [in, session] = std::get<site::Post>(post);
  auto id = site::ParseId(req.params[0]);
  if (!id) return site::ErrorResponse(db, req, NotFound("meeting: no such meeting"));
  const auto& f = in.fields;
  SignatoriesInput x;
  x.secretary_general = site::TwoLanguages(f, "secretary_general");
  x.chair = site::TwoLanguages(f, "chair");
  x.document = site::Trim(f.Get("document").value_or(""));
  auto s = SetSignatories(db, session.user.id, std::to_string(*id), x);
  if (!s.ok()) {
    if (s.error().code == Code::kNotFound) return site::ErrorResponse(db, req, s.error());
    AgendaRefusal refused{"signatories", 0, &s.error(), &f};
    return AgendaPage(db, req, std::to_string(*id), http::StatusFor(s.error().code), &refused);
  }
  return http::Redirect(fmt::format("{}/meetings/{}/record", site::Prefix(req), *id));
}

// The paragraph's text in every language, with `text` in `text_lang` (empty: that language
// removed).
json::value Merged(const json::value& current, const std::string& text_lang,
                   const std::string& text) {
  json::object o = current.is_object() ? current.as_object() : json::object{};
  if (text.empty()) o.erase(text_lang); else o[text_lang] = text;
  return o;
}

// Correcting or deleting a paragraph of the record (same use cases as PATCH and DELETE
// /api/v1/interventions/{id}). Deleting asks first: the first post shows what will go, only
// the post with confirm=yes deletes.
http::Response InterventionForm(storage::Database& db, Request& req, bool remove) {
  auto post = site::ReadPost(db, req);
  if (auto* refusal = std::get_if<http::Response>(&post)) return *refusal;
  const auto& [in, session] = std::get<site::Post>(post);
  const auto& f = in.fields;
  auto id = site::ParseId(req.params[0]);
  auto item = id ? InterventionItem(db, *id) : std::nullopt;
  auto at = item ? ItemPlace(db, *item) : std::nullopt;
  if (!at) return site::ErrorResponse(db, req, NotFound("intervention: no such paragraph"));
  auto it = GetItem(db, *item, session);
  if (!it.ok()) return site::ErrorResponse(db, req, it.error());
  const Intervention* iv = nullptr;
  int number = 0;
  for (const auto& x : it->interventions) {
    ++number;
    if (x.id == *id) { iv = &x; break; }
  }
  if (!iv) return site::ErrorResponse(db, req, NotFound("intervention: no such paragraph"));
  if (!remove) {
    std::string text_lang = f.Get("text_lang").value_or(req.lang);
    if (!text::IsLanguage(text_lang))
      return AfterForm(db, req, *at,
                       InvalidArgument("text_lang", "text_lang: must be one of ar, zh, en, fr, ru, es"),
                       "edit", *id, &f);
    // The language typed is a draft when its box is ticked, else final (site/text_states.h).
    const std::string typed = site::Trim(f.Get("summary").value_or(""));
    site::AskedStates states;
    site::TypedState(f, "summary", "summary", text_lang, states);
    auto r = EditIntervention(db, session.user.id, *id, Merged(iv->summary, text_lang, typed),
                              states);
    return AfterForm(db, req, *at, r.ok() ? Status(Ok{}) : Status(r.error()), "edit", *id, &f);
  }
  if (f.Get("confirm").value_or("") != "yes") {
    const std::string& lang = req.lang;
    std::string paragraph = fmt::format("{}.{}", at->number, number);
    site::Page page(db, req, "admin_confirm_delete.tpl", T(lang, "confirm_delete_paragraph_heading"));
    auto& d = page.body();
    d.SetValue("HEADING", T(lang, "confirm_delete_paragraph_heading"));
    site::SetSentence(&d, "WHAT", T(lang, "confirm_delete_paragraph_what", {{"number", paragraph}}), lang);
    site::SetLocalized(&d, "QUOTE", iv->summary, lang);
    d.SetValue("ACTION", fmt::format("/interventions/{}/delete", *id));
    d.SetValue("BACK", fmt::format("/meetings/{}/agenda#item-{}", at->meeting, at->number));
    d.SetValue("CONFIRM_LABEL", T(lang, "confirm_delete_paragraph_button"));
    return page.Render();
  }
  return AfterForm(db, req, *at, DeleteIntervention(db, session.user.id, *id));
}

}  // namespace

void RegisterPages(http::Router& router, storage::Database& db) {
  router.Add("GET", "/meetings/{id}/agenda",
             [&db](Request& req) { return AgendaPage(db, req, req.params[0]); });
  router.Add("GET", "/meetings/{id}/record",
             [&db](Request& req) { return RecordPage(db, req, req.params[0]); });
  router.Add("GET", "/actions", [&db](Request& req) { return ActionsPage(db, req); });
  router.Add("GET", "/actions/{id}", [&db](Request& req) { return ActionPage(db, req); });
  router.Add("POST", "/agenda-items/{id}/speakers",
             [&db](Request& req) { return SpeakerForm(db, req, true); });
  router.Add("POST", "/speakers/{id}", [&db](Request& req) { return SpeakerForm(db, req, false); });
  router.Add("POST", "/agenda-items/{id}/discussion",
             [&db](Request& req) { return DiscussionForm(db, req); });
  router.Add("POST", "/meetings/{id}/agenda",
             [&db](Request& req) { return RecordForm(db, req, "item"); });
  router.Add("POST", "/agenda-items/{id}/interventions",
             [&db](Request& req) { return RecordForm(db, req, "intervention"); });
  router.Add("POST", "/agenda-items/{id}/decisions",
             [&db](Request& req) { return RecordForm(db, req, "decision"); });
  router.Add("POST", "/agenda-items/{id}/candidatures",
             [&db](Request& req) { return RecordForm(db, req, "candidature"); });
  router.Add("POST", "/agenda-items/{id}/actions",
             [&db](Request& req) { return RecordForm(db, req, "action"); });
  router.Add("POST", "/actions/{id}/events", [&db](Request& req) { return EventForm(db, req); });
  router.Add("POST", "/meetings/{id}/record", [&db](Request& req) { return SignatoriesForm(db, req); });
  router.Add("POST", "/interventions/{id}/edit",
             [&db](Request& req) { return InterventionForm(db, req, false); });
  router.Add("POST", "/interventions/{id}/delete",
             [&db](Request& req) { return InterventionForm(db, req, true); });
}

}  // namespace plenary::proceedings
