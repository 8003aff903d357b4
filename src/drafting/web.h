// Routes of negotiated texts: JSON API (api.cc), pages (pages.cc) and their forms (forms.cc).
//   POST   /api/v1/texts                         create a text              (secretariat, chair)
//   GET    /api/v1/texts?document=&meeting=      the texts the reader may see
//   GET    /api/v1/texts/{id}?view=brackets|clean|status|compilation&lang=&version=
//   POST   /api/v1/texts/{id}/provisions         add a provision            (secretariat, chair)
//   PATCH  /api/v1/provisions/{id}               edit (with the version)    (editors, facilitator)
//   DELETE /api/v1/provisions/{id}                                          (secretariat, chair)
//   POST   /api/v1/provisions/{id}/brackets      bracket words, or with `question` the passage of
//                                                another language of a bracket (secretariat, chair)
//   POST   /api/v1/brackets/{id}/resolve         retain | delete | alternative N, every language
//   POST   /api/v1/provisions/{id}/proposals, /api/v1/proposals/{id}/withdraw|bracket|merge
//   POST   /api/v1/texts/{id}/revisions, GET /api/v1/texts/{id}/diff?from=&to=
//   POST   /api/v1/texts/{id}/informal, /api/v1/informal/{id}/report, /api/v1/texts/{id}/adopt
//   POST   /api/v1/texts/{id}/under-discussion   the provision on the screen (secretariat, chair)
//   GET    /api/v1/texts/{id}/events             Server-Sent Events: the text changed
//   GET    /texts/{id}, /texts/{id}/clean|status|compilation|diff|screen?lang=   pages
//   GET    /agenda-items/{id}/new-text, POST /texts, /texts/{id}/provisions, /provisions/{id}/edit|
//          delete|brackets, /brackets/{id}/resolve          the editors' forms (edit_forms.cc)
#pragma once
#include <set>
#include <string>

#include <boost/json.hpp>

#include "drafting/drafting.h"
#include "http/router.h"
#include "site/refusals.h"
#include "storage/db.h"

namespace plenary::drafting {

// A refused form of a text's page, shown again with what was typed (edit_forms.cc): the form's
// key ("add", "edit-<provision id>", "bracket-<provision id>", "passage-<question id>"), the post
// and the refusals.
struct FormState {
  std::string form;
  const http::Form* typed = nullptr;
  const site::FormErrors* errors = nullptr;
};
// The page of text `text_id` with its brackets and, for editors, its forms; `state` (or null)
// shows a refused form again; answered with `status`.
http::Response TextPageOf(storage::Database& db, const http::Request& req, std::int64_t text_id,
                          const FormState* state, int status);

// One input of the texts' forms (text_field.tpl, included as FIELD in `parent`): its id, name,
// label, value, the language of its content (lang and dir; "" none), whether it is a textarea,
// left-to-right (codes and numbers) and its help; its refusal from `errors` (may be null).
struct FieldSpec {
  std::string id{}, name{}, label{}, value{};
  std::string content_lang{};
  bool textarea = false, ltr = false;
  int rows = 3;
  std::string help{};
};
void AddField(ctemplate::TemplateDictionary* parent, const FieldSpec& f,
              const site::FormErrors* errors);
// The editors' forms of provision `p` on the text's page (section EDIT of its PROV): edit,
// delete, add a bracket; and the page's own (the summary of refusals, a new provision).
// `drafts`: the languages of the provision's text marked draft (site/text_states.h), each
// with its box in the edit form.
void AddProvisionForms(const Text& t, const Provision& p, const std::string& lang,
                       ctemplate::TemplateDictionary* o, const FormState* state,
                       const std::set<std::string>& drafts);
// The language version `clang` of provision `p` lacking the passage of an open question
// (MissingPassages): a LACKING section each in `o`, with the question's words in another
// language and, when `editing`, the form that adds the passage in `clang` (key
// "passage-<question>", inputs "pq-<question>-…").
void AddPassageForms(const Text& t, const Provision& p, const std::string& clang,
                     const std::string& lang, ctemplate::TemplateDictionary* o,
                     const FormState* state, bool editing);
void AddEditForms(const Text& t, const std::string& clang, const std::string& lang,
                  ctemplate::TemplateDictionary& d, const FormState* state);

void RegisterRoutes(http::Router& router, storage::Database& db);
void RegisterApi(http::Router& router, storage::Database& db);
void RegisterPages(http::Router& router, storage::Database& db);
void RegisterForms(http::Router& router, storage::Database& db);
// The editing forms (edit_forms.cc): a new text, provisions, brackets and their resolution.
void RegisterEditForms(http::Router& router, storage::Database& db);

boost::json::object BracketJson(const Bracket& b, const Provision& p);
boost::json::object ProvisionJson(const Provision& p);
boost::json::object ProposalJson(const Proposal& p);
// Proposals grouped by Member State: [{member_state, name, proposals}].
boost::json::array CompilationJson(const Text& t, const std::string& lang);
// The diff of versions ?from= and ?to= of a text (404 as for the text).
Result<boost::json::object> Diff(storage::Database& db, std::int64_t id,
                                 const http::Request& req, const documents::Viewer& viewer);

}  // namespace plenary::drafting
