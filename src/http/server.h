// The HTTP/1.1 server: Boost.Beast with C++20 coroutines on a pool of threads.
//
// Limits are explicit (ServerLimits). Handlers run on the I/O threads and may block on
// the database; a handler's response leaves only after the handler returned, so a
// durable write is committed before its 2xx is sent. Stop() (or SIGTERM/SIGINT in Run())
// stops accepting, lets in-flight requests finish, then returns.
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "http/router.h"

namespace plenary::http {

struct ServerLimits {
  std::size_t header_bytes = 16 * 1024;
  std::size_t body_bytes = 30 * 1024 * 1024;  // 5 attachments of 5 MiB plus the form
  int read_timeout_seconds = 30;              // to receive one whole request
  int idle_timeout_seconds = 60;              // keep-alive wait for the next request
  int shutdown_grace_seconds = 30;
  int threads = 0;                            // 0: one per core
};

class Server {
 public:
  // `before` runs on every request before routing (language, cookies); may answer itself.
  Server(const Router& router, ServerLimits limits,
         std::function<void(Request&)> prepare);
  ~Server();
  // Binds host:port (port 0 picks a free one) and returns the bound port.
  unsigned short Listen(const std::string& host, unsigned short port);
  // Serves until SIGTERM/SIGINT or Stop(); returns after in-flight requests finished.
  void Run();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace plenary::http
