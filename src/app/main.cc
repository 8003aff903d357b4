// The plenary command: serve, migrate, seed-demo, user add, report, backup, restore.
#include <CLI/CLI.hpp>

#include <iostream>

#include <spdlog/spdlog.h>

#include "accounts/accounts.h"
#include "app/app.h"
#include "base/random.h"
#include "consultations/campaigns.h"
#include "consultations/consultations.h"
#include "demo/demo.h"
#include "http/server.h"
#include "http/templates.h"
#include "search/search.h"
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

int Fail(const Error& e) {
  std::cerr << "error: " << e.message << "\n";
  return 1;
}
}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Plenary: meetings, documents, decisions and open consultations of an "
               "intergovernmental council and its working groups."};
  cli.require_subcommand(1);
  std::string db_path = "plenary.db";
  cli.add_option("--db", db_path, "SQLite database file (created if missing)")
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
  serve->add_option("--max-pending-writes", limits.max_pending_writes,
                    "Write requests waiting at most; beyond, 503")->capture_default_str();
  serve->add_option("--max-pending-reads", limits.max_pending_reads,
                    "Read requests waiting at most; beyond, 503")->capture_default_str();
  serve->add_option("--max-connections", limits.max_connections,
                    "Open connections at most; beyond, 503")->capture_default_str();
  serve->add_option("--read-timeout", limits.read_timeout_seconds,
                    "Seconds a client has to send a whole request (slow clients are dropped)")
      ->capture_default_str();
  serve->add_option("--idle-timeout", limits.idle_timeout_seconds,
                    "Seconds a kept-alive connection may wait for its next request")
      ->capture_default_str();
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
                    "Sign-in attempts per account per minute (0: unlimited)")->capture_default_str();

  cli.add_subcommand("migrate", "Apply pending database migrations");
  cli.add_subcommand("seed-demo", "Load the demo corpus into an empty database");

  auto* user = cli.add_subcommand("user", "Manage secretariat accounts");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "Create an account");
  std::string email, name, role = "secretariat", password;
  user_add->add_option("--email", email, "E-mail address (the login)")->required();
  user_add->add_option("--name", name, "Display name")->required();
  user_add->add_option("--role", role, "admin or secretariat")->capture_default_str();
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

  CLI11_PARSE(cli, argc, argv);
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
    if (cli.got_subcommand("seed-demo")) {
      auto s = demo::Load(db);
      if (!s.ok()) return Fail(s.error());
      std::cout << "demo corpus loaded into " << db_path << "\n";
      return 0;
    }
    if (user_add->parsed()) {
      if (password.empty())
        if (const char* p = std::getenv("PLENARY_PASSWORD")) password = p;
      auto u = accounts::AddUser(db, email, name, role, password);
      if (!u.ok()) return Fail(u.error());
      std::cout << "user " << u->id << " " << u->email << " (" << u->role << ") created\n";
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
      http::LoadTemplates();
      search::Indexer indexer(db);  // behind the durable writes; catches up after a restart
      http::Router router;
      limits.threads = threads;
      http::Server server(router, limits, [](http::Request& req) { site::ChooseLanguage(req); });
      site::Throttles throttles(config.throttle);
      consultations::CampaignTracker tracker(db, campaign_min_size);
      tracker.Start();
      app::BuildRouter(router, db, config, throttles, tracker, &server.stats());
      auto [host, port] = SplitListen(listen);
      unsigned short bound = server.Listen(host, port);
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
