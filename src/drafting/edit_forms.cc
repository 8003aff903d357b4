// The editors' page forms of negotiated texts (no JavaScript): a new text from an agenda item,
// and on the text's page adding, editing and deleting provisions, bracketing words and
// resolving brackets. Each calls the same use case as the JSON API (drafting.h); deleting a
// provision and resolving a bracket cannot be undone, so their first post shows a confirmation
// page. A refused form is shown again with what was typed, the refusal in the reader's language
// next to its field and in the summary at the top, with the refusal's status.
#include <functional>
#include <sstream>

#include <fmt/format.h>

#include "base/parse.h"
#include "documents/documents.h"
#include "drafting/web.h"
#include "http/templates.h"
#include "proceedings/proceedings.h"
#include "site/desk.h"
#include "site/fields.h"
#include "site/site.h"
#include "site/text_edit.h"
#include "text/countries.h"
#include "text/messages.h"

namespace plenary::drafting {

namespace json = boost::json;
using ctemplate::TemplateDictionary;
using http::Request;
using text::T;

void AddField(TemplateDictionary* parent, const FieldSpec& f, const site::FormErrors* errors) {
  auto* d = parent->AddIncludeDictionary("FIELD");
  d->SetFilename("text_field.tpl");
  d->SetValue("IID", f.id);
  d->SetValue("NAME", f.name);
  d->SetValue("LABEL_TEXT", f.label);
  d->SetValue("V", f.value);
  if (f.textarea) {
    d->ShowSection("TEXTAREA");
    d->SetIntValue("ROWS", f.rows);
  } else {
    d->ShowSection("INPUT");
  }
  if (!f.content_lang.empty()) {
    auto* c = d->AddSectionDictionary("CONTENT");
    c->SetValue("CCODE", f.content_lang);
    c->SetValue("CDIR", text::Direction(f.content_lang));
  } else if (f.ltr) {
    d->ShowSection("LTR");
  }
  std::string describe;
  if (!f.help.empty()) {
    d->SetValueAndShowSection("HELP_TEXT", f.help, "HELP");
    describe = f.id + "-help";
  }
  if (errors) {
    if (auto m = errors->MessageFor(f.id)) {
      d->SetValueAndShowSection("EMSG", *m, "ERR");
      describe += (describe.empty() ? "" : " ") + f.id + "-error";
    }
  }
  if (!describe.empty()) d->SetValueAndShowSection("DESC_IDS", describe, "DESC");
}

namespace {

std::string BodyIn(const Provision& p, const std::string& lang) {
  if (!p.body.is_object()) return {};
  auto* v = p.body.as_object().if_contains(lang);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

// What was typed in field `name` when `state` shows form `form` again, else `stored`.
std::string Typed(const FormState* state, const std::string& form, const std::string& name,
                  const std::string& stored) {
  if (state && state->typed && state->form == form) return state->typed->Get(name).value_or("");
  return stored;
}

// Country codes written with spaces or commas ("CN, RU us") → ["CN", "RU", "US"].
std::vector<std::string> CodesOf(std::string s) {
  for (auto& c : s)
    c = c == ',' || c == ';' ? ' ' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::optional<std::int64_t> Number(const http::Form& f, const char* k) {
  auto v = f.Get(k);
  if (!v || site::Trim(*v).empty()) return std::nullopt;
  return site::ParseId(site::Trim(*v));
}

// The version a form was made on (a hidden field): 400 naming `version` when it is missing.
Result<std::int64_t> VersionOf(const http::Form& f) {
  auto v = f.Get("version");
  if (!v) return InvalidArgument("version", "version: required");
  return ParseIntField("version", site::Trim(*v), 1, INT64_MAX);
}

// The form's texts of each of the text's languages (`text_<lang>`); with `only_changed`, those
// that differ from provision `p`'s.
json::object TextsOf(const http::Form& f, const Text& t, const Provision* only_changed) {
  json::object out;
  for (const auto& l : t.languages) {
    auto v = f.Get("text_" + l);
    if (!v) continue;
    if (only_changed && *v == BodyIn(*only_changed, l)) continue;
    out[l] = *v;
  }
  return out;
}

// The input of a form that a refused field concerns, for form `prefix` ("pe-12").
std::string InputOf(const std::string& prefix, std::string field, const Text& t) {
  if (field == "version" || field.empty()) return "";
  if (field.starts_with("states.")) field = field.substr(7);  // the input of that language
  if (field.starts_with("text")) {
    auto dot = field.find('.');
    std::string l = dot == std::string::npos ? "" : field.substr(dot + 1);
    if (!text::IsLanguage(l)) l = t.languages.empty() ? "en" : t.languages.front();
    return prefix + "-" + l;
  }
  return prefix + "-" + field;
}

void AddTextFields(TemplateDictionary* form, const Text& t, const std::string& prefix,
                   const std::string& lang, const std::function<std::string(const std::string&)>& v,
                   const site::FormErrors* errors) {
  for (const auto& l : t.languages)
    AddField(form,
             {.id = prefix + "-" + l, .name = "text_" + l,
              .label = T(lang, "drafting_form_text_in", {{"language", T(lang, "language_in_" + l)}}),
              .value = v(l), .content_lang = l, .textarea = true, .rows = 3},
             errors);
}

// After a stale save refused on provision `p`'s form: the refusal and the provision's current
// wording in each of the text's languages, in the block `id` at the top of that form.
void AddCurrentWording(TemplateDictionary* form, const Text& t, const Provision& p,
                       const std::string& id, const std::string& lang,
                       const site::FormErrors* errors) {
  if (!errors) return;
  auto m = errors->MessageFor(id);
  if (!m) return;
  auto* c = form->AddSectionDictionary("CURRENT");
  c->SetValue("CUR_ID", id);
  c->SetValue("CUR_MSG", *m);
  for (const auto& l : t.languages) {
    auto* x = c->AddSectionDictionary("CUR_L");
    x->SetValue("CUR_LNAME", T(lang, "language_in_" + l));
    x->SetValue("CUR_CODE", l);
    x->SetValue("CUR_DIR", text::Direction(l));
    const std::string body = BodyIn(p, l);
    if (body.empty()) x->ShowSection("CUR_MISSING"); else x->SetValue("CUR_BODY", body);
  }
}

void KindOptions(TemplateDictionary* form, const std::string& chosen, const std::string& lang) {
  for (const char* k : kProvisionKinds) {
    auto* o = form->AddSectionDictionary("KIND");
    o->SetValue("K", k);
    o->SetValue("KLABEL", T(lang, std::string("drafting_provision_kind_") + k));
    if (chosen == k) o->ShowSection("SEL");
  }
}

// Each language of text `t`'s box marking its text a draft, in `form`'s section DRAFT_BOX
// (input <prefix>-<lang>-draft named text_draft_<lang>, site::FormStates's), ticked as `ticked`.
void DraftBoxes(TemplateDictionary* form, const Text& t, const std::string& prefix,
                const std::string& lang, const std::function<bool(const std::string&)>& ticked) {
  for (const auto& l : t.languages) {
    auto* b = form->AddSectionDictionary("DRAFT_BOX");
    b->SetValue("DID", fmt::format("{}-{}-draft", prefix, l));
    b->SetValue("DNAME", "text_draft_" + l);
    b->SetValue("DLABEL", T(lang, "text_state_mark_draft",
                            {{"language", T(lang, "language_in_" + l)}}));
    if (ticked(l)) b->ShowSection("DCHECKED");
  }
}
}  // namespace

void AddProvisionForms(const Text& t, const Provision& p, const std::string& lang,
                       TemplateDictionary* o, const FormState* state,
                       const std::set<std::string>& drafts) {
  const site::FormErrors* errors = state ? state->errors : nullptr;
  auto* e = o->AddSectionDictionary("EDIT");
  e->SetIntValue("PID", p.id);
  e->SetValue("ELABEL", p.label);
  e->SetIntValue("EVERSION", t.version);
  const std::string edit = fmt::format("edit-{}", p.id), bracket = fmt::format("bracket-{}", p.id);
  if (state && state->form == edit) e->ShowSection("OPEN_EDIT");
  if (state && state->form == bracket) e->ShowSection("OPEN_BRACKET");
  auto* ef = e->AddSectionDictionary("EDIT_FORM");
  AddCurrentWording(ef, t, p, fmt::format("pe-{}-current", p.id), lang, errors);
  KindOptions(ef, Typed(state, edit, "kind", p.kind), lang);
  ef->SetValue("KIND_ID", fmt::format("pe-{}-kind", p.id));
  AddTextFields(ef, t, fmt::format("pe-{}", p.id), lang,
                [&](const std::string& l) { return Typed(state, edit, "text_" + l, BodyIn(p, l)); },
                errors);
  // Each language's box marking its text a draft (site/text_states.h), as stored or as ticked.
  DraftBoxes(ef, t, fmt::format("pe-{}", p.id), lang, [&](const std::string& l) {
    return state && state->form == edit && state->typed
               ? state->typed->Get("text_draft_" + l).has_value()
               : drafts.count(l) > 0;
  });
  auto* bf = e->AddSectionDictionary("BRACKET_FORM");
  const std::string pb = fmt::format("pb-{}", p.id);
  AddCurrentWording(bf, t, p, pb + "-current", lang, errors);
  bf->SetValue("LANG_ID", pb + "-lang");
  const std::string chosen = Typed(state, bracket, "lang", t.languages.empty() ? "" : t.languages[0]);
  for (const auto& l : t.languages) {
    auto* x = bf->AddSectionDictionary("BLANG");
    x->SetValue("CODE", l);
    x->SetValue("LNAME", T(lang, "language_in_" + l));
    if (l == chosen) x->ShowSection("SEL");
  }
  auto field = [&](const char* name, const std::string& label, bool textarea, bool ltr,
                   const std::string& help) {
    AddField(bf,
             {.id = pb + "-" + name, .name = name, .label = label,
              .value = Typed(state, bracket, name, ""), .textarea = textarea, .ltr = ltr,
              .rows = 3, .help = help},
             errors);
  };
  field("words", T(lang, "drafting_form_words_bracket"), false, false,
        T(lang, "drafting_form_words_bracket_help"));
  field("start", T(lang, "drafting_form_start"), false, true, "");
  field("end", T(lang, "drafting_form_end"), false, true, "");
  field("alternatives", T(lang, "field_alternatives"), true, false,
        T(lang, "drafting_form_alternatives_help"));
  field("proposed_by", T(lang, "field_proposed_by"), false, true, T(lang, "drafting_form_codes_help"));
  field("supported_by", T(lang, "field_supported_by"), false, true, T(lang, "drafting_form_codes_help"));
  field("objected_by", T(lang, "field_objected_by"), false, true, T(lang, "drafting_form_codes_help"));
  field("note", T(lang, "field_note"), true, false, "");
}

void AddPassageForms(const Text& t, const Provision& p, const std::string& clang,
                     const std::string& lang, TemplateDictionary* o, const FormState* state,
                     bool editing) {
  const site::FormErrors* errors = state ? state->errors : nullptr;
  const std::string body = BodyIn(p, clang);
  if (body.empty()) return;  // no text in that language: nothing to bracket
  for (const auto& m : MissingPassages(t)) {
    if (m.provision != p.id || m.lang != clang) continue;
    // The question's passage in the reader's language when it has one, else its first.
    const Bracket* shown = nullptr;
    for (const auto& b : p.brackets)
      if (b.question == m.question && (!shown || b.lang == lang)) shown = &b;
    if (!shown) continue;
    const std::string other = BodyIn(p, shown->lang);
    const std::size_t from = ByteOffset(other, shown->start), to = ByteOffset(other, shown->end);
    std::vector<std::string> in;
    for (const auto& l : m.bracketed_in) in.push_back(T(lang, "language_in_" + l));
    auto* n = o->AddSectionDictionary("LACKING");
    n->SetValue("LACK_TEXT", T(lang, "drafting_passage_missing",
                               {{"language", T(lang, "language_in_" + clang)},
                                {"languages", text::FormatList(in, lang)}}));
    n->SetValue("OWORDS", other.substr(from, to - from));
    n->SetValue("OLANG", shown->lang);
    n->SetValue("ODIR", text::Direction(shown->lang));
    if (!editing) continue;
    const std::string form = fmt::format("passage-{}", m.question);
    const std::string pq = fmt::format("pq-{}", m.question);
    auto* f = n->AddSectionDictionary("PASSAGE_FORM");
    if (state && state->form == form) f->ShowSection("OPEN_PASSAGE");
    f->SetIntValue("QID", m.question);
    f->SetValue("QLANG", clang);
    f->SetIntValue("QVERSION", t.version);
    f->SetValue("PASSAGE_SUMMARY",
                T(lang, "drafting_form_passage", {{"language", T(lang, "language_in_" + clang)}}));
    AddCurrentWording(f, t, p, pq + "-current", lang, errors);
    auto field = [&](const char* name, const std::string& label, bool textarea, bool ltr,
                     const std::string& help, const std::string& content_lang) {
      AddField(f,
               {.id = pq + "-" + name, .name = name, .label = label,
                .value = Typed(state, form, name, ""), .content_lang = content_lang,
                .textarea = textarea, .ltr = ltr, .rows = 3, .help = help},
               errors);
    };
    field("words", T(lang, "drafting_form_words_bracket"), false, false,
          T(lang, "drafting_form_words_bracket_help"), clang);
    field("start", T(lang, "drafting_form_start"), false, true, "", "");
    field("end", T(lang, "drafting_form_end"), false, true, "", "");
    field("alternatives", T(lang, "field_alternatives"), true, false,
          T(lang, "drafting_form_passage_alternatives",
            {{"count", static_cast<std::int64_t>(shown->alternatives.size())}}),
          clang);
    field("note", T(lang, "field_note"), true, false, "", clang);
  }
}

void AddEditForms(const Text& t, const std::string& clang, const std::string& lang,
                  TemplateDictionary& d, const FormState* state) {
  const site::FormErrors* errors = state ? state->errors : nullptr;
  auto* a = d.AddSectionDictionary("ADD_PROVISION");
  if (state && state->form == "add") a->ShowSection("OPEN_ADD");
  a->SetIntValue("AVERSION", t.version);
  KindOptions(a, Typed(state, "add", "kind", "paragraph"), lang);
  AddField(a,
           {.id = "pa-position", .name = "position", .label = T(lang, "field_position"),
            .value = Typed(state, "add", "position", ""), .ltr = true,
            .help = T(lang, "drafting_form_position_help",
                      {{"n", static_cast<std::int64_t>(t.provisions.size() + 1)}})},
           errors);
  AddTextFields(a, t, "pa", lang,
                [&](const std::string& l) { return Typed(state, "add", "text_" + l, ""); }, errors);
  DraftBoxes(a, t, "pa", lang, [&](const std::string& l) {
    return state && state->form == "add" && state->typed &&
           state->typed->Get("text_draft_" + l).has_value();
  });
  (void)clang;
}

namespace {

// Reads a form post of an editor (signed in, CSRF, MayEdit); the refusal to answer instead.
struct EditorPost {
  site::Input input;
  accounts::Session who;
};
std::variant<EditorPost, http::Response> ReadEditor(storage::Database& db, Request& req) {
  auto in = site::ReadInput(req);
  auto g = site::RequireSignedIn(db, req, in.ok(),
                                 in.ok() ? in->fields.Get("csrf").value_or("") : "");
  if (g.refusal) return *g.refusal;
  if (!in.ok()) return site::ErrorResponse(db, req, in.error());
  if (!MayEdit(g.session))
    return site::ErrorResponse(
        db, req, PermissionDenied("only the secretariat or the chair edits negotiated texts"));
  return EditorPost{std::move(*in), *g.session};
}

// The text's page again with form `form` as typed and its refusal `e`.
http::Response Refused(storage::Database& db, const Request& req, const Text& t,
                       const std::string& form, const std::string& prefix, const http::Form& f,
                       const Error& e, const std::string& sentence = "") {
  site::FormErrors errors(req.lang);
  if (e.field == "version" && e.code == Code::kConflict) {
    // Someone else changed the text since the form was made: the edit and bracket forms of a
    // provision show its current wording next to what was typed (the block "<prefix>-current",
    // which the summary links to); the other forms stand under the current text already.
    if (prefix.starts_with("pe-") || prefix.starts_with("pb-") || prefix.starts_with("pq-"))
      errors.Add(e, prefix + "-current");
    else
      errors.AddText(site::RefusalText(e, req.lang));
  } else if (!sentence.empty()) {
    errors.AddText(sentence, InputOf(prefix, e.field, t));
  } else if (prefix.starts_with("pq-") && e.field != "words" && e.field != "start" &&
             e.field != "end" && e.field != "alternatives" && e.field != "note") {
    // The question and the language are no inputs of the passage's form (hidden).
    errors.AddText(site::RefusalText(e, req.lang));
  } else {
    errors.Add(e, InputOf(prefix, e.field, t));
  }
  FormState state{form, &f, &errors};
  return TextPageOf(db, req, t.id, &state, http::StatusFor(e.code));
}

// The confirmation page of an action that cannot be undone: what it will do, the post's fields
// again with confirm=yes, and a way back.
http::Response Confirm(storage::Database& db, const Request& req, const Text& t,
                       std::int64_t provision_id, const std::string& action,
                       const std::string& heading, const std::string& what,
                       const std::string& words, const std::string& words_lang,
                       const std::string& confirm_label,
                       const std::vector<std::pair<std::string, std::string>>& fields,
                       const std::vector<std::pair<std::string, std::string>>& also = {}) {
  site::Page page(db, req, "text_confirm.tpl", heading);
  auto& d = page.body();
  d.SetIntValue("ID", t.id);
  d.SetIntValue("PID", provision_id);
  d.SetValue("DOCUMENT", t.document);
  d.SetValue("HEADING", heading);
  d.SetValue("WHAT", what);
  d.SetValue("ACTION", action);
  d.SetValue("CONFIRM_LABEL", confirm_label);
  // The words concerned; with `also` (other languages' words, {lang, words}), each under the
  // name of its language.
  auto quote = [&](const std::string& l, const std::string& w) {
    auto* q = d.AddSectionDictionary("QUOTE");
    q->SetValue("WORDS", w);
    q->SetValue("QLANG", l);
    q->SetValue("QDIR", text::Direction(l));
    if (!also.empty()) q->SetValueAndShowSection("QNAME", T(req.lang, "language_in_" + l), "NAMED");
  };
  if (!words.empty()) quote(words_lang, words);
  for (const auto& [l, w] : also) quote(l, w);
  for (const auto& [k, v] : fields) {
    auto* h = d.AddSectionDictionary("HIDDEN");
    h->SetValue("K", k);
    h->SetValue("V", v);
  }
  return page.Render();
}

// A provision's label in a sentence of `lang`: isolated in right-to-left text, where "1.a"
// would otherwise read "a.1".
std::string LabelIn(const std::string& label, const std::string& lang) {
  return std::string_view(text::Direction(lang)) == "rtl" ? "\u2068" + label + "\u2069" : label;
}

const Provision* Find(const Text& t, std::int64_t provision_id) {
  for (const auto& p : t.provisions)
    if (p.id == provision_id) return &p;
  return nullptr;
}

// A form post of an editor on provision `{id}` of the path: the post, the provision's id and
// its text (which has it); the refusal to answer instead (not an editor, no such provision or
// text, or one the reader may not see).
struct ProvisionPost {
  site::Input input;
  accounts::Session who;
  std::int64_t id = 0;
  Text text;
};
std::variant<ProvisionPost, http::Response> ReadProvisionPost(storage::Database& db,
                                                              Request& req) {
  auto post = ReadEditor(db, req);
  if (auto* r = std::get_if<http::Response>(&post)) return *r;
  auto& e = std::get<EditorPost>(post);
  auto pid = site::ParseId(req.params[0]);
  auto text_id = pid ? TextOfProvision(db, *pid)
                     : Result<std::int64_t>(NotFound("provision: no such provision"));
  if (!text_id.ok()) return site::ErrorResponse(db, req, text_id.error());
  auto t = Get(db, *text_id, e.who);
  if (!t.ok()) return site::ErrorResponse(db, req, t.error());
  if (!Find(*t, *pid)) return site::ErrorResponse(db, req, NotFound("provision: no such provision"));
  return ProvisionPost{std::move(e.input), std::move(e.who), *pid, std::move(*t)};
}

// The page of a new text for an agenda item: its document's symbol, title and languages.
http::Response NewTextPage(storage::Database& db, const Request& req, std::int64_t item,
                           const http::Form* typed, const site::FormErrors& errors, int status) {
  const std::string& lang = req.lang;
  auto viewer = site::CurrentSession(db, req);
  auto it = proceedings::GetItem(db, item, viewer);
  if (!it.ok()) return site::ErrorResponse(db, req, it.error());
  site::Page page(db, req, "text_new.tpl", T(lang, "drafting_new_text"));
  auto& d = page.body();
  errors.Fill(&d);
  d.SetIntValue("ITEM", it->id);
  d.SetIntValue("MID", it->meeting_id);
  d.SetValue("ITEM_NUMBER", it->number);
  site::SetLocalized(&d, "ITEM_TITLE", it->title, lang);
  auto v = [&](const std::string& name, const std::string& dflt) {
    return typed ? typed->Get(name).value_or("") : dflt;
  };
  AddField(&d,
           {.id = "nt-document", .name = "document", .label = T(lang, "field_document"),
            .value = v("document", ""), .ltr = true, .help = T(lang, "drafting_form_document_help")},
           &errors);
  // Who may read the text: empty is the use case's default (Member States, or the document's
  // level when stricter); a level looser than the document's is refused next to the field.
  const std::string access = v("access", "");
  for (const char* k : documents::kAccessLevels) {
    auto* o = d.AddSectionDictionary("ACCESS");
    o->SetValue("K", k);
    o->SetValue("L", T(lang, std::string("doc_access_") + k));
    if (access == k) o->ShowSection("SEL");
  }
  auto* title = d.AddSectionDictionary("TITLE_F");
  for (const auto& l : text::Languages())
    AddField(title,
             {.id = "nt-title-" + l, .name = "title_" + l, .label = T(lang, "language_in_" + l),
              .value = v("title_" + l, ""), .content_lang = l},
             &errors);
  for (const auto& l : text::Languages()) {
    auto* o = d.AddSectionDictionary("LANGS");
    o->SetValue("CODE", l);
    o->SetValue("LNAME", T(lang, "language_in_" + l));
    const bool on = typed ? typed->Has("lang_" + l) : (l == "en" || l == lang);
    if (on) o->ShowSection("ON");
  }
  if (auto m = errors.MessageFor("nt-languages"))
    d.SetValueAndShowSection("LANGS_MSG", *m, "LANGS_ERR");
  return page.Render(status);
}

}  // namespace

void RegisterEditForms(http::Router& router, storage::Database& db) {
  router.Add("GET", "/agenda-items/{id}/new-text", [&db](Request& req) {
    auto g = site::RequireSignedIn(db, req, false);
    if (g.refusal) return *g.refusal;
    if (!MayEdit(g.session))
      return site::ErrorResponse(
          db, req, PermissionDenied("only the secretariat or the chair edits negotiated texts"));
    auto item = site::ParseId(req.params[0]);
    if (!item) return site::ErrorResponse(db, req, NotFound("agenda_item: no such agenda item"));
    return NewTextPage(db, req, *item, nullptr, site::FormErrors(req.lang), 200);
  });

  router.Add("POST", "/texts", [&db](Request& req) {
    auto post = ReadEditor(db, req);
    if (auto* r = std::get_if<http::Response>(&post)) return *r;
    auto& p = std::get<EditorPost>(post);
    const auto& f = p.input.fields;
    auto item = Number(f, "agenda_item");
    if (!item) return site::ErrorResponse(db, req, NotFound("agenda_item: no such agenda item"));
    TextInput in;
    in.document = site::Trim(f.Get("document").value_or(""));
    in.agenda_item = *item;
    in.title = site::TwoLanguages(f, "title");
    for (const auto& l : text::Languages())
      if (f.Has("lang_" + l)) in.languages.push_back(l);
    if (auto a = f.Get("access"); a && !site::Trim(*a).empty()) in.access = std::string(site::Trim(*a));
    Result<Text> t = in.document.empty()
                         ? Result<Text>(InvalidArgument("document", "document: required"))
                         : CreateText(db, p.who, in);
    if (!t.ok()) {
      site::FormErrors errors(req.lang);
      const std::string& field = t.error().field;
      const std::string input = field == "document"     ? "nt-document"
                                : field == "languages"  ? "nt-languages"
                                : field == "access"     ? "nt-access"
                                : field.starts_with("title")
                                    ? "nt-title-" + (field.size() > 6 ? field.substr(6) : "en")
                                    : "";
      errors.Add(t.error(), input);
      return NewTextPage(db, req, *item, &f, errors, http::StatusFor(t.error().code));
    }
    return http::Redirect(site::Prefix(req) + fmt::format("/texts/{}", t->id));
  });

  router.Add("POST", "/texts/{id}/provisions", [&db](Request& req) {
    auto post = ReadEditor(db, req);
    if (auto* r = std::get_if<http::Response>(&post)) return *r;
    auto& p = std::get<EditorPost>(post);
    const auto& f = p.input.fields;
    auto id = site::ParseId(req.params[0]);
    auto t = id ? Get(db, *id, p.who) : Result<Text>(NotFound("text: no such text"));
    if (!t.ok()) return site::ErrorResponse(db, req, t.error());
    ProvisionInput in;
    in.kind = f.Get("kind").value_or("paragraph");
    in.text = TextsOf(f, *t, nullptr);
    site::FormStates(f, "text", "text", in.states);  // each language's box marking a draft
    auto refuse = [&](const Error& e) { return Refused(db, req, *t, "add", "pa", f, e); };
    auto version = VersionOf(f);
    if (!version.ok()) return refuse(version.error());
    in.version = *version;
    if (auto pos = f.Get("position"); pos && !site::Trim(*pos).empty()) {
      auto n = ParseIntField("position", site::Trim(*pos), 1,
                             static_cast<std::int64_t>(kMaxProvisions));
      if (!n.ok()) return refuse(n.error());
      in.position = static_cast<int>(*n);
    }
    auto added = AddProvision(db, p.who, t->id, in);
    if (!added.ok()) return refuse(added.error());
    return http::Redirect(site::Prefix(req) + fmt::format("/texts/{}#p{}", t->id, added->id));
  });

  router.Add("POST", "/provisions/{id}/edit", [&db](Request& req) {
    auto post = ReadProvisionPost(db, req);
    if (auto* r = std::get_if<http::Response>(&post)) return *r;
    auto& p = std::get<ProvisionPost>(post);
    const auto& f = p.input.fields;
    const Text& t = p.text;
    const Provision* current = Find(t, p.id);
    ProvisionPatch in;
    in.text = TextsOf(f, t, current);
    if (auto k = f.Get("kind"); k && *k != current->kind) in.kind = *k;
    // Each language's state as the form shows it; asked only when one differs from the stored,
    // so that saving the form unchanged changes nothing.
    site::FormStates(f, "text", "text", in.states);
    {
      const auto stored = site::DraftsOf(db.Read(), "provision", p.id);
      auto d = stored.find("text");
      bool differs = !in.text.as_object().empty();
      for (const auto& [l, state] : in.states["text"])
        differs |= (state == "draft") != (d != stored.end() && d->second.count(l) > 0);
      if (!differs) in.states.clear();
    }
    const std::string form = fmt::format("edit-{}", p.id);
    const std::string prefix = fmt::format("pe-{}", p.id);
    auto version = VersionOf(f);
    if (!version.ok()) return Refused(db, req, t, form, prefix, f, version.error());
    in.version = *version;
    auto done = UpdateProvision(db, p.who, p.id, in);
    if (!done.ok()) return Refused(db, req, t, form, prefix, f, done.error());
    return http::Redirect(site::Prefix(req) + fmt::format("/texts/{}#p{}", t.id, p.id));
  });

  router.Add("POST", "/provisions/{id}/delete", [&db](Request& req) {
    auto post = ReadProvisionPost(db, req);
    if (auto* r = std::get_if<http::Response>(&post)) return *r;
    auto& p = std::get<ProvisionPost>(post);
    const auto& f = p.input.fields;
    const Text& t = p.text;
    const Provision* current = Find(t, p.id);
    auto version = VersionOf(f);
    const std::string form = fmt::format("edit-{}", p.id);
    if (!version.ok()) return Refused(db, req, t, form, "", f, version.error());
    const std::string& lang = req.lang;
    if (f.Get("confirm").value_or("") != "yes") {
      std::string clang = t.languages.empty() ? lang : t.languages.front();
      for (const auto& l : t.languages)
        if (l == lang) clang = l;
      return Confirm(db, req, t, p.id, fmt::format("/provisions/{}/delete", p.id),
                     T(lang, "drafting_confirm_delete_heading", {{"label", LabelIn(current->label, lang)}}),
                     T(lang, "drafting_confirm_delete_what"), BracketedText(*current, clang), clang,
                     T(lang, "drafting_confirm_delete_button"),
                     {{"version", std::to_string(*version)}});
    }
    auto s = DeleteProvision(db, p.who, p.id, *version);
    if (!s.ok()) return Refused(db, req, t, form, "", f, s.error());
    return http::Redirect(site::Prefix(req) + fmt::format("/texts/{}", t.id));
  });

  router.Add("POST", "/provisions/{id}/brackets", [&db](Request& req) {
    auto post = ReadProvisionPost(db, req);
    if (auto* r = std::get_if<http::Response>(&post)) return *r;
    auto& p = std::get<ProvisionPost>(post);
    const auto& f = p.input.fields;
    const Text& t = p.text;
    const Provision* current = Find(t, p.id);
    // The passage of another language of an existing bracket comes from that bracket's own form.
    BracketInput in;
    if (auto q = Number(f, "question")) in.question = *q;
    const std::string form = in.question ? fmt::format("passage-{}", *in.question)
                                         : fmt::format("bracket-{}", p.id);
    const std::string prefix = in.question ? fmt::format("pq-{}", *in.question)
                                           : fmt::format("pb-{}", p.id);
    auto refuse = [&](const Error& e) { return Refused(db, req, t, form, prefix, f, e); };
    in.lang = f.Get("lang").value_or("");
    auto version = VersionOf(f);
    if (!version.ok()) return refuse(version.error());
    in.version = *version;
    for (auto [k, dst] : {std::pair{"start", &in.start}, {"end", &in.end}}) {
      auto v = f.Get(k);
      if (!v || site::Trim(*v).empty()) continue;
      auto n = ParseIntField(k, site::Trim(*v), 0, INT64_MAX);
      if (!n.ok()) return refuse(n.error());
      *dst = *n;
    }
    // The words to bracket, when no offsets are given: found once in that language's text.
    const std::string words = f.Get("words").value_or("");
    const bool by_words = !in.start && !in.end;
    if (by_words) {
      if (site::Trim(words).empty())
        return refuse(InvalidArgument("words", "words: required (or the offsets start and end)"));
      const std::string body = BodyIn(*current, in.lang);
      std::size_t at = body.find(words), count = 0;
      for (std::size_t i = at; i != std::string::npos; i = body.find(words, i + 1)) ++count;
      if (count == 0)
        return refuse(InvalidArgument("words", "words: no such passage in the provision's text"));
      if (count > 1)
        return refuse(InvalidArgument(
            "words", fmt::format("words: found {} times; give the offsets start and end", count)));
      in.start = CodePoints(body.substr(0, at));
      in.end = *in.start + CodePoints(words);
    }
    std::string alternatives = f.Get("alternatives").value_or("");
    std::istringstream lines(alternatives);
    for (std::string line; std::getline(lines, line);) {
      line = site::Trim(line);
      if (!line.empty()) in.alternatives.push_back(line);
    }
    auto codes = CodesOf(f.Get("proposed_by").value_or(""));
    if (codes.size() > 1)
      return refuse(InvalidArgument("proposed_by", "proposed_by: one Member State"));
    in.proposed_by = codes.empty() ? "" : codes[0];
    in.supported_by = CodesOf(f.Get("supported_by").value_or(""));
    in.objected_by = CodesOf(f.Get("objected_by").value_or(""));
    in.note = site::Trim(f.Get("note").value_or(""));
    auto b = AddBracket(db, p.who, p.id, in);
    if (!b.ok()) {
      // Alternatives not as many as the question's: say how many, in the reader's language.
      if (in.question && b.error().field == "alternatives")
        for (const auto& o : current->brackets)
          if ((o.id == *in.question || o.question == *in.question) &&
              o.alternatives.size() != in.alternatives.size())
            return Refused(db, req, t, form, prefix, f, b.error(),
                           T(req.lang, "drafting_passage_alternatives_count",
                             {{"count", static_cast<std::int64_t>(o.alternatives.size())}}));
      // Offsets found from the words typed (overlapping, nesting otherwise than in another
      // language): said next to the words.
      if (by_words && (b.error().field == "start" || b.error().field == "end")) {
        Error e = b.error();
        const std::string sentence = site::RefusalText(e, req.lang);
        e.field = "words";
        return Refused(db, req, t, form, prefix, f, e, sentence);
      }
      return refuse(b.error());
    }
    // Back to the text in the language just bracketed.
    if (in.question)
      return http::Redirect(site::Prefix(req) +
                            fmt::format("/texts/{}?lang={}#p{}", t.id, in.lang, p.id));
    return http::Redirect(site::Prefix(req) + fmt::format("/texts/{}#p{}", t.id, p.id));
  });

  router.Add("POST", "/brackets/{id}/resolve", [&db](Request& req) {
    auto post = ReadEditor(db, req);
    if (auto* r = std::get_if<http::Response>(&post)) return *r;
    auto& p = std::get<EditorPost>(post);
    const auto& f = p.input.fields;
    auto bid = site::ParseId(req.params[0]);
    auto text_id = bid ? TextOfBracket(db, *bid) : Result<std::int64_t>(NotFound("bracket: no such bracket"));
    if (!text_id.ok()) return site::ErrorResponse(db, req, text_id.error());
    auto t = Get(db, *text_id, p.who);
    if (!t.ok()) return site::ErrorResponse(db, req, t.error());
    const Provision* prov = nullptr;
    const Bracket* bracket = nullptr;
    for (const auto& pv : t->provisions)
      for (const auto& b : pv.brackets)
        if (b.id == *bid) prov = &pv, bracket = &b;
    if (!bracket) return site::ErrorResponse(db, req, NotFound("bracket: no such bracket"));
    auto refuse = [&](const Error& e) { return Refused(db, req, *t, "", "", f, e); };
    ResolveInput in;
    auto version = VersionOf(f);
    if (!version.ok()) return refuse(version.error());
    in.version = *version;
    const std::string outcome = f.Get("outcome").value_or("");
    std::string label;
    const std::string& lang = req.lang;
    if (outcome.starts_with("alternative-")) {
      auto n = ParseIntField("alternative", outcome.substr(12), 1,
                             static_cast<std::int64_t>(kMaxAlternatives));
      if (!n.ok()) return refuse(n.error());
      in.outcome = "alternative";
      in.alternative = *n;
      label = T(lang, "drafting_alternative", {{"n", *n}});
    } else {
      in.outcome = outcome;
      if (outcome == "retain" || outcome == "delete") label = T(lang, "drafting_outcome_" + outcome);
    }
    if (f.Get("confirm").value_or("") != "yes") {
      if (label.empty())
        return refuse(InvalidArgument("outcome", "outcome: must be retain, delete or alternative"));
      auto words = [&](const Bracket& b) {
        std::string body = BodyIn(*prov, b.lang);
        std::size_t from = ByteOffset(body, b.start), to = ByteOffset(body, b.end);
        return body.substr(from, to - from);
      };
      // The question is resolved in every language at once: its other open passages are shown.
      std::vector<std::pair<std::string, std::string>> also;
      std::vector<std::string> names{T(lang, "language_in_" + bracket->lang)};
      for (const auto& b : prov->brackets)
        if (b.question == bracket->question && b.id != bracket->id && b.state == "open") {
          also.emplace_back(b.lang, words(b));
          names.push_back(T(lang, "language_in_" + b.lang));
        }
      std::string what = T(lang, "drafting_confirm_resolve_what", {{"outcome", label}});
      if (!also.empty())
        what += " " + T(lang, "drafting_confirm_resolve_languages",
                        {{"languages", text::FormatList(names, lang)}});
      return Confirm(db, req, *t, prov->id, fmt::format("/brackets/{}/resolve", *bid),
                     T(lang, "drafting_confirm_resolve_heading", {{"label", LabelIn(prov->label, lang)}}),
                     what, words(*bracket), bracket->lang, T(lang, "drafting_confirm_resolve_button"),
                     {{"version", std::to_string(*version)}, {"outcome", outcome}}, also);
    }
    auto b = ResolveBracket(db, p.who, *bid, in);
    if (!b.ok()) return refuse(b.error());
    return http::Redirect(site::Prefix(req) + fmt::format("/texts/{}#p{}", t->id, prov->id));
  });
}

}  // namespace plenary::drafting
