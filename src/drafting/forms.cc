// The page forms of negotiated texts (no JavaScript): proposals and what the secretariat does
// with them, revisions, informal consultations, the provision under discussion and adoption. Each calls the same use case as
// the JSON API; success leads back to the text. A refused form of the text's page is shown again
// there (TextPageOf) with what was typed, the refusal in the reader's language next to its field
// and in the summary at the top, with the refusal's status; the compilation's buttons answer
// with the page of the refusal.
#include <sstream>
#include <tuple>

#include <fmt/format.h>

#include "base/parse.h"
#include "drafting/web.h"
#include "site/fields.h"
#include "site/refusals.h"
#include "site/site.h"
#include "text/messages.h"

namespace plenary::drafting {

using http::Request;
using text::T;

namespace {

std::optional<std::int64_t> Number(const http::Form& f, const char* k) {
  auto v = f.Get(k);
  if (!v || site::Trim(*v).empty()) return std::nullopt;
  return site::ParseId(site::Trim(*v));
}

// The version of the text the page showed (its hidden field `version`): an action on the text
// as a whole (a revision, the adoption) is refused (409) when the text changed since, so that
// nobody issues or adopts a text they have not read. None sent: the text as it stands (the
// API's `version` is optional); what is not a version is refused naming it.
Result<std::optional<std::int64_t>> VersionShown(const http::Form& f) {
  auto v = f.Get("version");
  if (!v || site::Trim(*v).empty()) return std::optional<std::int64_t>();
  auto n = ParseIntField("version", site::Trim(*v), 1, INT64_MAX);
  if (!n.ok()) return n.error();
  return std::optional<std::int64_t>(*n);
}

// A form of the text's page: its key (FormState::form) and, per field a refusal may name, the
// input it concerns and the catalogue key of the label the form shows ("" for a label built
// by the page: the informal consultations' provisions).
struct PageForm {
  std::string key;
  std::vector<std::tuple<std::string, std::string, std::string>> inputs;  // field, input, label
};

PageForm ProposeForm() {
  return {"propose",
          {{"provision", "pr-provision", "drafting_provision"},
           {"member_state", "pr-ms", "drafting_form_member_state"},
           {"kind", "pr-kind", "drafting_form_kind"},
           {"provision_kind", "pr-pkind", "drafting_form_provision_kind"},
           {"start", "pr-start", "drafting_form_start"},
           {"end", "pr-end", "drafting_form_end"},
           {"text", "pr-text", "drafting_form_words"},
           {"lang", "pr-text", "drafting_form_words"},
           {"justification", "pr-just", "drafting_justification"}}};
}
PageForm InformalForm() {
  return {"informal",
          {{"provisions", "in-prov", ""},
           {"facilitator", "in-fac", "drafting_form_facilitator"},
           {"member_state", "in-ms", "drafting_form_member_state"},
           {"report_to_meeting", "in-meeting", "drafting_form_report_to"},
           {"deadline", "in-deadline", "drafting_form_deadline"}}};
}
PageForm ReportForm(std::int64_t informal_id) {
  return {fmt::format("report-{}", informal_id),
          {{"agenda_item", fmt::format("rp-item-{}", informal_id), "drafting_form_report_item"},
           {"text", fmt::format("rp-text-{}", informal_id), "drafting_form_report_text"}}};
}
PageForm UnderDiscussionForm() {
  return {"under-discussion", {{"provision", "ud-provision", "drafting_provision"}}};
}
PageForm AdoptForm() {
  return {"adopt",
          {{"meeting", "ad-meeting", "drafting_form_meeting"},
           {"decision", "ad-decision", "drafting_form_decision"},
           {"resolution", "ad-resolution", "drafting_form_resolution"},
           {"confirm", "ad-confirm", "drafting_form_confirm"}}};
}

// The text's page again with `form` as typed and its refusal `e` next to its field (or, for a
// field the form has no input for, in the summary alone).
http::Response Refuse(storage::Database& db, const Request& req, std::int64_t text_id,
                      const PageForm& form, const http::Form& typed, const Error& e) {
  const std::string& lang = req.lang;
  site::FormErrors errors(lang);
  const std::string base = e.field.substr(0, e.field.find_first_of(".["));
  std::string input, label;
  for (const auto& [field, id, key] : form.inputs)
    if (field == base && input.empty()) {
      input = id;
      // The informal consultations' label carries its example as the page writes it.
      const std::string example = std::string_view(text::Direction(lang)) == "rtl"
                                      ? "\u20682.b, 6.c\u2069"
                                      : "2.b, 6.c";
      label = key.empty() ? T(lang, "drafting_form_provisions", {{"example", example}}) : T(lang, key);
    }
  if (auto now = site::StaleVersion(e))
    // A revision or an adoption made on a version the page no longer shows: the page that
    // answers shows the text as it stands.
    errors.AddText(T(lang, "form_error_stale_version_act", {{"version", *now}}));
  else if (input.empty())
    errors.AddText(site::RefusalText(e, lang));
  else
    errors.Add(e, input, label);
  FormState state{form.key, &typed, &errors};
  return TextPageOf(db, req, text_id, &state, http::StatusFor(e.code));
}

// Reads the form, checks the session and its CSRF token, then runs `fn` (session, form, id);
// a refusal shows the page of text `text_of(id)` with `form` again, or, when `form` is null or
// the text is not known, the page of the refusal.
template <class F>
http::Response Handle(storage::Database& db, Request& req, const PageForm* form,
                      const std::function<Result<std::int64_t>(std::int64_t)>& text_of, F&& fn) {
  auto in = site::ReadInput(req);
  auto g = site::RequireSignedIn(db, req, in.ok(),
                                 in.ok() ? in->fields.Get("csrf").value_or("") : "");
  if (g.refusal) return *g.refusal;
  if (!in.ok()) return site::ErrorResponse(db, req, in.error());
  auto id = site::ParseId(req.params[0]);
  if (!id) return site::ErrorResponse(db, req, NotFound("no such text or proposal"));
  Result<std::string> to = fn(*g.session, in->fields, *id);
  if (!to.ok()) {
    auto text_id = form && to.error().code != Code::kNotFound ? text_of(*id)
                                                               : Result<std::int64_t>(to.error());
    if (!text_id.ok()) return site::ErrorResponse(db, req, to.error());
    return Refuse(db, req, *text_id, *form, in->fields, to.error());
  }
  return http::Redirect(site::Prefix(req) + *to);
}

Result<std::int64_t> Same(std::int64_t id) { return id; }

std::string Back(std::int64_t text_id, const std::string& view = "") {
  return fmt::format("/texts/{}{}", text_id, view);
}

}  // namespace

void RegisterForms(http::Router& router, storage::Database& db) {
  router.Add("POST", "/texts/{id}/proposals", [&db](Request& req) {
    const PageForm form = ProposeForm();
    return Handle(db, req, &form, Same, [&](const accounts::Session& who, const http::Form& f,
                               std::int64_t id) -> Result<std::string> {
      auto provision = Number(f, "provision");
      if (!provision) return InvalidArgument("provision", "provision: choose a provision");
      auto text_id = TextOfProvision(db, *provision);
      if (!text_id.ok() || *text_id != id)
        return InvalidArgument("provision", "provision: not a provision of this text");
      ProposalInput in;
      in.member_state = site::Trim(f.Get("member_state").value_or(""));
      in.kind = f.Get("kind").value_or("");
      in.lang = f.Get("lang").value_or("");
      if (auto s = f.Get("start"); s && !site::Trim(*s).empty()) {
        auto n = ParseIntField("start", site::Trim(*s), 0, INT64_MAX);
        if (!n.ok()) return n.error();
        in.start = *n;
      }
      if (auto s = f.Get("end"); s && !site::Trim(*s).empty()) {
        auto n = ParseIntField("end", site::Trim(*s), 0, INT64_MAX);
        if (!n.ok()) return n.error();
        in.end = *n;
      }
      in.text = f.Get("text").value_or("");
      in.justification = site::Trim(f.Get("justification").value_or(""));
      // A new provision's kind (add_provision); the use case refuses another value.
      if (auto k = f.Get("provision_kind"); k && !k->empty()) in.provision_kind = *k;
      auto p = Propose(db, who, *provision, in);
      if (!p.ok()) return p.error();
      return Back(id, "/compilation");
    });
  });

  for (const char* action : {"withdraw", "bracket", "merge"}) {
    std::string a = action;
    router.Add("POST", "/proposals/{id}/" + a, [&db, a](Request& req) {
      return Handle(db, req, nullptr, Same, [&](const accounts::Session& who, const http::Form&,
                                 std::int64_t id) -> Result<std::string> {
        auto p = a == "withdraw" ? WithdrawProposal(db, who, id)
                 : !MayEdit(who)
                     ? Result<Proposal>(PermissionDenied("only the secretariat or the chair "
                                                         "turns proposals into the text"))
                 : a == "bracket" ? BracketProposal(db, who, id, std::nullopt)
                                  : MergeProposal(db, who, id, std::nullopt);
        if (!p.ok()) return p.error();
        return Back(p->text_id, "/compilation");
      });
    });
  }

  // A revision refused (changed or revised meanwhile, brackets waiting for a language): the
  // text's page says why in its summary.
  router.Add("POST", "/texts/{id}/revisions", [&db](Request& req) {
    const PageForm form{"revision", {}};
    return Handle(db, req, &form, Same, [&](const accounts::Session& who, const http::Form& f,
                               std::int64_t id) -> Result<std::string> {
      auto version = VersionShown(f);
      if (!version.ok()) return version.error();
      auto r = IssueRevision(db, who, id, *version);
      if (!r.ok()) return r.error();
      return Back(id);
    });
  });

  router.Add("POST", "/texts/{id}/informal", [&db](Request& req) {
    const PageForm form = InformalForm();
    return Handle(db, req, &form, Same, [&](const accounts::Session& who, const http::Form& f,
                               std::int64_t id) -> Result<std::string> {
      auto t = Get(db, id, who);
      if (!t.ok()) return t.error();
      InformalInput in;
      std::string labels = f.Get("provisions").value_or("");
      for (auto& c : labels)
        if (c == ',' || c == ';') c = ' ';
      std::istringstream words(labels);
      for (std::string w; words >> w;) {
        std::int64_t found = 0;
        for (const auto& p : t->provisions)
          if (p.label == w) found = p.id;
        if (!found)
          return InvalidArgument("provisions", "provisions: no provision labelled " + w);
        in.provisions.push_back(found);
      }
      in.facilitator = Number(f, "facilitator").value_or(0);
      in.member_state = site::Trim(f.Get("member_state").value_or(""));
      in.report_to_meeting = Number(f, "report_to_meeting").value_or(0);
      in.deadline = site::Trim(f.Get("deadline").value_or(""));
      auto i = SendToInformal(db, who, id, in);
      if (!i.ok()) return i.error();
      return Back(id);
    });
  });

  // The report back of informal consultations: one text in the page's language, recorded as
  // the facilitator's paragraph on an agenda item of the meeting reported to.
  router.Add("POST", "/informal/{id}/report", [&db](Request& req) {
    const PageForm form = ReportForm(site::ParseId(req.params[0]).value_or(0));
    auto text_of = [&db](std::int64_t informal) { return TextOfInformal(db, informal); };
    return Handle(db, req, &form, text_of, [&](const accounts::Session& who, const http::Form& f,
                               std::int64_t id) -> Result<std::string> {
      ReportInput in;
      in.agenda_item = Number(f, "agenda_item").value_or(0);
      std::string lang = f.Get("lang").value_or(req.lang);
      in.text = boost::json::object{{lang, site::Trim(f.Get("text").value_or(""))}};
      auto i = ReportInformal(db, who, id, in);
      if (!i.ok()) return i.error();
      return Back(i->text_id);
    });
  });

  // The provision under discussion (empty: the screen chooses), back to the text at it.
  router.Add("POST", "/texts/{id}/under-discussion", [&db](Request& req) {
    const PageForm form = UnderDiscussionForm();
    return Handle(db, req, &form, Same, [&](const accounts::Session& who, const http::Form& f,
                               std::int64_t id) -> Result<std::string> {
      std::optional<std::int64_t> provision;
      if (auto v = f.Get("provision"); v && !site::Trim(*v).empty()) {
        // The form offers the text's provisions: anything else is no provision of it.
        auto n = site::ParseId(site::Trim(*v));
        if (!n) return InvalidArgument("provision", "provision: no such provision");
        provision = *n;
      }
      auto t = SetUnderDiscussion(db, who, id, provision);
      if (!t.ok()) return t.error();
      return fmt::format("/texts/{}#p{}", id, OnScreen(*t));
    });
  });

  // The sentence on the brackets left, added to the record: back to the meeting's record.
  router.Add("POST", "/texts/{id}/record", [&db](Request& req) {
    return Handle(db, req, nullptr, Same, [&](const accounts::Session& who, const http::Form&,
                               std::int64_t id) -> Result<std::string> {
      auto r = RecordSentence(db, who, id);
      if (!r.ok()) return r.error();
      auto t = Get(db, id, who);
      if (!t.ok()) return t.error();
      return fmt::format("/meetings/{}/agenda", t->meeting_id);
    });
  });

  router.Add("POST", "/texts/{id}/adopt", [&db](Request& req) {
    const PageForm form = AdoptForm();
    return Handle(db, req, &form, Same, [&](const accounts::Session& who, const http::Form& f,
                               std::int64_t id) -> Result<std::string> {
      // The page asks for a confirmation: adoption cannot be undone.
      if (f.Get("confirm").value_or("") != "yes")
        return InvalidArgument("confirm", "confirm: tick the box to confirm the adoption");
      AdoptInput in;
      auto version = VersionShown(f);
      if (!version.ok()) return version.error();
      in.version = *version;
      in.meeting = Number(f, "meeting").value_or(0);
      in.decision = Number(f, "decision").value_or(0);
      if (auto r = f.Get("resolution"); r && !site::Trim(*r).empty()) {
        auto n = ParseIntField("resolution", site::Trim(*r), 1, 99999);
        if (!n.ok()) return n.error();
        in.resolution = *n;
      }
      auto t = Adopt(db, who, id, in);
      if (!t.ok()) return t.error();
      return Back(id);
    });
  });
}

}  // namespace plenary::drafting
