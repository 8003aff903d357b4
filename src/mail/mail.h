// Outgoing mail: an outbox table written in the caller's transaction, and a Sender thread that
// delivers it by SMTP with retries.
//
// A use case calls Enqueue() inside its own db.Write(), so a queued mail is exactly as durable
// as the row that caused it, and a mail server that is down or slow never loses or delays that
// write: the Sender delivers later, retrying with exponential backoff up to a maximum number of
// attempts. Without an SMTP host (`plenary serve` without --smtp-host) mail stays queued; the
// queue length is on /metrics (plenary_mail_outbox_pending).
#pragma once
#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "base/result.h"
#include "storage/db.h"

namespace plenary::mail {

// The base URL of the site in links of mails ("https://plenary.example.int", no trailing slash).
// Set once at start-up (`plenary serve --public-url`, else the address it listens on).
void SetPublicUrl(std::string url);
std::string PublicUrl();

// Queues a mail; call inside the transaction that wrote what the mail is about. `recipient`
// must be a plain address (no display name); CR and LF are removed from `subject`.
void Enqueue(storage::Connection& c, const std::string& recipient, const std::string& subject,
             const std::string& body);
// Queues several mails as Enqueue does, a few dozen rows per statement (one round trip each on
// PostgreSQL instead of one per mail).
struct Outgoing {
  std::string recipient, subject, body;
};
void EnqueueMany(storage::Connection& c, const std::vector<Outgoing>& mails);

// Deletes every mail to `recipient`, queued or kept after sending (erasure of personal data);
// in the caller's transaction.
void DeleteFor(storage::Connection& c, const std::string& recipient);

// Mails neither sent nor given up.
std::int64_t Pending(storage::Database& db);

// --- Message formatting (pure functions, unit-tested) --------------------------------------

// A header value as RFC 2047 encoded-words ("=?UTF-8?B?...?=") when it is not plain printable
// ASCII, split at character boundaries so that no encoded-word exceeds 75 characters, folded
// with CRLF SP. Printable ASCII comes back unchanged.
std::string EncodeHeader(std::string_view value);
// Base64 of `data` in lines of at most 76 characters, each ending in CRLF.
std::string Base64Lines(std::string_view data);
// Lines that begin with "." get a second "." (RFC 5321 4.5.2); line ends become CRLF.
std::string DotStuff(std::string_view text);

struct Message {
  std::string from, to, subject, body;
  std::string message_id;  // without angle brackets
  std::int64_t date = 0;   // Unix seconds
  bool eight_bit = true;   // 8bit body if the server offered 8BITMIME, else base64
};
// The RFC 5322 message (headers and body, CRLF line ends, not yet dot-stuffed).
std::string Format(const Message& m);

// --- SMTP ------------------------------------------------------------------------------------

struct SmtpConfig {
  std::string host;
  unsigned short port = 25;
  std::string from;                // envelope sender and From:
  std::string helo = "localhost";  // the name given in EHLO
  int timeout_seconds = 20;        // for connecting and for each reply
};

// Delivers one message over plain SMTP: EHLO (HELO if refused), MAIL FROM, RCPT TO, DATA with
// dot-stuffing, QUIT; every reply code is checked. Errors carry the server's reply or the
// network error (kInternal) — the caller retries.
Status SendSmtp(const SmtpConfig& config, const std::string& to, const std::string& subject,
                const std::string& body);

struct SenderOptions {
  SmtpConfig smtp;
  int max_attempts = 8;         // then the mail is given up (last_error kept)
  int retry_base_seconds = 60;  // delay after the first failure; doubles each time
  int retry_max_seconds = 6 * 3600;
  int poll_ms = 500;
  std::int64_t keep_done_seconds = 7 * 24 * 3600;  // then sent and given-up mails are deleted
};

// The seconds to wait after the `attempts`-th failed attempt (1-based).
std::int64_t Backoff(const SenderOptions& o, int attempts);

// Deletes mails sent or given up more than `keep_seconds` ago (their recipients are personal
// data, kept only while needed); returns how many.
int PurgeDone(storage::Database& db, std::int64_t keep_seconds);

// Delivers up to `max` due mails; returns how many were attempted.
int SendDue(storage::Database& db, const SenderOptions& options, int max = 20);

// A background thread running SendDue until stopped (and PurgeDone every hour); stops (after
// the current mail) when destroyed.
class Sender {
 public:
  Sender(storage::Database& db, SenderOptions options);
  ~Sender();

 private:
  storage::Database& db_;
  SenderOptions options_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace plenary::mail
