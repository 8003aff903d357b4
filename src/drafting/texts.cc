// A negotiated text's title and its provisions edited with their states (texts.h).
#include "drafting/texts.h"

#include <fmt/format.h>

#include "drafting/drafting.h"
#include "site/site.h"
#include "text/messages.h"

namespace plenary::drafting {

namespace json = boost::json;
using text::T;

namespace {

// A document's symbol or a provision's label in a label: isolated on right-to-left pages, so
// that "C22/32(Rev.1)" keeps its parentheses and "1.a" its order among Arabic words.
std::string Symbol(const std::string& symbol, const std::string& lang) {
  return std::string_view(text::Direction(lang)) == "rtl" ? "\u2068" + symbol + "\u2069" : symbol;
}

std::string In(const json::value& body, const std::string& lang) {
  if (!body.is_object()) return "";
  auto* v = body.as_object().if_contains(lang);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

const Provision* Find(const Text& t, std::int64_t id) {
  for (const auto& p : t.provisions)
    if (p.id == id) return &p;
  return nullptr;
}

// The provision's text and states as the form's write answers them.
json::object ProvisionTextsJson(storage::Database& db, const Text& t, const Provision& p) {
  const auto drafts = site::DraftsOf(db.Read(), "provision", p.id);
  auto d = drafts.find("text");
  return json::object{
      {"id", p.id},
      {"text", p.body},
      {"version", t.version},
      {"states", {{"text", site::StatesJson(p.body, d == drafts.end() ? std::set<std::string>()
                                                                       : d->second)}}}};
}

// The form's edit of a provision ({text: {lang: text}, states: {text: {lang: state}}, version})
// made into drafting's own edit (UpdateProvision: version check, brackets following the words,
// history): only the languages whose words changed are given, a language emptied is given empty
// (drafting refuses it: a provision's language, once written, is not removed), and a form saved
// as it stood changes nothing (no new version of the text).
Result<json::object> WriteProvision(storage::Database& db, const accounts::Session& who,
                                    std::int64_t id, const json::object& body) {
  for (const auto& [k, v] : body)
    if (k != "text" && k != "states" && k != "version")
      return InvalidArgument(std::string(k), std::string(k) + ": not a field of this request "
                                                              "(text, states, version)");
  ProvisionPatch in;
  if (auto* v = body.if_contains("version"); v && !v->is_null()) {
    if (!v->is_int64()) return InvalidArgument("version", "version: must be a whole number");
    in.version = v->as_int64();
  }
  auto asked = site::ReadStates(body, {"text"});
  if (!asked.ok()) return asked.error();
  auto text_id = TextOfProvision(db, id);
  if (!text_id.ok()) return text_id.error();
  auto t = Get(db, *text_id, who);
  if (!t.ok()) return t.error();
  const Provision* p = Find(*t, id);
  if (!p) return NotFound(fmt::format("provision {}: no such provision", id));
  json::object changed;
  if (auto* v = body.if_contains("text")) {
    if (!v->is_object())
      return InvalidArgument("text", "text: an object of language → text, e.g. {\"en\": \"…\"}");
    for (const auto& [k, given] : v->as_object()) {
      const std::string lang(k);
      // Not a language, or not a string: drafting's rules name it.
      if (!text::IsLanguage(lang) || !given.is_string() || given.as_string() != In(p->body, lang))
        changed[lang] = given;
    }
    // A language the form left empty is one emptied: drafting refuses it (UpdateProvision).
    for (const auto& lang : text::Languages())
      if (!In(p->body, lang).empty() && !v->as_object().contains(lang)) changed[lang] = "";
  }
  const auto drafts = site::DraftsOf(db.Read(), "provision", id);
  auto d = drafts.find("text");
  bool differs = !changed.empty();
  if (auto a = asked->find("text"); a != asked->end())
    for (const auto& [lang, state] : a->second)
      differs |= In(p->body, lang).empty() ||
                 (state == "draft") != (d != drafts.end() && d->second.count(lang) > 0);
  if (!differs) {
    // Saved as it stood: still refused when made on a stale version, as any edit.
    if (!in.version) return InvalidArgument("version", "version: required, the version of the "
                                                       "text the edit was made on");
    if (*in.version != t->version)
      return Error{Code::kConflict,
                   fmt::format("version: the text is at version {}, not {}; someone changed it "
                               "meanwhile — reload it and make the edit again",
                               t->version, *in.version),
                   "version"};
    return ProvisionTextsJson(db, *t, *p);
  }
  if (!changed.empty()) in.text = std::move(changed);
  in.states = std::move(*asked);
  auto done = UpdateProvision(db, who, id, in);
  if (!done.ok()) return done.error();
  auto after = Get(db, *text_id, who);
  if (!after.ok()) return after.error();
  return ProvisionTextsJson(db, *after, *done);
}

}  // namespace

site::TextOwner TitleTexts() {
  site::TextOwner o;
  o.owner = "text";
  o.fields = {{"title", "field_title", 1000, true, false}};
  o.read = [](storage::Database& db, std::int64_t id, const std::string& lang,
              const std::optional<accounts::Session>& viewer) -> Result<site::OwnedTexts> {
    auto t = Get(db, id, viewer);
    if (!t.ok()) return t.error();
    return site::OwnedTexts{
        fmt::format("{} — {}", Symbol(t->document, lang), site::Pick(t->title, lang).text),
                            fmt::format("/texts/{}", t->id),
                            {{"title", t->title}},
                            t->version};
  };
  o.write = [](storage::Database& db, const accounts::Session& who, std::int64_t id,
               const boost::json::object& body) { return EditTitle(db, who, id, body); };
  o.may_edit = [](const accounts::Session& who) { return MayEdit(who); };
  return o;
}

site::TextOwner ProvisionTexts() {
  site::TextOwner o;
  o.owner = "provision";
  o.fields = {{"text", "field_text", kMaxProvisionChars, false, true}};
  o.read = [](storage::Database& db, std::int64_t id, const std::string& lang,
              const std::optional<accounts::Session>& viewer) -> Result<site::OwnedTexts> {
    auto text_id = TextOfProvision(db, id);
    if (!text_id.ok()) return text_id.error();
    auto t = Get(db, *text_id, viewer);
    if (!t.ok()) return t.error();
    const Provision* p = Find(*t, id);
    if (!p) return NotFound(fmt::format("provision {}: no such provision", id));
    return site::OwnedTexts{
        fmt::format("{} — {}", Symbol(t->document, lang),
                    T(lang, "translations_provision", {{"label", Symbol(p->label, lang)}})),
        fmt::format("/texts/{}#p{}", t->id, p->id),
        {{"text", p->body}},
        t->version};
  };
  o.write = WriteProvision;
  o.may_edit = [](const accounts::Session& who) { return MayEdit(who); };
  return o;
}

}  // namespace plenary::drafting
