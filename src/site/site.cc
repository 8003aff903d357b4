// Language choice, guards, multilingual fields and the page frame.
#include "site/site.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <limits>
#include <map>
#include <set>
#include <vector>

#include <boost/asio/ip/address.hpp>

#include "base/assets.h"
#include "base/random.h"
#include "base/time.h"
#include "base/utf8.h"
#include "http/templates.h"
#include "site/refusals.h"
#include "site/static_files.h"
#include "site/text_html.h"
#include "text/messages.h"

namespace plenary::site {

void ChooseLanguage(http::Request& req) {
  if (req.path.size() >= 3 && req.path[0] == '/' &&
      (req.path.size() == 3 || req.path[3] == '/') &&
      text::IsLanguage(std::string_view(req.path).substr(1, 2))) {
    req.lang = req.path.substr(1, 2);
    req.lang_in_path = true;
    req.path = req.path.size() == 3 ? "/" : req.path.substr(3);
    return;
  }
  if (auto q = req.query.Get("lang"); q && text::IsLanguage(*q)) {
    req.lang = *q;
    return;
  }
  if (auto it = req.cookies.find("plenary_lang");
      it != req.cookies.end() && text::IsLanguage(it->second)) {
    req.lang = it->second;
    return;
  }
  // Accept-Language: the first listed language we have (q-values are in practice ordered).
  std::string al = req.Header("accept-language");
  size_t i = 0;
  while (i < al.size()) {
    size_t j = al.find(',', i);
    if (j == std::string::npos) j = al.size();
    std::string tag = al.substr(i, j - i);
    tag.erase(0, tag.find_first_not_of(' '));
    if (tag.size() >= 2) {
      std::string l = tag.substr(0, 2);
      for (auto& ch : l) ch = static_cast<char>(tolower(ch));
      if (text::IsLanguage(l)) {
        req.lang = l;
        return;
      }
    }
    i = j + 1;
  }
  req.lang = "en";
}

std::string Prefix(const http::Request& req) { return "/" + req.lang; }

namespace {
std::atomic<bool> secure_cookies{false};
}  // namespace

void SetSecureCookies(bool secure) { secure_cookies = secure; }
const char* CookieSecurity() { return secure_cookies ? "; Secure" : ""; }

void SetCaching(const http::Request& req, http::Response& resp) {
  bool sets_cookie = false;
  auto cache = resp.headers.end();
  for (auto it = resp.headers.begin(); it != resp.headers.end(); ++it) {
    std::string name = it->first;
    std::transform(name.begin(), name.end(), name.begin(), ::tolower);
    if (name == "set-cookie") sets_cookie = true;
    if (name == "cache-control") cache = it;
  }
  if (!sets_cookie && !req.cookies.contains(accounts::kSessionCookie)) return;
  bool declared_public =
      cache != resp.headers.end() && cache->second.find("public") != std::string::npos;
  if (declared_public && !sets_cookie) return;
  if (cache != resp.headers.end())
    cache->second = "private, no-store";
  else
    resp.Header("Cache-Control", "private, no-store");
}

std::optional<http::Response> MetricsRefusal(storage::Database& db, const http::Request& req,
                                             MetricsFrom from) {
  if (from == MetricsFrom::kLoopback) {
    boost::system::error_code ec;
    auto address = boost::asio::ip::make_address(req.remote_ip, ec);
    bool relayed = !req.Header("x-forwarded-for").empty() || !req.Header("forwarded").empty();
    if (!ec && address.is_loopback() && !relayed) return std::nullopt;
    return http::JsonError(
        PermissionDenied("metrics: served to the loopback address only (--metrics-from)"));
  }
  auto session = CurrentSession(db, req);
  if (!session)
    return http::JsonError({Code::kUnauthenticated, "metrics: sign in as staff first", {}});
  if (!accounts::IsStaff(session->user.role))
    return http::JsonError(
        PermissionDenied("metrics: only the secretariat and administrators may read them"));
  return std::nullopt;
}

std::optional<accounts::Session> CurrentSession(storage::Database& db, const http::Request& req) {
  auto it = req.cookies.find(accounts::kSessionCookie);
  if (it == req.cookies.end()) return std::nullopt;
  return accounts::FindSession(db, it->second);
}

Guard RequireStaff(storage::Database& db, const http::Request& req, bool state_change,
                   const std::string& csrf_field) {
  Guard g = RequireSignedIn(db, req, state_change, csrf_field);
  if (g.session && !accounts::IsStaff(g.session->user.role)) {
    // Signed in, but as a participant, delegate or chair: not the secretariat's business.
    g.refusal = ErrorResponse(
        db, req,
        PermissionDenied("role: only the secretariat and administrators may do this"));
    g.session.reset();
  }
  return g;
}

Guard RequireSignedIn(storage::Database& db, const http::Request& req, bool state_change,
                      const std::string& csrf_field) {
  Guard g;
  g.session = CurrentSession(db, req);
  if (!g.session) {
    if (req.IsApi())
      g.refusal = http::JsonError({Code::kUnauthenticated, "sign in first", {}});
    else
      g.refusal = http::Redirect(Prefix(req) + "/login?next=" + http::UrlEncode(req.path));
    return g;
  }
  if (state_change) {
    std::string given = req.IsApi() ? req.Header("x-csrf-token") : csrf_field;
    if (!SafeEqual(given, g.session->csrf)) {
      g.refusal = ErrorResponse(
          db, req,
          {Code::kPermissionDenied,
           req.IsApi() ? "X-CSRF-Token header: missing or does not match the session"
                       : "csrf: the form has expired; reload the page and try again",
           "csrf"});
      g.session.reset();
    }
  }
  return g;
}

bool FormCsrfOk(storage::Database& db, const http::Request& req, const std::string& field) {
  if (field.empty()) return false;
  if (auto session = CurrentSession(db, req)) return SafeEqual(session->csrf, field);
  auto it = req.cookies.find(kCsrfCookie);
  return it != req.cookies.end() && SafeEqual(it->second, field);
}

Localized Pick(const boost::json::value& v, std::string_view lang) {
  if (const auto* o = v.if_object()) {
    if (auto* p = o->if_contains(lang); p && p->is_string() && !p->as_string().empty())
      return {std::string(p->as_string()), std::string(lang), false};
    for (std::string_view l : {"en", "fr", "es", "zh", "ru", "ar"})
      if (auto* p = o->if_contains(l); p && p->is_string() && !p->as_string().empty())
        return {std::string(p->as_string()), std::string(l), true};
  }
  if (const auto* s = v.if_string()) return {std::string(*s), std::string(lang), false};
  return {"", std::string(lang), false};
}

Localized Pick(const std::string& json, std::string_view lang) {
  boost::system::error_code ec;
  auto v = boost::json::parse(json, ec);
  if (ec) return {json, std::string(lang), false};
  return Pick(v, lang);
}

std::string FallbackNote(const Localized& l, std::string_view lang) {
  if (!l.fallback) return {};
  std::string reader(lang);
  return text::T(reader, "available_only_in",
                 {{"language", text::T(reader, "language_in_" + l.lang)}});
}

Localized SetLocalized(ctemplate::TemplateDictionary* d, const std::string& key,
                       const boost::json::value& v, std::string_view lang) {
  auto l = Pick(v, lang);
  SetText(d, key, l, lang);
  return l;
}

Localized SetLocalized(ctemplate::TemplateDictionary* d, const std::string& key,
                       const boost::json::value& v, std::string_view lang,
                       const TextRenderer& html) {
  auto l = Pick(v, lang);
  SetText(d, key, l, lang, html);
  return l;
}

void SetText(ctemplate::TemplateDictionary* d, const std::string& key, const Localized& l,
             std::string_view lang, const TextRenderer& html) {
  d->SetValue(key, l.text);
  d->SetValue(key + "_HTML", html ? html(l) : TextHtml(l.text, l.lang));
  SetTextLanguage(d, key, l, lang);
}

void SetTextLanguage(ctemplate::TemplateDictionary* d, const std::string& key, const Localized& l,
                     std::string_view lang) {
  d->SetValue(key + "_DIR", l.fallback ? text::Direction(l.lang) : "auto");
  if (l.fallback) {
    auto* f = d->AddSectionDictionary(key + "_FALLBACK");
    f->SetValue(key + "_LANG", l.lang);
    f->SetValue(key + "_NOTE", FallbackNote(l, lang));
  }
}

std::string UntranslatedSectionNote(const std::vector<Localized>& paragraphs,
                                    std::string_view lang) {
  std::string reader(lang);
  std::size_t fallbacks = 0;
  std::vector<std::string> originals;  // the languages shown instead, in the order of UN use
  for (std::string_view l : {"en", "fr", "es", "zh", "ru", "ar"})
    for (const auto& p : paragraphs)
      if (p.fallback && p.lang == l) {
        originals.push_back(text::T(reader, "language_in_" + std::string(l)));
        break;
      }
  for (const auto& p : paragraphs) fallbacks += p.fallback;
  if (fallbacks == 0) return {};
  return text::T(reader, fallbacks == paragraphs.size() ? "untranslated_all" : "untranslated_some",
                 {{"language", text::T(reader, "language_in_" + reader)},
                  {"original", text::FormatList(originals, reader)}});
}

void SetParagraphLanguage(ctemplate::TemplateDictionary* d, const Localized& l) {
  d->SetValue("TLANG", l.lang);
  d->SetValue("TDIR", text::Direction(l.lang));
  if (l.fallback) d->ShowSection("UNTRANSLATED");
}

namespace {
// The messages without arguments, as template variables ("t_KEY"), formatted once per language
// at first use instead of on every page.
// A template variable's name with ctemplate's id of it computed once: ctemplate otherwise hashes
// a name at every insertion and, for a name not known when the program was compiled, takes a
// global lock to record it (setting the catalogue's messages was a fifth of rendering a page,
// docs/PROFILE.md).
class NameWithId : public ctemplate::TemplateString {
 public:
  explicit NameWithId(const std::string& stable) : TemplateString(stable) { CacheGlobalId(); }
};

// The names t_<key> that the page templates (web/templates/) mark: {{t_key}}, with a modifier
// or as a section.
std::set<std::string, std::less<>> TemplateMessageNames() {
  std::set<std::string, std::less<>> names;
  for (const auto& [path, data] : assets::All()) {
    if (!path.starts_with("web/templates/")) continue;
    for (std::size_t at = data.find("{{"); at != std::string_view::npos;
         at = data.find("{{", at + 2)) {
      std::size_t from = at + 2;
      if (from < data.size() && std::string_view("#^/>").find(data[from]) != std::string_view::npos)
        ++from;  // a section's start or end, an include
      if (data.substr(from, 2) != "t_") continue;
      std::size_t end = from + 2;
      while (end < data.size() &&
             (std::isalnum(static_cast<unsigned char>(data[end])) || data[end] == '_'))
        ++end;
      names.emplace(data.substr(from, end - from));
    }
  }
  return names;
}

// The catalogue's messages without arguments that the templates mark, as template globals
// t_<key>, in each language; names and values live as long as the process (set on each page
// without a copy). Only those the templates mark: setting all 1,500 on every page was a sixth of
// a signed-in page's time (docs/PROFILE.md).
const std::vector<std::pair<NameWithId, ctemplate::TemplateString>>& TemplateMessages(
    const std::string& lang) {
  struct Messages {
    std::vector<std::pair<std::string, std::string>> texts;
    std::vector<std::pair<NameWithId, ctemplate::TemplateString>> set;
  };
  static const auto* const kByLang = [] {
    const auto& cat = text::Catalogue::Get();
    const auto marked = TemplateMessageNames();
    auto* out = new std::map<std::string, Messages>;
    for (const auto& l : text::Languages()) {
      Messages& m = (*out)[l];
      for (const auto& [key, pattern] : cat.All("en"))
        // those with arguments are set by code
        if (pattern.find('{') == std::string::npos && marked.contains("t_" + key))
          m.texts.emplace_back("t_" + key, cat.Format(l, key));
      // Recorded once in ctemplate's map of names (the ids above skip it).
      ctemplate::TemplateDictionary names("names");
      for (const auto& [name, text] : m.texts) {
        names.SetValue(name, "");
        m.set.emplace_back(NameWithId(name), ctemplate::TemplateString(text));
      }
    }
    return out;
  }();
  return kByLang->at(lang).set;
}
}  // namespace

Page::Page(storage::Database& db, const http::Request& req, std::string body_template,
           std::string title)
    : req_(req), root_("layout.tpl") {
  session_ = CurrentSession(db, req);
  const auto& cat = text::Catalogue::Get();
  for (const auto& [name, value] : TemplateMessages(req.lang))
    root_.SetTemplateGlobalValueWithoutCopy(name, value);
  root_.SetTemplateGlobalValue("P", Prefix(req));
  root_.SetTemplateGlobalValue("ASSET_V", AssetVersion());
  root_.SetValue("LANG", req.lang);
  root_.SetValue("DIR", text::Direction(req.lang));
  root_.SetValue("TITLE", title);
  std::string here = req.path == "/" ? "" : req.path;
  for (const auto& l : text::Languages()) {
    auto* d = root_.AddSectionDictionary("LANGS");
    d->SetValue("CODE", l);
    d->SetValue("NAME", cat.Format(l, "language_name"));
    d->SetValue("HREF", "/" + l + here);
    if (l == req.lang) d->ShowSection("CURRENT");
  }
  if (session_) {
    csrf_ = session_->csrf;
    auto* s = root_.AddSectionDictionary("SIGNED_IN");
    s->SetValue("USER", session_->user.name);
    if (accounts::IsStaff(session_->user.role)) s->ShowSection("STAFF");
  } else {
    root_.ShowSection("SIGNED_OUT");
    auto it = req.cookies.find(kCsrfCookie);
    if (it != req.cookies.end() && UsableCsrfCookie(it->second)) {
      csrf_ = it->second;
    } else {
      csrf_ = RandomToken();
      new_csrf_cookie_ = true;
    }
  }
  root_.SetTemplateGlobalValue("CSRF", csrf_);
  body_ = root_.AddIncludeDictionary("BODY");
  body_->SetFilename(body_template);
}

std::string Page::FreshToken(std::size_t bytes) {
  fresh_.emplace_back(RandomToken(bytes), bytes);
  return fresh_.back().first;
}

bool UsableCsrfCookie(const std::string& value) {
  return value.size() >= 32 && value.size() <= 64;
}

void AddPageCookies(const http::Request& req, const std::string& csrf, bool new_csrf,
                         http::Response& r) {
  if (new_csrf)
    r.Header("Set-Cookie", std::string(kCsrfCookie) + "=" + csrf +
                               "; Path=/; HttpOnly; SameSite=Lax; Max-Age=86400" +
                               CookieSecurity());
  if (req.lang_in_path) {
    // Set again only when it changes, so that a returning reader's page carries no cookie and
    // may be revalidated (ETag) instead of refetched.
    auto it = req.cookies.find("plenary_lang");
    if (it == req.cookies.end() || it->second != req.lang)
      r.Header("Set-Cookie", "plenary_lang=" + req.lang +
                                 "; Path=/; SameSite=Lax; Max-Age=31536000" + CookieSecurity());
  }
}

http::Response Page::Render(int status) {
  http::Response r;
  r.status = status;
  r.body = http::Render("layout.tpl", root_);
  r.Header("Content-Security-Policy",
           "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
           "frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
  r.Header("X-Frame-Options", "DENY");
  if (cacheable_ && !session_ && status == 200) {
    // The browser may keep it but asks again each time (ETag, 304); never a shared cache:
    // the page carries the reader's CSRF token.
    r.Header("Cache-Control", "private, no-cache");
    r.cache_for_anonymous = true;
    r.cache_until = cache_until_;
    r.csrf_slot = csrf_;
    r.fresh_slots = fresh_;
  } else {
    r.Header("Cache-Control", "no-store");
  }
  AddPageCookies(req_, csrf_, new_csrf_cookie_, r);
  return r;
}

http::Response ErrorResponse(storage::Database& db, const http::Request& req, int status,
                             const Error& e) {
  if (req.IsApi()) {
    http::Response r = http::JsonError(e);
    r.status = status;
    return r;
  }
  Page page(db, req, "error.tpl", text::T(req.lang, "error_title"));
  page.body().SetValue("MESSAGE", RefusalText(e, req.lang));
  page.body().SetIntValue("STATUS", status);
  return page.Render(status);
}

http::Response ErrorResponse(storage::Database& db, const http::Request& req, const Error& e) {
  return ErrorResponse(db, req, http::StatusFor(e.code), e);
}

}  // namespace plenary::site

namespace plenary::site {

namespace {
// The first string or member name in `v` that is not text (base/utf8.h: strict UTF-8 without
// control characters but tab and line breaks), as an error naming its path in the document
// ("name", "answers.2", "items[1]"). The same rule as forms and multipart fields.
std::optional<Error> CheckJsonText(const boost::json::value& v, const std::string& path) {
  if (const auto* s = v.if_string()) {
    if (auto fault = CheckText(*s)) {
      const std::string where = path.empty() ? "body" : path;  // a member named ""
      return InvalidArgument(where, where + ": " + fault->rule + " at byte " +
                                        std::to_string(fault->at));
    }
  } else if (const auto* o = v.if_object()) {
    for (const auto& [k, member] : *o) {
      if (auto fault = CheckText(k)) {
        const std::string where = path.empty() ? "body" : path;
        return InvalidArgument(where, where + ": " + fault->rule + " in a member name");
      }
      std::string sub = path.empty() ? std::string(k) : path + "." + std::string(k);
      if (auto e = CheckJsonText(member, sub)) return e;
    }
  } else if (const auto* a = v.if_array()) {
    for (std::size_t i = 0; i < a->size(); ++i)
      if (auto e = CheckJsonText((*a)[i], path + "[" + std::to_string(i) + "]")) return e;
  }
  return std::nullopt;
}
}  // namespace

Error BodyCutError(std::size_t limit) {
  return Error{Code::kTooLarge,
               "body: larger than the limit of " + std::to_string(limit) +
                   " bytes for one form; send fewer or smaller files",
               "body"};
}

Input KeptInput(const http::Request& req) {
  Input in;
  const std::string type = req.Header("content-type");
  std::string lower = type;
  std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
  if (lower.starts_with("multipart/form-data")) {
    http::MultipartLimits relaxed;
    relaxed.max_parts = 1000;
    relaxed.max_files = 1000;
    relaxed.max_file_bytes = std::numeric_limits<std::size_t>::max();
    relaxed.cut_short = req.body_cut_at != 0;
    auto parts = http::ParseMultipart(type, req.body, relaxed);
    if (!parts.ok()) return in;
    for (auto& p : *parts)
      if (!p.is_file) in.fields.Add(p.name, std::move(p.data));
  } else if (lower.starts_with("application/x-www-form-urlencoded")) {
    std::string_view body = req.body;
    // A body cut short ends inside its last field: that field is left out.
    if (req.body_cut_at != 0) {
      const std::size_t amp = body.rfind('&');
      body = amp == std::string_view::npos ? std::string_view() : body.substr(0, amp);
    }
    if (auto f = http::Form::Parse(body); f.ok()) in.fields = std::move(*f);
  }
  return in;
}

Result<Input> ReadInput(const http::Request& req, const http::MultipartLimits& limits) {
  if (req.body_cut_at != 0) return BodyCutError(req.body_cut_at);
  Input in;
  std::string type = req.Header("content-type");
  std::string lower = type;
  std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
  if (lower.starts_with("application/json")) {
    boost::system::error_code ec;
    auto v = boost::json::parse(req.body, ec);
    if (ec) return InvalidArgument("body", "body: malformed JSON (" + ec.message() + ")");
    if (!v.is_object()) return InvalidArgument("body", "body: must be a JSON object");
    if (auto e = CheckJsonText(v, "")) return *e;
    in.json = std::move(v.as_object());
  } else if (lower.starts_with("multipart/form-data")) {
    auto parts = http::ParseMultipart(type, req.body, limits);
    if (!parts.ok()) return parts.error();
    for (auto& p : *parts) {
      if (p.is_file)
        in.files.push_back(std::move(p));
      else
        in.fields.Add(p.name, std::move(p.data));
    }
  } else if (lower.starts_with("application/x-www-form-urlencoded") || req.body.empty()) {
    auto f = http::Form::Parse(req.body);
    if (!f.ok()) return f.error();
    in.fields = std::move(*f);
  } else {
    return InvalidArgument("Content-Type",
                           "Content-Type: use application/json, multipart/form-data or "
                           "application/x-www-form-urlencoded");
  }
  return in;
}

Result<boost::json::object> ReadJson(const http::Request& req) {
  auto in = ReadInput(req);
  if (!in.ok()) return in.error();
  if (!in->json) return InvalidArgument("body", "body: send application/json");
  return std::move(*in->json);
}

Result<std::string> JsonString(const boost::json::object& o, const char* key) {
  auto* v = o.if_contains(key);
  if (!v || v->is_null()) return std::string();
  if (!v->is_string()) return InvalidArgument(key, std::string(key) + ": must be a string");
  return std::string(v->as_string());
}

}  // namespace plenary::site
