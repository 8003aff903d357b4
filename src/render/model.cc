// JSON form of the document model and the comparison of two versions.
#include "render/model.h"

#include <map>

namespace plenary::render {

namespace json = boost::json;

namespace {

json::array Strings(const std::vector<std::string>& v) {
  json::array a;
  for (const auto& s : v) a.push_back(json::value(s));
  return a;
}

// Spans of a block's text (links, parts in another language): {begin, end, <key>: <member>}.
template <typename Span>
json::array SpansJson(const std::vector<Span>& spans, const char* key,
                      std::string Span::*member) {
  json::array a;
  for (const auto& s : spans)
    a.push_back({{"begin", static_cast<std::int64_t>(s.begin)},
                 {"end", static_cast<std::int64_t>(s.end)},
                 {key, s.*member}});
  return a;
}

// Readers of a snapshot that fail with one error naming the snapshot, not crash on bad input.
struct Reader {
  bool ok = true;
  std::string Str(const json::object& o, const char* k) {
    const json::value* v = o.if_contains(k);
    if (!v) return "";
    if (!v->is_string()) {
      ok = false;
      return "";
    }
    return std::string(v->as_string());
  }
  std::int64_t Int(const json::object& o, const char* k) {
    const json::value* v = o.if_contains(k);
    if (!v) return 0;
    if (!v->is_int64()) {
      ok = false;
      return 0;
    }
    return v->as_int64();
  }
  const json::array* Arr(const json::object& o, const char* k) {
    const json::value* v = o.if_contains(k);
    if (!v) return nullptr;
    if (!v->is_array()) ok = false;
    return v->if_array();
  }
};

// The parts of `text` in another language: false for a part that is not an object, lies
// outside the text or overlaps the one before it.
bool ReadLanguages(Reader& r, const json::array& a, const std::string& text,
                   std::vector<LanguageSpan>* out) {
  for (const auto& lv : a) {
    const json::object* lo = lv.if_object();
    if (!lo) return false;
    LanguageSpan l{static_cast<std::size_t>(r.Int(*lo, "begin")),
                   static_cast<std::size_t>(r.Int(*lo, "end")), r.Str(*lo, "lang")};
    if (l.begin > l.end || l.end > text.size() || (!out->empty() && l.begin < out->back().end))
      return false;
    out->push_back(std::move(l));
  }
  return true;
}

}  // namespace

std::vector<LanguageSpan> UsableSpans(const std::vector<LanguageSpan>& spans, std::size_t size) {
  std::vector<LanguageSpan> out;
  std::size_t last = 0;
  for (const auto& s : spans) {
    if (s.begin < last || s.begin >= s.end || s.end > size) continue;
    last = s.end;
    out.push_back(s);
  }
  return out;
}

json::object ToJson(const Document& d) {
  json::array blocks, signatures;
  for (const auto& b : d.blocks) {
    json::object o{{"kind", b.kind},
                   {"number", b.number},
                   {"level", b.level},
                   {"text", b.text},
                   {"lang", b.lang}};
    if (!b.footnotes.empty()) o["footnotes"] = Strings(b.footnotes);
    if (!b.links.empty()) o["links"] = SpansJson(b.links, "href", &Link::href);
    if (!b.languages.empty()) o["languages"] = SpansJson(b.languages, "lang", &LanguageSpan::lang);
    blocks.push_back(std::move(o));
  }
  for (const auto& s : d.signatures)
    signatures.push_back({{"role", s.role}, {"name", s.name}, {"detail", s.detail}});
  json::object out{{"kind", d.kind},
                   {"status", d.status},
                   {"lang", d.lang},
                   {"symbol", d.symbol},
                   {"date", d.date},
                   {"date_text", d.date_text},
                   {"organization", d.organization},
                   {"origin", d.origin},
                   {"body_key", d.body_key},
                   {"body_acronym", d.body_acronym},
                   {"title", d.title},
                   {"blocks", std::move(blocks)},
                   {"signatures", std::move(signatures)}};
  if (!d.title_languages.empty())
    out["title_languages"] = SpansJson(d.title_languages, "lang", &LanguageSpan::lang);
  return out;
}

Result<Document> FromJson(const json::value& v) {
  const json::object* o = v.if_object();
  if (!o) return InvalidArgument("snapshot", "snapshot: not a document");
  Reader r;
  Document d;
  d.kind = r.Str(*o, "kind");
  d.status = r.Str(*o, "status");
  d.lang = r.Str(*o, "lang");
  d.symbol = r.Str(*o, "symbol");
  d.date = r.Str(*o, "date");
  d.date_text = r.Str(*o, "date_text");
  d.organization = r.Str(*o, "organization");
  d.origin = r.Str(*o, "origin");
  d.body_key = r.Str(*o, "body_key");
  d.body_acronym = r.Str(*o, "body_acronym");
  d.title = r.Str(*o, "title");
  if (const json::array* languages = r.Arr(*o, "title_languages"))
    if (!ReadLanguages(r, *languages, d.title, &d.title_languages))
      return InvalidArgument("snapshot", "snapshot: a language span lies outside the title");
  if (const json::array* blocks = r.Arr(*o, "blocks")) {
    for (const auto& bv : *blocks) {
      const json::object* bo = bv.if_object();
      if (!bo) return InvalidArgument("snapshot", "snapshot: a block is not an object");
      Block b;
      b.kind = r.Str(*bo, "kind");
      b.number = r.Str(*bo, "number");
      b.level = static_cast<int>(r.Int(*bo, "level"));
      b.text = r.Str(*bo, "text");
      b.lang = r.Str(*bo, "lang");
      if (const json::array* f = r.Arr(*bo, "footnotes"))
        for (const auto& s : *f) {
          if (!s.is_string()) return InvalidArgument("snapshot", "snapshot: bad footnote");
          b.footnotes.emplace_back(s.as_string());
        }
      if (const json::array* links = r.Arr(*bo, "links"))
        for (const auto& lv : *links) {
          const json::object* lo = lv.if_object();
          if (!lo) return InvalidArgument("snapshot", "snapshot: bad link");
          Link l{static_cast<std::size_t>(r.Int(*lo, "begin")),
                 static_cast<std::size_t>(r.Int(*lo, "end")), r.Str(*lo, "href")};
          if (l.begin > l.end || l.end > b.text.size())
            return InvalidArgument("snapshot", "snapshot: a link lies outside its text");
          b.links.push_back(std::move(l));
        }
      if (const json::array* languages = r.Arr(*bo, "languages"))
        if (!ReadLanguages(r, *languages, b.text, &b.languages))
          return InvalidArgument("snapshot", "snapshot: a language span lies outside its text");
      d.blocks.push_back(std::move(b));
    }
  }
  if (const json::array* sigs = r.Arr(*o, "signatures"))
    for (const auto& sv : *sigs) {
      const json::object* so = sv.if_object();
      if (!so) return InvalidArgument("snapshot", "snapshot: bad signature");
      d.signatures.push_back({r.Str(*so, "role"), r.Str(*so, "name"), r.Str(*so, "detail")});
    }
  if (!r.ok) return InvalidArgument("snapshot", "snapshot: a field has the wrong type");
  return d;
}

json::array Changes(const Document& before, const Document& after) {
  // Keyed by kind and number: headings and paragraphs are numbered; unnumbered notes by order.
  auto index = [](const Document& d) {
    std::map<std::string, std::string> m;
    int unnumbered = 0;
    for (const auto& b : d.blocks)
      m[b.kind + ":" + (b.number.empty() ? "#" + std::to_string(++unnumbered) : b.number)] =
          b.text + "\x1f" + b.lang;
    return m;
  };
  auto a = index(before), b = index(after);
  json::array out;
  auto add = [&out](const std::string& key, const char* change) {
    auto colon = key.find(':');
    out.push_back(
        {{"kind", key.substr(0, colon)}, {"number", key.substr(colon + 1)}, {"change", change}});
  };
  for (const auto& [k, v] : a) {
    auto it = b.find(k);
    if (it == b.end())
      add(k, "removed");
    else if (it->second != v)
      add(k, "changed");
  }
  for (const auto& [k, v] : b)
    if (!a.count(k)) add(k, "added");
  if (before.title != after.title)
    out.push_back({{"kind", "title"}, {"number", ""}, {"change", "changed"}});
  return out;
}

}  // namespace plenary::render
