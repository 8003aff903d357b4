// The cache of rendered pages for readers without a session: a page whose handler marked it
// (Page::CacheForAnonymous) is rendered once and served from memory, gzip-compressed ahead of
// time, with an ETag, until the database's content generation moves (storage::Database::
// Generation, raised before any write that changed a shown table is acknowledged) or its own
// expiry passes. The reader's CSRF token and the one-use tokens of a rendering are put back per
// request, so nothing of one reader is served to another.
#pragma once
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "http/message.h"
#include "storage/db.h"

namespace plenary::site {

// Whether the request's Accept-Encoding accepts gzip ("gzip;q=0" refuses it).
bool AcceptsGzip(const http::Request& req);

// The tables no page kept by the cache shows: writes to only these leave it valid.
std::vector<std::string> UnshownTables();

class PageCache {
 public:
  // `max_bytes`: the memory the kept pages may take (plain and compressed); beyond it the cache
  // is emptied and fills again. 0 turns the cache off.
  PageCache(storage::Database& db, std::size_t max_bytes);

  // Answers `req` from the cache, or renders it with `render` and keeps it when its handler
  // marked it cacheable (pages, and API answers such as the published responses). Requests
  // with a session cookie and other methods than GET and HEAD always go to `render`. Answers
  // If-None-Match with 304 when the ETag matches.
  http::Response Serve(http::Request& req,
                       const std::function<http::Response(http::Request&)>& render);

  struct Stats {
    std::uint64_t hits = 0, misses = 0;
    std::size_t entries = 0, bytes = 0;
  };
  Stats stats() const;

  struct Entry;  // one rendered page (page_cache.cc)

 private:
  storage::Database& db_;
  std::size_t max_bytes_;
  mutable std::shared_mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<const Entry>> entries_;
  std::size_t bytes_ = 0;
  std::atomic<std::uint64_t> hits_{0}, misses_{0};
};

}  // namespace plenary::site
