// Response builders and the single mapping from error codes to HTTP statuses.
#include "http/message.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

namespace plenary::http {

std::string Request::Header(std::string_view name) const {
  std::string key(name);
  std::transform(key.begin(), key.end(), key.begin(), ::tolower);
  auto it = headers.find(key);
  return it == headers.end() ? std::string() : it->second;
}

Response Json(const boost::json::value& v, int status) {
  Response r;
  r.status = status;
  r.content_type = "application/json; charset=utf-8";
  r.body = boost::json::serialize(v);
  return r;
}

Response Text(std::string body, std::string content_type, int status) {
  Response r;
  r.status = status;
  r.content_type = std::move(content_type);
  r.body = std::move(body);
  return r;
}

Response Redirect(std::string location, int status) {
  // A control character in a header value would end the header (CR LF) and let the rest be
  // read as headers or a body; callers build locations from known values, and this keeps a
  // mistake harmless.
  std::string safe;
  for (unsigned char ch : location) {
    if (ch < 0x20 || ch == 0x7f)
      safe += fmt::format("%{:02X}", ch);
    else
      safe += static_cast<char>(ch);
  }
  location = std::move(safe);
  Response r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.body = "See " + location;
  r.Header("Location", std::move(location));
  return r;
}

int StatusFor(Code code) {
  switch (code) {
    case Code::kInvalidArgument: return 400;
    case Code::kUnauthenticated: return 401;
    case Code::kPermissionDenied: return 403;
    case Code::kNotFound: return 404;
    case Code::kFailedPrecondition: return 409;
    case Code::kConflict: return 409;
    case Code::kTooLarge: return 413;
    case Code::kRateLimited: return 429;
    case Code::kResourceExhausted: return 503;
    case Code::kInternal: return 500;
  }
  return 500;
}

namespace {
const char* CodeName(Code code) {
  switch (code) {
    case Code::kInvalidArgument: return "invalid_argument";
    case Code::kUnauthenticated: return "unauthenticated";
    case Code::kPermissionDenied: return "permission_denied";
    case Code::kNotFound: return "not_found";
    case Code::kFailedPrecondition: return "failed_precondition";
    case Code::kConflict: return "conflict";
    case Code::kTooLarge: return "too_large";
    case Code::kRateLimited: return "rate_limited";
    case Code::kResourceExhausted: return "resource_exhausted";
    case Code::kInternal: return "internal";
  }
  return "internal";
}
}  // namespace

Response JsonError(const Error& e) {
  boost::json::object err{{"code", CodeName(e.code)}, {"message", e.message}};
  if (!e.field.empty()) err["field"] = e.field;
  Response r = Json(boost::json::object{{"error", err}}, StatusFor(e.code));
  r.error = e;
  if (e.code == Code::kResourceExhausted || e.code == Code::kRateLimited)
    r.Header("Retry-After", std::to_string(e.retry_after_seconds > 0 ? e.retry_after_seconds : 5));
  return r;
}

}  // namespace plenary::http
