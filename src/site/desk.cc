// The shared frame of the desk pages (see desk.h).
#include "site/desk.h"

#include <algorithm>
#include <cctype>

#include "text/messages.h"

namespace plenary::site {

namespace json = boost::json;
using ctemplate::TemplateDictionary;
using http::Request;
using text::T;

// Reads a form post, checks the session and its CSRF token.
std::variant<Post, http::Response> ReadPost(storage::Database& db, const Request& req) {
  auto in = ReadInput(req);
  if (!in.ok()) return ErrorResponse(db, req, in.error());
  auto g = RequireStaff(db, req, true, in->fields.Get("csrf").value_or(""));
  if (g.refusal) return *g.refusal;
  return Post{std::move(*in), *g.session};
}

// Back to a page with a message (?done=key) or an error (?error=text) shown there.
http::Response Back(const Request& req, const std::string& path, const std::string& done) {
  return http::Redirect(Prefix(req) + path + "?done=" + done);
}
http::Response BackWithError(const Request& req, const std::string& path, const Error& e) {
  auto r = http::Redirect(Prefix(req) + path + "?error=" + http::UrlEncode(e.message));
  return r;
}

void ShowFlash(const Request& req, TemplateDictionary& d) {
  if (auto done = req.query.Get("done")) {
    std::string key = "done_" + *done;
    if (text::Catalogue::Get().Pattern("en", key) && key.find('{') == std::string::npos)
      d.SetValueAndShowSection("MESSAGE", T(req.lang, key), "HAS_MESSAGE");
  }
  if (auto err = req.query.Get("error"))
    d.SetValueAndShowSection("ERROR", err->substr(0, 500), "HAS_ERROR");
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
