// The options of a country field, in three groups (text::Standing): the Member States of the
// body's organization, its observers, then the other territories and areas, each group sorted
// by the names in the reader's language (text::Countries), so that no territory is listed as a
// State.
#pragma once
#include <string>

#include <ctemplate/template.h>

namespace plenary::site {

// Adds to `d` a section COUNTRY_GROUP per non-empty group, holding LABEL and a section
// COUNTRIES per option (CODE, NAME, and SEL shown for `selected`). The template writes
// {{#COUNTRY_GROUP}}<optgroup label="{{LABEL}}">{{#COUNTRIES}}<option …>{{/COUNTRIES}}
// </optgroup>{{/COUNTRY_GROUP}}.
void AddCountryOptions(ctemplate::TemplateDictionary* d, const std::string& lang,
                       const std::string& selected = {});

}  // namespace plenary::site
