// Rendered pages kept per (language, path, query), with their gzip form built ahead of time in
// pieces so that the per-reader tokens can be spliced into the compressed stream.
#include "site/page_cache.h"

#include <zlib.h>

#include <algorithm>
#include <mutex>
#include <string_view>
#include <vector>

#include "accounts/accounts.h"
#include "base/random.h"
#include "base/time.h"
#include "site/site.h"

namespace plenary::site {

std::vector<std::string> UnshownTables() {
  // Queues, sessions, secrets, the audit log and the search index: no cached page shows them,
  // and the indexer and the mail sender write them all the time.
  // Follows, digests and reset links are shown only to their signed-in owner, never cached;
  // campaign groupings only on the secretariat's pages, and the tracker writes them behind
  // every surge of submissions. What refused desk forms kept goes back to their staff only.
  return {"mail_outbox", "confirmation_mails", "search_*", "sessions", "secrets", "audit_log",
          "follows", "digests", "password_resets", "campaign_assignments", "form_refills"};
}

namespace {

// A raw deflate stream of `text` ending byte-aligned (a full flush) and independent of what
// precedes it, so that pieces compressed apart may be joined into one stream.
std::string DeflatePiece(std::string_view text) {
  std::string out;
  if (text.empty()) return out;
  z_stream z{};
  if (deflateInit2(&z, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) return out;
  out.resize(deflateBound(&z, text.size()) + 16);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FULL_FLUSH);
  out.resize(out.size() - z.avail_out);
  deflateEnd(&z);
  return out;
}

// A stored (uncompressed) deflate block holding `text`, which must be under 64 KiB.
void AppendStored(std::string& out, std::string_view text) {
  auto n = static_cast<std::uint16_t>(text.size());
  out += '\0';  // BFINAL 0, BTYPE 00, padded to the byte
  out += static_cast<char>(n & 0xff);
  out += static_cast<char>(n >> 8);
  out += static_cast<char>(~n & 0xff);
  out += static_cast<char>((~n >> 8) & 0xff);
  out += text;
}

void AppendLe32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}

std::uint64_t Fnv(std::string_view s, std::uint64_t h = 1469598103934665603ull) {
  for (unsigned char ch : s) h = (h ^ ch) * 1099511628211ull;
  return h;
}

}  // namespace

bool AcceptsGzip(const http::Request& req) {
  std::string ae = req.Header("accept-encoding");
  std::transform(ae.begin(), ae.end(), ae.begin(), ::tolower);
  size_t at = ae.find("gzip");
  if (at == std::string::npos) return false;
  // "gzip;q=0" refuses it.
  size_t end = ae.find(',', at);
  std::string_view part = std::string_view(ae).substr(at, end == std::string::npos ? end : end - at);
  std::string compact;
  for (char ch : part)
    if (ch != ' ') compact += ch;
  return compact.find(";q=0") == std::string::npos || compact.find(";q=0.") != std::string::npos;
}

struct PageCache::Entry {
  std::uint64_t generation = 0;
  std::int64_t until = 0;
  bool page = false;  // an HTML page (site::Page): it sets the page cookies; API answers none
  int status = 200;
  std::string content_type;
  std::vector<std::pair<std::string, std::string>> headers;  // without Set-Cookie
  // The body: literal pieces with a slot between two of them (pieces = slots + 1).
  enum class Slot { kCsrf, kFresh };
  std::vector<std::string> pieces;
  std::vector<std::pair<Slot, std::size_t>> slots;  // kind, RandomToken bytes for kFresh
  std::vector<std::string> deflated;                // each piece, DeflatePiece
  std::uint64_t hash = 0;                           // of the pieces, for the ETag
  std::size_t bytes = 0;

  static std::shared_ptr<Entry> From(const http::Response& r, std::uint64_t generation) {
    auto e = std::make_shared<Entry>();
    e->generation = generation;
    e->until = r.cache_until;
    e->status = r.status;
    e->content_type = r.content_type;
    e->page = r.content_type.starts_with("text/html");
    for (const auto& h : r.headers) {
      std::string name = h.first;
      std::transform(name.begin(), name.end(), name.begin(), ::tolower);
      if (name != "set-cookie") e->headers.push_back(h);
    }
    // Cut the body at every occurrence of a slot's text, in order.
    std::vector<std::pair<std::string, std::pair<Slot, std::size_t>>> marks;
    if (!r.csrf_slot.empty()) marks.push_back({r.csrf_slot, {Slot::kCsrf, 0}});
    for (const auto& [token, bytes] : r.fresh_slots)
      if (!token.empty()) marks.push_back({token, {Slot::kFresh, bytes}});
    std::string_view body = r.body;
    size_t at = 0;
    std::string piece;
    while (at < body.size()) {
      size_t best = std::string_view::npos;
      const std::pair<std::string, std::pair<Slot, std::size_t>>* which = nullptr;
      for (const auto& m : marks) {
        size_t p = body.find(m.first, at);
        if (p < best) {
          best = p;
          which = &m;
        }
      }
      if (!which) break;
      e->pieces.emplace_back(body.substr(at, best - at));
      e->slots.push_back(which->second);
      at = best + which->first.size();
    }
    e->pieces.emplace_back(body.substr(std::min(at, body.size())));
    for (const auto& p : e->pieces) {
      e->deflated.push_back(DeflatePiece(p));
      e->hash = Fnv(p, e->hash ^ 0x9e3779b97f4a7c15ull);
      e->bytes += p.size() + e->deflated.back().size();
    }
    e->bytes += 256;
    return e;
  }
};

PageCache::PageCache(storage::Database& db, std::size_t max_bytes)
    : db_(db), max_bytes_(max_bytes) {}

PageCache::Stats PageCache::stats() const {
  std::shared_lock lock(mu_);
  return {hits_.load(), misses_.load(), entries_.size(), bytes_};
}

namespace {

// The answer to one reader from a kept page: its own CSRF token (from its cookie, or new with
// the cookie set), fresh one-use tokens, gzip when accepted, 304 when its copy is current.
http::Response Answer(const PageCache::Entry& e, const http::Request& req);

}  // namespace

http::Response PageCache::Serve(http::Request& req,
                                const std::function<http::Response(http::Request&)>& render) {
  if (max_bytes_ == 0 || (req.method != "GET" && req.method != "HEAD") ||
      req.cookies.contains(accounts::kSessionCookie))
    return render(req);
  size_t q = req.raw_target.find('?');
  std::string key = req.lang + " " + req.path +
                    (q == std::string::npos ? std::string() : req.raw_target.substr(q));
  // Read before rendering: a write committed while the page renders leaves it stale-marked.
  std::uint64_t generation = db_.Generation();
  Instant now = Now();
  std::shared_ptr<const Entry> hit;
  {
    std::shared_lock lock(mu_);
    auto it = entries_.find(key);
    if (it != entries_.end() && it->second->generation == generation &&
        (it->second->until == 0 || now < it->second->until))
      hit = it->second;
  }
  if (hit) {
    ++hits_;
    auto r = Answer(*hit, req);
    r.Header("X-Plenary-Cache", "hit");
    return r;
  }
  ++misses_;
  http::Response r = render(req);
  if (!r.cache_for_anonymous || r.status != 200) return r;
  auto entry = Entry::From(r, generation);
  {
    std::unique_lock lock(mu_);
    auto it = entries_.find(key);
    if (it != entries_.end()) bytes_ -= it->second->bytes;
    if (bytes_ + entry->bytes > max_bytes_) {
      entries_.clear();  // full: start again rather than track the use of every page
      bytes_ = 0;
    }
    if (entry->bytes <= max_bytes_) {
      entries_[key] = entry;
      bytes_ += entry->bytes;
    }
  }
  // The reader gets what every later reader will get, so the two paths cannot drift apart.
  auto out = Answer(*entry, req);
  out.Header("X-Plenary-Cache", "miss");
  return out;
}

namespace {

http::Response Answer(const PageCache::Entry& e, const http::Request& req) {
  using Slot = PageCache::Entry::Slot;
  http::Response r;
  r.status = e.status;
  r.content_type = e.content_type;
  r.headers = e.headers;
  std::string csrf;
  bool new_csrf = false;
  if (e.page) {
    auto it = req.cookies.find(kCsrfCookie);
    if (it != req.cookies.end() && UsableCsrfCookie(it->second)) {
      csrf = it->second;
    } else {
      csrf = RandomToken();
      new_csrf = true;
    }
  }
  std::vector<std::string> tokens;
  bool fresh = false;
  for (const auto& [kind, bytes] : e.slots) {
    if (kind == Slot::kCsrf) {
      tokens.push_back(csrf);
    } else {
      tokens.push_back(RandomToken(bytes));
      fresh = true;
    }
  }
  if (e.page) AddPageCookies(req, csrf, new_csrf, r);
  r.Header("Vary", "Accept-Encoding, Cookie");
  // One-use tokens must not come back from the browser's copy: no validator then.
  if (!fresh) {
    std::uint64_t h = e.hash;
    for (const auto& t : tokens) h = Fnv(t, h);
    char etag[24];
    snprintf(etag, sizeof etag, "\"%016llx\"", static_cast<unsigned long long>(h));
    r.Header("ETag", etag);
    std::string inm = req.Header("if-none-match");
    if (!inm.empty() && inm.find(etag) != std::string::npos) {
      r.status = 304;
      return r;
    }
  }
  if (AcceptsGzip(req)) {
    std::string& out = r.body;
    out.assign("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", 10);
    uLong crc = crc32(0L, Z_NULL, 0);
    std::size_t size = 0;
    for (std::size_t i = 0; i < e.pieces.size(); ++i) {
      out += e.deflated[i];
      crc = crc32(crc, reinterpret_cast<const Bytef*>(e.pieces[i].data()),
                  static_cast<uInt>(e.pieces[i].size()));
      size += e.pieces[i].size();
      if (i < tokens.size()) {
        AppendStored(out, tokens[i]);
        crc = crc32(crc, reinterpret_cast<const Bytef*>(tokens[i].data()),
                    static_cast<uInt>(tokens[i].size()));
        size += tokens[i].size();
      }
    }
    out.append("\x03\x00", 2);  // the final, empty block
    AppendLe32(out, static_cast<std::uint32_t>(crc));
    AppendLe32(out, static_cast<std::uint32_t>(size));
    r.Header("Content-Encoding", "gzip");
  } else {
    std::size_t size = 0;
    for (const auto& p : e.pieces) size += p.size();
    for (const auto& t : tokens) size += t.size();
    r.body.reserve(size);
    for (std::size_t i = 0; i < e.pieces.size(); ++i) {
      r.body += e.pieces[i];
      if (i < tokens.size()) r.body += tokens[i];
    }
  }
  return r;
}

}  // namespace

}  // namespace plenary::site
