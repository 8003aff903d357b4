// Beast coroutine sessions: bounded parsing, timeouts, keep-alive and graceful shutdown.
#include "http/server.h"

#include <boost/asio.hpp>
#include <boost/beast.hpp>

#include <chrono>
#include <thread>
#include <vector>

#include <spdlog/spdlog.h>

namespace plenary::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
constexpr auto kUseTuple = asio::as_tuple(asio::use_awaitable);

namespace {

std::string DecodePath(std::string_view p) {
  std::string out;
  for (size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '%' && i + 2 < p.size() && isxdigit(p[i + 1]) && isxdigit(p[i + 2])) {
      out += static_cast<char>(std::stoi(std::string(p.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += p[i];
    }
  }
  return out;
}

std::map<std::string, std::string> ParseCookies(std::string_view header) {
  std::map<std::string, std::string> out;
  size_t i = 0;
  while (i < header.size()) {
    size_t j = header.find(';', i);
    if (j == std::string_view::npos) j = header.size();
    auto part = header.substr(i, j - i);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    size_t eq = part.find('=');
    if (eq != std::string_view::npos)
      out.emplace(std::string(part.substr(0, eq)), std::string(part.substr(eq + 1)));
    i = j + 1;
  }
  return out;
}

}  // namespace

struct Server::Impl {
  const Router& router;
  ServerLimits limits;
  std::function<void(Request&)> prepare;
  asio::io_context ioc;
  tcp::acceptor acceptor{ioc};
  asio::signal_set signals{ioc, SIGTERM, SIGINT};
  std::atomic<int> in_flight{0};
  std::atomic<bool> stopping{false};
  asio::thread_pool read_pool;
  asio::thread_pool write_pool;
  ServerStats stats;

  Impl(const Router& r, ServerLimits l, std::function<void(Request&)> p)
      : router(r),
        limits(l),
        prepare(std::move(p)),
        read_pool(std::max(1, l.read_workers)),
        write_pool(std::max(1, l.write_workers)) {}

  static bhttp::response<bhttp::string_body> Busy(unsigned version, int retry_after) {
    bhttp::response<bhttp::string_body> res{bhttp::status::service_unavailable, version};
    res.set(bhttp::field::content_type, "application/json; charset=utf-8");
    res.set(bhttp::field::retry_after, std::to_string(retry_after));
    res.body() = R"({"error":{"code":"resource_exhausted","message":"server: too busy; retry after the delay in Retry-After"}})";
    res.prepare_payload();
    return res;
  }

  bhttp::response<bhttp::string_body> Handle(bhttp::request<bhttp::string_body>& breq,
                                            const std::string& remote_ip) {
    Request req;
    req.method = std::string(breq.method_string());
    req.raw_target = std::string(breq.target());
    std::string_view target = breq.target();
    size_t q = target.find('?');
    req.path = DecodePath(target.substr(0, q));
    Response resp;
    bool bad_query = false;
    if (q != std::string_view::npos) {
      auto form = Form::Parse(target.substr(q + 1));
      if (form.ok())
        req.query = std::move(*form);
      else {
        bad_query = true;
        resp = JsonError(Error{Code::kInvalidArgument, "query string: " + form.error().message,
                               "query"});
      }
    }
    for (const auto& f : breq) {
      std::string name(f.name_string());
      std::transform(name.begin(), name.end(), name.begin(), ::tolower);
      req.headers[name] = std::string(f.value());
    }
    req.cookies = ParseCookies(breq[bhttp::field::cookie]);
    req.body = std::move(breq.body());
    req.remote_ip = remote_ip;
    if (!bad_query) {
      try {
        if (prepare) prepare(req);
        resp = router.Dispatch(req);
      } catch (const std::exception& e) {
        spdlog::error("{} {}: {}", req.method, req.raw_target, e.what());
        resp = JsonError(Error{Code::kInternal, "internal error; it has been logged", {}});
      }
    }
    bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(resp.status),
                                            breq.version()};
    out.set(bhttp::field::server, "Plenary");
    out.set(bhttp::field::content_type, resp.content_type);
    out.set("X-Content-Type-Options", "nosniff");
    out.set("Referrer-Policy", "same-origin");
    for (auto& [k, v] : resp.headers) out.insert(k, v);
    if (req.method == "HEAD") {
      out.content_length(resp.body.size());
    } else {
      out.body() = std::move(resp.body);
      out.prepare_payload();
    }
    return out;
  }

  asio::awaitable<void> Session(tcp::socket socket) {
    beast::tcp_stream stream(std::move(socket));
    struct Count {
      std::atomic<long>& n;
      explicit Count(std::atomic<long>& c) : n(c) { ++n; }
      ~Count() { --n; }
    } connection(stats.connections);
    if (stats.connections > limits.max_connections) {
      ++stats.refused;
      auto res = Busy(11, limits.retry_after_seconds);
      res.keep_alive(false);
      stream.expires_after(std::chrono::seconds(5));
      co_await bhttp::async_write(stream, res, kUseTuple);
      co_return;
    }
    beast::flat_buffer buffer;
    std::string remote_ip;
    {
      boost::system::error_code ec;
      auto ep = stream.socket().remote_endpoint(ec);
      if (!ec) remote_ip = ep.address().to_string();
    }
    bool first = true;
    for (;;) {
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(limits.header_bytes));
      parser.body_limit(limits.body_bytes);
      // Idle keep-alive wait for the first byte, then the whole request within the read limit.
      stream.expires_after(std::chrono::seconds(first ? limits.read_timeout_seconds
                                                      : limits.idle_timeout_seconds));
      if (buffer.size() == 0) {
        auto [ec, n] = co_await stream.async_read_some(buffer.prepare(4096), kUseTuple);
        if (ec) break;
        buffer.commit(n);
      }
      first = false;
      // From its first byte a request is in flight: a graceful stop waits for it (within the
      // grace period) instead of cutting it off; a connection that sent nothing is dropped.
      struct InFlight {
        std::atomic<int>& n;
        explicit InFlight(std::atomic<int>& c) : n(c) { ++n; }
        ~InFlight() { --n; }
      } busy(in_flight);
      stream.expires_after(std::chrono::seconds(limits.read_timeout_seconds));
      auto [ec, n] = co_await bhttp::async_read(stream, buffer, parser, kUseTuple);
      if (ec == bhttp::error::end_of_stream || ec == asio::error::eof) break;
      if (ec) {
        int status = 400;
        std::string msg = "malformed HTTP request: " + ec.message();
        if (ec == bhttp::error::body_limit) {
          status = 413;
          msg = "request body: larger than the limit of " + std::to_string(limits.body_bytes) +
                " bytes";
        } else if (ec == bhttp::error::header_limit) {
          status = 431;
          msg = "request headers: larger than the limit of " +
                std::to_string(limits.header_bytes) + " bytes";
        } else if (ec == beast::error::timeout) {
          break;  // slow or silent client: drop it
        }
        bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(status), 11};
        res.set(bhttp::field::content_type, "application/json; charset=utf-8");
        res.set(bhttp::field::connection, "close");
        res.body() = boost::json::serialize(boost::json::object{
            {"error", {{"code", status == 400 ? "invalid_argument" : "too_large"},
                       {"message", msg}}}});
        res.prepare_payload();
        stream.expires_after(std::chrono::seconds(5));
        co_await bhttp::async_write(stream, res, kUseTuple);
        break;
      }
      auto req = parser.release();
      bool keep_alive = req.keep_alive();
      ++stats.requests;
      bool is_read = req.method() == bhttp::verb::get || req.method() == bhttp::verb::head;
      auto& pending = is_read ? stats.pending_reads : stats.pending_writes;
      long limit = is_read ? limits.max_pending_reads : limits.max_pending_writes;
      bhttp::response<bhttp::string_body> res;
      if (pending >= limit) {
        ++stats.refused;
        res = Busy(req.version(), limits.retry_after_seconds);
      } else {
        Count waiting(pending);
        auto& pool = is_read ? read_pool : write_pool;
        res = co_await asio::co_spawn(
            pool.get_executor(),
            [&]() -> asio::awaitable<bhttp::response<bhttp::string_body>> {
              co_return Handle(req, remote_ip);
            },
            asio::use_awaitable);
      }
      bool close = !keep_alive || stopping;
      res.keep_alive(!close);
      stream.expires_after(std::chrono::seconds(limits.read_timeout_seconds));
      auto [wec, wn] = co_await bhttp::async_write(stream, res, kUseTuple);
      if (wec || close) break;
    }
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  asio::awaitable<void> Accept() {
    for (;;) {
      // Each connection gets its own strand: its timer and I/O never run concurrently.
      auto [ec, socket] = co_await acceptor.async_accept(asio::make_strand(ioc), kUseTuple);
      if (ec) {
        if (stopping || ec == asio::error::operation_aborted) co_return;
        continue;  // e.g. too many open files: keep serving the others
      }
      auto ex = socket.get_executor();
      asio::co_spawn(ex, Session(std::move(socket)), asio::detached);
    }
  }

  void BeginStop() {
    if (stopping.exchange(true)) return;
    boost::system::error_code ec;
    acceptor.close(ec);
    // Wait for in-flight requests, then stop; idle keep-alive connections are dropped.
    asio::co_spawn(
        ioc,
        [this]() -> asio::awaitable<void> {
          asio::steady_timer timer(ioc);
          auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::seconds(limits.shutdown_grace_seconds);
          while (in_flight > 0 && std::chrono::steady_clock::now() < deadline) {
            timer.expires_after(std::chrono::milliseconds(20));
            co_await timer.async_wait(kUseTuple);
          }
          ioc.stop();
        },
        asio::detached);
  }
};

Server::Server(const Router& router, ServerLimits limits, std::function<void(Request&)> prepare)
    : impl_(std::make_unique<Impl>(router, limits, std::move(prepare))) {}
Server::~Server() = default;

unsigned short Server::Listen(const std::string& host, unsigned short port) {
  tcp::endpoint ep(asio::ip::make_address(host), port);
  impl_->acceptor.open(ep.protocol());
  impl_->acceptor.set_option(asio::socket_base::reuse_address(true));
  impl_->acceptor.bind(ep);
  impl_->acceptor.listen(asio::socket_base::max_listen_connections);
  return impl_->acceptor.local_endpoint().port();
}

void Server::Run() {
  impl_->signals.async_wait([this](auto ec, int) {
    if (!ec) impl_->BeginStop();
  });
  asio::co_spawn(impl_->ioc, impl_->Accept(), asio::detached);
  int n = impl_->limits.threads > 0 ? impl_->limits.threads
                                    : std::max(2u, std::thread::hardware_concurrency());
  std::vector<std::thread> threads;
  for (int i = 1; i < n; ++i) threads.emplace_back([this] { impl_->ioc.run(); });
  impl_->ioc.run();
  for (auto& t : threads) t.join();
  impl_->read_pool.join();
  impl_->write_pool.join();
}

const ServerStats& Server::stats() const { return impl_->stats; }

void Server::Stop() {
  asio::post(impl_->ioc, [this] { impl_->BeginStop(); });
}

}  // namespace plenary::http
