// Tests of trusted proxies and of the client's address taken from X-Forwarded-For.
#include "http/client_address.h"

#include <gtest/gtest.h>

namespace plenary::http {
namespace {

boost::asio::ip::address A(const std::string& s) { return boost::asio::ip::make_address(s); }

TrustedProxies Trust(const std::vector<std::string>& specs) {
  auto t = TrustedProxies::Parse(specs);
  EXPECT_TRUE(t.ok()) << (t.ok() ? "" : t.error().message);
  return t.ok() ? *t : TrustedProxies{};
}

TEST(TrustedProxies, MatchesAddressesAndNetworks) {
  auto t = Trust({"10.0.0.5", "192.168.16.0/20", "2001:db8:1::/48", "::1"});
  EXPECT_TRUE(t.Contains(A("10.0.0.5")));
  EXPECT_FALSE(t.Contains(A("10.0.0.6")));
  EXPECT_TRUE(t.Contains(A("192.168.16.0")));
  EXPECT_TRUE(t.Contains(A("192.168.31.255")));
  EXPECT_FALSE(t.Contains(A("192.168.32.0")));
  EXPECT_FALSE(t.Contains(A("192.168.15.255")));
  EXPECT_TRUE(t.Contains(A("2001:db8:1:ffff::7")));
  EXPECT_FALSE(t.Contains(A("2001:db8:2::7")));
  EXPECT_TRUE(t.Contains(A("::1")));
  // A dual-stack socket's IPv4 peer is its IPv4 address.
  EXPECT_TRUE(t.Contains(A("::ffff:10.0.0.5")));
  EXPECT_FALSE(t.Contains(A("::ffff:10.0.0.6")));
  // An IPv4 network never matches IPv6 addresses, and /0 trusts its whole family only.
  auto all4 = Trust({"0.0.0.0/0"});
  EXPECT_TRUE(all4.Contains(A("203.0.113.9")));
  EXPECT_FALSE(all4.Contains(A("2001:db8::1")));
  EXPECT_TRUE(TrustedProxies{}.empty());
  EXPECT_FALSE(TrustedProxies{}.Contains(A("127.0.0.1")));
}

TEST(TrustedProxies, RefusesWhatIsNotAnAddressOrNetwork) {
  for (const char* bad : {"", "nginx.local", "10.0.0.300", "10.0.0.1:80", "10.0.0.0/33",
                          "10.0.0.0/", "10.0.0.0/x", "10.0.0.0/-1", "10.0.0.1/8", "::1/129",
                          "2001:db8::1/64", "[::1]", "fe80::1%eth0", " 10.0.0.1"}) {
    auto t = TrustedProxies::Parse({"127.0.0.1", bad});
    ASSERT_FALSE(t.ok()) << bad;
    EXPECT_EQ(t.error().code, Code::kInvalidArgument) << bad;
    EXPECT_EQ(t.error().field, "--trusted-proxy") << bad;
    EXPECT_NE(t.error().message.find(std::string("\"") + bad + "\""), std::string::npos)
        << t.error().message;
  }
  auto host_bits = TrustedProxies::Parse({"10.0.0.1/8"});
  ASSERT_FALSE(host_bits.ok());
  EXPECT_NE(host_bits.error().message.find("bits are set after the first 8"), std::string::npos)
      << host_bits.error().message;
}

TEST(ClientAddress, AnUntrustedPeerIsTheClientWhateverItSends) {
  auto t = Trust({"10.0.0.5"});
  EXPECT_EQ(ClientAddress(A("198.51.100.4"), "", t), "198.51.100.4");
  EXPECT_EQ(ClientAddress(A("198.51.100.4"), "203.0.113.7", t), "198.51.100.4");
  EXPECT_EQ(ClientAddress(A("198.51.100.4"), "203.0.113.7, 10.0.0.5", t), "198.51.100.4");
  EXPECT_EQ(ClientAddress(A("::ffff:198.51.100.4"), "203.0.113.7", t), "198.51.100.4");
  // Without any trusted proxy the header is never read.
  EXPECT_EQ(ClientAddress(A("10.0.0.5"), "203.0.113.7", TrustedProxies{}), "10.0.0.5");
}

TEST(ClientAddress, BehindTrustedProxiesTheRightmostUntrustedEntryIsTheClient) {
  auto t = Trust({"10.0.0.5", "10.1.0.0/16"});
  EXPECT_EQ(ClientAddress(A("10.0.0.5"), "203.0.113.7", t), "203.0.113.7");
  // What the client wrote itself stands to the left of what the proxy appended.
  EXPECT_EQ(ClientAddress(A("10.0.0.5"), "1.2.3.4, 203.0.113.7", t), "203.0.113.7");
  // Two trusted hops: the inner proxy's own address is skipped.
  EXPECT_EQ(ClientAddress(A("10.0.0.5"), "1.2.3.4,203.0.113.7 , 10.1.2.3", t), "203.0.113.7");
  // A spoofed trusted address to the left of the client is not reached.
  EXPECT_EQ(ClientAddress(A("10.0.0.5"), "10.1.9.9, 203.0.113.7", t), "203.0.113.7");
  EXPECT_EQ(ClientAddress(A("10.0.0.5"), "2001:DB8::0:7", t), "2001:db8::7");
  EXPECT_EQ(ClientAddress(A("10.0.0.5"), "::ffff:203.0.113.7", t), "203.0.113.7");
  // Several header lines, joined in order by the server.
  EXPECT_EQ(ClientAddress(A("10.0.0.5"), "1.2.3.4, 203.0.113.8, 10.1.0.1", t), "203.0.113.8");
  // No header: the proxy's own request (a health check).
  EXPECT_EQ(ClientAddress(A("10.0.0.5"), "", t), "10.0.0.5");
  // Every entry trusted: the farthest hop is the client.
  EXPECT_EQ(ClientAddress(A("10.0.0.5"), "10.1.0.2, 10.1.0.3", t), "10.1.0.2");
}

// A malformed entry never becomes the client: the nearest trusted hop reached so far is, so a
// sender cannot draw a fresh rate-limit key per request by varying garbage.
TEST(ClientAddress, AMalformedEntryStopsAtTheNearestTrustedHop) {
  auto t = Trust({"10.0.0.5", "10.1.0.0/16"});
  for (const char* bad : {"unknown", "203.0.113.7:4711", "[2001:db8::7]", "fe80::1%eth0",
                          "_hidden", "", " ", "203.0.113.7,", "1.2.3.4, ,", "203.0.113.7 x",
                          "999.1.1.1", "203.0.113.7\t\t;"}) {
    EXPECT_EQ(ClientAddress(A("10.0.0.5"), bad, t), "10.0.0.5") << '"' << bad << '"';
  }
  // Malformed beyond a trusted inner hop: that hop is the client.
  EXPECT_EQ(ClientAddress(A("10.0.0.5"), "garbage, 10.1.2.3", t), "10.1.2.3");
  // Malformed to the left of the client is never read.
  EXPECT_EQ(ClientAddress(A("10.0.0.5"), "garbage, 203.0.113.7", t), "203.0.113.7");
  std::string huge(16000, '1');
  EXPECT_EQ(ClientAddress(A("10.0.0.5"), huge, t), "10.0.0.5");
}

}  // namespace
}  // namespace plenary::http
