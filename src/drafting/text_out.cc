// A negotiated text → document model; its lifecycle and download routes.
#include "drafting/text_out.h"

#include <fmt/format.h>

#include "documents/generated.h"
#include "documents/issued.h"
#include "meetings/meetings.h"
#include "site/fields.h"
#include "site/site.h"
#include "text/dates.h"
#include "text/messages.h"

namespace plenary::drafting {

namespace json = boost::json;

std::string NegotiatedTextSource(std::int64_t text_id) {
  return fmt::format("negotiated-text:{}", text_id);
}

render::Document NegotiatedTextDocument(storage::Database& db, const Text& t,
                                        const std::string& lang, const std::string& symbol,
                                        const std::string& date) {
  render::Document d;
  d.kind = "negotiated_text";
  d.status = symbol.empty() ? "draft" : "issued";
  d.lang = lang;
  d.symbol = symbol.empty() ? t.document : symbol;
  auto m = meetings::GetMeeting(db, std::to_string(t.meeting_id));
  d.date = !date.empty() ? date : m.ok() ? m->starts_on : "";
  d.date_text = d.date.empty() ? "" : text::FormatDate(d.date, lang);
  if (m.ok()) {
    auto body = meetings::GetBody(db, m->body_key);
    d.organization = (body.ok() ? site::Pick(body->name, lang).text : m->body_acronym) + " " +
                     m->starts_on.substr(0, 4);
    d.body_key = m->body_key;
    d.body_acronym = m->body_acronym;
  }
  const std::string original = t.languages.empty() ? "en" : t.languages.front();
  d.origin = documents::OriginLine(original, lang);
  d.title = site::Pick(t.title, lang).text;
  // Where the negotiation stands, as the summary record says it.
  if (t.OpenBrackets() > 0) {
    render::Block note;
    note.kind = "note";
    note.text = BracketsSentence(t, lang);
    note.lang = lang;
    d.blocks.push_back(std::move(note));
  }
  for (const auto& p : t.provisions) {
    render::Block b;
    b.kind = p.kind == "section" ? "heading" : "paragraph";
    b.number = p.label;
    site::Localized in = site::Pick(p.body, lang);
    const std::string written = in.fallback ? in.lang : lang;
    b.text = BracketedText(p, written);
    b.lang = written;
    b.links = documents::CitationLinks(db, b.text);
    if (in.fallback && !in.text.empty()) b.footnotes.push_back(site::FallbackNote(in, lang));
    d.blocks.push_back(std::move(b));
  }
  return d;
}

void RegisterTextOutput(http::Router& router, storage::Database& db) {
  documents::RegisterGeneratedRoutes(
      router, db, "/api/v1/texts/{id}/document", "/texts/{id}/document",
      [&db](const http::Request& req,
            const std::optional<accounts::Session>& viewer) -> Result<documents::Generated> {
        auto id = site::ParseId(req.params[0]);
        if (!id) return NotFound("text: no such text");
        // A reader who may not see the text gets 404 here, for its files and its lifecycle.
        auto t = Get(db, *id, viewer);
        if (!t.ok()) return t.error();
        documents::Generated g;
        g.source = NegotiatedTextSource(t->id);
        auto m = meetings::GetMeeting(db, std::to_string(t->meeting_id));
        g.body = m.ok() ? m->body_key : "";
        g.source_kind = "secretariat";
        g.author = nullptr;
        g.access = t->access;
        g.page = fmt::format("/texts/{}", t->id);
        g.forms = fmt::format("/texts/{}/document", t->id);
        g.label = site::Pick(t->title, req.lang).text + " (" + t->document + ")";
        g.build = [&db, text = *t](const std::string& lang, const std::string& symbol,
                                   const std::string& date) -> Result<render::Document> {
          if (!text::IsLanguage(lang))
            return InvalidArgument("lang", "lang: must be one of ar, zh, en, fr, ru, es");
          return NegotiatedTextDocument(db, text, lang, symbol, date);
        };
        return g;
      });
}

}  // namespace plenary::drafting
