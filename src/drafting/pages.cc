// Pages of negotiated texts, rendered on the server without JavaScript: the text with its square
// brackets, the clean text, the status table with the summary record's sentence, the
// compilation of proposals, the diff of two versions, and the room's screen. The text is
// shown in one of its languages (?lang=, else the reader's when the text has it, else its first),
// with that language's direction; each bracketed span is isolated (<bdi>) so that Latin words in
// Arabic text, or Arabic in a left-to-right page, keep their order and the brackets mirror as
// the paragraph's direction requires, and each Latin run of Arabic text (GCA) stands in its own
// <bdi class="sym"> (site::TextHtml).
#include <algorithm>
#include <cctype>
#include <tuple>

#include <fmt/format.h>

#include "documents/generated.h"
#include "drafting/text_out.h"
#include "drafting/web.h"
#include "site/fields.h"
#include "site/site.h"
#include "site/text_html.h"
#include "site/text_states.h"
#include "text/countries.h"
#include "text/messages.h"

namespace plenary::drafting {

namespace json = boost::json;
using ctemplate::TemplateDictionary;
using http::Request;
using text::T;

namespace {

std::string BodyOf(const Provision& p, const std::string& lang) {
  if (!p.body.is_object()) return {};
  auto* v = p.body.as_object().if_contains(lang);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

// The provision's text in `lang` as HTML, each open bracket as
// <span class="bracket">[<bdi>…</bdi>]</span>, nested as the brackets nest.
std::string BracketedHtml(const Provision& p, const std::string& lang) {
  std::string body = BodyOf(p, lang);
  std::vector<std::tuple<std::int64_t, int, std::int64_t>> marks;  // offset, open?, tie-break
  for (const auto& b : p.brackets) {
    if (b.lang != lang || b.state != "open") continue;
    marks.emplace_back(b.start, 1, -b.end);
    marks.emplace_back(b.end, 0, -b.start);
  }
  std::sort(marks.begin(), marks.end());
  std::string out;
  std::size_t byte = 0;
  for (const auto& [off, open, _] : marks) {
    std::size_t to = ByteOffset(body, off);
    out += site::TextHtml(std::string_view(body).substr(byte, to - byte), lang);
    byte = to;
    out += open ? "<span class=\"bracket\">[<bdi>" : "</bdi>]</span>";
  }
  out += site::TextHtml(std::string_view(body).substr(byte), lang);
  return out;
}

// A provision's diff in `lang` (DiffTexts) as HTML: insertions in <ins>, deletions in <del>.
std::string SegmentsHtml(const boost::json::object& provision, const std::string& lang) {
  std::string html;
  std::string previous;  // the op and text of the segment before
  std::string previous_text;
  if (auto* segs = provision.at("texts").as_object().if_contains(lang))
    for (const auto& sv : segs->as_array()) {
      std::string op(sv.at("op").as_string());
      std::string raw(sv.at("text").as_string());
      // A deletion and the insertion after it are set apart by a space: their words would
      // otherwise run together ("yearsafter"), and Arabic letters join across them. Chinese
      // and Japanese are written without spaces.
      if (previous == "delete" && op == "insert" && lang != "zh" && lang != "ja" &&
          !raw.empty() && raw.front() != ' ' && !previous_text.empty() &&
          previous_text.back() != ' ')
        html += ' ';
      std::string words = site::TextHtml(raw, lang);
      html += op == "equal" ? words : op == "insert" ? "<ins>" + words + "</ins>"
                                                     : "<del>" + words + "</del>";
      previous = op;
      previous_text = raw;
    }
  return html;
}

std::string Countries(const std::vector<std::string>& codes, const std::string& lang) {
  std::vector<std::string> names;
  for (const auto& c : codes) names.push_back(text::CountryName(c, lang));
  return text::FormatList(names, lang);
}

std::string ContentLang(const Text& t, const Request& req) {
  auto has = [&](const std::string& l) {
    return std::find(t.languages.begin(), t.languages.end(), l) != t.languages.end();
  };
  if (auto l = req.query.Get("lang"); l && has(*l)) return *l;
  if (has(req.lang)) return req.lang;
  return t.languages.empty() ? req.lang : t.languages.front();
}

// `s` in right-to-left text isolated (FSI … PDI), so that its own order holds ("2.b, 6.c").
std::string Isolated(const std::string& s, const std::string& lang) {
  return std::string_view(text::Direction(lang)) == "rtl" ? "\u2068" + s + "\u2069" : s;
}

// A NOTE section in `o` for each open bracket of `p` in `clang`: its words, who proposed,
// supports and objects to it (names in `lang`), its alternatives and its note.
void BracketNotes(const Provision& p, const std::string& clang, const std::string& lang,
                  TemplateDictionary* o, std::int64_t resolve_version = 0) {
  std::string body = BodyOf(p, clang);
  for (const auto& b : p.brackets) {
    if (b.lang != clang || b.state != "open") continue;
    auto* n = o->AddSectionDictionary("NOTE");
    std::size_t from = ByteOffset(body, b.start);
    std::size_t until = ByteOffset(body, b.end);
    n->SetValue("WORDS", body.substr(from, until - from));
    if (!b.proposed_by.empty())
      n->SetValueAndShowSection("PROPOSED", Countries({b.proposed_by}, lang), "HAS_PROPOSED");
    if (!b.supported_by.empty())
      n->SetValueAndShowSection("SUPPORTED", Countries(b.supported_by, lang), "HAS_SUPPORTED");
    if (!b.objected_by.empty())
      n->SetValueAndShowSection("OBJECTED", Countries(b.objected_by, lang), "HAS_OBJECTED");
    for (std::size_t i = 0; i < b.alternatives.size(); ++i) {
      auto* a = n->AddSectionDictionary("ALT");
      a->SetValue("ALT_LABEL", T(lang, "drafting_alternative",
                                 {{"n", static_cast<std::int64_t>(i + 1)}}));
      a->SetValue("ALT_TEXT", b.alternatives[i]);
    }
    if (!b.note.empty()) n->SetValueAndShowSection("NOTE_TEXT", b.note, "HAS_NOTE");
    // The editors resolve it (a confirmation page follows: a resolution cannot be undone).
    if (resolve_version) {
      auto* r = n->AddSectionDictionary("RESOLVE");
      r->SetIntValue("BID", b.id);
      r->SetIntValue("RVERSION", resolve_version);
      auto option = [&](const std::string& value, const std::string& label) {
        auto* o = r->AddSectionDictionary("OUTCOME");
        o->SetValue("K", value);
        o->SetValue("L", label);
      };
      if (b.alternatives.empty()) {
        option("retain", T(lang, "drafting_outcome_retain"));
        option("delete", T(lang, "drafting_outcome_delete"));
      } else {
        for (std::size_t i = 0; i < b.alternatives.size(); ++i)
          option("alternative-" + std::to_string(i + 1),
                 T(lang, "drafting_alternative", {{"n", static_cast<std::int64_t>(i + 1)}}));
        option("delete", T(lang, "drafting_outcome_delete"));
      }
    }
  }
}

http::Response TextView(storage::Database& db, const Request& req, std::int64_t id,
                        const std::string& view, const FormState* state, int status) {
  const std::string& lang = req.lang;
  auto viewer = site::CurrentSession(db, req);
  auto t = Get(db, id, viewer);
  if (!t.ok()) return site::ErrorResponse(db, req, t.error());
  std::string clang = ContentLang(*t, req);
  auto title = site::Pick(t->title, lang);
  site::Page page(db, req, "text.tpl", title.text + " — " + t->document);
  auto& d = page.body();
  // The text as an official document (text_out.h): its status, files and, for staff, forms.
  documents::FillLifecycle(db, d, documents::LifecycleOf(db, NegotiatedTextSource(t->id)), req,
                           viewer && accounts::IsStaff(viewer->user.role),
                           "/texts/" + std::to_string(t->id) + "/document", "");
  d.SetValue("DL_LANG", text::IsLanguage(clang) ? clang : "en");
  d.SetIntValue("ID", t->id);
  d.SetIntValue("MID", t->meeting_id);
  d.SetValue("DOCUMENT", t->document);
  site::SetLocalized(&d, "TITLE", t->title, lang);
  d.SetValue("STATUS_LABEL", T(lang, "drafting_status_" + t->status));
  d.SetIntValue("VERSION", t->version);
  if (t->illustrative) d.ShowSection("ILLUSTRATIVE");
  if (t->adopted_resolution) {
    auto* r = d.AddSectionDictionary("RESOLUTION");
    r->SetValue("RES_INSTRUMENT", t->adopted_resolution->instrument);
    r->SetIntValue("RES_NUMBER", t->adopted_resolution->number);
    r->SetValue("RES_NAME", documents::ResolutionName(lang, t->adopted_resolution->instrument,
                                                      t->adopted_resolution->number));
  }
  d.SetValue("CLANG", clang);
  d.SetValue("CDIR", text::Direction(clang));
  d.SetValue("ULANG", lang);
  d.SetValue("UDIR", text::Direction(lang));
  std::string upper = view;
  for (auto& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  if (view != "diff") d.ShowSection("V_" + upper);
  if (!t->revisions.empty()) {
    auto* rs = d.AddSectionDictionary("REVISIONS");
    for (std::size_t i = 0; i < t->revisions.size(); ++i) {
      auto* r = rs->AddSectionDictionary("REV");
      r->SetValue("REV_DOC", t->revisions[i].document);
      r->SetIntValue("TO", t->revisions[i].version);
      // The first revision is compared with the text as first recorded.
      r->SetIntValue("FROM", i ? t->revisions[i - 1].version : 1);
      r->ShowSection("HAS_PREV");
    }
  }
  std::string suffix = view == "brackets" || view == "diff" ? "" : "/" + view;
  for (const auto& l : t->languages) {
    auto* o = d.AddSectionDictionary("LANGS");
    o->SetValue("CODE", l);
    o->SetValue("NAME", T(lang, "language_in_" + l));
    o->SetValue("SUFFIX", suffix);
    if (l == clang) o->ShowSection("CUR");
  }
  if (view == "compilation") {
    auto* s = d.AddSectionDictionary("COMPILATION");
    if (t->proposals.empty()) s->ShowSection("NONE");
    TemplateDictionary* ms = nullptr;
    std::string current;
    for (const auto& p : t->proposals) {
      if (!ms || current != p.member_state) {
        ms = s->AddSectionDictionary("MS");
        ms->SetValue("NAME", text::CountryName(p.member_state, lang));
        current = p.member_state;
      }
      auto* o = ms->AddSectionDictionary("PROPOSAL");
      o->SetIntValue("PID", p.provision_id);
      o->SetValue("LABEL", p.label.empty() ? "—" : p.label);
      o->SetValue("KIND", T(lang, "drafting_kind_" + p.kind));
      o->SetValue("STATE", T(lang, "drafting_state_" + p.state));
      if (!p.words.empty()) {
        o->SetValueAndShowSection("WORDS", p.words, "HAS_WORDS");
        o->SetValue("PLANG", p.lang);
        o->SetValue("PDIR", text::Direction(p.lang));
      }
      o->SetValue("JUSTIFICATION", p.justification);
      o->SetIntValue("PRID", p.id);
      bool own = viewer && viewer->user.role == "delegate" &&
                 viewer->user.member_state == p.member_state;
      if (p.state == "open" && t->status == "draft" && (own || MayEdit(viewer))) {
        auto* a = o->AddSectionDictionary("ACTIONS");
        if (MayEdit(viewer)) a->ShowSection("CAN_EDIT");
      }
    }
    return page.Render();
  }
  if (view == "diff") {
    auto diff = Diff(db, t->id, req, site::CurrentSession(db, req));
    if (!diff.ok()) return site::ErrorResponse(db, req, diff.error());
    auto* s = d.AddSectionDictionary("DIFF");
    s->SetValue("HEADING", T(lang, "drafting_diff_heading",
                             {{"from", diff->at("from").at("version").as_int64()},
                              {"to", diff->at("to").at("version").as_int64()}}));
    for (const auto& pv : diff->at("provisions").as_array()) {
      const auto& po = pv.as_object();
      auto* o = s->AddSectionDictionary("DPROV");
      std::string change(po.at("change").as_string());
      std::string label(po.at(change == "removed" ? "label_from" : "label_to").as_string());
      o->SetValue("LABEL", label);
      o->SetValue("CHANGE", T(lang, "drafting_change_" + change));
      o->SetValue("CHANGE_CLASS", change);
      o->SetValue("BODY_HTML", SegmentsHtml(po, clang));
    }
    return page.Render();
  }
  if (view == "status") {
    auto* s = d.AddSectionDictionary("STATUS");
    s->SetValue("SENTENCE", BracketsSentence(*t, clang));
    // Editors offer the sentence to the record of the agenda item (in the six languages).
    if (MayEdit(viewer) && !req.query.Get("version")) s->ShowSection("RECORD_FORM");
    const auto missing = MissingPassages(*t);
    if (!missing.empty()) s->ShowSection("HAS_MISSING");
    for (const auto& p : t->provisions) {
      auto* r = s->AddSectionDictionary("ROW");
      r->SetIntValue("PID", p.id);
      r->SetValue("LABEL", p.label);
      r->SetIntValue("OPEN", p.OpenBrackets());
      auto proponents = p.OpenBracketProponents();
      r->SetValue("PROPOSED", proponents.empty() ? "—" : Countries(proponents, lang));
      if (p.OpenBrackets() > 0) r->ShowSection("HAS_OPEN");
      // The language versions lacking the passage of one of its open brackets, each once.
      std::vector<std::string> lacking;
      for (const auto& m : missing) {
        if (m.provision != p.id) continue;
        auto name = T(lang, "language_in_" + m.lang);
        if (std::find(lacking.begin(), lacking.end(), name) == lacking.end())
          lacking.push_back(name);
      }
      if (lacking.empty()) {
        r->SetValue("LACKING", "—");
      } else {
        r->SetValue("LACKING", text::FormatList(lacking, lang));
        r->ShowSection("IS_LACKING");
      }
    }
    return page.Render();
  }
  // Forms: delegates propose (for their own Member State), editors also issue revisions, send
  // provisions to informal consultations and adopt.
  bool delegate = viewer && viewer->user.role == "delegate";
  // A refused form of the page (forms.cc, edit_forms.cc): the summary at the top, its messages
  // (sections E_<input>, seen by every form below), and what was typed in it.
  if (state && state->errors) state->errors->Fill(&d);
  auto typed = [&](const std::string& form, const char* name, const std::string& stored) {
    if (state && state->typed && state->form == form) return state->typed->Get(name).value_or("");
    return stored;
  };
  if (view == "brackets" && t->status == "draft" && (delegate || MayEdit(viewer))) {
    auto* f = d.AddSectionDictionary("PROPOSE");
    const std::string provision = typed("propose", "provision", "");
    for (const auto& p : t->provisions) {
      auto* o = f->AddSectionDictionary("OPT");
      o->SetIntValue("PID", p.id);
      o->SetValue("LABEL", p.label);
      if (provision == std::to_string(p.id)) o->ShowSection("SEL");
    }
    f->SetValue("MS", typed("propose", "member_state",
                            delegate ? viewer->user.member_state.value_or("") : ""));
    const std::string kind = typed("propose", "kind", "");
    for (const char* k : kProposalKinds) {
      auto* o = f->AddSectionDictionary("KIND");
      o->SetValue("K", k);
      o->SetValue("KLABEL", T(lang, std::string("drafting_kind_") + k));
      if (kind == k) o->ShowSection("SEL");
    }
    const std::string provision_kind = typed("propose", "provision_kind", "paragraph");
    for (const char* k : {"paragraph", "section"}) {
      auto* o = f->AddSectionDictionary("PKIND");
      o->SetValue("K", k);
      o->SetValue("KLABEL", T(lang, std::string("drafting_provision_kind_") + k));
      if (provision_kind == k) o->ShowSection("SEL");
    }
    for (const char* k : {"start", "end", "text", "justification"}) {
      std::string key = std::string("PR_") + k;
      for (auto& c : key) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      f->SetValue(key, typed("propose", k, ""));
    }
    if (MayEdit(viewer)) {
      auto* e = d.AddSectionDictionary("EDITOR");
      // The example of the labels is isolated: in right-to-left text "2.b" would read "b.2".
      e->SetValue("PROVISIONS_LABEL",
                  T(lang, "drafting_form_provisions", {{"example", Isolated("2.b, 6.c", lang)}}));
      const std::string discussed =
          typed("under-discussion", "provision",
                t->under_discussion ? std::to_string(*t->under_discussion) : "");
      for (const auto& p : t->provisions) {
        auto* o = e->AddSectionDictionary("UD");
        o->SetIntValue("PID", p.id);
        o->SetValue("LABEL", p.label);
        if (discussed == std::to_string(p.id)) o->ShowSection("SEL");
      }
      const std::string mid = std::to_string(t->meeting_id);
      e->SetValue("IN_PROV", typed("informal", "provisions", ""));
      e->SetValue("IN_FAC", typed("informal", "facilitator", ""));
      e->SetValue("IN_MS", typed("informal", "member_state", ""));
      e->SetValue("IN_MEETING", typed("informal", "report_to_meeting", mid));
      e->SetValue("IN_DEADLINE", typed("informal", "deadline", ""));
      e->SetValue("AD_MEETING", typed("adopt", "meeting", mid));
      e->SetValue("AD_DECISION", typed("adopt", "decision", ""));
      e->SetValue("AD_RESOLUTION", typed("adopt", "resolution", ""));
    }
  }
  if (view == "brackets" && !t->informal.empty()) {
    // The informal consultations and what each changed in its provisions (a diff from the
    // version they were sent at to their report back, or to now while they work).
    auto* s = d.AddSectionDictionary("INFORMAL");
    for (const auto& i : t->informal) {
      auto* o = s->AddSectionDictionary("CONS");
      std::vector<std::string> labels;
      for (auto pid : i.provisions)
        for (const auto& p : t->provisions)
          if (p.id == pid) labels.push_back(p.label);
      o->SetValue("LABELS", text::FormatList(labels, lang));
      o->SetValue("FACILITATOR", i.facilitator_name);
      o->SetValue("FMS", text::CountryName(i.member_state, lang));
      o->SetIntValue("RMID", i.report_to_meeting);
      o->SetValue("DEADLINE", i.deadline);
      o->SetIntValue("IID", i.id);
      if (i.report_agenda_item) {
        o->ShowSection("REPORTED");
      } else if (MayEdit(viewer) && t->status == "draft") {
        auto* f = o->AddSectionDictionary("REPORT_FORM");
        f->SetIntValue("IID", i.id);
        // This consultation's report refused: its messages next to its fields, what was typed.
        const std::string form = fmt::format("report-{}", i.id);
        f->SetValue("RP_ITEM", typed(form, "agenda_item", ""));
        f->SetValue("RP_TEXT", typed(form, "text", ""));
        if (state && state->errors && state->form == form)
          for (auto [input, section] : {std::pair{"rp-item-", "E_RP_ITEM"}, {"rp-text-", "E_RP_TEXT"}})
            if (auto m = state->errors->MessageFor(input + std::to_string(i.id)))
              f->AddSectionDictionary(section)->SetValue("E_MSG", *m);
      }
      auto changes = InformalChanges(db, *t, i, viewer);
      if (!changes.ok()) return site::ErrorResponse(db, req, changes.error());
      TemplateDictionary* changed = nullptr;  // the diff's block, only when there is one
      for (const auto& pv : *changes) {
        const auto& po = pv.as_object();
        std::string change(po.at("change").as_string());
        if (change == "same") continue;
        if (!changed) changed = o->AddSectionDictionary("CHANGED");
        auto* c = changed->AddSectionDictionary("CHANGE");
        c->SetValue("LABEL", std::string(po.at(change == "removed" ? "label_from" : "label_to")
                                             .as_string()));
        c->SetValue("CHANGE", T(lang, "drafting_change_" + change));
        c->SetValue("BODY_HTML", SegmentsHtml(po, clang));
      }
      if (!changed) o->ShowSection("UNCHANGED");
    }
  }
  // The editors' forms on the text with brackets (edit_forms.cc posts them).
  const bool editing = view == "brackets" && t->status == "draft" && MayEdit(viewer);
  auto* tx = d.AddSectionDictionary("TEXT");
  const auto drafts = editing ? site::AllDrafts(db.Read(), "provision")
                              : std::map<std::int64_t, site::Drafts>();
  for (const auto& p : t->provisions) {
    auto* o = tx->AddSectionDictionary("PROV");
    if (editing)
      AddProvisionForms(*t, p, lang, o, state, site::DraftLanguages(drafts, p.id, "text"));
    o->SetIntValue("PID", p.id);
    o->SetValue("LABEL", p.label);
    if (t->under_discussion && *t->under_discussion == p.id && view == "brackets")
      o->ShowSection("DISCUSSED");
    o->ShowSection(p.kind == "section" ? "IS_SECTION" : "IS_PARAGRAPH");
    std::string html = view == "clean" ? site::TextHtml(BodyOf(p, clang), clang)
                                       : BracketedHtml(p, clang);
    if (html.empty()) {
      o->ShowSection("MISSING");
      continue;
    }
    o->SetValue("BODY_HTML", html);
    if (view == "brackets") {
      BracketNotes(p, clang, lang, o, editing ? t->version : 0);
      AddPassageForms(*t, p, clang, lang, o, state, editing);
    }
  }
  if (editing) {
    AddEditForms(*t, clang, lang, d, state);
    d.ShowSection("TITLE_FORM");  // the title in the six languages (texts.h)
  }
  return page.Render(status);
}

http::Response TextPage(storage::Database& db, const Request& req, const std::string& view) {
  auto id = site::ParseId(req.params[0]);
  if (!id) return site::ErrorResponse(db, req, NotFound("text: no such text"));
  return TextView(db, req, *id, view, nullptr, 200);
}

// The room's screen: the provision under discussion (OnScreen) in large type, its open brackets
// marked, and for each who proposed, supports and objects to it and its alternatives; then the
// summary record's sentence on the brackets left. screen.js replaces #screen when the text's
// events say it changed; without JavaScript the reader reloads the page.
http::Response ScreenPage(storage::Database& db, const Request& req) {
  const std::string& lang = req.lang;
  auto id = site::ParseId(req.params[0]);
  if (!id) return site::ErrorResponse(db, req, NotFound("text: no such text"));
  // Read before the text: a change committed in between makes the screen fetch it again.
  std::uint64_t change = TextChanges(*id);
  auto t = Get(db, *id, site::CurrentSession(db, req));
  if (!t.ok()) return site::ErrorResponse(db, req, t.error());
  std::string clang = ContentLang(*t, req);
  auto title = site::Pick(t->title, lang);
  site::Page page(db, req, "text_screen.tpl", title.text + " — " + t->document);
  auto& d = page.body();
  d.SetIntValue("ID", t->id);
  d.SetValue("CHANGE", std::to_string(change));
  d.SetValue("DOCUMENT", t->document);
  site::SetLocalized(&d, "TITLE", t->title, lang);
  d.SetValue("STATUS_LABEL", T(lang, "drafting_status_" + t->status));
  d.SetIntValue("VERSION", t->version);
  d.SetValue("CLANG", clang);
  d.SetValue("CDIR", text::Direction(clang));
  d.SetValue("SENTENCE", BracketsSentence(*t, clang));
  std::int64_t focus = OnScreen(*t);
  if (!focus) d.ShowSection("EMPTY");
  for (const auto& p : t->provisions) {
    if (p.id != focus) continue;
    auto* o = d.AddSectionDictionary("FOCUS");
    o->SetIntValue("PID", p.id);
    o->SetValue("LABEL", p.label);
    std::string html = BracketedHtml(p, clang);
    if (html.empty()) o->ShowSection("MISSING");
    o->SetValue("BODY_HTML", html);
    BracketNotes(p, clang, lang, o);
  }
  return page.Render();
}

}  // namespace

http::Response TextPageOf(storage::Database& db, const http::Request& req, std::int64_t text_id,
                          const FormState* state, int status) {
  return TextView(db, req, text_id, "brackets", state, status);
}

void RegisterPages(http::Router& router, storage::Database& db) {
  router.Add("GET", "/texts/{id}/screen", [&db](Request& req) { return ScreenPage(db, req); });
  router.Add("GET", "/texts/{id}",
             [&db](Request& req) { return TextPage(db, req, "brackets"); });
  router.Add("GET", "/texts/{id}/clean", [&db](Request& req) { return TextPage(db, req, "clean"); });
  router.Add("GET", "/texts/{id}/status",
             [&db](Request& req) { return TextPage(db, req, "status"); });
  router.Add("GET", "/texts/{id}/compilation",
             [&db](Request& req) { return TextPage(db, req, "compilation"); });
  router.Add("GET", "/texts/{id}/diff", [&db](Request& req) { return TextPage(db, req, "diff"); });
}

}  // namespace plenary::drafting
