// The lifecycle of a generated document — a meeting's summary record, a body's Chair's report,
// a consultation's report, a negotiated text — and the routes every one of them shares.
// A generated document is a draft (rendered from the live data) until staff approve it; an
// approved document is issued under a symbol and a date (issued.h: the snapshot is frozen and
// registered); a correction or revision is approved and issued again. Each transition is a use
// case of its own, audited, and refused with 409 when the document is not in the state it
// leaves (approving an approved document, issuing one that is not approved).
#pragma once
#include <boost/json.hpp>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "accounts/accounts.h"
#include "base/result.h"
#include "base/time.h"
#include "documents/issued.h"
#include "http/router.h"
#include "http/templates.h"
#include "render/model.h"
#include "storage/db.h"

namespace plenary::documents {

struct Lifecycle {
  std::string status;             // "draft" | "approved" | "issued"
  std::optional<Issued> latest;   // the latest issued version, if any (also when approved again)
  Instant approved_at = 0;        // when approved, if approved
  std::optional<std::int64_t> approved_by;
};
Lifecycle LifecycleOf(storage::Database& db, const std::string& source);
// {status, approved_at (ISO or null), issued: null | {symbol, version, id, url}}
boost::json::object LifecycleJson(const Lifecycle& l);

// draft → approved, or issued → approved (the text of its correction or revision). 409 when
// already approved. Audited as document.approve.
Result<Lifecycle> Approve(storage::Database& db, std::int64_t user_id, const std::string& source);
// approved → draft (or back to issued when a version was issued before). 409 when not
// approved. Audited as document.withdraw_approval.
Result<Lifecycle> WithdrawApproval(storage::Database& db, std::int64_t user_id,
                                   const std::string& source);

// What the module that generates a document hands to the shared routes.
struct Generated {
  std::string source;         // "meeting-record:12" (the key of issued_documents)
  std::string body;           // the body's key, for the registry
  std::string source_kind;    // "secretariat" | "chair"
  boost::json::value author;  // multilingual, or null
  std::string page;           // the public page's path without language prefix, with its query
  std::string forms;          // where the page's forms post ("/texts/5/document"); "" = `page`
  std::string access = "public";  // of the issued document (a restricted text stays so)
  std::string label;          // what the confirmation page names it ("Summary record of …")
  // The document in `lang`; `symbol`/`date` empty for the draft.
  std::function<Result<render::Document>(const std::string& lang, const std::string& symbol,
                                         const std::string& date)>
      build;
};
using Resolver = std::function<Result<Generated>(
    const http::Request& req, const std::optional<accounts::Session>& viewer)>;

// Registers, under `api` ("/api/v1/meetings/{id}/record"):
//   GET  {api}.docx | .pdf | .akn.xml ?lang=   the latest issued file, else the draft now
//   GET  {api}/lifecycle                       LifecycleJson
//   POST {api}/approve                         (staff) → 200 LifecycleJson
//   POST {api}/withdraw-approval               (staff) → 200 LifecycleJson
//   POST {api}/issue {symbol, date}            (staff) → 201 {id, symbol, date, issued}
// and under `page` ("/meetings/{id}/record") the staff forms of the same three actions, each
// through a confirmation page (the first post shows what will happen, the post with
// confirm=yes acts), going back to the document's page.
void RegisterGeneratedRoutes(http::Router& router, storage::Database& db, const std::string& api,
                             const std::string& page, Resolver resolve);

// The lifecycle panel of a generated document's page (generated_lifecycle.tpl, include
// LIFECYCLE of `d`): its status, the message or refusal its forms came back with, and, for
// staff, the forms of the transitions it allows. `form_base`: the forms' path without prefix
// ("/meetings/12/record"), `query` the page's query to carry ("meetings=16,17" or "").
void FillLifecycle(storage::Database& db, ctemplate::TemplateDictionary& d, const Lifecycle& l,
                   const http::Request& req,
                   bool staff, const std::string& form_base, const std::string& query);

// The issued text of `issued` in `lang` as its page shows it once issued (issued_document.tpl,
// include ISSUED_VIEW of `d`): the snapshot, never the live data, with its files' links.
// `live_url` (staff only, else ""): the page showing the live draft.
void FillIssuedView(storage::Database& db, ctemplate::TemplateDictionary& d, const Issued& issued,
                    const std::string& lang, const std::string& prefix,
                    const std::optional<accounts::Session>& viewer, const std::string& live_url);

// The page of a generated document once issued (issued_page.tpl): `crumbs` (path without
// prefix, text), its flash, the issued view (FillIssuedView) and the lifecycle panel
// (FillLifecycle). A staff reader gets a link to `page_path` + live=1, the live draft.
http::Response IssuedPage(storage::Database& db, const http::Request& req,
                          const std::optional<accounts::Session>& viewer, const Lifecycle& l,
                          const std::vector<std::pair<std::string, std::string>>& crumbs,
                          const std::string& page_path, const std::string& query);
// Whether `req` asks for the live draft (live=1) and may see it (staff).
bool WantsLiveDraft(const http::Request& req, const std::optional<accounts::Session>& viewer);

}  // namespace plenary::documents
