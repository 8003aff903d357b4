// The search API and page: one query across every public text, with filters and pages.
#include "search/web.h"

#include <charconv>

#include "base/parse.h"
#include "search/search.h"
#include "site/refusals.h"
#include "site/site.h"
#include "site/text_html.h"
#include "text/dates.h"
#include "text/messages.h"

namespace plenary::search {

namespace json = boost::json;
using http::Request;
using text::T;

namespace {

Result<Query> ReadQuery(const Request& req) {
  Query q;
  q.q = req.query.Get("q").value_or("");
  q.reader = req.lang;
  auto opt = [&](const char* k) -> std::optional<std::string> {
    auto v = req.query.Get(k);
    return v && !v->empty() ? v : std::nullopt;
  };
  q.kind = opt("kind");
  q.language = opt("language");
  q.from = opt("from");
  q.to = opt("to");
  for (auto [name, dst] : {std::pair{"consultation", &q.consultation_id}, {"body", &q.body_id}}) {
    if (auto v = opt(name)) {
      auto n = ParseInt(*v);
      if (!n) return InvalidArgument(name, std::string(name) + ": must be a numeric id");
      *dst = *n;
    }
  }
  for (auto [name, dst] : {std::pair{"page", &q.page}, {"per_page", &q.per_page}}) {
    if (auto v = opt(name)) {
      auto n = ParseInt(*v);
      if (!n || *n > 1000000)
        return InvalidArgument(name, std::string(name) + ": must be a whole number");
      *dst = static_cast<int>(*n);
    }
  }
  return q;
}

}  // namespace

void RegisterRoutes(http::Router& router, storage::Database& db) {
  router.Add("GET", "/api/v1/search", [&db](Request& req) {
    auto q = ReadQuery(req);
    if (!q.ok()) return http::JsonError(q.error());
    auto r = Search(db, *q);
    if (!r.ok()) return http::JsonError(r.error());
    json::array items;
    for (const auto& h : r->items)
      items.push_back({{"kind", h.kind}, {"id", h.ref_id}, {"language", h.language},
                       {"date", h.date}, {"title", h.title}, {"snippet", h.snippet},
                       {"snippet_html", h.snippet_html}, {"url", "/" + req.lang + h.url},
                       {"score", h.score}});
    return http::Json(json::object{{"items", items}, {"page", r->page},
                                   {"per_page", r->per_page}, {"more", r->more},
                                   {"indexing_lag", Lag(db)}});
  });

  router.Add("GET", "/search", [&db](Request& req) {
    const std::string& lang = req.lang;
    site::Page page(db, req, "search.tpl", T(lang, "search_title"));
    auto& d = page.body();
    auto q = ReadQuery(req);
    std::string text = req.query.Get("q").value_or("");
    d.SetValue("Q", text);
    for (const char* k :
         {"", "response", "consultation", "meeting", "contribution", "action", "document",
          "resolution", "agenda_item"}) {
      auto* o = d.AddSectionDictionary("KINDS");
      o->SetValue("KEY", k);
      o->SetValue("LABEL", T(lang, std::string("search_kind_") + (*k ? k : "all")));
      if (q.ok() && q->kind.value_or("") == k) o->ShowSection("SEL");
    }
    if (text.empty()) return page.Render();
    if (!q.ok()) {
      d.SetValueAndShowSection("ERROR", site::RefusalText(q.error(), req.lang), "HAS_ERROR");
      return page.Render(400);
    }
    auto r = Search(db, *q);
    if (!r.ok()) {
      d.SetValueAndShowSection("ERROR", site::RefusalText(r.error(), req.lang), "HAS_ERROR");
      return page.Render(400);
    }
    auto* res = d.AddSectionDictionary("RESULTS");
    if (r->items.empty()) res->ShowSection("NONE");
    for (const auto& h : r->items) {
      auto* o = res->AddSectionDictionary("HITS");
      o->SetValue("URL", "/" + lang + h.url);
      // A hit is in its own language, which may be another than the reader's.
      const site::Localized in{h.title, h.language, h.language != lang};
      site::SetText(o, "TITLE", in, lang);
      site::SetTextLanguage(o, "SNIPPET", in, lang);
      o->SetValue("KIND_LABEL", T(lang, "search_kind_" + h.kind));
      // As the reader's language writes dates: ISO digits run backwards in a right-to-left line.
      o->SetValue("DATE", text::FormatDate(h.date, lang));
      o->SetValue("SNIPPET_HTML", h.snippet_html);  // escaped by search, marks added
    }
    std::string base = "?q=" + http::UrlEncode(text) +
                       (q->kind ? "&kind=" + http::UrlEncode(*q->kind) : "");
    if (r->page > 1)
      res->AddSectionDictionary("PREV")->SetValue("HREF", base + "&page=" + std::to_string(r->page - 1));
    if (r->more)
      res->AddSectionDictionary("NEXT")->SetValue("HREF", base + "&page=" + std::to_string(r->page + 1));
    return page.Render();
  });
}

}  // namespace plenary::search
