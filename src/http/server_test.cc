// Tests of the server over real loopback sockets: what it never sends, and what it refuses.
#include "http/server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace plenary::http {
namespace {

// A server on 127.0.0.1 with the given routes, stopped and joined when the test ends.
class TestServer {
 public:
  TestServer(ServerLimits limits, const std::function<void(Router&)>& routes)
      : server_(router_, limits, nullptr) {
    routes(router_);
    port_ = server_.Listen("127.0.0.1", 0);
    thread_ = std::thread([this] { server_.Run(); });
  }
  ~TestServer() {
    server_.Stop();
    thread_.join();
  }
  unsigned short port() const { return port_; }

 private:
  Router router_;
  Server server_;
  unsigned short port_;
  std::thread thread_;
};

// A client socket from `source` (any 127.x.y.z address works on loopback); -1 on failure.
int Connect(unsigned short port, const char* source = "127.0.0.1") {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  timeval tv{5, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  sockaddr_in from{};
  from.sin_family = AF_INET;
  inet_pton(AF_INET, source, &from.sin_addr);
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(port);
  inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
  if (bind(fd, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0 ||
      connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// Sends `request` and returns everything received until the server closes (or 5 s pass).
std::string Exchange(unsigned short port, const std::string& request) {
  int fd = Connect(port);
  if (fd < 0) return "connect failed";
  send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  std::string out;
  char buf[4096];
  for (;;) {
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  close(fd);
  return out;
}

std::string Head(const std::string& response) {
  return response.substr(0, response.find("\r\n\r\n"));
}

void InjectingRoutes(Router& r) {
  // A Location built by hand from a percent-decoded path segment (http::Redirect escapes
  // control characters itself; this is the handler that forgot to use it).
  r.Add("GET", "/redirect/{to}", [](Request& req) {
    return Text("", "text/plain", 303).Header("Location", "/desk/" + req.params[0]);
  });
  r.Add("GET", "/header", [](Request& req) {
    return Text("ok").Header("X-Echo", req.query.Get("v").value_or(""));
  });
  r.Add("GET", "/name", [](Request&) { return Text("ok").Header("X-A\r\nX-B", "1"); });
  r.Add("GET", "/type", [](Request&) { return Text("ok", "text/plain\r\nX-Evil: 1"); });
  r.Add("GET", "/ok", [](Request&) { return Text("fine"); });
  r.Add("POST", "/ok", [](Request& req) { return Text("posted " + req.body); });
}

int CountResponses(const std::string& raw) {
  int n = 0;
  for (size_t at = raw.find("HTTP/1.1 "); at != std::string::npos; at = raw.find("HTTP/1.1 ", at + 1))
    ++n;
  return n;
}

// Defence in depth behind every handler: a header value or name carrying CR, LF or NUL
// (a percent-decoded path that reached a Location) is never sent; the server answers 500.
TEST(Server, NeverSendsAResponseHeaderHoldingCrLfOrNul) {
  TestServer server({}, InjectingRoutes);
  const char* targets[] = {
      "/redirect/1%0D%0ASet-Cookie:%20evil=1",  // percent-decoded path segment
      "/redirect/1%0ASet-Cookie:%20evil=1",
      "/redirect/1%0DSet-Cookie:%20evil=1",
      "/redirect/1%00evil=1",
      "/header?v=a%0D%0ASet-Cookie:+evil=1",
      "/name",
      "/type",
  };
  for (const char* target : targets) {
    std::string res = Exchange(server.port(), std::string("GET ") + target +
                                                  " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_TRUE(res.starts_with("HTTP/1.1 500 ")) << target << "\n" << res;
    EXPECT_EQ(Head(res).find("evil"), std::string::npos) << target << "\n" << res;
    EXPECT_EQ(Head(res).find("X-B"), std::string::npos) << target;
    EXPECT_EQ(Head(res).find("X-Evil"), std::string::npos) << target;
    EXPECT_EQ(res.find('\0'), std::string::npos) << target;
  }
  // Clean values pass untouched.
  std::string ok = Exchange(server.port(), "GET /redirect/42 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_TRUE(ok.starts_with("HTTP/1.1 303 ")) << ok;
  EXPECT_NE(Head(ok).find("Location: /desk/42"), std::string::npos) << ok;
}

// Request smuggling: a body framed by anything but a lone "chunked" coding, or by both
// Content-Length and Transfer-Encoding, is refused and the connection closed, so its bytes are
// never read as a next request.
TEST(Server, RefusesTransferEncodingsOtherThanChunkedAndClosesTheConnection) {
  TestServer server({}, InjectingRoutes);
  const std::string smuggled = "GET /ok HTTP/1.1\r\nHost: x\r\n\r\n";
  const char* codings[] = {"gzip", "xchunked", "identity", "chunked, identity", "gzip, chunked",
                           "chunked, chunked", "Chunked\r\nTransfer-Encoding: gzip"};
  for (const char* coding : codings) {
    std::string req = std::string("POST /ok HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: ") + coding +
                      "\r\n\r\n" + smuggled;
    std::string res = Exchange(server.port(), req);
    EXPECT_TRUE(res.starts_with("HTTP/1.1 400 ") || res.starts_with("HTTP/1.1 501 "))
        << coding << "\n" << res;
    EXPECT_EQ(CountResponses(res), 1) << coding << "\n" << res;
    EXPECT_EQ(res.find("fine"), std::string::npos) << coding;
    EXPECT_NE(Head(res).find("Connection: close"), std::string::npos) << coding << "\n" << res;
  }
  // Both framings at once.
  for (const char* te : {"chunked", "gzip"}) {
    std::string req = std::string("POST /ok HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n") +
                      "Transfer-Encoding: " + te + "\r\n\r\n0\r\n\r\n" + smuggled;
    std::string res = Exchange(server.port(), req);
    EXPECT_TRUE(res.starts_with("HTTP/1.1 400 ")) << te << "\n" << res;
    EXPECT_EQ(CountResponses(res), 1) << te << "\n" << res;
    EXPECT_EQ(res.find("fine"), std::string::npos) << te;
  }
  // Chunked alone is the framing HTTP/1.1 requires servers to read.
  std::string chunked = Exchange(server.port(),
                                 "POST /ok HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                                 "Connection: close\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
  EXPECT_TRUE(chunked.starts_with("HTTP/1.1 200 ")) << chunked;
  EXPECT_NE(chunked.find("posted hello"), std::string::npos) << chunked;
}

// One address cannot hold every connection: past its limit a connection is refused, while
// another address is still served.
TEST(Server, LimitsConnectionsPerAddress) {
  ServerLimits limits;
  limits.max_connections_per_address = 4;
  TestServer server(limits, InjectingRoutes);
  std::vector<int> idle;
  for (int i = 0; i < 4; ++i) {
    idle.push_back(Connect(server.port()));
    ASSERT_GE(idle.back(), 0);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // all four accepted
  // The fifth from 127.0.0.1 is answered 503 and closed without being read.
  std::string refused = Exchange(server.port(), "GET /ok HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_TRUE(refused.starts_with("HTTP/1.1 503 ")) << refused;
  EXPECT_NE(refused.find("at most 4 open at once from one address"), std::string::npos) << refused;
  EXPECT_EQ(refused.find("fine"), std::string::npos);
  // Another address is served.
  int other = Connect(server.port(), "127.0.0.2");
  ASSERT_GE(other, 0);
  const std::string get = "GET /ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  send(other, get.data(), get.size(), MSG_NOSIGNAL);
  std::string answer;
  char buf[4096];
  for (ssize_t n; (n = recv(other, buf, sizeof buf, 0)) > 0;) answer.append(buf, n);
  close(other);
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 200 ")) << answer;
  // A closed connection gives its place back.
  close(idle.back());
  idle.pop_back();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  std::string again = Exchange(server.port(), get);
  EXPECT_TRUE(again.starts_with("HTTP/1.1 200 ")) << again;
  for (int fd : idle) close(fd);
}

// The niceness of the thread that runs a handler.
int ThreadNice() {
  return getpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)));
}

// With write_workers_nice, every thread running writes is that much nicer than the readers'.
TEST(Server, RunsWritesOnNicerThreadsWhenAsked) {
  int base = ThreadNice();
  if (base > 16) GTEST_SKIP() << "the test runs at niceness " << base << ": no room to add 3";
  ServerLimits limits;
  limits.write_workers = 3;
  limits.write_workers_nice = 3;
  TestServer server(limits, [](Router& r) {
    r.Add("GET", "/nice", [](Request&) { return Text(std::to_string(ThreadNice())); });
    r.Add("POST", "/nice", [](Request&) { return Text(std::to_string(ThreadNice())); });
  });
  auto body = [](const std::string& res) { return res.substr(res.find("\r\n\r\n") + 4); };
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(body(Exchange(server.port(), "POST /nice HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n"
                                           "Connection: close\r\n\r\n")),
              std::to_string(base + 3));
    EXPECT_EQ(body(Exchange(server.port(), "GET /nice HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")),
              std::to_string(base));
  }
}

// Near the global limit, a connection that sends nothing is dropped after the short busy
// timeout instead of the read timeout.
TEST(Server, CutsIdleWaitsShortNearTheConnectionLimit) {
  ServerLimits limits;
  limits.max_connections = 5;
  limits.read_timeout_seconds = 30;
  limits.idle_timeout_seconds = 30;
  limits.busy_idle_timeout_seconds = 1;
  TestServer server(limits, InjectingRoutes);
  std::vector<int> idle;
  for (int i = 0; i < 4; ++i) {  // 4 of 5: at 80 %
    idle.push_back(Connect(server.port()));
    ASSERT_GE(idle.back(), 0);
  }
  auto start = std::chrono::steady_clock::now();
  char c;
  ssize_t n = recv(idle.back(), &c, 1, 0);  // the server closes it: 0 (EOF), or -1 on reset
  auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_LE(n, 0);
  EXPECT_LT(waited, std::chrono::seconds(4));  // the socket's own receive timeout is 5 s
  for (int fd : idle) close(fd);
}

// Sends `request` from `source` and returns everything received until the server closes.
std::string ExchangeFrom(unsigned short port, const char* source, const std::string& request) {
  int fd = Connect(port, source);
  if (fd < 0) return "connect failed";
  send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  std::string out;
  char buf[4096];
  for (ssize_t n; (n = recv(fd, buf, sizeof buf, 0)) > 0;) out.append(buf, static_cast<size_t>(n));
  close(fd);
  return out;
}

std::string Body(const std::string& response) {
  auto at = response.find("\r\n\r\n");
  return at == std::string::npos ? "" : response.substr(at + 4);
}

// X-Forwarded-For names the client only on a connection from a trusted proxy; every header
// line counts, in order.
TEST(Server, TakesTheClientFromXForwardedForOnlyFromATrustedProxy) {
  ServerLimits limits;
  limits.trusted_proxies = *TrustedProxies::Parse({"127.0.0.2"});
  TestServer server(limits, [](Router& r) {
    r.Add("GET", "/who", [](Request& req) { return Text(req.remote_ip); });
  });
  auto get = [](const std::string& headers) {
    return "GET /who HTTP/1.1\r\nHost: x\r\n" + headers + "Connection: close\r\n\r\n";
  };
  const std::string spoof = "X-Forwarded-For: 1.2.3.4, 203.0.113.7\r\n";
  EXPECT_EQ(Body(ExchangeFrom(server.port(), "127.0.0.1", get(spoof))), "127.0.0.1");
  EXPECT_EQ(Body(ExchangeFrom(server.port(), "127.0.0.3", get(spoof))), "127.0.0.3");
  EXPECT_EQ(Body(ExchangeFrom(server.port(), "127.0.0.2", get(spoof))), "203.0.113.7");
  EXPECT_EQ(Body(ExchangeFrom(server.port(), "127.0.0.2",
                              get("X-Forwarded-For: 1.2.3.4\r\nX-Forwarded-For: 203.0.113.8\r\n"))),
            "203.0.113.8");
  EXPECT_EQ(Body(ExchangeFrom(server.port(), "127.0.0.2", get("X-Forwarded-For: unknown\r\n"))),
            "127.0.0.2");
  EXPECT_EQ(Body(ExchangeFrom(server.port(), "127.0.0.2", get(""))), "127.0.0.2");
}

// A trusted proxy carries many clients over its own connections: the per-address connection
// limit does not apply to it, while it still applies to every other address.
TEST(Server, ExemptsATrustedProxyFromTheConnectionsPerAddressLimit) {
  ServerLimits limits;
  limits.max_connections_per_address = 2;
  limits.trusted_proxies = *TrustedProxies::Parse({"127.0.0.2"});
  TestServer server(limits, InjectingRoutes);
  std::vector<int> idle;
  for (const char* from : {"127.0.0.1", "127.0.0.1", "127.0.0.2", "127.0.0.2", "127.0.0.2"}) {
    idle.push_back(Connect(server.port(), from));
    ASSERT_GE(idle.back(), 0);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const std::string get = "GET /ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  std::string refused = ExchangeFrom(server.port(), "127.0.0.1", get);
  EXPECT_TRUE(refused.starts_with("HTTP/1.1 503 ")) << refused;
  std::string served = ExchangeFrom(server.port(), "127.0.0.2", get);
  EXPECT_TRUE(served.starts_with("HTTP/1.1 200 ")) << served;
  for (int fd : idle) close(fd);
}

// A page's form post over the body limit reaches its handler with what fit, marked cut, so that
// the page can answer with its form; the API's, a JSON body and one too far over are refused
// (413) before any handler.
TEST(Server, KeepsWhatFitsOfAPageFormOverTheLimitAndRefusesTheApiUnread) {
  ServerLimits limits;
  limits.body_bytes = 1000;
  limits.max_discarded_body_bytes = 50000;
  auto echo = [](Request& req) {
    return Text("cut=" + std::to_string(req.body_cut_at) + " size=" +
                std::to_string(req.body.size()) + " starts=" + req.body.substr(0, 6));
  };
  TestServer server(limits, [&](Router& r) {
    r.Add("POST", "/form", echo);
    r.Add("POST", "/api/v1/form", echo);
  });
  // `send_body` false: the header alone, announcing `size` bytes.
  auto post = [&](const std::string& target, const std::string& type, std::size_t size,
                  bool send_body = true) {
    std::string body = send_body ? "a=keep&b=" + std::string(size - 9, 'x') : "";
    return Exchange(server.port(), "POST " + target + " HTTP/1.1\r\nHost: x\r\nContent-Type: " +
                                       type + "\r\nContent-Length: " + std::to_string(size) +
                                       "\r\nConnection: close\r\n\r\n" + body);
  };
  const std::string form = "application/x-www-form-urlencoded";
  // Within the limit: whole, not cut.
  std::string res = post("/form", form, 1000);
  EXPECT_TRUE(res.starts_with("HTTP/1.1 200 ")) << res;
  EXPECT_NE(res.find("cut=0 size=1000 starts=a=keep"), std::string::npos) << res;
  // Over it: the first 1000 bytes, the rest read and discarded; the answer still arrives.
  res = post("/form", form, 40000);
  EXPECT_TRUE(res.starts_with("HTTP/1.1 200 ")) << res;
  EXPECT_NE(res.find("cut=1000 size=1000 starts=a=keep"), std::string::npos) << res;
  // The API's body is read to its end too (the client reads the refusal), but refused before
  // any handler; the language prefix does not make the API a page.
  for (const char* api : {"/api/v1/form", "/zh/api/v1/form"}) {
    res = post(api, form, 4000);
    EXPECT_TRUE(res.starts_with("HTTP/1.1 413 ")) << api << "\n" << res;
    EXPECT_EQ(res.find("cut="), std::string::npos) << api;
  }
  // A body that is not a form (JSON) is not a page's form post.
  res = post("/form", "application/json", 4000);
  EXPECT_TRUE(res.starts_with("HTTP/1.1 413 ")) << res;
  // More over the limit than the server reads to discard: refused at once, unread.
  res = post("/form", "multipart/form-data; boundary=b", 60000, false);
  EXPECT_TRUE(res.starts_with("HTTP/1.1 413 ")) << res;
  EXPECT_EQ(res.find("cut="), std::string::npos);
}

}  // namespace
}  // namespace plenary::http
