// The body of notice.tpl: a page that only says how something went (an e-mail address
// confirmed, a password changed, a link that is not valid).
#pragma once
#include <ctemplate/template.h>

#include <string>
#include <string_view>

namespace plenary::site {

// Its heading, and its sentence in the reader's language `lang` (text_html.h's SetSentence: a
// reference it names is isolated on a right-to-left page), marked as a notice when `ok` and as an
// error otherwise. Defined in text_html.cc.
void SetNotice(ctemplate::TemplateDictionary* d, const std::string& heading,
               const std::string& sentence, bool ok, std::string_view lang);

}  // namespace plenary::site
