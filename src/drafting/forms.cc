// The page forms of negotiated texts (no JavaScript): proposals and what the secretariat does
// with them, revisions, informal consultations, the provision under discussion and adoption. Each calls the same use case as
// the JSON API; success leads back to the text, an error shows the page of the refusal with the
// use case's message and status.
#include <sstream>

#include <fmt/format.h>

#include "base/parse.h"
#include "drafting/web.h"
#include "site/fields.h"
#include "site/site.h"

namespace plenary::drafting {

using http::Request;

namespace {

std::optional<std::int64_t> Number(const http::Form& f, const char* k) {
  auto v = f.Get(k);
  if (!v || site::Trim(*v).empty()) return std::nullopt;
  return site::ParseId(site::Trim(*v));
}

// Reads the form, checks the session and its CSRF token, then runs `fn` (session, form, id).
template <class F>
http::Response Handle(storage::Database& db, Request& req, F&& fn) {
  auto in = site::ReadInput(req);
  auto g = site::RequireSignedIn(db, req, in.ok(),
                                 in.ok() ? in->fields.Get("csrf").value_or("") : "");
  if (g.refusal) return *g.refusal;
  if (!in.ok()) return site::ErrorResponse(db, req, in.error());
  auto id = site::ParseId(req.params[0]);
  if (!id) return site::ErrorResponse(db, req, NotFound("no such text or proposal"));
  Result<std::string> to = fn(*g.session, in->fields, *id);
  if (!to.ok()) return site::ErrorResponse(db, req, to.error());
  return http::Redirect(site::Prefix(req) + *to);
}

std::string Back(std::int64_t text_id, const std::string& view = "") {
  return fmt::format("/texts/{}{}", text_id, view);
}

}  // namespace

void RegisterForms(http::Router& router, storage::Database& db) {
  router.Add("POST", "/texts/{id}/proposals", [&db](Request& req) {
    return Handle(db, req, [&](const accounts::Session& who, const http::Form& f,
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
      auto p = Propose(db, who, *provision, in);
      if (!p.ok()) return p.error();
      return Back(id, "/compilation");
    });
  });

  for (const char* action : {"withdraw", "bracket", "merge"}) {
    std::string a = action;
    router.Add("POST", "/proposals/{id}/" + a, [&db, a](Request& req) {
      return Handle(db, req, [&](const accounts::Session& who, const http::Form&,
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

  router.Add("POST", "/texts/{id}/revisions", [&db](Request& req) {
    return Handle(db, req, [&](const accounts::Session& who, const http::Form&,
                               std::int64_t id) -> Result<std::string> {
      auto r = IssueRevision(db, who, id, std::nullopt);
      if (!r.ok()) return r.error();
      return Back(id);
    });
  });

  router.Add("POST", "/texts/{id}/informal", [&db](Request& req) {
    return Handle(db, req, [&](const accounts::Session& who, const http::Form& f,
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
    return Handle(db, req, [&](const accounts::Session& who, const http::Form& f,
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
    return Handle(db, req, [&](const accounts::Session& who, const http::Form& f,
                               std::int64_t id) -> Result<std::string> {
      std::optional<std::int64_t> provision;
      if (auto v = f.Get("provision"); v && !site::Trim(*v).empty()) {
        auto n = ParseIntField("provision", site::Trim(*v), 1, INT64_MAX);
        if (!n.ok()) return n.error();
        provision = *n;
      }
      auto t = SetUnderDiscussion(db, who, id, provision);
      if (!t.ok()) return t.error();
      return fmt::format("/texts/{}#p{}", id, OnScreen(*t));
    });
  });

  // The sentence on the brackets left, added to the record: back to the meeting's record.
  router.Add("POST", "/texts/{id}/record", [&db](Request& req) {
    return Handle(db, req, [&](const accounts::Session& who, const http::Form&,
                               std::int64_t id) -> Result<std::string> {
      auto r = RecordSentence(db, who, id);
      if (!r.ok()) return r.error();
      auto t = Get(db, id, who);
      if (!t.ok()) return t.error();
      return fmt::format("/meetings/{}/agenda", t->meeting_id);
    });
  });

  router.Add("POST", "/texts/{id}/adopt", [&db](Request& req) {
    return Handle(db, req, [&](const accounts::Session& who, const http::Form& f,
                               std::int64_t id) -> Result<std::string> {
      // The page asks for a confirmation: adoption cannot be undone.
      if (f.Get("confirm").value_or("") != "yes")
        return InvalidArgument("confirm", "confirm: tick the box to confirm the adoption");
      AdoptInput in;
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
