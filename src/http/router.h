// Maps a method and a path pattern ("/api/v1/consultations/{id}") to a handler.
// Built once at start-up, then read concurrently without locks.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "http/message.h"

namespace plenary::http {

using Handler = std::function<Response(Request&)>;

class Router {
 public:
  void Add(std::string method, std::string pattern, Handler handler);
  // Every registered (method, pattern), in registration order: `plenary routes` prints them so
  // that a test can check each API write against its page form (docs/API.md).
  std::vector<std::pair<std::string, std::string>> Routes() const;
  // Finds the route, fills req.params and calls it. 404 when no pattern matches the
  // path, 405 when the path matches with another method.
  Response Dispatch(Request& req) const;
  // Renders 404 and 405 answers (HTML for pages, JSON for the API).
  // Wraps every dispatch (e.g. the cache of anonymous pages): `around(req, next)` may answer
  // itself or call `next` for the route's own answer.
  using Around = std::function<Response(Request&, const std::function<Response(Request&)>&)>;
  void SetAround(Around around) { around_ = std::move(around); }
  void SetErrorHandler(std::function<Response(const Request&, int status, const Error&)> fn) {
    on_error_ = std::move(fn);
  }

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;  // "{}" captures one segment
    Handler handler;
  };
  Response DispatchRoute(Request& req) const;
  std::vector<Route> routes_;
  Around around_;
  std::function<Response(const Request&, int, const Error&)> on_error_;
};

}  // namespace plenary::http
