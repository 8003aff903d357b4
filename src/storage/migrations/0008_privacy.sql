-- Privacy: the address a response was sent from, kept for abuse investigation only for the
-- retention period (`plenary serve --ip-retention-days`, `plenary purge-ip`), then nulled; and
-- when a respondent's personal data was erased on request (consultations::EraseRespondent).
ALTER TABLE responses ADD COLUMN ip_address TEXT;   -- personal data: never published
ALTER TABLE responses ADD COLUMN erased_at INTEGER; -- set by EraseRespondent
-- The purge walks only the rows that still hold an address, oldest first.
CREATE INDEX responses_with_ip ON responses(submitted_at) WHERE ip_address IS NOT NULL;
