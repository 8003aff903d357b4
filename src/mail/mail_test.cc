// Unit tests of mail: message formatting (dot-stuffing, RFC 2047 headers, MIME body), backoff,
// the outbox written in the caller's transaction, and an SMTP conversation with a scripted
// server on loopback (reply codes checked, failures recorded and retried).
#include "mail/mail.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <boost/asio.hpp>
#include <filesystem>
#include <thread>

#include "base/random.h"

namespace plenary::mail {
namespace {

std::string Unbase64(std::string_view b64) {
  std::string out(b64.size(), '\0');
  size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), b64.data(),
                        b64.size(), "\r\n", &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    return "<bad base64>";
  out.resize(len);
  return out;
}

// Decodes a header made of encoded-words (as EncodeHeader writes them).
std::string DecodeHeader(const std::string& h) {
  std::string out;
  size_t i = 0;
  while ((i = h.find("=?UTF-8?B?", i)) != std::string::npos) {
    size_t end = h.find("?=", i + 10);
    out += Unbase64(h.substr(i + 10, end - i - 10));
    i = end + 2;
  }
  return out;
}

TEST(DotStuff, DoublesLeadingDotsAndUsesCrlf) {
  EXPECT_EQ(DotStuff("a\n.b\n..c\nd.e\n."), "a\r\n..b\r\n...c\r\nd.e\r\n..");
  EXPECT_EQ(DotStuff(".first"), "..first");
  EXPECT_EQ(DotStuff("x\r\n.y\r\n"), "x\r\n..y\r\n");
  EXPECT_EQ(DotStuff("lone\rcr"), "lone\r\ncr");
  // A line of a single dot would end DATA early: it must be stuffed.
  EXPECT_EQ(DotStuff("before\r\n.\r\nafter"), "before\r\n..\r\nafter");
}

TEST(EncodeHeader, AsciiUnchanged) {
  EXPECT_EQ(EncodeHeader("Activate your Plenary account"), "Activate your Plenary account");
}

TEST(EncodeHeader, Utf8AsEncodedWords) {
  std::string subject = "请确认您对“互联网对环境的影响和益处”的答复";
  std::string h = EncodeHeader(subject);
  EXPECT_TRUE(h.starts_with("=?UTF-8?B?"));
  EXPECT_EQ(DecodeHeader(h), subject);
  // Every encoded-word at most 75 characters; folded lines start with a space.
  size_t start = 0;
  while (start < h.size()) {
    size_t end = h.find("\r\n", start);
    std::string line = h.substr(start, end == std::string::npos ? std::string::npos : end - start);
    std::string word = line.starts_with(" ") ? line.substr(1) : line;
    EXPECT_LE(word.size(), 75u) << word;
    EXPECT_TRUE(word.starts_with("=?UTF-8?B?") && word.ends_with("?=")) << word;
    if (end == std::string::npos) break;
    start = end + 2;
    EXPECT_EQ(h[start], ' ');
  }
  // Each word decodes on its own to whole characters (no sequence split between words).
  start = 0;
  while ((start = h.find("=?UTF-8?B?", start)) != std::string::npos) {
    size_t end = h.find("?=", start + 10);
    std::string part = Unbase64(h.substr(start + 10, end - start - 10));
    EXPECT_TRUE(part.empty() || (static_cast<unsigned char>(part[0]) & 0xc0) != 0x80);
    start = end + 2;
  }
}

TEST(EncodeHeader, EncodesWhatLooksLikeAnEncodedWordOrControls) {
  EXPECT_TRUE(EncodeHeader("=?UTF-8?B?xyz?=").starts_with("=?UTF-8?B?"));
  EXPECT_EQ(DecodeHeader(EncodeHeader("a\tb")), "a\tb");
  std::string arabic = "أكّد ردك على «الأثر البيئي للإنترنت وفوائده»";
  EXPECT_EQ(DecodeHeader(EncodeHeader(arabic)), arabic);
}

TEST(Format, HeadersAndEightBitBody) {
  Message m{"plenary@example.int",
            "ana@example.org",
            "Confirmez votre réponse",
            "Ligne 1\n.ligne 2\n",
            "abc@example.int",
            1767225600,
            true};
  std::string f = Format(m);
  EXPECT_NE(f.find("From: plenary@example.int\r\n"), std::string::npos);
  EXPECT_NE(f.find("To: ana@example.org\r\n"), std::string::npos);
  EXPECT_NE(f.find("Subject: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(f.find("Date: Thu, 01 Jan 2026 00:00:00 +0000\r\n"), std::string::npos);
  EXPECT_NE(f.find("Message-ID: <abc@example.int>\r\n"), std::string::npos);
  EXPECT_NE(f.find("MIME-Version: 1.0\r\n"), std::string::npos);
  EXPECT_NE(f.find("Content-Type: text/plain; charset=UTF-8\r\n"), std::string::npos);
  EXPECT_NE(f.find("Content-Transfer-Encoding: 8bit\r\n\r\nLigne 1\r\n.ligne 2\r\n"),
            std::string::npos);
  // Dot-stuffing is applied to the whole message when it is sent.
  EXPECT_NE(DotStuff(f).find("\r\n..ligne 2\r\n"), std::string::npos);
}

TEST(Format, Base64Body) {
  Message m{"a@example.int", "b@example.org", "S", "Réponse reçue.\n", "id@x", 0, false};
  std::string f = Format(m);
  auto at = f.find("Content-Transfer-Encoding: base64\r\n\r\n");
  ASSERT_NE(at, std::string::npos);
  std::string body = f.substr(at + std::string("Content-Transfer-Encoding: base64\r\n\r\n").size());
  EXPECT_EQ(Unbase64(body), "Réponse reçue.\n");
  std::string long_text(500, 'x');
  for (const auto& line : {Base64Lines(long_text)}) {
    size_t i = 0;
    while (i < line.size()) {
      size_t j = line.find("\r\n", i);
      EXPECT_LE(j - i, 76u);
      i = j + 2;
    }
  }
}

TEST(Backoff, DoublesUpToTheCap) {
  SenderOptions o;
  o.retry_base_seconds = 60;
  o.retry_max_seconds = 600;
  EXPECT_EQ(Backoff(o, 1), 60);
  EXPECT_EQ(Backoff(o, 2), 120);
  EXPECT_EQ(Backoff(o, 3), 240);
  EXPECT_EQ(Backoff(o, 4), 480);
  EXPECT_EQ(Backoff(o, 5), 600);
  EXPECT_EQ(Backoff(o, 50), 600);
}

// A scripted SMTP server on loopback: answers each command with the next reply of `replies`
// and records what the client sent. Join() waits for the conversation to end.
class FakeSmtp {
 public:
  explicit FakeSmtp(std::vector<std::string> replies) : replies_(std::move(replies)) {
    acceptor_.open(boost::asio::ip::tcp::v4());
    acceptor_.bind({boost::asio::ip::make_address("127.0.0.1"), 0});
    acceptor_.listen();
    port_ = acceptor_.local_endpoint().port();
    thread_ = std::thread([this] { Serve(); });
  }
  ~FakeSmtp() { Join(); }
  unsigned short port() const { return port_; }
  const std::string& Join() {
    if (thread_.joinable()) thread_.join();
    return received_;
  }

 private:
  void Serve() {
    boost::asio::ip::tcp::socket s(io_);
    acceptor_.accept(s);
    boost::asio::streambuf buf;
    boost::system::error_code ec;
    size_t next = 0;
    auto reply = [&] {
      if (next < replies_.size()) boost::asio::write(s, boost::asio::buffer(replies_[next++]), ec);
    };
    reply();  // greeting
    bool in_data = false;
    while (!ec && next < replies_.size()) {
      size_t n = boost::asio::read_until(s, buf, in_data ? "\r\n.\r\n" : "\r\n", ec);
      if (ec) break;
      std::string chunk(boost::asio::buffers_begin(buf.data()),
                        boost::asio::buffers_begin(buf.data()) + n);
      buf.consume(n);
      received_ += chunk;
      bool data_command = !in_data && chunk == "DATA\r\n";
      in_data = data_command && replies_[next].starts_with("354");
      reply();
    }
  }
  std::vector<std::string> replies_;
  boost::asio::io_context io_;
  boost::asio::ip::tcp::acceptor acceptor_{io_};
  unsigned short port_ = 0;
  std::thread thread_;
  std::string received_;
};

const std::vector<std::string> kGoodServer = {
    "220 fake ESMTP\r\n", "250-fake\r\n250-8BITMIME\r\n250 SIZE 100000\r\n",
    "250 ok\r\n",         "250 ok\r\n",
    "354 go ahead\r\n",   "250 queued\r\n",
    "221 bye\r\n"};

TEST(SendSmtp, WholeConversation) {
  InitCrypto();
  FakeSmtp server(kGoodServer);
  SmtpConfig config{"127.0.0.1", server.port(), "plenary@example.int", "plenary.test", 5};
  Status s = SendSmtp(config, "ana@example.org", "Réponse", "Bonjour\n.\nfin\n");
  ASSERT_TRUE(s.ok()) << s.error().message;
  const std::string& got = server.Join();
  EXPECT_NE(got.find("EHLO plenary.test\r\n"), std::string::npos);
  EXPECT_NE(got.find("MAIL FROM:<plenary@example.int> BODY=8BITMIME\r\n"), std::string::npos);
  EXPECT_NE(got.find("RCPT TO:<ana@example.org>\r\n"), std::string::npos);
  EXPECT_NE(got.find("DATA\r\n"), std::string::npos);
  EXPECT_NE(got.find("Subject: =?UTF-8?B?"), std::string::npos);
  // The lone "." line of the body is stuffed, so DATA ends only at the real terminator.
  EXPECT_NE(got.find("\r\n\r\nBonjour\r\n..\r\nfin\r\n.\r\n"), std::string::npos) << got;
  EXPECT_NE(got.find("QUIT\r\n"), std::string::npos);
}

TEST(SendSmtp, RefusedRecipientIsAnErrorWithTheReply) {
  InitCrypto();
  FakeSmtp server({"220 fake\r\n", "250 fake\r\n", "250 ok\r\n", "550 5.1.1 no such user\r\n"});
  SmtpConfig config{"127.0.0.1", server.port(), "plenary@example.int", "plenary.test", 5};
  Status s = SendSmtp(config, "nobody@example.org", "S", "B");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("550 5.1.1 no such user"), std::string::npos)
      << s.error().message;
  EXPECT_NE(s.error().message.find("RCPT"), std::string::npos) << s.error().message;
}

TEST(SendSmtp, NoServerIsAnError) {
  InitCrypto();
  unsigned short port;
  {
    FakeSmtp probe({});  // reserve a port, then close it
    port = probe.port();
    boost::asio::io_context io;
    boost::asio::ip::tcp::socket s(io);
    s.connect({boost::asio::ip::make_address("127.0.0.1"), port});
  }
  SmtpConfig config{"127.0.0.1", port, "plenary@example.int", "plenary.test", 2};
  Status s = SendSmtp(config, "ana@example.org", "S", "B");
  EXPECT_FALSE(s.ok());
}

TEST(SendSmtp, HeaderInjectionInTheRecipientIsRefused) {
  SmtpConfig config{"127.0.0.1", 1, "plenary@example.int", "plenary.test", 1};
  EXPECT_FALSE(SendSmtp(config, "a@example.org>\r\nRCPT TO:<b@example.org", "S", "B").ok());
}

class OutboxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    InitCrypto();
    path_ = std::filesystem::temp_directory_path() / ("plenary-mail-" + RandomToken(8) + ".db");
    db_ = std::make_unique<storage::Database>(path_.string());
  }
  void TearDown() override {
    db_.reset();
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(path_.string() + suffix);
  }
  std::filesystem::path path_;
  std::unique_ptr<storage::Database> db_;
};

TEST_F(OutboxTest, EnqueuedWithTheWriteOrNotAtAll) {
  auto failed = db_->Write<Ok>([](storage::Connection& c) -> Result<Ok> {
    Enqueue(c, "a@example.org", "S", "B");
    return InvalidArgument("x", "x: the use case fails after queueing");
  });
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(Pending(*db_), 0);
  auto ok = db_->Write<Ok>([](storage::Connection& c) -> Result<Ok> {
    Enqueue(c, "a@example.org", "Subject\r\nBcc: x@example.org", "B");
    return Ok{};
  });
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(Pending(*db_), 1);
  storage::Stmt s(db_->Read(), "SELECT subject FROM mail_outbox");
  ASSERT_TRUE(s.Step());
  EXPECT_EQ(s.Text(0).find('\n'), std::string::npos);
}

TEST_F(OutboxTest, FailureIsRetriedLaterThenSent) {
  ASSERT_TRUE(db_->Write<Ok>([](storage::Connection& c) -> Result<Ok> {
                   Enqueue(c, "a@example.org", "S", "B");
                   return Ok{};
                 })
                  .ok());
  SenderOptions o;
  o.retry_base_seconds = 600;  // far enough that "not due yet" holds on a slow machine
  {
    FakeSmtp server({"421 busy\r\n"});
    o.smtp = SmtpConfig{"127.0.0.1", server.port(), "plenary@example.int", "plenary.test", 5};
    EXPECT_EQ(SendDue(*db_, o), 1);
  }
  {
    storage::Stmt s(db_->Read(),
                    "SELECT attempts, sent_at IS NULL, next_attempt_at > created_at, last_error "
                    "FROM mail_outbox");
    ASSERT_TRUE(s.Step());
    EXPECT_EQ(s.Int(0), 1);
    EXPECT_EQ(s.Int(1), 1);
    EXPECT_EQ(s.Int(2), 1);
    EXPECT_NE(s.Text(3).find("421 busy"), std::string::npos);
  }
  EXPECT_EQ(Pending(*db_), 1);
  EXPECT_EQ(SendDue(*db_, o), 0);  // not due yet
  // Time passes: the retry falls due (set in the row rather than waited for).
  ASSERT_TRUE(db_->Write<Ok>([](storage::Connection& c) -> Result<Ok> {
                   c.Exec("UPDATE mail_outbox SET next_attempt_at = next_attempt_at - 601");
                   return Ok{};
                 })
                  .ok());
  FakeSmtp server(kGoodServer);
  o.smtp.port = server.port();
  EXPECT_EQ(SendDue(*db_, o), 1);
  EXPECT_EQ(Pending(*db_), 0);
  storage::Stmt s(db_->Read(), "SELECT attempts, sent_at IS NOT NULL FROM mail_outbox");
  ASSERT_TRUE(s.Step());
  EXPECT_EQ(s.Int(0), 2);
  EXPECT_EQ(s.Int(1), 1);
}

TEST_F(OutboxTest, DoneMailIsPurgedAfterAWhile) {
  ASSERT_TRUE(db_->Write<Ok>([](storage::Connection& c) -> Result<Ok> {
                   Enqueue(c, "old@example.org", "S", "B");
                   Enqueue(c, "pending@example.org", "S", "B");
                   c.Exec(
                       "UPDATE mail_outbox SET next_attempt_at = NULL, sent_at = 1000 "
                       "WHERE recipient = 'old@example.org'");
                   return Ok{};
                 })
                  .ok());
  EXPECT_EQ(PurgeDone(*db_, 3600), 1);
  EXPECT_EQ(db_->Read().QueryInt("SELECT count(*) FROM mail_outbox"), 1);
  EXPECT_EQ(Pending(*db_), 1);
}

TEST_F(OutboxTest, GivenUpAfterMaxAttempts) {
  ASSERT_TRUE(db_->Write<Ok>([](storage::Connection& c) -> Result<Ok> {
                   Enqueue(c, "a@example.org", "S", "B");
                   return Ok{};
                 })
                  .ok());
  SenderOptions o;
  o.max_attempts = 1;
  FakeSmtp server({"554 go away\r\n"});
  o.smtp = SmtpConfig{"127.0.0.1", server.port(), "plenary@example.int", "plenary.test", 5};
  EXPECT_EQ(SendDue(*db_, o), 1);
  EXPECT_EQ(Pending(*db_), 0);
  storage::Stmt s(db_->Read(), "SELECT sent_at IS NULL, last_error FROM mail_outbox");
  ASSERT_TRUE(s.Step());
  EXPECT_EQ(s.Int(0), 1);
  EXPECT_NE(s.Text(1).find("554"), std::string::npos);
}

}  // namespace
}  // namespace plenary::mail
