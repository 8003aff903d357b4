// Segment-by-segment route matching.
#include "http/router.h"

namespace plenary::http {

namespace {
std::vector<std::string> Split(const std::string& path) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    out.push_back(path.substr(i, j - i));
    i = j;
  }
  return out;
}
}  // namespace

void Router::Add(std::string method, std::string pattern, Handler handler) {
  auto segs = Split(pattern);
  for (auto& s : segs)
    if (s.front() == '{') s = "{}";
  routes_.push_back({std::move(method), std::move(pattern), std::move(segs), std::move(handler)});
}

std::vector<std::pair<std::string, std::string>> Router::Routes() const {
  std::vector<std::pair<std::string, std::string>> out;
  out.reserve(routes_.size());
  for (const auto& r : routes_) out.emplace_back(r.method, r.pattern);
  return out;
}

Response Router::Dispatch(Request& req) const {
  if (around_) return around_(req, [this](Request& r) { return DispatchRoute(r); });
  return DispatchRoute(req);
}

Response Router::DispatchRoute(Request& req) const {
  auto segs = Split(req.path);
  bool path_matched = false;
  for (const auto& r : routes_) {
    if (r.segments.size() != segs.size()) continue;
    std::vector<std::string> params;
    bool ok = true;
    for (size_t i = 0; i < segs.size() && ok; ++i) {
      if (r.segments[i] == "{}")
        params.push_back(segs[i]);
      else
        ok = r.segments[i] == segs[i];
    }
    if (!ok) continue;
    path_matched = true;
    if (r.method != req.method && !(r.method == "GET" && req.method == "HEAD")) continue;
    req.params = std::move(params);
    return r.handler(req);
  }
  Error e{Code::kNotFound,
          path_matched ? "method " + req.method + " is not allowed on " + req.path
                       : "no such page: " + req.path,
          {}};
  int status = path_matched ? 405 : 404;
  if (on_error_) return on_error_(req, status, e);
  Response resp = JsonError(e);
  resp.status = status;
  return resp;
}

}  // namespace plenary::http
