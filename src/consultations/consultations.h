// Open consultations: the model, the use cases that change it, and the queries that read it.
//
// Lifecycle of a consultation (computed from its dates and summary_published_at, see
//   StatusOf): upcoming → open → closed → published, moved only by the explicit actions of
//   lifecycle.h (Stage names the function behind each transition) and by the dates they set.
// Lifecycle of a response: received (SubmitResponse) → accepted | rejected (Moderate)
//   → published (Publish, accepted responses whose author consented).
// Each action validates its input, writes its rows and its audit entry in one transaction,
// and changes nothing when it returns an error.
#pragma once
#include <atomic>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <boost/json.hpp>

#include "base/result.h"
#include "meetings/meetings.h"
#include "site/text_html.h"
#include "site/text_states.h"
#include "storage/db.h"

namespace plenary::consultations {

// The longest title of a consultation, in characters, in each language.
inline constexpr std::size_t kMaxTitleChars = 500;

// Limits on what a respondent can send; configurable (plenary serve flags).
struct Limits {
  std::size_t max_text_chars = 20000;            // per answer and for the general contribution
  std::size_t max_attachments = 5;
  std::size_t max_attachment_bytes = 5 << 20;   // 5 MiB
};

struct Question {
  int number;
  boost::json::value text;  // multilingual
};

struct Extension {
  std::int64_t previous_deadline;
  std::int64_t new_deadline;
  boost::json::value reason;
  std::int64_t at;
};

struct FollowUp {  // an action a meeting approved about this consultation
  std::int64_t id;
  std::int64_t meeting_id;
  int meeting_number;
  std::string meeting_starts_on;
  std::string number;
  std::string kind;
  boost::json::value owner;
  boost::json::value text;
};

struct Consultation {
  std::int64_t id = 0;
  std::string key;
  std::int64_t body_id = 0;
  std::string body_key;
  std::string body_acronym;
  boost::json::value title;
  boost::json::value description;
  std::int64_t opens_at = 0;
  std::int64_t deadline = 0;
  std::string timezone;
  std::optional<std::int64_t> launched_at_meeting_id;
  std::optional<int> launched_at_meeting_number;
  std::optional<std::int64_t> considered_at_meeting_id;
  std::optional<int> considered_at_meeting_number;
  std::optional<std::int64_t> meeting_id;  // the open consultation meeting
  boost::json::value summary;               // null until written
  std::optional<std::int64_t> summary_published_at;
  bool illustrative = false;
  std::vector<Question> questions;
  // The texts marked draft (site/text_states.h): "title", "description", "questions.N" → languages.
  site::Drafts drafts;
  std::vector<Extension> extensions;
  std::vector<FollowUp> follow_up;
};

// "upcoming", "open", "closed" or "published".
std::string StatusOf(const Consultation& c, std::int64_t now);

// The id of a consultation given its numeric id or key (a cheap lookup).
std::optional<std::int64_t> FindId(storage::Database& db, const std::string& id_or_key);
// Finds by numeric id or by key. Questions, extensions and follow-up included.
Result<Consultation> Get(storage::Database& db, const std::string& id_or_key);
std::vector<Consultation> List(storage::Database& db, std::optional<std::int64_t> body_id = {});
// How many responses a consultation has (with `status`: in that status), from the counters
// kept by the writing transaction (migration 0015), not a count of rows per read.
std::int64_t CountResponses(storage::Connection& c, std::int64_t consultation_id,
                            const std::optional<std::string>& status = std::nullopt);

// --- Responses ---------------------------------------------------------------------------

struct AttachmentInput {
  std::string filename;
  std::string data;
};

struct ResponseInput {
  std::string name, organization, job_title, country, stakeholder_type, email, language;
  std::string general_text;
  std::map<int, std::string> answers;  // question number → text
  bool consent_publish = false;
  std::vector<AttachmentInput> attachments;
  std::optional<std::string> idempotency_key;
  std::string ip_address;  // the sender's address (for abuse investigation); "" when unknown
  // Set when the sender is signed in with a verified account: a response sent with that address
  // (or with none) is confirmed at once; any other address gets a confirmation mail.
  std::optional<std::string> verified_email;
  std::string mail_language;  // of the confirmation mail ("" → `language`)
};

struct Receipt {
  std::string reference;
  std::int64_t response_id;
  std::int64_t consultation_id;
  std::int64_t submitted_at;
  std::string status;
  bool replayed;  // true when an earlier submission with the same idempotency key is returned
};

// Checks everything and stores the response durably, with its confirmation mail (unless
// `verified_email` confirms the address) marked as due in the same transaction: a row of
// `confirmation_mails` that QueueConfirmationMails turns into the mail. Errors: 400
// naming the field, 413 for sizes, 404 unknown consultation, 409 when not open (before
// opens_at or after the deadline).
Result<Receipt> SubmitResponse(storage::Database& db, const std::string& consultation,
                               ResponseInput in, const Limits& limits);

// Composes up to `max` due confirmation mails (oldest first) on this thread, then in one write
// queues them in the mail outbox and deletes their `confirmation_mails` rows; a row that another
// server claimed or that an erasure deleted meanwhile is left alone. Returns how many were queued.
int QueueConfirmationMails(storage::Database& db, int max = 256);
// Confirmation mails due but not yet in the mail outbox.
std::int64_t PendingConfirmationMails(storage::Database& db);

// A background thread running QueueConfirmationMails until destroyed (after the batch in hand),
// pausing `poll_ms` when nothing is due. It keeps the writer's work per submission small under a
// surge: composing a mail (its signed link, the message in the respondent's language) and
// writing its row happen here, in batches, behind the durable write.
class ConfirmationMailer {
 public:
  explicit ConfirmationMailer(storage::Database& db, int poll_ms = 200);
  ~ConfirmationMailer();
  ConfirmationMailer(const ConfirmationMailer&) = delete;
  ConfirmationMailer& operator=(const ConfirmationMailer&) = delete;

 private:
  storage::Database& db_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};
Result<Receipt> FindReceipt(storage::Database& db, const std::string& reference);
// Follows the link of a response's confirmation mail (accounts/tokens.h): records when the
// address was confirmed (once; following it again changes nothing). Returns the reference.
// Errors: 400 naming "token" when it is malformed, forged, expired or the address changed.
Result<std::string> ConfirmEmail(storage::Database& db, const std::string& token);
// Responses not rejected whose e-mail address is not confirmed yet (for the secretariat).
std::int64_t UnconfirmedCount(storage::Database& db, std::int64_t consultation_id);

struct Attachment {
  std::int64_t id;
  std::string filename;
  std::string media_type;
  std::int64_t size;
};

struct Response {
  std::int64_t id;
  std::int64_t consultation_id;
  std::string reference;
  std::string name, organization, job_title, country, stakeholder_type, language;
  std::string email;  // filled only for staff views
  std::string general_text;
  std::map<int, std::string> answers;
  bool consent_publish;
  std::string status;
  std::optional<std::string> reject_reason;
  bool redacted;
  bool illustrative;
  std::int64_t submitted_at;
  std::optional<std::int64_t> published_at;
  std::vector<Attachment> attachments;
  std::optional<std::string> ip_address;  // staff views only; null once purged or erased
  std::optional<std::int64_t> erased_at;  // when EraseRespondent ran
  std::optional<std::int64_t> email_confirmed_at;  // staff views only; null until confirmed
};

struct Page {
  std::vector<Response> items;
  std::int64_t total;
  int page;
  int per_page;
};

// Published responses only, without personal data (no e-mail).
Page PublishedResponses(storage::Database& db, std::int64_t consultation_id, int page,
                        int per_page);
// Everything, for moderators; `status` filters when set.
Page AllResponses(storage::Database& db, std::int64_t consultation_id,
                  const std::optional<std::string>& status, int page, int per_page);
// The moderators' filters (besides `status`): each set one narrows the list.
struct ModerationFilter {
  std::optional<std::string> status, stakeholder_type, country, language;
  std::optional<bool> confirmed;  // the respondent confirmed their e-mail address, or not
  // A campaign of near-identical responses (CampaignTracker's id) and its members, sorted;
  // filled by FillCampaign, which refuses an unknown campaign.
  std::optional<std::uint64_t> campaign;
  std::vector<std::int64_t> campaign_members;
  bool narrows() const { return stakeholder_type || country || language || confirmed || campaign; }
  // The filters set, as a query string's parameters each led by "&" (for pagers and forms).
  std::string QueryString() const;
};
// Checks each filter (400 naming it: status one of received, accepted, rejected, published;
// country ISO 3166-1 alpha-2; language one of the six; stakeholder_type a known type).
Status CheckFilter(storage::Database& db, const ModerationFilter& f);
// Everything matching `f`, for moderators (`total` counts the matches).
Page FilteredResponses(storage::Database& db, std::int64_t consultation_id,
                       const ModerationFilter& f, int page, int per_page);
// Published responses matching `f`'s stakeholder type, country and language (its status and
// confirmed are not used), without personal data; from `after` when given.
Page PublishedFiltered(storage::Database& db, std::int64_t consultation_id,
                       const ModerationFilter& f, int page, int per_page,
                       const std::optional<std::pair<std::int64_t, std::int64_t>>& after);
// One response with personal data, for moderators.
Result<Response> GetResponse(storage::Database& db, std::int64_t id);
// The signed part of a receipt's link (accounts/tokens.h, purpose "r"; subject the reference),
// bound to the response's id, e-mail address and erasure: the link stops working when it
// expires or when the respondent's data is erased. The reference alone, which published
// responses show, never opens the copy of the answers.
Result<std::string> ReceiptToken(storage::Database& db, const std::string& reference,
                                 std::int64_t expires);
// A response as its author sent it, for the receipt page reached by its signed link: the
// receipt, the answers and the names of the attachments, and the address the confirmation mail
// went to. 404 (the same answer) for an unknown reference and for a token that is malformed,
// forged, expired, issued for another response or for the address before an erasure.
struct ReceiptCopy {
  Receipt receipt;
  Response response;  // with its e-mail address
  std::int64_t token_expires = 0;
};
Result<ReceiptCopy> FindReceiptCopy(storage::Database& db, const std::string& reference,
                                    const std::string& token);
// "j•••@example.org": enough for its owner to recognise the address on a printed receipt.
std::string MaskEmail(const std::string& email);
// A published attachment's content (nullopt unless its response is published).
struct AttachmentFile {
  std::string filename, media_type, data;
};
std::optional<AttachmentFile> PublishedAttachment(storage::Database& db, std::int64_t id);
// The file of any response, whatever its status: for the secretariat, who moderate it.
std::optional<AttachmentFile> AnyAttachment(storage::Database& db, std::int64_t id);

// --- Secretariat use cases -----------------------------------------------------------------

struct ConsultationInput {
  std::string key;
  std::string body;  // body id or key
  std::optional<std::string> launched_at_meeting;  // meeting id
  boost::json::value title;        // multilingual or plain string (taken as English)
  boost::json::value description;
  std::vector<boost::json::value> questions;
  std::string opens_at, deadline;  // ISO local times in `timezone`, or with an offset
  std::string timezone;
  std::optional<std::string> meeting;  // the open consultation meeting's id
  // Each language's state of the texts (site/text_states.h): "title", "description",
  // "questions.N"; a text without one is final.
  site::AskedStates states;
};
Result<Consultation> Create(storage::Database& db, std::int64_t user_id,
                            const ConsultationInput& in);
// An edit of a consultation (PATCH /api/v1/consultations/{id}, the desk's edit form). Each
// field given replaces the stored one whole (a multilingual field: all its languages; the
// questions: the whole list, in order); an absent field stays. Dates are local times of the
// time zone (the new one when it changes too).
struct ConsultationPatch {
  std::optional<boost::json::value> title, description;
  std::optional<std::vector<boost::json::value>> questions;
  std::optional<std::string> opens_at, deadline, timezone;
  // A meeting's id; "" unlinks. `meeting` must be of kind open_consultation.
  std::optional<std::string> launched_at_meeting, meeting;
  boost::json::value reason;  // {lang: text} or text; required for corrections (see Edit)
  // Each language's state (site/text_states.h), for the texts as the edit leaves them: a text
  // changed without a state becomes final, an unchanged one keeps its state.
  site::AskedStates states;
};
// Until its first response everything may change, as when it was created, except its status:
// dates that would move it (open it, close it, make it upcoming again) are refused with 409
// naming the date: the status moves only by the actions of lifecycle.h. Once it has a
// response, only corrections: the title, description and wording of the questions (same
// number of questions), with a reason (400 `reason`), and the meeting links; the dates and
// the time zone are refused with 409 naming the field (the deadline moves by ExtendDeadline),
// as is adding or removing a question (409 `questions`). Fields equal to the stored ones are
// no change; an edit without change writes nothing. The audit entry (consultation.edit) keeps
// the old values of what changed in `before`, the new ones and the reason in `after`.
Result<Consultation> Edit(storage::Database& db, std::int64_t user_id,
                          const std::string& consultation, const ConsultationPatch& in);
// Moves the deadline later, recording the reason. Error if not later than the current one.
Result<Consultation> ExtendDeadline(storage::Database& db, std::int64_t user_id,
                                    const std::string& consultation, const std::string& deadline,
                                    const boost::json::value& reason);

struct Moderation {
  std::string action;  // "accept" | "reject" | "redact"
  std::string reason;  // required for reject
  // For redact: replacement texts. Keys: "general", "name", "organization", "job_title",
  // or a question number; the previous text goes to the audit log only.
  std::map<std::string, std::string> replacements;
};
Result<Response> Moderate(storage::Database& db, std::int64_t user_id, std::int64_t response_id,
                          const Moderation& m);
// Accepts or rejects many responses of one consultation at once (a whole campaign), in one
// transaction, each with its audit entry. Published responses stay published when accepted.
// Returns how many changed.
Result<int> ModerateMany(storage::Database& db, std::int64_t user_id, std::int64_t consultation_id,
                         const std::vector<std::int64_t>& response_ids, const Moderation& m);
// Publishes those of `response_ids` that are accepted and whose authors consented.
Result<int> PublishSome(storage::Database& db, std::int64_t user_id, std::int64_t consultation_id,
                        const std::vector<std::int64_t>& response_ids);
// Publishes every accepted response whose author consented; returns how many.
Result<int> PublishAccepted(storage::Database& db, std::int64_t user_id,
                            const std::string& consultation);
// Writes the participants' summary (replaced whole) and its languages' states (`asked`, field
// "summary" of owner "consultation" in site/text_states.h; 400 naming `states.summary.<lang>`
// for a state without text). Never changes the status: the summary becomes public with the
// results (PublishResults in lifecycle.h).
Result<Consultation> SetSummary(storage::Database& db, std::int64_t user_id,
                                const std::string& consultation, const boost::json::value& summary,
                                const site::AskedStates& asked = {});

struct FollowUpInput {
  std::string meeting;  // id of the meeting that approved it
  std::string number;   // "2.7.1"
  std::string kind;
  boost::json::value owner, text;
};
Result<FollowUp> AddFollowUp(storage::Database& db, std::int64_t user_id,
                             const std::string& consultation, const FollowUpInput& in);

// --- Privacy (privacy.cc) --------------------------------------------------------------------

// Erases a respondent's personal data on request: the e-mail address and the IP address
// always; the name, organization and job title unless the respondent consented to publish
// them (then they stay with the published text). Answers, country, stakeholder type and
// language stay. The audit entry names the fields erased, never their values. Secretariat
// only (the caller checks the role). Errors: 404 unknown response, 409 already erased.
struct Erasure {
  std::int64_t response_id;
  std::vector<std::string> fields;  // what was erased: "email", "ip_address", "name", …
  std::int64_t erased_at;
};
Result<Erasure> EraseRespondent(storage::Database& db, std::int64_t user_id,
                                std::int64_t response_id);
// Nulls the IP addresses of responses submitted `retention_days` days or more before `now`
// (0: every address); writes one audit entry (no user) when any was purged. Returns how many.
Result<int> PurgeIpAddresses(storage::Database& db, int retention_days, std::int64_t now);

// --- Statistics and the report paragraph ---------------------------------------------------

struct Statistics {
  std::int64_t total = 0;  // every response not rejected
  std::vector<std::pair<std::string, std::int64_t>> by_stakeholder_type;  // taxonomy order
  std::map<std::string, std::int64_t> by_country, by_region, by_m49_region, by_language,
      by_status;
  std::optional<std::int64_t> registered, attended;
  bool registered_more_than = false, attended_more_than = false;
  // Mass campaigns among the responses counted in `total`: how many campaign texts, and how
  // many responses are copies of them. Set by the caller from the CampaignTracker.
  std::optional<std::int64_t> campaigns, campaign_copies;
};
Result<Statistics> ComputeStatistics(storage::Database& db, const std::string& consultation);
boost::json::object StatisticsJson(const Statistics& s);
std::string StatisticsCsv(const Statistics& s);

// The paragraph of a Chair's report on this consultation, from the data alone, in `lang`.
// With `campaigns` (from the tracker), the paragraph also says how many responses are copies
// of how many campaign texts. The consultation's title is the one stored in `lang`, else in the
// first language it has (site::Pick); ReportSentence keeps it marked with that language
// (site::Sentence: a <span lang dir> on a page, a run of its own language in a DOCX), and
// ReportParagraph is its text (the API, the CLI).
Result<site::Sentence> ReportSentence(storage::Database& db, const std::string& consultation,
                                      const std::string& lang,
                                      const Statistics* campaigns = nullptr);
Result<std::string> ReportParagraph(storage::Database& db, const std::string& consultation,
                                    const std::string& lang,
                                    const Statistics* campaigns = nullptr);

// The stakeholder taxonomy belongs to meetings, below both its users (registrations and
// responses); the consultations' pages and API use it under these names.
using meetings::AddStakeholderType;
using meetings::StakeholderType;
using meetings::StakeholderTypes;

}  // namespace plenary::consultations
