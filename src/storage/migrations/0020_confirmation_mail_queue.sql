-- The confirmation mail of a response is queued behind the durable write, as search indexing
-- is: the submission's transaction writes only this small row (the response's "mail pending"
-- flag, with the language of the mail), and consultations::ConfirmationMailer composes the
-- mails off the writer thread and turns them into mail_outbox rows in batches, deleting the
-- rows it queued in the same transaction (so each mail is queued once, also with several
-- servers on one PostgreSQL database: the rows are claimed FOR UPDATE SKIP LOCKED). A row
-- survives a crash with its response; erasing the respondent's data deletes it.
CREATE TABLE confirmation_mails (
  response_id INTEGER NOT NULL PRIMARY KEY REFERENCES responses(id) ON DELETE CASCADE,
  language TEXT NOT NULL
);
