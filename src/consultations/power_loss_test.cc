// Power loss under a surge of submissions: every acknowledged response (and its confirmation
// mail) survives a cut that throws away every write not yet synced and tears the last one.
//
// A process crash (the scenario tests' kill -9) keeps the operating system's page cache, so it
// cannot tell a synced write from one still in memory. Here the files go through
// testing::CrashVfs, which at a random write during concurrent SubmitResponse calls restores
// every file to its last sync and leaves the newest write half done. The database is then
// reopened with SQLite's own VFS and must pass `PRAGMA integrity_check` with every submission
// whose SubmitResponse returned a receipt.
//
// The test can fail: PowerLoss.DetectsSubmissionsLostWithoutSync runs the same surge with
// syncs that keep nothing (what `PRAGMA synchronous=OFF`, or acknowledging before the sync,
// amounts to) and requires the check to find acknowledged submissions missing. Run with
// storage/db.cc's `synchronous=FULL` changed to OFF, AcknowledgedSubmissionsSurvive fails too.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "base/random.h"
#include "base/time.h"
#include "consultations/consultations.h"
#include "meetings/meetings.h"
#include "testing/crash_vfs.h"

namespace plenary::consultations {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

struct Outcome {
  std::set<std::string> acknowledged;  // references SubmitResponse returned
  std::size_t missing = 0;             // of those, not in the database after the power loss
  std::size_t mails_wrong = 0;  // acknowledged without exactly one mail, due or queued
  std::size_t mails_wrong_after = 0;  // the same once every due mail is queued
  std::string integrity;
  std::size_t lost_writes = 0;
  bool torn = false;
};

// One surge and one power loss on a fresh database; `drop_syncs`: syncs keep nothing.
Outcome SurgeAndPowerLoss(bool drop_syncs) {
  InitCrypto();
  const auto path = std::filesystem::temp_directory_path() /
                    ("plenary-power-" + RandomToken(8) + ".db");
  std::mt19937 rng(std::random_device{}());
  Outcome out;
  testing::CrashVfs vfs;
  vfs.Register();
  {
    auto db = std::make_unique<storage::Database>(path.string());
    // The consultation, synced before the surge.
    EXPECT_TRUE(db->Write<Ok>([](storage::Connection& c) -> Result<Ok> {
                    c.Exec("INSERT INTO users(id, email, name, role, password_hash, created_at) "
                           "VALUES(7, 'sec@example.int', 'Secretariat', 'secretariat', 'x', 0)");
                    return Ok{};
                  })
                    .ok());
    meetings::BodyInput b{"wg",  "WG", "member_states", json::value("Working group"),
                          json::value(), true};
    EXPECT_TRUE(meetings::CreateBody(*db, 7, b).ok());
    ConsultationInput in;
    in.key = "surge";
    in.body = "wg";
    in.title = json::object{{"en", "Topic"}};
    in.questions = {json::value("First?")};
    in.opens_at = FormatIso(Now() - 3600);
    in.deadline = FormatIso(Now() + 86400);
    in.timezone = "Europe/Zurich";
    EXPECT_TRUE(Create(*db, 7, in).ok());
    if (drop_syncs) vfs.DropSyncs();

    // Sixteen submitters, and the thread that queues their confirmation mails in batches; the
    // power goes at a random write once some are acknowledged.
    auto mailer = std::make_unique<ConfirmationMailer>(*db, 5);
    std::mutex mu;
    std::atomic<int> acked{0};
    std::atomic<bool> stop{false};
    std::vector<std::thread> submitters;
    for (int t = 0; t < 16; ++t)
      submitters.emplace_back([&, t] {
        const auto until = std::chrono::steady_clock::now() + 5s;  // bounded even if no cut
        for (int i = 0; i < 2000 && !stop && std::chrono::steady_clock::now() < until; ++i) {
          ResponseInput r;
          r.name = "Respondent";
          r.country = "BR";
          r.stakeholder_type = "government";
          r.email = fmt::format("r{}-{}@example.org", t, i);
          r.language = "en";
          r.answers[1] = "An answer that the power loss must not take away.";
          r.idempotency_key = fmt::format("k{}-{}", t, i);
          try {
            auto receipt = SubmitResponse(*db, "surge", r, Limits{});
            if (!receipt.ok()) break;  // refused: the power is gone
            std::lock_guard lock(mu);
            out.acknowledged.insert(receipt->reference);
            ++acked;
          } catch (const std::exception&) {
            break;  // the COMMIT failed: not acknowledged
          }
        }
      });
    const int after_acks = std::uniform_int_distribution<int>(20, 400)(rng);
    const auto give_up = std::chrono::steady_clock::now() + 4s;
    while (acked < after_acks && std::chrono::steady_clock::now() < give_up)
      std::this_thread::sleep_for(1ms);
    vfs.PowerLossAtWrite(std::uniform_int_distribution<int>(1, 50)(rng));
    while (!vfs.powered_off() && std::chrono::steady_clock::now() < give_up + 1s)
      std::this_thread::sleep_for(1ms);
    EXPECT_TRUE(vfs.powered_off()) << "the surge ended before the power loss";
    stop = true;
    for (auto& s : submitters) s.join();
    mailer.reset();
    db.reset();  // its connections close on dead files
  }
  vfs.Unregister();
  out.lost_writes = vfs.lost_writes();
  out.torn = vfs.torn();
  // The shared-memory index does not survive a reboot; SQLite rebuilds it from the log.
  std::filesystem::remove(path.string() + "-shm");
  // Without real syncs (drop_syncs) the cut may leave a database SQLite cannot open at all
  // ("file is not a database"): then nothing acknowledged is there.
  try {
    storage::Database db(path.string());
    auto& c = db.Read();
    storage::Stmt check(c, "PRAGMA integrity_check");
    while (check.Step()) out.integrity += check.Text(0) + "\n";
    for (const auto& ref : out.acknowledged) {
      auto email = [&]() -> std::optional<std::string> {
        storage::Stmt s(c, "SELECT email FROM responses WHERE reference = ?");
        s.BindAll(ref);
        if (!s.Step()) return std::nullopt;
        return s.Text(0);
      }();
      if (!email) {
        ++out.missing;
        continue;
      }
      // Either queued in the outbox or still due, never both, never neither.
      auto queued = c.QueryInt("SELECT count(*) FROM mail_outbox WHERE recipient = ?", *email);
      auto due = c.QueryInt(
          "SELECT count(*) FROM confirmation_mails q JOIN responses r ON r.id = q.response_id "
          "WHERE r.reference = ?",
          ref);
      if (queued.value_or(0) + due.value_or(0) != 1) ++out.mails_wrong;
    }
    while (QueueConfirmationMails(db) > 0) {
    }
    for (const auto& ref : out.acknowledged)
      if (c.QueryInt("SELECT count(*) FROM mail_outbox o JOIN responses r ON r.email = "
                     "o.recipient WHERE r.reference = ?",
                     ref)
              .value_or(0) != 1)
        ++out.mails_wrong_after;
  } catch (const std::exception& e) {
    out.integrity = std::string("unreadable: ") + e.what() + "\n";
    out.missing = out.acknowledged.size();
  }
  for (const char* suffix : {"", "-wal", "-shm"})
    std::filesystem::remove(path.string() + suffix);
  return out;
}

TEST(PowerLoss, AcknowledgedSubmissionsSurvive) {
  Outcome o = SurgeAndPowerLoss(false);
  ::testing::Test::RecordProperty("acknowledged", static_cast<int>(o.acknowledged.size()));
  ::testing::Test::RecordProperty("lost_writes", static_cast<int>(o.lost_writes));
  ASSERT_GE(o.acknowledged.size(), 20u);
  EXPECT_GT(o.lost_writes, 0u) << "the cut fell where nothing was unsynced";
  EXPECT_TRUE(o.torn);
  EXPECT_EQ(o.integrity, "ok\n");
  EXPECT_EQ(o.missing, 0u) << "of " << o.acknowledged.size() << " acknowledged";
  EXPECT_EQ(o.mails_wrong, 0u) << "of " << o.acknowledged.size() << " acknowledged";
  EXPECT_EQ(o.mails_wrong_after, 0u) << "of " << o.acknowledged.size() << " acknowledged";
}

// The check above can fail: when syncs keep nothing, acknowledged submissions are lost and the
// same counting finds them missing.
TEST(PowerLoss, DetectsSubmissionsLostWithoutSync) {
  Outcome o = SurgeAndPowerLoss(true);
  ASSERT_GE(o.acknowledged.size(), 20u);
  EXPECT_GT(o.missing, 0u) << "of " << o.acknowledged.size() << " acknowledged";
}

}  // namespace
}  // namespace plenary::consultations
