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

#include <boost/json.hpp>

#include "site/site.h"

namespace plenary::site {

// `text`, written in language `lang`, as HTML. In a left-to-right language exactly
// http::EscapeHtml(text). In a right-to-left one, every maximal run of Latin letters and
// digits joined by - / . ( ) & that holds at least one Latin letter is wrapped whole in
// <bdi class="sym">: "(CWG-Internet)" keeps its parentheses outside, "C22/32(Rev.1)" its closing
// one inside (it closes one the run opened), "ITU-T." its full stop outside. Numbers alone
// ("2018") are left as they are: the algorithm already keeps them in order. Every character is
// escaped, inside the runs as well (the & of CWG-WSIS&SDG).
std::string TextHtml(std::string_view text, std::string_view lang);

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
