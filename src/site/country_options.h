// The options of a country field, in three groups (text::Standing): the Member States of the
// body's organization, its observers, then the other territories and areas, each group sorted
// by the names in the reader's language (text::Countries), so that no territory is listed as a
// State.
#pragma once
#include <string>

#include <ctemplate/template.h>

namespace plenary::site {

// Sets COUNTRY_OPTIONS_HTML in `d`: an <optgroup label="…"> per non-empty group holding an
// <option value="CODE">name</option> per country, `selected` marked selected, names and labels
// escaped. The template writes {{COUNTRY_OPTIONS_HTML:none}} inside its <select>. The options
// of each language are made once (about 250 of them: as template sections they were a fifth of
// the consultation page's rendering, docs/PROFILE.md).
void AddCountryOptions(ctemplate::TemplateDictionary* d, const std::string& lang,
                       const std::string& selected = {});

}  // namespace plenary::site
