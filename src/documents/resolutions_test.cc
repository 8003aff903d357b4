// Unit tests of the resolutions registry and of "cited by" lookups on the seed texts.
#include "documents/resolutions.h"

#include "testing/testdata.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <fstream>
#include <set>
#include <sstream>

#include "base/random.h"
#include "consultations/sources.h"
#include "demo/demo.h"
#include "proceedings/sources.h"
#include "site/site.h"
#include "text/citations.h"

namespace plenary::documents {
namespace {

namespace json = boost::json;

// The seed file whose name starts with `prefix`, or "" when missing.
class RegistryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    InitCrypto();
    path_ = std::filesystem::temp_directory_path() / ("plenary-res-" + RandomToken(8) + ".db");
    db_ = std::make_unique<storage::Database>(path_.string());
    auto loaded = db_->Write<Ok>([](storage::Connection& c) -> Result<Ok> {
      c.Exec("INSERT INTO users(id, email, name, role, password_hash, created_at) "
             "VALUES(7, 'sec@example.int', 'Secretariat', 'secretariat', 'x', 0)");
      if (auto s = LoadRegistry(c); !s.ok()) return s.error();
      return LoadDemoDocuments(c);
    });
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    // As app::CitingSources() sets them for the server.
    SetCitingSources({{"consultation", consultations::CitingConsultations},
                      {"action", proceedings::CitingActions},
                      {"agenda_item", proceedings::CitingAgendaItems}});
    SetCheckedTextSources({consultations::ConsultationTexts});
  }
  void TearDown() override {
    SetCitingSources({});
    SetCheckedTextSources({});
    db_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
  }

  Resolution Res(const std::string& instrument, const std::string& number) {
    auto r = GetResolution(*db_, instrument, number);
    EXPECT_TRUE(r.ok()) << instrument << "/" << number;
    return r.ok() ? *r : Resolution{};
  }

  std::set<std::string> CitingLabels(const std::string& instrument, const std::string& number,
                                     const Viewer& viewer = std::nullopt) {
    std::set<std::string> out;
    for (const auto& c : ResolutionCitedBy(*db_, Res(instrument, number), viewer))
      out.insert(c.kind + ":" + c.label);
    return out;
  }

  static ResolutionInput Valid() {
    ResolutionInput in;
    in.instrument = "wtdc";
    in.number = 5;
    in.title = json::value("Enhanced participation of developing countries");
    in.revisions = {{2017, json::value("Buenos Aires"), true}};
    return in;
  }

  std::filesystem::path path_;
  std::unique_ptr<storage::Database> db_;
};

TEST_F(RegistryTest, HoldsTheResolutionsWithTheirStatuses) {
  auto all = ListResolutions(*db_, std::nullopt, std::nullopt);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 12u);
  EXPECT_EQ(all->front().instrument, "pp");
  EXPECT_EQ(all->back().number, 1344);

  Resolution r1344 = Res("council", "1344");
  EXPECT_EQ(r1344.status, "merged");
  ASSERT_TRUE(r1344.merged_into);
  EXPECT_EQ(r1344.merged_into->instrument, "council");
  EXPECT_EQ(r1344.merged_into->number, 1336);
  EXPECT_EQ(r1344.status_year, 2019);
  Resolution r1336 = Res("council", "1336");
  EXPECT_EQ(r1336.status, "in_force");
  ASSERT_EQ(r1336.merged_from.size(), 1u);
  EXPECT_EQ(r1336.merged_from[0].number, 1344);

  Resolution r102 = Res("pp", "102");
  ASSERT_FALSE(r102.revisions.empty());
  EXPECT_EQ(r102.revisions.back().place, "Dubai");
  EXPECT_EQ(r102.revisions.back().year, 2018);
  EXPECT_TRUE(r102.revisions.back().revised);
  EXPECT_EQ(site::Pick(r102.title, "en").text.rfind("ITU's role with regard to international", 0), 0u);
  Resolution r174 = Res("pp", "174");
  EXPECT_EQ(r174.revisions.back().place, "Busan");
  EXPECT_EQ(r174.revisions.back().year, 2014);
  Resolution r206 = Res("pp", "206");
  ASSERT_EQ(r206.revisions.size(), 1u);
  EXPECT_FALSE(r206.revisions[0].revised);
  EXPECT_EQ(site::Pick(Res("pp", "133").title, "zh").text,
            "成员国主管部门在国际化（多语文）域名管理中的作用");

  EXPECT_EQ(ListResolutions(*db_, std::string("council"), std::nullopt)->size(), 3u);
  EXPECT_EQ(ListResolutions(*db_, std::nullopt, std::string("merged"))->size(), 1u);
  EXPECT_EQ(ListResolutions(*db_, std::string("unga"), std::nullopt).error().field, "instrument");
  EXPECT_EQ(GetResolution(*db_, "pp", "999").error().code, Code::kNotFound);
  EXPECT_EQ(GetResolution(*db_, "pp", "0102").error().code, Code::kNotFound);

  // Loading again changes nothing.
  ASSERT_TRUE(db_->Write<Ok>([](storage::Connection& c) { return LoadRegistry(c); }).ok());
  EXPECT_EQ(ListResolutions(*db_, std::nullopt, std::nullopt)->size(), 12u);
}

TEST_F(RegistryTest, NamesResolutionsAndVersionsInEachLanguage) {
  Resolution r102 = Res("pp", "102");
  EXPECT_EQ(RevisionLabel("en", r102.revisions.back()), "Rev. Dubai, 2018");
  EXPECT_EQ(RevisionLabel("zh", r102.revisions.back()), "2018年，迪拜，修订版");
  EXPECT_EQ(RevisionLabel("en", Res("pp", "206").revisions.back()), "Dubai, 2018");
  EXPECT_EQ(RevisionLabel("zh", Res("pp", "206").revisions.back()), "2018年，迪拜");
  EXPECT_EQ(RevisionLabel("en", Res("council", "1336").revisions.back()), "Rev. 2019");
  EXPECT_EQ(RevisionLabel("zh", Res("council", "1336").revisions.back()), "2019年，修订版");
  EXPECT_EQ(ResolutionName("en", "council", 1336), "Council Resolution 1336");
  EXPECT_EQ(ResolutionName("zh", "council", 1336), "理事会第1336号决议");
  EXPECT_EQ(ResolutionName("en", "pp", 102), "Resolution 102");
  EXPECT_EQ(ResolutionName("zh", "pp", 102), "第102号决议");
}

TEST_F(RegistryTest, BadInputNamesTheFieldAndWritesNothing) {
  std::int64_t before = db_->Read().QueryInt("SELECT count(*) FROM resolutions").value_or(0);
  struct Case {
    std::string field;
    std::function<void(ResolutionInput&)> spoil;
  };
  const std::vector<Case> cases = {
      {"instrument", [](ResolutionInput& in) { in.instrument = "unga"; }},
      {"number", [](ResolutionInput& in) { in.number = 0; }},
      {"title", [](ResolutionInput& in) { in.title = json::value(""); }},
      {"revisions", [](ResolutionInput& in) { in.revisions.clear(); }},
      {"revisions.1.year", [](ResolutionInput& in) { in.revisions[0].year = 1700; }},
      {"revisions.1.place",
       [](ResolutionInput& in) { in.revisions[0].place = json::object{{"zh", "布宜诺斯艾利斯"}}; }},
      {"status", [](ResolutionInput& in) { in.status = "repealed"; }},
      {"merged_into", [](ResolutionInput& in) { in.status = "merged", in.status_year = 2019; }},
      {"status_year", [](ResolutionInput& in) { in.status = "abrogated"; }},
      {"merged_into",
       [](ResolutionInput& in) {
         in.status = "merged", in.status_year = 2019, in.merged_into = ResolutionRef{"wtdc", 77};
       }},
      {"number", [](ResolutionInput& in) { in.instrument = "pp", in.number = 102; }},
  };
  for (const auto& c : cases) {
    ResolutionInput in = Valid();
    c.spoil(in);
    auto r = CreateResolution(*db_, 7, in);
    ASSERT_FALSE(r.ok()) << c.field;
    EXPECT_EQ(r.error().field, c.field) << r.error().message;
    EXPECT_TRUE(r.error().message.starts_with(c.field)) << r.error().message;
  }
  EXPECT_EQ(db_->Read().QueryInt("SELECT count(*) FROM resolutions"), before);
  auto ok = CreateResolution(*db_, 7, Valid());
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->revisions[0].place, "Buenos Aires");
  text::Citation cit;
  cit.kind = "resolution";
  cit.instrument = "wtdc";
  cit.number = 5;
  EXPECT_EQ(ResolutionUrl(*db_, cit).value_or(""), "/resolutions/wtdc/5");
  cit.number = 6;
  EXPECT_FALSE(ResolutionUrl(*db_, cit));
}

// "Cited by" from sentences of the seeds: the titles and summaries of the demo documents (taken
// from the Council 2022 summary record), an action and a consultation written with sentences of
// the Chair's report.
TEST_F(RegistryTest, FindsWhatCitesEachResolution) {
  ASSERT_TRUE(db_->Write<Ok>([](storage::Connection& c) -> Result<Ok> {
                   c.Exec("INSERT INTO bodies(id, key, acronym, name, description, membership) "
                          "VALUES(2, 'cwg', 'CWG-Internet', '{}', '{}', 'member_states')");
                   c.Exec("INSERT INTO meetings(id, body_id, kind, number, title, starts_on, "
                          "ends_on, timezone, mode) VALUES(1, 2, 'working_group', 17, '{}', "
                          "'2022-01-19', '2022-01-20', 'Europe/Zurich', 'virtual')");
                   c.Exec("INSERT INTO actions(meeting_id, number, kind, owner, text, created_at) "
                          "VALUES(1, '2.7.3', 'report_more', '{}', ?, 0)",
                          std::string(R"({"zh":"国际电联秘书处应努力在未来版本的国际电联互联网活动报告中介绍)"
                                      R"(更多与第133号决议（2018年，迪拜，修订版）“成员国主管部门在国际化)"
                                      R"(（多语文）域名管理中的作用”相关的国际电联活动。"})"));
                   c.Exec("INSERT INTO consultations(key, body_id, title, description, opens_at, "
                          "deadline, timezone, created_at) VALUES('c', 2, '{\"en\":\"Topic\"}', ?, "
                          "0, 1, 'UTC', 0)",
                          std::string(R"({"zh":"理事会第1336号决议（2019年，修订版）为CWG-Internet)"
                                      R"(确定了公开磋商的工作模式。"})"));
                   // What their use cases write with them.
                   demo::RecordCitations(c);
                   return Ok{};
                 }).ok());
  EXPECT_EQ(CitingLabels("pp", "133"),
            (std::set<std::string>{"document:C22/33", "document:C22/87", "action:2.7.3"}));
  EXPECT_EQ(CitingLabels("pp", "102"),
            (std::set<std::string>{"document:C22/33", "document:C22/51", "document:C22/58",
                                   "document:C22/87"}));
  EXPECT_EQ(CitingLabels("pp", "130"), (std::set<std::string>{"document:C22/18"}));
  EXPECT_EQ(CitingLabels("council", "1336"),
            (std::set<std::string>{"document:C22/51", "document:C22/58", "consultation:c"}));
  // The Chair's report cites Resolution 1344 in its §1.3 (testdata/seeds/001_*).
  EXPECT_EQ(CitingLabels("council", "1344"), (std::set<std::string>{"document:C22/51"}));
  auto cited = ResolutionCitedBy(*db_, Res("pp", "133"), std::nullopt);
  auto action = std::find_if(cited.begin(), cited.end(),
                             [](const auto& c) { return c.kind == "action"; });
  ASSERT_NE(action, cited.end()) << "the action citing Resolution 133 is listed";
  EXPECT_EQ(action->url, "/actions/1");
  EXPECT_EQ(site::Pick(action->texts, "zh").text, "第133号决议（2018年，迪拜，修订版）");
}

// The desk's list: citations that resolve to nothing, in the consultations (handed down by
// consultations::ConsultationTexts) and in the meetings' actions, with where they are.
TEST_F(RegistryTest, ListsTheCitationsThatResolveToNothing) {
  ASSERT_TRUE(db_->Write<Ok>([](storage::Connection& c) -> Result<Ok> {
                   c.Exec("INSERT INTO bodies(id, key, acronym, name, description, membership) "
                          "VALUES(2, 'cwg', 'CWG-Internet', '{}', '{}', 'member_states')");
                   c.Exec("INSERT INTO meetings(id, body_id, kind, number, title, starts_on, "
                          "ends_on, timezone, mode) VALUES(1, 2, 'working_group', 17, '{}', "
                          "'2022-01-19', '2022-01-20', 'Europe/Zurich', 'virtual')");
                   c.Exec("INSERT INTO actions(meeting_id, number, kind, owner, text, created_at) "
                          "VALUES(1, '2.7.3', 'report_more', '{}', ?, 0)",
                          std::string(R"j({"en":"Report on Resolution 999 (Rev. Dubai, 2018) )j"
                                      R"j(and Resolution 133 (Rev. Dubai, 2018)."})j"));
                   c.Exec("INSERT INTO consultations(id, key, body_id, title, description, "
                          "opens_at, deadline, timezone, created_at) VALUES(4, 'env', 2, ?, ?, "
                          "0, 1, 'UTC', 0)",
                          std::string(R"j({"en":"Topic under Resolution 998 (Rev. Dubai, 2018)"})j"),
                          std::string(R"j({"fr":"Voir la Résolution 997 (Rév. Dubaï, 2018)."})j"));
                   return Ok{};
                 }).ok());
  std::vector<std::string> found;
  for (const auto& u : UnresolvedCitations(*db_))
    found.push_back(u.where + " " + u.url + " " + std::to_string(u.citation.number));
  EXPECT_EQ(found, (std::vector<std::string>{"consultation env (en) /consultations/4 998",
                                             "consultation env (fr) /consultations/4 997",
                                             "action 2.7.3 (meeting 1) (en) /meetings/1 999"}));
}

// Every resolution the seeds cite is in the registry, and every Council 2022 document the
// summary record cites is a demo document.
TEST_F(RegistryTest, ResolvesTheCitationsOfTheSeeds) {
  std::string record = testdata::ReadSeed("000_"), report = testdata::ReadSeed("001_");
  ASSERT_FALSE(record.empty() || report.empty());
  std::set<std::string> documents;
  int resolutions = 0;
  for (const std::string* seed : {&record, &report}) {
    for (const auto& c : text::ExtractCitations(*seed)) {
      if (c.kind == "resolution") {
        ++resolutions;
        EXPECT_TRUE(ResolutionUrl(*db_, c)) << c.text << " (" << c.instrument << " " << c.number << ")";
      } else if (c.symbol.starts_with("C22/")) {
        documents.insert(c.symbol);
        EXPECT_TRUE(DocumentUrl(*db_, c)) << c.text;
      }
    }
  }
  EXPECT_GT(resolutions, 20);
  EXPECT_EQ(documents, (std::set<std::string>{"C22/33", "C22/18", "C22/51", "C22/58",
                                              "C22/32(Rev.1)", "C22/71", "C22/8", "C22/60"}));
}

}  // namespace
}  // namespace plenary::documents
