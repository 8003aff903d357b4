// Editing a record's multilingual texts with their states (text_edit.h).
#include "site/text_edit.h"
#include "site/form_states.h"

#include <fmt/format.h>

#include "audit/audit.h"
#include "site/desk.h"
#include "site/fields.h"
#include "site/site.h"
#include "text/messages.h"

namespace plenary::site {

namespace json = boost::json;
using ctemplate::TemplateDictionary;
using http::Request;
using text::T;

namespace {

std::map<std::string, TextOwner>& Owners() {
  static std::map<std::string, TextOwner> owners;
  return owners;
}

std::string TextIn(const json::value& v, const std::string& lang) {
  if (!v.is_object()) return v.is_string() && lang == "en" ? std::string(v.as_string()) : "";
  auto* t = v.as_object().if_contains(lang);
  return t && t->is_string() ? std::string(t->as_string()) : std::string();
}

json::object DraftsJson(const Drafts& drafts) {
  json::object o;
  for (const auto& [field, langs] : drafts) {
    json::array a;
    for (const auto& l : langs) a.push_back(json::string(l));
    o[field] = std::move(a);
  }
  return o;
}

// The form's input a refused field concerns ("states.title.fr" and "title.fr" → "t-title-fr").
std::string InputOf(const TextOwner& o, std::string field) {
  if (field.starts_with("states.")) field = field.substr(7);
  auto dot = field.find('.');
  const std::string base = field.substr(0, dot);
  const std::string lang = dot == std::string::npos ? "" : field.substr(dot + 1);
  for (const auto& f : o.fields)
    if (f.name == base) return "t-" + base + "-" + (text::IsLanguage(lang) ? lang : "en");
  return "";
}

http::Response FormPage(storage::Database& db, const Request& req, const TextOwner& o,
                        std::int64_t id, const OwnedTexts& r, const http::Form* typed,
                        const FormErrors& errors, int status, bool staff) {
  const std::string& lang = req.lang;
  Page page(db, req, "admin_text_edit.tpl", T(lang, "texts_edit_title", {{"record", r.label}}));
  auto& d = page.body();
  errors.Fill(&d);
  d.SetValue("HEADING", T(lang, "texts_edit_title", {{"record", r.label}}));
  d.SetValue("BACK", r.back);
  if (staff) d.ShowSection("STAFF");  // the desk's pages, which only staff see
  d.SetValue("ACTION", TextFormPath(o.owner, id));
  if (r.version) d.SetValueAndShowSection("VERSION", std::to_string(*r.version), "HAS_VERSION");
  const Drafts drafts = DraftsOf(db.Read(), o.owner, id);
  for (const auto& f : o.fields) {
    auto* fd = d.AddSectionDictionary("FIELD");
    fd->SetValue("LEGEND", T(lang, f.label_key));
    auto stored = r.texts.find(f.name);
    const json::value text = stored == r.texts.end() ? json::value() : stored->second;
    auto dr = drafts.find(f.name);
    AddLanguageInputs(
        fd, "t-" + f.name, f.name, lang, f.long_text, f.max_chars,
        [&](const std::string& l) {
          return typed ? typed->Get(f.name + "_" + l).value_or("") : TextIn(text, l);
        },
        [&](const std::string& l) {
          if (typed) return typed->Get(f.name + "_draft_" + l).has_value();
          return dr != drafts.end() && dr->second.count(l) > 0;
        },
        errors);
  }
  return page.Render(status);
}

// Whether `who` may edit the texts of `o`: the owner's rule, else the secretariat's.
bool MayEdit(const TextOwner& o, const accounts::Session& who) {
  return o.may_edit ? o.may_edit(who) : accounts::IsStaff(who.user.role);
}

// The session of a request that may edit `o`'s texts, or the answer refusing it (signed out,
// bad token, a role the owner does not admit: 403).
Guard Admit(storage::Database& db, const Request& req, const TextOwner& o, bool state_change,
            const std::string& csrf_field = {}) {
  Guard g = RequireSignedIn(db, req, state_change, csrf_field);
  if (g.session && !MayEdit(o, *g.session)) {
    g.refusal = ErrorResponse(
        db, req,
        PermissionDenied(o.may_edit
                             ? "role: only the secretariat, administrators and the chair may do "
                               "this"
                             : "role: only the secretariat and administrators may do this"));
    g.session.reset();
  }
  return g;
}

}  // namespace

namespace {
Result<json::object> Edit(storage::Database& db, const accounts::Session& who, const TextOwner& o,
                          std::int64_t id, const json::object& body) {
  return o.write ? o.write(db, who, id, body) : EditTexts(db, who.user.id, o, id, body);
}
}  // namespace

std::string TextFormPath(const std::string& owner, std::int64_t id) {
  return fmt::format("/admin/translations/{}/{}", owner, id);
}

json::object TextsJson(storage::Connection& c, const TextOwner& owner, std::int64_t id,
                       const std::map<std::string, json::value>& texts) {
  const Drafts drafts = DraftsOf(c, owner.owner, id);
  json::object out{{"id", id}};
  json::object states;
  for (const auto& f : owner.fields) {
    auto t = texts.find(f.name);
    const json::value text = t == texts.end() ? json::value(json::object()) : t->second;
    out[f.name] = text;
    auto d = drafts.find(f.name);
    states[f.name] = StatesJson(text, d == drafts.end() ? std::set<std::string>() : d->second);
  }
  out["states"] = std::move(states);
  return out;
}

Result<json::object> EditTexts(storage::Database& db, std::int64_t user_id,
                               const TextOwner& owner, std::int64_t id, const json::object& body) {
  // The body names only the record's multilingual fields and their states.
  for (const auto& [k, v] : body) {
    const std::string key(k);
    bool known = key == "states";
    for (const auto& f : owner.fields) known |= key == f.name;
    if (!known)
      return InvalidArgument(std::string(k),
                             std::string(k) + ": not a multilingual field of this record");
  }
  std::map<std::string, json::value> given;
  for (const auto& f : owner.fields) {
    const json::value* v = body.if_contains(f.name);
    if (!v) continue;
    auto text = Multilingual(*v, f.name, f.required, f.max_chars);
    if (!text.ok()) return text.error();
    given[f.name] = std::move(*text);
  }
  std::vector<std::string_view> names;
  for (const auto& f : owner.fields) names.push_back(f.name);
  auto asked = ReadStates(body, names);
  if (!asked.ok()) return asked.error();
  auto out = db.Write<json::object>([&](storage::Connection& c) -> Result<json::object> {
    auto stored = owner.stored(c, id);
    if (!stored.ok()) return stored.error();
    std::map<std::string, json::value> after = *stored;
    for (auto& [name, text] : given) after[name] = text;
    std::vector<TextChange> changes;
    for (const auto& f : owner.fields)
      changes.push_back({f.name, (*stored)[f.name], after[f.name]});
    const Drafts drafts_before = DraftsOf(c, owner.owner, id);
    auto states = WriteTextStates(c, owner.owner, id, changes, *asked);
    if (!states.ok()) return states.error();
    json::object before_json, after_json;
    bool texts_changed = false;
    for (const auto& f : owner.fields)
      if ((*stored)[f.name] != after[f.name]) {
        before_json[f.name] = (*stored)[f.name];
        after_json[f.name] = after[f.name];
        texts_changed = true;
      }
    if (!texts_changed && !*states) return TextsJson(c, owner, id, after);  // nothing changed
    if (texts_changed) owner.store(c, id, after);
    if (*states) {
      before_json["drafts"] = DraftsJson(drafts_before);
      after_json["drafts"] = DraftsJson(DraftsOf(c, owner.owner, id));
    }
    audit::Record(c, user_id, owner.owner + ".edit", owner.owner, id,
                  json::serialize(before_json), json::serialize(after_json));
    return TextsJson(c, owner, id, after);
  });
  return out;
}

void RegisterTextOwner(http::Router& router, storage::Database& db, TextOwner owner,
                       const std::string& api_path) {
  const std::string kind = owner.owner;
  Owners()[kind] = std::move(owner);
  if (api_path.empty()) return;
  router.Add("PATCH", api_path, [&db, kind](Request& req) {
    const TextOwner& o = Owners().at(kind);
    auto g = Admit(db, req, o, true);
    if (g.refusal) return *g.refusal;
    auto id = ParseId(req.params[0]);
    if (!id) return http::JsonError(NotFound(kind + " " + req.params[0] + ": no such record"));
    auto body = ReadJson(req);
    if (!body.ok()) return http::JsonError(body.error());
    auto done = Edit(db, *g.session, o, *id, *body);
    if (!done.ok()) return http::JsonError(done.error());
    return http::Json(*done);
  });
}

void RegisterTextEditForm(http::Router& router, storage::Database& db) {
  router.Add("GET", "/admin/translations/{owner}/{id}", [&db](Request& req) {
    auto o = Owners().find(req.params[0]);
    if (o == Owners().end()) {
      // Who may know which kinds exist is the secretariat's question: signed out, sign in.
      auto g = RequireStaff(db, req, false);
      if (g.refusal) return *g.refusal;
      return ErrorResponse(db, req, NotFound("no such record: " + req.params[0]));
    }
    auto g = Admit(db, req, o->second, false);
    if (g.refusal) return *g.refusal;
    auto id = ParseId(req.params[1]);
    if (!id) return ErrorResponse(db, req, NotFound("no such record: " + req.params[0]));
    auto r = o->second.read(db, *id, req.lang, g.session);
    if (!r.ok()) return ErrorResponse(db, req, r.error());
    return FormPage(db, req, o->second, *id, *r, nullptr, FormErrors(req.lang), 200,
                    accounts::IsStaff(g.session->user.role));
  });
  router.Add("POST", "/admin/translations/{owner}/{id}", [&db](Request& req) {
    auto o = Owners().find(req.params[0]);
    if (o == Owners().end()) {
      auto post = ReadPost(db, req);
      if (auto* r = std::get_if<http::Response>(&post)) return *r;
      return ErrorResponse(db, req, NotFound("no such record: " + req.params[0]));
    }
    auto in = ReadInput(req);
    auto g = Admit(db, req, o->second, in.ok(), in.ok() ? in->fields.Get("csrf").value_or("") : "");
    if (g.refusal) return *g.refusal;
    if (!in.ok()) return ErrorResponse(db, req, in.error());
    Post p{std::move(*in), *g.session};
    auto id = ParseId(req.params[1]);
    if (!id) return ErrorResponse(db, req, NotFound("no such record: " + req.params[0]));
    auto r = o->second.read(db, *id, req.lang, p.session);
    if (!r.ok()) return ErrorResponse(db, req, r.error());
    // The form holds every field in every language: what it sends is the whole text.
    const http::Form& f = p.input.fields;
    json::object body;
    json::object states;
    for (const auto& field : o->second.fields) {
      body[field.name] = TwoLanguages(f, field.name);
      AskedStates asked;
      FormStates(f, field.name, field.name, asked);
      if (auto a = asked.find(field.name); a != asked.end()) {
        json::object langs;
        for (const auto& [l, s] : a->second) langs[l] = s;
        states[field.name] = std::move(langs);
      }
    }
    body["states"] = std::move(states);
    if (r->version) {
      // The version the form was made on (none sent: the owner decides whether it needs one);
      // what is not a number the owner refuses, naming it.
      const std::string v(Trim(f.Get("version").value_or("")));
      auto n = ParseId(v);
      if (!v.empty()) body["version"] = n ? json::value(*n) : json::value(json::string(v));
    }
    auto done = Edit(db, p.session, o->second, *id, body);
    if (!done.ok()) {
      FormErrors errors(req.lang);
      errors.Add(done.error(), InputOf(o->second, done.error().field));
      return FormPage(db, req, o->second, *id, *r, &f, errors,
                      http::StatusFor(done.error().code), accounts::IsStaff(p.session.user.role));
    }
    if (accounts::IsStaff(p.session.user.role))
      return Back(req, "/admin/translations", "texts_saved");
    // The chair goes back to the record's page, at its place (the fragment after the query).
    const auto hash = r->back.find('#');
    return http::Redirect(Prefix(req) + r->back.substr(0, hash) + "?done=texts_saved" +
                          (hash == std::string::npos ? "" : r->back.substr(hash)));
  });
}

void AddLanguageInputs(TemplateDictionary* d, const std::string& prefix, const std::string& name,
                       const std::string& lang, bool long_text, std::size_t max_chars,
                       const std::function<std::string(const std::string&)>& value,
                       const std::function<bool(const std::string&)>& draft,
                       const FormErrors& errors) {
  auto* inc = d->AddIncludeDictionary("LANGUAGES");
  inc->SetFilename("text_languages.tpl");
  for (const auto& code : text::Languages()) {
    auto* o = inc->AddSectionDictionary("LANGS");
    const std::string id = prefix + "-" + code;
    o->SetValue("IID", id);
    o->SetValue("NAME", name + "_" + code);
    o->SetValue("CODE", code);
    o->SetValue("DIR", text::Direction(code));
    o->SetValue("LNAME", T(lang, "language_in_" + code));
    const std::string v = value(code);
    o->SetValue("V", v);
    if (long_text) {
      o->ShowSection("TEXTAREA");
    } else {
      o->ShowSection("INPUT");
      o->SetIntValue("MAX", static_cast<long>(max_chars));  // the rule's limit, kept by the browser
    }
    o->SetValue("NAME_DRAFT", name + "_draft_" + code);
    o->SetValue("DRAFT_LABEL",
                T(lang, "text_state_mark_draft", {{"language", T(lang, "language_in_" + code)}}));
    const bool is_draft = draft(code);
    if (is_draft) o->ShowSection("DRAFT");
    const char* state = Trim(v).empty() ? "missing" : is_draft ? "draft" : "final";
    o->SetValue("STATE", state);
    // Each language writes its own parentheses (Chinese full-width ones).
    o->SetValue("STATE_LABEL",
                T(lang, "text_state_shown", {{"state", T(lang, std::string("text_state_") + state)}}));
    if (auto m = errors.MessageFor(id)) o->SetValueAndShowSection("EMSG", *m, "ERR");
  }
}

void FormStates(const http::Form& f, const std::string& name, const std::string& field,
                AskedStates& out) {
  for (const auto& l : text::Languages()) {
    const bool has_text = !Trim(f.Get(name + "_" + l).value_or("")).empty();
    const bool ticked = f.Get(name + "_draft_" + l).has_value();
    if (has_text || ticked) out[field][l] = ticked ? "draft" : "final";
  }
}

void FormStatesWithBox(const http::Form& f, const std::string& name, const std::string& field,
                       const std::string& box, AskedStates& out) {
  for (const auto& l : text::Languages())
    if (!Trim(f.Get(name + "_" + l).value_or("")).empty())
      out[field][l] = f.Get(box + "_draft_" + l) ? "draft" : "final";
}

void TypedState(const http::Form& f, const std::string& name, const std::string& field,
                const std::string& language, AskedStates& out) {
  if (!Trim(f.Get(name).value_or("")).empty())
    out[field][language] = f.Get("draft") ? "draft" : "final";
}

}  // namespace plenary::site
