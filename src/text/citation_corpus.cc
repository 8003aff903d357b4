// Loading and scoring of the citation test corpus (see citation_corpus.h).
#include "text/citation_corpus.h"

#include <algorithm>
#include <boost/json.hpp>
#include <fstream>
#include <sstream>
#include <string_view>
#include <utility>

namespace plenary::text::corpus {
namespace {

namespace json = boost::json;

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  std::istringstream in{std::string(s)};
  std::string w;
  while (in >> w) out.push_back(w);
  return out;
}

bool ToInt(const std::string& s, int* out) {
  if (s.empty() || s.size() > 9 || !std::all_of(s.begin(), s.end(), ::isdigit)) return false;
  *out = std::stoi(s);
  return true;
}

Result<Expected> ParseExpected(std::string_view written) {
  Expected e;
  e.written = std::string(written);
  std::string_view s = written;
  if (!s.empty() && s.front() == '!') {
    e.known_failure = true;
    s.remove_prefix(1);
  }
  std::string_view facts = s;
  if (size_t at = s.find(" @ "); at != std::string_view::npos) {
    facts = s.substr(0, at);
    e.anchor = std::string(s.substr(at + 3));
  }
  std::vector<std::string> w = Words(facts);
  auto bad = [&](const char* why) {
    return InvalidArgument("expect", "\"" + e.written + "\": " + why);
  };
  if (w.empty()) return bad("empty");
  if (w[0] == "doc") {
    if (w.size() < 2) return bad("a document needs a symbol");
    e.kind = "document";
    for (size_t i = 1; i < w.size(); ++i) e.symbol += (i > 1 ? " " : "") + w[i];
    if (e.anchor.empty()) e.anchor = e.symbol;
    return e;
  }
  if (w.size() < 4) return bad("needs kind, instrument, number and year");
  e.kind = w[0];
  if (e.kind != "resolution" && e.kind != "decision" && e.kind != "recommendation") {
    return bad("kind is resolution, decision, recommendation or doc");
  }
  e.instrument = w[1] == "-" ? "" : w[1];
  if (!ToInt(w[2], &e.number) || !ToInt(w[3], &e.year)) return bad("number and year are digits");
  std::string symbol;
  for (size_t i = 4; i < w.size(); ++i) {
    if (w[i].starts_with("place=")) {
      e.place = w[i].substr(6);
      std::replace(e.place.begin(), e.place.end(), '_', ' ');
    } else if (w[i] == "rev") {
      e.revised = e.check_revised = true;
    } else {
      symbol += (symbol.empty() ? "" : " ") + w[i];
    }
  }
  e.symbol = symbol;
  if (e.anchor.empty()) {
    e.anchor = e.kind == "recommendation" && !e.symbol.empty() ? e.symbol : w[2];
  }
  return e;
}

bool Agrees(const Expected& e, const Citation& c) {
  if (e.kind != c.kind) return false;
  if (c.text.find(e.anchor) == std::string::npos) return false;
  if (e.kind == "document") return c.symbol == e.symbol;
  if (e.instrument != c.instrument || e.number != c.number || e.year != c.year) return false;
  if (!e.symbol.empty() && e.symbol != c.symbol) return false;
  if (!e.place.empty() && e.place != c.place) return false;
  if (e.check_revised && e.revised != c.revised) return false;
  return true;
}

}  // namespace

std::string ClassOf(const std::string& kind, const std::string& instrument) {
  if (kind == "document") return kind;
  return kind + "/" + (instrument.empty() ? "-" : instrument);
}

Result<std::vector<Language>> Load(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  if (error) return InvalidArgument("corpus", dir.string() + ": " + error.message());
  std::sort(files.begin(), files.end());
  std::vector<Language> out;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    auto where = [&](const std::string& what) {
      return InvalidArgument("corpus", file.filename().string() + ": " + what);
    };
    boost::system::error_code ec;
    json::value doc = json::parse(ss.str(), ec);
    if (ec || !doc.is_object()) return where("not a JSON object");
    const json::object& o = doc.as_object();
    Language lang;
    if (!o.contains("language") || !o.at("language").is_string() || !o.contains("cases") ||
        !o.at("cases").is_array()) {
      return where("needs \"language\" and \"cases\"");
    }
    lang.code = std::string(o.at("language").as_string());
    for (const json::value& v : o.at("cases").as_array()) {
      const json::object* co = v.if_object();
      if (co == nullptr || !co->contains("text") || !co->at("text").is_string() ||
          !co->contains("source") || !co->at("source").is_string()) {
        return where("each case needs \"source\" and \"text\"");
      }
      Case c;
      c.source = std::string(co->at("source").as_string());
      c.text = std::string(co->at("text").as_string());
      if (const json::value* ex = co->if_contains("expect"); ex != nullptr && ex->is_array()) {
        for (const json::value& x : ex->as_array()) {
          if (!x.is_string()) return where("expectations are strings");
          auto parsed = ParseExpected(x.as_string());
          if (!parsed.ok()) return where(parsed.error().message);
          c.expect.push_back(std::move(*parsed));
        }
      }
      if (const json::value* no = co->if_contains("not"); no != nullptr && no->is_array()) {
        for (const json::value& x : no->as_array()) {
          if (!x.is_string()) return where("\"not\" entries are strings");
          c.negatives.emplace_back(x.as_string());
        }
      }
      lang.cases.push_back(std::move(c));
    }
    out.push_back(std::move(lang));
  }
  if (out.empty()) return InvalidArgument("corpus", dir.string() + ": no *.json file");
  return out;
}

CaseResult Score(const Case& c, const std::vector<Citation>& found) {
  CaseResult r;
  std::vector<bool> used(found.size(), false);
  for (const Expected& e : c.expect) {
    bool matched = false;
    for (size_t i = 0; i < found.size() && !matched; ++i) {
      if (!used[i] && Agrees(e, found[i])) used[i] = matched = true;
    }
    if (!matched) r.missed.push_back(&e);
  }
  for (size_t i = 0; i < found.size(); ++i) {
    if (!used[i]) r.extra.push_back(found[i]);
  }
  for (const std::string& n : c.negatives) {
    ++r.negatives;
    size_t at = c.text.find(n);
    bool broken = false;
    for (const Citation& f : found) {
      for (size_t p = at; p != std::string::npos && !broken; p = c.text.find(n, p + 1)) {
        broken = p < f.end && f.begin < p + n.size();
      }
    }
    if (broken) r.negatives_broken.push_back(n);
  }
  return r;
}

Report Evaluate(const Language& language) {
  Report rep;
  for (const Case& c : language.cases) {
    std::vector<Citation> found = ExtractCitations(c.text);
    CaseResult r = Score(c, found);
    ++rep.cases;
    rep.expected += static_cast<int>(c.expect.size());
    rep.negatives += r.negatives;
    rep.negatives_broken += static_cast<int>(r.negatives_broken.size());
    for (const Expected& e : c.expect) {
      bool missed = std::find(r.missed.begin(), r.missed.end(), &e) != r.missed.end();
      Counts& k = rep.by_class[ClassOf(e.kind, e.instrument)];
      (missed ? k.fn : k.tp)++;
      (missed ? rep.all.fn : rep.all.tp)++;
    }
    for (const Citation& x : r.extra) {
      rep.by_class[ClassOf(x.kind, x.instrument)].fp++;
      rep.all.fp++;
    }
  }
  return rep;
}

}  // namespace plenary::text::corpus
