// The mail outbox, message formatting (RFC 5322, RFC 2047, MIME), a small SMTP client
// (RFC 5321) and the Sender thread.
#include "mail/mail.h"

#include <fmt/format.h>
#include <sodium.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/asio.hpp>
#include <cctype>
#include <chrono>
#include <ctime>
#include <istream>
#include <mutex>

#include "base/random.h"
#include "base/thread_name.h"
#include "base/time.h"
#include "storage/deferred.h"

namespace plenary::mail {

namespace asio = boost::asio;
using asio::ip::tcp;
using storage::Connection;
using storage::Stmt;

namespace {
std::mutex url_mu;
std::string public_url = "http://localhost:8080";

std::string WithoutLineBreaks(std::string s) {
  std::replace(s.begin(), s.end(), '\r', ' ');
  std::replace(s.begin(), s.end(), '\n', ' ');
  return s;
}
}  // namespace

void SetPublicUrl(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  std::lock_guard lock(url_mu);
  public_url = std::move(url);
}

std::string PublicUrl() {
  std::lock_guard lock(url_mu);
  return public_url;
}

void Enqueue(Connection& c, const std::string& recipient, const std::string& subject,
             const std::string& body) {
  Instant now = Now();
  c.Exec(
      "INSERT INTO mail_outbox(recipient, subject, body, created_at, next_attempt_at) "
      "VALUES(?,?,?,?,?)",
      WithoutLineBreaks(recipient), WithoutLineBreaks(subject), body, now, now);
}

void EnqueueMany(Connection& c, const std::vector<Outgoing>& mails) {
  // At most 32 rows (160 values) a statement: few statement texts to prepare, far below
  // either database's limit on parameters.
  constexpr std::size_t kRows = 32;
  Instant now = Now();
  for (std::size_t at = 0; at < mails.size(); at += kRows) {
    std::size_t n = std::min(kRows, mails.size() - at);
    std::string sql =
        "INSERT INTO mail_outbox(recipient, subject, body, created_at, next_attempt_at) VALUES";
    for (std::size_t i = 0; i < n; ++i) sql += i ? ",(?,?,?,?,?)" : "(?,?,?,?,?)";
    std::vector<storage::Value> values;
    values.reserve(5 * n);
    for (std::size_t i = at; i < at + n; ++i) {
      values.emplace_back(WithoutLineBreaks(mails[i].recipient));
      values.emplace_back(WithoutLineBreaks(mails[i].subject));
      values.emplace_back(mails[i].body);
      values.emplace_back(static_cast<std::int64_t>(now));
      values.emplace_back(static_cast<std::int64_t>(now));
    }
    // In the caller's transaction; answered by its next statement, or when its write ends.
    storage::ExecDeferredValues(c, sql, values);
  }
}

void DeleteFor(storage::Connection& c, const std::string& recipient) {
  c.Exec("DELETE FROM mail_outbox WHERE recipient = ?", recipient);
}

std::int64_t Pending(storage::Database& db) {
  return db.Read()
      .QueryInt("SELECT count(*) FROM mail_outbox WHERE next_attempt_at IS NOT NULL")
      .value_or(0);
}

// --- Formatting -------------------------------------------------------------------------------

namespace {
std::string Base64(std::string_view data) {
  if (data.empty()) return "";
  std::string out(sodium_base64_ENCODED_LEN(data.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(data.data()),
                    data.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

bool PlainAscii(std::string_view s) {
  for (unsigned char ch : s)
    if (ch < 0x20 || ch > 0x7e) return false;
  // "=?" would be read as the start of an encoded-word.
  return s.find("=?") == std::string_view::npos;
}

// The length of the UTF-8 sequence starting with `lead` (1 for a stray byte).
std::size_t SequenceLength(unsigned char lead) {
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  if (lead >= 0xe0) return lead <= 0xef ? 3 : 1;
  if (lead >= 0xc2) return 2;
  return 1;
}

std::string RfcDate(std::int64_t t) {
  static const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  return fmt::format("{}, {:02} {} {} {:02}:{:02}:{:02} +0000", kDays[tm.tm_wday], tm.tm_mday,
                     kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}
}  // namespace

std::string EncodeHeader(std::string_view value) {
  if (PlainAscii(value)) return std::string(value);
  // "=?UTF-8?B?" + base64 + "?=" ≤ 75 characters: 12 of framing leave 63 of base64, i.e. at
  // most 45 bytes of text (60 characters of base64) per word.
  constexpr std::size_t kMaxBytes = 45;
  std::string out;
  std::size_t i = 0;
  while (i < value.size()) {
    std::size_t j = i;
    while (j < value.size()) {
      std::size_t n = SequenceLength(static_cast<unsigned char>(value[j]));
      if (j + n > value.size()) n = value.size() - j;
      if (j - i + n > kMaxBytes) break;
      j += n;
    }
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + Base64(value.substr(i, j - i)) + "?=";
    i = j;
  }
  return out;
}

std::string Base64Lines(std::string_view data) {
  std::string b = Base64(data);
  std::string out;
  for (std::size_t i = 0; i < b.size(); i += 76) out += b.substr(i, 76) + "\r\n";
  return out;
}

std::string DotStuff(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  bool line_start = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    if (line_start && ch == '.') out += '.';
    line_start = false;
    if (ch == '\r') {
      out += "\r\n";
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      line_start = true;
    } else if (ch == '\n') {
      out += "\r\n";
      line_start = true;
    } else {
      out += ch;
    }
  }
  return out;
}

std::string Format(const Message& m) {
  std::string out;
  out += "From: " + m.from + "\r\n";
  out += "To: " + m.to + "\r\n";
  out += "Subject: " + EncodeHeader(m.subject) + "\r\n";
  out += "Date: " + RfcDate(m.date) + "\r\n";
  out += "Message-ID: <" + m.message_id + ">\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=UTF-8\r\n";
  out += "Auto-Submitted: auto-generated\r\n";
  if (m.eight_bit) {
    out += "Content-Transfer-Encoding: 8bit\r\n\r\n";
    std::string body;
    for (char ch : m.body) {
      if (ch == '\n' && (body.empty() || body.back() != '\r')) body += '\r';
      body += ch;
    }
    if (!body.ends_with("\r\n")) body += "\r\n";
    out += body;
  } else {
    out += "Content-Transfer-Encoding: base64\r\n\r\n";
    out += Base64Lines(m.body);
  }
  return out;
}

// --- SMTP ------------------------------------------------------------------------------------

namespace {

// A blocking SMTP conversation. Each step starts an asynchronous operation and runs the
// io_context for at most the timeout (the "blocking client with timeouts" pattern of Asio): a
// server that does not answer in time is dropped.
class SmtpSession {
 public:
  explicit SmtpSession(const SmtpConfig& c) : config_(c), socket_(io_), buffer_(64 * 1024) {}

  Status Connect() {
    tcp::resolver resolver(io_);
    boost::system::error_code result = asio::error::would_block;
    tcp::resolver::results_type endpoints;
    resolver.async_resolve(config_.host, std::to_string(config_.port),
                           [&](const boost::system::error_code& ec, tcp::resolver::results_type r) {
                             result = ec;
                             endpoints = std::move(r);
                           });
    if (!Run(result, &resolver)) return Fail("resolving " + config_.host, result);
    result = asio::error::would_block;
    asio::async_connect(
        socket_, endpoints,
        [&](const boost::system::error_code& ec, const tcp::endpoint&) { result = ec; });
    if (!Run(result)) return Fail("connecting", result);
    return Ok{};
  }

  // Sends `line` (CRLF added unless empty) and reads the reply; checks its code is one of
  // `expected` (first digit match when `expected` is a single digit 2 or 3).
  Result<std::string> Command(const std::string& line, std::initializer_list<int> expected) {
    if (!line.empty()) {
      if (auto s = WriteAll(line + "\r\n"); !s.ok()) return s.error();
    }
    return Expect(line, expected);
  }

  Status WriteAll(const std::string& data) {
    boost::system::error_code result = asio::error::would_block;
    asio::async_write(socket_, asio::buffer(data),
                      [&](const boost::system::error_code& ec, std::size_t) { result = ec; });
    if (!Run(result)) return Fail("sending", result);
    return Ok{};
  }

  // Reads one reply (possibly multi-line) and checks its code.
  Result<std::string> Expect(const std::string& after, std::initializer_list<int> expected) {
    std::string text;
    int code = 0;
    for (;;) {
      boost::system::error_code result = asio::error::would_block;
      asio::async_read_until(
          socket_, buffer_, "\r\n",
          [&](const boost::system::error_code& ec, std::size_t) { result = ec; });
      if (!Run(result)) return Fail("reading the reply" + Context(after), result).error();
      std::istream is(&buffer_);
      std::string line;
      std::getline(is, line);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.size() < 3 || !std::isdigit(static_cast<unsigned char>(line[0])) ||
          !std::isdigit(static_cast<unsigned char>(line[1])) ||
          !std::isdigit(static_cast<unsigned char>(line[2])))
        return Error{
            Code::kInternal, "SMTP: malformed reply \"" + line + "\"" + Context(after), {}};
      code = std::stoi(line.substr(0, 3));
      text += line + "\n";
      if (line.size() == 3 || line[3] != '-') break;
      if (text.size() > 16 * 1024) return Error{Code::kInternal, "SMTP: reply too long", {}};
    }
    if (std::find(expected.begin(), expected.end(), code) == expected.end()) {
      if (!text.empty()) text.pop_back();
      return Error{Code::kInternal, "SMTP: " + text + Context(after), {}};
    }
    return text;
  }

  void Close() {
    boost::system::error_code ignored;
    socket_.shutdown(tcp::socket::shutdown_both, ignored);
    socket_.close(ignored);
  }

 private:
  static std::string Context(const std::string& after) {
    if (after.empty()) return " (greeting)";
    return " (after " + after.substr(0, after.find(' ')) + ")";
  }

  Status Fail(const std::string& what, const boost::system::error_code& ec) {
    return Error{Code::kInternal,
                 fmt::format("SMTP {}:{}: {}: {}", config_.host, config_.port, what,
                             ec == asio::error::would_block ? "timed out" : ec.message()),
                 {}};
  }

  // Runs the io_context until the pending operation completes or the timeout passes; then
  // cancels what is left. True when the operation succeeded.
  bool Run(boost::system::error_code& result, tcp::resolver* resolver = nullptr) {
    io_.restart();
    io_.run_for(std::chrono::seconds(config_.timeout_seconds));
    if (!io_.stopped()) {
      if (resolver) resolver->cancel();
      boost::system::error_code ignored;
      socket_.close(ignored);
      io_.run();
      result = asio::error::would_block;  // reported as "timed out"
      return false;
    }
    return !result;
  }

  SmtpConfig config_;
  asio::io_context io_;
  tcp::socket socket_;
  asio::streambuf buffer_;
};

bool Offers(const std::string& ehlo_reply, std::string_view keyword) {
  // Lines are "250-KEYWORD params" or "250 KEYWORD".
  std::size_t i = 0;
  while (i < ehlo_reply.size()) {
    std::size_t j = ehlo_reply.find('\n', i);
    if (j == std::string::npos) j = ehlo_reply.size();
    std::string line = ehlo_reply.substr(i, j - i);
    if (line.size() > 4) {
      std::string word = line.substr(4, line.find(' ', 4) - 4);
      std::transform(word.begin(), word.end(), word.begin(), ::toupper);
      if (word == keyword) return true;
    }
    i = j + 1;
  }
  return false;
}

bool LongLines(const std::string& body) {
  std::size_t run = 0;
  for (char ch : body) {
    run = ch == '\n' ? 0 : run + 1;
    if (run > 900) return true;
  }
  return false;
}

}  // namespace

Status SendSmtp(const SmtpConfig& config, const std::string& to, const std::string& subject,
                const std::string& body) {
  if (to.find_first_of("<>\r\n ") != std::string::npos || to.find('@') == std::string::npos)
    return InvalidArgument("recipient", "recipient: not a plain e-mail address");
  SmtpSession s(config);
  if (auto c = s.Connect(); !c.ok()) return c.error();
  auto step = [&]() -> Status {
    if (auto r = s.Expect("", {220}); !r.ok()) return r.error();
    auto ehlo = s.Command("EHLO " + config.helo, {250});
    bool eight_bit = false;
    if (!ehlo.ok()) {
      if (auto r = s.Command("HELO " + config.helo, {250}); !r.ok()) return r.error();
    } else {
      eight_bit = Offers(*ehlo, "8BITMIME");
    }
    eight_bit = eight_bit && !LongLines(body);
    if (auto r = s.Command("MAIL FROM:<" + config.from + ">" + (eight_bit ? " BODY=8BITMIME" : ""),
                           {250});
        !r.ok())
      return r.error();
    if (auto r = s.Command("RCPT TO:<" + to + ">", {250, 251}); !r.ok()) return r.error();
    if (auto r = s.Command("DATA", {354}); !r.ok()) return r.error();
    std::string domain = config.from.substr(config.from.find('@') + 1);
    Message m{config.from,
              to,
              subject,
              body,
              RandomToken(18) + "@" + (domain.empty() ? "plenary" : domain),
              Now(),
              eight_bit};
    std::string data = DotStuff(Format(m));
    if (!data.ends_with("\r\n")) data += "\r\n";
    data += ".\r\n";
    if (auto w = s.WriteAll(data); !w.ok()) return w.error();
    if (auto r = s.Expect("DATA end", {250}); !r.ok()) return r.error();
    (void)s.Command("QUIT", {221});  // the mail is accepted whatever QUIT answers
    return Ok{};
  };
  Status result = step();
  s.Close();
  return result;
}

// --- Sender ----------------------------------------------------------------------------------

std::int64_t Backoff(const SenderOptions& o, int attempts) {
  std::int64_t d = std::max(1, o.retry_base_seconds);
  for (int i = 1; i < attempts && d < o.retry_max_seconds; ++i) d *= 2;
  return std::min<std::int64_t>(d, std::max(1, o.retry_max_seconds));
}

int SendDue(storage::Database& db, const SenderOptions& options, int max) {
  struct Due {
    std::int64_t id;
    std::string to, subject, body;
    int attempts;
  };
  std::vector<Due> due;
  // Claim before sending: in one write transaction the due rows are read and their next attempt
  // is moved past the lease, so another server polling the same database (PostgreSQL) neither
  // sees them as due nor, thanks to FOR UPDATE SKIP LOCKED, waits on or re-reads rows being
  // claimed at that moment; each mail is sent once. A server killed while sending leaves its
  // rows to be retried when the lease ends. The lease outlasts every bounded SMTP step.
  const std::int64_t lease = 10LL * std::max(1, options.smtp.timeout_seconds) + 60;
  auto claimed = db.Write<std::vector<Due>>([&](Connection& c) -> Result<std::vector<Due>> {
    std::vector<Due> rows;
    Instant now = Now();
    {
      Stmt s(c,
             std::string("SELECT id, recipient, subject, body, attempts FROM mail_outbox "
                         "WHERE next_attempt_at IS NOT NULL AND next_attempt_at <= ? "
                         "ORDER BY next_attempt_at, id LIMIT ?") +
                 (c.dialect() == storage::Dialect::kPostgres ? " FOR UPDATE SKIP LOCKED" : ""));
      s.BindAll(now, max);
      while (s.Step())
        rows.push_back({s.Int(0), s.Text(1), s.Text(2), s.Text(3), static_cast<int>(s.Int(4))});
    }
    for (const auto& m : rows)
      c.Exec("UPDATE mail_outbox SET next_attempt_at = ? WHERE id = ?", now + lease, m.id);
    return rows;
  });
  if (!claimed.ok()) {
    spdlog::error("mail: cannot claim due mail: {}", claimed.error().message);
    return 0;
  }
  due = std::move(*claimed);
  for (const auto& m : due) {
    Status sent = SendSmtp(options.smtp, m.to, m.subject, m.body);
    int attempts = m.attempts + 1;
    auto w = db.Write<Ok>([&](Connection& c) -> Result<Ok> {
      Instant now = Now();
      if (sent.ok()) {
        c.Exec(
            "UPDATE mail_outbox SET attempts = ?, sent_at = ?, next_attempt_at = NULL, "
            "last_error = NULL WHERE id = ?",
            attempts, now, m.id);
      } else {
        bool give_up =
            attempts >= options.max_attempts || sent.error().code == Code::kInvalidArgument;
        c.Exec(
            "UPDATE mail_outbox SET attempts = ?, last_error = ?, next_attempt_at = ? "
            "WHERE id = ?",
            attempts, sent.error().message,
            give_up ? std::optional<std::int64_t>()
                    : std::optional<std::int64_t>(now + Backoff(options, attempts)),
            m.id);
      }
      return Ok{};
    });
    if (!sent.ok())
      spdlog::warn("mail {}: attempt {} failed: {}", m.id, attempts, sent.error().message);
    if (!w.ok()) spdlog::error("mail {}: cannot record the attempt: {}", m.id, w.error().message);
  }
  return static_cast<int>(due.size());
}

int PurgeDone(storage::Database& db, std::int64_t keep_seconds) {
  auto n = db.Write<int>([&](Connection& c) -> Result<int> {
    c.Exec(
        "DELETE FROM mail_outbox WHERE next_attempt_at IS NULL AND "
        "coalesce(sent_at, created_at) < ?",
        Now() - keep_seconds);
    return c.Changes();
  });
  return n.ok() ? *n : 0;
}

Sender::Sender(storage::Database& db, SenderOptions options)
    : db_(db), options_(std::move(options)) {
  thread_ = std::thread([this] {
    NameThisThread("plenary-smtp");
    auto next_purge = std::chrono::steady_clock::now();
    while (!stop_) {
      int n = 0;
      try {
        if (std::chrono::steady_clock::now() >= next_purge) {
          PurgeDone(db_, options_.keep_done_seconds);
          next_purge += std::chrono::hours(1);
        }
        n = SendDue(db_, options_, 1);  // one at a time: stopping waits for one mail at most
      } catch (const std::exception& e) {
        spdlog::error("mail sender: {}", e.what());
      }
      if (n == 0)
        for (int waited = 0; waited < options_.poll_ms && !stop_; waited += 50)
          std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  });
}

Sender::~Sender() {
  stop_ = true;
  thread_.join();
}

}  // namespace plenary::mail
