// The client's address: the one answer to "who sent this request" that every per-address
// limit (rate limits, sign-in throttling, attached bytes, proof-of-work surge) and every stored
// address (a response's `ip_address`, purged after the retention period) uses.
//
// It is the TCP peer's address, unless that peer is a trusted proxy (`plenary serve
// --trusted-proxy ADDR|CIDR`, repeatable): then it is taken from `X-Forwarded-For`, read from
// the right (each proxy appends the address it received the request from), skipping the
// addresses of trusted proxies; the first address not trusted is the client. Entries further
// left were written by the client itself and are never believed. A request from any other peer
// is judged by its peer address alone, whatever headers it carries.
//
// A malformed header from a trusted proxy (an entry that is not a bare IPv4 or IPv6 address:
// a port, a name, "unknown", an empty entry, a scope id) never yields an address chosen by the
// sender: the request is attributed to the nearest trusted hop reached so far (the peer
// itself when the rightmost entry is malformed). All such requests from one proxy thus share
// one rate-limit key instead of getting a fresh one each. A trusted proxy that sends no header
// (its own health check) is the client; when every entry is trusted, the leftmost is.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <boost/asio/ip/address.hpp>

#include "base/result.h"

namespace plenary::http {

class TrustedProxies {
 public:
  // Parses each of "ADDR" or "ADDR/BITS" (IPv4 or IPv6; an IPv4-mapped IPv6 address is its
  // IPv4 address). Refused with kInvalidArgument naming `--trusted-proxy`: not an address,
  // bits not a number in range, host bits set below the prefix (10.0.0.1/8 is a typo for
  // either 10.0.0.1 or 10.0.0.0/8, and guessing could trust the wrong network).
  static Result<TrustedProxies> Parse(const std::vector<std::string>& specs);
  bool Contains(const boost::asio::ip::address& address) const;
  bool empty() const { return networks_.empty(); }

 private:
  struct Network {
    bool v6 = false;
    std::array<std::uint8_t, 16> bytes{};  // IPv4 in the first 4
    int bits = 0;
  };
  std::vector<Network> networks_;
};

// The client's address as text (an IPv4-mapped IPv6 address written as IPv4). `peer` is the
// TCP peer; `forwarded_for` every X-Forwarded-For line of the request joined by ", " in the
// order received ("" when there is none).
std::string ClientAddress(const boost::asio::ip::address& peer, std::string_view forwarded_for,
                          const TrustedProxies& trusted);

// IPv4-mapped IPv6 addresses (a dual-stack socket's IPv4 clients) as IPv4; others unchanged.
boost::asio::ip::address Unmapped(const boost::asio::ip::address& address);

}  // namespace plenary::http
