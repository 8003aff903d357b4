// The messages that build sentences (summary-record decisions, the Chair's report, the
// consultation report paragraph, labels with ordinals and plurals), formatted in six languages
// with realistic arguments: real symbols and names, counts 0 to 100, every select case, single
// dates, ranges and lists. A sample is compared with sentences written by hand; every output is
// checked for stray braces, double spaces, doubled punctuation and English words in the other
// languages.
#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "text/dates.h"
#include "text/messages.h"

namespace plenary::text {
namespace {

const std::vector<std::int64_t> kCounts = {0, 1, 2, 3, 5, 11, 21, 100};

// The names and symbols a sentence may carry in any language.
const std::vector<std::string> kNames = {"CWG-Internet", "C22/33", "C22/32(Rev.1)", "C22/71",
                                         "Council Working Group on International Internet-related "
                                         "Public Policy Issues",
                                         "Resolution 102", "C22", "Sadhvi Saran"};

std::string Symbols(const std::vector<std::string>& symbols, const std::string& lang) {
  std::vector<std::string> out;
  for (const auto& s : symbols) out.push_back(lang == "ar" ? "\u2068" + s + "\u2069" : s);
  return T(lang, "record_documents_in_text",
           {{"count", static_cast<std::int64_t>(out.size())}, {"list", FormatList(out, lang)}});
}

// What is wrong with a generated sentence in `lang`, or "" when nothing is.
std::string Fault(const std::string& out, const std::string& lang) {
  if (out.empty()) return "empty";
  if (out.starts_with("[")) return "unknown key";
  if (out.find_first_of("{}") != std::string::npos) return "stray brace";
  if (out.find("  ") != std::string::npos) return "double space";
  for (const char* doubled : {"..", ",,", " ,", " .", "。。", "，，", "،،", ";;", "::", "( ", " )",
                              ",.", "،.", "，。", "г.."})
    if (out.find(doubled) != std::string::npos) return std::string("doubled punctuation “") + doubled + "”";
  if (lang == "en") return "";
  // English words once the names and symbols are removed: in Russian, Chinese and Arabic any run
  // of three or more Latin letters; in French and Spanish, words that are English only.
  std::string rest = out;
  for (const auto& name : kNames)
    for (auto p = rest.find(name); p != std::string::npos; p = rest.find(name))
      rest.replace(p, name.size(), " ");
  static const std::set<std::string> kLatin = {"UIT", "ITU", "Rev", "Dubai"};
  static const std::set<std::string> kEnglish = {
      "the",     "and",     "of",     "was",   "were",    "has",       "have",    "meeting",
      "meetings", "report", "reports", "Council", "matter", "took",     "agreed",  "held",
      "received", "with",   "from",   "response", "responses", "Chair", "also",   "forward"};
  const bool latin_script = lang == "fr" || lang == "es";
  // Words are runs of letters (any script); a word of Latin letters only may be English.
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(rest);
  icu::UnicodeString word;
  for (int32_t i = 0;; i = u.moveIndex32(i, 1)) {
    const UChar32 c = i < u.length() ? u.char32At(i) : 0;
    if (c != 0 && u_isalpha(c)) {
      word.append(c);
      continue;
    }
    bool ascii = !word.isEmpty();
    for (int32_t j = 0; j < word.length(); ++j) ascii = ascii && word.charAt(j) < 0x80;
    std::string w;
    word.toUTF8String(w);
    word.remove();
    if (ascii && (latin_script ? kEnglish.contains(w) : w.size() >= 3 && !kLatin.contains(w)))
      return "English word “" + w + "”";
    if (i >= u.length()) break;
  }
  return "";
}

// Formats `key` in every language with `args` and checks each result.
std::map<std::string, std::string> Six(const std::string& key, const Args& args) {
  std::map<std::string, std::string> out;
  for (const auto& lang : Languages()) {
    out[lang] = T(lang, key, args);
    EXPECT_EQ(Fault(out[lang], lang), "") << lang << " " << key << " → " << out[lang];
  }
  return out;
}

// --- The checker itself can fail ------------------------------------------------------------

TEST(Sentences, FaultFindsWhatIsWrong) {
  EXPECT_EQ(Fault("Le Conseil a pris note.", "fr"), "");
  EXPECT_NE(Fault("Le Conseil a pris note..", "fr"), "");
  EXPECT_NE(Fault("20 января 2022 г..", "ru"), "");
  EXPECT_NE(Fault("Le Conseil  a pris note.", "fr"), "");
  EXPECT_NE(Fault("Le {body} a pris note.", "fr"), "");
  EXPECT_NE(Fault("8e séance plénière du Council (C22)", "fr"), "");
  EXPECT_EQ(Fault("Le CWG-Internet a examiné le Document C22/33.", "fr"), "");
  EXPECT_NE(Fault("Совет принял к сведению the report.", "ru"), "");
  EXPECT_NE(Fault("El Consejo tomó nota del report.", "es"), "");
}

// --- Hand-written sentences -----------------------------------------------------------------

TEST(Sentences, DatesInRunningTextArePhrases) {
  EXPECT_EQ(FormatDatePhrase("2022-01-20", "2022-01-21", "fr"), "du 20 au 21 janvier 2022");
  EXPECT_EQ(FormatDatePhrase("2022-01-20", "2022-01-21", "es"), "del 20 al 21 de enero de 2022");
  EXPECT_EQ(FormatDatePhrase("2022-01-20", "2022-01-21", "ru"), "20–21 января 2022 года");
  EXPECT_EQ(FormatDatePhrase("2022-01-20", "2022-01-21", "en"), "from 20 to 21 January 2022");
  EXPECT_EQ(FormatDatePhrase("2022-01-20", "2022-01-21", "zh"), "2022年1月20日至21日");
  EXPECT_EQ(FormatDatePhrase("2022-01-30", "2022-02-02", "fr"), "du 30 janvier au 2 février 2022");
  EXPECT_EQ(FormatDatePhrase("2021-12-30", "2022-01-02", "fr"),
            "du 30 décembre 2021 au 2 janvier 2022");
  EXPECT_EQ(FormatDatePhrase("2022-09-08", "2022-09-08", "fr"), "le 8 septembre 2022");
  EXPECT_EQ(FormatDatePhrase("2022-09-08", "", "es"), "el 8 de septiembre de 2022");
  EXPECT_EQ(FormatDatePhrase("2022-09-08", "", "ru"), "8 сентября 2022 года");
  EXPECT_EQ(FormatDatePhrase("2022-09-08", "", "en"), "on 8 September 2022");
}

// Month ranges in running text ("February – September 2021" from ICU's interval format) are
// phrases with their preposition, as dates are.
TEST(Sentences, MonthRangesInRunningTextArePhrases) {
  EXPECT_EQ(FormatMonthPhrase("2021-02-01", "2021-09-30", "en"), "from February to September 2021");
  EXPECT_EQ(FormatMonthPhrase("2021-02-01", "2021-09-30", "fr"), "entre février et septembre 2021");
  EXPECT_EQ(FormatMonthPhrase("2021-04-01", "2021-06-30", "fr"), "entre avril et juin 2021");
  EXPECT_EQ(FormatMonthPhrase("2021-02-01", "2021-09-30", "es"),
            "de febrero a septiembre de 2021");
  EXPECT_EQ(FormatMonthPhrase("2021-02-01", "2021-09-30", "ru"), "февраль – сентябрь 2021 года");
  EXPECT_EQ(FormatMonthPhrase("2021-02-01", "2021-09-30", "zh"), "2021年2月至9月");
  EXPECT_EQ(FormatMonthPhrase("2021-02-01", "2021-09-30", "ar"),
            "في الفترة من فبراير إلى سبتمبر 2021");
  EXPECT_EQ(FormatMonthPhrase("2021-12-01", "2022-02-15", "fr"),
            "entre décembre 2021 et février 2022");
  EXPECT_EQ(FormatMonthPhrase("2021-12-01", "2022-02-15", "zh"), "2021年12月至2022年2月");
  EXPECT_EQ(FormatMonthPhrase("2021-10-01", "2021-10-31", "en"), "in October 2021");
  EXPECT_EQ(FormatMonthPhrase("2021-10-01", "2021-10-31", "fr"), "en octobre 2021");
  EXPECT_EQ(FormatMonthPhrase("2021-10-01", "", "es"), "en octubre de 2021");
  // The consultation report's sentence reads with it in every language.
  for (const auto& lang : Languages()) {
    const std::string out =
        T(lang, "report_responses",
          {{"topic", "5G"}, {"period", FormatMonthPhrase("2021-02-01", "2021-09-30", lang)},
           {"total", 3}, {"breakdown", "3"}});
    EXPECT_EQ(Fault(out, lang), "") << lang << " → " << out;
    EXPECT_EQ(out.find("période de"), std::string::npos) << out;
    EXPECT_EQ(out.find("período de"), std::string::npos) << out;
    EXPECT_EQ(out.find("in from"), std::string::npos) << out;
  }
}

TEST(Sentences, MeetingsHeldOnDatesAndRanges) {
  std::map<std::string, std::string> held;
  for (const auto& lang : Languages()) {
    const std::string dates = FormatList({FormatDatePhrase("2021-09-23", "", lang),
                                          FormatDatePhrase("2022-01-19", "2022-01-20", lang)},
                                         lang);
    const std::string ordinals = FormatList(
        {T(lang, "chair_report_ordinal", {{"number", std::int64_t{16}}}),
         T(lang, "chair_report_ordinal", {{"number", std::int64_t{17}}})},
        lang);
    held[lang] = T(lang, "chair_report_meetings_held",
                   {{"acronym", "CWG-Internet"}, {"ordinals", ordinals}, {"count", std::int64_t{2}},
                    {"dates", dates}, {"mode", "virtual"}});
    EXPECT_EQ(Fault(held[lang], lang), "") << lang << ": " << held[lang];
  }
  EXPECT_EQ(held["fr"],
            "Les 16e et 17e réunions du CWG-Internet se sont tenues en mode virtuel le 23 "
            "septembre 2021 et du 19 au 20 janvier 2022, respectivement.");
  EXPECT_EQ(held["es"],
            "Las reuniones 16.ª y 17.ª del CWG-Internet se celebraron de forma virtual el 23 de "
            "septiembre de 2021 y del 19 al 20 de enero de 2022, respectivamente.");
  EXPECT_EQ(held["ru"],
            "16-е и 17-е собрания CWG-Internet состоялись в виртуальном формате 23 сентября "
            "2021 года и 19–20 января 2022 года соответственно.");
  EXPECT_EQ(held["en"],
            "The 16th and 17th meetings of CWG-Internet were held virtually on 23 September 2021 "
            "and from 19 to 20 January 2022, respectively.");
}

TEST(Sentences, ContributionsReceivedNoneNegateTheVerb) {
  const Args none = {{"acronym", "CWG-Internet"}, {"n", std::int64_t{0}}};
  auto fr = T("fr", "chair_report_ordinal", {{"number", std::int64_t{16}}});
  auto es = T("es", "chair_report_ordinal", {{"number", std::int64_t{16}}});
  auto ru = T("ru", "chair_report_ordinal", {{"number", std::int64_t{16}}});
  auto zh = T("zh", "chair_report_ordinal", {{"number", std::int64_t{16}}});
  Args a = none;
  a.emplace_back("ordinal", fr);
  EXPECT_EQ(T("fr", "chair_report_contributions", a),
            "La 16e réunion du CWG-Internet n’a reçu aucune contribution.");
  a = none;
  a.emplace_back("ordinal", es);
  EXPECT_EQ(T("es", "chair_report_contributions", a),
            "La 16.ª reunión del CWG-Internet no recibió ninguna contribución.");
  a = none;
  a.emplace_back("ordinal", ru);
  EXPECT_EQ(T("ru", "chair_report_contributions", a),
            "16-е собрание CWG-Internet не получило ни одного вклада.");
  a = none;
  a.emplace_back("ordinal", zh);
  EXPECT_EQ(T("zh", "chair_report_contributions", a), "CWG-Internet第十六次会议未收到文稿。");
}

TEST(Sentences, RestrictedNoteAgreesWithItsSubject) {
  EXPECT_EQ(T("fr", "doc_restricted_note", {{"access", "secretariat"}}),
            "Ce document n’est pas public\u00a0: seul le secrétariat peut le voir\u00a0; les autres "
            "ne peuvent pas savoir qu’il existe.");
  EXPECT_EQ(T("es", "doc_restricted_note", {{"access", "secretariat"}}),
            "Este documento no es público: solo la Secretaría puede verlo; los demás no pueden saber "
            "que existe.");
  EXPECT_EQ(T("ru", "doc_restricted_note", {{"access", "secretariat"}}),
            "Этот документ не является открытым: его видит только секретариат; остальные не могут "
            "узнать о его существовании.");
}

TEST(Sentences, DecisionsOnDocuments) {
  auto body = [](const std::string& lang) { return T(lang, "record_body_council"); };
  EXPECT_EQ(T("fr", "decision_took_note",
              {{"body", body("fr")}, {"documents", Symbols({"C22/33"}, "fr")}, {"has_documents", "yes"}}),
            "Le Conseil a pris note du rapport figurant dans le Document C22/33.");
  EXPECT_EQ(T("es", "decision_agreed",
              {{"body", body("es")}, {"documents", Symbols({"C22/32(Rev.1)", "C22/71"}, "es")},
               {"has_documents", "yes"}}),
            "El Consejo aceptó las propuestas que figuran en los Documentos C22/32(Rev.1) y C22/71.");
  EXPECT_EQ(T("fr", "decision_forwarded",
              {{"body", body("fr")}, {"documents", Symbols({"C22/60"}, "fr")},
               {"has_with", "yes"}, {"with", "le compte rendu analytique"},
               {"recipient", T("fr", "recipient_plenipotentiary_conference")}}),
            "Le Conseil est convenu de transmettre le Document C22/60, ainsi que le compte rendu "
            "analytique, à la Conférence de plénipotentiaires.");
  // Chinese submits to the Secretary-General (转呈, seed 000) and hands over to a group (转交).
  EXPECT_EQ(T("zh", "decision_forward_too",
              {{"body", body("zh")}, {"has_documents", "yes"}, {"has_with", "no"}, {"with", ""},
               {"recipient", T("zh", "recipient_un_secretary_general")}}),
            "理事会还同意将该报告转呈联合国秘书长。");
  EXPECT_EQ(T("zh", "decision_forward_too",
              {{"body", body("zh")}, {"has_documents", "yes"}, {"has_with", "no"}, {"with", ""},
               {"recipient", T("zh", "recipient_working_group")}}),
            "理事会还同意将该报告转交工作组。");
  EXPECT_EQ(T("fr", "record_body_other", {{"acronym", "CWG-Internet"}}), "Le CWG-Internet");
}

TEST(Sentences, ChineseMoreThanOnlyAfterARoundFigure) {
  // C22/51: "150多名注册与会者", "60多名积极的与会者"; "21多名" would not mean "more than 21".
  EXPECT_EQ(T("zh", "report_registered", {{"n", std::int64_t{150}}, {"more", "yes"}, {"round", "yes"}}),
            "150多名注册与会者");
  EXPECT_EQ(T("zh", "report_attended", {{"n", std::int64_t{21}}, {"more", "yes"}, {"round", "no"}}),
            "超过21名积极的与会者");
  EXPECT_EQ(T("zh", "report_attended", {{"n", std::int64_t{1}}, {"more", "no"}, {"round", "no"}}),
            "1名积极的与会者");
}

TEST(Sentences, PlenaryMeetingOfTheCouncilIsNamedInEachLanguage) {
  auto label = Six("meeting_label_plenary", {{"number", std::int64_t{8}}, {"body", "Council"},
                                             {"council", "yes"}, {"session", "C22"}});
  EXPECT_EQ(label["en"], "8th plenary meeting of the Council (C22)");
  EXPECT_EQ(label["fr"], "8e séance plénière du Conseil (C22)");
  EXPECT_EQ(label["es"], "8.ª sesión plenaria del Consejo (C22)");
  EXPECT_EQ(label["ru"], "8-е пленарное заседание Совета (C22)");
  EXPECT_EQ(label["zh"], "理事会（C22）第八次全体会议");
  EXPECT_EQ(label["ar"], "الجلسة العامة الثامنة للمجلس (C22)");
}

// --- Every sentence-building message, every case --------------------------------------------

TEST(Sentences, DecisionsReadInEveryKindAndCase) {
  for (const char* kind : {"took_note", "approved", "endorsed", "agreed", "deferred",
                           "referred_informal", "forwarded", "forward_too"})
    for (const auto& docs : std::vector<std::vector<std::string>>{
             {}, {"C22/33"}, {"C22/32(Rev.1)", "C22/71"}, {"C22/8", "C22/9", "C22/10"}})
      for (const char* has_with : {"yes", "no"})
        for (const char* recipient : {"un_secretary_general", "plenipotentiary_conference",
                                      "council", "working_group", "member_states"})
          for (const auto& lang : Languages()) {
            const std::string documents =
                docs.empty() ? T(lang, "record_the_matter") : Symbols(docs, lang);
            const std::string key = std::string("decision_") + kind;
            const std::string out =
                T(lang, key,
                  {{"body", T(lang, "record_body_council")},
                   {"documents", documents},
                   {"has_documents", docs.empty() ? "no" : "yes"},
                   {"report_back", T(lang, "record_later_meeting")},
                   {"has_with", has_with},
                   {"with", "C22/33"},
                   {"recipient", T(lang, std::string("recipient_") + recipient)}});
            EXPECT_EQ(Fault(out, lang), "") << lang << " " << key << " → " << out;
          }
}

TEST(Sentences, ChairReportReadsForEveryCountAndCase) {
  for (const std::int64_t count : kCounts) {
    for (const auto& lang : Languages()) {
      std::vector<std::string> ordinals, dates;
      for (std::int64_t i = 0; i < std::max<std::int64_t>(count, 1) && i < 4; ++i) {
        ordinals.push_back(T(lang, "chair_report_ordinal", {{"number", 16 + i}}));
        dates.push_back(FormatDatePhrase(i % 2 ? "2022-01-19" : "2021-09-23",
                                         i % 2 ? "2022-01-20" : "", lang));
      }
      const std::string ord = FormatList(ordinals, lang), dat = FormatList(dates, lang);
      const std::string ordinal = T(lang, "chair_report_ordinal", {{"number", count + 1}});
      const Args base = {{"acronym", "CWG-Internet"},
                         {"name", "Council Working Group on International Internet-related Public "
                                  "Policy Issues"},
                         {"ordinals", ord},
                         {"ordinal", ordinal},
                         {"this", ordinal},
                         {"count", count},
                         {"n", count},
                         {"dates", dat},
                         {"references", "Resolution 102"}};
      auto check = [&](const std::string& key, Args more) {
        Args a = base;
        a.insert(a.end(), more.begin(), more.end());
        const std::string out = T(lang, key, a);
        EXPECT_EQ(Fault(out, lang), "") << lang << " " << key << " count=" << count << " → " << out;
      };
      for (const char* cited : {"yes", "no"}) check("chair_report_summary", {{"cited", cited}});
      for (const char* mode : {"virtual", "physical", "hybrid", "mixed"})
        check("chair_report_meetings_held", {{"mode", mode}});
      check("chair_report_reports_approved", {});
      for (const char* to : {"itu_members", "itu_members_and_stakeholders"})
        check("chair_report_reports_distributed", {{"to", to}});
      check("chair_report_contributions", {});
      for (const char* first : {"yes", "no"}) {
        check("chair_report_considered_launched", {{"first", first}});
        check("chair_report_considered", {{"first", first}});
      }
      check("chair_report_take_note", {});
      check("chair_report_party_vice_chairs", {});
      for (const char* who : {"supporters", "contributors", "both"})
        for (const char* membership : {"member_states", "participants"})
          check("chair_report_thanks",
                {{"who", who}, {"membership", membership}, {"supporters", "Sadhvi Saran"}});
    }
  }
}

TEST(Sentences, ReportParagraphReadsForEveryCountAndCase) {
  for (const std::int64_t n : kCounts) {
    for (const auto& lang : Languages()) {
      std::vector<std::string> parts;
      for (const char* type : {"government", "private_sector", "industry_association",
                               "civil_society", "academia_technical", "international_organization",
                               "individual", "not_stated"}) {
        const std::string part = T(lang, std::string("report_from_") + type, {{"n", n}});
        EXPECT_EQ(Fault(part, lang), "") << lang << " " << type << " → " << part;
        parts.push_back(part);
      }
      const std::string out =
          T(lang, "report_responses",
            {{"topic", "CWG-Internet"}, {"period", FormatDate("2022-01-11", lang)},
             {"total", n}, {"breakdown", FormatList(parts, lang)}});
      EXPECT_EQ(Fault(out, lang), "") << lang << " n=" << n << " → " << out;
      for (const char* more : {"yes", "no"})
        for (const char* round : {"yes", "no"}) {
          const Args a = {{"n", n}, {"more", more}, {"round", round}};
          const std::string registered = T(lang, "report_registered", a);
          const std::string attended = T(lang, "report_attended", a);
          for (const char* mode : {"virtual", "physical", "hybrid"}) {
            const std::string meeting =
                T(lang, "report_meeting",
                  {{"number", n + 1}, {"mode", mode}, {"date", FormatDatePhrase("2021-09-20", "", lang)},
                   {"participants", FormatList({registered, attended}, lang)}});
            EXPECT_EQ(Fault(meeting, lang), "") << lang << " → " << meeting;
          }
        }
      for (const char* summary : {"yes", "no"})
        for (const char* responses : {"all", "some", "none"}) {
          const std::string out = T(lang, "report_publication",
                                    {{"summary", summary}, {"responses", responses},
                                     {"body", "CWG-Internet"}});
          EXPECT_EQ(Fault(out, lang), "") << lang << " → " << out;
        }
      const std::string campaigns =
          T(lang, "report_campaigns", {{"copies", n}, {"texts", n}});
      EXPECT_EQ(Fault(campaigns, lang), "") << lang << " → " << campaigns;
    }
  }
}

// The documents phrase of `n` symbols (one at least), checked in `lang`.
void CheckDocumentLists(std::int64_t n, const std::string& lang) {
  std::vector<std::string> symbols;
  for (std::int64_t i = 0; i < std::max<std::int64_t>(n, 1) && i < 3; ++i)
    symbols.push_back("C22/" + std::to_string(33 + i));
  const Args args = {{"count", static_cast<std::int64_t>(symbols.size())},
                     {"list", FormatList(symbols, lang)}};
  const std::string heading = T(lang, "record_documents", args);
  EXPECT_EQ(Fault(heading, lang), "") << lang << " → " << heading;
  const std::string in_text = T(lang, "record_documents_in_text", args);
  EXPECT_EQ(Fault(in_text, lang), "") << lang << " → " << in_text;
}

// The labels of meeting number n + 1 and the labels counting n things.
[[gnu::noinline]] void CheckLabels(std::int64_t n) {
  const std::int64_t number = n + 1;
  Six("meeting_label_ocm", {{"number", number}, {"mode", "virtual"}});
  Six("meeting_label_ocm", {{"number", number}, {"mode", "physical"}});
  Six("meeting_label_ocm", {{"number", number}, {"mode", "hybrid"}});
  Six("meeting_label_plenary",
      {{"number", number}, {"body", "CWG-Internet"}, {"council", "yes"}, {"session", "C22"}});
  Six("meeting_label_plenary",
      {{"number", number}, {"body", "CWG-Internet"}, {"council", "no"}, {"session", "C22"}});
  Six("meeting_label_wg", {{"number", number}, {"body", "CWG-Internet"}});
  Six("chair_report_ordinal", {{"number", number}});
  Six("published_responses_count", {{"n", n}});
  Six("responses_total", {{"n", n}});
  Six("contributions_received", {{"n", n}});
}

TEST(Sentences, LabelsWithOrdinalsAndPluralsReadForEveryCount) {
  for (const std::int64_t n : kCounts) CheckLabels(n);
  for (const std::int64_t n : kCounts)
    for (const auto& lang : Languages()) CheckDocumentLists(n, lang);
}

}  // namespace
}  // namespace plenary::text
