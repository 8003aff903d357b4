// Refusals in the reader's language. The use cases name the field and the rule in English (for
// the API and the logs); pages read the rule from the message and say it with the catalogue.
#include "site/refusals.h"

#include <cstdint>
#include <regex>

#include "text/messages.h"

namespace plenary::site {

namespace {
using text::T;

// The label of `field` as its form shows it, or "" when no label is in the catalogue.
std::string Label(const std::string& field, const std::string& lang) {
  static const std::regex kAnswer(R"(answers\.(\d+))");
  std::smatch m;
  if (std::regex_match(field, m, kAnswer)) return T(lang, "form_error_answer", {{"number", m[1].str()}});
  if (field == "meetings") return T(lang, "chair_report_meetings_field");
  if (text::Catalogue::Get().Pattern("en", "field_" + field) == nullptr) return "";
  return T(lang, "field_" + field);
}
}  // namespace

std::string RefusalText(const Error& e, const std::string& lang) {
  const std::string& m = e.message;
  static const std::regex kTooLong(R"(: at most (\d+) characters$)");
  static const std::regex kFiles(R"(^attachments: at most (\d+) files$)");
  static const std::regex kFile(R"re(^attachments: "(.*)" (is empty|is larger than|is .*; only))re");
  std::smatch g;
  if (e.field == "csrf") return T(lang, "error_csrf");
  if (e.field == "email" && m.find("not a valid e-mail address") != std::string::npos)
    return T(lang, "form_error_email");
  if (e.field == "country" && m.find("ISO 3166-1") != std::string::npos)
    return T(lang, "form_error_country");
  if (e.field == "language" && m.find("must be one of") != std::string::npos)
    return T(lang, "form_error_language");
  if (e.field == "answers" && m.find("answer at least one question") != std::string::npos)
    return T(lang, "form_error_no_answer");
  if (e.field == "meetings") return T(lang, "form_error_meetings");
  if (std::regex_search(m, g, kFiles))
    return T(lang, "form_error_too_many_files", {{"max", std::int64_t{std::stoll(g[1].str())}}});
  if (std::regex_search(m, g, kFile)) {
    const std::string how = g[2].str();
    return T(lang, "form_error_file",
             {{"name", g[1].str()},
              {"reason", how == "is empty" ? "empty" : how == "is larger than" ? "large" : "type"}});
  }
  const std::string label = Label(e.field, lang);
  if (label.empty()) return m;
  if (m.ends_with(": required")) return T(lang, "form_error_required", {{"field", label}});
  if (std::regex_search(m, g, kTooLong))
    return T(lang, "form_error_too_long",
             {{"field", label}, {"max", std::int64_t{std::stoll(g[1].str())}}});
  if (m.find("UTF-8") != std::string::npos || m.find("control character") != std::string::npos)
    return T(lang, "form_error_encoding", {{"field", label}});
  return m;
}

}  // namespace plenary::site
