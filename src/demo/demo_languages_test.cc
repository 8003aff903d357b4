// The demo speaks the six languages: every multilingual text the demo loads (a JSON object keyed
// by language codes, in any column of any table, at the top of a cell's JSON or nested in it, as
// the note of the audit log's demo.load entry) has a text in each of the six, and the demo's
// negotiated text has a passage for each open bracket in every language it has text in.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "audit/audit.h"
#include "demo/demo_fixture.h"
#include "drafting/drafting.h"
#include "text/messages.h"

namespace plenary::demo {
namespace {

namespace json = boost::json;

// A JSON object whose keys are all language codes (at least one): a multilingual text.
bool IsMultilingual(const json::value& v) {
  if (!v.is_object() || v.as_object().empty()) return false;
  const auto& langs = text::Languages();
  for (const auto& [k, _] : v.as_object())
    if (std::find(langs.begin(), langs.end(), std::string(k)) == langs.end()) return false;
  return true;
}

// The languages `v` lacks, when it is a multilingual text.
std::vector<std::string> Missing(const json::value& v) {
  std::vector<std::string> missing;
  for (const auto& lang : text::Languages()) {
    auto* t = v.as_object().if_contains(lang);
    if (!t || !t->is_string() || t->as_string().empty()) missing.push_back(lang);
  }
  return missing;
}

// Every multilingual text inside `v` (a cell's JSON): at its top (path "") or nested at any depth
// in objects and arrays (path ".note", "[2].title"), as the audit log's details hold them.
void FindLacking(const json::value& v, const std::string& path, const std::string& where,
                 std::vector<std::string>& out) {
  if (IsMultilingual(v)) {
    if (auto missing = Missing(v); !missing.empty())
      out.push_back(fmt::format("{}{}{}: {}", where, path.empty() ? "" : " $", path,
                                fmt::join(missing, ", ")));
    return;
  }
  if (v.is_object())
    for (const auto& [k, x] : v.as_object()) FindLacking(x, path + "." + std::string(k), where, out);
  if (v.is_array())
    for (std::size_t i = 0; i < v.as_array().size(); ++i)
      FindLacking(v.as_array()[i], fmt::format("{}[{}]", path, i), where, out);
}

// "table.column #rowid: ar, fr" for each multilingual text of the database lacking a language
// ("table.column #rowid $.note: ar, fr" for one inside a cell's JSON).
std::vector<std::string> TextsLackingLanguages(storage::Connection& c) {
  // Ordinary tables with a rowid (the search index's shadow tables hold no multilingual text).
  std::vector<std::string> tables;
  {
    storage::Stmt s(c, "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' "
                       "AND NOT wr AND name NOT LIKE 'sqlite_%' ORDER BY name");
    while (s.Step()) tables.push_back(s.Text(0));
  }
  std::vector<std::string> out;
  for (const auto& table : tables) {
    std::vector<std::string> columns;
    {
      storage::Stmt s(c, "SELECT name FROM pragma_table_info(?) ORDER BY cid");
      s.BindAll(table);
      while (s.Step()) columns.push_back(s.Text(0));
    }
    for (const auto& column : columns) {
      storage::Stmt s(c, fmt::format("SELECT rowid, \"{}\" FROM \"{}\" ORDER BY rowid", column,
                                     table));
      while (s.Step()) {
        if (s.IsNull(1)) continue;
        const std::string cell = s.Text(1);
        if (cell.empty() || (cell.front() != '{' && cell.front() != '[')) continue;
        boost::system::error_code ec;
        json::value v = json::parse(cell, ec);
        if (ec) continue;
        FindLacking(v, "", fmt::format("{}.{} #{}", table, column, s.Int(0)), out);
      }
    }
  }
  return out;
}

TEST_F(DemoDatabaseTest, EveryMultilingualTextHasTheSixLanguages) {
  const auto lacking = TextsLackingLanguages(db_->Read());
  EXPECT_TRUE(lacking.empty()) << lacking.size() << " texts lack a language:\n"
                               << fmt::format("{}", fmt::join(lacking, "\n"));
}

TEST_F(DemoDatabaseTest, TheCheckFindsATextLackingALanguage) {
  // The check above can fail: a paragraph of the record without its French text is found.
  auto first = db_->Read().QueryInt("SELECT min(id) FROM interventions");
  ASSERT_TRUE(first);
  ASSERT_TRUE(db_->Write<Ok>([&](storage::Connection& c) -> Result<Ok> {
                   c.Exec("UPDATE interventions SET summary = json_remove(summary, '$.fr') "
                          "WHERE id = ?",
                          *first);
                   return Ok{};
                 })
                  .ok());
  const auto lacking = TextsLackingLanguages(db_->Read());
  const std::string expected = fmt::format("interventions.summary #{}: fr", *first);
  EXPECT_NE(std::find(lacking.begin(), lacking.end(), expected), lacking.end())
      << expected << " not in:\n" << fmt::format("{}", fmt::join(lacking, "\n"));
}

TEST_F(DemoDatabaseTest, TheCheckFindsANestedTextLackingALanguage) {
  // Inside a cell's JSON too: a note in the audit log's entry (as the demo's load writes one)
  // without its Russian is found.
  std::int64_t id = 0;
  ASSERT_TRUE(db_->Write<Ok>([&](storage::Connection& c) -> Result<Ok> {
                   json::object note;
                   for (const auto& lang : text::Languages())
                     if (lang != "ru") note[lang] = "note in " + lang;
                   audit::Record(c, std::nullopt, "demo.check", "database", std::nullopt,
                                 std::nullopt, json::serialize(json::object{{"note", note}}));
                   id = *c.QueryInt("SELECT max(id) FROM audit_log");
                   return Ok{};
                 })
                  .ok());
  const auto lacking = TextsLackingLanguages(db_->Read());
  const std::string expected = fmt::format("audit_log.after #{} $.note: ru", id);
  EXPECT_NE(std::find(lacking.begin(), lacking.end(), expected), lacking.end())
      << expected << " not in:\n" << fmt::format("{}", fmt::join(lacking, "\n"));
}

TEST_F(DemoDatabaseTest, TheNegotiatedTextHasEveryPassageInTheSixLanguages) {
  accounts::Session sec;
  sec.user.id = kDemoSecretariat;
  sec.user.role = "secretariat";
  auto list = drafting::List(*db_, {std::string("C22/32(Rev.1)"), std::nullopt}, sec);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  auto t = drafting::Get(*db_, (*list)[0].id, sec);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(std::set<std::string>(t->languages.begin(), t->languages.end()),
            std::set<std::string>(text::Languages().begin(), text::Languages().end()));
  std::vector<std::string> missing;
  for (const auto& m : drafting::MissingPassages(*t))
    missing.push_back(fmt::format("{} {}", m.label, m.lang));
  EXPECT_TRUE(missing.empty()) << fmt::format("{}", fmt::join(missing, "; "));
  // Each open question is bracketed in every language: as many passages as languages.
  for (const auto& p : t->provisions) {
    std::map<std::int64_t, std::set<std::string>> by_question;
    for (const auto& b : p.brackets) by_question[b.question].insert(b.lang);
    for (const auto& [q, langs] : by_question)
      EXPECT_EQ(langs.size(), 6u) << p.label << " question " << q;
  }
}

}  // namespace
}  // namespace plenary::demo
