// The lists of the best documents of frequent terms: kept by the indexer, read by Search().
#include "search/top_lists.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>
#include <stdexcept>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "text/analyzer.h"
#include "text/messages.h"

namespace plenary::search::top {

using storage::Connection;
using storage::Stmt;

DocTerms FromTap(const storage::TokenTap& tap) {
  if (tap.calls.size() != 2)
    throw std::runtime_error(fmt::format("search index: {} columns tokenized, expected 2",
                                         tap.calls.size()));
  DocTerms out;
  for (std::size_t column = 0; column < 2; ++column) {
    const auto& call = tap.calls[column];
    out.len += call.size;
    for (const auto& term : call.terms) out.freq[term] += column == 0 ? kTitleWeight : 1;
  }
  // The map's keys stay where they are (its nodes move with it).
  out.columns.resize(2);
  for (std::size_t column = 0; column < 2; ++column) {
    const auto& call = tap.calls[column];
    auto& tokens = out.columns[column];
    tokens.reserve(call.terms.size());
    for (std::size_t i = 0; i < call.terms.size(); ++i)
      tokens.emplace_back(i < call.positions.size() ? call.positions[i] : static_cast<int>(i),
                          &out.freq.find(call.terms[i])->first);
  }
  return out;
}

int PhraseFreq(const DocTerms& doc, const std::vector<std::string>& terms) {
  // The document's own copy of each term (the columns point at it), none when it lacks one.
  std::vector<const std::string*> keys;
  keys.reserve(terms.size());
  for (const auto& t : terms) {
    auto it = doc.freq.find(t);
    if (it == doc.freq.end()) return 0;
    keys.push_back(&it->first);
  }
  int weighted = 0;
  for (std::size_t column = 0; column < doc.columns.size(); ++column) {
    // Each term's positions in the column (ascending: the tokenizer emits them in order).
    std::vector<std::vector<int>> at(keys.size());
    for (const auto& [pos, term] : doc.columns[column])
      for (std::size_t k = 0; k < keys.size(); ++k)
        if (term == keys[k]) at[k].push_back(pos);
    int count = 0;
    for (std::size_t i = 0; i < at[0].size(); ++i) {
      int start = at[0][i];
      if (i > 0 && at[0][i - 1] == start) continue;  // one instance per position
      bool all = true;
      for (std::size_t k = 1; k < keys.size() && all; ++k)
        all = std::binary_search(at[k].begin(), at[k].end(), start + static_cast<int>(k));
      if (all) ++count;
    }
    weighted += count * (column == 0 ? kTitleWeight : 1);
  }
  return weighted;
}

void Changes::Add(const std::string& lang, std::int64_t doc, DocTerms terms) {
  entries_.push_back({true, lang, doc, std::move(terms)});
}

void Changes::Remove(const std::string& lang, std::int64_t doc, DocTerms terms) {
  entries_.push_back({false, lang, doc, std::move(terms)});
}

double Bm25(std::int64_t rows, std::int64_t tokens, std::int64_t docs, double freq, double len) {
  // The same operations in the same order as fts5_aux.c (fts5Bm25GetData, fts5Bm25Function),
  // so that the result is the same double.
  const double k1 = 1.2;
  const double b = 0.75;
  double avgdl = static_cast<double>(tokens) / static_cast<double>(rows);
  double idf = std::log((static_cast<double>(rows - docs) + 0.5) / (static_cast<double>(docs) + 0.5));
  if (idf <= 0.0) idf = 1e-6;
  double score = 0.0;
  score += idf * ((freq * (k1 + 1.0)) / (freq + k1 * (1 - b + b * len / avgdl)));
  return -1.0 * score;
}

namespace {

std::string RawMatch(const std::string& term) {
  std::string out = "\"";
  out += storage::kRawTerm;
  for (char ch : term) {
    if (ch == '"') out += '"';  // doubled inside an FTS5 string
    out += ch;
  }
  return out + "\"";
}

// The MATCH expression of a term or a phrase's key, of raw terms: "\x1fopen" + "\x1finternet".
std::string MatchOf(const std::string& key) {
  std::string out;
  std::size_t from = 0;
  for (;;) {
    std::size_t sep = key.find(kPhraseSeparator, from);
    if (!out.empty()) out += " + ";
    out += RawMatch(key.substr(from, sep == std::string::npos ? std::string::npos : sep - from));
    if (sep == std::string::npos) return out;
    from = sep + 1;
  }
}

std::vector<std::string> Split(const std::string& key) {
  std::vector<std::string> out;
  std::size_t from = 0;
  for (;;) {
    std::size_t sep = key.find(kPhraseSeparator, from);
    out.push_back(key.substr(from, sep == std::string::npos ? std::string::npos : sep - from));
    if (sep == std::string::npos) return out;
    from = sep + 1;
  }
}

std::string Key(const std::string& lang, const std::string& term) {
  std::string k = lang;
  k += '\0';
  k += term;
  return k;
}

// Lists the term (or the phrase of that key) anew from its FTS5 matches: each group's shortest
// kKeep documents.
void BuildTerm(Connection& c, const std::string& lang, const std::string& term) {
  c.Exec("DELETE FROM search_top WHERE language = ? AND term = ?", lang, term);
  c.Exec("DELETE FROM search_top_groups WHERE language = ? AND term = ?", lang, term);
  std::map<std::int64_t, std::vector<std::pair<std::int64_t, std::int64_t>>> groups;
  {
    Stmt s(c, fmt::format("SELECT rowid, plenary_freq(search_fts_{0}, {1}.0, 1.0), "
                          "plenary_size(search_fts_{0}) FROM search_fts_{0} "
                          "WHERE search_fts_{0} MATCH ?",
                          lang, kTitleWeight));
    s.BindAll(MatchOf(term));
    while (s.Step())
      groups[std::llround(s.Real(1))].emplace_back(s.Int(2), s.Int(0));
  }
  std::int64_t matches = 0;  // bm25's nHit
  for (const auto& [freq, docs] : groups) matches += static_cast<std::int64_t>(docs.size());
  for (auto& [freq, docs] : groups) {
    std::sort(docs.begin(), docs.end());
    std::optional<std::int64_t> bound;
    if (docs.size() > static_cast<std::size_t>(kKeep)) {
      docs.resize(kKeep);
      bound = docs.back().first;
    }
    for (const auto& [len, doc] : docs)
      c.Exec("INSERT INTO search_top(language, term, freq, len, doc) VALUES(?,?,?,?,?)", lang,
             term, freq, len, doc);
    c.Exec("INSERT INTO search_top_groups(language, term, freq, listed, bound) "
           "VALUES(?,?,?,?,?)",
           lang, term, freq, static_cast<std::int64_t>(docs.size()), bound);
  }
  c.Exec("INSERT OR REPLACE INTO search_terms(language, term, docs, listed) VALUES(?,?,?,1)",
         lang, term, matches);
}

}  // namespace

namespace {
// Documents added since the last count, per Key(language, term) of an unlisted term, on this
// thread (a database's writer thread, the only one that indexes it) for the connection
// `pending_of`. A term is listed once a count finds kListFrom documents: at most kRecount
// documents later than it reached it (counted from a restart, which loses these counts), and
// until then FTS5 ranks it, as exactly.
thread_local std::unordered_map<std::string, int> pending;
thread_local const Connection* pending_of = nullptr;
// Beyond this many terms the counts start again (memory: rare terms are never listed).
constexpr std::size_t kPendingMax = 200000;
}  // namespace

namespace {
// A listed term's (or phrase's) documents added (true) or removed in a transaction, as (add,
// freq, len, doc): its groups take them, and are trimmed back to kKeep when they hold twice as
// many.
using Moves = std::vector<std::tuple<bool, std::int64_t, std::int64_t, std::int64_t>>;
void UpdateGroups(Connection& c, const std::string& lang, const std::string& term,
                  const Moves& moves) {
  // The term's groups, read at once: freq → (listed, bound, changed).
  struct Group {
    std::int64_t listed = 0;
    std::optional<std::int64_t> bound;
    bool dirty = false;
  };
  std::map<std::int64_t, Group> groups;
  {
    Stmt s(c, "SELECT freq, listed, bound FROM search_top_groups WHERE language = ? "
              "AND term = ?");
    s.BindAll(lang, term);
    while (s.Step()) groups[s.Int(0)] = {s.Int(1), s.OptInt(2), false};
  }
  for (const auto& [add, freq, len, doc] : moves) {
    Group& g = groups[freq];
    if (add) {
      if (g.bound && len >= *g.bound) continue;  // longer than the listed ones
      c.Exec("INSERT INTO search_top(language, term, freq, len, doc) VALUES(?,?,?,?,?)",
             lang, term, freq, len, doc);
      ++g.listed, g.dirty = true;
    } else {
      c.Exec("DELETE FROM search_top WHERE language = ? AND term = ? AND freq = ? "
             "AND len = ? AND doc = ?",
             lang, term, freq, len, doc);
      if (c.Changes() > 0) --g.listed, g.dirty = true;
    }
  }
  for (auto& [freq, g] : groups) {
    if (!g.dirty) continue;
    if (g.listed > 2 * kKeep) {
      // Keeps the kKeep shortest; every shorter document than the last kept is among them.
      Stmt s(c, "SELECT len, doc FROM search_top WHERE language = ? AND term = ? "
                "AND freq = ? ORDER BY len, doc LIMIT 1 OFFSET ?");
      s.BindAll(lang, term, freq, static_cast<std::int64_t>(kKeep - 1));
      if (!s.Step()) throw std::runtime_error("search_top: group shorter than counted");
      std::int64_t len = s.Int(0), doc = s.Int(1);
      while (s.Step()) {
      }
      c.Exec("DELETE FROM search_top WHERE language = ? AND term = ? AND freq = ? "
             "AND (len > ? OR (len = ? AND doc > ?))",
             lang, term, freq, len, len, doc);
      g.listed = kKeep;
      g.bound = len;
    }
    c.Exec("INSERT OR REPLACE INTO search_top_groups(language, term, freq, listed, bound) "
           "VALUES(?,?,?,?,?)",
           lang, term, freq, g.listed, g.bound);
  }
}
}  // namespace

void Changes::Apply(Connection& c) {
  if (entries_.empty()) return;
  if (pending_of != &c || pending.size() > kPendingMax) pending.clear(), pending_of = &c;
  // Per language, each term of the transaction's documents (viewed in entries_, which outlive
  // this call): its change of document count, and whether it is listed. Hashed string views:
  // every term of every document is looked up, and nothing is copied for it.
  struct Term {
    std::int64_t delta = 0;
    bool listed = false;
    Moves docs;  // the listed term's documents added or removed
  };
  std::map<std::string_view, std::unordered_map<std::string_view, Term>> langs;
  for (const auto& e : entries_) {
    auto& terms = langs[e.lang];
    terms.reserve(terms.size() + e.terms.freq.size());
    for (const auto& [term, freq] : e.terms.freq) terms[term].delta += e.add ? 1 : -1;
  }
  for (auto& [lang_view, terms] : langs) {
    const std::string lang(lang_view);
    // The language's listed terms (a few thousand at most) and phrases, read at once.
    std::unordered_set<std::string> listed;
    std::vector<std::string> phrases;
    {
      Stmt s(c, "SELECT term FROM search_terms WHERE language = ? AND listed = 1");
      s.BindAll(lang);
      while (s.Step()) {
        std::string term = s.Text(0);
        if (term.find(kPhraseSeparator) != std::string::npos)
          phrases.push_back(std::move(term));
        else
          listed.insert(std::move(term));
      }
    }
    // In the order of the table's key: neighbouring terms share pages.
    std::vector<std::pair<std::string_view, Term*>> sorted;
    sorted.reserve(terms.size());
    for (auto& [term, t] : terms) sorted.emplace_back(term, &t);
    std::sort(sorted.begin(), sorted.end(),
              [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<std::string> newly;
    for (auto& [term_view, t] : sorted) {
      const std::string term(term_view);
      t->listed = listed.count(term) > 0;
      if (t->listed) {
        if (t->delta != 0)
          c.Exec("UPDATE search_terms SET docs = docs + ? WHERE language = ? AND term = ?",
                 t->delta, lang, term);
        continue;
      }
      // An unlisted term's count is kept in memory only, and read from FTS5 when it has grown
      // by kRecount since: a row per term of the vocabulary, rewritten for every batch, was
      // most of the lists' upkeep.
      if (t->delta <= 0) continue;
      int& grown = pending[Key(lang, term)];
      grown += static_cast<int>(t->delta);
      if (grown < kRecount) continue;
      grown = 0;
      Stmt s(c, fmt::format("SELECT count(*) FROM search_fts_{0} WHERE search_fts_{0} MATCH ?",
                            lang));
      s.BindAll(RawMatch(term));
      if (s.Step() && s.Int(0) >= kListFrom) newly.push_back(term);
      while (s.Step()) {
      }
    }
    // The listed terms' documents, from one more pass over the transaction's documents.
    for (const auto& e : entries_) {
      if (e.lang != lang) continue;
      for (const auto& [term, freq] : e.terms.freq) {
        Term& t = terms.find(term)->second;
        if (t.listed) t.docs.emplace_back(e.add, freq, e.terms.len, e.doc);
      }
    }
    for (auto& [term_view, t] : sorted)
      if (t->listed && !t->docs.empty()) UpdateGroups(c, lang, std::string(term_view), t->docs);
    // The listed phrases: each document holding all of a phrase's terms is counted from its
    // tokens' positions.
    for (const auto& key : phrases) {
      const auto parts = Split(key);
      std::int64_t delta = 0;
      Moves docs;
      for (const auto& e : entries_) {
        if (e.lang != lang) continue;
        int freq = PhraseFreq(e.terms, parts);
        if (freq == 0) continue;
        delta += e.add ? 1 : -1;
        docs.emplace_back(e.add, freq, e.terms.len, e.doc);
      }
      if (delta != 0)
        c.Exec("UPDATE search_terms SET docs = docs + ? WHERE language = ? AND term = ?", delta,
               lang, key);
      if (!docs.empty()) UpdateGroups(c, lang, key, docs);
    }
    // A term that reached kListFrom documents is listed from its matches, which hold this
    // transaction's documents already.
    for (const auto& term : newly) BuildTerm(c, lang, term);
  }
  entries_.clear();
}

bool Built(Connection& c) {
  return c.QueryInt("SELECT built FROM search_top_state").value_or(0) != 0;
}

void Build(Connection& c) {
  c.Exec("DELETE FROM search_terms");
  c.Exec("DELETE FROM search_top");
  c.Exec("DELETE FROM search_top_groups");
  for (const auto& lang : text::Languages()) {
    c.ExecScript(fmt::format(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab_{0} "
        "USING fts5vocab(main, search_fts_{0}, row)",
        lang));
    std::vector<std::string> frequent;
    {
      Stmt s(c, fmt::format("SELECT term FROM temp.search_vocab_{0} WHERE doc >= ?", lang));
      s.BindAll(kListFrom);
      while (s.Step()) frequent.push_back(s.Text(0));
    }
    for (const auto& term : frequent) BuildTerm(c, lang, term);
  }
  c.Exec("UPDATE search_top_state SET built = 1");
}

void Clear(Connection& c) {
  c.Exec("DELETE FROM search_terms");
  c.Exec("DELETE FROM search_top");
  c.Exec("DELETE FROM search_top_groups");
  c.Exec("UPDATE search_top_state SET built = 1");
}

std::string SingleTerm(const std::string& match, const std::string& lang) {
  if (match.size() < 3 || match.front() != '"' || match.back() != '"') return "";
  std::string inner = match.substr(1, match.size() - 2);
  if (inner.find('"') != std::string::npos) return "";
  auto tokens = text::Analyze(inner, lang);
  return tokens.size() == 1 ? tokens[0].text : "";
}

std::vector<std::string> PhraseTerms(const std::string& match, const std::string& lang) {
  if (match.size() < 3 || match.front() != '"' || match.back() != '"') return {};
  std::string inner = match.substr(1, match.size() - 2);
  if (inner.find('"') != std::string::npos) return {};
  auto tokens = text::Analyze(inner, lang);
  if (tokens.size() < 2) return {};
  std::vector<std::string> out;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    // A colocated token would be an alternative at the same place, not the next term.
    if (i > 0 && tokens[i].position == tokens[i - 1].position) return {};
    if (tokens[i].text.empty() || tokens[i].text.find(kPhraseSeparator) != std::string::npos)
      return {};
    out.push_back(tokens[i].text);
  }
  return out;
}

std::string PhraseKey(const std::vector<std::string>& terms) {
  std::string key;
  for (const auto& t : terms) {
    if (!key.empty()) key += kPhraseSeparator;
    key += t;
  }
  return key;
}

bool Listed(Connection& c, const std::string& lang, const std::string& key) {
  return c.QueryInt("SELECT listed FROM search_terms WHERE language = ? AND term = ?", lang, key)
             .value_or(0) != 0;
}

bool ListPhrase(storage::Database& db, const std::string& lang,
                const std::vector<std::string>& terms) {
  const std::string key = PhraseKey(terms);
  auto wanted = [&](Connection& c) {
    if (!Built(c)) return false;
    for (const auto& t : terms)
      if (!Listed(c, lang, t)) return false;
    return c.QueryInt("SELECT count(*) FROM search_terms WHERE language = ? AND listed = 1 "
                      "AND instr(term, char(30)) > 0",
                      lang)
               .value_or(kMaxPhrases) < kMaxPhrases;
  };
  static_assert(kPhraseSeparator == '\x1e', "char(30) above");
  if (Listed(db.Read(), lang, key)) return true;
  if (!wanted(db.Read())) return false;
  auto listed = db.Write<bool>([&](Connection& c) -> Result<bool> {
    if (Listed(c, lang, key)) return true;
    if (!wanted(c)) return false;
    try {
      BuildTerm(c, lang, key);
    } catch (const std::exception& e) {
      return Error{Code::kInternal, e.what(), {}};
    }
    return true;
  });
  return listed.ok() && *listed;
}

std::optional<std::vector<std::pair<double, std::int64_t>>> Best(
    Connection& c, const std::string& lang, const std::string& term, std::int64_t want,
    const Keep& keep) {
  std::int64_t docs = 0;
  {
    Stmt s(c, "SELECT docs, listed FROM search_terms WHERE language = ? AND term = ?");
    s.BindAll(lang, term);
    if (!s.Step() || s.Int(1) == 0) return std::nullopt;
    docs = s.Int(0);
    while (s.Step()) {
    }
  }
  if (!Built(c)) return std::nullopt;
  std::int64_t rows = 0, tokens = 0;
  {
    // The table's statistics as bm25() reads them (its averages record).
    Stmt s(c, fmt::format("SELECT plenary_rows(search_fts_{0}), plenary_tokens(search_fts_{0}) "
                          "FROM search_fts_{0} WHERE search_fts_{0} MATCH ? LIMIT 1",
                          lang));
    s.BindAll(MatchOf(term));
    if (!s.Step()) return std::vector<std::pair<double, std::int64_t>>{};
    rows = s.Int(0), tokens = s.Int(1);
    while (s.Step()) {
    }
  }
  std::vector<std::pair<std::int64_t, std::optional<std::int64_t>>> groups;  // freq, bound
  {
    Stmt s(c, "SELECT freq, bound FROM search_top_groups WHERE language = ? AND term = ?");
    s.BindAll(lang, term);
    while (s.Step()) groups.emplace_back(s.Int(0), s.OptInt(1));
  }
  std::vector<std::pair<double, std::int64_t>> candidates;
  for (const auto& [freq, bound] : groups) {
    // Without a filter no group gives more than `want`; with one, every listed document may
    // be needed.
    Stmt s(c, "SELECT len, doc FROM search_top WHERE language = ? AND term = ? AND freq = ? "
              "ORDER BY len, doc LIMIT ?");
    s.BindAll(lang, term, freq, keep ? std::int64_t{-1} : want);
    while (s.Step())
      candidates.emplace_back(
          Bm25(rows, tokens, docs, static_cast<double>(freq), static_cast<double>(s.Int(0))),
          s.Int(1));
  }
  std::sort(candidates.begin(), candidates.end());
  std::vector<std::pair<double, std::int64_t>> out;
  // Tested in chunks (one statement each), best first, until `want` pass.
  const std::size_t chunk = keep ? kKeepChunk : candidates.size();
  for (std::size_t from = 0; from < candidates.size() && static_cast<std::int64_t>(out.size()) < want;
       from += chunk) {
    const std::size_t end = std::min(candidates.size(), from + chunk);
    std::unordered_set<std::int64_t> passing;
    if (keep) {
      std::vector<std::int64_t> ids;
      for (std::size_t i = from; i < end; ++i) ids.push_back(candidates[i].second);
      passing = keep(ids);
    }
    for (std::size_t i = from; i < end && static_cast<std::int64_t>(out.size()) < want; ++i)
      if (!keep || passing.contains(candidates[i].second)) out.push_back(candidates[i]);
  }
  // An unlisted document of a group is at least as long as its bound: it scores no better than
  // a document of the bound's length. The answer holds when none of them could come before the
  // last taken (lower is better).
  for (const auto& [freq, bound] : groups) {
    if (!bound) continue;
    if (static_cast<std::int64_t>(out.size()) < want) return std::nullopt;
    double best_unlisted =
        Bm25(rows, tokens, docs, static_cast<double>(freq), static_cast<double>(*bound));
    if (best_unlisted < out.back().first) return std::nullopt;
  }
  return out;
}

}  // namespace plenary::search::top
