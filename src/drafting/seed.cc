// The demo text: the illustrative draft guidelines of C22/32(Rev.1) under item 5 of the Council
// 2022 plenary, from the "texts" of src/demo/council2022.json, loaded inside the demo loader's
// transaction (trusted data: rows are written directly, as the rest of the demo is). Brackets
// are given by their words; their code point offsets are computed here.
#include <map>

#include "base/assets.h"
#include "base/time.h"
#include "drafting/drafting.h"
#include "site/fields.h"

namespace plenary::drafting {

namespace json = boost::json;
using storage::Connection;

namespace {
std::string S(const json::object& o, const char* k) {
  auto* v = o.if_contains(k);
  return v && v->is_string() ? std::string(v->as_string()) : "";
}
Error Broken(const std::string& what) {
  return Error{Code::kInternal, "council2022.json: " + what, {}};
}
}  // namespace

Status LoadDemo(Connection& c) {
  auto file = assets::Find("src/demo/council2022.json");
  if (!file) return Broken("missing");
  const json::object corpus = json::parse(*file).as_object();
  auto* texts = corpus.if_contains("texts");
  if (!texts) return Ok{};
  const std::string session = S(corpus.at("meeting").as_object(), "session");
  std::int64_t now = Now();
  for (const auto& tv : texts->as_array()) {
    const auto& t = tv.as_object();
    auto doc = documents::DocumentId(c, S(t, "document"));
    if (!doc) return Broken("no document " + S(t, "document"));
    auto item = c.QueryInt(
        "SELECT a.id FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id "
        "WHERE m.kind = 'plenary' AND m.session = ? AND a.number = ?",
        session, S(t, "item"));
    if (!item) return Broken("no agenda item " + S(t, "item"));
    const auto& provisions = t.at("provisions").as_array();
    c.Exec("INSERT INTO texts(document_id, agenda_item_id, title, languages, status, version, "
           "access, illustrative, created_at) VALUES(?,?,?,?,'draft',?,'member_states',1,?)",
           *doc, *item, json::serialize(t.at("title")), json::serialize(t.at("languages")),
           static_cast<std::int64_t>(1 + provisions.size()), now);
    std::int64_t text_id = c.LastInsertId();
    std::vector<std::string> kinds;
    for (const auto& pv : provisions) kinds.push_back(S(pv.as_object(), "kind"));
    auto labels = Labels(kinds);
    std::int64_t position = 0;
    for (const auto& pv : provisions) {
      const auto& p = pv.as_object();
      c.Exec("INSERT INTO provisions(text_id, position, kind, label, body) VALUES(?,?,?,?,?)",
             text_id, position + 1, S(p, "kind"), labels[position],
             json::serialize(p.at("text")));
      std::int64_t provision_id = c.LastInsertId();
      ++position;
      auto* brackets = p.if_contains("brackets");
      if (!brackets) continue;
      // The n-th bracket given in each language is a passage of the provision's n-th question.
      std::map<std::string, std::size_t> rank;
      std::vector<std::int64_t> questions;
      std::vector<std::size_t> sizes;  // their alternatives
      for (const auto& bv : brackets->as_array()) {
        const auto& b = bv.as_object();
        std::string lang = S(b, "lang"), words = S(b, "words");
        std::string body = S(p.at("text").as_object(), lang.c_str());
        auto at = body.find(words);
        if (words.empty() || at == std::string::npos)
          return Broken("provision " + labels[position - 1] + ": no \"" + words + "\" in " + lang);
        auto start = static_cast<std::int64_t>(site::CountChars(body.substr(0, at)));
        auto end = start + static_cast<std::int64_t>(site::CountChars(words));
        json::value alternatives = b.contains("alternatives") ? b.at("alternatives")
                                                              : json::value(json::array());
        std::size_t n = rank[lang]++;
        if (n < questions.size() && sizes[n] != alternatives.as_array().size())
          return Broken("provision " + labels[position - 1] + ": the alternatives of \"" + words +
                        "\" are not as many as in the bracket's other languages");
        c.Exec("INSERT INTO brackets(provision_id, lang, start_offset, end_offset, kind, "
               "alternatives, proposed_by, supported_by, objected_by, note, state, created_at, "
               "question_id) VALUES(?,?,?,?,?,?,'','[]','[]',?,'open',?,?)",
               provision_id, lang, start, end,
               alternatives.as_array().empty() ? "retain_or_delete" : "alternatives",
               json::serialize(alternatives), S(b, "note"), now,
               n < questions.size() ? questions[n] : 0);
        if (n == questions.size()) {
          questions.push_back(c.LastInsertId());
          sizes.push_back(alternatives.as_array().size());
          c.Exec("UPDATE brackets SET question_id = id WHERE id = ?", questions.back());
        }
      }
    }
    // Proposals (open), their passage given by its words like the brackets'.
    if (auto* proposals = t.if_contains("proposals"))
      for (const auto& rv : proposals->as_array()) {
        const auto& r = rv.as_object();
        std::string label = S(r, "provision"), lang = S(r, "lang"), words = S(r, "words");
        std::int64_t provision_id = 0;
        std::string body;
        for (std::size_t i = 0; i < labels.size(); ++i)
          if (labels[i] == label) {
            provision_id = *c.QueryInt("SELECT id FROM provisions WHERE text_id = ? AND "
                                       "position = ?", text_id, static_cast<std::int64_t>(i + 1));
            body = S(provisions[i].as_object().at("text").as_object(), lang.c_str());
          }
        auto at = body.find(words);
        if (!provision_id || words.empty() || at == std::string::npos)
          return Broken("proposal on " + label + ": no \"" + words + "\" in " + lang);
        auto start = static_cast<std::int64_t>(site::CountChars(body.substr(0, at)));
        c.Exec("INSERT INTO proposals(text_id, provision_id, member_state, kind, lang, "
               "start_offset, end_offset, words, justification, state, created_at) "
               "VALUES(?,?,?,?,?,?,?,?,?,'open',?)",
               text_id, provision_id, S(r, "member_state"), S(r, "kind"), lang, start,
               start + static_cast<std::int64_t>(site::CountChars(words)), S(r, "text"),
               S(r, "justification"), now);
      }
    c.Exec("INSERT INTO text_history(text_id, version, user_id, action, object_type, object_id, "
           "detail, snapshot, at) VALUES(?,?,NULL,'demo.load','text',?,?,?,?)",
           text_id, static_cast<std::int64_t>(1 + provisions.size()), text_id,
           json::serialize(json::object{{"note", t.at("note")}}), SnapshotOn(c, text_id), now);
  }
  return Ok{};
}

}  // namespace plenary::drafting
