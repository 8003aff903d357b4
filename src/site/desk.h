// The frame every capability's desk pages share (the secretariat's HTML forms under /admin):
// reading a staff form post with its CSRF token, going back to a page with a message or an
// error (the redirect names only what the handler passes, never the request's path), the
// message shown there, and the two-language fields of the forms.
#pragma once
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

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
// The post, or the answer refusing it (not signed in, not staff, bad token; then a bad body):
// every staff form of the desk and the agenda reads its post here.
std::variant<Post, http::Response> ReadPost(storage::Database& db, const http::Request& req);

// Back to a page with a message (?done=key) or an error (?error=text) shown there.
http::Response Back(const http::Request& req, const std::string& path, const std::string& done);
// What a refused form keeps for the page it goes back to: the catalogue key of the label the
// reader saw next to the field (when it says more than the field's general label: "Reason for
// the extension", not "Reason"), and what was typed in its short inputs (input id → value),
// shown again as KEPT_<id> ('-' as '_'), and its choices (a select's option, a checkbox's value)
// as the section SEL_<id>_<value> (letters, digits, '-' and '_' only). The values travel in the redirect's query, so only
// short staff inputs belong here (each at most kMaxKeptBytes; longer ones are left out).
struct Refill {
  std::string label_key;
  std::vector<std::pair<std::string, std::string>> kept;
};
inline constexpr std::size_t kMaxKeptBytes = 2000;
// `input_id` names the input of the page's form that the error concerns (its summary links
// there and its section E_<id>, '-' as '_', shows the message next to it); "" lists it alone.
http::Response BackWithError(const http::Request& req, const std::string& path, const Error& e,
                             const std::string& input_id = "", const Refill& refill = {});
// The input id for a refused `field` ("title.en" → its base "title") in `ids` (field → input
// id of the page's form), or "" when the form has no input for it.
std::string InputFor(const std::string& field,
                     std::initializer_list<std::pair<const char*, const char*>> ids);
// What a redirect back with an error carried, for a page whose refused input stands in a
// repeated section (a row's reason on the moderation page), which names its own E_ section and
// value: the input, its message, and what was typed (input id → value, as Refill kept them).
struct Flashed {
  std::string input;
  std::string message;
  std::vector<std::pair<std::string, std::string>> kept;
  // What was typed in input `id`, or "" (nothing typed, or no refusal).
  std::string Kept(const std::string& id) const;
};
// The message or error a redirect carried, on the page it led to: the error in the reader's
// language (site/refusals.h), as ERROR/HAS_ERROR and as the summary {{>FORM_ERRORS}} with the
// field's section E_<field>; times in `zone`. Answers what it showed of an error, if any.
std::optional<Flashed> ShowFlash(const http::Request& req, ctemplate::TemplateDictionary& d,
                                 const std::string& zone = "UTC");

// The multilingual value of the fields `<base>_en`, `<base>_zh`, … that are not empty.
boost::json::value TwoLanguages(const http::Form& f, const std::string& base);
// "/admin/consultations/<back>" when the form's `back` field is a consultation id, else
// `fallback`.
std::string BackPath(const http::Form& f, const std::string& fallback);

}  // namespace plenary::site
