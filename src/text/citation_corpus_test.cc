// Holds every case of the citation corpus (testdata/citations: real passages of UN and ITU
// documents in the six languages): each citation a documentalist finds there must be found, with
// its kind, body, number, year and span, nothing else may be extracted, and no paragraph, meeting
// or footnote number may be taken for a citation. The figures themselves are measured by
// bench/citations (docs/QUALITY.md).
#include "text/citation_corpus.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "testing/testdata.h"
#include "text/citations.h"

namespace plenary::text::corpus {
namespace {

std::vector<Language> LoadCorpus() {
  auto langs = Load(testdata::TestDataDir() / "citations");
  if (!langs.ok()) {
    ADD_FAILURE() << langs.error().message;
    return {};
  }
  return *langs;
}

TEST(CitationCorpus, FindsEveryCitationOfEveryPassage) {
  std::vector<Language> langs = LoadCorpus();
  ASSERT_EQ(langs.size(), 6u);
  for (const Language& l : langs) {
    for (const Case& c : l.cases) {
      CaseResult r = Score(c, ExtractCitations(c.text));
      std::set<int> known;  // numbers of the citations still marked as not found
      for (const Expected* e : r.missed) {
        if (e->known_failure) {
          known.insert(e->number);
        } else {
          ADD_FAILURE() << "[" << l.code << "] not found: " << e->written << "\n  in "
                        << c.source << "\n  " << c.text;
        }
      }
      for (const Expected& e : c.expect) {
        bool missed = std::find(r.missed.begin(), r.missed.end(), &e) != r.missed.end();
        EXPECT_FALSE(e.known_failure && !missed)
            << "[" << l.code << "] found now, remove its \"!\": " << e.written;
      }
      for (const Citation& x : r.extra) {
        // A citation still marked as not found may come out with a wrong detail.
        if (known.count(x.number) != 0) continue;
        ADD_FAILURE() << "[" << l.code << "] extracted " << x.kind << " " << x.instrument << " "
                      << x.number << " " << x.year << " \"" << x.text << "\" " << x.symbol
                      << ", which the corpus does not hold\n  in " << c.source;
      }
      for (const std::string& n : r.negatives_broken) {
        ADD_FAILURE() << "[" << l.code << "] \"" << n << "\" taken into a citation\n  in "
                      << c.source;
      }
    }
  }
}

TEST(CitationCorpus, MeetsTheQualityTargetsInEachLanguage) {
  for (const Language& l : LoadCorpus()) {
    Report r = Evaluate(l);
    EXPECT_GE(r.all.Recall(), 0.95) << l.code;
    EXPECT_GE(r.all.Precision(), 0.98) << l.code;
  }
}

TEST(CitationCorpus, HoldsRealSourcesAndEnoughOfEachLanguage) {
  int citations = 0;
  for (const Language& l : LoadCorpus()) {
    int items = 0;
    for (const Case& c : l.cases) {
      EXPECT_FALSE(c.source.empty()) << l.code << ": " << c.text;
      items += static_cast<int>(c.expect.size() + c.negatives.size());
      citations += static_cast<int>(c.expect.size());
      for (const std::string& n : c.negatives) {
        EXPECT_NE(c.text.find(n), std::string::npos) << l.code << ": \"" << n << "\" not in text";
      }
    }
    EXPECT_GE(items, 40) << l.code;
  }
  EXPECT_GE(citations, 300);
}

TEST(CitationCorpus, ScoresAMissAWrongExtractionAndABrokenNegative) {
  Case c;
  c.text = "resolution 770 (1992) of 13 August 1992, meeting 3106";
  auto parsed = Load(testdata::TestDataDir() / "citations");
  ASSERT_TRUE(parsed.ok());
  c.negatives = {"3106"};
  Citation wrong;
  wrong.kind = "resolution";
  wrong.instrument = "council";
  wrong.number = 770;
  wrong.year = 1992;
  wrong.text = "resolution 770 (1992)";
  wrong.begin = 0;
  wrong.end = wrong.text.size();
  Citation meeting = wrong;
  meeting.number = 3106;
  meeting.begin = c.text.find("3106");
  meeting.end = meeting.begin + 4;
  meeting.text = "3106";
  Expected e;
  e.kind = "resolution";
  e.instrument = "unsc";
  e.number = 770;
  e.year = 1992;
  e.anchor = "770 (1992)";
  c.expect = {e};
  CaseResult r = Score(c, {wrong, meeting});
  EXPECT_EQ(r.missed.size(), 1u);
  EXPECT_EQ(r.extra.size(), 2u);
  EXPECT_EQ(r.negatives_broken, std::vector<std::string>{"3106"});
  wrong.instrument = "unsc";
  r = Score(c, {wrong});
  EXPECT_TRUE(r.missed.empty());
  EXPECT_TRUE(r.extra.empty());
  EXPECT_TRUE(r.negatives_broken.empty());
}

}  // namespace
}  // namespace plenary::text::corpus
