// The renderers: Akoma Ntoso exports validate against the vendored OASIS schema (libxml2), the
// DOCX package carries direction and fonts per language with fixed zip timestamps, the PDF is
// dated by the document, and every output is the same bytes for the same document.
#include "render/render.h"

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <zip.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "testing/testdata.h"

namespace plenary::render {
namespace {

namespace json = boost::json;

Document Sample(const std::string& kind, const std::string& lang) {
  Document d;
  d.kind = kind;
  d.status = "issued";
  d.lang = lang;
  d.symbol = "C22/87";
  d.date = "2022-03-31";
  d.date_text = "31 March 2022";
  d.organization = "Council 2022";
  d.origin = "Original: English";
  d.body_key = "council";
  d.body_acronym = "C";
  d.title = lang == "ar" ? "محضر موجز" : lang == "zh" ? "摘要记录" : "Summary record";
  Block h{"heading", "1", 0, "ITU's Internet-related activities (Document C22/33)", "en", {}, {}};
  h.links.push_back({41, 47, "/documents/1"});
  d.blocks.push_back(h);
  d.blocks.push_back(
      {"paragraph",
       "1.1",
       0,
       lang == "ar" ? "قدّم ممثل الأمانة الوثيقة C22/33." : "The secretariat introduced it.",
       lang,
       {"This text is available in English only."},
       {}});
  // An item right after a paragraph (terms of reference), then sub-paragraphs with an item.
  d.blocks.push_back({"item", "", 0, "a) an item of 1.1", lang, {}, {}});
  d.blocks.push_back({"paragraph", "1.1.1", 1, "A sub-paragraph.", lang, {}, {}});
  d.blocks.push_back({"item", "", 1, "a) an item", lang, {}, {}});
  d.blocks.push_back({"note", "", 0, "Action required: none.", lang, {}, {}});
  d.signatures.push_back({"The Chair:", "S. AL-OTAIBI", "(Saudi Arabia)"});
  return d;
}

// Validates `xml` against testdata/akn/akomantoso30.xsd; the errors, or "" when valid. The
// schema is parsed once (about a second).
std::string Validate(const std::string& xml) {
  static std::string errors;
  static xmlSchemaPtr schema = [] {
    std::string path = (testdata::TestDataDir() / "akn" / "akomantoso30.xsd").string();
    xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(path.c_str());
    xmlSchemaPtr s = xmlSchemaParse(pc);
    xmlSchemaFreeParserCtxt(pc);
    return s;
  }();
  errors.clear();
  if (!schema) return "the schema testdata/akn/akomantoso30.xsd did not load";
  xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
  xmlSchemaSetValidStructuredErrors(
      vc, [](void*, xmlErrorPtr e) { errors += e && e->message ? e->message : "?"; }, nullptr);
  xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "akn.xml", nullptr,
                                XML_PARSE_NONET);
  int rc = doc ? xmlSchemaValidateDoc(vc, doc) : -1;
  if (doc) xmlFreeDoc(doc);
  xmlSchemaFreeValidCtxt(vc);
  if (rc == 0) return "";
  return errors.empty() ? "invalid (rc " + std::to_string(rc) + ")" : errors;
}

// One entry of a zip archive in memory.
std::string ZipEntry(const std::string& zip, const char* name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(zip.data(), zip.size(), 0, &error);
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY, &error);
  if (!za) {
    zip_source_free(src);
    return "";
  }
  std::string out;
  zip_stat_t st;
  if (zip_stat(za, name, 0, &st) == 0) {
    zip_file_t* f = zip_fopen(za, name, 0);
    out.resize(st.size);
    if (f) {
      zip_fread(f, out.data(), st.size);
      zip_fclose(f);
    }
  }
  zip_close(za);
  return out;
}

TEST(AknTest, TheValidatorAcceptsTheOasisExampleAndRefusesABrokenDocument) {
  EXPECT_EQ(Validate(testdata::ReadFile(testdata::TestDataDir() / "akn" /
                                        "ke_Debate_Bungeni_2011-06-10.xml")),
            "");
  auto xml = RenderAkn(Sample("summary_record", "en"));
  ASSERT_TRUE(xml.ok());
  std::string broken = *xml;
  broken.replace(broken.find("<meta>"), 6, "<meta><bogus/>");
  EXPECT_NE(Validate(broken), "");
}

TEST(AknTest, RecordAndReportValidateInEveryLanguage) {
  for (const char* kind : {"summary_record", "chair_report"})
    for (const char* lang : {"ar", "zh", "en", "fr", "ru", "es"}) {
      auto xml = RenderAkn(Sample(kind, lang));
      ASSERT_TRUE(xml.ok());
      EXPECT_EQ(Validate(*xml), "") << kind << " " << lang;
      if (std::string(kind) == "summary_record") {
        EXPECT_NE(xml->find("<debateReport name=\"meetingMinutes\">"), std::string::npos);
        EXPECT_NE(xml->find("<debateSection name=\"agendaItem\""), std::string::npos);
      } else {
        EXPECT_NE(xml->find("<doc name=\"chairReport\">"), std::string::npos);
      }
    }
}

TEST(AknTest, FrbrIdentifiersFollowTheNamingConvention) {
  auto d = Sample("summary_record", "fr");
  EXPECT_EQ(AknWorkUri(d), "/akn/un/debateReport/meetingMinutes/council/2022-03-31/C22-87");
  auto xml = RenderAkn(d);
  ASSERT_TRUE(xml.ok());
  EXPECT_NE(xml->find("<FRBRuri value=\"/akn/un/debateReport/meetingMinutes/council/2022-03-31/"
                      "C22-87/fra@2022-03-31\"/>"),
            std::string::npos);
  EXPECT_NE(xml->find("<FRBRlanguage language=\"fra\"/>"), std::string::npos);
  EXPECT_NE(xml->find("<ref eId="), std::string::npos);  // the citation's link
  EXPECT_NE(xml->find("<authorialNote"), std::string::npos);
}

TEST(AknTest, EveryKindValidatesWithItsDocumentTypeAndName) {
  const std::pair<const char*, const char*> kinds[] = {
      {"consultation_report", "<doc name=\"consultationReport\">"},
      {"negotiated_text", "<doc name=\"negotiatedText\">"},
      {"resolution", "<statement name=\"resolution\">"}};
  for (const auto& [kind, root] : kinds)
    for (const char* lang : {"ar", "zh", "en", "fr", "ru", "es"}) {
      auto xml = RenderAkn(Sample(kind, lang));
      ASSERT_TRUE(xml.ok());
      EXPECT_EQ(Validate(*xml), "") << kind << " " << lang;
      EXPECT_NE(xml->find(root), std::string::npos) << kind;
    }
}

TEST(AknTest, AResolutionIsAStatementNamedByTheYearOfItsVersion) {
  Document d = Sample("resolution", "en");
  d.symbol = "102";
  d.body_key = "pp";
  d.date = "2018-01-01";  // the registry knows the year only
  EXPECT_EQ(AknWorkUri(d), "/akn/un/statement/resolution/pp/2018/102");
  auto xml = RenderAkn(d);
  ASSERT_TRUE(xml.ok());
  EXPECT_EQ(Validate(*xml), "");
  EXPECT_NE(xml->find("<FRBRuri value=\"/akn/un/statement/resolution/pp/2018/102/eng@2018-01-01\"/>"),
            std::string::npos)
      << *xml;
  EXPECT_NE(xml->find("<FRBRnumber value=\"102\"/>"), std::string::npos);
}

TEST(DocxTest, ArabicIsRightToLeftChineseNamesEastAsianFontsEntriesHaveAFixedDate) {
  auto ar = RenderDocx(Sample("summary_record", "ar"));
  auto zh = RenderDocx(Sample("summary_record", "zh"));
  ASSERT_TRUE(ar.ok());
  ASSERT_TRUE(zh.ok());
  std::string ar_doc = ZipEntry(*ar, "word/document.xml");
  std::string zh_doc = ZipEntry(*zh, "word/document.xml");
  EXPECT_NE(ar_doc.find("<w:bidi/>"), std::string::npos);
  EXPECT_NE(ar_doc.find("<w:rtl/>"), std::string::npos);
  EXPECT_EQ(zh_doc.find("<w:bidi/>"), std::string::npos);
  EXPECT_NE(zh_doc.find("w:eastAsia=\"Noto Sans CJK SC\""), std::string::npos);
  EXPECT_NE(ZipEntry(*ar, "word/footnotes.xml").find("available in English only"),
            std::string::npos);
  // Local file header: bytes 10-13 are the DOS time and date, 00:00 on 1980-01-01.
  ASSERT_GT(ar->size(), 14u);
  EXPECT_EQ(ar->substr(0, 4), std::string("PK\x03\x04", 4));
  EXPECT_EQ(ar->substr(10, 4), std::string("\x00\x00\x21\x00", 4));
}

// A part of a paragraph in another language (a title stored in English only, in a Chinese or
// an Arabic report) is a run of its own with its own language, kept through the snapshot.
TEST(DocxTest, APartInAnotherLanguageIsARunWithItsOwnLanguage) {
  for (const char* lang : {"zh", "ar"}) {
    Document d = Sample("consultation_report", lang);
    Block& b = d.blocks[1];
    const std::string before = b.text;
    b.text = before + "“Views on AI”" + before;
    b.languages.push_back({before.size() + 3, before.size() + 3 + 11, "en"});
    auto back = FromJson(ToJson(d));
    ASSERT_TRUE(back.ok());
    ASSERT_EQ(back->blocks[1].languages.size(), 1u);
    EXPECT_EQ(back->blocks[1].languages[0].lang, "en");
    auto docx = RenderDocx(*back);
    ASSERT_TRUE(docx.ok());
    const std::string xml = ZipEntry(*docx, "word/document.xml");
    const std::size_t at = xml.find(">Views on AI</w:t>");
    ASSERT_NE(at, std::string::npos) << lang << ": the title is not a run of its own";
    const std::size_t run = xml.rfind("<w:r>", at);
    const std::string props = xml.substr(run, at - run);
    EXPECT_NE(props.find("<w:lang w:val=\"en-GB\"/>"), std::string::npos) << lang << ": " << props;
    EXPECT_EQ(props.find("<w:rtl/>"), std::string::npos) << lang << ": " << props;
    EXPECT_EQ(props.find("eastAsia"), std::string::npos) << lang << ": " << props;
    // The words around it keep the paragraph's language.
    EXPECT_NE(xml.find(">" + before + "“</w:t>"), std::string::npos) << lang;
  }
  EXPECT_EQ(FromJson(json::parse(R"({"blocks": [{"text": "ab", "languages": [{"begin": 1, "end": 9, "lang": "en"}]}]})"))
                .error()
                .field,
            "snapshot");
}

// Sets block `i`'s text to `before` + `part` + `after`, `part` marked as in `lang`.
void SetPart(Document& d, std::size_t i, const std::string& before, const std::string& part,
             const std::string& after, const std::string& lang) {
  Block& b = d.blocks[i];
  b.text = before + part + after;
  b.languages = {{before.size(), before.size() + part.size(), lang}};
  b.links.clear();
}

// The part in another language is an inline <span> with its xml:lang, inside or around a
// citation's <ref> as they nest, cut where a citation's edge falls inside it; the document
// stays valid.
TEST(AknTest, APartInAnotherLanguageIsASpanWithItsLanguageNestedWithLinks) {
  for (const char* kind : {"summary_record", "chair_report"}) {
    Document d = Sample(kind, "fr");
    // The heading: a part alone.
    SetPart(d, 0, "Rapport sur « ", "Views on AI", " »", "en");
    // A part inside a citation.
    SetPart(d, 1, "Voir ", "Report C22/33", " ici.", "en");
    d.blocks[1].links.push_back({4, d.blocks[1].text.find(" ici."), "/documents/1"});
    // A citation inside a part.
    SetPart(d, 3, "Voir ", "Report C22/33", " ici.", "en");
    const std::size_t c = d.blocks[3].text.find("C22/33");
    d.blocks[3].links.push_back({c, c + 6, "/documents/1"});
    // A citation that begins inside the part and ends after it.
    SetPart(d, 5, "Voir ", "AI report", " C22/33.", "en");
    const std::size_t r = d.blocks[5].text.find("report");
    d.blocks[5].links.push_back({r, d.blocks[5].text.size() - 1, "/documents/1"});
    auto xml = RenderAkn(d);
    ASSERT_TRUE(xml.ok());
    EXPECT_EQ(Validate(*xml), "") << kind << "\n" << *xml;
    EXPECT_NE(xml->find(">Rapport sur « <span xml:lang=\"en\">Views on AI</span> »<"),
              std::string::npos)
        << *xml;
    EXPECT_NE(xml->find(">Voir<ref "), std::string::npos) << *xml;
    EXPECT_NE(xml->find("\"> <span xml:lang=\"en\">Report C22/33</span></ref> ici.<"),
              std::string::npos)
        << *xml;
    EXPECT_NE(xml->find(">Voir <span xml:lang=\"en\">Report <ref "), std::string::npos) << *xml;
    EXPECT_NE(xml->find("\">C22/33</ref></span> ici.<"), std::string::npos) << *xml;
    EXPECT_NE(xml->find(">Voir <span xml:lang=\"en\">AI </span><ref "), std::string::npos)
        << *xml;
    EXPECT_NE(xml->find("\"><span xml:lang=\"en\">report</span> C22/33</ref>.<"),
              std::string::npos)
        << *xml;
  }
}

// A part of a paragraph in another language reaches Pango with its language, whether the
// paragraph's text is laid out alone or after a heading's number.
TEST(PdfTest, APartInAnotherLanguageIsLaidOutInItsLanguage) {
  using Parts = std::vector<std::pair<std::string, std::string>>;
  Document fr = Sample("consultation_report", "fr");
  fr.blocks[0].lang = "fr";
  SetPart(fr, 0, "Rapport sur « ", "Views on AI", " »", "en");
  SetPart(fr, 1, "La consultation « ", "Views on AI", " » est close.", "en");
  EXPECT_EQ(PdfLanguages(fr, 0), (Parts{{"1  Rapport sur « ", "fr"}, {"Views on AI", "en"},
                                        {" »", "fr"}}));
  EXPECT_EQ(PdfLanguages(fr, 1), (Parts{{"La consultation « ", "fr"}, {"Views on AI", "en"},
                                        {" » est close.", "fr"}}));
  Document ru = Sample("consultation_report", "ru");
  SetPart(ru, 1, "Консультация «", "关于人工智能的意见", "» завершена.", "zh");
  EXPECT_EQ(PdfLanguages(ru, 1), (Parts{{"Консультация «", "ru"}, {"关于人工智能的意见", "zh-cn"},
                                        {"» завершена.", "ru"}}));
  Document ar = Sample("consultation_report", "ar");
  SetPart(ar, 1, "المشاورة “", "Views on AI", "” انتهت.", "en");
  EXPECT_EQ(PdfLanguages(ar, 1),
            (Parts{{"المشاورة “", "ar"}, {"Views on AI", "en"}, {"” انتهت.", "ar"}}));
  // Without parts, a paragraph is in its own language throughout where its script allows.
  fr.blocks[1].languages.clear();
  EXPECT_EQ(PdfLanguages(fr, 1), (Parts{{"La consultation « Views on AI » est close.", "fr"}}));
}

// A document with parts in other languages, next to citations, renders in every language.
TEST(PdfTest, PartsInOtherLanguagesRenderInEveryLanguage) {
  for (const char* lang : {"ar", "zh", "en", "fr", "ru", "es"}) {
    Document d = Sample("chair_report", lang);
    SetPart(d, 0, "1. ", "关于人工智能的意见", " (C22/33)", "zh");
    d.blocks[0].links.push_back({d.blocks[0].text.find("C22"), d.blocks[0].text.size() - 1,
                                 "/documents/1"});
    SetPart(d, 1, "«", "Views on AI", "» C22/33.", "en");
    d.blocks[1].links.push_back({1, d.blocks[1].text.size() - 1, "/documents/1"});
    d.blocks[3].languages = {{0, 1, "ar"}, {2, 99, "en"}};  // the second lies outside: left out
    auto pdf = RenderPdf(d);
    ASSERT_TRUE(pdf.ok()) << lang;
    EXPECT_EQ(pdf->substr(0, 5), "%PDF-") << lang;
    EXPECT_NE(pdf->find("/URI (/documents/1)"), std::string::npos) << lang;
  }
}

// A document's title that names a title in another language (a consultation's, stored in
// English only) marks it as a block's text does: a run of its own in the DOCX's title
// paragraph, a <span xml:lang> in the AKN docTitle, kept through the snapshot.
TEST(RenderTest, APartOfTheTitleInAnotherLanguageIsMarkedWithIt) {
  Document d = Sample("consultation_report", "zh");
  const std::string before = "关于“", part = "Views on AI", after = "”的磋商报告";
  d.title = before + part + after;
  d.title_languages = {{before.size(), before.size() + part.size(), "en"}};
  auto back = FromJson(ToJson(d));
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->title_languages.size(), 1u);
  EXPECT_EQ(back->title_languages[0].begin, before.size());
  EXPECT_EQ(back->title_languages[0].lang, "en");
  auto docx = RenderDocx(*back);
  ASSERT_TRUE(docx.ok());
  const std::string xml = ZipEntry(*docx, "word/document.xml");
  const std::size_t title = xml.find("<w:pStyle w:val=\"Title\"/>");
  ASSERT_NE(title, std::string::npos);
  const std::size_t at = xml.find(">Views on AI</w:t>", title);
  ASSERT_NE(at, std::string::npos) << "the title's English part is not a run of its own";
  const std::size_t run = xml.rfind("<w:r>", at);
  EXPECT_NE(xml.substr(run, at - run).find("<w:lang w:val=\"en-GB\"/>"), std::string::npos);
  EXPECT_NE(xml.find(">" + before + "</w:t>", title), std::string::npos);
  auto akn = RenderAkn(*back);
  ASSERT_TRUE(akn.ok());
  EXPECT_EQ(Validate(*akn), "");
  EXPECT_NE(akn->find("<docTitle>" + before + "<span xml:lang=\"en\">" + part + "</span>" + after +
                      "</docTitle>"),
            std::string::npos)
      << *akn;
  auto pdf = RenderPdf(*back);
  ASSERT_TRUE(pdf.ok());
  EXPECT_EQ(pdf->substr(0, 5), "%PDF-");
  EXPECT_EQ(FromJson(json::parse(R"({"title": "ab", "title_languages": [{"begin": 1, "end": 9}]})"))
                .error()
                .field,
            "snapshot");
}

TEST(RenderTest, TheSameDocumentGivesTheSameBytesInEveryFormat) {
  for (const char* lang : {"ar", "zh", "en"})
    for (const char* format : kFormats) {
      auto d = Sample("chair_report", lang);
      auto a = Render(d, format);
      auto b = Render(d, format);
      ASSERT_TRUE(a.ok());
      ASSERT_TRUE(b.ok());
      EXPECT_EQ(*a, *b) << lang << " " << format;
      d.blocks[1].text += " Changed.";
      auto c = Render(d, format);
      ASSERT_TRUE(c.ok());
      EXPECT_NE(*a, *c) << lang << " " << format;
    }
  EXPECT_EQ(Render(Sample("summary_record", "en"), "odt").error().field, "format");
}

TEST(PdfTest, DatedByTheDocumentNotTheClock) {
  auto pdf = RenderPdf(Sample("summary_record", "en"));
  ASSERT_TRUE(pdf.ok());
  EXPECT_EQ(pdf->substr(0, 5), "%PDF-");
  EXPECT_NE(pdf->find("/CreationDate (20220331000000Z)"), std::string::npos);
}

TEST(ModelTest, JsonRoundTripAndChanges) {
  Document d = Sample("summary_record", "ar");
  auto back = FromJson(ToJson(d));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(json::serialize(ToJson(*back)), json::serialize(ToJson(d)));
  Document e = d;
  e.blocks[1].text = "Corrected.";
  e.blocks.push_back({"paragraph", "1.2", 0, "New.", "ar", {}, {}});
  auto changes = Changes(d, e);
  EXPECT_EQ(json::serialize(changes), R"([{"kind":"paragraph","number":"1.1","change":"changed"},)"
                                      R"({"kind":"paragraph","number":"1.2","change":"added"}])");
  EXPECT_EQ(FromJson(json::parse(R"({"title": 3})")).error().field, "snapshot");
  EXPECT_EQ(
      FromJson(json::parse(R"({"blocks": [{"text": "ab", "links": [{"begin": 1, "end": 9}]}]})"))
          .error()
          .field,
      "snapshot");
}

}  // namespace
}  // namespace plenary::render
