// Negotiated texts on the SQL store: texts, provisions and their labels, brackets and how they
// follow edits and resolutions, the history of every change, and the summary record's sentence.
#include "drafting/drafting.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "accounts/accounts.h"
#include "audit/audit.h"
#include "base/time.h"
#include "base/utf8.h"
#include "http/watchers.h"
#include "meetings/meetings.h"
#include "proceedings/proceedings.h"
#include "site/fields.h"
#include "text/countries.h"
#include "text/messages.h"

namespace plenary::drafting {

namespace json = boost::json;
using site::Alternatives;
using site::OneOf;
using site::ParseJson;
using storage::Connection;
using storage::Stmt;

namespace {

std::string J(const json::value& v) { return json::serialize(v); }

std::vector<std::string> Strs(const std::string& text) {
  std::vector<std::string> out;
  auto v = ParseJson(text);
  if (v.is_array())
    for (const auto& s : v.as_array())
      if (s.is_string()) out.emplace_back(s.as_string());
  return out;
}

Error NoSuchText(std::int64_t id) { return NotFound(fmt::format("text {}: no such text", id)); }
Error NoSuchProvision(std::int64_t id) {
  return NotFound(fmt::format("provision {}: no such provision", id));
}
Error NoSuchBracket(std::int64_t id) {
  return NotFound(fmt::format("bracket {}: no such bracket", id));
}

std::u32string Utf32(const std::string& s) {
  std::u32string out;
  std::int32_t i = 0, n = static_cast<std::int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    out.push_back(c < 0 ? 0xFFFD : static_cast<char32_t>(c));
  }
  return out;
}

// A combining mark cannot start a bracket or follow one: "[" would separate it from its base
// letter (Arabic harakat, accents written as combining characters).
bool IsMark(char32_t c) {
  auto t = u_charType(static_cast<UChar32>(c));
  return t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK || t == U_COMBINING_SPACING_MARK;
}

std::vector<std::int64_t> Ids(const std::string& text) {
  std::vector<std::int64_t> out;
  auto v = ParseJson(text);
  if (v.is_array())
    for (const auto& e : v.as_array())
      if (e.is_int64()) out.push_back(e.as_int64());
  return out;
}

// Proposals, informal consultations and revisions of a text.
void LoadNegotiation(Connection& c, Text* t) {
  Stmt p(c, "SELECT id, provision_id, member_state, kind, lang, start_offset, end_offset, words, "
            "justification, state, bracket_id, created_at, provision_kind FROM proposals WHERE text_id = ? "
            "ORDER BY member_state, id");
  p.BindAll(t->id);
  while (p.Step()) {
    Proposal r;
    r.id = p.Int(0);
    r.text_id = t->id;
    r.provision_id = p.Int(1);
    r.member_state = p.Text(2);
    r.kind = p.Text(3);
    r.lang = p.Text(4);
    if (!p.IsNull(5)) r.start = p.Int(5);
    if (!p.IsNull(6)) r.end = p.Int(6);
    r.words = p.Text(7);
    r.justification = p.Text(8);
    r.state = p.Text(9);
    if (!p.IsNull(10)) r.bracket_id = p.Int(10);
    r.created_at = p.Int(11);
    r.provision_kind = p.Text(12);
    for (const auto& v : t->provisions)
      if (v.id == r.provision_id) r.label = v.label;
    t->proposals.push_back(std::move(r));
  }
  Stmt i(c, "SELECT id, provisions, facilitator_user_id, facilitator_name, member_state, "
            "report_to_meeting_id, deadline, decision_id, sent_version, "
            "report_agenda_item_id, report_intervention_id, reported_version, reported_at "
            "FROM informal_consultations "
            "WHERE text_id = ? ORDER BY id");
  i.BindAll(t->id);
  while (i.Step()) {
    Informal r;
    r.id = i.Int(0);
    r.text_id = t->id;
    r.provisions = Ids(i.Text(1));
    r.facilitator_user_id = i.IsNull(2) ? 0 : i.Int(2);
    r.facilitator_name = i.Text(3);
    r.member_state = i.Text(4);
    r.report_to_meeting = i.Int(5);
    r.deadline = i.Text(6);
    r.decision_id = i.Int(7);
    r.sent_version = i.Int(8);
    if (!i.IsNull(9)) r.report_agenda_item = i.Int(9);
    if (!i.IsNull(10)) r.report_intervention = i.Int(10);
    if (!i.IsNull(11)) r.reported_version = i.Int(11);
    if (!i.IsNull(12)) r.reported_at = i.Int(12);
    t->informal.push_back(std::move(r));
  }
  Stmt v(c, "SELECT r.number, r.version, r.document_id, d.symbol, r.created_at "
            "FROM text_revisions r JOIN documents d ON d.id = r.document_id "
            "WHERE r.text_id = ? ORDER BY r.number");
  v.BindAll(t->id);
  while (v.Step())
    t->revisions.push_back({v.Int(0), v.Int(1), v.Int(2), v.Text(3), v.Int(4)});
}

std::optional<Text> LoadText(Connection& c, std::int64_t id, bool details) {
  Stmt s(c,
         "SELECT t.id, t.document_id, d.symbol, t.access, t.agenda_item_id, a.meeting_id, t.title, "
         "t.languages, t.status, t.version, t.illustrative, t.adopted_meeting_id, "
         "t.adopted_decision_id, t.adopted_version, t.adopted_resolution_id, "
         "t.under_discussion_id "
         "FROM texts t JOIN documents d ON d.id = t.document_id "
         "JOIN agenda_items a ON a.id = t.agenda_item_id WHERE t.id = ?");
  s.BindAll(id);
  if (!s.Step()) return std::nullopt;
  Text t;
  t.id = s.Int(0);
  t.document_id = s.Int(1);
  t.document = s.Text(2);
  t.access = s.Text(3);
  t.agenda_item_id = s.Int(4);
  t.meeting_id = s.Int(5);
  t.title = ParseJson(s.Text(6));
  t.languages = Strs(s.Text(7));
  t.status = s.Text(8);
  t.version = s.Int(9);
  t.illustrative = s.Int(10) != 0;
  if (!s.IsNull(11)) t.adopted_meeting = s.Int(11);
  if (!s.IsNull(12)) t.adopted_decision = s.Int(12);
  if (!s.IsNull(13)) t.adopted_version = s.Int(13);
  if (!s.IsNull(14)) t.adopted_resolution = documents::ResolutionRefOf(c, s.Int(14));
  if (!s.IsNull(15)) t.under_discussion = s.Int(15);
  Stmt p(c, "SELECT id, position, kind, label, body FROM provisions WHERE text_id = ? "
            "ORDER BY position");
  p.BindAll(id);
  while (p.Step()) {
    Provision v;
    v.id = p.Int(0);
    v.text_id = id;
    v.position = static_cast<int>(p.Int(1));
    v.kind = p.Text(2);
    v.label = p.Text(3);
    v.body = details ? ParseJson(p.Text(4)) : json::value(json::object());
    t.provisions.push_back(std::move(v));
  }
  Stmt b(c,
         "SELECT b.id, b.provision_id, b.lang, b.start_offset, b.end_offset, b.kind, "
         "b.alternatives, b.proposed_by, b.supported_by, b.objected_by, b.note, b.state, "
         "b.question_id "
         "FROM brackets b JOIN provisions p ON p.id = b.provision_id WHERE p.text_id = ? "
         "ORDER BY b.lang, b.start_offset, b.end_offset DESC, b.id");
  b.BindAll(id);
  while (b.Step()) {
    Bracket k;
    k.id = b.Int(0);
    k.provision_id = b.Int(1);
    k.lang = b.Text(2);
    k.start = b.Int(3);
    k.end = b.Int(4);
    k.kind = b.Text(5);
    k.alternatives = Strs(b.Text(6));
    k.proposed_by = b.Text(7);
    k.supported_by = Strs(b.Text(8));
    k.objected_by = Strs(b.Text(9));
    k.note = b.Text(10);
    k.state = b.Text(11);
    k.question = b.Int(12) ? b.Int(12) : k.id;
    for (auto& v : t.provisions)
      if (v.id == k.provision_id) v.brackets.push_back(k);
  }
  LoadNegotiation(c, &t);
  return t;
}

std::string BodyText(const Provision& p, const std::string& lang) {
  if (!p.body.is_object()) return {};
  auto* v = p.body.as_object().if_contains(lang);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

// A provision's text for one language from input: a non-empty string of plain text. It is
// kept exactly as written (no trimming), since bracket offsets count its code points.
Status CheckBody(const std::string& lang, const json::value& v) {
  std::string field = "text." + lang;
  if (!v.is_string()) return InvalidArgument(field, field + ": must be a string");
  const std::string s(v.as_string());
  if (s.empty()) return InvalidArgument(field, field + ": must not be empty");
  if (auto fault = CheckText(s))
    return InvalidArgument(field, fmt::format("{}: {} at byte {}", field, fault->rule, fault->at));
  if (site::CountChars(s) > kMaxProvisionChars)
    return Error{Code::kTooLarge, fmt::format("{}: at most {} characters", field,
                                              kMaxProvisionChars),
                 field};
  return Ok{};
}

// The `text` object of a request: any of the six languages (one the text lacks joins it).
Status CheckBodies(const json::value& v, bool required) {
  if (v.is_null() && !required) return Ok{};
  if (!v.is_object() || (required && v.as_object().empty()))
    return InvalidArgument("text", "text: an object of language → text, e.g. {\"en\": \"…\"}");
  for (const auto& [k, val] : v.as_object()) {
    std::string lang(k);
    if (!text::IsLanguage(lang))
      return InvalidArgument("text." + lang,
                             fmt::format("text.{}: not one of the six languages (ar, zh, en, fr, "
                                         "ru, es)", lang));
    if (auto s = CheckBody(lang, val); !s.ok()) return s;
  }
  return Ok{};
}

// A provision written in a language the text is not yet drafted in: the text gains that
// language (after its others, so that its original stays first). The languages added, for the
// history's detail.
json::array JoinLanguages(Connection& c, const Text& t, const json::value& v) {
  json::array added;
  if (!v.is_object()) return added;
  std::vector<std::string> langs = t.languages;
  for (const auto& l : text::Languages())
    if (v.as_object().contains(l) && std::find(langs.begin(), langs.end(), l) == langs.end()) {
      langs.push_back(l);
      added.push_back(json::string(l));
    }
  if (!added.empty()) c.Exec("UPDATE texts SET languages = ? WHERE id = ?", J(json::value_from(langs)), t.id);
  return added;
}

// Rewrites positions 1..n and labels after an insertion, removal or change of kind. Positions
// are moved through negative values because a UNIQUE column is checked row by row.
void Renumber(Connection& c, std::int64_t text_id) {
  std::vector<std::pair<std::int64_t, std::string>> rows;
  {
    Stmt s(c, "SELECT id, kind FROM provisions WHERE text_id = ? ORDER BY position");
    s.BindAll(text_id);
    while (s.Step()) rows.emplace_back(s.Int(0), s.Text(1));
  }
  std::vector<std::string> kinds;
  for (const auto& r : rows) kinds.push_back(r.second);
  auto labels = Labels(kinds);
  c.Exec("UPDATE provisions SET position = -position - 1 WHERE text_id = ?", text_id);
  for (std::size_t i = 0; i < rows.size(); ++i)
    c.Exec("UPDATE provisions SET position = ?, label = ? WHERE id = ?",
           static_cast<std::int64_t>(i + 1), labels[i], rows[i].first);
}

void SaveBracket(Connection& c, const Bracket& b) {
  c.Exec("UPDATE brackets SET start_offset = ?, end_offset = ?, state = ? WHERE id = ?", b.start,
         b.end, b.state, b.id);
}

// The open proposals of `lang` in a provision follow an edit that replaced code points [a, b)
// by `len` others, as brackets do (Remap): a passage before the edit stays, one after it moves
// by the difference; one the edit touches inside has no passage any more (its offsets NULL), so
// that merging or bracketing it is refused instead of changing other words. `except`: the
// proposal being merged, whose own passage the edit is.
void MoveProposals(Connection& c, std::int64_t provision_id, const std::string& lang,
                   std::int64_t a, std::int64_t b, std::int64_t len, std::int64_t except = 0) {
  const std::int64_t delta = len - (b - a);
  c.Exec("UPDATE proposals SET "
         "start_offset = CASE WHEN end_offset <= ? THEN start_offset "
         "WHEN start_offset >= ? THEN start_offset + ? END, "
         "end_offset = CASE WHEN end_offset <= ? THEN end_offset "
         "WHEN start_offset >= ? THEN end_offset + ? END "
         "WHERE provision_id = ? AND lang = ? AND state = 'open' AND id <> ? "
         "AND start_offset IS NOT NULL AND end_offset IS NOT NULL",
         a, b, delta, a, b, delta, provision_id, lang, except);
}

// Moves the brackets of one language of a provision after its text [a, b) was replaced by
// `len` code points. Open brackets may contain the edit or lie wholly before or after it; an
// open bracket whose edge the edit crosses is an error — except, when `resolving`, brackets
// inside the replaced words, which go with them (state deleted). Closed brackets are clamped.
Status Remap(std::vector<Bracket*>& brackets, std::int64_t a, std::int64_t b, std::int64_t len,
             bool resolving, const std::string& field) {
  std::int64_t delta = len - (b - a);
  auto point = [&](std::int64_t p, bool end_edge) {
    if (p <= a) return p;
    if (p >= b) return p + delta;
    return end_edge ? a + len : a;
  };
  for (Bracket* k : brackets) {
    if (resolving && a <= k->start && k->end <= b) {
      if (k->state == "open") k->state = "deleted";
      k->start = k->end = a;
      continue;
    }
    if (k->end <= a && !(a == b && k->start == a && k->end == a)) continue;  // before the edit
    if (k->start >= b) {  // after it
      k->start += delta;
      k->end += delta;
      continue;
    }
    if (k->start <= a && b <= k->end) {  // inside it
      k->end += delta;
      continue;
    }
    if (k->state == "open")
      return InvalidArgument(field,
                             fmt::format("{}: the change of code points {} to {} crosses an edge "
                                         "of open bracket {} [{}, {}); resolve it first or edit "
                                         "inside or outside it",
                                         field, a, b, k->id, k->start, k->end));
    k->start = point(k->start, false);
    k->end = std::max(k->start, point(k->end, true));
  }
  return Ok{};
}

struct Change {
  std::int64_t object_id = 0;
  json::object detail;
};

// The frame of every change of a text: it exists and the editor may see it, it is a draft, the
// version (when given, or when `version_required`) is the current one; then `fn`; then the new
// version, the history row and the audit entry.
template <class F>
Result<std::int64_t> ChangeText(Connection& c, const accounts::Session& who, std::int64_t text_id,
                                std::optional<std::int64_t> version, bool version_required,
                                const char* action, const char* object_type, F&& fn) {
  auto t = LoadText(c, text_id, true);
  if (!t || !documents::CanSee(who, t->access)) return NoSuchText(text_id);
  if (t->status != "draft")
    return Error{Code::kFailedPrecondition,
                 fmt::format("status: text {} is {}; an adopted text can no longer be edited",
                             text_id, t->status),
                 "status"};
  if (version_required && !version)
    return InvalidArgument("version", "version: required, the version of the text the edit "
                                      "was made on");
  if (version && *version != t->version)
    return Error{Code::kConflict,
                 fmt::format("version: the text is at version {}, not {}; someone changed it "
                             "meanwhile — reload it and make the edit again",
                             t->version, *version),
                 "version"};
  Result<Change> r = fn(*t);
  if (!r.ok()) return r.error();
  std::int64_t v = t->version + 1;
  c.Exec("UPDATE texts SET version = ? WHERE id = ?", v, text_id);
  r->detail["version"] = v;
  auto after = LoadText(c, text_id, true);
  c.Exec("INSERT INTO text_history(text_id, version, user_id, action, object_type, object_id, "
         "detail, snapshot, at) VALUES(?,?,?,?,?,?,?,?,?)",
         text_id, v, who.user.id, action, object_type, r->object_id, J(r->detail),
         J(Snapshot(*after)), Now());
  audit::Record(c, who.user.id, action, object_type, r->object_id, std::nullopt, J(r->detail));
  return r->object_id;
}

Result<std::vector<std::string>> Countries(const std::vector<std::string>& codes,
                                           const char* field) {
  if (codes.size() > kMaxCountries)
    return InvalidArgument(field, fmt::format("{}: at most {} Member States", field,
                                              kMaxCountries));
  std::set<std::string> seen;
  for (const auto& code : codes) {
    if (!text::IsCountry(code))
      return InvalidArgument(field, fmt::format("{}: {} is not a Member State code (ISO 3166-1 "
                                                "alpha-2, e.g. CN)",
                                                field, code));
    if (!seen.insert(code).second)
      return InvalidArgument(field, fmt::format("{}: {} is listed twice", field, code));
  }
  return codes;
}

// Access levels from the loosest.
int Rank(const std::string& access) {
  return access == "public" ? 0 : access == "member_states" ? 1 : 2;
}

Provision FindProvision(const Text& t, std::int64_t id) {
  for (const auto& p : t.provisions)
    if (p.id == id) return p;
  return {};
}

// How passage [s, e) lies to passage [bs, be) of another question in the same language, in the
// words of the refusals: inside it, around it, on the same words, or apart (overlapping is
// refused before).
const char* Nesting(std::int64_t s, std::int64_t e, std::int64_t bs, std::int64_t be) {
  bool in = bs <= s && e <= be, around = s <= bs && be <= e;
  return in && around ? "covers" : in ? "lies inside" : around ? "encloses" : "lies apart from";
}

// The bracket structure is the same in every language version: passage [s, e) in `lang` of
// question `q` must lie to each open passage of another question there as q's passage lies to
// that question's passage in every other language that has both (nested questions go together
// when the outer one's words go). 400 start otherwise.
Status CheckSameNesting(const Provision& p, std::int64_t q, const std::string& lang,
                        std::int64_t s, std::int64_t e) {
  for (const auto& b : p.brackets) {
    if (b.lang != lang || b.state != "open" || b.question == q) continue;
    const char* here = Nesting(s, e, b.start, b.end);
    for (const auto& mine : p.brackets) {
      if (mine.question != q || mine.state != "open" || mine.lang == lang) continue;
      for (const auto& theirs : p.brackets) {
        if (theirs.question != b.question || theirs.state != "open" || theirs.lang != mine.lang)
          continue;
        const char* there = Nesting(mine.start, mine.end, theirs.start, theirs.end);
        if (std::string_view(here) != there)
          return InvalidArgument(
              "start",
              fmt::format("start: [{}, {}) in {} {} bracket {}'s passage [{}, {}), while in {} "
                          "the passage of bracket {} {} it; brackets nest the same way in every "
                          "language version",
                          s, e, lang, here, b.question, b.start, b.end, mine.lang, q, there));
      }
    }
  }
  return Ok{};
}

}  // namespace

// The same open question is bracketed in each language version of the provision: the count is
// the number of questions with an open passage, not the passages added up over languages.
int Provision::OpenBrackets() const {
  std::set<std::int64_t> questions;
  for (const auto& b : brackets)
    if (b.state == "open") questions.insert(b.question);
  return static_cast<int>(questions.size());
}

std::vector<std::string> Provision::OpenBracketProponents() const {
  std::vector<std::string> out;
  for (const auto& b : brackets)
    if (b.state == "open" && !b.proposed_by.empty()) out.push_back(b.proposed_by);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

int Text::OpenBrackets() const {
  int n = 0;
  for (const auto& p : provisions) n += p.OpenBrackets();
  return n;
}

std::vector<std::string> Text::BracketedLabels() const {
  std::vector<std::string> out;
  for (const auto& p : provisions)
    if (p.OpenBrackets() > 0) out.push_back(p.label);
  return out;
}

std::vector<MissingPassage> MissingPassages(const Text& t) {
  std::vector<MissingPassage> out;
  for (const auto& p : t.provisions) {
    // Questions in the order of their first passage, with the languages of their passages.
    std::vector<std::int64_t> order;
    std::map<std::int64_t, std::set<std::string>> langs;
    std::set<std::int64_t> open;
    for (const auto& b : p.brackets) {
      if (!langs.contains(b.question)) order.push_back(b.question);
      langs[b.question].insert(b.lang);
      if (b.state == "open") open.insert(b.question);
    }
    std::sort(order.begin(), order.end());
    for (auto q : order) {
      if (!open.contains(q)) continue;
      for (const auto& l : t.languages) {
        // No text in that language: nothing to bracket.
        if (BodyText(p, l).empty() || langs[q].contains(l)) continue;
        out.push_back({p.id, p.label, q, l, {langs[q].begin(), langs[q].end()}});
      }
    }
  }
  return out;
}

bool MayEdit(const documents::Viewer& viewer) {
  return viewer && (viewer->user.role == "admin" || viewer->user.role == "secretariat" ||
                    viewer->user.role == "chair");
}

std::int64_t CodePoints(const std::string& s) {
  return static_cast<std::int64_t>(site::CountChars(s));
}

std::size_t ByteOffset(const std::string& s, std::int64_t cp) {
  std::int32_t i = 0, n = static_cast<std::int32_t>(s.size());
  for (std::int64_t k = 0; k < cp && i < n; ++k) U8_FWD_1(s.data(), i, n);
  return static_cast<std::size_t>(i);
}

std::vector<std::string> Labels(const std::vector<std::string>& kinds) {
  std::vector<std::string> out;
  int section = 0, paragraph = 0;
  for (const auto& k : kinds) {
    if (k == "section") {
      ++section;
      paragraph = 0;
      out.push_back(std::to_string(section));
      continue;
    }
    // Bijective base 26: a … z, aa, ab, …
    std::string letters;
    for (int n = ++paragraph; n > 0; n = (n - 1) / 26)
      letters.insert(letters.begin(), static_cast<char>('a' + (n - 1) % 26));
    out.push_back(section ? std::to_string(section) + "." + letters : letters);
  }
  return out;
}

std::string BracketedText(const Provision& p, const std::string& lang) {
  std::string body = BodyText(p, lang);
  // Marks at code point offsets, inserted from the end so that earlier offsets stay valid;
  // at one offset, closing marks of inner brackets come before opening marks of later ones.
  std::vector<std::pair<std::int64_t, std::string>> marks;  // (offset, mark)
  std::vector<std::tuple<std::int64_t, int, std::int64_t>> order;
  for (const auto& b : p.brackets) {
    if (b.lang != lang || b.state != "open") continue;
    order.emplace_back(b.start, 1, -b.end);  // opening
    order.emplace_back(b.end, 0, -b.start);  // closing
  }
  std::sort(order.begin(), order.end());
  std::string out;
  std::int64_t at = 0;
  std::size_t byte = 0;
  for (const auto& [off, open, _] : order) {
    std::size_t to = ByteOffset(body, off);
    out.append(body, byte, to - byte);
    byte = to;
    at = off;
    out += open ? "[" : "]";
  }
  (void)at;
  out.append(body, byte, std::string::npos);
  return out;
}

std::string BracketsSentence(const Text& t, const std::string& lang) {
  auto labels = t.BracketedLabels();
  // In right-to-left text each label is isolated (FSI … PDI): "2.b" would otherwise read "b.2".
  if (std::string_view(text::Direction(lang)) == "rtl")
    for (auto& l : labels) l = "\u2068" + l + "\u2069";
  return text::T(lang, "drafting_brackets_left",
                 {{"count", static_cast<std::int64_t>(labels.size())},
                  {"labels", text::FormatList(labels, lang)}});
}

// --- Queries ------------------------------------------------------------------------------

Result<Text> Get(storage::Database& db, std::int64_t id, const documents::Viewer& viewer) {
  auto t = LoadText(db.Read(), id, true);
  if (!t || !documents::CanSee(viewer, t->access)) return NoSuchText(id);
  return std::move(*t);
}

Result<std::vector<Text>> List(storage::Database& db, const ListQuery& q,
                               const documents::Viewer& viewer) {
  auto& c = db.Read();
  std::optional<std::int64_t> doc;
  if (q.document) {
    doc = documents::DocumentId(c, *q.document);
    // An unknown or invisible document lists nothing, as a restricted one must not be told
    // apart from one that does not exist.
    if (!doc) return std::vector<Text>{};
  }
  Stmt s(c, "SELECT t.id FROM texts t JOIN agenda_items a ON a.id = t.agenda_item_id "
            "WHERE (? IS NULL OR t.document_id = ?) AND (? IS NULL OR a.meeting_id = ?) "
            "ORDER BY t.id");
  s.BindAll(doc, doc, q.meeting, q.meeting);
  std::vector<std::int64_t> ids;
  while (s.Step()) ids.push_back(s.Int(0));
  std::vector<Text> out;
  for (auto id : ids)
    if (auto t = LoadText(c, id, false); t && documents::CanSee(viewer, t->access))
      out.push_back(std::move(*t));
  return out;
}

Result<std::int64_t> TextOfProvision(storage::Database& db, std::int64_t provision_id) {
  auto t = db.Read().QueryInt("SELECT text_id FROM provisions WHERE id = ?", provision_id);
  if (!t) return NoSuchProvision(provision_id);
  return *t;
}

Result<std::int64_t> TextOfBracket(storage::Database& db, std::int64_t bracket_id) {
  auto t = db.Read().QueryInt(
      "SELECT p.text_id FROM brackets b JOIN provisions p ON p.id = b.provision_id "
      "WHERE b.id = ?",
      bracket_id);
  if (!t) return NoSuchBracket(bracket_id);
  return *t;
}

// --- Use cases -----------------------------------------------------------------------------

Result<Text> CreateText(storage::Database& db, const accounts::Session& who, const TextInput& in) {
  auto title = site::Multilingual(in.title, "title", true, 1000);
  if (!title.ok()) return title.error();
  if (in.languages.empty())
    return InvalidArgument("languages", "languages: at least one of ar, zh, en, fr, ru, es");
  std::set<std::string> langs;
  for (const auto& l : in.languages) {
    if (!text::IsLanguage(l))
      return InvalidArgument("languages", "languages: " + l + " is not one of ar, zh, en, fr, "
                                                            "ru, es");
    if (!langs.insert(l).second)
      return InvalidArgument("languages", "languages: " + l + " is listed twice");
  }
  if (in.access && !OneOf(*in.access, documents::kAccessLevels))
    return InvalidArgument("access", "access: must be " + Alternatives(documents::kAccessLevels));
  if (in.agenda_item < 1)
    return InvalidArgument("agenda_item", "agenda_item: required, the id of an agenda item");
  // The item must exist (agenda items are never removed, so this holds at the write).
  auto item = proceedings::GetItem(db, in.agenda_item, who);
  if (!item.ok())
    return InvalidArgument("agenda_item",
                           fmt::format("agenda_item: no such agenda item {}", in.agenda_item));
  auto id = db.Write<std::int64_t>([&](Connection& c) -> Result<std::int64_t> {
    auto doc = documents::DocumentId(c, in.document);
    std::optional<std::string> access;
    if (doc)
      if (Stmt s(c, "SELECT access FROM documents WHERE id = ?"); s.BindAll(*doc).Step())
        access = s.Text(0);
    if (!doc || !access || !documents::CanSee(who, *access))
      return InvalidArgument("document", "document: no such document " + in.document);
    std::string level = in.access.value_or(Rank(*access) > Rank("member_states")
                                               ? *access
                                               : std::string("member_states"));
    if (Rank(level) < Rank(*access))
      return InvalidArgument("access", fmt::format("access: {} is looser than the document's "
                                                   "level ({})", level, *access));
    c.Exec("INSERT INTO texts(document_id, agenda_item_id, title, languages, status, version, "
           "access, created_at) VALUES(?,?,?,?,'draft',1,?,?)",
           *doc, in.agenda_item, J(*title), J(json::value_from(in.languages)), level, Now());
    std::int64_t id = c.LastInsertId();
    auto states = site::WriteTextStates(c, "text", id, {{"title", json::value(), *title}}, in.states);
    if (!states.ok()) return states.error();
    json::object detail{{"document", *doc}, {"agenda_item", in.agenda_item},
                        {"title", *title}, {"languages", json::value_from(in.languages)}, {"access", level},
                        {"version", 1}};
    c.Exec("INSERT INTO text_history(text_id, version, user_id, action, object_type, object_id, "
           "detail, snapshot, at) VALUES(?,1,?,'text.create','text',?,?,?,?)",
           id, who.user.id, id, J(detail), J(Snapshot(*LoadText(c, id, true))), Now());
    audit::Record(c, who.user.id, "text.create", "text", id, std::nullopt, J(detail));
    return id;
  });
  if (!id.ok()) return id.error();
  return Get(db, *id, who);
}

Result<Provision> AddProvision(storage::Database& db, const accounts::Session& who,
                               std::int64_t text_id, const ProvisionInput& in) {
  if (!OneOf(in.kind, kProvisionKinds))
    return InvalidArgument("kind", "kind: must be " + Alternatives(kProvisionKinds));
  auto id = db.Write<std::int64_t>([&](Connection& c) -> Result<std::int64_t> {
    return ChangeText(c, who, text_id, in.version, false, "provision.create", "provision",
                      [&](const Text& t) -> Result<Change> {
      if (auto s = CheckBodies(in.text, true); !s.ok()) return s.error();
      auto n = static_cast<int>(t.provisions.size());
      if (t.provisions.size() >= kMaxProvisions)
        return Error{Code::kTooLarge,
                     fmt::format("provisions: a text has at most {} provisions", kMaxProvisions),
                     "provisions"};
      int pos = in.position.value_or(n + 1);
      if (pos < 1 || pos > n + 1)
        return InvalidArgument("position", fmt::format("position: must be 1 to {}", n + 1));
      c.Exec("UPDATE provisions SET position = -position - 1 WHERE text_id = ? AND position >= ?",
             text_id, pos);
      c.Exec("UPDATE provisions SET position = -position WHERE text_id = ? AND position < 0",
             text_id);
      c.Exec("INSERT INTO provisions(text_id, position, kind, label, body) VALUES(?,?,?,'',?)",
             text_id, pos, in.kind, J(in.text));
      std::int64_t id = c.LastInsertId();
      auto states =
          site::WriteTextStates(c, "provision", id, {{"text", json::value(), in.text}}, in.states);
      if (!states.ok()) return states.error();
      Renumber(c, text_id);
      Change change{id, {{"text_id", text_id}, {"kind", in.kind}, {"position", pos},
                         {"text", in.text}}};
      if (auto added = JoinLanguages(c, t, in.text); !added.empty())
        change.detail["languages_added"] = std::move(added);
      return change;
    });
  });
  if (!id.ok()) return id.error();
  TextChanged(text_id);
  auto t = Get(db, text_id, who);
  if (!t.ok()) return t.error();
  return FindProvision(*t, *id);
}

Result<Provision> UpdateProvision(storage::Database& db, const accounts::Session& who,
                                  std::int64_t provision_id, const ProvisionPatch& in) {
  if (in.kind && !OneOf(*in.kind, kProvisionKinds))
    return InvalidArgument("kind", "kind: must be " + Alternatives(kProvisionKinds));
  if (!in.kind && (in.text.is_null() || (in.text.is_object() && in.text.as_object().empty())) &&
      in.states.empty())
    return InvalidArgument("text", "text: nothing to change (give text, kind or states)");
  auto text_id = TextOfProvision(db, provision_id);
  if (!text_id.ok()) return text_id.error();
  auto id = db.Write<std::int64_t>([&](Connection& c) -> Result<std::int64_t> {
    return ChangeText(c, who, *text_id, in.version, true, "provision.update", "provision",
                      [&](const Text& t) -> Result<Change> {
      if (!MayEdit(who) && !Facilitates(t, who, provision_id))
        return PermissionDenied(fmt::format(
            "provision {}: only the secretariat, the chair, or the facilitator of informal "
            "consultations on this provision edits it", provision_id));
      Provision p = FindProvision(t, provision_id);
      if (!p.id) return NoSuchProvision(provision_id);  // removed meanwhile
      // A language the provision has, emptied: its text is changed, never removed.
      if (in.text.is_object())
        for (const auto& [k, v] : in.text.as_object())
          if (v.is_string() && v.as_string().empty() && !BodyText(p, std::string(k)).empty())
            return InvalidArgument(
                "text." + std::string(k),
                fmt::format("text.{}: must not be empty; a language of a provision, once "
                            "written, is not removed",
                            std::string(k)));
      if (auto s = CheckBodies(in.text, false); !s.ok()) return s.error();
      json::object body = p.body.is_object() ? p.body.as_object() : json::object();
      json::object before;
      if (in.text.is_object()) {
        for (const auto& [k, v] : in.text.as_object()) {
          std::string lang(k);
          std::string old = BodyText(p, lang), now(v.as_string());
          before[lang] = old;
          std::u32string o = Utf32(old), n = Utf32(now);
          std::size_t pre = 0;
          while (pre < o.size() && pre < n.size() && o[pre] == n[pre]) ++pre;
          std::size_t suf = 0;
          while (suf < o.size() - pre && suf < n.size() - pre &&
                 o[o.size() - 1 - suf] == n[n.size() - 1 - suf])
            ++suf;
          std::vector<Bracket> mine;
          for (const auto& b : p.brackets)
            if (b.lang == lang) mine.push_back(b);
          std::vector<Bracket*> ptrs;
          for (auto& b : mine) ptrs.push_back(&b);
          auto a = static_cast<std::int64_t>(pre);
          auto b = static_cast<std::int64_t>(o.size() - suf);
          auto len = static_cast<std::int64_t>(n.size() - suf) - a;
          auto s = Remap(ptrs, a, b, len, false, "text." + lang);
          if (!s.ok()) return s.error();
          for (const auto& k : mine) SaveBracket(c, k);
          MoveProposals(c, provision_id, lang, a, b, len);
          body[lang] = now;
        }
      }
      c.Exec("UPDATE provisions SET body = ?, kind = ? WHERE id = ?", J(body),
             in.kind.value_or(p.kind), provision_id);
      auto states =
          site::WriteTextStates(c, "provision", provision_id, {{"text", p.body, body}}, in.states);
      if (!states.ok()) return states.error();
      if (in.kind && *in.kind != p.kind) Renumber(c, t.id);
      json::object detail{{"label", p.label}, {"before", before}};
      if (!in.text.is_null()) detail["text"] = in.text;
      if (in.kind) detail["kind"] = *in.kind;
      if (auto added = JoinLanguages(c, t, in.text); !added.empty())
        detail["languages_added"] = std::move(added);
      return Change{provision_id, std::move(detail)};
    });
  });
  if (!id.ok()) return id.error();
  TextChanged(*text_id);
  auto t = Get(db, *text_id, who);
  if (!t.ok()) return t.error();
  return FindProvision(*t, provision_id);
}

Result<json::object> EditTitle(storage::Database& db, const accounts::Session& who,
                               std::int64_t text_id, const json::object& body) {
  for (const auto& [k, v] : body)
    if (k != "title" && k != "states" && k != "version")
      return InvalidArgument(std::string(k), std::string(k) + ": not a field of this request "
                                                              "(title, states, version)");
  std::optional<json::value> title;
  if (auto* v = body.if_contains("title")) {
    auto t = site::Multilingual(*v, "title", true, 1000);
    if (!t.ok()) return t.error();
    title = std::move(*t);
  }
  auto asked = site::ReadStates(body, {"title"});
  if (!asked.ok()) return asked.error();
  std::optional<std::int64_t> version;
  if (auto* v = body.if_contains("version"); v && !v->is_null()) {
    if (!v->is_int64()) return InvalidArgument("version", "version: must be a whole number");
    version = v->as_int64();
  }
  auto id = db.Write<std::int64_t>([&](Connection& c) -> Result<std::int64_t> {
    return ChangeText(c, who, text_id, version, false, "text.title", "text",
                      [&](const Text& t) -> Result<Change> {
      if (!MayEdit(who))
        return PermissionDenied("title: only the secretariat or the chair edits a text's title");
      const json::value now = title.value_or(t.title);
      c.Exec("UPDATE texts SET title = ? WHERE id = ?", J(now), t.id);
      auto states = site::WriteTextStates(c, "text", t.id, {{"title", t.title, now}}, *asked);
      if (!states.ok()) return states.error();
      return Change{t.id, {{"before", t.title}, {"title", now}}};
    });
  });
  if (!id.ok()) return id.error();
  TextChanged(text_id);
  auto t = Get(db, text_id, who);
  if (!t.ok()) return t.error();
  const auto drafts = site::DraftsOf(db.Read(), "text", text_id);
  auto d = drafts.find("title");
  return json::object{
      {"id", t->id},
      {"title", t->title},
      {"version", t->version},
      {"states", {{"title", site::StatesJson(t->title, d == drafts.end() ? std::set<std::string>()
                                                                          : d->second)}}}};
}

Status DeleteProvision(storage::Database& db, const accounts::Session& who,
                       std::int64_t provision_id, std::optional<std::int64_t> version) {
  auto text_id = TextOfProvision(db, provision_id);
  if (!text_id.ok()) return text_id.error();
  auto id = db.Write<std::int64_t>([&](Connection& c) -> Result<std::int64_t> {
    return ChangeText(c, who, *text_id, version, false, "provision.delete", "provision",
                      [&](const Text& t) -> Result<Change> {
      Provision p = FindProvision(t, provision_id);
      if (!p.id) return NoSuchProvision(provision_id);
      // The screen chooses again when the provision under discussion goes.
      c.Exec("UPDATE texts SET under_discussion_id = NULL WHERE id = ? AND "
             "under_discussion_id = ?",
             t.id, provision_id);
      c.Exec("DELETE FROM brackets WHERE provision_id = ?", provision_id);
      c.Exec("DELETE FROM provisions WHERE id = ?", provision_id);
      Renumber(c, t.id);
      return Change{provision_id, {{"label", p.label}, {"kind", p.kind}, {"text", p.body}}};
    });
  });
  if (!id.ok()) return id.error();
  TextChanged(*text_id);
  return Ok{};
}

Result<Bracket> AddBracket(storage::Database& db, const accounts::Session& who,
                           std::int64_t provision_id, const BracketInput& in) {
  // Checks that need no row first.
  if (!in.start) return InvalidArgument("start", "start: required, a code point offset");
  if (!in.end) return InvalidArgument("end", "end: required, a code point offset");
  if (*in.start < 0) return InvalidArgument("start", "start: must be 0 or more");
  if (*in.end <= *in.start)
    return InvalidArgument("end", "end: must be greater than start (a bracket holds at least "
                                  "one character)");
  if (in.alternatives.size() == 1)
    return InvalidArgument("alternatives", "alternatives: give two or more texts, or none for a "
                                           "bracket to retain or delete");
  if (in.alternatives.size() > kMaxAlternatives)
    return InvalidArgument("alternatives",
                           fmt::format("alternatives: at most {}", kMaxAlternatives));
  for (std::size_t i = 0; i < in.alternatives.size(); ++i) {
    auto s = CheckBody(fmt::format("{}", i), json::value(in.alternatives[i]));
    if (!s.ok()) {
      Error e = s.error();
      e.field = fmt::format("alternatives.{}", i);
      e.message = e.field + e.message.substr(e.message.find(':'));
      return e;
    }
  }
  if (!in.proposed_by.empty() && !text::IsCountry(in.proposed_by))
    return InvalidArgument("proposed_by", fmt::format("proposed_by: {} is not a Member State "
                                                      "code (ISO 3166-1 alpha-2, e.g. CN)",
                                                      in.proposed_by));
  auto sup = Countries(in.supported_by, "supported_by");
  if (!sup.ok()) return sup.error();
  auto obj = Countries(in.objected_by, "objected_by");
  if (!obj.ok()) return obj.error();
  for (const auto& code : in.objected_by)
    if (std::find(in.supported_by.begin(), in.supported_by.end(), code) !=
        in.supported_by.end())
      return InvalidArgument("objected_by",
                             "objected_by: " + code + " is also listed in supported_by");
  if (auto fault = CheckText(in.note); fault || site::CountChars(in.note) > kMaxNoteChars)
    return InvalidArgument("note", fmt::format("note: plain text of at most {} characters",
                                               kMaxNoteChars));
  auto text_id = TextOfProvision(db, provision_id);
  if (!text_id.ok()) return text_id.error();
  auto id = db.Write<std::int64_t>([&](Connection& c) -> Result<std::int64_t> {
    return ChangeText(c, who, *text_id, in.version, false, "bracket.create", "bracket",
                      [&](const Text& t) -> Result<Change> {
      Provision p = FindProvision(t, provision_id);
      if (!p.id) return NoSuchProvision(provision_id);
      if (std::find(t.languages.begin(), t.languages.end(), in.lang) == t.languages.end())
        return InvalidArgument("lang", fmt::format("lang: the text is drafted in {} only",
                                                   fmt::join(t.languages, ", ")));
      // The passage of another language of an existing question: it must be open, lack that
      // language, and have as many alternatives; its Member States are the question's.
      const Bracket* question = nullptr;
      std::string proposed_by = in.proposed_by;
      std::vector<std::string> supported_by = in.supported_by, objected_by = in.objected_by;
      if (in.question) {
        std::int64_t q = 0;
        for (const auto& b : p.brackets)
          if (b.id == *in.question || b.question == *in.question) q = b.question;
        if (!q)
          return InvalidArgument("question", fmt::format("question: {} is not a bracket of "
                                                         "provision {}",
                                                         *in.question, p.label));
        for (const auto& b : p.brackets)
          if (b.question == q && (!question || (question->state != "open" && b.state == "open")))
            question = &b;
        if (question->state != "open")
          return Error{Code::kFailedPrecondition,
                       fmt::format("question: bracket {} of provision {} is already {}; it takes "
                                   "no more passages",
                                   q, p.label, question->state),
                       "question"};
        for (const auto& b : p.brackets)
          if (b.question == q && b.lang == in.lang)
            return InvalidArgument("lang", fmt::format("lang: bracket {} of provision {} has its "
                                                       "passage in {} already (bracket {})",
                                                       q, p.label, in.lang, b.id));
        if (in.alternatives.size() != question->alternatives.size())
          return InvalidArgument(
              "alternatives",
              fmt::format("alternatives: bracket {} of provision {} has {} alternatives in {}; "
                          "its passage in every language has as many (given: {})",
                          q, p.label, question->alternatives.size(), question->lang,
                          in.alternatives.size()));
        auto same = [](std::vector<std::string> a, std::vector<std::string> b) {
          std::sort(a.begin(), a.end());
          std::sort(b.begin(), b.end());
          return a == b;
        };
        if (!proposed_by.empty() && proposed_by != question->proposed_by)
          return InvalidArgument("proposed_by",
                                 fmt::format("proposed_by: bracket {} was proposed by {}; the "
                                             "passage of another language names the same "
                                             "proponent or none",
                                             q, question->proposed_by.empty()
                                                    ? std::string("the secretariat")
                                                    : question->proposed_by));
        for (auto [field, given, theirs] :
             {std::tuple{"supported_by", &supported_by, &question->supported_by},
              {"objected_by", &objected_by, &question->objected_by}})
          if (!given->empty() && !same(*given, *theirs))
            return InvalidArgument(field,
                                   fmt::format("{}: bracket {} lists {}; the passage of another "
                                               "language lists the same Member States or none",
                                               field, q, fmt::join(*theirs, ", ")));
        proposed_by = question->proposed_by;
        supported_by = question->supported_by;
        objected_by = question->objected_by;
      }
      std::string body = BodyText(p, in.lang);
      if (body.empty())
        return InvalidArgument("lang", fmt::format("lang: provision {} has no text in {}",
                                                   p.label, in.lang));
      std::u32string cps = Utf32(body);
      auto n = static_cast<std::int64_t>(cps.size());
      if (*in.start >= n)
        return InvalidArgument("start", fmt::format("start: {} is outside the text ({} code "
                                                    "points)", *in.start, n));
      if (*in.end > n)
        return InvalidArgument("end", fmt::format("end: {} is outside the text ({} code points)",
                                                  *in.end, n));
      if (IsMark(cps[*in.start]))
        return InvalidArgument("start", fmt::format("start: {} is not on a character boundary "
                                                    "(U+{:04X} is a combining mark of the "
                                                    "character before it)",
                                                    *in.start, static_cast<int>(cps[*in.start])));
      if (*in.end < n && IsMark(cps[*in.end]))
        return InvalidArgument("end", fmt::format("end: {} is not on a character boundary "
                                                  "(U+{:04X} is a combining mark of the "
                                                  "character before it)",
                                                  *in.end, static_cast<int>(cps[*in.end])));
      for (const auto& b : p.brackets) {
        if (b.lang != in.lang || b.state != "open") continue;
        bool disjoint = *in.end <= b.start || b.end <= *in.start;
        bool nested = (*in.start <= b.start && b.end <= *in.end) ||
                      (b.start <= *in.start && *in.end <= b.end);
        if (!disjoint && !nested)
          return InvalidArgument("start",
                                 fmt::format("start: [{}, {}) overlaps open bracket {} [{}, {}); "
                                             "brackets may nest but not overlap",
                                             *in.start, *in.end, b.id, b.start, b.end));
      }
      if (question)
        if (auto s = CheckSameNesting(p, question->question, in.lang, *in.start, *in.end);
            !s.ok())
          return s.error();
      std::string kind = in.alternatives.empty() ? "retain_or_delete" : "alternatives";
      c.Exec("INSERT INTO brackets(provision_id, lang, start_offset, end_offset, kind, "
             "alternatives, proposed_by, supported_by, objected_by, note, state, created_at, "
             "question_id) VALUES(?,?,?,?,?,?,?,?,?,?,'open',?,?)",
             provision_id, in.lang, *in.start, *in.end, kind, J(json::value_from(in.alternatives)),
             proposed_by, J(json::value_from(supported_by)), J(json::value_from(objected_by)), in.note, Now(),
             question ? question->question : 0);
      std::int64_t id = c.LastInsertId();
      if (!question) c.Exec("UPDATE brackets SET question_id = id WHERE id = ?", id);
      json::object detail{{"provision", p.label}, {"lang", in.lang}, {"start", *in.start},
                          {"end", *in.end}, {"kind", kind},
                          {"alternatives", json::value_from(in.alternatives)},
                          {"proposed_by", proposed_by},
                          {"supported_by", json::value_from(supported_by)},
                          {"objected_by", json::value_from(objected_by)}, {"note", in.note}};
      if (question) detail["question"] = question->question;
      return Change{id, std::move(detail)};
    });
  });
  if (!id.ok()) return id.error();
  TextChanged(*text_id);
  auto t = Get(db, *text_id, who);
  if (!t.ok()) return t.error();
  for (const auto& b : FindProvision(*t, provision_id).brackets)
    if (b.id == *id) return b;
  return NoSuchBracket(*id);
}

Result<Bracket> ResolveBracket(storage::Database& db, const accounts::Session& who,
                               std::int64_t bracket_id, const ResolveInput& in) {
  if (!OneOf(in.outcome, kOutcomes))
    return InvalidArgument("outcome", "outcome: must be " + Alternatives(kOutcomes));
  if (in.outcome == "alternative" && !in.alternative)
    return InvalidArgument("alternative", "alternative: required with outcome alternative "
                                          "(1 for the first)");
  if (in.outcome != "alternative" && in.alternative)
    return InvalidArgument("alternative", "alternative: only with outcome alternative");
  auto text_id = TextOfBracket(db, bracket_id);
  if (!text_id.ok()) return text_id.error();
  std::int64_t provision_id = 0;
  auto id = db.Write<std::int64_t>([&](Connection& c) -> Result<std::int64_t> {
    return ChangeText(c, who, *text_id, in.version, false, "bracket.resolve", "bracket",
                      [&](const Text& t) -> Result<Change> {
      const Provision* p = nullptr;
      const Bracket* k = nullptr;
      for (const auto& v : t.provisions)
        for (const auto& b : v.brackets)
          if (b.id == bracket_id) p = &v, k = &b;
      if (!k) return NoSuchBracket(bracket_id);
      provision_id = p->id;
      // The question's open passages, one per language: all resolved at once.
      std::vector<Bracket> all = p->brackets;
      std::vector<std::size_t> passages;
      for (std::size_t i = 0; i < all.size(); ++i)
        if (all[i].question == k->question && all[i].state == "open") passages.push_back(i);
      if (passages.empty())
        return Error{Code::kFailedPrecondition,
                     fmt::format("outcome: bracket {} is already {}", bracket_id, k->state),
                     "outcome"};
      if (in.outcome == "alternative") {
        for (auto i : passages) {
          const Bracket& b = all[i];
          if (b.kind != "alternatives")
            return InvalidArgument("outcome", fmt::format("outcome: bracket {} has no "
                                                          "alternatives{}; retain or delete",
                                                          bracket_id,
                                                          b.id == bracket_id
                                                              ? ""
                                                              : " in " + b.lang));
          auto n = static_cast<std::int64_t>(b.alternatives.size());
          if (*in.alternative < 1 || *in.alternative > n)
            return InvalidArgument("alternative",
                                   fmt::format("alternative: must be 1 to {}{}", n,
                                               b.id == bracket_id ? "" : " (in " + b.lang + ")"));
        }
      }
      // Deleting or replacing the words takes the questions inside them, in each language that
      // has the passage: one inside it with a passage in a language where this question has none
      // would stay open there only. It waits for this question's passage in that language.
      if (in.outcome != "retain") {
        std::set<std::string> langs;
        for (auto i : passages) langs.insert(all[i].lang);
        for (auto i : passages)
          for (const auto& inner : all) {
            if (inner.lang != all[i].lang || inner.question == k->question ||
                inner.state != "open" || inner.start < all[i].start || inner.end > all[i].end)
              continue;
            for (const auto& other : all)
              if (other.question == inner.question && other.state == "open" &&
                  !langs.contains(other.lang))
                return Error{Code::kFailedPrecondition,
                             fmt::format("outcome: bracket {} lies inside bracket {} in {} and "
                                         "has its passage in {}, where bracket {} has none; add "
                                         "the passage of bracket {} in {} first, so that the "
                                         "words go in every language",
                                         inner.question, k->question, inner.lang, other.lang,
                                         k->question, k->question, other.lang),
                             "outcome"};
          }
      }
      json::object body_obj = p->body.is_object() ? p->body.as_object() : json::object();
      json::array resolved;
      std::string first_words;
      for (auto i : passages) {
        const std::string lang = all[i].lang;
        // The passage as it stands now (an earlier passage of the same language may have moved
        // it; there is one per language, but rows from before questions may hold two).
        Bracket& b = all[i];
        if (b.state != "open") continue;
        auto* cur = body_obj.if_contains(lang);
        std::string body = cur && cur->is_string() ? std::string(cur->as_string()) : "";
        std::size_t from = ByteOffset(body, b.start), to = ByteOffset(body, b.end);
        std::string words = body.substr(from, to - from);
        if (b.id == bracket_id) first_words = words;
        resolved.push_back(json::object{{"bracket", b.id}, {"lang", lang}, {"words", words}});
        b.state = in.outcome == "delete" ? "deleted" : "agreed";
        if (in.outcome == "retain") continue;
        std::string replacement =
            in.outcome == "alternative" ? b.alternatives[*in.alternative - 1] : std::string();
        std::string now = body.substr(0, from) + replacement + body.substr(to);
        if (site::CountChars(now) > kMaxProvisionChars)
          return Error{Code::kTooLarge, fmt::format("alternative: the provision would exceed "
                                                    "{} characters in {}",
                                                    kMaxProvisionChars, lang),
                       "alternative"};
        std::vector<Bracket*> ptrs;
        for (auto& o : all)
          if (o.lang == lang && o.id != b.id) ptrs.push_back(&o);
        auto len = CodePoints(replacement);
        if (auto s = Remap(ptrs, b.start, b.end, len, true, "outcome"); !s.ok()) return s.error();
        MoveProposals(c, p->id, lang, b.start, b.end, len);
        b.end = b.start + len;
        body_obj[lang] = now;
      }
      if (in.outcome != "retain")
        c.Exec("UPDATE provisions SET body = ? WHERE id = ?", J(body_obj), p->id);
      for (const auto& b : all) SaveBracket(c, b);
      json::object detail{{"provision", p->label}, {"lang", k->lang}, {"outcome", in.outcome},
                          {"words", first_words}, {"question", k->question},
                          {"passages", std::move(resolved)}};
      if (in.alternative) detail["alternative"] = *in.alternative;
      return Change{bracket_id, std::move(detail)};
    });
  });
  if (!id.ok()) return id.error();
  TextChanged(*text_id);
  auto t = Get(db, *text_id, who);
  if (!t.ok()) return t.error();
  for (const auto& b : FindProvision(*t, provision_id).brackets)
    if (b.id == bracket_id) return b;
  return NoSuchBracket(bracket_id);
}


// --- Snapshots, versions and diffs ---------------------------------------------------------

json::object Snapshot(const Text& t) {
  json::array provisions;
  for (const auto& p : t.provisions) {
    json::array brackets;
    for (const auto& b : p.brackets)
      brackets.push_back(json::object{{"id", b.id},
                                      {"question", b.question},
                                      {"lang", b.lang},
                                      {"start", b.start},
                                      {"end", b.end},
                                      {"kind", b.kind},
                                      {"alternatives", json::value_from(b.alternatives)},
                                      {"proposed_by", b.proposed_by},
                                      {"supported_by", json::value_from(b.supported_by)},
                                      {"objected_by", json::value_from(b.objected_by)},
                                      {"note", b.note},
                                      {"state", b.state}});
    provisions.push_back(json::object{{"id", p.id},
                                      {"position", p.position},
                                      {"kind", p.kind},
                                      {"label", p.label},
                                      {"text", p.body},
                                      {"brackets", std::move(brackets)}});
  }
  return {{"id", t.id},           {"document_id", t.document_id},
          {"document", t.document}, {"title", t.title},
          {"languages", json::value_from(t.languages)}, {"status", t.status},
          {"version", t.version},   {"provisions", std::move(provisions)}};
}

namespace {
std::string SnapStr(const json::object& o, const char* k) {
  auto* v = o.if_contains(k);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}
std::int64_t SnapInt(const json::object& o, const char* k) {
  auto* v = o.if_contains(k);
  return v && v->is_int64() ? v->as_int64() : 0;
}
std::vector<std::string> SnapStrs(const json::object& o, const char* k) {
  std::vector<std::string> out;
  if (auto* v = o.if_contains(k); v && v->is_array())
    for (const auto& e : v->as_array())
      if (e.is_string()) out.emplace_back(e.as_string());
  return out;
}
}  // namespace

Text FromSnapshot(const json::value& v) {
  Text t;
  if (!v.is_object()) return t;
  const auto& o = v.as_object();
  t.id = SnapInt(o, "id");
  t.document_id = SnapInt(o, "document_id");
  t.document = SnapStr(o, "document");
  if (auto* x = o.if_contains("title")) t.title = *x;
  t.languages = SnapStrs(o, "languages");
  t.status = SnapStr(o, "status");
  t.version = SnapInt(o, "version");
  if (auto* ps = o.if_contains("provisions"); ps && ps->is_array())
    for (const auto& pv : ps->as_array()) {
      const auto& po = pv.as_object();
      Provision p;
      p.id = SnapInt(po, "id");
      p.text_id = t.id;
      p.position = static_cast<int>(SnapInt(po, "position"));
      p.kind = SnapStr(po, "kind");
      p.label = SnapStr(po, "label");
      if (auto* x = po.if_contains("text")) p.body = *x;
      if (auto* bs = po.if_contains("brackets"); bs && bs->is_array())
        for (const auto& bv : bs->as_array()) {
          const auto& bo = bv.as_object();
          Bracket b;
          b.id = SnapInt(bo, "id");
          b.provision_id = p.id;
          // Snapshots from before questions: each bracket was its own.
          b.question = bo.contains("question") ? SnapInt(bo, "question") : b.id;
          b.lang = SnapStr(bo, "lang");
          b.start = SnapInt(bo, "start");
          b.end = SnapInt(bo, "end");
          b.kind = SnapStr(bo, "kind");
          b.alternatives = SnapStrs(bo, "alternatives");
          b.proposed_by = SnapStr(bo, "proposed_by");
          b.supported_by = SnapStrs(bo, "supported_by");
          b.objected_by = SnapStrs(bo, "objected_by");
          b.note = SnapStr(bo, "note");
          b.state = SnapStr(bo, "state");
          p.brackets.push_back(std::move(b));
        }
      t.provisions.push_back(std::move(p));
    }
  return t;
}

std::string SnapshotOn(storage::Connection& c, std::int64_t text_id) {
  auto t = LoadText(c, text_id, true);
  return t ? J(Snapshot(*t)) : std::string();
}

Result<Text> GetVersion(storage::Database& db, std::int64_t id, std::int64_t version,
                        const documents::Viewer& viewer) {
  auto cur = Get(db, id, viewer);
  if (!cur.ok()) return cur.error();
  std::string snap;
  {
    Stmt s(db.Read(), "SELECT snapshot FROM text_history WHERE text_id = ? AND version = ? "
                      "AND snapshot <> '' ORDER BY id DESC LIMIT 1");
    s.BindAll(id, version);
    if (s.Step()) snap = s.Text(0);
  }
  if (snap.empty()) {
    if (version == cur->version) return cur;
    return NotFound(fmt::format("text {} version {}: no such version (the text is at version {})",
                                id, version, cur->version));
  }
  Text old = FromSnapshot(ParseJson(snap));
  // What the snapshot does not hold is the text's now: who may read it, where it belongs, and
  // the negotiation around it.
  old.access = cur->access;
  old.agenda_item_id = cur->agenda_item_id;
  old.meeting_id = cur->meeting_id;
  old.illustrative = cur->illustrative;
  old.proposals = cur->proposals;
  old.informal = cur->informal;
  old.revisions = cur->revisions;
  return old;
}

namespace {

// Words: a run of letters, digits and marks; a run of white space; or one other character (a
// CJK ideograph, kana, punctuation), so that Chinese differs character by character.
std::vector<std::u32string> Tokens(const std::u32string& s) {
  std::vector<std::u32string> out;
  auto cls = [](char32_t c) {
    auto u = static_cast<UChar32>(c);
    if (u_isUWhiteSpace(u)) return 1;
    UErrorCode e = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(u, &e);
    if (sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA || sc == USCRIPT_KATAKANA) return 0;
    if (u_isalnum(u) || IsMark(c)) return 2;
    return 0;
  };
  for (std::size_t i = 0; i < s.size();) {
    int k = cls(s[i]);
    std::size_t j = i + 1;
    if (k != 0)
      while (j < s.size() && cls(s[j]) == k) ++j;
    out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string Utf8(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) {
    char buf[4];
    std::int32_t n = 0;
    UBool err = false;
    U8_APPEND(buf, n, 4, static_cast<UChar32>(c), err);
    out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

// Beyond this many token pairs (after the common head and tail) a change is shown as the
// removal of the old passage and the insertion of the new one: the table would cost too much.
constexpr std::size_t kMaxDiffCells = 4'000'000;

}  // namespace

json::array DiffWords(const std::string& from, const std::string& to) {
  auto a = Tokens(Utf32(from)), b = Tokens(Utf32(to));
  std::size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  std::size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre &&
         a[a.size() - 1 - suf] == b[b.size() - 1 - suf])
    ++suf;
  std::vector<std::pair<int, std::u32string>> ops;  // 0 equal, 1 insert, -1 delete
  for (std::size_t i = 0; i < pre; ++i) ops.emplace_back(0, a[i]);
  std::size_t n = a.size() - pre - suf, m = b.size() - pre - suf;
  if (n * m > kMaxDiffCells) {
    for (std::size_t i = 0; i < n; ++i) ops.emplace_back(-1, a[pre + i]);
    for (std::size_t j = 0; j < m; ++j) ops.emplace_back(1, b[pre + j]);
  } else {
    // Longest common subsequence from the end, then walked forward.
    std::vector<std::uint32_t> l((n + 1) * (m + 1), 0);
    auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return l[i * (m + 1) + j]; };
    for (std::size_t i = n; i-- > 0;)
      for (std::size_t j = m; j-- > 0;)
        at(i, j) = a[pre + i] == b[pre + j] ? at(i + 1, j + 1) + 1
                                             : std::max(at(i + 1, j), at(i, j + 1));
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[pre + i] == b[pre + j]) {
        ops.emplace_back(0, a[pre + i]);
        ++i, ++j;
      } else if (j < m && (i == n || at(i, j + 1) >= at(i + 1, j))) {
        ops.emplace_back(1, b[pre + j++]);
      } else {
        ops.emplace_back(-1, a[pre + i++]);
      }
    }
  }
  for (std::size_t i = a.size() - suf; i < a.size(); ++i) ops.emplace_back(0, a[i]);
  // A space kept between two changed words belongs to the change: "[every four years]" →
  // "after each Plenipotentiary Conference" is one deletion and one insertion, not four
  // interleaved pieces whose words would run together when shown.
  for (std::size_t i = 1; i + 1 < ops.size(); ++i) {
    bool blank = !ops[i].second.empty() &&
                 std::all_of(ops[i].second.begin(), ops[i].second.end(), [](char32_t ch) {
                   return u_isUWhiteSpace(static_cast<UChar32>(ch));
                 });
    if (ops[i].first == 0 && blank && ops[i - 1].first != 0 && ops[i + 1].first != 0) {
      ops[i].first = -1;
      ops.insert(ops.begin() + static_cast<std::ptrdiff_t>(i) + 1, {1, ops[i].second});
      ++i;
    }
  }
  // Deletions before insertions within a changed run, consecutive operations joined.
  json::array out;
  std::u32string run[3];
  auto flush = [&] {
    for (int k : {0, -1, 1}) {
      if (run[k + 1].empty()) continue;
      out.push_back(json::object{{"op", k == 0 ? "equal" : k < 0 ? "delete" : "insert"},
                                 {"text", Utf8(run[k + 1])}});
      run[k + 1].clear();
    }
  };
  for (const auto& [k, tok] : ops) {
    if (k == 0 && (!run[0].empty() || !run[2].empty())) flush();
    if (k != 0 && !run[1].empty()) flush();
    run[k + 1] += tok;
  }
  flush();
  return out;
}

json::array DiffTexts(const Text& from, const Text& to) {
  std::vector<std::string> langs = to.languages;
  for (const auto& l : from.languages)
    if (std::find(langs.begin(), langs.end(), l) == langs.end()) langs.push_back(l);
  auto one = [&](const Provision* a, const Provision* b) {
    json::object texts;
    bool changed = false;
    for (const auto& l : langs) {
      std::string x = a ? BracketedText(*a, l) : "", y = b ? BracketedText(*b, l) : "";
      if (x.empty() && y.empty()) continue;
      changed |= x != y;
      texts[l] = DiffWords(x, y);
    }
    const char* change = !a ? "added" : !b ? "removed" : changed ? "changed" : "same";
    if (a && b && a->kind != b->kind) change = "changed";
    return json::object{{"id", a ? a->id : b->id},
                        {"label_from", a ? a->label : ""},
                        {"label_to", b ? b->label : ""},
                        {"change", change},
                        {"texts", std::move(texts)}};
  };
  json::array out;
  for (const auto& p : to.provisions) {
    const Provision* a = nullptr;
    for (const auto& q : from.provisions)
      if (q.id == p.id) a = &q;
    out.push_back(one(a, &p));
  }
  for (const auto& q : from.provisions) {
    bool kept = std::any_of(to.provisions.begin(), to.provisions.end(),
                            [&](const Provision& p) { return p.id == q.id; });
    if (!kept) out.push_back(one(&q, nullptr));
  }
  return out;
}

// --- Proposals -----------------------------------------------------------------------------

namespace {

Error NoSuchProposal(std::int64_t id) {
  return NotFound(fmt::format("proposal {}: no such proposal", id));
}

// A history row and audit entry of an action that leaves the text as it is (its version stays).
void Record(Connection& c, const accounts::Session& who, const Text& t, const char* action,
            const char* type, std::int64_t object_id, const json::object& detail) {
  c.Exec("INSERT INTO text_history(text_id, version, user_id, action, object_type, object_id, "
         "detail, at) VALUES(?,?,?,?,?,?,?,?)",
         t.id, t.version, who.user.id, action, type, object_id, J(detail), Now());
  audit::Record(c, who.user.id, action, type, object_id, std::nullopt, J(detail));
}

const Proposal* FindProposal(const Text& t, std::int64_t id) {
  for (const auto& p : t.proposals)
    if (p.id == id) return &p;
  return nullptr;
}

// Whether [s, e) of a provision's text in `lang` may hold a new bracket: it nests with every
// open bracket there or lies apart from it.
Status CheckNesting(const Provision& p, const std::string& lang, std::int64_t s, std::int64_t e,
                    const char* field) {
  for (const auto& b : p.brackets) {
    if (b.lang != lang || b.state != "open") continue;
    bool disjoint = e <= b.start || b.end <= s;
    bool nested = (s <= b.start && b.end <= e) || (b.start <= s && e <= b.end);
    if (!disjoint && !nested)
      return InvalidArgument(field, fmt::format("{}: [{}, {}) overlaps open bracket {} [{}, {}); "
                                                "brackets may nest but not overlap",
                                                field, s, e, b.id, b.start, b.end));
  }
  return Ok{};
}

// Whether a code point offset of `cps` may start or end a passage (not before a combining mark).
Status CheckBoundary(const std::u32string& cps, std::int64_t at, const char* field) {
  auto n = static_cast<std::int64_t>(cps.size());
  if (at < 0 || at > n)
    return InvalidArgument(field, fmt::format("{}: {} is outside the text ({} code points)", field,
                                              at, n));
  if (at < n && IsMark(cps[at]))
    return InvalidArgument(field, fmt::format("{}: {} is not on a character boundary (U+{:04X} "
                                              "is a combining mark of the character before it)",
                                              field, at, static_cast<int>(cps[at])));
  return Ok{};
}

// Replaces code points [a, b) of `p`'s text in `lang` by `words`, moving its brackets (an edit
// across an open bracket's edge is refused), and saves the provision and its brackets.
Status EditText(Connection& c, Provision& p, const std::string& lang, std::int64_t a,
                std::int64_t b, const std::string& words, const char* field,
                std::int64_t applying) {
  std::string body = BodyText(p, lang);
  std::string now = body.substr(0, ByteOffset(body, a)) + words + body.substr(ByteOffset(body, b));
  if (site::CountChars(now) > kMaxProvisionChars)
    return Error{Code::kTooLarge,
                 fmt::format("{}: the provision would exceed {} characters", field,
                             kMaxProvisionChars),
                 field};
  std::vector<Bracket*> ptrs;
  for (auto& k : p.brackets)
    if (k.lang == lang) ptrs.push_back(&k);
  if (auto s = Remap(ptrs, a, b, CodePoints(words), false, field); !s.ok()) return s;
  json::object o = p.body.is_object() ? p.body.as_object() : json::object();
  o[lang] = now;
  p.body = o;
  c.Exec("UPDATE provisions SET body = ? WHERE id = ?", J(p.body), p.id);
  for (const auto& k : p.brackets)
    if (k.lang == lang) SaveBracket(c, k);
  MoveProposals(c, p.id, lang, a, b, CodePoints(words), applying);
  return Ok{};
}

std::int64_t InsertBracket(Connection& c, std::int64_t provision_id, const std::string& lang,
                           std::int64_t s, std::int64_t e,
                           const std::vector<std::string>& alternatives,
                           const std::string& proposed_by, const std::string& note) {
  c.Exec("INSERT INTO brackets(provision_id, lang, start_offset, end_offset, kind, "
         "alternatives, proposed_by, supported_by, objected_by, note, state, created_at) "
         "VALUES(?,?,?,?,?,?,?,'[]','[]',?,'open',?)",
         provision_id, lang, s, e, alternatives.empty() ? "retain_or_delete" : "alternatives",
         J(json::value_from(alternatives)), proposed_by, note, Now());
  std::int64_t id = c.LastInsertId();
  // A new question, bracketed in the proposal's language; the others' passages are added to it.
  c.Exec("UPDATE brackets SET question_id = id WHERE id = ?", id);
  return id;
}

std::int64_t InsertProvision(Connection& c, std::int64_t text_id, int pos,
                             const std::string& kind, const json::value& body) {
  c.Exec("UPDATE provisions SET position = -position - 1 WHERE text_id = ? AND position >= ?",
         text_id, pos);
  c.Exec("UPDATE provisions SET position = -position WHERE text_id = ? AND position < 0",
         text_id);
  c.Exec("INSERT INTO provisions(text_id, position, kind, label, body) VALUES(?,?,?,'',?)",
         text_id, pos, kind, J(body));
  std::int64_t id = c.LastInsertId();
  Renumber(c, text_id);
  return id;
}

Status CheckPlain(const std::string& s, const char* field, bool required) {
  if (required && s.empty()) return InvalidArgument(field, std::string(field) + ": required");
  if (auto fault = CheckText(s))
    return InvalidArgument(field, fmt::format("{}: {} at byte {}", field, fault->rule, fault->at));
  if (site::CountChars(s) > kMaxNoteChars)
    return Error{Code::kTooLarge, fmt::format("{}: at most {} characters", field, kMaxNoteChars),
                 field};
  return Ok{};
}

}  // namespace

Result<std::int64_t> TextOfProposal(storage::Database& db, std::int64_t proposal_id) {
  auto t = db.Read().QueryInt("SELECT text_id FROM proposals WHERE id = ?", proposal_id);
  if (!t) return NoSuchProposal(proposal_id);
  return *t;
}

Result<Proposal> Propose(storage::Database& db, const accounts::Session& who,
                         std::int64_t provision_id, const ProposalInput& in) {
  auto text_id = TextOfProvision(db, provision_id);
  if (!text_id.ok()) return text_id.error();
  auto id = db.Write<std::int64_t>([&](Connection& c) -> Result<std::int64_t> {
    auto t = LoadText(c, *text_id, true);
    if (!t || !documents::CanSee(who, t->access)) return NoSuchText(*text_id);
    if (who.user.role == "delegate") {
      if (who.user.member_state.value_or("") != in.member_state)
        return PermissionDenied(fmt::format(
            "member_state: a delegate proposes for their own Member State ({}) only",
            who.user.member_state.value_or("none")));
    } else if (!MayEdit(who)) {
      return PermissionDenied("only delegates, the secretariat and the chair record proposals");
    }
    if (t->status != "draft")
      return Error{Code::kFailedPrecondition,
                   fmt::format("status: text {} is {}; it takes no more proposals", t->id,
                               t->status),
                   "status"};
    if (!text::IsCountry(in.member_state))
      return InvalidArgument("member_state", fmt::format("member_state: {} is not a Member State "
                                                         "code (ISO 3166-1 alpha-2, e.g. CN)",
                                                         in.member_state));
    if (!OneOf(in.kind, kProposalKinds))
      return InvalidArgument("kind", "kind: must be " + Alternatives(kProposalKinds));
    if (std::find(t->languages.begin(), t->languages.end(), in.lang) == t->languages.end())
      return InvalidArgument("lang", fmt::format("lang: the text is drafted in {} only",
                                                 fmt::join(t->languages, ", ")));
    if (auto s = CheckPlain(in.justification, "justification", true); !s.ok()) return s.error();
    Provision p = FindProvision(*t, provision_id);
    if (!p.id) return NoSuchProvision(provision_id);
    std::u32string cps = Utf32(BodyText(p, in.lang));
    bool spans = in.kind == "insert" || in.kind == "delete" || in.kind == "replace";
    bool words = in.kind == "insert" || in.kind == "replace" || in.kind == "add_provision";
    if (!spans && (in.start || in.end))
      return InvalidArgument(in.start ? "start" : "end",
                             fmt::format("{}: not with kind {} (it concerns the whole provision)",
                                         in.start ? "start" : "end", in.kind));
    if (spans) {
      if (cps.empty())
        return InvalidArgument("lang", fmt::format("lang: provision {} has no text in {}",
                                                   p.label, in.lang));
      if (!in.start) return InvalidArgument("start", "start: required, a code point offset");
      if (in.kind == "insert" && in.end && *in.end != *in.start)
        return InvalidArgument("end", "end: an insertion has no end (or end = start)");
      if (in.kind != "insert" && !in.end)
        return InvalidArgument("end", "end: required, a code point offset");
      if (auto s = CheckBoundary(cps, *in.start, "start"); !s.ok()) return s.error();
      if (in.kind != "insert") {
        if (*in.end <= *in.start)
          return InvalidArgument("end", "end: must be greater than start");
        if (auto s = CheckBoundary(cps, *in.end, "end"); !s.ok()) return s.error();
      }
    }
    if (words) {
      if (auto s = CheckBody(in.lang, json::value(in.text)); !s.ok()) {
        Error e = s.error();
        e.field = "text";
        e.message = "text" + e.message.substr(e.message.find(':'));
        return e;
      }
    } else if (!in.text.empty()) {
      return InvalidArgument("text", fmt::format("text: not with kind {}", in.kind));
    }
    if (in.kind == "add_provision" && !OneOf(in.provision_kind, kProvisionKinds))
      return InvalidArgument("provision_kind",
                             "provision_kind: must be " + Alternatives(kProvisionKinds));
    std::optional<std::int64_t> end = in.kind == "insert" ? in.start : in.end;
    c.Exec("INSERT INTO proposals(text_id, provision_id, member_state, kind, lang, start_offset, "
           "end_offset, provision_kind, words, justification, state, user_id, created_at) "
           "VALUES(?,?,?,?,?,?,?,?,?,?,'open',?,?)",
           t->id, provision_id, in.member_state, in.kind, in.lang, in.start, end,
           in.provision_kind, in.text, in.justification, who.user.id, Now());
    std::int64_t id = c.LastInsertId();
    json::object detail{{"provision", p.label}, {"member_state", in.member_state},
                        {"kind", in.kind},      {"lang", in.lang},
                        {"text", in.text},      {"justification", in.justification}};
    if (in.start) detail["start"] = *in.start;
    if (end) detail["end"] = *end;
    Record(c, who, *t, "proposal.create", "proposal", id, detail);
    return id;
  });
  if (!id.ok()) return id.error();
  TextChanged(*text_id);
  auto t = Get(db, *text_id, who);
  if (!t.ok()) return t.error();
  if (auto* p = FindProposal(*t, *id)) return *p;
  return NoSuchProposal(*id);
}

Result<Proposal> WithdrawProposal(storage::Database& db, const accounts::Session& who,
                                  std::int64_t proposal_id) {
  auto text_id = TextOfProposal(db, proposal_id);
  if (!text_id.ok()) return text_id.error();
  auto id = db.Write<std::int64_t>([&](Connection& c) -> Result<std::int64_t> {
    auto t = LoadText(c, *text_id, true);
    if (!t || !documents::CanSee(who, t->access)) return NoSuchText(*text_id);
    const Proposal* p = FindProposal(*t, proposal_id);
    if (!p) return NoSuchProposal(proposal_id);
    bool own = who.user.role == "delegate" && who.user.member_state == p->member_state;
    if (!own && !MayEdit(who))
      return PermissionDenied(fmt::format("proposal {}: only delegates of {} or the secretariat "
                                          "and the chair withdraw it",
                                          proposal_id, p->member_state));
    if (p->state != "open")
      return Error{Code::kFailedPrecondition,
                   fmt::format("state: proposal {} is {}, not open", proposal_id, p->state),
                   "state"};
    c.Exec("UPDATE proposals SET state = 'withdrawn' WHERE id = ?", proposal_id);
    Record(c, who, *t, "proposal.withdraw", "proposal", proposal_id,
           {{"member_state", p->member_state}, {"provision", p->label}});
    return proposal_id;
  });
  if (!id.ok()) return id.error();
  TextChanged(*text_id);
  auto t = Get(db, *text_id, who);
  if (!t.ok()) return t.error();
  return *FindProposal(*t, proposal_id);
}

namespace {

// Brackets (bracket = true) or merges an open proposal, inside ChangeText.
Result<Change> ApplyProposal(Connection& c, const Text& t, std::int64_t proposal_id,
                             bool bracket) {
  const Proposal* r = FindProposal(t, proposal_id);
  if (!r) return NoSuchProposal(proposal_id);
  if (r->state != "open")
    return Error{Code::kFailedPrecondition,
                 fmt::format("state: proposal {} is {}, not open", proposal_id, r->state),
                 "state"};
  Provision p = FindProvision(t, r->provision_id);
  if (!p.id)
    return Error{Code::kFailedPrecondition,
                 fmt::format("provision: the provision of proposal {} was removed", proposal_id),
                 "provision"};
  std::u32string cps = Utf32(BodyText(p, r->lang));
  auto n = static_cast<std::int64_t>(cps.size());
  bool spans = r->kind == "insert" || r->kind == "delete" || r->kind == "replace";
  if (spans && (!r->start || !r->end || *r->end > n))
    return Error{Code::kFailedPrecondition,
                 fmt::format("start: the text of provision {} changed since proposal {}; its "
                             "passage no longer exists",
                             p.label, proposal_id),
                 "start"};
  std::optional<std::int64_t> bracket_id;
  if (r->kind == "insert") {
    if (auto s = EditText(c, p, r->lang, *r->start, *r->start, r->words, "text", r->id); !s.ok())
      return s.error();
    if (bracket) {
      std::int64_t e = *r->start + CodePoints(r->words);
      if (auto s = CheckNesting(p, r->lang, *r->start, e, "start"); !s.ok()) return s.error();
      bracket_id = InsertBracket(c, p.id, r->lang, *r->start, e, {}, r->member_state,
                                 r->justification);
    }
  } else if (r->kind == "delete" || r->kind == "replace") {
    if (bracket) {
      if (auto s = CheckNesting(p, r->lang, *r->start, *r->end, "start"); !s.ok())
        return s.error();
      std::vector<std::string> alternatives;
      if (r->kind == "replace") {
        std::string body = BodyText(p, r->lang);
        std::size_t from = ByteOffset(body, *r->start), to = ByteOffset(body, *r->end);
        alternatives = {body.substr(from, to - from), r->words};
      }
      bracket_id = InsertBracket(c, p.id, r->lang, *r->start, *r->end, alternatives,
                                 r->member_state, r->justification);
    } else if (auto s = EditText(c, p, r->lang, *r->start, *r->end, r->words, "start", r->id); !s.ok()) {
      return s.error();
    }
  } else if (r->kind == "add_provision") {
    if (t.provisions.size() >= kMaxProvisions)
      return Error{Code::kTooLarge,
                   fmt::format("provisions: a text has at most {} provisions", kMaxProvisions),
                   "provisions"};
    std::int64_t added = InsertProvision(c, t.id, p.position + 1, r->provision_kind,
                                         json::object{{r->lang, r->words}});
    if (bracket)
      bracket_id = InsertBracket(c, added, r->lang, 0, CodePoints(r->words), {}, r->member_state,
                                 r->justification);
  } else {  // delete_provision
    if (bracket) {
      if (n == 0)
        return Error{Code::kFailedPrecondition,
                     fmt::format("lang: provision {} has no text in {} to bracket", p.label,
                                 r->lang),
                     "lang"};
      bracket_id = InsertBracket(c, p.id, r->lang, 0, n, {}, r->member_state, r->justification);
    } else {
      c.Exec("DELETE FROM brackets WHERE provision_id = ?", p.id);
      c.Exec("DELETE FROM provisions WHERE id = ?", p.id);
      Renumber(c, t.id);
    }
  }
  c.Exec("UPDATE proposals SET state = ?, bracket_id = ? WHERE id = ?",
         bracket ? "bracketed" : "merged", bracket_id, proposal_id);
  json::object detail{{"member_state", r->member_state}, {"kind", r->kind},
                      {"provision", p.label}, {"lang", r->lang}};
  if (bracket_id) detail["bracket"] = *bracket_id;
  return Change{proposal_id, std::move(detail)};
}

Result<Proposal> ActOnProposal(storage::Database& db, const accounts::Session& who,
                               std::int64_t proposal_id, std::optional<std::int64_t> version,
                               bool bracket) {
  auto text_id = TextOfProposal(db, proposal_id);
  if (!text_id.ok()) return text_id.error();
  auto id = db.Write<std::int64_t>([&](Connection& c) -> Result<std::int64_t> {
    return ChangeText(c, who, *text_id, version, false,
                      bracket ? "proposal.bracket" : "proposal.merge", "proposal",
                      [&](const Text& t) -> Result<Change> {
                        if (!MayEdit(who))
                          return PermissionDenied("only the secretariat or the chair turns "
                                                  "proposals into the text");
                        return ApplyProposal(c, t, proposal_id, bracket);
                      });
  });
  if (!id.ok()) return id.error();
  TextChanged(*text_id);
  auto t = Get(db, *text_id, who);
  if (!t.ok()) return t.error();
  return *FindProposal(*t, proposal_id);
}

}  // namespace

Result<Proposal> BracketProposal(storage::Database& db, const accounts::Session& who,
                                 std::int64_t proposal_id, std::optional<std::int64_t> version) {
  return ActOnProposal(db, who, proposal_id, version, true);
}

Result<Proposal> MergeProposal(storage::Database& db, const accounts::Session& who,
                               std::int64_t proposal_id, std::optional<std::int64_t> version) {
  return ActOnProposal(db, who, proposal_id, version, false);
}

// --- Revisions -----------------------------------------------------------------------------

namespace {
// 409 while a language version of a provision lacks the passage of an open question: the
// revision and the adopted text would not read the same in every language. `what` is the
// action refused ("issuing a revision").
Status EveryLanguageBracketed(const Text& t, const char* what) {
  auto missing = MissingPassages(t);
  if (missing.empty()) return Ok{};
  const auto& m = missing.front();
  return Error{Code::kFailedPrecondition,
               fmt::format("brackets: provision {} has no passage in {} of bracket {} (bracketed "
                           "in {}); add it before {}{}",
                           m.label, m.lang, m.question, fmt::join(m.bracketed_in, ", "), what,
                           missing.size() > 1
                               ? fmt::format(" ({} passages are missing in all)", missing.size())
                               : std::string()),
               "brackets"};
}

// The symbol of the next revision: "C22/32(Rev.1)" → "C22/32(Rev.2)", "C22/32" → "C22/32(Rev.1)".
std::string NextRevision(const std::string& symbol) {
  static const std::string kRev = "(Rev.";
  auto at = symbol.rfind(kRev);
  if (at != std::string::npos && symbol.back() == ')') {
    std::string digits = symbol.substr(at + kRev.size(), symbol.size() - at - kRev.size() - 1);
    if (!digits.empty() && digits.size() < 4 &&
        std::all_of(digits.begin(), digits.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
      return fmt::format("{}(Rev.{})", symbol.substr(0, at), std::stoi(digits) + 1);
  }
  return symbol + "(Rev.1)";
}
}  // namespace

Result<Revision> IssueRevision(storage::Database& db, const accounts::Session& who,
                               std::int64_t text_id, std::optional<std::int64_t> version) {
  if (!MayEdit(who)) return PermissionDenied("only the secretariat or the chair issues revisions");
  auto before = Get(db, text_id, who);
  if (!before.ok()) return before.error();
  auto doc = documents::Get(db, std::to_string(before->document_id), who);
  if (!doc.ok()) return NoSuchText(text_id);
  documents::DocumentInput in;
  in.symbol = NextRevision(before->document);
  in.body = doc->body_key;
  in.title = before->title;
  std::string today = FormatIso(Now()).substr(0, 10);
  in.date = today;
  in.source_kind = "secretariat";
  in.access = before->access;
  in.status = "issued";
  in.illustrative = before->illustrative;
  std::int64_t number = 0;
  auto id = db.Write<std::int64_t>([&](Connection& c) -> Result<std::int64_t> {
    return ChangeText(c, who, text_id, version, false, "text.revise", "text",
                      [&](const Text& t) -> Result<Change> {
      if (auto s = EveryLanguageBracketed(t, "issuing a revision"); !s.ok()) return s.error();
      if (t.document_id != before->document_id)
        return Error{Code::kConflict,
                     fmt::format("version: the text was revised meanwhile (it is now {})",
                                 t.document),
                     "version"};
      auto d = documents::CreateOn(c, who.user.id, in);
      if (!d.ok()) return d.error();
      number = static_cast<std::int64_t>(t.revisions.size()) + 1;
      c.Exec("UPDATE texts SET document_id = ? WHERE id = ?", *d, t.id);
      c.Exec("INSERT INTO text_revisions(text_id, number, version, document_id, user_id, "
             "created_at) VALUES(?,?,?,?,?,?)",
             t.id, number, t.version + 1, *d, who.user.id, Now());
      return Change{t.id, {{"revision", number}, {"document", in.symbol},
                           {"revises", t.document}}};
    });
  });
  if (!id.ok()) return id.error();
  TextChanged(text_id);
  auto t = Get(db, text_id, who);
  if (!t.ok()) return t.error();
  return t->revisions.back();
}

// --- Informal consultations ----------------------------------------------------------------

bool Facilitates(const Text& t, const accounts::Session& who, std::int64_t provision_id) {
  if (t.status != "draft") return false;
  for (const auto& i : t.informal)
    if (i.facilitator_user_id == who.user.id &&
        std::find(i.provisions.begin(), i.provisions.end(), provision_id) != i.provisions.end())
      return true;
  return false;
}

Result<Informal> SendToInformal(storage::Database& db, const accounts::Session& who,
                                std::int64_t text_id, const InformalInput& in) {
  if (!MayEdit(who))
    return PermissionDenied("only the secretariat or the chair sends provisions to informal "
                            "consultations");
  auto cur = Get(db, text_id, who);
  if (!cur.ok()) return cur.error();
  if (in.provisions.empty())
    return InvalidArgument("provisions", "provisions: at least one provision id");
  if (in.provisions.size() > kMaxInformalProvisions)
    return InvalidArgument("provisions", fmt::format("provisions: at most {}",
                                                     kMaxInformalProvisions));
  std::set<std::int64_t> seen;
  for (auto p : in.provisions)
    if (!seen.insert(p).second)
      return InvalidArgument("provisions", fmt::format("provisions: {} is listed twice", p));
  std::optional<accounts::User> facilitator;
  for (auto& u : accounts::ListUsers(db))
    if (u.id == in.facilitator) facilitator = u;
  if (!facilitator)
    return InvalidArgument("facilitator",
                           fmt::format("facilitator: no such account {}", in.facilitator));
  if (!text::IsCountry(in.member_state))
    return InvalidArgument("member_state", fmt::format("member_state: {} is not a Member State "
                                                       "code (ISO 3166-1 alpha-2, e.g. CN)",
                                                       in.member_state));
  if (facilitator->member_state && *facilitator->member_state != in.member_state)
    return InvalidArgument("member_state",
                           fmt::format("member_state: the facilitator's account is a delegate of "
                                       "{}, not {}",
                                       *facilitator->member_state, in.member_state));
  if (in.report_to_meeting < 1 ||
      !meetings::GetMeeting(db, std::to_string(in.report_to_meeting)).ok())
    return InvalidArgument("report_to_meeting", fmt::format("report_to_meeting: no such meeting {}",
                                                            in.report_to_meeting));
  if (!IsIsoDate(in.deadline))
    return InvalidArgument("deadline", "deadline: required, a date YYYY-MM-DD");
  auto item = proceedings::GetItem(db, cur->agenda_item_id, who);
  if (!item.ok()) return item.error();
  std::optional<std::int64_t> decision;
  for (const auto& d : item->decisions) {
    if (d.kind != "referred_informal") continue;
    if (!in.decision || *in.decision == d.id) decision = d.id;
  }
  if (!decision)
    return InvalidArgument(
        "decision", in.decision
                        ? fmt::format("decision: {} is not a referred_informal decision of agenda "
                                      "item {}", *in.decision, item->number)
                        : fmt::format("decision: agenda item {} records no decision to refer to "
                                      "informal consultations (kind referred_informal); record "
                                      "it first",
                                      item->number));
  std::int64_t informal_id = 0;
  auto id = db.Write<std::int64_t>([&](Connection& c) -> Result<std::int64_t> {
    return ChangeText(c, who, text_id, std::nullopt, false, "text.informal",
                      "informal_consultation", [&](const Text& t) -> Result<Change> {
      json::array ids, labels;
      for (auto p : in.provisions) {
        Provision v = FindProvision(t, p);
        if (!v.id)
          return InvalidArgument("provisions", fmt::format("provisions: {} is not a provision "
                                                           "of text {}", p, t.id));
        ids.emplace_back(p);
        labels.emplace_back(v.label);
      }
      c.Exec("INSERT INTO informal_consultations(text_id, provisions, facilitator_user_id, "
             "facilitator_name, member_state, report_to_meeting_id, deadline, decision_id, "
             "sent_version, created_at) VALUES(?,?,?,?,?,?,?,?,?,?)",
             t.id, J(ids), facilitator->id, facilitator->name, in.member_state,
             in.report_to_meeting, in.deadline, *decision, t.version + 1, Now());
      informal_id = c.LastInsertId();
      return Change{informal_id, {{"provisions", labels}, {"facilitator", facilitator->name},
                                  {"member_state", in.member_state},
                                  {"report_to_meeting", in.report_to_meeting},
                                  {"deadline", in.deadline}, {"decision", *decision}}};
    });
  });
  if (!id.ok()) return id.error();
  TextChanged(text_id);
  auto t = Get(db, text_id, who);
  if (!t.ok()) return t.error();
  for (const auto& i : t->informal)
    if (i.id == informal_id) return i;
  return NotFound("informal consultation: not found");
}

Result<RecordedSentence> RecordSentence(storage::Database& db, const accounts::Session& who,
                                        std::int64_t text_id) {
  if (!MayEdit(who))
    return PermissionDenied("only the secretariat or the chair adds the sentence on the "
                            "brackets to the record");
  auto visible = Get(db, text_id, who);
  if (!visible.ok()) return visible.error();
  auto r = db.Write<RecordedSentence>([&](Connection& c) -> Result<RecordedSentence> {
    // The text as it stands in this transaction: the sentence says what is bracketed now.
    auto t = LoadText(c, text_id, true);
    if (!t) return NotFound(fmt::format("text {}: no such text", text_id));
    RecordedSentence out;
    out.agenda_item = t->agenda_item_id;
    for (const auto& l : text::Languages()) out.summary[l] = BracketsSentence(*t, l);
    proceedings::InterventionInput paragraph;
    paragraph.capacity = "secretariat";
    paragraph.anonymous = true;
    paragraph.summary = out.summary;
    auto p = proceedings::AddInterventionOn(c, who.user.id, t->agenda_item_id, paragraph);
    if (!p.ok()) return p.error();
    out.intervention = *p;
    Record(c, who, *t, "text.record_sentence", "text", text_id,
           {{"agenda_item", t->agenda_item_id},
            {"intervention", *p},
            {"bracketed", json::value_from(t->BracketedLabels())}});
    return out;
  });
  if (!r.ok()) return r.error();
  return r;
}

Result<std::int64_t> TextOfInformal(storage::Database& db, std::int64_t informal_id) {
  auto t = db.Read().QueryInt("SELECT text_id FROM informal_consultations WHERE id = ?",
                              informal_id);
  if (!t) return NotFound(fmt::format("informal consultation: no such consultation {}",
                                      informal_id));
  return *t;
}

Result<Informal> ReportInformal(storage::Database& db, const accounts::Session& who,
                                std::int64_t informal_id, const ReportInput& in) {
  if (!MayEdit(who))
    return PermissionDenied("only the secretariat or the chair records the report back of "
                            "informal consultations");
  auto text_id = TextOfInformal(db, informal_id);
  if (!text_id.ok()) return text_id.error();
  auto cur = Get(db, *text_id, who);
  if (!cur.ok()) return cur.error();
  const Informal* sent = nullptr;
  for (const auto& i : cur->informal)
    if (i.id == informal_id) sent = &i;
  if (!sent) return NotFound("informal consultation: not found");
  if (in.agenda_item < 1)
    return InvalidArgument("agenda_item", "agenda_item: required, an agenda item id of the "
                                          "meeting reported to");
  auto item = proceedings::GetItem(db, in.agenda_item, who);
  if (!item.ok() || item->meeting_id != sent->report_to_meeting)
    return InvalidArgument(
        "agenda_item",
        fmt::format("agenda_item: {} is not an agenda item of meeting {}, which the informal "
                    "consultations report to",
                    in.agenda_item, sent->report_to_meeting));
  proceedings::InterventionInput paragraph;
  paragraph.capacity = "councillor";
  paragraph.member_state = sent->member_state;
  paragraph.anonymous = false;
  paragraph.speaker = json::value(sent->facilitator_name);
  paragraph.summary = in.text;
  auto id = db.Write<std::int64_t>([&](Connection& c) -> Result<std::int64_t> {
    return ChangeText(c, who, *text_id, std::nullopt, false, "text.informal_report",
                      "informal_consultation", [&](const Text& t) -> Result<Change> {
      auto reported = c.QueryInt("SELECT reported_at FROM informal_consultations "
                                 "WHERE id = ? AND reported_at IS NOT NULL",
                                 informal_id);
      if (reported)
        return Error{Code::kConflict,
                     fmt::format("informal consultation {}: its report back is already "
                                 "recorded",
                                 informal_id),
                     "informal"};
      auto p = proceedings::AddInterventionOn(c, who.user.id, in.agenda_item, paragraph);
      if (!p.ok()) {
        Error e = p.error();
        if (e.field == "summary") {
          e.field = "text";
          e.message = "text" + e.message.substr(e.message.find(':'));
        }
        return e;
      }
      c.Exec("UPDATE informal_consultations SET report_agenda_item_id = ?, "
             "report_intervention_id = ?, reported_version = ?, reported_at = ? WHERE id = ?",
             in.agenda_item, *p, t.version, Now(), informal_id);
      return Change{informal_id, {{"agenda_item", in.agenda_item}, {"intervention", *p},
                                  {"reported_version", t.version}}};
    });
  });
  if (!id.ok()) return id.error();
  TextChanged(*text_id);
  auto t = Get(db, *text_id, who);
  if (!t.ok()) return t.error();
  for (const auto& i : t->informal)
    if (i.id == informal_id) return i;
  return NotFound("informal consultation: not found");
}

Result<json::array> InformalChanges(storage::Database& db, const Text& t, const Informal& i,
                                    const documents::Viewer& viewer) {
  auto from = GetVersion(db, t.id, i.sent_version, viewer);
  if (!from.ok()) return from.error();
  Text to_text;
  if (i.reported_version) {
    auto to = GetVersion(db, t.id, *i.reported_version, viewer);
    if (!to.ok()) return to.error();
    to_text = std::move(*to);
  } else {
    to_text = t;
  }
  json::array out;
  for (auto& d : DiffTexts(*from, to_text)) {
    std::int64_t id = d.as_object().at("id").as_int64();
    if (std::find(i.provisions.begin(), i.provisions.end(), id) != i.provisions.end())
      out.push_back(std::move(d));
  }
  return out;
}

// --- Adoption ------------------------------------------------------------------------------

Result<Text> Adopt(storage::Database& db, const accounts::Session& who, std::int64_t text_id,
                   const AdoptInput& in) {
  if (!MayEdit(who)) return PermissionDenied("only the secretariat or the chair records adoption");
  auto cur = Get(db, text_id, who);
  if (!cur.ok()) return cur.error();
  if (in.meeting < 1) return InvalidArgument("meeting", "meeting: required, a meeting id");
  auto p = proceedings::Get(db, std::to_string(in.meeting), who);
  if (!p.ok())
    return InvalidArgument("meeting", fmt::format("meeting: no such meeting {}", in.meeting));
  bool found = false;
  for (const auto& item : p->items)
    for (const auto& d : item.decisions) found |= d.id == in.decision;
  if (!found)
    return InvalidArgument("decision", fmt::format("decision: {} is not a decision recorded at "
                                                   "meeting {}",
                                                   in.decision, in.meeting));
  // When the body numbers what it adopts: the resolution the text becomes.
  std::optional<documents::ResolutionInput> resolution;
  if (in.resolution) {
    if (!documents::IsInstrument(p->meeting.body_key))
      return InvalidArgument("resolution",
                             fmt::format("resolution: {} does not number what it adopts; adopt "
                                         "the text without a number",
                                         p->meeting.body_acronym));
    if (*in.resolution < 1 || *in.resolution > 99999)
      return InvalidArgument("resolution", "resolution: a number from 1 to 99999");
    int year = 0;
    if (p->meeting.starts_on.size() >= 4) year = std::atoi(p->meeting.starts_on.c_str());
    documents::ResolutionInput r;
    r.instrument = p->meeting.body_key;
    r.number = static_cast<int>(*in.resolution);
    r.title = cur->title;
    json::value place = json::object{};
    if (p->meeting.place.is_object() && p->meeting.place.as_object().contains("en"))
      place = p->meeting.place;
    r.revisions.push_back({year, place, false});
    resolution = std::move(r);
  }
  auto id = db.Write<std::int64_t>([&](Connection& c) -> Result<std::int64_t> {
    return ChangeText(c, who, text_id, in.version, false, "text.adopt", "text",
                      [&](const Text& t) -> Result<Change> {
      if (auto s = EveryLanguageBracketed(t, "adoption"); !s.ok()) return s.error();
      if (int open = t.OpenBrackets(); open > 0)
        return Error{Code::kFailedPrecondition,
                     fmt::format("brackets: {} open bracket(s) in {}; resolve them before "
                                 "adoption",
                                 open, fmt::join(t.BracketedLabels(), ", ")),
                     "brackets"};
      c.Exec("UPDATE texts SET status = 'adopted', adopted_meeting_id = ?, "
             "adopted_decision_id = ?, adopted_version = ? WHERE id = ?",
             in.meeting, in.decision, t.version + 1, t.id);
      json::object detail{{"meeting", in.meeting}, {"decision", in.decision}};
      if (resolution) {
        resolution->document_id = t.document_id;
        auto r = documents::CreateResolutionOn(c, who.user.id, *resolution);
        if (!r.ok()) {
          Error e = r.error();
          if (e.field == "number") e.field = "resolution";
          return e;
        }
        c.Exec("UPDATE texts SET adopted_resolution_id = ? WHERE id = ?", *r, t.id);
        detail["resolution"] = {{"instrument", resolution->instrument},
                                {"number", resolution->number}};
      }
      return Change{t.id, std::move(detail)};
    });
  });
  if (!id.ok()) return id.error();
  TextChanged(text_id);
  return Get(db, text_id, who);
}

// --- The room's screen ---------------------------------------------------------------------

namespace {
http::Watchers& Screens() {
  // A screen that lost its stream asks again after 2 s.
  static http::Watchers watchers("change", "text", "change", kDefaultMaxScreenWatchers, 2000);
  return watchers;
}
}  // namespace

void TextChanged(std::int64_t text_id) { Screens().Changed(text_id); }
std::uint64_t TextChanges(std::int64_t text_id) { return Screens().Version(text_id); }
std::shared_ptr<http::EventStream> WatchText(std::int64_t text_id) {
  return Screens().Watch(text_id);
}
void SetMaxScreenWatchers(int n) { Screens().SetMax(n); }
int MaxScreenWatchers() { return Screens().Max(); }
int ScreenWatchers() { return Screens().Count(); }

std::int64_t OnScreen(const Text& t) {
  if (t.under_discussion)
    for (const auto& p : t.provisions)
      if (p.id == *t.under_discussion) return p.id;
  for (const auto& p : t.provisions)
    if (p.OpenBrackets() > 0) return p.id;
  return t.provisions.empty() ? 0 : t.provisions.front().id;
}

Result<Text> SetUnderDiscussion(storage::Database& db, const accounts::Session& who,
                                std::int64_t text_id, std::optional<std::int64_t> provision) {
  if (!MayEdit(who))
    return PermissionDenied("only the secretariat or the chair chooses the provision under "
                            "discussion");
  auto id = db.Write<std::int64_t>([&](Connection& c) -> Result<std::int64_t> {
    auto t = LoadText(c, text_id, false);
    if (!t || !documents::CanSee(who, t->access)) return NoSuchText(text_id);
    if (t->status != "draft")
      return Error{Code::kFailedPrecondition,
                   fmt::format("status: text {} is {}; nothing of it is under discussion any "
                               "more",
                               text_id, t->status),
                   "status"};
    json::object detail{{"provision", nullptr}};
    if (provision) {
      Provision p = FindProvision(*t, *provision);
      if (!p.id)
        return InvalidArgument("provision", fmt::format("provision: {} is not a provision of "
                                                        "text {}",
                                                        *provision, text_id));
      detail = {{"provision", p.id}, {"label", p.label}};
    }
    c.Exec("UPDATE texts SET under_discussion_id = ? WHERE id = ?", provision, text_id);
    Record(c, who, *t, "text.under_discussion", "text", text_id, detail);
    return text_id;
  });
  if (!id.ok()) return id.error();
  TextChanged(text_id);
  return Get(db, text_id, who);
}

}  // namespace plenary::drafting
