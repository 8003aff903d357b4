// The cache of anonymous pages: kept until a write to a shown table is acknowledged (and not
// after), never for a session, each reader's CSRF token and fresh one-use tokens put back, the
// gzip stream equal to the page, 304 on a current ETag, expiry by the clock.
#include "site/page_cache.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstring>
#include <filesystem>
#include <string>

#include "base/random.h"
#include "base/time.h"
#include "site/site.h"

namespace plenary::site {
namespace {

class PageCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    InitCrypto();
    path_ = (std::filesystem::temp_directory_path() / ("plenary-cache-" + RandomToken(8) + ".db"))
                .string();
    db_ = std::make_unique<storage::Database>(path_);
    db_->SetUnshownTables(UnshownTables());
  }
  void TearDown() override {
    db_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }

  // A page naming the render count, carrying the reader's CSRF token and a one-use token.
  http::Response Render(http::Request& req) {
    ++renders_;
    http::Response r;
    std::string csrf = req.cookies.contains(kCsrfCookie) ? req.cookies.at(kCsrfCookie)
                                                        : RandomToken();
    std::string once = RandomToken(18);
    r.body = "<p>render " + std::to_string(renders_) + "</p><input value=\"" + csrf +
             "\"><input value=\"" + once + "\"><p>" + std::string(3000, 'x') + "</p>";
    r.cache_for_anonymous = cacheable_;
    r.cache_until = until_;
    r.csrf_slot = csrf;
    if (with_fresh_) r.fresh_slots.emplace_back(once, 18);
    else r.body.replace(r.body.find(once), once.size(), "fixed");
    last_once_ = once;
    return r;
  }

  http::Response Get(http::Request req) {
    req.method = "GET";
    if (req.path.empty()) req.path = "/page";
    if (req.raw_target.empty()) req.raw_target = "/en" + req.path;
    req.lang = "en";
    return cache_->Serve(req, [this](http::Request& r) { return Render(r); });
  }

  static std::string HeaderOf(const http::Response& r, const std::string& name) {
    for (const auto& [k, v] : r.headers)
      if (k == name) return v;
    return {};
  }

  std::string path_;
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<PageCache> cache_ = nullptr;
  int renders_ = 0;
  bool cacheable_ = true;
  bool with_fresh_ = true;
  std::int64_t until_ = 0;
  std::string last_once_;
};

http::Request WithCookie(const std::string& csrf) {
  http::Request req;
  req.cookies[kCsrfCookie] = csrf;
  return req;
}

std::string Gunzip(const std::string& in) {
  z_stream z{};
  EXPECT_EQ(inflateInit2(&z, 31), Z_OK);
  std::string out(1 << 20, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = inflate(&z, Z_FINISH);
  EXPECT_EQ(rc, Z_STREAM_END) << "the gzip stream is not whole";
  out.resize(out.size() - z.avail_out);
  inflateEnd(&z);
  return out;
}

TEST_F(PageCacheTest, KeepsAPageUntilAWriteToAShownTableIsAcknowledged) {
  cache_ = std::make_unique<PageCache>(*db_, 1 << 20);
  std::string csrf = RandomToken();
  auto first = Get(WithCookie(csrf));
  auto second = Get(WithCookie(csrf));
  EXPECT_EQ(renders_, 1);
  EXPECT_EQ(HeaderOf(first, "X-Plenary-Cache"), "miss");
  EXPECT_EQ(HeaderOf(second, "X-Plenary-Cache"), "hit");
  EXPECT_NE(second.body.find("render 1"), std::string::npos);
  // A write to a table no page shows (the mail outbox) leaves the page kept.
  auto unshown = db_->Write<bool>([](storage::Connection& c) -> Result<bool> {
    c.Exec("INSERT INTO mail_outbox(recipient, subject, body, created_at, next_attempt_at) "
           "VALUES('a@example.org', 's', 'b', 0, 0)");
    return true;
  });
  ASSERT_TRUE(unshown.ok());
  Get(WithCookie(csrf));
  EXPECT_EQ(renders_, 1);
  // A write to a shown table: the very next request renders again.
  std::uint64_t before = db_->Generation();
  auto shown = db_->Write<bool>([](storage::Connection& c) -> Result<bool> {
    c.Exec("INSERT INTO stakeholder_types(key, label, selectable, position) "
           "VALUES('cache_test', '{}', 1, 99)");
    return true;
  });
  ASSERT_TRUE(shown.ok());
  EXPECT_GT(db_->Generation(), before);
  auto after = Get(WithCookie(csrf));
  EXPECT_EQ(renders_, 2);
  EXPECT_NE(after.body.find("render 2"), std::string::npos);
  // A write that fails changes nothing shown, but may only ever cost a rendering.
  auto failed = db_->Write<bool>([](storage::Connection& c) -> Result<bool> {
    c.Exec("INSERT INTO stakeholder_types(key, label, selectable, position) "
           "VALUES('cache_test_2', '{}', 1, 100)");
    return InvalidArgument("x", "refused");
  });
  EXPECT_FALSE(failed.ok());
  Get(WithCookie(csrf));
  EXPECT_LE(renders_, 3);
}

TEST_F(PageCacheTest, PutsBackEachReadersTokensAndNeverServesASession) {
  cache_ = std::make_unique<PageCache>(*db_, 1 << 20);
  std::string mine = RandomToken(), theirs = RandomToken();
  auto a = Get(WithCookie(mine));
  std::string once_a = last_once_;
  auto b = Get(WithCookie(theirs));
  EXPECT_EQ(renders_, 1);
  EXPECT_NE(a.body.find(mine), std::string::npos);
  EXPECT_EQ(b.body.find(mine), std::string::npos) << "one reader's CSRF token served to another";
  EXPECT_NE(b.body.find(theirs), std::string::npos);
  EXPECT_EQ(b.body.find(once_a), std::string::npos) << "a one-use token served twice";
  EXPECT_EQ(a.body.find(once_a), std::string::npos) << "the miss must be answered like a hit";
  EXPECT_EQ(a.body.size(), b.body.size());
  // A reader without the CSRF cookie gets a new token and the cookie holding it.
  auto fresh = Get(http::Request{});
  std::string cookie = HeaderOf(fresh, "Set-Cookie");
  ASSERT_TRUE(cookie.starts_with(std::string(kCsrfCookie) + "=")) << cookie;
  std::string token = cookie.substr(std::strlen(kCsrfCookie) + 1, cookie.find(';') - std::strlen(kCsrfCookie) - 1);
  EXPECT_NE(fresh.body.find(token), std::string::npos);
  // A session: rendered every time, and its page is not kept for the others.
  http::Request signed_in = WithCookie(mine);
  signed_in.cookies[accounts::kSessionCookie] = "s";
  Get(signed_in);
  Get(signed_in);
  EXPECT_EQ(renders_, 3);
  // Writes are never served from the cache.
  http::Request post = WithCookie(mine);
  post.method = "POST";
  post.path = "/page";
  post.raw_target = "/en/page";
  post.lang = "en";
  cache_->Serve(post, [this](http::Request& r) { return Render(r); });
  EXPECT_EQ(renders_, 4);
}

TEST_F(PageCacheTest, GzipIsThePageAndETagAnswers304) {
  cache_ = std::make_unique<PageCache>(*db_, 1 << 20);
  with_fresh_ = false;
  std::string csrf = RandomToken();
  auto plain = Get(WithCookie(csrf));
  http::Request gz = WithCookie(csrf);
  gz.headers["accept-encoding"] = "gzip, deflate, br";
  auto zipped = Get(gz);
  EXPECT_EQ(HeaderOf(zipped, "Content-Encoding"), "gzip");
  EXPECT_LT(zipped.body.size(), plain.body.size() / 4);
  EXPECT_EQ(Gunzip(zipped.body), plain.body);
  http::Request refused = WithCookie(csrf);
  refused.headers["accept-encoding"] = "gzip;q=0";
  EXPECT_EQ(Get(refused).body, plain.body);
  // The same reader's copy is current: 304 without a body.
  std::string etag = HeaderOf(plain, "ETag");
  ASSERT_FALSE(etag.empty());
  http::Request again = WithCookie(csrf);
  again.headers["if-none-match"] = etag;
  auto not_modified = Get(again);
  EXPECT_EQ(not_modified.status, 304);
  EXPECT_TRUE(not_modified.body.empty());
  // Another reader's copy holds another token: not theirs.
  http::Request other = WithCookie(RandomToken());
  other.headers["if-none-match"] = etag;
  EXPECT_EQ(Get(other).status, 200);
  // After a change, the old copy is not current.
  ASSERT_TRUE(db_->Write<bool>([](storage::Connection& c) -> Result<bool> {
    c.Exec("INSERT INTO stakeholder_types(key, label, selectable, position) "
           "VALUES('etag_test', '{}', 1, 99)");
    return true;
  }).ok());
  EXPECT_EQ(Get(again).status, 200);
  // A page with a one-use token has no validator: the browser's copy must not be reused.
  with_fresh_ = true;
  http::Request other_path = WithCookie(csrf);
  other_path.path = "/other";
  other_path.raw_target = "/en/other";
  EXPECT_TRUE(HeaderOf(Get(other_path), "ETag").empty());
}

TEST_F(PageCacheTest, ExpiresAtItsInstantAndKeepsOnlyMarkedPages) {
  cache_ = std::make_unique<PageCache>(*db_, 1 << 20);
  until_ = Now() - 1;  // already past: rendered every time
  Get(WithCookie(RandomToken()));
  Get(WithCookie(RandomToken()));
  EXPECT_EQ(renders_, 2);
  until_ = Now() + 3600;
  Get(WithCookie(RandomToken()));
  Get(WithCookie(RandomToken()));
  EXPECT_EQ(renders_, 3);
  cacheable_ = false;
  http::Request other;
  other.path = "/unmarked";
  Get(other);
  Get(other);
  EXPECT_EQ(renders_, 5);
  // Off (0 bytes): everything rendered.
  cache_ = std::make_unique<PageCache>(*db_, 0);
  cacheable_ = true;
  until_ = 0;
  Get(WithCookie(RandomToken()));
  Get(WithCookie(RandomToken()));
  EXPECT_EQ(renders_, 7);
}

}  // namespace
}  // namespace plenary::site
