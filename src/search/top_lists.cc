// The lists of the best documents of frequent terms: kept by the indexer, read by Search().
#include "search/top_lists.h"

#include <algorithm>
#include <cmath>
#include <map>
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
  return out;
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

struct Group {
  std::string lang, term;
  std::int64_t freq = 0;
  std::int64_t listed = 0;
  std::optional<std::int64_t> bound;
  bool dirty = false;
};

std::string Key(const std::string& lang, const std::string& term) {
  std::string k = lang;
  k += '\0';
  k += term;
  return k;
}

// Lists the term anew from its FTS5 matches: each group's shortest kKeep documents.
void BuildTerm(Connection& c, const std::string& lang, const std::string& term) {
  c.Exec("DELETE FROM search_top WHERE language = ? AND term = ?", lang, term);
  c.Exec("DELETE FROM search_top_groups WHERE language = ? AND term = ?", lang, term);
  std::map<std::int64_t, std::vector<std::pair<std::int64_t, std::int64_t>>> groups;
  {
    Stmt s(c, fmt::format("SELECT rowid, plenary_freq(search_fts_{0}, {1}.0, 1.0), "
                          "plenary_size(search_fts_{0}) FROM search_fts_{0} "
                          "WHERE search_fts_{0} MATCH ?",
                          lang, kTitleWeight));
    s.BindAll(RawMatch(term));
    while (s.Step())
      groups[std::llround(s.Real(1))].emplace_back(s.Int(2), s.Int(0));
  }
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
  c.Exec("UPDATE search_terms SET listed = 1 WHERE language = ? AND term = ?", lang, term);
}

}  // namespace

void Changes::Apply(Connection& c) {
  if (entries_.empty()) return;
  // Each term's document count, once per term for the whole transaction.
  std::unordered_map<std::string, std::int64_t> counted;  // Key(language, term) → change
  for (const auto& e : entries_)
    for (const auto& [term, freq] : e.terms.freq) counted[Key(e.lang, term)] += e.add ? 1 : -1;
  std::vector<std::pair<std::pair<std::string, std::string>, std::int64_t>> delta;
  delta.reserve(counted.size());
  for (const auto& [k, d] : counted) {
    auto zero = k.find('\0');
    delta.push_back({{k.substr(0, zero), k.substr(zero + 1)}, d});
  }
  std::sort(delta.begin(), delta.end());  // in the order of the table's key
  // The terms listed before, as Key(language, term): hashed, for the lookup of every term of
  // every document.
  std::unordered_set<std::string> listed;
  std::vector<std::pair<std::string, std::string>> newly;
  for (const auto& [key, d] : delta) {
    if (d == 0) continue;
    Stmt s(c, "INSERT INTO search_terms(language, term, docs) VALUES(?,?,?) "
              "ON CONFLICT(language, term) DO UPDATE SET docs = docs + excluded.docs "
              "RETURNING docs, listed");
    s.BindAll(key.first, key.second, d);
    if (!s.Step()) throw std::runtime_error("search_terms: no row returned");
    std::int64_t docs = s.Int(0);
    bool was_listed = s.Int(1) != 0;
    while (s.Step()) {
    }
    if (was_listed)
      listed.insert(Key(key.first, key.second));
    else if (docs >= kListFrom)
      newly.push_back(key);
    else if (docs <= 0)
      c.Exec("DELETE FROM search_terms WHERE language = ? AND term = ?", key.first, key.second);
  }
  // Terms whose count did not change (added and removed in the same transaction) may be
  // listed too.
  for (const auto& [key, d] : delta)
    if (d == 0 && c.QueryInt("SELECT listed FROM search_terms WHERE language = ? AND term = ?",
                             key.first, key.second)
                          .value_or(0) != 0)
      listed.insert(Key(key.first, key.second));
  std::unordered_map<std::string, Group> groups;  // Key(language, term) + freq
  auto group = [&](const std::string& lang, const std::string& term, int freq) -> Group& {
    std::string k = Key(lang, term);
    k += std::to_string(freq);
    auto it = groups.find(k);
    if (it != groups.end()) return it->second;
    Group g{.lang = lang, .term = term, .freq = freq};
    Stmt s(c, "SELECT listed, bound FROM search_top_groups WHERE language = ? AND term = ? "
              "AND freq = ?");
    s.BindAll(lang, term, freq);
    if (s.Step()) g.listed = s.Int(0), g.bound = s.OptInt(1);
    while (s.Step()) {
    }
    return groups.emplace(std::move(k), std::move(g)).first->second;
  };
  std::string key;
  for (const auto& e : entries_) {
    for (const auto& [term, freq] : e.terms.freq) {
      key = e.lang;
      key += '\0';
      key += term;
      if (!listed.count(key)) continue;
      if (e.add) {
        Group& g = group(e.lang, term, freq);
        if (g.bound && e.terms.len >= *g.bound) continue;  // longer than the listed ones
        c.Exec("INSERT INTO search_top(language, term, freq, len, doc) VALUES(?,?,?,?,?)",
               e.lang, term, static_cast<std::int64_t>(freq),
               static_cast<std::int64_t>(e.terms.len), e.doc);
        ++g.listed, g.dirty = true;
      } else {
        c.Exec("DELETE FROM search_top WHERE language = ? AND term = ? AND freq = ? AND len = ? "
               "AND doc = ?",
               e.lang, term, static_cast<std::int64_t>(freq),
               static_cast<std::int64_t>(e.terms.len), e.doc);
        if (c.Changes() > 0) {
          Group& g = group(e.lang, term, freq);
          --g.listed, g.dirty = true;
        }
      }
    }
  }
  for (auto& [k, g] : groups) {
    if (!g.dirty) continue;
    const std::string& lang = g.lang;
    const std::string& term = g.term;
    const std::int64_t freq = g.freq;
    if (g.listed > 2 * kKeep) {
      // Keeps the kKeep shortest; every shorter document than the last kept is among them.
      Stmt s(c, "SELECT len, doc FROM search_top WHERE language = ? AND term = ? AND freq = ? "
                "ORDER BY len, doc LIMIT 1 OFFSET ?");
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
  // A term that reached kListFrom documents is listed from its matches, which hold this
  // transaction's documents already.
  for (const auto& [lang, term] : newly) BuildTerm(c, lang, term);
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
    c.Exec(fmt::format("INSERT INTO search_terms(language, term, docs) "
                       "SELECT ?, term, doc FROM temp.search_vocab_{0}",
                       lang),
           lang);
    std::vector<std::string> frequent;
    {
      Stmt s(c, "SELECT term FROM search_terms WHERE language = ? AND docs >= ?");
      s.BindAll(lang, kListFrom);
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

std::optional<std::vector<std::pair<double, std::int64_t>>> Best(
    Connection& c, const std::string& lang, const std::string& term, std::int64_t want,
    const std::function<bool(std::int64_t)>& keep) {
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
    s.BindAll(RawMatch(term));
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
  for (const auto& cand : candidates) {
    if (static_cast<std::int64_t>(out.size()) >= want) break;
    if (!keep || keep(cand.second)) out.push_back(cand);
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
