// Privacy use cases on responses: erasing a respondent's personal data on request, and the
// purge of IP addresses older than the retention period.
#include "consultations/privacy.h"

#include <algorithm>
#include <chrono>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "audit/audit.h"
#include "base/time.h"
#include "consultations/consultations.h"
#include "mail/mail.h"
#include "search/search.h"

namespace plenary::consultations {

namespace json = boost::json;
using storage::Connection;
using storage::Stmt;

Result<Erasure> EraseRespondent(storage::Database& db, std::int64_t user_id,
                                std::int64_t response_id) {
  auto erased = db.Write<Erasure>([&](Connection& c) -> Result<Erasure> {
    Stmt s(c,
           "SELECT consent_publish, email, ip_address, name, organization, job_title, erased_at "
           "FROM responses WHERE id = ?");
    s.BindAll(response_id);
    if (!s.Step()) return NotFound(fmt::format("response {}: no such response", response_id));
    if (!s.IsNull(6))
      return FailedPrecondition(
          fmt::format("response {}: its personal data was already erased", response_id));
    bool consented = s.Int(0) != 0;
    // Only fields that hold something are reported as erased (an imported record may have no
    // e-mail address, a response from before migration 0008 no IP address).
    Erasure out{response_id, {}, Now()};
    if (!s.Text(1).empty()) out.fields.push_back("email");
    if (!s.IsNull(2)) out.fields.push_back("ip_address");
    if (!consented) {
      if (!s.Text(3).empty()) out.fields.push_back("name");
      if (!s.Text(4).empty()) out.fields.push_back("organization");
      if (!s.Text(5).empty()) out.fields.push_back("job_title");
    }
    // Name, organization and job title are NOT NULL: erased means empty. A respondent who
    // consented keeps them beside the published text, which is what they agreed to.
    if (consented)
      c.Exec("UPDATE responses SET email = '', ip_address = NULL, erased_at = ? WHERE id = ?",
             out.erased_at, response_id);
    else
      c.Exec("UPDATE responses SET email = '', ip_address = NULL, name = '', organization = '', "
             "job_title = '', erased_at = ? WHERE id = ?",
             out.erased_at, response_id);
    // Mail to the address (the confirmation link, due, pending or kept after sending) goes too.
    if (!s.Text(1).empty()) mail::DeleteFor(c, s.Text(1));
    c.Exec("DELETE FROM confirmation_mails WHERE response_id = ?", response_id);
    // The search index may hold the name of a published response; the indexer re-reads it.
    search::Enqueue(c, "response", response_id);
    // Which fields, never their values: the audit log must not keep what was erased.
    json::array fields;
    for (const auto& f : out.fields) fields.emplace_back(f);
    audit::Record(c, user_id, "response.erase", "response", response_id,
                  json::serialize(json::object{{"consent_publish", consented}}),
                  json::serialize(json::object{{"erased", fields}}));
    return out;
  });
  if (!erased.ok()) return erased;
  // The write-ahead log still holds the pages as they were before (with the values): copy
  // the log into the file, where secure_delete zeroed the old cells, and empty it. The erasure
  // stands even if readers keep the log busy (then the next checkpoint does it).
  if (auto cp = db.Checkpoint(); !cp.ok())
    spdlog::warn("erasure of response {}: {}", response_id, cp.error().message);
  return erased;
}

Result<int> PurgeIpAddresses(storage::Database& db, int retention_days, std::int64_t now) {
  if (retention_days < 0)
    return InvalidArgument("ip_retention_days", "ip_retention_days: must be 0 or more");
  std::int64_t cutoff = now - static_cast<std::int64_t>(retention_days) * 86400;
  // Cheap check on a read connection first: the periodic run usually finds nothing to do.
  if (!db.Read().QueryInt(
          "SELECT 1 FROM responses WHERE ip_address IS NOT NULL AND submitted_at <= ? LIMIT 1",
          cutoff))
    return 0;
  return db.Write<int>([&](Connection& c) -> Result<int> {
    c.Exec("UPDATE responses SET ip_address = NULL "
           "WHERE ip_address IS NOT NULL AND submitted_at <= ?",
           cutoff);
    int n = c.Changes();
    if (n > 0)
      audit::Record(c, std::nullopt, "privacy.purge_ip", "responses", std::nullopt,
                    std::nullopt,
                    json::serialize(json::object{{"retention_days", retention_days},
                                                 {"submitted_before", FormatIso(cutoff)},
                                                 {"purged", n}}));
    return n;
  });
}

IpRetention::IpRetention(storage::Database& db, int retention_days, int interval_seconds)
    : db_(db),
      retention_days_(retention_days),
      interval_seconds_(std::max(interval_seconds, 1)),
      thread_([this] { Run(); }) {}

IpRetention::~IpRetention() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void IpRetention::Run() {
  std::unique_lock lock(mu_);
  while (!stop_) {
    lock.unlock();
    try {
      auto n = PurgeIpAddresses(db_, retention_days_, Now());
      if (!n.ok())
        spdlog::warn("IP address purge: {}", n.error().message);
      else if (*n > 0)
        spdlog::info("IP address purge: {} address(es) older than {} day(s) removed", *n,
                     retention_days_);
    } catch (const std::exception& e) {
      spdlog::error("IP address purge failed: {}", e.what());
    }
    lock.lock();
    cv_.wait_for(lock, std::chrono::seconds(interval_seconds_), [this] { return stop_; });
  }
}

}  // namespace plenary::consultations
