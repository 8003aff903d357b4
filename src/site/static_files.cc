// Versioned links and validators for the embedded static files, gzip-compressed once.
#include "site/static_files.h"

#include <zlib.h>

#include <cstdio>
#include <map>
#include <optional>
#include <string_view>

#include "base/assets.h"
#include "site/page_cache.h"

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
// The gzip form of each text file (CSS, JavaScript, SVG), made once at the first request:
// the files are embedded, so it never changes while the server runs.
const std::map<std::string, std::string, std::less<>>& Compressed() {
  static const auto kCompressed = [] {
    std::map<std::string, std::string, std::less<>> out;
    for (const auto& [path, data] : assets::All()) {
      if (!path.starts_with(kDir)) continue;
      z_stream z{};
      // 15 + 16: a gzip header and trailer around the deflate stream.
      if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        continue;
      std::string gz(deflateBound(&z, data.size()) + 32, '\0');
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
      z.avail_in = static_cast<uInt>(data.size());
      z.next_out = reinterpret_cast<Bytef*>(gz.data());
      z.avail_out = static_cast<uInt>(gz.size());
      int rc = deflate(&z, Z_FINISH);
      gz.resize(z.total_out);
      deflateEnd(&z);
      // Kept only when it saves bytes (a tiny icon may not gain).
      if (rc == Z_STREAM_END && gz.size() < data.size())
        out.emplace(std::string(path.substr(kDir.size())), std::move(gz));
    }
    return out;
  }();
  return kCompressed;
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
  // Each encoding its own validator; either one still current answers 304.
  const std::string hex = Hex(Fnv(*data));
  const std::string plain_tag = "\"" + hex + "\"", gzip_tag = "\"" + hex + "-gzip\"";
  auto gz = Compressed().find(name);
  const bool gzip = gz != Compressed().end() && AcceptsGzip(req);
  bool versioned = req.query.Get("v").value_or("") == AssetVersion();
  http::Response r;
  r.content_type = type;
  r.Header("Cache-Control",
           versioned ? "public, max-age=31536000, immutable" : "public, max-age=3600");
  r.Header("ETag", gzip ? gzip_tag : plain_tag);
  if (gz != Compressed().end()) r.Header("Vary", "Accept-Encoding");
  const std::string inm = req.Header("if-none-match");
  if (inm.find(plain_tag) != std::string::npos || inm.find(gzip_tag) != std::string::npos) {
    r.status = 304;
    return r;
  }
  if (gzip) {
    r.Header("Content-Encoding", "gzip");
    r.body = gz->second;
  } else {
    r.body = std::string(*data);
  }
  return r;
}

}  // namespace plenary::site
