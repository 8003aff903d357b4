// The shared frame of the desk pages (see desk.h).
#include "site/desk.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "base/random.h"
#include "site/refusals.h"
#include "text/messages.h"

namespace plenary::site {

namespace json = boost::json;
using ctemplate::TemplateDictionary;
using http::Request;
using text::T;

// Reads a form post, checks the session and its CSRF token. Who may not post hears so before
// anything about the body they sent.
std::variant<Post, http::Response> ReadPost(storage::Database& db, const Request& req) {
  auto in = ReadInput(req);
  auto g = RequireStaff(db, req, in.ok(), in.ok() ? in->fields.Get("csrf").value_or("") : "");
  if (g.refusal) return *g.refusal;
  if (!in.ok()) return ErrorResponse(db, req, in.error());
  return Post{std::move(*in), *g.session};
}

// Back to a page with a message (?done=key) or an error (?error=text) shown there.
http::Response Back(const Request& req, const std::string& path, const std::string& done) {
  // A page addressed with its own query (a Chair's report's meetings) keeps it.
  const char* sep = path.find('?') == std::string::npos ? "?" : "&";
  return http::Redirect(Prefix(req) + path + sep + "done=" + done);
}
std::string KeepTyped(storage::Database& db, const std::string& session_token, const Typed& typed,
                      Instant now) {
  json::array rows;
  for (const auto& [id, value] : typed)
    if (!value.empty()) rows.push_back(json::array{json::string(id), json::string(value)});
  if (session_token.empty() || session_token.size() > 100 || rows.empty()) return "";
  // Only a live session keeps anything (its row is what form_refills refers to).
  if (!accounts::FindSession(db, session_token)) return "";
  std::string token = RandomToken(16);
  auto kept = db.Write<Ok>([&](storage::Connection& c) -> Result<Ok> {
    c.Exec("DELETE FROM form_refills WHERE expires_at <= ?", now);
    c.Exec("INSERT INTO form_refills(token_hash, session_hash, typed, expires_at) VALUES(?,?,?,?)",
           Digest(token), Digest(session_token), json::serialize(rows), now + kRefillSeconds);
    return Ok{};
  });
  return kept.ok() ? token : "";
}

Typed KeptTyped(storage::Database& db, const std::string& session_token, const std::string& token,
                Instant now) {
  Typed typed;
  if (session_token.empty() || session_token.size() > 100 || token.empty() || token.size() > 100)
    return typed;
  (void)db.Write<Ok>([&](storage::Connection& c) -> Result<Ok> {
    typed.clear();
    c.Exec("DELETE FROM form_refills WHERE expires_at <= ?", now);
    storage::Stmt s(c, "SELECT typed FROM form_refills WHERE token_hash = ? AND session_hash = ?");
    s.BindAll(Digest(token), Digest(session_token));
    if (!s.Step()) return Ok{};
    boost::system::error_code ec;
    const json::value v = json::parse(s.Text(0), ec);
    if (ec || !v.is_array()) return Ok{};
    for (const auto& row : v.as_array())
      if (row.is_array() && row.as_array().size() == 2 && row.as_array()[0].is_string() &&
          row.as_array()[1].is_string())
        typed.emplace_back(std::string(row.as_array()[0].as_string()),
                           std::string(row.as_array()[1].as_string()));
    return Ok{};
  });
  return typed;
}

namespace {
// The session token of the request's cookie, "" without one.
std::string SessionToken(const Request& req) {
  auto it = req.cookies.find(accounts::kSessionCookie);
  return it == req.cookies.end() ? "" : it->second;
}
}  // namespace

http::Response BackWithError(storage::Database& db, const Request& req, const std::string& path,
                             const Error& e, const std::string& input_id, const Refill& refill) {
  // The page it leads to says it in the reader's language (RefusalText): it needs the field,
  // the rule and the status, not a sentence.
  std::string url = Prefix(req) + path +
                    (path.find('?') == std::string::npos ? "?" : "&") +
                    "error=" + http::UrlEncode(e.message) +
                    "&error_status=" + std::to_string(http::StatusFor(e.code));
  if (!e.field.empty()) url += "&field=" + http::UrlEncode(e.field);
  if (!input_id.empty()) url += "&input=" + http::UrlEncode(input_id);
  if (!refill.label_key.empty()) url += "&label=" + http::UrlEncode(refill.label_key);
  // What was typed stays on the server; the address names only where.
  if (auto token = KeepTyped(db, SessionToken(req), refill.kept, Now()); !token.empty())
    url += "&kept=" + token;
  return http::Redirect(url);
}

std::string InputFor(const std::string& field,
                     std::initializer_list<std::pair<const char*, const char*>> ids) {
  const std::string base = field.substr(0, field.find('.'));
  for (const auto& [f, id] : ids)
    if (base == f) return id;
  return "";
}

namespace {
// The code of an error from the status a redirect carried (http::StatusFor backwards).
Code CodeOfStatus(std::string_view status) {
  if (status == "403") return Code::kPermissionDenied;
  if (status == "404") return Code::kNotFound;
  if (status == "409") return Code::kFailedPrecondition;
  if (status == "413") return Code::kTooLarge;
  if (status == "429") return Code::kRateLimited;
  return Code::kInvalidArgument;
}
}  // namespace

std::string Flashed::Kept(const std::string& id) const {
  for (const auto& [k, v] : kept)
    if (k == id) return v;
  return "";
}

std::optional<Flashed> ShowFlash(storage::Database& db, const Request& req,
                                 TemplateDictionary& d, const std::string& zone,
                                 const char* message_section) {
  std::optional<Flashed> flashed;
  if (auto done = req.query.Get("done")) {
    std::string key = "done_" + *done;
    if (text::Catalogue::Get().Pattern("en", key) && key.find('{') == std::string::npos)
      d.SetValueAndShowSection("MESSAGE", T(req.lang, key), message_section);
  }
  if (auto err = req.query.Get("error")) {
    std::string field = req.query.Get("field").value_or("");
    if (field.size() > 100) field.clear();
    Error e{CodeOfStatus(req.query.Get("error_status").value_or("400")), err->substr(0, 500),
            field};
    // The input it concerns, when the form said which: letters, digits, '-' and '_' only.
    std::string input = req.query.Get("input").value_or("");
    if (input.size() > 40 || !std::all_of(input.begin(), input.end(), [](unsigned char c) {
          return std::isalnum(c) || c == '-' || c == '_';
        }))
      input.clear();
    // The label the form shows for the field, when the handler named one: a key of the
    // catalogue (lower case letters and '_'), never text from the query.
    std::string label;
    if (auto key = req.query.Get("label"); key && key->size() <= 60 &&
        std::all_of(key->begin(), key->end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; }) &&
        text::Catalogue::Get().Pattern("en", *key) != nullptr)
      label = T(req.lang, *key);
    FormErrors errors(req.lang, zone);
    if (input.empty())
      errors.AddText(RefusalText(e, req.lang, zone, label));
    else
      errors.Add(e, input, label);
    errors.Fill(&d);
    // A form folded in <details> opens on its error: the section OPEN_<prefix of the id>.
    if (auto dash = input.find('-'); dash != std::string::npos)
      d.ShowSection("OPEN_" + input.substr(0, dash));
    d.SetValueAndShowSection("ERROR", RefusalText(e, req.lang, zone, label), "HAS_ERROR");
    flashed = Flashed{input, RefusalText(e, req.lang, zone, label), {}};
    // What was typed in the form's inputs (KeepTyped): KEPT_<input id>.
    for (auto [id, value] :
         KeptTyped(db, SessionToken(req), req.query.Get("kept").value_or(""), Now())) {
      if (id.size() > 40 || !std::all_of(id.begin(), id.end(), [](unsigned char c) {
            return std::isalnum(c) || c == '-' || c == '_';
          }))
        continue;
      flashed->kept.emplace_back(id, value);
      std::replace(id.begin(), id.end(), '-', '_');
      d.SetValue("KEPT_" + id, value);
      // A choice (a select's option, a ticked box's value): section SEL_<id>_<value>, so the
      // page marks it selected or checked again. Only values that can name a section.
      if (value.size() <= 40 && std::all_of(value.begin(), value.end(), [](unsigned char c) {
            return std::isalnum(c) || c == '-' || c == '_';
          })) {
        std::replace(value.begin(), value.end(), '-', '_');
        d.ShowSection("SEL_" + id + "_" + value);
      }
    }
  }
  return flashed;
}

json::value TwoLanguages(const http::Form& f, const std::string& base) {
  json::object o;
  for (const char* l : {"en", "zh", "fr", "es", "ru", "ar"})
    if (auto v = f.Get(base + "_" + l); v && !v->empty()) o[l] = *v;
  return o;
}

std::string BackPath(const http::Form& f, const std::string& fallback) {
  auto back = f.Get("back").value_or("");
  if (!back.empty() && back.size() < 20 && std::all_of(back.begin(), back.end(), ::isdigit))
    return "/admin/consultations/" + back;
  return fallback;
}

}  // namespace plenary::site
