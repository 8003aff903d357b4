// Versioned links and validators for the embedded static files.
#include "site/static_files.h"

#include <cstdio>
#include <optional>
#include <string_view>

#include "base/assets.h"

namespace plenary::site {

namespace {
constexpr std::string_view kDir = "web/static/";

std::uint64_t Fnv(std::string_view s, std::uint64_t h = 1469598103934665603ull) {
  for (unsigned char ch : s) h = (h ^ ch) * 1099511628211ull;
  return h;
}

std::string Hex(std::uint64_t h) {
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
  return out;
}
}  // namespace

const std::string& AssetVersion() {
  static const std::string kVersion = [] {
    std::uint64_t h = Fnv("");
    for (const auto& [path, data] : assets::All())
      if (path.starts_with(kDir)) h = Fnv(data, Fnv(path, h));
    return Hex(h).substr(0, 12);
  }();
  return kVersion;
}

std::optional<http::Response> StaticFile(const http::Request& req, const std::string& name) {
  auto data = assets::Find(std::string(kDir) + name);
  if (!data) return std::nullopt;
  std::string type = name.ends_with(".css")   ? "text/css; charset=utf-8"
                     : name.ends_with(".js")  ? "text/javascript; charset=utf-8"
                     : name.ends_with(".svg") ? "image/svg+xml"
                                              : "application/octet-stream";
  std::string etag = "\"" + Hex(Fnv(*data)) + "\"";
  bool versioned = req.query.Get("v").value_or("") == AssetVersion();
  http::Response r;
  r.content_type = type;
  r.Header("Cache-Control",
           versioned ? "public, max-age=31536000, immutable" : "public, max-age=3600");
  r.Header("ETag", etag);
  if (req.Header("if-none-match").find(etag) != std::string::npos) {
    r.status = 304;
    return r;
  }
  r.body = std::string(*data);
  return r;
}

}  // namespace plenary::site
