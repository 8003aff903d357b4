// Trusted proxies and the client's address behind them (X-Forwarded-For, read from the right).
#include "http/client_address.h"

#include <boost/asio/ip/address_v6.hpp>

#include "base/parse.h"

namespace plenary::http {

namespace asio = boost::asio;

namespace {

// A bare IPv4 or IPv6 literal and nothing else (no brackets, port, scope id or spaces).
std::optional<asio::ip::address> ParseBareAddress(std::string_view text) {
  if (text.empty() || text.size() > 45) return std::nullopt;  // INET6_ADDRSTRLEN - 1
  if (text.find_first_not_of("0123456789abcdefABCDEF.:") != std::string_view::npos)
    return std::nullopt;
  boost::system::error_code ec;
  auto a = asio::ip::make_address(std::string(text), ec);
  if (ec) return std::nullopt;
  return Unmapped(a);
}

}  // namespace

asio::ip::address Unmapped(const asio::ip::address& address) {
  if (address.is_v6() && address.to_v6().is_v4_mapped())
    return asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6());
  return address;
}

Result<TrustedProxies> TrustedProxies::Parse(const std::vector<std::string>& specs) {
  TrustedProxies out;
  for (const auto& spec : specs) {
    auto refuse = [&](const std::string& rule) -> Error {
      return InvalidArgument("--trusted-proxy", "--trusted-proxy \"" + spec + "\": " + rule);
    };
    std::string_view text = spec;
    std::string_view bits_text;
    if (auto slash = text.find('/'); slash != std::string_view::npos) {
      bits_text = text.substr(slash + 1);
      text = text.substr(0, slash);
    }
    auto address = ParseBareAddress(text);
    if (!address) return refuse("expected an IPv4 or IPv6 address, optionally /BITS");
    Network n;
    n.v6 = address->is_v6();
    int max_bits = n.v6 ? 128 : 32;
    if (n.v6) {
      n.bytes = address->to_v6().to_bytes();
    } else {
      auto b = address->to_v4().to_bytes();
      std::copy(b.begin(), b.end(), n.bytes.begin());
    }
    n.bits = max_bits;
    if (spec.find('/') != std::string::npos) {
      auto bits = ParseInt(bits_text);
      if (!bits || *bits < 0 || *bits > max_bits)
        return refuse("the prefix length must be a whole number from 0 to " +
                      std::to_string(max_bits));
      n.bits = static_cast<int>(*bits);
      for (int i = n.bits; i < max_bits; ++i)
        if (n.bytes[i / 8] & (0x80 >> (i % 8)))
          return refuse("bits are set after the first " + std::to_string(n.bits) +
                        "; write the network's first address, or the address alone");
    }
    out.networks_.push_back(n);
  }
  return out;
}

bool TrustedProxies::Contains(const asio::ip::address& address) const {
  auto a = Unmapped(address);
  std::array<std::uint8_t, 16> bytes{};
  if (a.is_v6()) {
    bytes = a.to_v6().to_bytes();
  } else {
    auto b = a.to_v4().to_bytes();
    std::copy(b.begin(), b.end(), bytes.begin());
  }
  for (const auto& n : networks_) {
    if (n.v6 != a.is_v6()) continue;
    int whole = n.bits / 8, rest = n.bits % 8;
    if (!std::equal(bytes.begin(), bytes.begin() + whole, n.bytes.begin())) continue;
    if (rest) {
      std::uint8_t mask = static_cast<std::uint8_t>(0xFF << (8 - rest));
      if ((bytes[whole] & mask) != (n.bytes[whole] & mask)) continue;
    }
    return true;
  }
  return false;
}

std::string ClientAddress(const asio::ip::address& peer, std::string_view forwarded_for,
                          const TrustedProxies& trusted) {
  asio::ip::address client = Unmapped(peer);
  if (!trusted.Contains(client)) return client.to_string();
  // From the right: each entry is the address the hop to its right received the request from.
  std::string_view rest = forwarded_for;
  while (!rest.empty()) {
    auto comma = rest.rfind(',');
    std::string_view entry =
        TrimSpacesAndTabs(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
    auto address = ParseBareAddress(entry);
    if (!address) break;  // malformed: stay with the nearest trusted hop
    client = *address;
    if (!trusted.Contains(client)) break;
  }
  return client.to_string();
}

}  // namespace plenary::http
