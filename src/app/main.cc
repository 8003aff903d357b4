// The plenary command: serve, routes, migrate, purge-ip, seed-demo, user add, report, digest,
// backup, restore.
#include <CLI/CLI.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string_view>
#include <iostream>

#include <spdlog/spdlog.h>

#include "accounts/accounts.h"
#include "accounts/password_reset.h"
#include "accounts/tokens.h"
#include "app/app.h"
#include "base/random.h"
#include "base/time.h"
#include "consultations/campaigns.h"
#include "consultations/consultations.h"
#include "consultations/privacy.h"
#include "demo/demo.h"
#include "documents/extract.h"
#include "documents/extract_process.h"
#include "drafting/drafting.h"
#include "follows/follows.h"
#include "http/server.h"
#include "http/templates.h"
#include "mail/mail.h"
#include "proceedings/floor.h"
#include "search/search.h"
#include "site/page_cache.h"
#include "site/refusals.h"
#include "site/site.h"
#include "storage/backup.h"
#include "storage/db.h"

using namespace plenary;

namespace {
std::pair<std::string, unsigned short> SplitListen(const std::string& listen) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos) throw CLI::ValidationError("--listen", "expected HOST:PORT");
  int port = std::stoi(listen.substr(colon + 1));
  if (port < 0 || port > 65535) throw CLI::ValidationError("--listen", "port out of range");
  std::string host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[') host = host.substr(1, host.size() - 2);
  return {host, static_cast<unsigned short>(port)};
}

// A file (with SQLite's -wal and -shm beside it) removed when the server stops.
struct TemporaryFile {
  explicit TemporaryFile(std::filesystem::path p) : path(std::move(p)) { Remove(); }
  ~TemporaryFile() { Remove(); }
  void Remove() const {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(path.string() + suffix, ec);
  }
  std::filesystem::path path;
};

int Fail(const Error& e) {
  std::cerr << "error: " << e.message << "\n";
  return 1;
}
}  // namespace

// jemalloc's options, read when it starts (CMakeLists.txt links it into this binary): two arenas
// for all threads. Its default, four per core, each keeping the pages freed in it for ten
// seconds, grew the server by 190 MiB over 21 extractions of citations from a 1 MiB text
// (glibc's malloc: 120, two arenas: 55) and cost more CPU per durable submission (about 100 µs
// against 96; docs/PROFILE.md). Without jemalloc (the sanitizer build) the symbol is unused.
extern "C" {
const char* malloc_conf = "narenas:2";
}

int main(int argc, char** argv) {
  // The child that reads an upload's text (documents/extract_process.h): not a command for
  // people, so it is not in the help, and it starts nothing of the server.
  if (argc >= 2 && std::string_view(argv[1]) == "extract-text")
    return documents::ExtractChildMain(argc, argv);
  CLI::App cli{"Plenary: meetings, documents, decisions and open consultations of an "
               "intergovernmental council and its working groups."};
  cli.require_subcommand(1);
  // Subcommands created below inherit this: an option a subcommand does not know falls through
  // to its parent, so `plenary serve --db FILE` works as well as `plenary --db FILE serve`.
  cli.fallthrough();
  std::string db_path = "plenary.db";
  cli.add_option("--db", db_path,
                 "SQLite database file (created if missing; also sqlite:FILE), or a PostgreSQL "
                 "connection string (postgresql://user@host/dbname or host=... dbname=...)")
      ->capture_default_str();

  auto* serve = cli.add_subcommand("serve", "Run the web server (loads the demo into an empty database)");
  std::string listen = "127.0.0.1:8080";
  bool no_demo = false;
  app::Config config;
  int threads = 0;
  serve->add_option("--listen", listen, "HOST:PORT to listen on (port 0: any free port)")
      ->capture_default_str();
  serve->add_flag("--no-demo", no_demo, "Do not load the demo corpus into an empty database");
  serve->add_option("--max-text-chars", config.limits.max_text_chars,
                    "Longest answer or contribution, in characters")->capture_default_str();
  serve->add_option("--max-attachments", config.limits.max_attachments,
                    "Most files per response")->capture_default_str();
  serve->add_option("--max-attachment-bytes", config.limits.max_attachment_bytes,
                    "Largest file per response, in bytes")->capture_default_str();
  serve->add_option("--threads", threads, "I/O threads (0: one per core)")->capture_default_str();
  storage::WriterOptions writer;
  http::ServerLimits limits;
  bool no_group_commit = false;
  serve->add_flag("--no-group-commit", no_group_commit,
                  "One transaction per write (the baseline the benchmarks compare with)");
  serve->add_option("--max-write-queue", writer.max_queue,
                    "Writes waiting for the disk at most; beyond, 503")->capture_default_str();
  serve->add_option("--write-workers", limits.write_workers,
                    "Threads running write requests")->capture_default_str();
  serve->add_option("--read-workers", limits.read_workers,
                    "Threads running read requests")->capture_default_str();
  serve->add_option("--write-workers-nice", limits.write_workers_nice,
                    "Niceness added to the threads running write requests: while submissions "
                    "surge, pages and searches get the cores first (0: the same priority)")
      ->check(CLI::Range(0, 19))->capture_default_str();
  std::size_t page_cache_mb = 64;
  serve->add_option("--page-cache-mb", page_cache_mb,
                    "Memory for pages kept for readers without a session (0: none kept)")
      ->check(CLI::NonNegativeNumber)->capture_default_str();
  serve->add_option("--max-pending-writes", limits.max_pending_writes,
                    "Write requests waiting at most; beyond, 503")->capture_default_str();
  serve->add_option("--max-pending-reads", limits.max_pending_reads,
                    "Read requests waiting at most; beyond, 503")->capture_default_str();
  serve->add_option("--max-connections", limits.max_connections,
                    "Open connections at most; beyond, 503")->capture_default_str();
  serve->add_option("--max-body-bytes", limits.body_bytes,
                    "Largest request body, in bytes; a page's form post over it comes back to "
                    "its form with the typed fields kept (answered 413), any other request gets "
                    "413 unread")
      ->check(CLI::PositiveNumber)->capture_default_str();
  serve->add_option("--max-discarded-body-bytes", limits.max_discarded_body_bytes,
                    "A page's form post over --max-body-bytes by more than this is refused "
                    "unread (413) instead of being read to its end and discarded")
      ->check(CLI::NonNegativeNumber)->capture_default_str();
  serve->add_option("--read-timeout", limits.read_timeout_seconds,
                    "Seconds a client has to send a whole request (slow clients are dropped)")
      ->capture_default_str();
  serve->add_option("--idle-timeout", limits.idle_timeout_seconds,
                    "Seconds a kept-alive connection may wait for its next request")
      ->capture_default_str();
  serve->add_option("--max-connections-per-address", limits.max_connections_per_address,
                    "Open connections one address (IPv6: one /64) may hold; beyond, 503")
      ->check(CLI::PositiveNumber)->capture_default_str();
  serve->add_option("--busy-idle-timeout", limits.busy_idle_timeout_seconds,
                    "Seconds a connection may wait idle while open connections are at 80% of "
                    "--max-connections or more")
      ->check(CLI::PositiveNumber)->capture_default_str();
  int max_floor_watchers = proceedings::kDefaultMaxWatchers;
  serve->add_option("--max-floor-watchers", max_floor_watchers,
                    "Agenda pages that may watch their lists of speakers change at once (Server-Sent "
                    "Events); beyond, 503 and the page shows changes on reload")
      ->check(CLI::NonNegativeNumber)->capture_default_str();
  int max_screen_watchers = drafting::kDefaultMaxScreenWatchers;
  serve->add_option("--max-screen-watchers", max_screen_watchers,
                    "Room's screens that may follow negotiated texts at once (Server-Sent Events); "
                    "beyond, 503 and the screen shows changes on reload")
      ->check(CLI::NonNegativeNumber)->capture_default_str();
  std::vector<std::string> trusted_proxies;
  serve->add_option("--trusted-proxy", trusted_proxies,
                    "Address or network (CIDR) of a reverse proxy whose X-Forwarded-For names "
                    "the client (repeatable); from any other peer the header is ignored")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  std::map<std::string, site::MetricsFrom> metrics_from{{"staff", site::MetricsFrom::kStaff},
                                                        {"loopback", site::MetricsFrom::kLoopback}};
  serve->add_option("--metrics-from", config.metrics_from,
                    "Who may read /metrics: staff (signed-in secretariat or admin) or loopback "
                    "(clients on this host, not relayed by a proxy)")
      ->transform(CLI::CheckedTransformer(metrics_from, CLI::ignore_case))
      ->default_str("staff");
  std::string search_index;
  serve->add_option("--search-index", search_index,
                    "PostgreSQL only: this server's own search index, a SQLite file kept current "
                    "from the shared database and rebuilt when missing (default: a file in the "
                    "temporary folder, removed at stop and rebuilt at every start)");
  std::uint64_t campaign_min_size = 3;
  serve->add_option("--campaign-min-size", campaign_min_size,
                    "Near-identical responses that make a campaign")->capture_default_str();
  auto& th = config.throttle;
  serve->add_option("--submissions-per-ip-per-minute", th.submissions_per_ip_per_minute,
                    "Responses one address may send per minute (0: unlimited)")->capture_default_str();
  serve->add_option("--submissions-per-ip-burst", th.submissions_per_ip_burst,
                    "... of which at once")->capture_default_str();
  serve->add_option("--submissions-per-consultation-per-minute",
                    th.submissions_per_consultation_per_minute,
                    "Responses one consultation takes per minute (0: unlimited)")->capture_default_str();
  serve->add_option("--logins-per-ip-per-minute", th.logins_per_ip_per_minute,
                    "Sign-in attempts per address per minute (0: unlimited)")->capture_default_str();
  serve->add_option("--logins-per-account-per-minute", th.logins_per_account_per_minute,
                    "Sign-in attempts per account from one address per minute (0: unlimited); "
                    "5 at once")->capture_default_str();
  serve->add_option("--signups-per-recipient-per-minute", th.signups_per_recipient_per_minute,
                    "Sign-up mails to one e-mail address per minute, from any address (0: "
                    "unlimited); 5 at once")->capture_default_str();
  serve->add_option("--citations-per-ip-per-minute", th.citations_per_ip_per_minute,
                    "Citation extractions (POST /api/v1/citations/extract) one address may ask "
                    "per minute (0: unlimited); 10 at once")->capture_default_str();
  serve->add_option("--citations-max-results", th.citations_max_results,
                    "Most citations in one extraction's answer (then \"truncated\": true)")
      ->check(CLI::PositiveNumber)->capture_default_str();
  serve->add_option("--citations-concurrent", th.citations_concurrent,
                    "Citation extractions running at once; beyond, 503")
      ->check(CLI::PositiveNumber)->capture_default_str();
  serve->add_option("--attachment-bytes-per-ip-per-day", th.attachment_bytes_per_ip_per_day,
                    "Bytes of files one address may attach to its responses per day, refilled "
                    "continuously (0: unlimited)")->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  serve->add_option("--pow-bits", th.pow.bits,
                    "Proof of work asked of anonymous submissions: leading zero bits of "
                    "SHA-256 (0: off; 16: about 0.65 s of Chromium's crypto.subtle)")
      ->check(CLI::Range(0, 32))
      ->capture_default_str();
  serve->add_option("--pow-surge-per-minute", th.pow.surge_per_minute,
                    "With --pow-bits: ask for the proof only while the site receives this many "
                    "submissions a minute (0: always)")->capture_default_str();
  // Privacy: how long the address a response came from is kept (for abuse investigation).
  int ip_retention_days = 30, ip_purge_interval = 3600;
  serve->add_option("--ip-retention-days", ip_retention_days,
                    "Days the IP address of a response is kept, then erased (0: erased at the "
                    "next purge)")->check(CLI::NonNegativeNumber)->capture_default_str();
  serve->add_option("--ip-purge-interval", ip_purge_interval,
                    "Seconds between two purges of expired IP addresses")
      ->check(CLI::PositiveNumber)->capture_default_str();
  documents::ExtractLimits extract;
  serve->add_option("--extract-max-entries", extract.max_entries,
                    "Entries a DOCX or ODT upload may hold; more is refused as hostile")
      ->check(CLI::PositiveNumber)->capture_default_str();
  serve->add_option("--extract-max-expanded-bytes", extract.max_expanded_bytes,
                    "Bytes a DOCX or ODT upload may expand to; more is refused as hostile")
      ->check(CLI::PositiveNumber)->capture_default_str();
  serve->add_option("--extract-max-ratio", extract.max_ratio,
                    "Compression ratio of an entry of a DOCX or ODT upload; more is refused")
      ->check(CLI::PositiveNumber)->capture_default_str();
  serve->add_option("--extract-max-pages", extract.max_pages,
                    "Pages of a PDF upload whose text is read; more is refused")
      ->check(CLI::PositiveNumber)->capture_default_str();
  serve->add_option("--extract-max-text-bytes", extract.max_text_bytes,
                    "Bytes of text read from one upload; more is refused")
      ->check(CLI::PositiveNumber)->capture_default_str();
  // The child process that reads an upload's text (documents/extract_process.h).
  documents::ExtractProcess extract_process;
  serve->add_option("--extract-cpu-seconds", extract_process.cpu_seconds,
                    "Processor seconds the reading of one upload's text may take; then the file "
                    "is kept without its text")
      ->check(CLI::Range(1u, 3600u))->capture_default_str();
  serve->add_option("--extract-memory-bytes", extract_process.memory_bytes,
                    "Address space of the process that reads one upload's text")
      ->check(CLI::Range(std::size_t{64} << 20, std::size_t{1} << 40))->capture_default_str();
  serve->add_option("--extract-timeout-ms", extract_process.timeout_ms,
                    "Milliseconds the reading of one upload's text may last; then it is stopped")
      ->check(CLI::Range(1u, 3600000u))->capture_default_str();
  serve->add_option("--extract-max-output-bytes", extract_process.max_output_bytes,
                    "Bytes of answer read from the process that reads one upload's text")
      ->check(CLI::PositiveNumber)->capture_default_str();
  mail::SenderOptions mail_options;
  std::string public_url;
  serve->add_option("--smtp-host", mail_options.smtp.host,
                    "SMTP server for outgoing mail (without it, mail stays queued)");
  serve->add_option("--smtp-port", mail_options.smtp.port, "SMTP port")->capture_default_str();
  mail_options.smtp.from = "plenary@localhost";
  serve->add_option("--mail-from", mail_options.smtp.from, "Sender address of mails")
      ->capture_default_str();
  serve->add_option("--public-url", public_url,
                    "Base URL of the site in links of mails (default: the address listened on); "
                    "https://... also marks every cookie Secure");
  serve->add_option("--mail-max-attempts", mail_options.max_attempts,
                    "Delivery attempts of one mail before it is given up")->capture_default_str();
  serve->add_option("--mail-retry-seconds", mail_options.retry_base_seconds,
                    "Delay after a failed delivery; doubles after each failure")
      ->capture_default_str();
  serve->add_option("--smtp-timeout", mail_options.smtp.timeout_seconds,
                    "Seconds to wait for the SMTP server at each step")->capture_default_str();

  int password_reset_seconds = accounts::kDefaultResetTokenSeconds;
  serve->add_option("--password-reset-seconds", password_reset_seconds,
                    "How long the link of a password reset mail works (1 to 86400)")
      ->capture_default_str();
  int digest_hour = 6, digest_interval = 3600;
  serve->add_option("--digest-hour", digest_hour,
                    "UTC hour from which the daily digest of followed items is sent (-1: never; "
                    "`plenary digest` or POST /api/v1/digest send it on demand)")
      ->check(CLI::Range(-1, 23))->capture_default_str();
  serve->add_option("--digest-interval", digest_interval,
                    "Seconds between two runs of the daily digest (each participant gets one a day)")
      ->check(CLI::PositiveNumber)->capture_default_str();
  cli.add_subcommand("migrate", "Apply pending database migrations");
  auto* routes = cli.add_subcommand(
      "routes", "Print the server's route table, one \"METHOD PATTERN\" a line");
  auto* purge_ip = cli.add_subcommand(
      "purge-ip", "Erase the IP addresses of responses older than the retention period");
  purge_ip->add_option("--ip-retention-days", ip_retention_days, "Days an IP address is kept")
      ->check(CLI::NonNegativeNumber)->capture_default_str();
  cli.add_subcommand("seed-demo", "Load the demo corpus into an empty database");

  auto* user = cli.add_subcommand("user", "Manage accounts");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "Create an account");
  std::string email, name, role = "secretariat", password;
  user_add->add_option("--email", email, "E-mail address (the login)")->required();
  user_add->add_option("--name", name, "Display name")->required();
  std::string member_state;
  user_add->add_option("--role", role, "admin, secretariat, chair or delegate")
      ->capture_default_str();
  user_add->add_option("--member-state", member_state,
                       "The Member State a delegate speaks for (ISO 3166-1 alpha-2, e.g. CH)");
  user_add->add_option("--password", password,
                       "Password (at least 12 characters; read from PLENARY_PASSWORD if omitted)");

  auto* backup = cli.add_subcommand(
      "backup", "Copy the database consistently while the server runs (SQLite online backup)");
  std::string backup_dest;
  backup->add_option("destination", backup_dest, "New file to write the copy to")->required();
  auto* restore = cli.add_subcommand(
      "restore", "Replace the database with a backup (stop the server first)");
  std::string backup_source;
  restore->add_option("backup", backup_source, "The backup file")->required();

  auto* report = cli.add_subcommand("report", "Print the Chair's report paragraph of a consultation");
  std::string consultation, lang = "en";
  report->add_option("consultation", consultation, "Consultation id or key")->required();
  report->add_option("--lang", lang, "ar, zh, en, fr, ru or es")->capture_default_str();

  auto* digest = cli.add_subcommand(
      "digest", "Queue today's digest of followed items for every follower who has not had it");
  std::string digest_now;
  digest->add_option("--now", digest_now,
                     "Run as at this instant (ISO 8601, e.g. 2027-01-02T07:00:00Z) instead of now");

  CLI11_PARSE(cli, argc, argv);
  if (serve->parsed()) {
    auto proxies = http::TrustedProxies::Parse(trusted_proxies);
    if (!proxies.ok()) return Fail(proxies.error());
    limits.trusted_proxies = *proxies;
  }
  InitCrypto();
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %l %v");

  try {
    // These two work on the files without opening (or migrating) the live database.
    if (backup->parsed()) {
      auto s = storage::Backup(db_path, backup_dest);
      if (!s.ok()) return Fail(s.error());
      std::cout << "backup of " << db_path << " written to " << backup_dest << "\n";
      return 0;
    }
    if (restore->parsed()) {
      auto s = storage::Restore(backup_source, db_path);
      if (!s.ok()) return Fail(s.error());
      std::cout << db_path << " restored from " << backup_source << "\n";
      return 0;
    }
    writer.group_commit = !no_group_commit;
    storage::Database db(db_path, writer);
    if (cli.got_subcommand("migrate")) {
      std::cout << "schema version " << db.SchemaVersion() << "\n";
      return 0;
    }
    if (routes->parsed()) {
      // The same table `serve` builds; nothing is listened on or started.
      http::Router router;
      site::Throttles throttles(config.throttle);
      consultations::CampaignTracker tracker(db, campaign_min_size);
      app::BuildRouter(router, db, config, throttles, tracker);
      for (const auto& [method, pattern] : router.Routes())
        std::cout << method << " " << pattern << "\n";
      return 0;
    }
    if (purge_ip->parsed()) {
      auto n = consultations::PurgeIpAddresses(db, ip_retention_days, Now());
      if (!n.ok()) return Fail(n.error());
      std::cout << *n << " IP address(es) older than " << ip_retention_days << " day(s) erased\n";
      return 0;
    }
    if (cli.got_subcommand("seed-demo")) {
      auto s = demo::Load(db);
      if (!s.ok()) return Fail(s.error());
      std::cout << "demo corpus loaded into " << db_path << "\n";
      return 0;
    }
    if (user_add->parsed()) {
      if (password.empty())
        if (const char* p = std::getenv("PLENARY_PASSWORD")) password = p;
      auto u = accounts::AddUser(db, email, name, role, password,
                                 member_state.empty() ? std::nullopt
                                                      : std::optional<std::string>(member_state));
      if (!u.ok()) return Fail(u.error());
      std::cout << "user " << u->id << " " << u->email << " (" << u->role << ") created\n";
      return 0;
    }
    if (digest->parsed()) {
      Instant at = Now();
      if (!digest_now.empty()) {
        auto parsed = ParseIso(digest_now);
        if (!parsed) return Fail(InvalidArgument("now", "now: an ISO 8601 instant such as 2027-01-02T07:00:00Z"));
        at = *parsed;
      }
      auto r = follows::RunDigest(db, at);
      if (!r.ok()) return Fail(r.error());
      std::cout << r->sent << " digest(s) sent, " << r->empty << " with nothing new, "
                << r->already << " already sent today\n";
      return 0;
    }
    if (report->parsed()) {
      auto p = consultations::ReportParagraph(db, consultation, lang);
      if (!p.ok()) return Fail(p.error());
      std::cout << *p << "\n";
      return 0;
    }
    if (serve->parsed()) {
      if (!no_demo && demo::IsEmpty(db)) {
        auto s = demo::Load(db);
        if (!s.ok()) return Fail(s.error());
        spdlog::info("empty database: demo corpus loaded");
      }
      // A database from before migration 0021: what its records cite is written once, here.
      if (db.Read().QueryInt("SELECT count(*) FROM citations_backfill").value_or(0) > 0) {
        auto done = db.Write<Ok>([](storage::Connection& c) -> Result<Ok> {
          demo::RecordCitations(c);
          c.Exec("DELETE FROM citations_backfill");
          return Ok{};
        });
        if (!done.ok()) return Fail(done.error());
      }
      if (auto s = accounts::SetResetTokenSeconds(password_reset_seconds); !s.ok())
        return Fail(s.error());
      http::LoadTemplates();
      documents::SetExtractLimits(extract);
      // The same executable, whatever happens to its file on disk while the server runs.
      extract_process.binary = "/proc/self/exe";
      documents::SetExtractProcess(extract_process);
      proceedings::SetMaxWatchers(max_floor_watchers);
      drafting::SetMaxScreenWatchers(max_screen_watchers);
      search::Indexer indexer(db, app::SearchSources());  // behind the durable writes; catches up after a restart
      // Confirmation mails of responses, composed and queued in batches behind the durable write.
      consultations::ConfirmationMailer confirmation_mailer(db);
      // PostgreSQL has no FTS5: this server answers searches from its own SQLite index.
      std::optional<TemporaryFile> temporary_index;
      std::optional<search::LocalIndex> local_index;
      if (db.dialect() == storage::Dialect::kPostgres) {
        if (search_index.empty()) {
          temporary_index.emplace(std::filesystem::temp_directory_path() /
                                  ("plenary-search-" + std::to_string(getpid()) + ".db"));
          search_index = temporary_index->path.string();
        }
        local_index.emplace(db, search_index);
        local_index->Start();
      }
      http::Router router;
      limits.threads = threads;
      http::Server server(
          router, limits, [](http::Request& req) { site::ChooseLanguage(req); },
          [](const http::Request& req, http::Response& resp) {
            site::SetCaching(req, resp);
            site::LocalizeError(req, resp);
          });
      // Challenges signed with the database's key: any server on the same database checks them.
      config.throttle.pow.shared_key = accounts::TokenKey(db.Read());
      site::Throttles throttles(config.throttle);
      consultations::CampaignTracker tracker(db, campaign_min_size);
      tracker.Start();
      consultations::IpRetention ip_retention(db, ip_retention_days, ip_purge_interval);
      app::BuildRouter(router, db, config, throttles, tracker, &server.stats());
      // Pages for readers without a session, kept until a write changes what they show.
      db.SetUnshownTables(site::UnshownTables());
      site::PageCache page_cache(db, page_cache_mb << 20);
      router.SetAround([&page_cache](http::Request& req, const auto& render) {
        return page_cache.Serve(req, render);
      });
      auto [host, port] = SplitListen(listen);
      unsigned short bound = server.Listen(host, port);
      std::string shown_host = host.find(':') != std::string::npos ? "[" + host + "]" : host;
      mail::SetPublicUrl(!public_url.empty()
                             ? public_url
                             : "http://" + shown_host + ":" + std::to_string(bound));
      std::string scheme = public_url.substr(0, 8);
      std::transform(scheme.begin(), scheme.end(), scheme.begin(), ::tolower);
      site::SetSecureCookies(scheme == "https://");
      // Delivers the outbox behind the durable writes; without an SMTP host mail stays queued.
      std::optional<mail::Sender> sender;
      if (!mail_options.smtp.host.empty()) sender.emplace(db, mail_options);
      std::optional<follows::DigestScheduler> digests;
      if (digest_hour >= 0) digests.emplace(db, digest_hour, digest_interval);
      // Tests read this line to find the port.
      std::cout << "plenary listening on http://" << (host.find(':') != std::string::npos ? "[" + host + "]" : host)
                << ":" << bound << "/" << std::endl;
      server.Run();
      spdlog::info("stopped");
      return 0;
    }
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
