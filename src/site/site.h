// What every page and API handler shares: the language of the request, the signed-in
// secretariat user, CSRF checks, multilingual fields, and the page frame (layout.tpl).
#pragma once
#include <ctemplate/template.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "accounts/accounts.h"
#include "http/message.h"
#include "storage/db.h"

namespace plenary::site {

inline constexpr char kCsrfCookie[] = "plenary_csrf";

// Whether the site is served over HTTPS (`--public-url https://...`): then every cookie it sets
// carries `Secure`, so a browser never sends the session over plain HTTP. Set once at start.
void SetSecureCookies(bool secure);
// "; Secure" when the site is served over HTTPS, else "": appended to every Set-Cookie.
const char* CookieSecurity();

// Caching of an answer, applied to every response after its handler ran: an answer to a
// request that carries a session, or one that sets a cookie, may hold what only that user may
// read (the moderation queue, restricted documents, a delegate's drafts), so it is
// `Cache-Control: private, no-store` unless its handler marked it `public` (a public file, a
// static asset) and it sets no cookie. Anonymous answers keep their handler's caching.
void SetCaching(const http::Request& req, http::Response& resp);

// Chooses req.lang: a /xx/ path prefix (stripped from req.path), then the plenary_lang
// cookie, then Accept-Language, then English.
void ChooseLanguage(http::Request& req);

// The signed-in user, if any.
std::optional<accounts::Session> CurrentSession(storage::Database& db, const http::Request& req);

// The outcome of a guard: either a session, or the response to send instead
// (401 JSON for the API, a redirect to the login page for pages).
struct Guard {
  std::optional<accounts::Session> session;
  std::optional<http::Response> refusal;
};
// Whether `req` may read /metrics: `loopback` (a scraper on the same host; a request relayed by
// a proxy, which carries X-Forwarded-For or Forwarded, is refused) or `staff` (a signed-in
// secretariat or admin session). Returns the refusal to send, if any.
enum class MetricsFrom { kStaff, kLoopback };
std::optional<http::Response> MetricsRefusal(storage::Database& db, const http::Request& req,
                                             MetricsFrom from);

// Requires a secretariat or admin session (403 for the other roles); for state changes also a
// valid CSRF token (`csrf_field`, the form's "csrf" value, for pages; header X-CSRF-Token for
// the API).
Guard RequireStaff(storage::Database& db, const http::Request& req, bool state_change,
                   const std::string& csrf_field = {});
// Requires a session of any role (and the CSRF token for state changes), e.g. to sign out.
Guard RequireSignedIn(storage::Database& db, const http::Request& req, bool state_change,
                      const std::string& csrf_field = {});
// The form's "csrf" field matches the token its page carried: the session's when signed in,
// else the double-submit cookie plenary_csrf (the same rule Page uses to fill the forms).
bool FormCsrfOk(storage::Database& db, const http::Request& req, const std::string& field);

// A multilingual field as stored: {"en": "...", "zh": "..."}.
struct Localized {
  std::string text;
  std::string lang;  // the language of `text`
  bool fallback;     // true when `text` is not in the requested language
};
Localized Pick(const std::string& json, std::string_view lang);
Localized Pick(const boost::json::value& v, std::string_view lang);
// The honest note on a text shown in another language than the reader's ("This text is
// available in English only."), in the reader's language `lang`; empty when `l` is no fallback.
std::string FallbackNote(const Localized& l, std::string_view lang);
// The one rule for showing a multilingual field on a page: sets `{{KEY}}` to the text in the
// reader's language `lang` (or the first available one), for a window title or an attribute,
// `{{KEY_HTML}}` to it as HTML for the element's content (text_html.h's TextHtml: Latin runs
// isolated in right-to-left text), `{{KEY_DIR}}` for the element's dir attribute and, when it
// falls back, shows the section `{{#KEY_FALLBACK}}` holding `{{KEY_LANG}}` (for the element's
// lang attribute) and `{{KEY_NOTE}}` (FallbackNote); text_html.h has the variants (a picked
// text, HTML with links). Returns what was picked.
Localized SetLocalized(ctemplate::TemplateDictionary* d, const std::string& key,
                       const boost::json::value& v, std::string_view lang);
// The one rule for untranslated paragraphs: they are marked once per section, not under each
// paragraph. Given the paragraphs of one section as picked for the reader, the sentence for the
// section's head in the reader's language `lang` ("The following paragraphs are not yet
// available in Arabic; they are shown in English."; "Some of the following …" when only some
// fall back); empty when every paragraph is in the reader's language.
std::string UntranslatedSectionNote(const std::vector<Localized>& paragraphs,
                                    std::string_view lang);
// A paragraph's language for its element: `{{TLANG}}` and `{{TDIR}}` (the direction of that
// language, so an English paragraph on an Arabic page is left to right), and the section
// `{{#UNTRANSLATED}}` when it falls back (a class that sets it apart, no sentence of its own).
void SetParagraphLanguage(ctemplate::TemplateDictionary* d, const Localized& l);

// A page being built. The body template is included into layout.tpl; every catalogue
// message is available to templates as {{t_KEY}}, and {{P}} is the language prefix for links.
class Page {
 public:
  Page(storage::Database& db, const http::Request& req, std::string body_template,
       std::string title);
  ctemplate::TemplateDictionary& body() { return *body_; }
  ctemplate::TemplateDictionary& root() { return root_; }
  const std::optional<accounts::Session>& session() const { return session_; }
  // The CSRF token the page's forms must carry (session's, or the anonymous cookie's).
  const std::string& csrf() const { return csrf_; }
  // The page is the same for every reader without a session, so it may be served again from
  // the cache of anonymous pages (page_cache.h) until what it shows changes or, when `until`
  // is not 0, until that instant (Unix seconds). Ignored for signed-in readers. Only for a
  // page that shows nothing personal, restricted or drawn per request but the tokens below.
  void CacheForAnonymous(std::int64_t until = 0) {
    cacheable_ = true;
    cache_until_ = until;
  }
  // A one-use token drawn for this rendering (RandomToken(bytes), e.g. a form's idempotency
  // token): a page served from the cache gets a fresh one in its place.
  std::string FreshToken(std::size_t bytes);
  http::Response Render(int status = 200);

 private:
  const http::Request& req_;
  ctemplate::TemplateDictionary root_;
  ctemplate::TemplateDictionary* body_;
  std::optional<accounts::Session> session_;
  std::string csrf_;
  bool new_csrf_cookie_ = false;
  bool cacheable_ = false;
  std::int64_t cache_until_ = 0;
  std::vector<std::pair<std::string, std::size_t>> fresh_;
};

// The cookies of a page for a reader without a session: the double-submit CSRF cookie when the
// page drew a new token, the language cookie when the URL chose a language the cookie does not
// already hold. Page::Render and the cache of anonymous pages both use it.
void AddPageCookies(const http::Request& req, const std::string& csrf, bool new_csrf,
                         http::Response& resp);
// Whether a reader's plenary_csrf cookie is one Page would reuse as the form's token.
bool UsableCsrfCookie(const std::string& value);

// An HTML error page, or JSON for API paths.
http::Response ErrorResponse(storage::Database& db, const http::Request& req, int status,
                             const Error& e);
http::Response ErrorResponse(storage::Database& db, const http::Request& req, const Error& e);

// "/en" for English etc.
std::string Prefix(const http::Request& req);

}  // namespace plenary::site

#include "http/multipart.h"

namespace plenary::site {

// The fields and files of a form post (urlencoded or multipart) or of a JSON body.
struct Input {
  http::Form fields;                 // form fields (empty for JSON)
  std::vector<http::Part> files;     // uploaded files
  std::optional<boost::json::object> json;  // set when the body was JSON
};
// Reads the request body by its Content-Type. Every string of a JSON body, every form field
// and every multipart text field must be text (base/utf8.h: strict UTF-8, no control character
// but tab, CR and LF): else 400 naming the field ("answers.2", "items[1]", "comment").
// Other errors: 400 naming "body" and the rule (malformed JSON, JSON not an object,
// unsupported type), 413 for multipart limits, and 413 naming "body" for a page's form post
// over the server's limit (Request::body_cut_at; BodyCutError), whatever fit of it.
Result<Input> ReadInput(const http::Request& req, const http::MultipartLimits& limits = {});
// What a refused form post held, for its form shown again with what was typed: every field
// that can be read without the limits on files, from a body cut at the server's limit too (the
// field the cut fell in is left out); no files. Empty when the body cannot be read at all.
Input KeptInput(const http::Request& req);
// The refusal of a body cut at the server's limit of `limit` bytes (413, field "body"; pages
// say it next to their file input with site::RefusalText).
Error BodyCutError(std::size_t limit);

// The body as a JSON object; 400 naming "body" for anything else.
Result<boost::json::object> ReadJson(const http::Request& req);

// A string member of a JSON object ("" when absent); error when present but not a string.
Result<std::string> JsonString(const boost::json::object& o, const char* key);

}  // namespace plenary::site
