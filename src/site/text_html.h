// Stored text as it enters a page: escaped for HTML and, when the text's language is written
// right to left, each Latin run in it (an acronym such as CWG-Internet, a symbol such as
// C22/32(Rev.1)) isolated in <bdi class="sym">, so that the bidirectional algorithm neither
// reorders its parts around the Arabic words nor breaks it at its hyphen (plenary.css keeps a
// bdi.sym on one line). Only pages use it: JSON, CSV, mail and feeds carry the text as stored.
#pragma once
#include <ctemplate/template.h>

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <boost/json.hpp>

#include "site/site.h"

namespace plenary::site {

// `text`, written in language `lang`, as HTML. In every language, a word (between spaces) of 24
// characters or more gets a line-break opportunity (<wbr>) after each slash between two of its
// characters, so that a run longer than a phone's line (a time zone such as
// America/Argentina/ComodRivadavia) breaks there instead of making the page scroll sideways;
// shorter words are left whole. Otherwise, in a left-to-right language, exactly
// http::EscapeHtml(text). In a right-to-left one, every maximal run of Latin letters and
// digits joined by - / . ( ) & _ that holds at least one Latin letter is wrapped whole in
// <bdi class="sym">: "(CWG-Internet)" keeps its parentheses outside, "C22/32(Rev.1)" its closing
// one inside (it closes one the run opened), "ITU-T." its full stop outside. Numbers alone
// ("2018") are left as they are: the algorithm already keeps them in order. Once a run holds a
// letter, the spaces and punctuation (, ; : @ ' ’ * • + # ! ? =) between it and the next Latin word
// join that word too ("Title only in English", "ITU-T, ITU-R", "l***@example.org"), as the
// algorithm would keep them, since words isolated one by one would be laid out right to left;
// such a run with a space is a <bdi class="phrase">, which may wrap at its spaces. A parenthesis
// the run opens and does not close is left out, with what follows it. Every character is
// escaped, inside the runs as well (the & of CWG-WSIS&SDG). A symbol run broken at its slashes
// as said above is a <bdi class="sym long">, which plenary.css lets wrap.
std::string TextHtml(std::string_view text, std::string_view lang);

// A sentence the code built for a page in the reader's language `lang` (a catalogue message with
// its arguments filled in: a meeting's label with a body's acronym, a date with its time zone, a
// reference, the report's paragraph) as `{{KEY_HTML}}`, TextHtml in `lang`: on a right-to-left
// page the Latin runs its arguments brought in are isolated. The template prints it unescaped
// (`{{KEY_HTML:none}}`) as the content of an element; `{{KEY}}` keeps the text as built, for an
// attribute or an <option>. JSON, CSV, mail, feeds and files take the sentence itself.
void SetSentence(ctemplate::TemplateDictionary* d, const std::string& key,
                 const std::string& sentence, std::string_view lang);

// A sentence in the reader's language made from a catalogue message whose placeholders may hold
// stored texts (a consultation's title, a body's name), each in the language it was picked in.
// `text` is the sentence as text::T makes it (for an attribute, a window title, mail, files);
// Html() is the sentence as HTML: `render` of it (TextHtml in the reader's language when none is
// given; documents::LinkCitationsHtml where its citations become links), except that each
// stored text of another language stands in <span lang="…" dir="…"> as TextHtml makes it in its
// own language, so that an English title inside an Arabic sentence is read and laid out as
// English. The one way a stored text enters a sentence of a page; SetSentence sets both.
struct Sentence {
  struct Span {
    std::string marker;  // the private-use character standing for it in `marked`
    std::string html;    // <span lang dir> with the text as TextHtml makes it in its language
    Localized text;      // the stored text and its language
  };
  std::string text;
  std::string lang;    // the reader's
  std::string marked;  // `text` with a private-use character in place of each marked text
  std::vector<Span> spans;
  std::string Html(const std::function<std::string(const std::string&)>& render = {}) const;
  // A paragraph made of several sentences: `more` (text in the reader's language, or another
  // sentence whose marked texts stay marked) added at the end.
  void Append(std::string_view more);
  void Append(const Sentence& more);
  // `text` cut where its language changes: (text, language) pieces in order, the reader's
  // language for the sentence's own words, each marked text's own for it; together, `text`.
  // For files whose runs carry a language (a DOCX run's w:lang).
  std::vector<Localized> Runs() const;
};
// A placeholder's value: as for text::T, or a stored text with its language (Localized, site.h).
using SentenceArg = std::variant<std::int64_t, double, std::string, Localized>;
using SentenceArgs = std::vector<std::pair<std::string, SentenceArg>>;
Sentence Say(std::string_view lang, std::string_view key, const SentenceArgs& args);
// `{{KEY}}` the sentence's text and `{{KEY_HTML}}` its Html().
void SetSentence(ctemplate::TemplateDictionary* d, const std::string& key, const Sentence& s);

// How a picked text becomes HTML on a page: TextHtml, unless its citations become links
// (documents::LinkCitationsHtml, which isolates Latin runs the same way).
using TextRenderer = std::function<std::string(const Localized&)>;

// SetLocalized (site.h) sets `{{KEY}}` to the text in the reader's language `lang` (or the first
// available one), for a window title or an attribute, and `{{KEY_HTML}}` to it as HTML for the
// element's content (TextHtml), then its language (SetTextLanguage). This one makes the HTML
// with `html`.
Localized SetLocalized(ctemplate::TemplateDictionary* d, const std::string& key,
                       const boost::json::value& v, std::string_view lang,
                       const TextRenderer& html);
// The same for a text already picked (`html` empty: TextHtml).
void SetText(ctemplate::TemplateDictionary* d, const std::string& key, const Localized& l,
             std::string_view lang, const TextRenderer& html = {});
// The language of a text shown on a page of the reader's language `lang`, for its element:
// `{{KEY_DIR}}` (`dir="{{KEY_DIR}}"`: "auto" for the reader's own language, else that
// language's direction, so that an English description on an Arabic page is laid out left to
// right) and, when it falls back, the section `{{#KEY_FALLBACK}}` holding `{{KEY_LANG}}` (the
// element's lang attribute) and `{{KEY_NOTE}}` (FallbackNote). Every element showing a text
// that may fall back carries both; text_html_test.cc checks every template for it.
void SetTextLanguage(ctemplate::TemplateDictionary* d, const std::string& key, const Localized& l,
                     std::string_view lang);

}  // namespace plenary::site
