// FTS5's snippet() over the analyzer's tokens: the choice of window and the marks follow
// fts5_aux.c of SQLite 3.40 (fts5SnippetFunction, fts5SnippetScore, fts5HighlightCb,
// fts5SentenceFinderCb).
#include "search/snippet.h"

#include <algorithm>
#include <array>
#include <tuple>

#include "text/analyzer.h"

namespace plenary::search::snippet {
namespace {

// One phrase instance: where it starts in its column (a token position) and which phrase.
struct Instance {
  int column;
  int position;
  int phrase;
  bool operator<(const Instance& o) const {
    return std::tie(column, position, phrase) < std::tie(o.column, o.position, o.phrase);
  }
};

// A column analysed as the index holds it: the tokens of each position, and each position's
// first token (the one FTS5 numbers; later ones are colocated with it).
struct Column {
  std::string_view text;
  std::vector<text::Token> tokens;
  std::vector<int> first;  // position → index in tokens
  int size() const { return static_cast<int>(first.size()); }
};

Column Analyse(std::string_view text, std::string_view lang) {
  Column c{text, text::AnalyzeForIndex(text, lang), {}};
  for (int i = 0; i < static_cast<int>(c.tokens.size()); ++i)
    if (i == 0 || c.tokens[i].position != c.tokens[i - 1].position) c.first.push_back(i);
  return c;
}

// Whether some token at `position` of `c` is `term` (or begins with it, for a prefix).
bool Holds(const Column& c, int position, const std::string& term, bool prefix) {
  std::size_t end = position + 1 < c.size() ? c.first[position + 1] : c.tokens.size();
  for (std::size_t i = c.first[position]; i < end; ++i) {
    const std::string& t = c.tokens[i].text;
    if (prefix ? t.starts_with(term) : t == term) return true;
  }
  return false;
}

}  // namespace

std::vector<Phrase> PhrasesOf(std::string_view match, std::string_view lang) {
  std::vector<Phrase> out;
  for (std::size_t i = 0; i < match.size(); ++i) {
    if (match[i] != '"') continue;
    std::string quoted;
    for (++i; i < match.size(); ++i) {
      if (match[i] != '"') {
        quoted += match[i];
      } else if (i + 1 < match.size() && match[i + 1] == '"') {
        quoted += '"';
        ++i;
      } else {
        break;
      }
    }
    Phrase p;
    for (auto& token : text::Analyze(quoted, lang)) p.terms.push_back(std::move(token.text));
    p.prefix = i + 1 < match.size() && match[i + 1] == '*';
    out.push_back(std::move(p));
  }
  return out;
}

std::string Make(const std::vector<Phrase>& phrases, std::string_view lang, std::string_view title,
                 std::string_view body, std::string_view open, std::string_view close,
                 std::string_view ellipsis, int tokens) {
  const std::array<Column, 2> columns{Analyse(title, lang), Analyse(body, lang)};
  // Every instance of every phrase, in FTS5's order (column, position, phrase).
  std::vector<Instance> instances;
  for (int col = 0; col < 2; ++col) {
    const Column& c = columns[col];
    for (int p = 0; p < static_cast<int>(phrases.size()); ++p) {
      const auto& terms = phrases[p].terms;
      const int n = static_cast<int>(terms.size());
      if (n == 0) continue;
      for (int start = 0; start + n <= c.size(); ++start) {
        bool all = true;
        for (int j = 0; j < n && all; ++j)
          all = Holds(c, start + j, terms[j], phrases[p].prefix && j == n - 1);
        if (all) instances.push_back({col, start, p});
      }
    }
  }
  std::sort(instances.begin(), instances.end());
  auto length = [&](int phrase) { return static_cast<int>(phrases[phrase].terms.size()); };

  // The window [from, from + tokens) of `col`: 1000 for each phrase found in it, 1 for each
  // further instance; and where a window around its instances would start.
  auto score = [&](int col, int from, int* adjusted) {
    std::vector<bool> seen(phrases.size());
    int total = 0, first = -1, last = 0;
    for (const auto& in : instances) {
      if (in.column != col || in.position < from || in.position >= from + tokens) continue;
      total += seen[in.phrase] ? 1 : 1000;
      seen[in.phrase] = true;
      if (first < 0) first = in.position;
      last = in.position + length(in.phrase);
    }
    if (adjusted) {
      int adj = first - (tokens - (last - first)) / 2;
      if (adj + tokens > columns[col].size()) adj = columns[col].size() - tokens;
      *adjusted = std::max(adj, 0);
    }
    return total;
  };

  int best_col = 0, best_start = 0, best_score = 0;
  for (int col = 0; col < 2; ++col) {
    const Column& c = columns[col];
    // The positions that start a sentence: the first, and each after '.' or ':' and a space.
    std::vector<int> sentences;
    for (int pos = 0; pos < c.size(); ++pos) {
      if (pos == 0) {
        sentences.push_back(0);
        continue;
      }
      int i = c.tokens[c.first[pos]].begin - 1;
      while (i >= 0 && (c.text[i] == ' ' || c.text[i] == '\t' || c.text[i] == '\n' ||
                        c.text[i] == '\r'))
        --i;
      if (i != c.tokens[c.first[pos]].begin - 1 && i >= 0 &&
          (c.text[i] == '.' || c.text[i] == ':'))
        sentences.push_back(pos);
    }
    for (const auto& in : instances) {
      if (in.column != col) continue;
      int adjusted = 0;
      if (int s = score(col, in.position, &adjusted); s > best_score)
        best_score = s, best_col = col, best_start = adjusted;
      if (!sentences.empty() && c.size() > tokens) {
        std::size_t j = 0;
        while (j + 1 < sentences.size() && sentences[j + 1] <= in.position) ++j;
        if (sentences[j] < in.position) {
          int s = score(col, sentences[j], nullptr) + (sentences[j] == 0 ? 120 : 100);
          if (s > best_score) best_score = s, best_col = col, best_start = sentences[j];
        }
      }
    }
  }

  // The window with each run of overlapping instances marked (fts5HighlightCb).
  const Column& c = columns[best_col];
  std::vector<std::pair<int, int>> runs;  // [first, last] token positions
  for (const auto& in : instances) {
    if (in.column != best_col) continue;
    int end = in.position + length(in.phrase) - 1;
    if (!runs.empty() && in.position <= runs.back().second)
      runs.back().second = std::max(runs.back().second, end);
    else
      runs.emplace_back(in.position, end);
  }
  std::size_t run = 0;
  while (run < runs.size() && runs[run].first < best_start) ++run;
  const int range_end = best_start + tokens - 1;
  std::string out;
  if (best_start > 0) out += ellipsis;
  int copied = 0;  // bytes of the column copied (or skipped) so far
  auto copy_to = [&](int to) {
    out += c.text.substr(copied, to - copied);
    copied = to;
  };
  // Each run is closed at its end, or at the window's end when it goes on past it.
  for (int pos = best_start; pos < c.size() && pos <= range_end; ++pos) {
    const text::Token& t = c.tokens[c.first[pos]];
    if (best_start && pos == best_start) copied = t.begin;
    if (run < runs.size() && pos == runs[run].first) {
      copy_to(t.begin);
      out += open;
    }
    if (run < runs.size() && pos == runs[run].second) {
      copy_to(t.end);
      out += close;
      ++run;
    }
    if (range_end > 0 && pos == range_end) {
      copy_to(t.end);
      if (run < runs.size() && pos >= runs[run].first && pos < runs[run].second) out += close;
    }
  }
  if (range_end >= c.size() - 1)
    copy_to(static_cast<int>(c.text.size()));
  else
    out += ellipsis;
  return out;
}

}  // namespace plenary::search::snippet
