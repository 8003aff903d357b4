// The HTTP/1.1 server: Boost.Beast with C++20 coroutines on a pool of I/O threads.
//
// Limits are explicit (ServerLimits). Handlers run on worker pools and may block on the
// database; a handler's response leaves only after the handler returned, so a durable write
// is committed before its 2xx is sent. When too many requests wait, new ones get 503 with
// Retry-After instead of queueing without bound, and reads have their own pool so that they
// are still answered while writes pile up. Stop() (or SIGTERM/SIGINT in Run())
// stops accepting, lets in-flight requests finish, then returns.
//
// A body over `body_bytes` is refused with 413 before any handler runs, except a page's form
// post (ServerLimits::max_discarded_body_bytes), which its handler refuses with its form.
//
// Requests are refused (400 or 501, then the connection is closed) when their body is framed
// by any Transfer-Encoding but a lone "chunked", or by both Content-Length and
// Transfer-Encoding: behind a proxy that reads the framing otherwise, such a body would be
// read here as a second, smuggled request. A response whose header names or values hold CR,
// LF or NUL is never sent: the server logs it and answers 500 instead (defence in depth
// against header injection through a handler that copied input into a header).
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "http/client_address.h"
#include "http/router.h"

namespace plenary::http {

struct ServerLimits {
  std::size_t header_bytes = 16 * 1024;
  std::size_t body_bytes = 30 * 1024 * 1024;  // 5 attachments of 5 MiB plus the form
  // A body over `body_bytes` by at most this much (with a Content-Length) is read to its end in
  // small pieces before the answer, so that the client reads it instead of a reset: a page's
  // form post (multipart or urlencoded, not /api/) keeps its first `body_bytes` and the page
  // answers 413 with its form and what was typed (Request::body_cut_at); any other gets a
  // bare 413. Beyond this, or a chunked body, a bare 413 at once.
  std::size_t max_discarded_body_bytes = 256 * 1024 * 1024;
  int read_timeout_seconds = 30;              // to receive one whole request
  int idle_timeout_seconds = 60;              // keep-alive wait for the next request
  int shutdown_grace_seconds = 30;
  int threads = 0;                            // I/O threads; 0: one per core
  // Handlers run on worker pools, not on the I/O threads: reads (GET, HEAD) on `read_workers`
  // threads, writes on `write_workers` threads, most of which wait for the group commit.
  int read_workers = 4;
  int write_workers = 128;
  // Added to the write workers' niceness (Linux schedules each thread by its own): while
  // submissions surge, the threads serving pages and searches get the cores first, and the
  // writes queue instead. 0 keeps one priority for all.
  int write_workers_nice = 0;
  // Backpressure: beyond these, a request is answered 503 with Retry-After at once.
  int max_pending_reads = 2048;
  int max_pending_writes = 4096;
  int max_connections = 10000;
  // One address (an IPv4 address; an IPv6 /64, what one subscriber usually holds) may hold at
  // most this many connections: a client that opens idle sockets by the thousand cannot take
  // the whole `max_connections` from everyone else. Beyond it the connection gets 503 and is
  // closed.
  int max_connections_per_address = 64;
  // While open connections are at 80 % of `max_connections` or more, a connection may wait for
  // its next request (or its first byte) at most this long, instead of `idle_timeout_seconds`
  // and `read_timeout_seconds`: idle sockets make room for clients with something to send.
  int busy_idle_timeout_seconds = 5;
  int retry_after_seconds = 2;
  // Proxies whose X-Forwarded-For names the client (http/client_address.h). Their own
  // connections are exempt from `max_connections_per_address`: one proxy carries many clients,
  // so the proxy must limit connections per client itself (nginx: limit_conn).
  TrustedProxies trusted_proxies;
};

// Counters for /metrics. Read without locks; values are approximate under load.
struct ServerStats {
  std::atomic<long> connections{0}, pending_reads{0}, pending_writes{0}, refused{0},
      refused_per_address{0}, requests{0};
};

class Server {
 public:
  // `prepare` runs on every request before routing (language, cookies); `finish` (may be
  // null) on every response after its handler (caching rules, the language of JSON errors),
  // a refused query string and an internal error included.
  Server(const Router& router, ServerLimits limits, std::function<void(Request&)> prepare,
         std::function<void(const Request&, Response&)> finish = nullptr);
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
