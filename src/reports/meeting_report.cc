// The report columns of `meetings` (migration 0010): read, and changed by one use case.
#include "reports/meeting_report.h"

#include <optional>

#include <fmt/format.h>

#include "audit/audit.h"
#include "meetings/meetings.h"

namespace plenary::reports {

namespace json = boost::json;
using storage::Connection;

bool IsDistribution(std::string_view s) {
  return s.empty() || s == "itu_members" || s == "itu_members_and_stakeholders";
}

namespace {
std::optional<MeetingReport> ReadOn(Connection& c, std::int64_t id) {
  auto r = meetings::ReadMeetingReport(c, id);
  if (!r) return std::nullopt;
  return MeetingReport{id, r->approved, r->distribution};
}
}  // namespace

Result<MeetingReport> GetMeetingReport(storage::Database& db, std::int64_t meeting_id) {
  auto r = ReadOn(db.Read(), meeting_id);
  if (!r) return NotFound(fmt::format("meeting {}: no such meeting", meeting_id));
  return *r;
}

json::object MeetingReportJson(const MeetingReport& r) {
  return {{"approved", r.approved},
          {"distribution",
           r.distribution.empty() ? json::value(nullptr) : json::value(r.distribution)}};
}

Result<MeetingReport> UpdateMeetingReport(storage::Database& db, std::int64_t user_id,
                                          const std::string& meeting_id,
                                          const json::object& patch) {
  std::int64_t id = 0;
  if (meeting_id.empty() || meeting_id.size() > 18 ||
      meeting_id.find_first_not_of("0123456789") != std::string::npos)
    return NotFound("meeting " + meeting_id + ": no such meeting");
  id = std::stoll(meeting_id);
  std::optional<bool> approved;
  std::optional<std::string> distribution;
  for (const auto& [k, v] : patch) {
    if (k == "approved") {
      if (!v.is_bool()) return InvalidArgument("approved", "approved: must be true or false");
      approved = v.as_bool();
    } else if (k == "distribution") {
      if (v.is_null()) {
        distribution = "";
      } else if (!v.is_string() || v.as_string().empty() || !IsDistribution(v.as_string())) {
        return InvalidArgument("distribution",
                               "distribution: one of itu_members, itu_members_and_stakeholders, "
                               "or null when no distribution is on record");
      } else {
        distribution = std::string(v.as_string());
      }
    } else {
      std::string f(k);
      return InvalidArgument(f, f + ": unknown member; expected approved or distribution");
    }
  }
  auto done = db.Write<MeetingReport>([&](Connection& c) -> Result<MeetingReport> {
    auto columns = meetings::ReadMeetingReport(c, id);
    if (!columns) return NotFound(fmt::format("meeting {}: no such meeting", id));
    if (columns->kind != "working_group")
      return InvalidArgument("meeting", fmt::format("meeting {}: only a working-group meeting's "
                                                    "report is approved and distributed",
                                                    id));
    MeetingReport before = *ReadOn(c, id), after = before;
    if (approved) after.approved = *approved;
    if (distribution) after.distribution = *distribution;
    meetings::WriteMeetingReport(c, id, after.approved, after.distribution);
    audit::Record(c, user_id, "meeting.report", "meeting", id,
                  json::serialize(MeetingReportJson(before)),
                  json::serialize(MeetingReportJson(after)));
    return after;
  });
  return done;
}

}  // namespace plenary::reports
