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
#include "base/time.h"
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
// What was typed in a form's inputs, input id → value, in the form's order.
using Typed = std::vector<std::pair<std::string, std::string>>;
// What a refused form keeps for the page it goes back to: the catalogue key of the label the
// reader saw next to the field (when it says more than the field's general label: "Reason for
// the extension", not "Reason"), and what was typed in its inputs (input id → value), shown
// again as KEPT_<id> ('-' as '_'), and its choices (a select's option, a checkbox's value) as
// the section SEL_<id>_<value> (letters, digits, '-' and '_' only). Whatever its length (up to
// the form's body limit): the values stay on the server (KeepTyped), never in the address.
struct Refill {
  std::string label_key;
  Typed kept;
};
// How long what a refused form kept can be read back: the page it goes back to, reloaded.
inline constexpr Instant kRefillSeconds = 10 * 60;
// Keeps `typed` (the values not empty) for the session whose cookie holds `session_token`, until
// `now` + kRefillSeconds (table form_refills, migration 0044), and purges the expired; answers the
// random token the redirect carries (`kept=`), or "" when there is no session or nothing to keep.
std::string KeepTyped(storage::Database& db, const std::string& session_token, const Typed& typed,
                      Instant now);
// What KeepTyped kept under `token`, for the same session only and until it expires (else
// nothing); purges the expired.
Typed KeptTyped(storage::Database& db, const std::string& session_token, const std::string& token,
                Instant now);
// `input_id` names the input of the page's form that the error concerns (its summary links
// there and its section E_<id>, '-' as '_', shows the message next to it); "" lists it alone.
http::Response BackWithError(storage::Database& db, const http::Request& req,
                             const std::string& path, const Error& e,
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
  Typed kept;
  // What was typed in input `id`, or "" (nothing typed, or no refusal).
  std::string Kept(const std::string& id) const;
};
// The message or error a redirect carried, on the page it led to: the message as MESSAGE and
// the section `message_section` (HAS_MESSAGE unless the page shows it elsewhere), the error in
// the reader's language (site/refusals.h), as ERROR/HAS_ERROR and as the summary
// {{>FORM_ERRORS}} with the field's section E_<field>; times in `zone`. Answers what it showed
// of an error, if any.
std::optional<Flashed> ShowFlash(storage::Database& db, const http::Request& req,
                                 ctemplate::TemplateDictionary& d, const std::string& zone = "UTC",
                                 const char* message_section = "HAS_MESSAGE");

// The multilingual value of the fields `<base>_en`, `<base>_zh`, … that are not empty.
boost::json::value TwoLanguages(const http::Form& f, const std::string& base);
// "/admin/consultations/<back>" when the form's `back` field is a consultation id, else
// `fallback`.
std::string BackPath(const http::Form& f, const std::string& fallback);

}  // namespace plenary::site
