-- What a Chair's report needs of its body and the record does not hold elsewhere
-- (src/reports/officers.h writes them, src/reports/chair_report.h reads them):
--   officers            {"chair": {"name": "...", "member_state": "SA"},
--                        "vice_chairs": [{"name", "member_state"}], "secretary": {"name"}}
--   terms_of_reference  multilingual JSON; one paragraph a line, "a) …" lines are items
--   citations           [{"instrument": "pp", "number": 102}, …]: the resolutions the body
--                       works under, in the order the report cites them
ALTER TABLE bodies ADD COLUMN officers TEXT NOT NULL DEFAULT '{}';
ALTER TABLE bodies ADD COLUMN terms_of_reference TEXT NOT NULL DEFAULT '{}';
ALTER TABLE bodies ADD COLUMN citations TEXT NOT NULL DEFAULT '[]';
