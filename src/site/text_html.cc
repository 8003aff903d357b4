// Stored text into pages: escaping, and Latin runs isolated in right-to-left text.
#include "site/text_html.h"

#include <cstddef>

#include "http/templates.h"
#include "site/notice.h"
#include "text/messages.h"

namespace plenary::site {
namespace {

struct CodePoint {
  char32_t value;
  std::size_t size;  // bytes in UTF-8
};

// The code point at `at` of well-formed UTF-8 (every stored text is: base/utf8.h); a stray
// byte counts as one character that is no Latin letter.
CodePoint At(std::string_view s, std::size_t at) {
  const auto b = static_cast<unsigned char>(s[at]);
  auto cont = [&](std::size_t k) {
    return at + k < s.size() ? static_cast<unsigned char>(s[at + k]) & 0x3F : 0;
  };
  if (b < 0x80) return {b, 1};
  if ((b & 0xE0) == 0xC0 && at + 1 < s.size()) return {((b & 0x1Fu) << 6) | cont(1), 2};
  if ((b & 0xF0) == 0xE0 && at + 2 < s.size())
    return {((b & 0x0Fu) << 12) | (cont(1) << 6) | cont(2), 3};
  if ((b & 0xF8) == 0xF0 && at + 3 < s.size())
    return {((b & 0x07u) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3), 4};
  return {0xFFFD, 1};
}

// Latin letters: ASCII, Latin-1's letters, Latin Extended-A and -B, Latin Extended Additional.
bool IsLatinLetter(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x1E00 && c <= 0x1EFF);
}
bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsJoiner(char c) {
  return c == '-' || c == '/' || c == '.' || c == '(' || c == ')' || c == '&' || c == '_';
}
// Spaces and punctuation that stand between Latin words: ", " "; " ": " "@" "'" "*" "+" "#",
// and two that are not ASCII: the typographic apostrophe (States’) and the bullet of a masked
// address (s•••@example.org).
bool IsGap(char32_t c) {
  return c == ' ' || c == ',' || c == ';' || c == ':' || c == '@' || c == '\'' || c == '*' ||
         c == '+' || c == '#' || c == '!' || c == '?' || c == '=' || c == 0x2019 || c == 0x2022;
}

// A word (text between spaces) of this many characters or more is wider than a narrow line
// may be (a 360 px phone's, or a table's cell): America/Argentina/ComodRivadavia in a date.
constexpr std::size_t kLongWord = 24;

// `text` escaped, each of its words of kLongWord characters or more with a line-break
// opportunity (<wbr>) after each slash that stands between two of its characters (not inside
// the // of a link), so that such a word breaks at its slashes rather than make the page scroll
// sideways. Shorter words (a symbol, Europe/Zurich) are left whole.
std::string Breakable(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t end = text.find(' ', i);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(i, end - i);
    std::size_t chars = 0;
    for (std::size_t k = 0; k < word.size(); k += At(word, k).size) ++chars;
    if (chars < kLongWord) {
      out += http::EscapeHtml(word);
    } else {
      std::size_t from = 0;
      for (std::size_t k = 0; k + 1 < word.size(); ++k) {
        if (word[k] != '/' || word[k + 1] == '/' || k == 0) continue;
        out += http::EscapeHtml(word.substr(from, k + 1 - from));
        out += "<wbr>";
        from = k + 1;
      }
      out += http::EscapeHtml(word.substr(from));
    }
    if (end < text.size()) out += ' ';
    i = end + 1;
  }
  return out;
}

}  // namespace

std::string TextHtml(std::string_view text, std::string_view lang) {
  if (std::string_view(text::Direction(lang)) != "rtl") return Breakable(text);
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  std::size_t i = 0;
  while (i < text.size()) {
    CodePoint first = At(text, i);
    if (!IsLatinLetter(first.value) && !IsDigit(first.value)) {
      out += http::EscapeHtml(text.substr(i, first.size));
      i += first.size;
      continue;
    }
    // The run: letters and digits, and joiners only where letters or digits follow them; once
    // it holds a letter, also spaces and punctuation between Latin words ("Title only in
    // English", "ITU-T, ITU-R", l***@example.org), as the bidirectional algorithm itself would
    // keep them, since words isolated one by one would be laid out right to left.
    const std::size_t start = i;
    std::size_t end = i;
    int open = 0;               // parentheses the run opened and has not closed
    std::size_t unclosed = 0;   // where the outermost of them stands
    bool letter = false;
    for (;;) {
      while (end < text.size()) {
        CodePoint c = At(text, end);
        if (!IsLatinLetter(c.value) && !IsDigit(c.value)) break;
        letter = letter || IsLatinLetter(c.value);
        end += c.size;
      }
      std::size_t k = end;
      int depth = open;
      std::size_t outer = unclosed;
      bool gap = false;  // a character other than a joiner
      while (k < text.size()) {
        const CodePoint c = At(text, k);
        if (!IsGap(c.value) && !(c.size == 1 && IsJoiner(text[k]))) break;
        if (text[k] == ')' && depth == 0) break;  // closes what the text opened before the run
        if (text[k] == '(' && depth++ == 0) outer = k;
        if (text[k] == ')') --depth;
        gap = gap || IsGap(c.value);
        k += c.size;
      }
      if (k == end || k == text.size() || (gap && !letter)) break;
      CodePoint next = At(text, k);
      if (!IsLatinLetter(next.value) && !IsDigit(next.value)) break;
      end = k;
      open = depth;
      unclosed = outer;
    }
    // A closing parenthesis belongs to the run when it closes one the run opened: C22/32(Rev.1),
    // alert('x'). One left open is left out with what follows it.
    for (std::size_t k = end; open > 0 && k < text.size() && text[k] != '(' &&
                              (IsJoiner(text[k]) || IsGap(At(text, k).value));
         k += At(text, k).size)
      if (text[k] == ')' && --open >= 0) end = k + 1;
    if (open > 0) {
      end = unclosed;
      while (end > start && (IsJoiner(text[end - 1]) || IsGap(static_cast<unsigned char>(text[end - 1]))))
        --end;
      letter = false;
      for (std::size_t k = start; k < end && !letter; k += At(text, k).size)
        letter = IsLatinLetter(At(text, k).value);
    }
    const std::string_view run = text.substr(start, end - start);
    if (letter) {
      // A symbol stays on one line (plenary.css), unless it is longer than a narrow line may be
      // ("sym long": it breaks at its slashes); words may wrap at their spaces.
      const std::string html = Breakable(run);
      const bool phrase = run.find(' ') != std::string_view::npos;
      out += phrase ? "<bdi class=\"phrase\">"
             : html.find("<wbr>") != std::string::npos ? "<bdi class=\"sym long\">"
                                                       : "<bdi class=\"sym\">";
      out += html;
      out += "</bdi>";
    } else {
      out += http::EscapeHtml(run);
    }
    i = end;
  }
  return out;
}

void SetSentence(ctemplate::TemplateDictionary* d, const std::string& key,
                 const std::string& sentence, std::string_view lang) {
  d->SetValue(key, sentence);
  d->SetValue(key + "_HTML", TextHtml(sentence, lang));
}

namespace {
// The marker of the `n`th marked text of a sentence: U+E000 + n in UTF-8.
std::string Marker(std::size_t n) {
  const char32_t c = 0xE000 + static_cast<char32_t>(n);
  return {static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
          static_cast<char>(0x80 | (c & 0x3F))};
}
}  // namespace

Sentence Say(std::string_view lang, std::string_view key, const SentenceArgs& args) {
  // The HTML is made from the message with each stored text of another language replaced by a
  // private-use character (U+E000 + its place), which TextHtml escapes as it is and no message
  // or argument holds; Html() then puts the text's own HTML in its place.
  Sentence s;
  s.lang = std::string(lang);
  text::Args plain, marked;
  for (const auto& [name, value] : args) {
    const auto* l = std::get_if<Localized>(&value);
    if (!l) {
      text::Arg a = std::holds_alternative<std::int64_t>(value) ? text::Arg(std::get<std::int64_t>(value))
                    : std::holds_alternative<double>(value)     ? text::Arg(std::get<double>(value))
                                                                : text::Arg(std::get<std::string>(value));
      plain.emplace_back(name, a);
      marked.emplace_back(name, std::move(a));
      continue;
    }
    plain.emplace_back(name, l->text);
    if (l->lang.empty() || l->lang == lang) {
      marked.emplace_back(name, l->text);
      continue;
    }
    std::string marker = Marker(s.spans.size());
    s.spans.push_back({marker,
                       "<span lang=\"" + http::EscapeHtml(l->lang) + "\" dir=\"" +
                           text::Direction(l->lang) + "\">" + TextHtml(l->text, l->lang) + "</span>",
                       *l});
    marked.emplace_back(name, std::move(marker));
  }
  s.text = text::T(lang, key, plain);
  s.marked = s.spans.empty() ? s.text : text::T(lang, key, marked);
  return s;
}

std::string Sentence::Html(const std::function<std::string(const std::string&)>& render) const {
  const std::string& from = marked.empty() ? text : marked;
  std::string html = render ? render(from) : TextHtml(from, lang);
  for (const auto& [marker, span, stored] : spans)
    for (std::size_t at = html.find(marker); at != std::string::npos;
         at = html.find(marker, at + span.size()))
      html.replace(at, marker.size(), span);
  return html;
}

void Sentence::Append(std::string_view more) {
  if (marked.empty()) marked = text;
  text += more;
  marked += more;
}

void Sentence::Append(const Sentence& more) {
  if (marked.empty()) marked = text;
  if (lang.empty()) lang = more.lang;
  text += more.text;
  std::string tail = more.marked.empty() ? more.text : more.marked;
  // Its markers are renumbered after ours, so that each still stands for one text.
  std::vector<std::pair<std::string, std::string>> renamed;
  for (const auto& span : more.spans) {
    Span s = span;
    s.marker = Marker(spans.size());
    renamed.emplace_back(span.marker, s.marker);
    spans.push_back(std::move(s));
  }
  std::string out;
  for (std::size_t i = 0; i < tail.size();) {
    bool replaced = false;
    for (const auto& [from, to] : renamed)
      if (tail.compare(i, from.size(), from) == 0) {
        out += to;
        i += from.size();
        replaced = true;
        break;
      }
    if (!replaced) out += tail[i++];
  }
  marked += out;
}

std::vector<Localized> Sentence::Runs() const {
  std::vector<Localized> runs;
  auto add = [&runs](std::string_view t, const std::string& l, bool fallback) {
    if (t.empty()) return;
    if (!runs.empty() && runs.back().lang == l) runs.back().text += t;
    else runs.push_back({std::string(t), l, fallback});
  };
  const std::string& from = marked.empty() ? text : marked;
  std::size_t start = 0;
  for (std::size_t i = 0; i < from.size();) {
    const Span* hit = nullptr;
    for (const auto& s : spans)
      if (from.compare(i, s.marker.size(), s.marker) == 0) hit = &s;
    if (!hit) {
      ++i;
      continue;
    }
    add(std::string_view(from).substr(start, i - start), lang, false);
    add(hit->text.text, hit->text.lang, true);
    i += hit->marker.size();
    start = i;
  }
  add(std::string_view(from).substr(start), lang, false);
  return runs;
}

void SetSentence(ctemplate::TemplateDictionary* d, const std::string& key, const Sentence& s) {
  d->SetValue(key, s.text);
  d->SetValue(key + "_HTML", s.Html());
}

void SetNotice(ctemplate::TemplateDictionary* d, const std::string& heading,
               const std::string& sentence, bool ok, std::string_view lang) {
  d->SetValue("HEADING", heading);
  SetSentence(d, "MESSAGE", sentence, lang);
  d->SetValue("CLASS", ok ? "notice" : "error");
}

}  // namespace plenary::site
