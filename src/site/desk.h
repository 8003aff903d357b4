// The frame every capability's desk pages share (the secretariat's HTML forms under /admin):
// reading a staff form post with its CSRF token, going back to a page with a message or an
// error (the redirect names only what the handler passes, never the request's path), the
// message shown there, and the two-language fields of the forms.
#pragma once
#include <string>
#include <variant>

#include <boost/json.hpp>

#include "accounts/accounts.h"
#include "base/result.h"
#include "http/form.h"
#include "http/message.h"
#include "http/templates.h"
#include "site/site.h"
#include "storage/db.h"

namespace plenary::site {

// A form post of a signed-in staff member whose CSRF token matched.
struct Post {
  Input input;
  accounts::Session session;
};
// The post, or the answer refusing it (bad body, not signed in, not staff, bad token).
std::variant<Post, http::Response> ReadPost(storage::Database& db, const http::Request& req);

// Back to a page with a message (?done=key) or an error (?error=text) shown there.
http::Response Back(const http::Request& req, const std::string& path, const std::string& done);
http::Response BackWithError(const http::Request& req, const std::string& path, const Error& e);
// The message or error a redirect carried, on the page it led to.
void ShowFlash(const http::Request& req, ctemplate::TemplateDictionary& d);

// The multilingual value of the fields `<base>_en`, `<base>_zh`, … that are not empty.
boost::json::value TwoLanguages(const http::Form& f, const std::string& base);
// "/admin/consultations/<back>" when the form's `back` field is a consultation id, else
// `fallback`.
std::string BackPath(const http::Form& f, const std::string& fallback);

}  // namespace plenary::site
