// Refusals in the reader's language. The use cases name the field and the rule in English (for
// the API and the logs); pages read the rule from the message and say it with the catalogue.
#include "site/refusals.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <regex>
#include <set>

#include "base/time.h"
#include "text/dates.h"
#include "text/messages.h"

namespace plenary::site {

namespace {
using text::T;

// The rule of `e`: its message without the leading "field: ".
std::string RuleOf(const Error& e) {
  const std::string& m = e.message;
  if (!e.field.empty() && m.starts_with(e.field + ": ")) return m.substr(e.field.size() + 2);
  return m;
}

// What the code of a refusal means, for a refusal no rule covers.
std::string ByCode(const Error& e, const std::string& lang) {
  switch (e.code) {
    case Code::kNotFound: return T(lang, "error_not_found");
    case Code::kRateLimited: {
      const std::int64_t minutes = (std::max(e.retry_after_seconds, 1) + 59) / 60;
      return T(lang, "error_rate_limited", {{"minutes", minutes}});
    }
    case Code::kPermissionDenied: return T(lang, "error_forbidden");
    case Code::kUnauthenticated: return T(lang, "error_unauthenticated");
    case Code::kFailedPrecondition:
    case Code::kConflict: return T(lang, "error_conflict");
    case Code::kTooLarge: return T(lang, "error_too_large");
    case Code::kResourceExhausted: return T(lang, "error_unavailable");
    case Code::kInternal: return T(lang, "error_internal");
    case Code::kInvalidArgument: return T(lang, "form_error_generic");
  }
  return T(lang, "form_error_generic");
}

// An English rule as a sentence, its instants in `zone` ("the consultation is open until
// 2027-03-31T15:00:00Z" → "The consultation is open until March 31, 2027 at 5:00 PM
// (Europe/Zurich).").
std::string EnglishSentence(std::string rule, const std::string& zone) {
  static const std::regex kInstant(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z)");
  std::string out;
  std::smatch g;
  while (std::regex_search(rule, g, kInstant)) {
    out += g.prefix().str();
    auto at = ParseIso(g[0].str());
    out += at ? text::FormatDateTime(*at, zone, "en") : g[0].str();
    rule = g.suffix().str();
  }
  out += rule;
  if (out.empty()) return out;
  if (out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  if (out.back() != '.') out += '.';
  return out;
}

// The first instant written in `m` (ISO, UTC), in `zone` and `lang`; "" when there is none.
std::string FirstInstant(const std::string& m, const std::string& zone, const std::string& lang) {
  static const std::regex kInstant(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z)");
  std::smatch g;
  if (!std::regex_search(m, g, kInstant)) return "";
  auto at = ParseIso(g[0].str());
  return at ? text::FormatDateTime(*at, zone, lang) : "";
}

// A consultation's status refusing a transition (consultations/lifecycle.cc): the catalogue's
// lifecycle_refused_* sentence, or "" for another refusal.
std::string LifecycleText(const Error& e, const std::string& lang, const std::string& zone) {
  if (e.code != Code::kFailedPrecondition || (e.field != "status" && e.field != "summary"))
    return "";
  static const std::pair<const char*, const char*> kRules[] = {
      {"results of this consultation are published", "lifecycle_refused_published"},
      {"already open", "lifecycle_refused_already_open"},
      {"is closed; reopen", "lifecycle_refused_closed_reopen"},
      {"nothing to close", "lifecycle_refused_not_open_close"},
      {"already closed", "lifecycle_refused_already_closed"},
      {"not open yet; open it instead", "lifecycle_refused_not_open_reopen"},
      {"instead of reopening", "lifecycle_refused_open_reopen"},
      {"results are published after it closes", "lifecycle_refused_not_open_publish"},
      {"before publishing its results", "lifecycle_refused_open_publish"},
      {"summary before publishing", "lifecycle_refused_no_summary"},
  };
  for (const auto& [words, key] : kRules)
    if (e.message.find(words) != std::string::npos)
      return T(lang, key, {{"date", FirstInstant(e.message, zone, lang)}});
  return "";
}

// An edit of a consultation refused (consultations/edit.cc): the catalogue's sentence with the
// field's label, or "" for another refusal.
std::string EditText(const Error& e, const std::string& lang) {
  const std::string label = FieldLabel(e.field, lang);
  if (e.code == Code::kFailedPrecondition) {
    if (e.field == "questions" && e.message.find("not added or removed") != std::string::npos)
      return T(lang, "form_error_edit_questions_fixed");
    if (!label.empty() && e.message.find("the consultation has responses") != std::string::npos)
      return T(lang, "form_error_edit_has_responses", {{"field", label}});
    if (!label.empty() && e.message.find("would make the consultation") != std::string::npos)
      return T(lang, "form_error_edit_status", {{"field", label}});
  }
  if (e.field == "meeting" && e.message.ends_with("of kind open_consultation"))
    return T(lang, "form_error_meeting_kind", {{"field", label}});
  return "";
}

// "file larger than 10 MiB" (http/multipart.cc) → 10.
std::int64_t RuleMegabytes(const std::string& rule) {
  static const std::regex kMiB(R"((\d+) MiB)");
  std::smatch g;
  return std::regex_search(rule, g, kMiB) ? std::stoll(g[1].str()) : 0;
}
// A page's form post cut at the server's limit (site::BodyCutError): the limit in bytes, or 0.
std::uint64_t BodyCutLimit(const Error& e) {
  static const std::regex kCut(R"(^body: larger than the limit of (\d+) bytes for one form)");
  std::smatch g;
  if (e.field != "body" || e.code != Code::kTooLarge || !std::regex_search(e.message, g, kCut))
    return 0;
  return std::stoull(g[1].str());
}

// Bytes as megabytes (2^20) for a sentence: a whole number, or one decimal (rounded down) for a
// limit that is not a whole number of megabytes, which ICU then writes as the reader does.
text::Arg Megabytes(std::uint64_t bytes) {
  if (bytes % (1u << 20) == 0) return static_cast<std::int64_t>(bytes >> 20);
  return static_cast<double>(bytes * 10 / (1u << 20)) / 10;
}
}  // namespace

std::string FieldLabel(const std::string& field, const std::string& lang) {
  static const std::regex kAnswer(R"(answers\.(\d+))");
  std::smatch m;
  if (std::regex_match(field, m, kAnswer))
    return T(lang, "form_error_answer", {{"number", m[1].str()}});
  if (field == "meetings") return T(lang, "chair_report_meetings_field");
  if (field.empty()) return "";
  // The catalogue's key: lower case, '-' as '_' ("Content-Type" → field_content_type).
  std::string key = "field_";
  for (char c : field) {
    if (c == '-' && key.size() == 6) continue;  // "--trusted-proxy"
    key += c == '-' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (text::Catalogue::Get().Pattern("en", key) != nullptr) return T(lang, key);
  // A part of a field: "title.zh" (one language of it), "questions[1].text", "chair.name".
  const std::size_t cut = field.find_first_of(".[");
  if (cut == std::string::npos || cut == 0) return "";
  const std::string base = FieldLabel(field.substr(0, cut), lang);
  const std::string rest = field.substr(cut + 1);
  if (!base.empty() && text::IsLanguage(rest))
    return T(lang, "field_in_language", {{"field", base}, {"language", T(lang, "language_in_" + rest)}});
  return base;
}

std::optional<std::string> StaleVersion(const Error& e) {
  static const std::regex kStale(R"(^version: the text is at version (\d+), not \d+; someone changed it)");
  std::smatch g;
  if (e.field == "version" && e.code == Code::kConflict && std::regex_search(e.message, g, kStale))
    return g[1].str();
  return std::nullopt;
}

std::string RefusalText(const Error& e, const std::string& lang, const std::string& zone,
                        const std::string& shown_label) {
  const std::string& m = e.message;
  static const std::regex kTooLong(R"(^at most (\d+) characters$)");
  static const std::regex kFiles(R"(^attachments: at most (\d+) files$)");
  static const std::regex kFile(R"re(^attachments: "(.*)" (is empty|is larger than|is .*; only))re");
  static const std::regex kRange(R"(^must be a whole number from (-?\d+) to (-?\d+)$)");
  static const std::regex kTooShort(R"(^at least (\d+) characters$)");
  static const std::regex kLater(R"(^must be later than the current deadline (\S+)$)");
  static const std::regex kAfter(R"(^must be after (\w+)$)");
  static const std::regex kConnections(R"(^connections: at most (\d+) open)");
  std::smatch g;
  if (e.field == "csrf") return T(lang, "error_csrf");
  if (const std::uint64_t limit = BodyCutLimit(e))
    return T(lang, "form_error_body_too_large", {{"mb", Megabytes(limit)}});
  // The HTTP layer's own refusals (http/server.cc): a request it cannot read, too many
  // connections from one address.
  if (e.field.empty() && e.code == Code::kInvalidArgument &&
      (m.starts_with("malformed HTTP request") || m.starts_with("request: ") ||
       m.starts_with("Transfer-Encoding: ")))
    return T(lang, "error_malformed_request");
  if (e.field.empty() && e.code == Code::kResourceExhausted && std::regex_search(m, g, kConnections))
    return T(lang, "error_connections", {{"max", std::int64_t{std::stoll(g[1].str())}}});
  // A delegate's second request for the floor while the first still waits.
  if (e.field == "speakers" && e.code == Code::kConflict) return T(lang, "form_error_floor_waiting");
  // A delegate's request for the floor on an item that is not under discussion.
  if (e.field == "under_discussion" && e.code == Code::kFailedPrecondition)
    return T(lang, "form_error_floor_not_discussed");
  // Someone else changed a negotiated text between the form's making and its post
  // (drafting.cc, ChangeText): say so, with the version it is at now.
  if (auto now = StaleVersion(e)) return T(lang, "form_error_stale_version", {{"version", *now}});
  // A revision issued by someone else between the page's making and the post (drafting.cc,
  // IssueRevision): say which document the text is now.
  static const std::regex kRevised(R"(^version: the text was revised meanwhile \(it is now (.+)\))");
  if (e.field == "version" && e.code == Code::kConflict && std::regex_search(m, g, kRevised))
    return T(lang, "form_error_revised_meanwhile", {{"document", g[1].str()}});
  // A revision or an adoption while a language version of a provision lacks the passage of one
  // of its open brackets (drafting.cc, EveryLanguageBracketed): name the provision (isolated in
  // right-to-left text, where "2.b" would read "b.2") and the language.
  static const std::regex kPassage(R"(^brackets: provision (\S+) has no passage in ([a-z]{2}) )");
  if (e.field == "brackets" && e.code == Code::kFailedPrecondition &&
      std::regex_search(m, g, kPassage) && text::IsLanguage(g[2].str())) {
    std::string label = g[1].str();
    if (std::string_view(text::Direction(lang)) == "rtl") label = "\u2068" + label + "\u2069";
    return T(lang, "form_error_passage_missing",
             {{"label", label}, {"language", T(lang, "language_in_" + g[2].str())}});
  }
  // The passage of a bracket in another language that would nest otherwise than in a language
  // that has it (drafting.cc, CheckSameNesting): say how it lies there.
  static const std::regex kNesting(
      R"(^start: \[\d+, \d+\) in [a-z]{2} [a-z ]+ bracket \d+'s passage \[\d+, \d+\), while in )"
      R"(([a-z]{2}) the passage of bracket \d+ (covers|lies inside|encloses|lies apart from) it;)");
  if (e.field == "start" && e.code == Code::kInvalidArgument &&
      std::regex_search(m, g, kNesting) && text::IsLanguage(g[1].str())) {
    const std::string how = g[2].str();
    return T(lang, "form_error_passage_nesting",
             {{"language", T(lang, "language_in_" + g[1].str())},
              {"relation", how == "covers"        ? "same"
                           : how == "lies inside" ? "inside"
                           : how == "encloses"    ? "around"
                                                  : "apart"}});
  }
  // Deleting or replacing the words of a bracket holding another that has its passage in a
  // language where the outer one has none (drafting.cc, ResolveBracket).
  static const std::regex kInnerLacking(
      R"(^outcome: bracket \d+ lies inside bracket \d+ in [a-z]{2} and has its passage in )"
      R"(([a-z]{2}),)");
  if (e.field == "outcome" && e.code == Code::kFailedPrecondition &&
      std::regex_search(m, g, kInnerLacking) && text::IsLanguage(g[1].str()))
    return T(lang, "form_error_resolve_inner_lacking",
             {{"language", T(lang, "language_in_" + g[1].str())}});
  if (auto text = LifecycleText(e, lang, zone); !text.empty()) return text;
  if (auto text = EditText(e, lang); !text.empty()) return text;
  if (e.field == "email" && m.find("not a valid e-mail address") != std::string::npos)
    return T(lang, "form_error_email");
  if (e.field == "country" && m.find("ISO 3166-1") != std::string::npos)
    return T(lang, "form_error_country");
  if (e.field == "language" && m.find("must be one of") != std::string::npos)
    return T(lang, "form_error_language");
  if (e.field == "answers" && m.find("answer at least one question") != std::string::npos)
    return T(lang, "form_error_no_answer");
  if (e.field == "meetings") return T(lang, "form_error_meetings");
  // A text's state (site/text_states.h) for a language without text; a state not draft or final.
  if (e.field.starts_with("states.")) {
    const std::string l = e.field.substr(e.field.rfind('.') + 1);
    if (m.find("no text in this language") != std::string::npos && text::IsLanguage(l))
      return T(lang, "form_error_state_no_text", {{"language", T(lang, "language_in_" + l)}});
    if (m.find("must be \"draft\" or \"final\"") != std::string::npos)
      return T(lang, "form_error_state_value");
  }
  if (std::regex_search(m, g, kFiles))
    return T(lang, "form_error_too_many_files", {{"max", std::int64_t{std::stoll(g[1].str())}}});
  if (std::regex_search(m, g, kFile)) {
    const std::string how = g[2].str();
    return T(lang, "form_error_file",
             {{"name", g[1].str()},
              {"reason", how == "is empty" ? "empty" : how == "is larger than" ? "large" : "type"}});
  }
  // "body" names a body of the Council ("no such body …") or the request's own content.
  const std::string label = !shown_label.empty() ? shown_label
                            : e.field == "body" && !RuleOf(e).starts_with("no such ")
                                ? T(lang, "field_request_body")
                                : FieldLabel(e.field, lang);
  if (label.empty()) {
    // A field the catalogue has no label for: English pages keep the use case's own words
    // (the staff must see which field), other languages say what the code means; a
    // precondition (409) without a field becomes an English sentence.
    const bool about_input = e.code == Code::kInvalidArgument || e.code == Code::kTooLarge ||
                             e.code == Code::kFailedPrecondition || e.code == Code::kConflict;
    if (lang == "en" && about_input && !e.field.empty()) return m;
    if (lang == "en" && (e.code == Code::kFailedPrecondition || e.code == Code::kConflict) &&
        !RuleOf(e).empty())
      return EnglishSentence(RuleOf(e), zone);
    return ByCode(e, lang);
  }
  const std::string rule = RuleOf(e);
  if (rule == "required" || rule.starts_with("required "))
    return T(lang, "form_error_required", {{"field", label}});
  if (std::regex_search(rule, g, kTooLong))
    return T(lang, "form_error_too_long",
             {{"field", label}, {"max", std::int64_t{std::stoll(g[1].str())}}});
  // A negotiated text's access looser than its document's (drafting.cc, CreateText): both
  // levels by their names in the reader's language.
  static const std::regex kLooser(R"(^([a-z_]+) is looser than the document's level \(([a-z_]+)\)$)");
  if (e.field == "access" && std::regex_search(rule, g, kLooser))
    return T(lang, "form_error_access_looser",
             {{"field", label},
              {"level", T(lang, "doc_access_" + g[1].str())},
              {"document", T(lang, "doc_access_" + g[2].str())}});
  if (std::regex_search(rule, g, kTooShort))
    return T(lang, "form_error_too_short",
             {{"field", label}, {"min", std::int64_t{std::stoll(g[1].str())}}});
  // A file of a form's own field (a document's language file): the sentence names the field;
  // the public form's attachments keep their own sentences.
  static const std::regex kBytes(R"(^larger than (\d+) bytes$)");
  static const std::regex kFileType(R"re(^"(.*)" is [^;]*; only PDF)re");
  if (e.field != "attachments" && rule.starts_with("file larger than "))
    return T(lang, "form_error_file_too_large_field", {{"field", label}, {"mb", RuleMegabytes(rule)}});
  if (std::regex_search(rule, g, kBytes))
    return T(lang, "form_error_file_too_large_field",
             {{"field", label}, {"mb", static_cast<std::int64_t>(std::stoll(g[1].str()) >> 20)}});
  if (std::regex_search(rule, g, kFileType))
    return T(lang, "form_error_file_type_field", {{"field", label}, {"name", g[1].str()}});
  if (rule.starts_with("file larger than "))
    return T(lang, "form_error_file_size", {{"mb", RuleMegabytes(rule)}});
  // An upload that is not the file its form asks for: an attendance export without Zoom's
  // participant header (meetings/attendance_csv.cc), an import's CSV without a column it needs,
  // a ZIP that is none (imports/imports.cc).
  if (rule.starts_with("no Zoom participant header"))
    return T(lang, "form_error_attendance_header", {{"field", label}});
  static const std::regex kColumn(R"re(^the header has no "([^"]+)" column$)re");
  if (std::regex_search(rule, g, kColumn))
    return T(lang, "form_error_csv_column", {{"field", label}, {"column", g[1].str()}});
  if (rule == "not a ZIP file") return T(lang, "form_error_not_zip", {{"field", label}});
  // A document's status moved backwards (documents.cc, Update).
  if (e.field == "status" && rule.starts_with("a document goes from draft"))
    return T(lang, "form_error_document_status_back", {{"field", label}});
  // A symbol or a number someone registered already (documents.cc, resolutions.cc: 409).
  static const std::regex kRegistered(R"(^(?:a document (\S+) exists|\w+ resolution (\d+) is already registered)$)");
  if (e.code == Code::kConflict && std::regex_search(rule, g, kRegistered))
    return T(lang, "form_error_already_registered",
             {{"field", label}, {"value", g[1].matched ? g[1].str() : g[2].str()}});
  // A box the form asks to tick (an adoption's confirmation).
  if (rule.starts_with("tick the box")) return T(lang, "form_error_tick", {{"field", label}});
  // A provision's language emptied in its six-language form (drafting/texts.cc).
  if (rule.starts_with("must not be empty; a language of a provision"))
    return T(lang, "form_error_provision_language_kept", {{"field", label}});
  static const std::regex kNoLabel(R"(^no provision labelled (\S+)$)");
  if (std::regex_search(rule, g, kNoLabel))
    return T(lang, "form_error_no_provision_labelled", {{"field", label}, {"label", g[1].str()}});
  if (rule.find("UTF-8") != std::string::npos ||
      rule.find("control character") != std::string::npos)
    return T(lang, "form_error_encoding", {{"field", label}});
  if (rule.starts_with("expected YYYY-MM-DDTHH:MM"))
    return T(lang, "form_error_datetime", {{"field", label}});
  if (rule.starts_with("expected YYYY-MM-DD"))
    return T(lang, "form_error_date", {{"field", label}});
  if (rule.starts_with("must be one of") ||
      (rule.starts_with("must be ") && rule.find(" or ") != std::string::npos))
    return T(lang, "form_error_choice", {{"field", label}});
  if (rule.starts_with("no such ")) return T(lang, "form_error_unknown", {{"field", label}});
  if (std::regex_search(rule, g, kRange)) {
    // Years are written without a thousands separator (1865, not 1,865).
    if (e.field.ends_with("year"))
      return T(lang, "form_error_number_range",
               {{"field", label}, {"min", g[1].str()}, {"max", g[2].str()}});
    return T(lang, "form_error_number_range",
             {{"field", label},
              {"min", std::int64_t{std::stoll(g[1].str())}},
              {"max", std::int64_t{std::stoll(g[2].str())}}});
  }
  if (rule.find("whole number") != std::string::npos)
    return T(lang, "form_error_number", {{"field", label}});
  if (rule.find("must be in the future") != std::string::npos)
    return T(lang, "form_error_future", {{"field", label}});
  if (std::regex_search(rule, g, kLater)) {
    auto at = ParseIso(g[1].str());
    if (at)
      return T(lang, "form_error_later_than",
               {{"field", label}, {"date", text::FormatDateTime(*at, zone, lang)}});
  }
  if (std::regex_search(rule, g, kAfter)) {
    const std::string other = FieldLabel(g[1].str(), lang);
    if (!other.empty()) return T(lang, "form_error_after", {{"field", label}, {"other", other}});
  }
  // English keeps the rule after the label; other languages say what is wrong in general.
  if (lang == "en" && !rule.empty()) {
    std::string sentence = EnglishSentence(rule, zone);
    sentence[0] = rule[0];  // the rule goes on after the label: not capitalized
    return "“" + label + "”: " + sentence;
  }
  if (e.code != Code::kInvalidArgument && e.code != Code::kTooLarge) return ByCode(e, lang);
  return T(lang, "form_error_invalid", {{"field", label}});
}

void LocalizeError(const http::Request& req, http::Response& resp) {
  if (!resp.error) return;
  const std::string lang = req.lang.empty() ? "en" : req.lang;
  resp.Header("Content-Language", lang);
  resp.Header("Vary", "Accept-Language, Cookie");
  if (lang == "en") return;
  boost::system::error_code ec;
  boost::json::value body = boost::json::parse(resp.body, ec);
  if (ec || !body.is_object()) return;
  auto* err = body.as_object().if_contains("error");
  if (err == nullptr || !err->is_object()) return;
  err->as_object()["message"] = RefusalText(*resp.error, lang);
  resp.body = boost::json::serialize(body);
}

void FormErrors::Add(const Error& e, std::string input_id, const std::string& label) {
  if (input_id.empty()) {
    input_id = e.field;
    for (char& c : input_id)
      if (c == '.') c = '_';
  }
  // Fields that are no input of a form ("csrf", "body") are listed without a link, but for a
  // body over the server's limit, which the form names its file input for.
  if (e.field == "csrf" || (e.field == "body" && BodyCutLimit(e) == 0)) input_id.clear();
  items_.push_back({std::move(input_id), RefusalText(e, lang_, zone_, label)});
}

void FormErrors::AddText(std::string text, std::string input_id) {
  items_.push_back({std::move(input_id), std::move(text)});
}

std::optional<std::string> FormErrors::MessageFor(const std::string& input_id) const {
  for (const auto& item : items_)
    if (item.id == input_id) return item.text;
  return std::nullopt;
}

void FormErrors::Fill(ctemplate::TemplateDictionary* d) const {
  if (items_.empty()) return;
  auto* summary = d->AddIncludeDictionary("FORM_ERRORS");
  summary->SetFilename("form_errors.tpl");
  std::set<std::string> shown;
  for (const auto& item : items_) {
    auto* li = summary->AddSectionDictionary("ERRORS");
    if (item.id.empty()) {
      li->AddSectionDictionary("UNLINKED")->SetValue("MSG", item.text);
      continue;
    }
    auto* a = li->AddSectionDictionary("LINKED");
    a->SetValue("ID", item.id);
    a->SetValue("MSG", item.text);
    // The field's own message: the first refusal of that input.
    if (shown.insert(item.id).second) {
      std::string section = "E_" + item.id;
      std::replace(section.begin(), section.end(), '-', '_');
      auto* f = d->AddSectionDictionary(section);
      f->SetValue("E_ID", item.id);
      f->SetValue("E_MSG", item.text);
    }
  }
}

}  // namespace plenary::site
