// The per-language states of multilingual fields (text_states.h).
#include "site/text_states.h"

#include <fmt/format.h>

#include "text/messages.h"

namespace plenary::site {

namespace json = boost::json;

namespace {

bool HasText(const json::value& v, const std::string& lang) {
  if (v.is_string()) return lang == "en" && !v.as_string().empty();
  const json::object* o = v.if_object();
  const json::value* t = o ? o->if_contains(lang) : nullptr;
  return t && t->is_string() && !t->as_string().empty();
}
json::value StoredTextIn(const json::value& v, const std::string& lang) {
  if (!HasText(v, lang)) return nullptr;
  return v.is_string() ? v : v.as_object().at(lang);
}

Result<std::map<std::string, std::string>> ReadOne(const json::value& v, const std::string& field) {
  std::map<std::string, std::string> out;
  const std::string name = "states." + field;
  if (!v.is_object())
    return InvalidArgument(name, name + ": must be an object of language → \"draft\" or \"final\"");
  for (const auto& [k, s] : v.as_object()) {
    const std::string lang(k);
    if (!text::IsLanguage(lang))
      return InvalidArgument(name + "." + lang, name + "." + lang +
                                                    ": not one of the six languages (ar, zh, en, fr, ru, es)");
    if (!s.is_string() || (s.as_string() != "draft" && s.as_string() != "final"))
      return InvalidArgument(name + "." + lang,
                             name + "." + lang + ": must be \"draft\" or \"final\" (a missing "
                                                 "text is one without text, not a state)");
    out[lang] = std::string(s.as_string());
  }
  return out;
}

}  // namespace

Result<AskedStates> ReadStates(const json::object& body,
                               std::initializer_list<std::string_view> fields) {
  return ReadStates(body, std::vector<std::string_view>(fields));
}

Result<AskedStates> ReadStates(const json::object& body,
                               const std::vector<std::string_view>& fields) {
  AskedStates out;
  const json::value* v = body.if_contains("states");
  if (!v || v->is_null()) return out;
  if (!v->is_object())
    return InvalidArgument("states", "states: must be an object of field → {language: state}");
  for (const auto& [k, s] : v->as_object()) {
    const std::string field(k);
    bool known = false, list = false;
    for (std::string_view f : fields) {
      if (f == field) known = true;
      if (f.ends_with("[]") && f.substr(0, f.size() - 2) == field) known = list = true;
    }
    if (!known)
      return InvalidArgument("states." + field,
                             "states." + field + ": not a multilingual field of this request");
    if (list) {
      if (!s.is_array())
        return InvalidArgument("states." + field, "states." + field +
                                                      ": must be an array aligned with " + field);
      for (std::size_t i = 0; i < s.as_array().size(); ++i) {
        const std::string name = fmt::format("{}.{}", field, i + 1);
        if (s.as_array()[i].is_null()) continue;
        auto one = ReadOne(s.as_array()[i], name);
        if (!one.ok()) return one.error();
        out[name] = std::move(*one);
      }
      continue;
    }
    auto one = ReadOne(s, field);
    if (!one.ok()) return one.error();
    out[field] = std::move(*one);
  }
  return out;
}

Status CheckStates(const AskedStates& asked, const std::string& field, const json::value& text) {
  auto it = asked.find(field);
  if (it == asked.end()) return Ok{};
  for (const auto& [lang, state] : it->second)
    if (!HasText(text, lang)) {
      const std::string name = "states." + field + "." + lang;
      return InvalidArgument(name, name + ": no text in this language; a missing text has no "
                                          "state (write the text, or leave the state out)");
    }
  return Ok{};
}

Drafts DraftsOf(storage::Connection& c, std::string_view owner, std::int64_t owner_id) {
  Drafts out;
  storage::Stmt s(c, "SELECT field, lang FROM text_states WHERE owner = ? AND owner_id = ?");
  s.BindAll(owner, owner_id);
  while (s.Step()) out[s.Text(0)].insert(s.Text(1));
  return out;
}

std::map<std::int64_t, Drafts> AllDrafts(storage::Connection& c, std::string_view owner) {
  std::map<std::int64_t, Drafts> out;
  storage::Stmt s(c, "SELECT owner_id, field, lang FROM text_states WHERE owner = ?");
  s.BindAll(owner);
  while (s.Step()) out[s.Int(0)][s.Text(1)].insert(s.Text(2));
  return out;
}

std::set<std::string> DraftLanguages(const std::map<std::int64_t, Drafts>& all, std::int64_t id,
                                     const std::string& field) {
  auto r = all.find(id);
  if (r == all.end()) return {};
  auto f = r->second.find(field);
  return f == r->second.end() ? std::set<std::string>() : f->second;
}

bool WriteStates(storage::Connection& c, std::string_view owner, std::int64_t owner_id,
                 const std::string& field, const json::value& old_text, const json::value& text,
                 const AskedStates& asked) {
  const Drafts before = DraftsOf(c, owner, owner_id);
  auto was = before.find(field);
  const std::set<std::string> none;
  const std::set<std::string>& old_drafts = was == before.end() ? none : was->second;
  auto a = asked.find(field);
  bool changed = false;
  for (const auto& lang : text::Languages()) {
    bool draft = false;
    if (HasText(text, lang)) {
      if (a != asked.end() && a->second.count(lang))
        draft = a->second.at(lang) == "draft";
      else
        draft = StoredTextIn(old_text, lang) == StoredTextIn(text, lang) && old_drafts.count(lang);
    }
    if (draft == static_cast<bool>(old_drafts.count(lang))) continue;
    changed = true;
    if (draft)
      c.Exec("INSERT INTO text_states(owner, owner_id, field, lang, state) VALUES(?,?,?,?,'draft')",
             owner, owner_id, field, lang);
    else
      c.Exec("DELETE FROM text_states WHERE owner = ? AND owner_id = ? AND field = ? AND lang = ?",
             owner, owner_id, field, lang);
  }
  return changed;
}

Result<bool> WriteTextStates(storage::Connection& c, std::string_view owner, std::int64_t owner_id,
                             const std::vector<TextChange>& changes, const AskedStates& asked) {
  static const json::value kNone;
  for (const auto& [field, langs] : asked) {
    const json::value* text = &kNone;
    for (const auto& ch : changes)
      if (ch.field == field) text = &ch.text;
    if (auto s = CheckStates(asked, field, *text); !s.ok()) return s.error();
  }
  bool changed = false;
  for (const auto& ch : changes)
    changed |= WriteStates(c, owner, owner_id, ch.field, ch.old_text, ch.text, asked);
  return changed;
}

void DeleteStates(storage::Connection& c, std::string_view owner, std::int64_t owner_id) {
  c.Exec("DELETE FROM text_states WHERE owner = ? AND owner_id = ?", owner, owner_id);
}

std::string StateOf(const json::value& text, const std::set<std::string>& drafts,
                    const std::string& lang) {
  if (!HasText(text, lang)) return "missing";
  return drafts.count(lang) ? "draft" : "final";
}

json::object StatesJson(const json::value& text, const std::set<std::string>& drafts) {
  json::object o;
  for (const auto& lang : text::Languages()) o[lang] = StateOf(text, drafts, lang);
  return o;
}

json::object StatesOf(storage::Connection& c, std::string_view owner, std::int64_t id,
                      const std::vector<std::pair<std::string, json::value>>& texts) {
  const Drafts drafts = DraftsOf(c, owner, id);
  json::object o;
  for (const auto& [field, text] : texts) {
    auto d = drafts.find(field);
    o[field] = StatesJson(text, d == drafts.end() ? std::set<std::string>() : d->second);
  }
  return o;
}

}  // namespace plenary::site
