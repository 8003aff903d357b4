// Tests of stored text rendered into pages: Latin runs isolated in right-to-left text only.
#include "site/text_html.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "base/assets.h"
#include "http/templates.h"
#include "site/notice.h"
#include "text/messages.h"

namespace plenary::site {
namespace {

constexpr char kOpen[] = "<bdi class=\"sym\">";
constexpr char kClose[] = "</bdi>";
std::string Sym(const std::string& s) { return kOpen + s + kClose; }
std::string Phrase(const std::string& s) { return "<bdi class=\"phrase\">" + s + kClose; }

TEST(TextHtml, IsolatesEachAcronymInArabicText) {
  EXPECT_EQ(TextHtml("فريق العمل CWG-Internet والقمة WSIS", "ar"),
            "فريق العمل " + Sym("CWG-Internet") + " والقمة " + Sym("WSIS"));
  EXPECT_EQ(TextHtml("توصية ITU-T", "ar"), "توصية " + Sym("ITU-T"));
}

TEST(TextHtml, KeepsASymbolWholeWithItsOwnParentheses) {
  EXPECT_EQ(TextHtml("الوثيقة C22/32(Rev.1) المعروضة", "ar"),
            "الوثيقة " + Sym("C22/32(Rev.1)") + " المعروضة");
  EXPECT_EQ(TextHtml("C22/87(Corr.1)/Add.2", "ar"), Sym("C22/87(Corr.1)/Add.2"));
}

TEST(TextHtml, LeavesPunctuationAtTheRunsEndsOutside) {
  // Parentheses around the run, a full stop, a comma, a hyphen or slash at either end, and a
  // closing parenthesis the run did not open stay in the Arabic text.
  EXPECT_EQ(TextHtml("المتعلقة بالإنترنت (CWG-Internet)", "ar"),
            "المتعلقة بالإنترنت (" + Sym("CWG-Internet") + ")");
  EXPECT_EQ(TextHtml("في ITU-T.", "ar"), "في " + Sym("ITU-T") + ".");
  EXPECT_EQ(TextHtml("-WSIS/، GCA-", "ar"), "-" + Sym("WSIS") + "/، " + Sym("GCA") + "-");
  EXPECT_EQ(TextHtml("(PP-18))", "ar"), "(" + Sym("PP-18") + "))");
  EXPECT_EQ(TextHtml("WSIS...", "ar"), Sym("WSIS") + "...");
}

TEST(TextHtml, LeavesNumbersAloneAndJoinsDigitsToLetters) {
  EXPECT_EQ(TextHtml("لعام 2018 (PP-18)", "ar"), "لعام 2018 (" + Sym("PP-18") + ")");
  EXPECT_EQ(TextHtml("القرار 1344", "ar"), "القرار 1344");
  EXPECT_EQ(TextHtml("2018-PP", "ar"), Sym("2018-PP"));
}

TEST(TextHtml, TakesLatinLettersBeyondAscii) {
  EXPECT_EQ(TextHtml("اجتماع Genève-Türkiye", "ar"), "اجتماع " + Sym("Genève-Türkiye"));
}

TEST(TextHtml, EscapesEverythingInsideAndOutsideTheRuns) {
  EXPECT_EQ(TextHtml("فريق CWG-WSIS&SDG", "ar"), "فريق " + Sym("CWG-WSIS&amp;SDG"));
  EXPECT_EQ(TextHtml("نص <script>alert('x')</script> & \"ITU\"", "ar"),
            "نص &lt;" + Sym("script") + "&gt;" + Sym("alert(&#39;x&#39;)") + "&lt;/" +
                Sym("script") + "&gt; &amp; &quot;" + Sym("ITU") + "&quot;");
  // A stray & is escaped and joins nothing.
  EXPECT_EQ(TextHtml("أ & ب", "ar"), "أ &amp; ب");
  EXPECT_EQ(TextHtml("WSIS&", "ar"), Sym("WSIS") + "&amp;");
}

TEST(TextHtml, KeepsLatinWordsAndThePunctuationBetweenThemInOneRun) {
  // Words isolated one by one would stand right to left: "English in only Title".
  EXPECT_EQ(TextHtml("مشاورة Title only in English المعروضة", "ar"),
            "مشاورة " + Phrase("Title only in English") + " المعروضة");
  EXPECT_EQ(TextHtml("«Consultation: AI, ethics; Member States' views!» هنا", "ar"),
            "«" + Phrase("Consultation: AI, ethics; Member States&#39; views") + "!» هنا");
  EXPECT_EQ(TextHtml("إلى l***@example.org. يؤكد", "ar"), "إلى " + Sym("l***@example.org") + ". يؤكد");
  EXPECT_EQ(TextHtml("إلى s•••@example.org.", "ar"), "إلى " + Sym("s•••@example.org") + ".");
  EXPECT_EQ(TextHtml("Member States’ views", "ar"), Phrase("Member States’ views"));
  EXPECT_EQ(TextHtml("توصيتا ITU-T, ITU-R 2018 والوثيقة", "ar"),
            "توصيتا " + Phrase("ITU-T, ITU-R 2018") + " والوثيقة");
  // Parentheses: kept inside when the run opened and closed them, else left in the Arabic text.
  EXPECT_EQ(TextHtml("لـWorld Summit on the Information Society (WSIS) هذا", "ar"),
            "لـ" + Phrase("World Summit on the Information Society (WSIS)") + " هذا");
  EXPECT_EQ(TextHtml("(CWG-Internet) (ITU-T)", "ar"), "(" + Sym("CWG-Internet") + ") (" + Sym("ITU-T") + ")");
  EXPECT_EQ(TextHtml("ITU-T (see", "ar"), Sym("ITU-T") + " (" + Sym("see"));
  EXPECT_EQ(TextHtml("2018(Rev", "ar"), "2018(" + Sym("Rev"));
  // Arabic, an Arabic comma, quotation marks or a run of digits alone end the run.
  EXPECT_EQ(TextHtml("ITU-T والوثيقة WSIS", "ar"), Sym("ITU-T") + " والوثيقة " + Sym("WSIS"));
  EXPECT_EQ(TextHtml("WSIS، GCA", "ar"), Sym("WSIS") + "، " + Sym("GCA"));
  EXPECT_EQ(TextHtml("\"WSIS\" \"GCA\"", "ar"), "&quot;" + Sym("WSIS") + "&quot; &quot;" + Sym("GCA") + "&quot;");
  EXPECT_EQ(TextHtml("WSIS ", "ar"), Sym("WSIS") + " ");
  EXPECT_EQ(TextHtml("لعام 2018 (PP-18)", "ar"), "لعام 2018 (" + Sym("PP-18") + ")");
}

TEST(TextHtml, KeepsATimeZoneWhole) {
  EXPECT_EQ(TextHtml("23:59 (Europe/Zurich)", "ar"), "23:59 (" + Sym("Europe/Zurich") + ")");
  // One too long for a phone's line is still one isolated run, breakable at its slashes.
  EXPECT_EQ(TextHtml("(America/Argentina/Buenos_Aires)", "ar"),
            "(<bdi class=\"sym long\">America/<wbr>Argentina/<wbr>Buenos_Aires</bdi>)");
  EXPECT_EQ(TextHtml("WSIS_", "ar"), Sym("WSIS") + "_");
}

// A textarea shows its text line for line (a refused form's, or the stored one to edit): HTML
// auto-escaping turns line breaks into spaces, so every textarea of every template prints its
// value with ctemplate's pre_escape, which escapes as HTML does and keeps them.
TEST(TextHtml, EveryTextareaKeepsTheLinesOfItsValue) {
  const std::regex textarea(R"(<textarea\b[^>]*>([\s\S]*?)</textarea>)");
  const std::regex value(R"(^\{\{[A-Za-z0-9_]+:pre_escape\}\}$)");
  int textareas = 0;
  std::vector<std::string> faults;
  for (const auto& [path, data] : assets::All()) {
    if (!path.starts_with("web/templates/") || !path.ends_with(".tpl")) continue;
    const std::string t(data);
    for (auto it = std::sregex_iterator(t.begin(), t.end(), textarea); it != std::sregex_iterator();
         ++it) {
      ++textareas;
      const std::string content = (*it)[1];
      if (!content.empty() && !std::regex_match(content, value))
        faults.push_back(std::string(path) + ": " + content);
    }
  }
  EXPECT_GE(textareas, 15) << "the templates' textareas were not found";
  EXPECT_TRUE(faults.empty()) << [&] {
    std::string all;
    for (const auto& f : faults) all += f + "\n";
    return all;
  }();
}

// A notice page's sentence names what it is about (the reference of the response whose address
// was confirmed): on an Arabic page that reference is isolated, in an English one left as it is.
TEST(TextHtml, ANoticeIsolatesTheReferenceItsSentenceNames) {
  http::LoadTemplates();
  for (const std::string lang : {"ar", "en"}) {
    ctemplate::TemplateDictionary d("notice");
    const std::string sentence = text::T(lang, "confirm_done", {{"reference", "K7Q4-2MXD"}});
    SetNotice(&d, text::T(lang, "confirm_title"), sentence, true, lang);
    const std::string html = http::Render("notice.tpl", d);
    EXPECT_NE(html.find("<p class=\"notice\" role=\"status\">" + TextHtml(sentence, lang) + "</p>"),
              std::string::npos)
        << html;
    EXPECT_EQ(html.find(Sym("K7Q4-2MXD")) != std::string::npos, lang == "ar") << html;
  }
}

TEST(TextHtml, WrapsNothingInLeftToRightText) {
  for (const char* lang : {"en", "fr", "es", "ru", "zh"}) {
    for (const char* text : {"CWG-Internet considered C22/32(Rev.1) & ITU-T <b>", "工作组 CWG-Internet",
                             "Рабочая группа CWG-WSIS&SDG"}) {
      EXPECT_EQ(TextHtml(text, lang), http::EscapeHtml(text)) << lang << ": " << text;
    }
  }
}

TEST(TextHtml, LetsARunLongerThanANarrowLineBreakAfterItsSlashes) {
  // A time zone's name in a date (America/Argentina/ComodRivadavia, 32 characters) is wider
  // than a 360 px phone's line: it may break after its slashes, in every language. In Arabic it
  // stays one isolated run, of class "sym long" (plenary.css lets that one wrap).
  const std::string zone = "America/Argentina/ComodRivadavia";
  const std::string breakable = "America/<wbr>Argentina/<wbr>ComodRivadavia";
  for (const char* lang : {"en", "fr", "zh", "ru"})
    EXPECT_EQ(TextHtml("6 January 2027 at 14:40 (" + zone + ")", lang),
              "6 January 2027 at 14:40 (" + breakable + ")")
        << lang;
  EXPECT_EQ(TextHtml("2027年1月6日 14:40 (" + zone + ")", "zh"), "2027年1月6日 14:40 (" + breakable + ")");
  EXPECT_EQ(TextHtml("6 يناير 2027 (" + zone + ")", "ar"),
            "6 يناير 2027 (<bdi class=\"sym long\">" + breakable + "</bdi>)");
  // A link's double slash is not split, nor is a run that fits on a line (a symbol, a short zone).
  EXPECT_EQ(TextHtml("https://www.example.int/consultations/2027", "en"),
            "https://<wbr>www.example.int/<wbr>consultations/<wbr>2027");
  for (const char* lang : {"en", "ar"}) {
    for (const std::string short_run : {"Europe/Zurich", "C22/87(Corr.1)/Add.2", "CWG-WSIS&SDG"}) {
      const std::string html = TextHtml(short_run, lang);
      EXPECT_EQ(html.find("<wbr>"), std::string::npos) << lang << ": " << html;
      EXPECT_EQ(html.find("long"), std::string::npos) << lang << ": " << html;
    }
  }
}

TEST(TextHtml, ASentenceMarksTheStoredTextsOfAnotherLanguage) {
  // A consultation titled in English only, in the Arabic and Chinese confirmations of closing
  // it: the title in a <span> of its language and direction; in English, the sentence as it was.
  const Localized english{"Views <on> AI", "en", true};
  const SentenceArgs args = {{"title", english}, {"deadline", std::string("1 May")}};
  for (const char* lang : {"ar", "zh"}) {
    const Sentence s = Say(lang, "confirm_close_text", args);
    EXPECT_EQ(s.text, text::T(lang, "confirm_close_text", {{"title", english.text}, {"deadline", "1 May"}}));
    EXPECT_NE(s.Html().find("<span lang=\"en\" dir=\"ltr\">Views &lt;on&gt; AI</span>"), std::string::npos)
        << s.Html();
    EXPECT_EQ(s.Html().find("\xEE\x80"), std::string::npos) << "no marker left: " << s.Html();
  }
  // Another renderer (citations made links) gets the same marks.
  const Sentence zh = Say("zh", "confirm_close_text", args);
  EXPECT_EQ(zh.Html([](const std::string& t) { return "<p>" + http::EscapeHtml(t) + "</p>"; }),
            "<p>" + zh.Html() + "</p>");
  const Sentence en = Say("en", "confirm_close_text", args);
  EXPECT_EQ(en.Html(), TextHtml(en.text, "en"));
  // An Arabic title on an English page: right to left, its Latin runs isolated as Arabic's are.
  const Sentence ar = Say("en", "confirm_close_text", {{"title", Localized{"مشاورة CWG-Internet", "ar", true}}});
  EXPECT_NE(ar.Html().find("<span lang=\"ar\" dir=\"rtl\">مشاورة " + Sym("CWG-Internet") + "</span>"),
            std::string::npos)
      << ar.Html();
}

// A paragraph of several sentences (the report of a consultation) keeps each stored text of
// another language marked, wherever its sentence stands; its runs say each piece's language.
TEST(TextHtml, AParagraphOfSentencesKeepsEachMarkedText) {
  const Localized title{"Views on AI", "en", true};
  const Localized body{"Groupe de travail", "fr", true};
  Sentence p = Say("zh", "confirm_close_text", {{"title", title}, {"deadline", std::string("5月1日")}});
  p.Append("。");
  p.Append(Say("zh", "confirm_close_text", {{"title", body}, {"deadline", std::string("6月1日")}}));
  EXPECT_EQ(p.text, text::T("zh", "confirm_close_text", {{"title", title.text}, {"deadline", "5月1日"}}) + "。" +
                        text::T("zh", "confirm_close_text", {{"title", body.text}, {"deadline", "6月1日"}}));
  const std::string html = p.Html();
  EXPECT_NE(html.find("<span lang=\"en\" dir=\"ltr\">Views on AI</span>"), std::string::npos) << html;
  EXPECT_NE(html.find("<span lang=\"fr\" dir=\"ltr\">Groupe de travail</span>"), std::string::npos) << html;
  EXPECT_EQ(html.find("\xEE\x80"), std::string::npos) << "no marker left: " << html;
  std::string joined;
  std::vector<std::string> langs;
  for (const auto& r : p.Runs()) {
    joined += r.text;
    langs.push_back(r.lang);
    EXPECT_EQ(r.fallback, r.lang != "zh") << r.text;
  }
  EXPECT_EQ(joined, p.text);
  EXPECT_EQ(langs.front(), "zh");
  EXPECT_EQ(std::count(langs.begin(), langs.end(), "en"), 1);
  EXPECT_EQ(std::count(langs.begin(), langs.end(), "fr"), 1);
  // Nothing marked: one run in the reader's language.
  Sentence plain = Say("en", "confirm_close_text", {{"title", Localized{"Views", "en", false}}});
  plain.Append(" More.");
  ASSERT_EQ(plain.Runs().size(), 1u);
  EXPECT_EQ(plain.Runs()[0].text, plain.text);
  EXPECT_EQ(plain.Html(), TextHtml(plain.text, "en"));
}

TEST(TextHtml, NeverWrapsTwice) {
  // Text that already holds the markup (typed by someone) is text: escaped, never taken as a
  // wrapper, and each run wrapped once.
  const std::string once = TextHtml("العمل CWG-Internet", "ar");
  EXPECT_EQ(once.find(kOpen), once.rfind(kOpen));
  const std::string typed = TextHtml("<bdi class=\"sym\">ITU-T</bdi>", "ar");
  EXPECT_EQ(typed, "&lt;" + Phrase("bdi class") + "=&quot;" + Sym("sym") + "&quot;&gt;" +
                       Sym("ITU-T") + "&lt;/" + Sym("bdi") + "&gt;");
  std::size_t opens = 0;
  for (std::size_t at = typed.find("<bdi"); at != std::string::npos; at = typed.find("<bdi", at + 1))
    ++opens;
  std::size_t closes = 0;
  for (std::size_t at = typed.find("</bdi>"); at != std::string::npos;
       at = typed.find("</bdi>", at + 1))
    ++closes;
  EXPECT_EQ(opens, 4u);
  EXPECT_EQ(closes, 4u);
  EXPECT_EQ(typed.find("<bdi class=\"sym\"><bdi"), std::string::npos);
}

TEST(TextHtml, KeepsArabicDigitsAndEmptyTextAsTheyAre) {
  EXPECT_EQ(TextHtml("", "ar"), "");
  EXPECT_EQ(TextHtml("القرار ١٣٤٤", "ar"), "القرار ١٣٤٤");
}

// Text shown in another language than the page's carries its own language and direction, on
// every page: each element whose lang attribute depends on a `{{#KEY_FALLBACK}}` section (the
// mark SetLocalized and SetTextLanguage make) also carries `dir="{{KEY_DIR}}"`, and no other
// dir, so that an English text on an Arabic page is laid out left to right.
TEST(TextLanguage, EveryElementOfAFallbackTextCarriesItsLanguageAndDirection) {
  const std::regex section(R"(\{\{#([A-Z0-9_]*)_FALLBACK\}\})");
  int elements = 0;
  std::vector<std::string> faults;
  for (const auto& [path, data] : assets::All()) {
    if (!path.starts_with("web/templates/") || !path.ends_with(".tpl")) continue;
    std::string t(data);
    // Includes ({{>NAME}}) hold a '>' that closes no tag.
    for (auto at = t.find("{{>"); at != std::string::npos; at = t.find("{{>", at)) t[at + 2] = '!';
    for (auto it = std::sregex_iterator(t.begin(), t.end(), section); it != std::sregex_iterator();
         ++it) {
      const auto at = static_cast<std::size_t>(it->position());
      const std::string key = (*it)[1];
      const auto lt = t.rfind('<', at), gt = t.rfind('>', at);
      if (lt == std::string::npos || (gt != std::string::npos && gt > lt)) continue;  // a note
      const std::string tag = t.substr(lt, t.find('>', at) - lt + 1);
      ++elements;
      const std::string where = std::string(path) + ": " + tag;
      if (tag.find("{{#" + key + "_FALLBACK}} lang=\"{{" + key + "_LANG}}\"") == std::string::npos)
        faults.push_back(where + " (no lang=\"{{" + key + "_LANG}}\" in its fallback section)");
      if (tag.find("dir=\"{{" + key + "_DIR}}\"") == std::string::npos)
        faults.push_back(where + " (no dir=\"{{" + key + "_DIR}}\")");
      std::size_t dirs = 0;
      for (auto d = tag.find(" dir="); d != std::string::npos; d = tag.find(" dir=", d + 1)) ++dirs;
      if (dirs != 1) faults.push_back(where + " (" + std::to_string(dirs) + " dir attributes)");
    }
  }
  EXPECT_GE(elements, 20) << "the templates' elements of fallback texts were not found";
  EXPECT_TRUE(faults.empty()) << [&] {
    std::string all;
    for (const auto& f : faults) all += f + "\n";
    return all;
  }();
}

// A text that may fall back is shown only inside the element that carries its language: in a
// template that marks a key (`{{#KEY_FALLBACK}}`), every `{{KEY_HTML}}` and every `{{KEY}}` in an
// element's content (not an attribute, the window title or a form field) stands directly in an
// element whose start tag carries `dir="{{KEY_DIR}}"` (or a paragraph's `dir="{{TDIR}}"`,
// SetParagraphLanguage). A heading or a crumb that prints the same title bare fails here.
TEST(TextLanguage, EveryFallbackTextIsShownInsideItsMarkedElement) {
  const std::regex section(R"(\{\{#([A-Z0-9_]*)_FALLBACK\}\})");
  int shown = 0;
  std::vector<std::string> faults;
  for (const auto& [path, data] : assets::All()) {
    if (!path.starts_with("web/templates/") || !path.ends_with(".tpl")) continue;
    std::string t(data);
    for (auto at = t.find("{{>"); at != std::string::npos; at = t.find("{{>", at)) t[at + 2] = '!';
    std::set<std::string> keys;
    for (auto it = std::sregex_iterator(t.begin(), t.end(), section); it != std::sregex_iterator();
         ++it)
      keys.insert((*it)[1]);
    for (const auto& key : keys) {
      for (const std::string var :
           {"{{" + key + "_HTML:none}}", "{{" + key + "_HTML}}", "{{" + key + "}}"}) {
        for (auto at = t.find(var); at != std::string::npos; at = t.find(var, at + 1)) {
          const auto lt = t.rfind('<', at), gt = t.rfind('>', at);
          if (lt == std::string::npos || gt == std::string::npos || gt < lt) continue;  // attribute
          const std::string tag = t.substr(lt, gt - lt + 1);
          if (tag.starts_with("<title") || tag.starts_with("<textarea") ||
              tag.starts_with("<option"))
            continue;
          ++shown;
          if (tag.starts_with("</") ||
              (tag.find("dir=\"{{" + key + "_DIR}}\"") == std::string::npos &&
               tag.find("dir=\"{{TDIR}}\"") == std::string::npos))
            faults.push_back(std::string(path) + ": " + var + " in " + tag);
        }
      }
    }
  }
  EXPECT_GE(shown, 40) << "the templates' fallback texts were not found";
  EXPECT_TRUE(faults.empty()) << [&] {
    std::string all;
    for (const auto& f : faults) all += f + "\n";
    return all;
  }();
}

}  // namespace
}  // namespace plenary::site
