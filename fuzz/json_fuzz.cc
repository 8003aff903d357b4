// Fuzzes the JSON request bodies of the API as the server reads them: site::ReadInput (the entry
// point of every JSON handler: Content-Type dispatch, boost::json::parse, the object check), then
// site::JsonString on the response-form members, site::Pick on every member (multilingual
// fields), and http::JsonError on the errors, whose body must itself be valid JSON.
//
// Why this target: ReadInput, JsonString and Pick are our own code between the network and the
// use cases, and they link with a dozen sources of src/ (site.cc and what it needs). Handlers
// such as consultations::ResponseFromInput sit in files that pull in the whole application; they
// only read members of the object this target produces, through JsonString and the same Boost.JSON
// accessors.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <boost/json.hpp>

#include "fuzz_check.h"
#include "http/message.h"
#include "site/site.h"

namespace json = boost::json;
using plenary::fuzz::HasForbiddenControl;
using plenary::fuzz::IsUtf8;
namespace http = plenary::http;
namespace site = plenary::site;

namespace {

void CheckErrorBody(const plenary::Error& e) {
  http::Response r = http::JsonError(e);
  boost::system::error_code ec;
  json::value v = json::parse(r.body, ec);
  FUZZ_CHECK(!ec, "JsonError produced invalid JSON");
  FUZZ_CHECK(v.is_object() && v.as_object().contains("error"), "JsonError without \"error\"");
}

void CheckPick(const json::value& v) {
  for (std::string_view lang : {"en", "zh", "ar"}) {
    site::Localized l = site::Pick(v, lang);
    FUZZ_CHECK(!l.lang.empty(), "Pick without a language");
    if (const auto* o = v.if_object()) {
      if (!l.text.empty()) {
        const auto* member = o->if_contains(l.lang);
        FUZZ_CHECK(member && member->is_string() && member->as_string() == l.text,
                   "Pick returned text that is not the member of its language");
      }
      FUZZ_CHECK(l.fallback == (l.lang != lang) || l.text.empty(), "Pick fallback flag wrong");
    }
    // The stored form: Pick parses the string, and keeps unparseable text as it is.
    std::string stored = v.is_string() ? std::string(v.as_string()) : json::serialize(v);
    site::Localized s = site::Pick(stored, lang);
    (void)s;
  }
}

// True when `v` holds a number Boost.JSON parsed as infinite ("1e400"): Boost.JSON 1.81 accepts
// such numbers and serializes them as `Infinity`, which is not JSON. None of our handlers echoes or
// stores an input number verbatim, so the echo check below skips these values.
bool HasInfinity(const json::value& v) {
  if (v.is_double()) return !std::isfinite(v.as_double());
  if (const auto* o = v.if_object())
    for (const auto& [k, m] : *o)
      if (HasInfinity(m)) return true;
  if (const auto* a = v.if_array())
    for (const auto& m : *a)
      if (HasInfinity(m)) return true;
  return false;
}

// True when every string and member name in `v` is text: UTF-8 without control characters.
bool AllText(const json::value& v) {
  if (const auto* s = v.if_string()) return IsUtf8(*s) && !HasForbiddenControl(*s);
  if (const auto* o = v.if_object()) {
    for (const auto& [k, m] : *o)
      if (!IsUtf8(k) || HasForbiddenControl(k) || !AllText(m)) return false;
  }
  if (const auto* a = v.if_array())
    for (const auto& m : *a)
      if (!AllText(m)) return false;
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  http::Request req;
  req.method = "POST";
  req.path = "/api/v1/consultations/fuzz/responses";
  req.headers["content-type"] = "application/json; charset=utf-8";
  req.body.assign(reinterpret_cast<const char*>(data), size);
  auto in = site::ReadInput(req);
  if (!in.ok()) {
    // "body" for the document as a whole; else the path of the string that is not text.
    const std::string& field = in.error().field;
    FUZZ_CHECK(!field.empty() && in.error().message.starts_with(field + ": "),
               "JSON body error that does not name its field");
    if (field != "body")
      FUZZ_CHECK(in.error().message.find("control character") != std::string::npos ||
                     in.error().message.find("not valid UTF-8") != std::string::npos,
                 "an error naming a member that is not about its text");
    CheckErrorBody(in.error());
    return 0;
  }
  FUZZ_CHECK(in->json.has_value(), "a JSON body gave no object");
  FUZZ_CHECK(AllText(*in->json), "a JSON body with a string that is not text was accepted");
  const json::object& o = *in->json;
  for (const char* key : {"name", "organization", "job_title", "country", "stakeholder_type",
                          "email", "language", "general", "title", "summary"}) {
    auto s = site::JsonString(o, key);
    const json::value* v = o.if_contains(key);
    FUZZ_CHECK(s.ok() == (!v || v->is_null() || v->is_string()), "JsonString accepts non-string");
    if (s.ok()) {
      FUZZ_CHECK(IsUtf8(*s), "JsonString returned invalid UTF-8");  // Boost.JSON validates
    } else {
      FUZZ_CHECK(s.error().field == key, "JsonString error names another field");
      CheckErrorBody(s.error());
    }
  }
  for (const auto& [key, value] : o) {
    CheckPick(value);
    if (const auto* answers = value.if_object())
      for (const auto& [k, v] : *answers) CheckPick(v);
  }
  // What the API sends back must be valid JSON with the same members. (Numbers are not compared:
  // Boost.JSON 1.81 parses large numbers to a double that may differ in the last bit.)
  if (HasInfinity(o)) return 0;
  http::Response echo = http::Json(o);
  boost::system::error_code ec;
  json::value back = json::parse(echo.body, ec);
  FUZZ_CHECK(!ec && back.is_object() && back.as_object().size() == o.size(),
             "serialize/parse round trip changed the object");
  for (const auto& [key, value] : o) {
    const json::value* got = back.as_object().if_contains(key);
    FUZZ_CHECK(got != nullptr, "serialize/parse round trip lost a member");
    FUZZ_CHECK(got->kind() == value.kind() || (value.is_number() && got->is_number()),
               "serialize/parse round trip changed a member's kind");
    if (value.is_string()) FUZZ_CHECK(*got == value, "serialize/parse round trip changed a string");
  }
  return 0;
}
