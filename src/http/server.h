// The HTTP/1.1 server: Boost.Beast with C++20 coroutines on a pool of I/O threads.
//
// Limits are explicit (ServerLimits). Handlers run on worker pools and may block on the
// database; a handler's response leaves only after the handler returned, so a durable write
// is committed before its 2xx is sent. When too many requests wait, new ones get 503 with
// Retry-After instead of queueing without bound, and reads have their own pool so that they
// are still answered while writes pile up. Stop() (or SIGTERM/SIGINT in Run())
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
  int threads = 0;                            // I/O threads; 0: one per core
  // Handlers run on worker pools, not on the I/O threads: reads (GET, HEAD) on `read_workers`
  // threads, writes on `write_workers` threads, most of which wait for the group commit.
  int read_workers = 4;
  int write_workers = 128;
  // Backpressure: beyond these, a request is answered 503 with Retry-After at once.
  int max_pending_reads = 2048;
  int max_pending_writes = 4096;
  int max_connections = 10000;
  int retry_after_seconds = 2;
};

// Counters for /metrics. Read without locks; values are approximate under load.
struct ServerStats {
  std::atomic<long> connections{0}, pending_reads{0}, pending_writes{0}, refused{0},
      requests{0};
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
  const ServerStats& stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace plenary::http
