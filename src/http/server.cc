// Beast coroutine sessions: bounded parsing, timeouts, keep-alive and graceful shutdown.
#include "http/server.h"

#include "http/event_stream.h"

#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/beast.hpp>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <chrono>
#include <latch>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
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

// True when a header name or value would break the response's framing.
bool UnsafeInHeader(std::string_view s) {
  return s.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos;
}

// What the per-address connection limit counts by: an IPv4 address, or the /64 of an IPv6
// address (one subscriber's usual allocation).
std::string AddressKey(const asio::ip::address& a) {
  if (a.is_v6()) {
    auto v6 = a.to_v6();
    if (v6.is_v4_mapped()) return asio::ip::make_address_v4(asio::ip::v4_mapped, v6).to_string();
    auto bytes = v6.to_bytes();
    std::fill(bytes.begin() + 8, bytes.end(), 0);
    return asio::ip::address_v6(bytes).to_string() + "/64";
  }
  return a.to_string();
}

// The framing of a request body, judged from its header before any of the body is read. An
// empty string when it is sound; else the status to answer and why.
std::pair<int, std::string> UnsoundFraming(const bhttp::request_parser<bhttp::string_body>& p) {
  const auto& h = p.get();
  auto te = h.equal_range(bhttp::field::transfer_encoding);
  if (te.first == te.second) return {0, {}};
  if (h.count(bhttp::field::content_length))
    return {400, "request: both Content-Length and Transfer-Encoding; send one of them"};
  // Every coding named, in order, over all Transfer-Encoding lines.
  std::vector<std::string> codings;
  for (auto it = te.first; it != te.second; ++it) {
    std::string_view v = it->value();
    size_t i = 0;
    while (i <= v.size()) {
      size_t j = v.find(',', i);
      if (j == std::string_view::npos) j = v.size();
      std::string c(v.substr(i, j - i));
      c.erase(0, c.find_first_not_of(" \t"));
      c.erase(c.find_last_not_of(" \t") + 1);
      std::transform(c.begin(), c.end(), c.begin(), ::tolower);
      codings.push_back(c);
      i = j + 1;
    }
  }
  if (codings.size() == 1 && codings[0] == "chunked") return {0, {}};
  if (codings.empty() || codings.back() != "chunked")
    return {400, "Transfer-Encoding: the body must end with the chunked coding; only "
                 "\"chunked\" is accepted"};
  return {501, "Transfer-Encoding: only \"chunked\" is accepted"};
}

// Every X-Forwarded-For line of the request, joined in the order received (a proxy may add a
// line of its own instead of extending the last one).
std::string ForwardedFor(const bhttp::request<bhttp::string_body>& req) {
  std::string out;
  auto [begin, end] = req.equal_range("X-Forwarded-For");
  for (auto it = begin; it != end; ++it) {
    if (!out.empty()) out += ", ";
    out += it->value();
  }
  return out;
}

// What a refusal of the HTTP layer needs to word itself in the client's language, read from
// the bytes of a request that could not be parsed: the target of its request line, and its
// Accept-Language and Cookie lines (a line that is not "Name: value" is skipped).
void ReadRawHead(std::string_view head, Request& req) {
  head = head.substr(0, std::min(head.find("\r\n\r\n"), head.size()));
  size_t eol = std::min(head.find("\r\n"), head.size());
  std::string_view line = head.substr(0, eol);
  if (size_t sp = line.find(' '); sp != std::string_view::npos) {
    std::string_view target = line.substr(sp + 1);
    target = target.substr(0, std::min(target.find(' '), target.size()));
    req.path = DecodePath(target.substr(0, std::min(target.find('?'), target.size())));
  }
  while (eol < head.size()) {
    size_t from = eol + 2;
    eol = std::min(head.find("\r\n", from), head.size());
    line = head.substr(from, eol - from);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string name(line.substr(0, colon));
    std::transform(name.begin(), name.end(), name.begin(), ::tolower);
    if (name != "accept-language" && name != "cookie") continue;
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    req.headers[name] = std::string(value);
  }
  req.cookies = ParseCookies(req.Header("cookie"));
}

// A form post of a page (not of the API): when its body is over the limit, the server keeps
// what fits and lets the page answer with its form (Request::body_cut_at), since a browser shows
// a bare refusal without the form and loses everything typed. Forms send Content-Length.
bool IsPageFormPost(const bhttp::request_parser<bhttp::string_body>& p) {
  const auto& h = p.get();
  if (h.method() != bhttp::verb::post) return false;
  std::string_view target = h.target();
  std::string path = DecodePath(target.substr(0, std::min(target.find('?'), target.size())));
  // The language prefix (/zh/api/…) is not part of the route.
  auto letter = [](char c) { return c >= 'a' && c <= 'z'; };
  if (path.size() >= 4 && path[0] == '/' && path[3] == '/' && letter(path[1]) && letter(path[2]))
    path.erase(0, 3);
  if (path.starts_with("/api/") || path == "/api") return false;
  std::string type(h[bhttp::field::content_type]);
  std::transform(type.begin(), type.end(), type.begin(), ::tolower);
  return type.starts_with("multipart/form-data") ||
         type.starts_with("application/x-www-form-urlencoded");
}

void ReadParsedHead(const bhttp::request_parser<bhttp::string_body>& parser, Request& req) {
  const auto& h = parser.get();
  std::string_view target = h.target();
  req.path = DecodePath(target.substr(0, std::min(target.find('?'), target.size())));
  for (const auto& f : h) {
    std::string name(f.name_string());
    std::transform(name.begin(), name.end(), name.begin(), ::tolower);
    req.headers[name] = std::string(f.value());
  }
  req.cookies = ParseCookies(h[bhttp::field::cookie]);
}

}  // namespace

struct Server::Impl {
  const Router& router;
  ServerLimits limits;
  std::function<void(Request&)> prepare;
  std::function<void(const Request&, Response&)> finish;
  asio::io_context ioc;
  tcp::acceptor acceptor{ioc};
  asio::signal_set signals{ioc, SIGTERM, SIGINT};
  std::atomic<int> in_flight{0};
  std::atomic<bool> stopping{false};
  asio::thread_pool read_pool;
  asio::thread_pool write_pool;
  ServerStats stats;
  std::mutex addresses_mu;
  std::unordered_map<std::string, int> connections_by_address;

  Impl(const Router& r, ServerLimits l, std::function<void(Request&)> p,
       std::function<void(const Request&, Response&)> f)
      : router(r),
        limits(l),
        prepare(std::move(p)),
        finish(std::move(f)),
        read_pool(std::max(1, l.read_workers)),
        write_pool(std::max(1, l.write_workers)) {
    if (l.write_workers_nice > 0) LowerPriority(write_pool, std::max(1, l.write_workers),
                                                l.write_workers_nice);
  }

  // Adds `nice` to the niceness of each of the `n` threads of `pool`: one task per thread, each
  // held until all have run, so that no thread takes two.
  static void LowerPriority(asio::thread_pool& pool, int n, int nice) {
    auto all = std::make_shared<std::latch>(n + 1);
    for (int i = 0; i < n; ++i)
      asio::post(pool, [all, nice] {
        auto tid = static_cast<id_t>(syscall(SYS_gettid));
        errno = 0;
        int now = getpriority(PRIO_PROCESS, tid);
        if (errno == 0 && setpriority(PRIO_PROCESS, tid, std::min(19, now + nice)) != 0)
          spdlog::warn("write workers: niceness not changed: {}", std::strerror(errno));
        all->arrive_and_wait();
      });
    all->arrive_and_wait();
  }

  // A refusal of the HTTP layer itself (a server too busy, a request that cannot be read or
  // is too large), worded like every JSON error by the application's last step: in the
  // language that `head` (what could be read of the request) asks for. `json_code` replaces
  // the code's name when the status has no code of its own (501).
  bhttp::response<bhttp::string_body> Refuse(const Error& e, int status, const Request& head,
                                             bool close, std::string_view json_code = {}) {
    Request req = head;
    Response resp = JsonError(e);
    try {
      if (prepare) prepare(req);
      if (finish) finish(req, resp);
    } catch (const std::exception& ex) {
      spdlog::error("refusal {}: {}", status, ex.what());
    }
    if (!json_code.empty()) {
      boost::system::error_code ec;
      boost::json::value body = boost::json::parse(resp.body, ec);
      if (!ec && body.is_object() && body.as_object().contains("error")) {
        body.as_object()["error"].as_object()["code"] = json_code;
        resp.body = boost::json::serialize(body);
      }
    }
    bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(status), 11};
    res.set(bhttp::field::server, "Plenary");
    res.set(bhttp::field::content_type, resp.content_type);
    for (const auto& [k, v] : resp.headers)
      if (!UnsafeInHeader(k) && !UnsafeInHeader(v)) res.insert(k, v);
    if (close) res.set(bhttp::field::connection, "close");
    res.body() = std::move(resp.body);
    res.prepare_payload();
    return res;
  }
  bhttp::response<bhttp::string_body> Busy(const Request& head, std::string message = {}) {
    Error e{Code::kResourceExhausted,
            message.empty() ? "server: too busy; retry after the delay in Retry-After" : message,
            {}};
    e.retry_after_seconds = limits.retry_after_seconds;
    return Refuse(e, 503, head, false);
  }

  // `events` receives the stream of a Server-Sent Events answer (then the response has a
  // header only, without Content-Length).
  // `cut`: the body holds only the first `limits.body_bytes` bytes of a page's form post.
  bhttp::response<bhttp::string_body> Handle(bhttp::request<bhttp::string_body>& breq,
                                            const asio::ip::address& peer,
                                            std::shared_ptr<EventStream>* events, bool cut) {
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
    if (cut) req.body_cut_at = limits.body_bytes;
    req.remote_ip = ClientAddress(peer, ForwardedFor(breq), limits.trusted_proxies);
    try {
      // The language is chosen for a malformed query too (from the cookie or Accept-Language),
      // so that its refusal is worded in it.
      if (prepare) prepare(req);
      if (!bad_query) resp = router.Dispatch(req);
    } catch (const std::exception& e) {
      spdlog::error("{} {}: {}", req.method, req.raw_target, e.what());
      resp = JsonError(Error{Code::kInternal, "internal error; it has been logged", {}});
    }
    try {
      if (finish) finish(req, resp);
    } catch (const std::exception& e) {
      spdlog::error("{} {}: {}", req.method, req.raw_target, e.what());
      resp = JsonError(Error{Code::kInternal, "internal error; it has been logged", {}});
    }
    bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(resp.status),
                                            breq.version()};
    out.set(bhttp::field::server, "Plenary");
    out.set(bhttp::field::content_type, resp.content_type);
    out.set("X-Content-Type-Options", "nosniff");
    out.set("Referrer-Policy", "same-origin");
    // A stream's ticket is exchanged for the stream here and never sent.
    std::shared_ptr<EventStream> stream;
    for (auto it = resp.headers.begin(); it != resp.headers.end(); ++it)
      if (it->first == kEventStreamTicket) {
        stream = TakeEventStream(it->second);
        resp.headers.erase(it);
        break;
      }
    bool unsafe = UnsafeInHeader(resp.content_type);
    for (const auto& [k, v] : resp.headers) unsafe = unsafe || UnsafeInHeader(k) || UnsafeInHeader(v);
    if (unsafe) {
      // Never sent: CR or LF would start a header or a body of the sender's choosing.
      spdlog::error("{} {}: a response header holds CR, LF or NUL; answered 500 instead",
                    req.method, req.raw_target);
      resp = JsonError(Error{Code::kInternal, "internal error; it has been logged", {}});
      out.result(bhttp::status::internal_server_error);
      out.set(bhttp::field::content_type, resp.content_type);
    }
    for (auto& [k, v] : resp.headers) {
      // A handler may replace the default referrer policy (a page whose address is a secret).
      if (k == "Referrer-Policy")
        out.set(k, v);
      else
        out.insert(k, v);
    }
    if (stream && !unsafe && resp.status == 200 && req.method == "GET") {
      *events = std::move(stream);
      out.set(bhttp::field::cache_control, "no-store");
      return out;
    }
    if (req.method == "HEAD") {
      out.content_length(resp.body.size());
    } else {
      out.body() = std::move(resp.body);
      out.prepare_payload();
    }
    return out;
  }

  // Near the global connection limit: idle waits are cut short.
  bool NearConnectionLimit() const {
    return stats.connections * 5 >= static_cast<long>(limits.max_connections) * 4;
  }

  // The body of a request whose header announced `length` bytes, more than the limit: its
  // first `keep` bytes are kept, the rest read in small pieces and discarded, so that memory
  // stays bounded and the client, having sent everything, reads the answer (a server that
  // closes while the client still sends makes it see a reset, not the answer). Nothing when
  // the client stops sending or the read timeout passes first.
  asio::awaitable<std::optional<std::string>> ReadCut(beast::tcp_stream& stream,
                                                      beast::flat_buffer& buffer,
                                                      std::uint64_t length, std::size_t keep) {
    std::string body;
    std::uint64_t got = std::min<std::uint64_t>(buffer.size(), length);
    body.append(static_cast<const char*>(buffer.data().data()),
                std::min<std::uint64_t>(got, keep));
    buffer.consume(static_cast<std::size_t>(got));
    std::vector<char> piece(64 * 1024);
    while (got < length) {
      const auto want =
          static_cast<std::size_t>(std::min<std::uint64_t>(piece.size(), length - got));
      auto [ec, n] = co_await stream.async_read_some(asio::buffer(piece.data(), want), kUseTuple);
      if (ec) co_return std::nullopt;
      if (body.size() < keep) body.append(piece.data(), std::min(n, keep - body.size()));
      got += n;
    }
    co_return body;
  }

  asio::awaitable<void> Session(tcp::socket socket) {
    beast::tcp_stream stream(std::move(socket));
    struct Count {
      std::atomic<long>& n;
      explicit Count(std::atomic<long>& c) : n(c) { ++n; }
      ~Count() { --n; }
    } connection(stats.connections);
    asio::ip::address peer;
    std::string address_key;
    {
      boost::system::error_code ec;
      auto ep = stream.socket().remote_endpoint(ec);
      if (!ec) {
        peer = ep.address();
        address_key = AddressKey(ep.address());
      }
    }
    // A trusted proxy carries many clients: it limits their connections itself.
    bool from_proxy = limits.trusted_proxies.Contains(peer);
    // This connection's place in its address's count, given back when the session ends.
    struct AddressSlot {
      Impl& impl;
      std::string key;
      int held;
      AddressSlot(Impl& i, std::string k) : impl(i), key(std::move(k)) {
        std::lock_guard lock(impl.addresses_mu);
        held = ++impl.connections_by_address[key];
      }
      ~AddressSlot() {
        std::lock_guard lock(impl.addresses_mu);
        auto it = impl.connections_by_address.find(key);
        if (it != impl.connections_by_address.end() && --it->second <= 0)
          impl.connections_by_address.erase(it);
      }
    } slot(*this, address_key);
    bool per_address = !from_proxy && slot.held > limits.max_connections_per_address;
    if (per_address || stats.connections > limits.max_connections) {
      ++stats.refused;
      if (per_address) ++stats.refused_per_address;
      // The start of the request, if it comes at once, says the client's language.
      char sink[4096];
      Request head;
      stream.expires_after(std::chrono::milliseconds(250));
      if (auto [rec, rn] = co_await stream.async_read_some(asio::buffer(sink), kUseTuple); !rec)
        ReadRawHead(std::string_view(sink, rn), head);
      auto res = per_address
                     ? Busy(head, "connections: at most " +
                                      std::to_string(limits.max_connections_per_address) +
                                      " open at once from one address; close some and retry")
                     : Busy(head);
      res.keep_alive(false);
      stream.expires_after(std::chrono::seconds(5));
      co_await bhttp::async_write(stream, res, kUseTuple);
      // Read what the client already sent (briefly) before closing, so that the kernel does
      // not answer its unread bytes with a reset that could destroy the 503 on its way.
      boost::system::error_code ignored;
      stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
      stream.expires_after(std::chrono::seconds(1));
      for (std::size_t drained = 0; drained < 64 * 1024;) {
        auto [rec, rn] = co_await stream.async_read_some(asio::buffer(sink), kUseTuple);
        if (rec) break;
        drained += rn;
      }
      co_return;
    }
    beast::flat_buffer buffer;
    bool first = true;
    for (;;) {
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(limits.header_bytes));
      // The body's limit is applied after the header (below): a page's form post over it is
      // read to its end, keeping what fits, instead of being refused unread.
      parser.body_limit(boost::none);
      // Idle keep-alive wait for the first byte, then the whole request within the read limit.
      int wait = first ? limits.read_timeout_seconds : limits.idle_timeout_seconds;
      if (NearConnectionLimit()) wait = std::min(wait, limits.busy_idle_timeout_seconds);
      stream.expires_after(std::chrono::seconds(wait));
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
      // The header first: its framing of the body is judged before a byte of the body is read.
      auto [ec, n] = co_await bhttp::async_read_header(stream, buffer, parser, kUseTuple);
      std::optional<std::string> cut_body;  // a page's form post over the limit: what fit
      std::uint64_t drain = 0;  // a body refused at once, read and discarded after the answer
      if (!ec) {
        if (auto [status, why] = UnsoundFraming(parser); status) {
          ++stats.requests;
          Request head;
          ReadParsedHead(parser, head);
          auto res = Refuse(Error{Code::kInvalidArgument, why, {}}, status, head, true,
                            status == 400 ? "" : "not_implemented");
          stream.expires_after(std::chrono::seconds(5));
          co_await bhttp::async_write(stream, res, kUseTuple);
          break;
        }
        auto length = parser.content_length();
        if (length && *length > limits.body_bytes) {
          const bool discardable =
              *length - limits.body_bytes <= limits.max_discarded_body_bytes;
          if (discardable && IsPageFormPost(parser)) {
            // Read to its end: the page's form keeps what fits for its handler.
            auto kept = co_await ReadCut(stream, buffer, *length, limits.body_bytes);
            if (!kept) break;  // the client stopped sending or was too slow
            cut_body = std::move(*kept);
          } else {
            // Refused at once, unread; a client still sending reads the answer once the rest
            // is drained (below).
            if (discardable) drain = *length;
            ec = bhttp::error::body_limit;
          }
        } else {
          parser.body_limit(limits.body_bytes);  // a chunked body is judged as it comes
          std::tie(ec, n) = co_await bhttp::async_read(stream, buffer, parser, kUseTuple);
        }
      }
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
        // The parser keeps the fields it read before the fault; the rest of the header is
        // still in the buffer (read after an empty first line: it has no request line).
        Request head;
        ReadParsedHead(parser, head);
        if (!parser.is_header_done())
          ReadRawHead("\r\n" + std::string(static_cast<const char*>(buffer.data().data()),
                                            std::min<std::size_t>(buffer.data().size(), 16384)),
                      head);
        auto res = Refuse(Error{status == 400 ? Code::kInvalidArgument : Code::kTooLarge, msg, {}},
                          status, head, true);
        stream.expires_after(std::chrono::seconds(5));
        auto [wec, wn] = co_await bhttp::async_write(stream, res, kUseTuple);
        if (!wec && drain) {
          // The answer is sent and the sending side closed; the body still coming is read
          // and thrown away, so that closing does not reset what the client has not read.
          boost::system::error_code ignored;
          stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
          stream.expires_after(std::chrono::seconds(limits.read_timeout_seconds));
          co_await ReadCut(stream, buffer, drain, 0);
        }
        break;
      }
      auto req = parser.release();
      // A cut body's connection is not reused: the client sent more than the server keeps.
      bool keep_alive = req.keep_alive() && !cut_body;
      if (cut_body) req.body() = std::move(*cut_body);
      ++stats.requests;
      bool is_read = req.method() == bhttp::verb::get || req.method() == bhttp::verb::head;
      auto& pending = is_read ? stats.pending_reads : stats.pending_writes;
      long limit = is_read ? limits.max_pending_reads : limits.max_pending_writes;
      bhttp::response<bhttp::string_body> res;
      std::shared_ptr<EventStream> events;
      if (pending >= limit) {
        ++stats.refused;
        Request head;
        for (const auto& f : req) {
          std::string name(f.name_string());
          std::transform(name.begin(), name.end(), name.begin(), ::tolower);
          if (name == "accept-language" || name == "cookie") head.headers[name] = std::string(f.value());
        }
        std::string_view target = req.target();
        head.path = DecodePath(target.substr(0, std::min(target.find('?'), target.size())));
        head.cookies = ParseCookies(head.Header("cookie"));
        res = Busy(head);
      } else {
        Count waiting(pending);
        const bool cut = cut_body.has_value();
        auto& pool = is_read ? read_pool : write_pool;
        res = co_await asio::co_spawn(
            pool.get_executor(),
            [&]() -> asio::awaitable<bhttp::response<bhttp::string_body>> {
              co_return Handle(req, peer, &events, cut);
            },
            asio::use_awaitable);
      }
      if (events) {
        co_await Stream(stream, res, *events);
        break;
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

  // A stream of Server-Sent Events: the header (the connection closes at its end), then
  // whatever `events.poll` gives, until it ends it, the client goes away or the server stops.
  asio::awaitable<void> Stream(beast::tcp_stream& stream, bhttp::response<bhttp::string_body>& res,
                               EventStream& events) {
    using namespace asio::experimental::awaitable_operators;
    res.keep_alive(false);
    std::string head = "HTTP/1.1 200 OK\r\n";
    for (const auto& f : res.base()) {
      head.append(f.name_string()).append(": ");
      head.append(f.value()).append("\r\n");
    }
    head += "\r\n";
    stream.expires_after(std::chrono::seconds(limits.read_timeout_seconds));
    auto [hec, hn] = co_await asio::async_write(stream, asio::buffer(head), kUseTuple);
    if (hec) co_return;
    asio::steady_timer timer(co_await asio::this_coro::executor);
    auto quiet_since = std::chrono::steady_clock::now();
    const auto heartbeat = std::chrono::seconds(std::max(1, events.heartbeat_seconds));
    while (!stopping) {
      stream.expires_never();
      timer.expires_after(std::chrono::milliseconds(std::max(10, events.poll_ms)));
      // The client sends nothing more on a stream: the socket turning readable means it closed.
      auto which = co_await (timer.async_wait(kUseTuple) ||
                             stream.socket().async_wait(tcp::socket::wait_read, kUseTuple));
      if (which.index() == 1) break;
      auto data = events.poll();
      if (!data) break;
      auto now = std::chrono::steady_clock::now();
      if (data->empty() && now - quiet_since >= heartbeat) *data = ": still here\n\n";
      if (data->empty()) continue;
      stream.expires_after(std::chrono::seconds(limits.read_timeout_seconds));
      auto [wec, wn] = co_await asio::async_write(stream, asio::buffer(*data), kUseTuple);
      if (wec) break;
      quiet_since = now;
    }
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

Server::Server(const Router& router, ServerLimits limits, std::function<void(Request&)> prepare,
               std::function<void(const Request&, Response&)> finish)
    : impl_(std::make_unique<Impl>(router, limits, std::move(prepare), std::move(finish))) {}
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
