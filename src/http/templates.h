// Page templates: ctemplate files under web/templates/, compiled into the binary, expanded
// with HTML auto-escaping (every template starts with {{%AUTOESCAPE context="HTML"}}).
// Thread-safe after LoadTemplates().
#pragma once
#include <ctemplate/template.h>

#include <string>
#include <string_view>

namespace plenary::http {

// Registers every embedded web/templates/*.tpl under its file name ("consultation.tpl"), once a
// process (later calls return at once).
void LoadTemplates();
// `s` escaped for HTML text and attribute values (& < > " ').
std::string EscapeHtml(std::string_view s);

// Expands template `name` with `dict`; throws if the template is unknown (a bug).
std::string Render(const std::string& name, const ctemplate::TemplateDictionary& dict);

}  // namespace plenary::http
