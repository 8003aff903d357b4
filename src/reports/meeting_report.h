// What became of a working-group meeting's own report: whether the group approved it and to whom
// it was distributed (columns of `meetings`, migration 0010). A Chair's report states either fact
// only when it is on record here.
//
// UpdateMeetingReport is a use case: it validates its whole input, then writes the meeting's row
// and an audit entry in one transaction, and changes nothing on error. Thread-safe.
#pragma once
#include <cstdint>
#include <string>

#include <boost/json.hpp>

#include "base/result.h"
#include "storage/db.h"

namespace plenary::reports {

struct MeetingReport {
  std::int64_t meeting_id = 0;
  bool approved = false;     // the group approved the meeting's report
  std::string distribution;  // "", "itu_members" or "itu_members_and_stakeholders"
};

// True for "", "itu_members" and "itu_members_and_stakeholders".
bool IsDistribution(std::string_view s);

// The record of meeting `meeting_id`. NotFound for an unknown meeting.
Result<MeetingReport> GetMeetingReport(storage::Database& db, std::int64_t meeting_id);

// {approved, distribution}: distribution null when nothing is on record.
boost::json::object MeetingReportJson(const MeetingReport& r);

// Replaces the members present in `patch` ({approved: bool, distribution: one of the values above
// or null}); a member absent stays as it is. Rules, each a 400 naming the field; unknown members
// are refused. Only a working-group meeting has a report of this kind (400 naming `meeting`);
// NotFound for an unknown meeting.
Result<MeetingReport> UpdateMeetingReport(storage::Database& db, std::int64_t user_id,
                                          const std::string& meeting_id,
                                          const boost::json::object& patch);

}  // namespace plenary::reports
