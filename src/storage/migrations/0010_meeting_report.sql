-- What became of a working-group meeting's own report, so that a Chair's report says it only when
-- it is on record (src/reports/meeting_report.h reads and writes them):
--   report_approved      1: the group approved the meeting's report; 0: no approval on record
--   report_distribution  to whom the report was distributed: '' (nothing on record),
--                        'itu_members' (all ITU members), 'itu_members_and_stakeholders' (all ITU
--                        members and the international organizations and stakeholders actively
--                        involved in the work)
ALTER TABLE meetings ADD COLUMN report_approved INTEGER NOT NULL DEFAULT 0
  CHECK (report_approved IN (0, 1));
ALTER TABLE meetings ADD COLUMN report_distribution TEXT NOT NULL DEFAULT ''
  CHECK (report_distribution IN ('', 'itu_members', 'itu_members_and_stakeholders'));
