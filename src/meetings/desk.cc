// The secretariat's forms for bodies, meetings, registration and attendance (see desk.h).
#include "meetings/desk.h"

#include <limits>

#include "base/parse.h"
#include "site/desk.h"
#include "site/fields.h"
#include "site/site.h"
#include "text/dates.h"
#include "text/messages.h"

namespace plenary::meetings {

namespace json = boost::json;
using ctemplate::TemplateDictionary;
using http::Request;
using site::Back;
using site::BackPath;
using site::BackWithError;
using site::Post;
using site::ReadPost;
using site::ShowFlash;
using site::TwoLanguages;
using text::T;

std::string MeetingLabel(const std::string& lang, const Meeting& m) {
  // The language's own comma (Arabic "، ", Chinese "，"), the catalogue's punct_comma.
  return Label(m, lang) + T(lang, "punct_comma") +
         text::FormatDateRange(m.starts_on, m.ends_on, lang);
}

void AddMeetings(storage::Database& db, TemplateDictionary& d, const std::string& lang,
                 const std::string& selected_a, const std::string& selected_b) {
  for (const auto& m : ListMeetings(db, std::nullopt)) {
    auto* o = d.AddSectionDictionary("MEETINGS");
    o->SetIntValue("MID", m.id);
    o->SetValue("MLABEL", MeetingLabel(lang, m));
    if (std::to_string(m.id) == selected_a) o->ShowSection("SEL_A");
    if (std::to_string(m.id) == selected_b) o->ShowSection("SEL_B");
  }
}

namespace {

// A meeting's page, or 404.
Result<std::string> MeetingPath(storage::Database& db, const std::string& id) {
  auto m = GetMeeting(db, id);
  if (!m.ok()) return m.error();
  return "/meetings/" + std::to_string(m->id);
}

}  // namespace

namespace {
// What a refused new meeting keeps of its inputs and choices (site::Refill): everything the
// form has, so that a plenary refused for its session does not come back as a working group.
site::Refill KeptMeeting(const http::Form& f) {
  site::Refill r;
  for (auto [name, id] : {std::pair{"body", "m-body"}, {"kind", "m-kind"},
                          {"session", "m-session"}, {"number", "m-number"},
                          {"title_en", "m-title"}, {"starts_on", "m-starts"},
                          {"starts_at", "m-starts-at"}, {"ends_on", "m-ends"},
                          {"registered_more_than", "m-reg"}, {"attended_more_than", "m-att"}, {"timezone", "m-tz"}, {"mode", "m-mode"},
                          {"place_en", "m-place"}})
    r.kept.emplace_back(id, f.Get(name).value_or(""));
  return r;
}
}  // namespace

void RegisterDesk(http::Router& router, storage::Database& db) {
  router.Add("POST", "/admin/bodies", [&db](Request& req) {
    auto post = ReadPost(db, req);
    if (auto* r = std::get_if<http::Response>(&post)) return *r;
    auto& p = std::get<Post>(post);
    const auto& f = p.input.fields;
    BodyInput in;
    in.key = f.Get("key").value_or("");
    in.acronym = f.Get("acronym").value_or("");
    in.membership = f.Get("membership").value_or("");
    in.name = TwoLanguages(f, "name");
    in.description = TwoLanguages(f, "description");
    in.open_consultations = f.Get("open_consultations").value_or("") == "yes";
    auto b = CreateBody(db, p.session.user.id, in);
    if (!b.ok())
      return BackWithError(db, req, "/admin", b.error(),
                           site::InputFor(b.error().field, {{"key", "b-key"},
                                                            {"acronym", "b-acronym"},
                                                            {"name", "b-name"},
                                                            {"membership", "b-membership"}}),
                           {.label_key = b.error().field == "name" ? "field_body_name" : "",
                            .kept = {{"b-key", in.key},
                                     {"b-acronym", in.acronym},
                                     {"b-name", f.Get("name_en").value_or("")},
                                     {"b-membership", in.membership},
                                     {"b-oc", in.open_consultations ? "yes" : ""}}});
    return Back(req, "/admin", "body");
  });

  router.Add("POST", "/admin/meetings", [&db](Request& req) {
    auto post = ReadPost(db, req);
    if (auto* r = std::get_if<http::Response>(&post)) return *r;
    auto& p = std::get<Post>(post);
    const auto& f = p.input.fields;
    MeetingInput in;
    in.body = f.Get("body").value_or("");
    in.kind = f.Get("kind").value_or("working_group");
    if (auto number = f.Get("number"); number && !number->empty()) {
      auto n = ParseIntField("number", *number, 1, 100000);
      if (!n.ok()) return BackWithError(db, req, "/admin", n.error(), "m-number", KeptMeeting(f));
      in.number = static_cast<int>(*n);
    }
    // A plenary meeting belongs to a session (C22); other kinds have none.
    in.session = f.Get("session").value_or("");
    in.title = TwoLanguages(f, "title");
    in.place = TwoLanguages(f, "place");
    in.starts_on = f.Get("starts_on").value_or("");
    in.ends_on = f.Get("ends_on").value_or("");
    // HH:MM in the meeting's time zone, as the API takes it (a time input sends HH:MM, or
    // HH:MM:SS when seconds are typed, which the use case refuses next to the field).
    in.starts_at = site::Trim(f.Get("starts_at").value_or(""));
    in.registered_more_than = f.Get("registered_more_than").value_or("") == "yes";
    in.attended_more_than = f.Get("attended_more_than").value_or("") == "yes";
    in.timezone = f.Get("timezone").value_or("");
    in.mode = f.Get("mode").value_or("");
    auto m = CreateMeeting(db, p.session.user.id, in);
    if (!m.ok())
      return BackWithError(
          db, req, "/admin", m.error(),
          site::InputFor(m.error().field,
                         {{"body", "m-body"}, {"kind", "m-kind"}, {"number", "m-number"},
                          {"session", "m-session"}, {"title", "m-title"},
                          {"starts_on", "m-starts"}, {"starts_at", "m-starts-at"},
                          {"ends_on", "m-ends"}, {"timezone", "m-tz"}, {"mode", "m-mode"}, {"place", "m-place"}}),
          KeptMeeting(f));
    return Back(req, "/admin", "meeting");
  });

  router.Add("POST", "/admin/meetings/{id}/attendance", [&db](Request& req) {
    auto post = ReadPost(db, req);
    if (auto* r = std::get_if<http::Response>(&post)) return *r;
    auto& p = std::get<Post>(post);
    auto meeting = MeetingPath(db, req.params[0]);
    if (!meeting.ok()) return site::ErrorResponse(db, req, meeting.error());
    std::string path = BackPath(p.input.fields, *meeting);
    std::string csv;
    for (auto& file : p.input.files)
      if (file.name == "file") csv = file.data;
    if (csv.empty())
      return BackWithError(db, req, path, InvalidArgument("file", "file: required"), "att-file",
                           {.label_key = "attendance_import", .kept = {}});
    // Every refusal of the import concerns the file, named as the form names it.
    auto r = ImportAttendance(db, p.session.user.id, req.params[0], csv);
    if (!r.ok())
      return BackWithError(db, req, path, r.error(), "att-file",
                           {.label_key = "attendance_import", .kept = {}});
    return Back(req, path, "attendance");
  });

  router.Add("POST", "/admin/meetings/{id}/registrations", [&db](Request& req) {
    auto post = ReadPost(db, req);
    if (auto* r = std::get_if<http::Response>(&post)) return *r;
    auto& p = std::get<Post>(post);
    const auto& f = p.input.fields;
    auto meeting = MeetingPath(db, req.params[0]);
    if (!meeting.ok()) return site::ErrorResponse(db, req, meeting.error());
    std::string path = BackPath(f, *meeting);
    RegistrationInput in{f.Get("name").value_or(""), f.Get("organization").value_or(""),
                                   f.Get("stakeholder_type").value_or(""),
                                   f.Get("country").value_or(""), f.Get("email").value_or("")};
    auto r = AddRegistration(db, p.session.user.id, req.params[0], in);
    if (!r.ok())
      return BackWithError(db, req, path, r.error(),
                           site::InputFor(r.error().field, {{"name", "r-name"},
                                                            {"organization", "r-org"},
                                                            {"stakeholder_type", "r-type"},
                                                            {"country", "r-country"},
                                                            {"email", "r-email"}}),
                           {.label_key = {},
                            .kept = {{"r-name", in.name},
                                     {"r-org", in.organization},
                                     {"r-type", in.stakeholder_type},
                                     {"r-country", in.country},
                                     {"r-email", in.email}}});
    return Back(req, path, "registered");
  });

  router.Add("POST", "/admin/meetings/{id}/attended", [&db](Request& req) {
    auto post = ReadPost(db, req);
    if (auto* r = std::get_if<http::Response>(&post)) return *r;
    auto& p = std::get<Post>(post);
    const auto& f = p.input.fields;
    auto meeting = MeetingPath(db, req.params[0]);
    if (!meeting.ok()) return site::ErrorResponse(db, req, meeting.error());
    std::string path = BackPath(f, *meeting);
    auto reg = ParseIntField("registration_id", f.Get("registration_id").value_or(""), 1,
                             std::numeric_limits<std::int64_t>::max());
    if (!reg.ok()) return BackWithError(db, req, path, reg.error());
    auto r = MarkAttended(db, p.session.user.id, req.params[0], *reg);
    if (!r.ok()) return BackWithError(db, req, path, r.error());
    return Back(req, path, "attended");
  });
}

}  // namespace plenary::meetings
