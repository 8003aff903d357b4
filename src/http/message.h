// The request and response types that handlers see; no Beast types leak past the server.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json.hpp>

#include "base/result.h"
#include "http/form.h"

namespace plenary::http {

struct Request {
  std::string method;                          // "GET", "POST", ...
  std::string path;                            // decoded path without the language prefix
  std::string raw_target;                      // as received
  Form query;                                  // decoded query parameters
  std::map<std::string, std::string> headers;  // lower-cased names
  std::map<std::string, std::string> cookies;
  std::string body;
  // Not 0 when the body was larger than the server's limit, which this is, and the request a
  // page's form post (http/server.h): `body` holds only its first `body_cut_at` bytes, the rest
  // was read and discarded. site::ReadInput refuses it (413); site::KeptInput reads the fields
  // that fit, so that the page shows its form again with them.
  std::size_t body_cut_at = 0;
  // The client's address (http::ClientAddress: the TCP peer, or from X-Forwarded-For when the
  // peer is a trusted proxy). Every per-address limit and every stored address uses this.
  std::string remote_ip;
  std::vector<std::string> params;  // path parameters captured by the router, in order
  std::string lang;                 // chosen interface language
  bool lang_in_path = false;        // the URL carried /xx/

  std::string Header(std::string_view name) const;
  bool IsApi() const { return path.starts_with("/api/"); }
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  // Set by a handler whose answer is the same for every reader without a session
  // (site/page_cache.h): it may be kept and served again until the database's content
  // generation moves or, when `cache_until` is not 0, until that instant (Unix seconds; a
  // page that changes with time, e.g. a consultation that opens or closes).
  bool cache_for_anonymous = false;
  std::int64_t cache_until = 0;
  // Texts in the body unique to this reader or this rendering, replaced when the page is
  // served again from the cache: the reader's CSRF token (`csrf_slot`) and one-use tokens
  // drawn fresh for each rendering (`fresh_slots`, e.g. a form's idempotency token).
  std::string csrf_slot;
  std::vector<std::pair<std::string, std::size_t>> fresh_slots;  // token, its RandomToken bytes
  // The refusal a JSON error answer carries (set by JsonError), so that the server's last step
  // (site::LocalizeError) can say its message in the client's language.
  std::optional<Error> error;

  Response& Header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

Response Json(const boost::json::value& v, int status = 200);
Response Text(std::string body, std::string content_type = "text/plain; charset=utf-8",
              int status = 200);
Response Redirect(std::string location, int status = 303);
// The HTTP status for an error code: the one place where codes map to statuses.
int StatusFor(Code code);
// {"error":{"code":"invalid_argument","field":"email","message":"..."}} with StatusFor(code);
// the message is the use case's English until site::LocalizeError words it in the client's
// language.
Response JsonError(const Error& e);

}  // namespace plenary::http
