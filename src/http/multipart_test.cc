// Tests for the multipart/form-data parser, including hostile and malformed bodies.
#include "http/multipart.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace plenary::http {
namespace {

constexpr char kBoundary[] = "----WebKitFormBoundary7MA4YWxkTrZu0gW";
constexpr char kContentType[] =
    "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW";

std::string Delim() { return std::string("--") + kBoundary; }

// One part with the given Content-Disposition parameters, extra headers and data.
std::string PartText(const std::string& disposition, const std::string& data,
                     const std::string& extra_headers = "") {
  return Delim() + "\r\nContent-Disposition: form-data; " + disposition + "\r\n" + extra_headers +
         "\r\n" + data + "\r\n";
}

std::string Close() { return Delim() + "--\r\n"; }

std::string Field(const std::string& name, const std::string& value) {
  return PartText("name=\"" + name + "\"", value);
}

std::string File(const std::string& name, const std::string& filename, const std::string& data,
                 const std::string& type = "application/pdf") {
  return PartText("name=\"" + name + "\"; filename=\"" + filename + "\"", data,
                  "Content-Type: " + type + "\r\n");
}

TEST(Multipart, ParsesBrowserStyleBodyWithFieldsAndFile) {
  const std::string body = Field("title", "Comments on draft 2") +
                           File("attachments", "comments.pdf", "%PDF-1.7\n\x01\x02") +
                           Field("lang", "fr") + Close();
  auto parts = ParseMultipart(kContentType, body, {});
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  ASSERT_EQ(parts->size(), 3u);
  EXPECT_EQ((*parts)[0].name, "title");
  EXPECT_FALSE((*parts)[0].is_file);
  EXPECT_EQ((*parts)[0].data, "Comments on draft 2");
  EXPECT_EQ((*parts)[0].content_type, "text/plain");
  EXPECT_EQ((*parts)[1].name, "attachments");
  EXPECT_TRUE((*parts)[1].is_file);
  EXPECT_EQ((*parts)[1].filename, "comments.pdf");
  EXPECT_EQ((*parts)[1].content_type, "application/pdf");
  EXPECT_EQ((*parts)[1].data, "%PDF-1.7\n\x01\x02");
  EXPECT_EQ((*parts)[2].data, "fr");
}

TEST(Multipart, CrlfBeforeDelimiterIsNotPartOfData) {
  const std::string body = Field("a", "line 1\r\nline 2\r\n") + Field("b", "") + Close();
  auto parts = ParseMultipart(kContentType, body, {});
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  EXPECT_EQ((*parts)[0].data, "line 1\r\nline 2\r\n");
  EXPECT_EQ((*parts)[1].data, "");
}

TEST(Multipart, KeepsBinaryDataThatResemblesDelimiters) {
  // The boundary appears but never right after CRLF, so it is data; so are NUL and 0xFF bytes.
  const std::string data = std::string("x--") + kBoundary + "\r\n-\r\n--" +
                           std::string(kBoundary).substr(0, 10) + std::string("\0\xFF\r", 3);
  const std::string body = File("f", "bin.dat", data, "application/octet-stream") + Close();
  auto parts = ParseMultipart(kContentType, body, {});
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  EXPECT_EQ((*parts)[0].data, data);
}

TEST(Multipart, RejectsDelimiterLineWithTrailingGarbage) {
  const std::string body = Field("a", std::string("x\r\n--") + kBoundary + "X") + Close();
  auto parts = ParseMultipart(kContentType, body, {});
  ASSERT_FALSE(parts.ok());
  EXPECT_EQ(parts.error().message, "body: malformed boundary line after part 1");
}

TEST(Multipart, AcceptsQuotedBoundaryAndCaseInsensitiveMediaType) {
  const std::string body =
      "--a b:c\r\nContent-Disposition: form-data; name=x\r\n\r\n1\r\n--a b:c--";
  auto parts = ParseMultipart("Multipart/Form-Data; charset=utf-8; boundary=\"a b:c\"", body, {});
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  ASSERT_EQ(parts->size(), 1u);
  EXPECT_EQ((*parts)[0].name, "x");
  EXPECT_EQ((*parts)[0].data, "1");
}

TEST(Multipart, IgnoresPreambleAndEpilogue) {
  const std::string body = "This is a preamble.\r\nIgnore me.\r\n" + Field("a", "1") + Delim() +
                           "--\r\nepilogue with --" + kBoundary + " inside\r\n";
  auto parts = ParseMultipart(kContentType, body, {});
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  ASSERT_EQ(parts->size(), 1u);
  EXPECT_EQ((*parts)[0].data, "1");
}

TEST(Multipart, AcceptsTransportPaddingAndCloseWithoutCrlf) {
  const std::string body =
      Delim() + " \t\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n" + Delim() + "--";
  auto parts = ParseMultipart(kContentType, body, {});
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  EXPECT_EQ((*parts)[0].data, "1");
}

TEST(Multipart, EmptyMultipartHasNoParts) {
  auto parts = ParseMultipart(kContentType, Close(), {});
  ASSERT_TRUE(parts.ok());
  EXPECT_TRUE(parts->empty());
}

TEST(Multipart, HeaderNamesAndDispositionAreCaseInsensitive) {
  const std::string body = Delim() +
                           "\r\ncontent-disposition: FORM-DATA; NAME=\"a\"; FileName=\"x.txt\"\r\n"
                           "CONTENT-TYPE: text/csv\r\nX-Other: ignored\r\n\r\nq\r\n" +
                           Close();
  auto parts = ParseMultipart(kContentType, body, {});
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  EXPECT_EQ((*parts)[0].filename, "x.txt");
  EXPECT_EQ((*parts)[0].content_type, "text/csv");
}

TEST(Multipart, UnescapesQuotesInFilename) {
  const std::string body = PartText(R"(name="f"; filename="say \"hi\"; now.txt")", "x") + Close();
  auto parts = ParseMultipart(kContentType, body, {});
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  EXPECT_EQ((*parts)[0].filename, "say \"hi\"; now.txt");
  EXPECT_EQ((*parts)[0].content_type, "application/octet-stream");
}

TEST(Multipart, KeepsPercentEncodedQuoteFromBrowsersAsIs) {
  const std::string body = PartText(R"(name="f"; filename="a%22b.txt")", "x") + Close();
  auto parts = ParseMultipart(kContentType, body, {});
  ASSERT_TRUE(parts.ok());
  EXPECT_EQ((*parts)[0].filename, "a%22b.txt");
}

TEST(Multipart, AcceptsUtf8Filename) {
  const std::string name = "Résumé — 日本語.pdf";
  const std::string body = File("f", name, "x") + Close();
  auto parts = ParseMultipart(kContentType, body, {});
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  EXPECT_EQ((*parts)[0].filename, name);
}

TEST(Multipart, PrefersExtendedFilenameParameter) {
  const std::string body =
      PartText(R"(name="f"; filename="fallback.txt"; filename*=UTF-8''%E2%82%AC%20rates.txt)",
               "x") +
      Close();
  auto parts = ParseMultipart(kContentType, body, {});
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  EXPECT_EQ((*parts)[0].filename, "€ rates.txt");
}

TEST(Multipart, DecodesLatin1ExtendedFilename) {
  const std::string body =
      PartText(R"(name="f"; filename*=iso-8859-1'fr'caf%E9.txt)", "x") + Close();
  auto parts = ParseMultipart(kContentType, body, {});
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  EXPECT_EQ((*parts)[0].filename, "café.txt");
}

TEST(Multipart, RejectsMalformedExtendedFilenameWithoutFallback) {
  const std::string body = PartText(R"(name="f"; filename*=UTF-8''%ZZ)", "x") + Close();
  auto parts = ParseMultipart(kContentType, body, {});
  ASSERT_FALSE(parts.ok());
  EXPECT_EQ(parts.error().field, "f");
  EXPECT_EQ(parts.error().message, "f: malformed filename* parameter");
}

TEST(Multipart, StripsClientDirectoriesFromFilename) {
  const std::string body = File("a", R"(C:\Users\ana\Desktop\brief.pdf)", "1") +
                           File("b", "../../etc/passwd", "2") + Close();
  auto parts = ParseMultipart(kContentType, body, {});
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  EXPECT_EQ((*parts)[0].filename, "brief.pdf");
  EXPECT_EQ((*parts)[1].filename, "passwd");
}

TEST(Multipart, RejectsFilenameThatIsNotUtf8) {
  const std::string body = File("doc", "caf\xE9.txt", "x") + Close();
  auto parts = ParseMultipart(kContentType, body, {});
  ASSERT_FALSE(parts.ok());
  EXPECT_EQ(parts.error().code, Code::kInvalidArgument);
}

TEST(Multipart, OmitsFileInputLeftEmpty) {
  const std::string body =
      Field("a", "1") + File("attachments", "", "", "application/octet-stream") + Close();
  auto parts = ParseMultipart(kContentType, body, {});
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  ASSERT_EQ(parts->size(), 1u);
  EXPECT_EQ((*parts)[0].name, "a");
}

TEST(Multipart, RejectsMissingBoundaryParameter) {
  auto parts = ParseMultipart("multipart/form-data", Close(), {});
  ASSERT_FALSE(parts.ok());
  EXPECT_EQ(parts.error().code, Code::kInvalidArgument);
  EXPECT_EQ(parts.error().field, "Content-Type");
  EXPECT_EQ(parts.error().message, "Content-Type: missing boundary parameter");
}

TEST(Multipart, RejectsOtherMediaTypes) {
  auto parts = ParseMultipart("application/x-www-form-urlencoded; boundary=x", Close(), {});
  ASSERT_FALSE(parts.ok());
  EXPECT_EQ(parts.error().message, "Content-Type: expected multipart/form-data");
}

TEST(Multipart, RejectsInvalidBoundaries) {
  for (const char* ct :
       {"multipart/form-data; boundary=", "multipart/form-data; boundary=\"\"",
        "multipart/form-data; boundary=a<b", "multipart/form-data; boundary=\"ab \"",
        "multipart/form-data; boundary=\"unterminated",
        "multipart/form-data; boundary=a; boundary=b"}) {
    auto parts = ParseMultipart(ct, Close(), {});
    ASSERT_FALSE(parts.ok()) << ct;
    EXPECT_EQ(parts.error().field, "Content-Type") << ct;
  }
  const std::string too_long = "multipart/form-data; boundary=" + std::string(71, 'a');
  EXPECT_FALSE(ParseMultipart(too_long, Close(), {}).ok());
}

TEST(Multipart, RejectsBodyWithoutBoundary) {
  auto parts = ParseMultipart(kContentType, "just some text", {});
  ASSERT_FALSE(parts.ok());
  EXPECT_EQ(parts.error().field, "body");
  EXPECT_EQ(parts.error().message, "body: multipart boundary not found");
}

TEST(Multipart, RejectsUnterminatedBody) {
  auto parts = ParseMultipart(kContentType, Field("a", "1") + Delim(), {});
  ASSERT_FALSE(parts.ok());
  EXPECT_EQ(parts.error().message, "body: unterminated multipart body (no closing boundary)");

  const std::string truncated =
      Delim() + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nab";
  parts = ParseMultipart(kContentType, truncated, {});
  ASSERT_FALSE(parts.ok());
  EXPECT_EQ(parts.error().message,
            "body: unterminated multipart body (part 1 has no closing boundary)");

  parts = ParseMultipart(kContentType, Delim() + "\r\nContent-Disposition: form-data", {});
  ASSERT_FALSE(parts.ok());
  EXPECT_EQ(parts.error().message, "body: unterminated headers in part 1");
}

TEST(Multipart, RejectsBareLfLineEndings) {
  const std::string body =
      Delim() + "\nContent-Disposition: form-data; name=\"a\"\n\n1\n" + Delim() + "--\n";
  auto parts = ParseMultipart(kContentType, body, {});
  ASSERT_FALSE(parts.ok());
  EXPECT_EQ(parts.error().message, "body: malformed first boundary line");
}

TEST(Multipart, RejectsPartWithoutContentDisposition) {
  const std::string body =
      Field("a", "1") + Delim() + "\r\nContent-Type: text/plain\r\n\r\nx\r\n" + Close();
  auto parts = ParseMultipart(kContentType, body, {});
  ASSERT_FALSE(parts.ok());
  EXPECT_EQ(parts.error().code, Code::kInvalidArgument);
  EXPECT_EQ(parts.error().message, "body: part 2 has no Content-Disposition header");
}

TEST(Multipart, RejectsPartWithNoHeadersAtAll) {
  const std::string body = Delim() + "\r\n\r\nx\r\n" + Close();
  auto parts = ParseMultipart(kContentType, body, {});
  ASSERT_FALSE(parts.ok());
  EXPECT_EQ(parts.error().message, "body: part 1 has no Content-Disposition header");
}

TEST(Multipart, RejectsPartWithoutName) {
  const std::string body = PartText("filename=\"a.txt\"", "x") + Close();
  auto parts = ParseMultipart(kContentType, body, {});
  ASSERT_FALSE(parts.ok());
  EXPECT_EQ(parts.error().message, "body: part 1 has no name in its Content-Disposition");
}

TEST(Multipart, RejectsDuplicateNameParameter) {
  const std::string body = PartText("name=\"a\"; name=\"b\"", "x") + Close();
  auto parts = ParseMultipart(kContentType, body, {});
  ASSERT_FALSE(parts.ok());
  EXPECT_EQ(parts.error().message,
            "body: part 1 has a malformed Content-Disposition (duplicate parameter 'name')");
}

TEST(Multipart, RejectsNonFormDataDisposition) {
  const std::string body =
      Delim() + "\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n" + Close();
  EXPECT_FALSE(ParseMultipart(kContentType, body, {}).ok());
}

TEST(Multipart, RejectsMalformedHeaderLines) {
  for (const std::string headers :
       {"Content-Disposition: form-data; name=\"a\"\r\nno colon here",
        "Content-Disposition: form-data; name=\"a\"\r\n folded: line",
        "Content-Disposition: form-data; name=\"a\"\r\nBad Name: x",
        "Content-Disposition: form-data; name=\"a\x01\"",
        "Content-Disposition: form-data; name=\"a\"\r\nContent-Disposition: form-data; name=b"}) {
    const std::string body = Delim() + "\r\n" + headers + "\r\n\r\nx\r\n" + Close();
    auto parts = ParseMultipart(kContentType, body, {});
    ASSERT_FALSE(parts.ok()) << headers;
    EXPECT_EQ(parts.error().field, "body");
  }
}

TEST(Multipart, RejectsOversizedHeaderBlock) {
  const std::string body = Delim() + "\r\nContent-Disposition: form-data; name=\"a\"\r\nX-Pad: " +
                           std::string(kMaxPartHeaderBytes, 'p') + "\r\n\r\nx\r\n" + Close();
  auto parts = ParseMultipart(kContentType, body, {});
  ASSERT_FALSE(parts.ok());
  EXPECT_EQ(parts.error().code, Code::kTooLarge);
}

TEST(Multipart, RejectsTooManyFiles) {
  std::string body;
  for (int i = 0; i < 6; ++i) body += File("attachments", "f" + std::to_string(i) + ".pdf", "x");
  body += Close();
  auto parts = ParseMultipart(kContentType, body, {});
  ASSERT_FALSE(parts.ok());
  EXPECT_EQ(parts.error().code, Code::kTooLarge);
  EXPECT_EQ(parts.error().field, "attachments");
  EXPECT_EQ(parts.error().message, "attachments: at most 5 files");
}

TEST(Multipart, AcceptsMaximumNumberOfFiles) {
  std::string body;
  for (int i = 0; i < 5; ++i) body += File("attachments", "f" + std::to_string(i) + ".pdf", "x");
  auto parts = ParseMultipart(kContentType, body + Close(), {});
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  EXPECT_EQ(parts->size(), 5u);
}

TEST(Multipart, RejectsFileOverSizeLimit) {
  MultipartLimits limits;
  limits.max_file_bytes = 1024;
  const std::string body = File("annex", "big.pdf", std::string(1025, 'x')) + Close();
  auto parts = ParseMultipart(kContentType, body, limits);
  ASSERT_FALSE(parts.ok());
  EXPECT_EQ(parts.error().code, Code::kTooLarge);
  EXPECT_EQ(parts.error().field, "annex");
  EXPECT_EQ(parts.error().message, "annex: file larger than 1 KiB");
}

TEST(Multipart, AcceptsFileExactlyAtSizeLimit) {
  MultipartLimits limits;
  limits.max_file_bytes = 1024;
  const std::string body = File("annex", "ok.pdf", std::string(1024, 'x')) + Close();
  auto parts = ParseMultipart(kContentType, body, limits);
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  EXPECT_EQ((*parts)[0].data.size(), 1024u);
}

TEST(Multipart, RejectsDefaultSizeFileWithReadableLimit) {
  const std::string body = File("annex", "big.pdf", std::string((10 << 20) + 1, 'x')) + Close();
  auto parts = ParseMultipart(kContentType, body, {});
  ASSERT_FALSE(parts.ok());
  EXPECT_EQ(parts.error().message, "annex: file larger than 10 MiB");
}

TEST(Multipart, RejectsFieldOverSizeLimit) {
  MultipartLimits limits;
  limits.max_field_bytes = 10;
  const std::string body = Field("comment", "01234567890") + Close();
  auto parts = ParseMultipart(kContentType, body, limits);
  ASSERT_FALSE(parts.ok());
  EXPECT_EQ(parts.error().code, Code::kTooLarge);
  EXPECT_EQ(parts.error().field, "comment");
  EXPECT_EQ(parts.error().message, "comment: longer than 10 bytes");
}

TEST(Multipart, RejectsTooManyParts) {
  MultipartLimits limits;
  limits.max_parts = 3;
  std::string body;
  for (int i = 0; i < 4; ++i) body += Field("f", "x");
  auto parts = ParseMultipart(kContentType, body + Close(), limits);
  ASSERT_FALSE(parts.ok());
  EXPECT_EQ(parts.error().code, Code::kTooLarge);
  EXPECT_EQ(parts.error().message, "body: at most 3 parts");
}

TEST(Multipart, RejectsFieldThatIsNotUtf8) {
  const std::string body = Field("comment", "caf\xE9") + Close();
  auto parts = ParseMultipart(kContentType, body, {});
  ASSERT_FALSE(parts.ok());
  EXPECT_EQ(parts.error().code, Code::kInvalidArgument);
  EXPECT_EQ(parts.error().field, "comment");
  EXPECT_EQ(parts.error().message, "comment: not valid UTF-8 at byte 3");
}

TEST(Multipart, RejectsNulInField) {
  const std::string body = Field("comment", std::string("a\0b", 3)) + Close();
  auto parts = ParseMultipart(kContentType, body, {});
  ASSERT_FALSE(parts.ok());
  EXPECT_EQ(parts.error().field, "comment");
  EXPECT_EQ(parts.error().message, "comment: control character U+0000 at byte 1");
}

TEST(Multipart, RejectsControlCharactersInTextFieldsButNotInFiles) {
  for (const std::string data : {"a\x01b", "\x1B[2J", "x\x7F", "nel \xC2\x85"}) {
    auto parts = ParseMultipart(kContentType, Field("answer_1", data) + Close(), {});
    ASSERT_FALSE(parts.ok());
    EXPECT_EQ(parts.error().code, Code::kInvalidArgument);
    EXPECT_EQ(parts.error().field, "answer_1");
  }
  auto ok = ParseMultipart(kContentType, Field("answer_1", "line\r\nnext\tcol") + Close(), {});
  ASSERT_TRUE(ok.ok());
  // Files are bytes, not text.
  auto file = ParseMultipart(
      kContentType, PartText(R"(name="f"; filename="a.bin")", std::string("\x01\0\x7F", 3)) + Close(),
      {});
  ASSERT_TRUE(file.ok());
}

TEST(Multipart, TruncatesHostileNamesInMessages) {
  const std::string name(500, 'n');
  const std::string body = Field(name, "\xFF") + Close();
  auto parts = ParseMultipart(kContentType, body, {});
  ASSERT_FALSE(parts.ok());
  EXPECT_EQ(parts.error().field, name);
  EXPECT_LT(parts.error().message.size(), 100u);
}

// Every prefix and many random corruptions of a valid body must be handled without crashing
// (run under ASan/UBSan); truncated bodies must be rejected.
TEST(Multipart, SurvivesTruncationAndCorruption) {
  const std::string body =
      "preamble\r\n" + Field("title", "Draft") +
      File("attachments", "a \\\"b\\\".pdf", std::string("\r\n--\r\n\0data", 11)) +
      PartText(R"(name="g"; filename*=UTF-8''%C3%A9.txt)", "z") + Close();
  ASSERT_TRUE(ParseMultipart(kContentType, body, {}).ok());
  for (size_t n = 0; n + 2 < body.size(); ++n) {
    auto parts = ParseMultipart(kContentType, body.substr(0, n), {});
    EXPECT_FALSE(parts.ok()) << n;
  }
  std::mt19937 rng(42);
  const std::string alphabet = std::string("\r\n-\"\\;=:% aZ\0\xFF", 15) + kBoundary;
  for (int round = 0; round < 20000; ++round) {
    std::string mutated = body;
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
      const size_t at = rng() % mutated.size();
      switch (rng() % 3) {
        case 0:
          mutated[at] = alphabet[rng() % alphabet.size()];
          break;
        case 1:
          mutated.erase(at, 1 + rng() % 8);
          break;
        default:
          mutated.insert(at, 1, alphabet[rng() % alphabet.size()]);
          break;
      }
      if (mutated.empty()) mutated = "x";
    }
    auto parts = ParseMultipart(kContentType, mutated, {});
    if (parts.ok()) {
      for (const Part& p : *parts) EXPECT_FALSE(p.name.empty());
    } else {
      EXPECT_FALSE(parts.error().message.empty());
    }
  }
}

// A body cut short at the server's limit (Request::body_cut_at): wherever the cut falls, the parts
// before the one it falls in are read, that one left out; without cut_short it is refused.
TEST(Multipart, ABodyCutShortKeepsThePartsBeforeTheCut) {
  const std::string fields = Field("name", "Aïcha") + Field("answer_1", "Kept");
  const std::string whole = fields + File("attachments", "big.pdf", std::string(4000, 'x')) +
                            Field("consent_publish", "yes") + Close();
  MultipartLimits cut;
  cut.cut_short = true;
  // Every cut from the file part's delimiter on (its headers, its data, the delimiter after it):
  // a field is whole once the delimiter after it has come.
  for (std::size_t at = fields.size() + Delim().size(); at < fields.size() + 4100; at += 7) {
    const std::string body = whole.substr(0, at);
    auto parts = ParseMultipart(kContentType, body, cut);
    ASSERT_TRUE(parts.ok()) << at << ": " << parts.error().message;
    ASSERT_GE(parts->size(), 2u) << at;
    EXPECT_EQ((*parts)[0].data, "Aïcha");
    EXPECT_EQ((*parts)[1].data, "Kept");
    for (const auto& p : *parts) EXPECT_NE(p.name, "consent_publish") << at;
    EXPECT_FALSE(ParseMultipart(kContentType, body, {}).ok()) << at;
  }
  // A cut inside a field: the fields before it.
  auto parts = ParseMultipart(kContentType, whole.substr(0, fields.size() - 3), cut);
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  ASSERT_EQ(parts->size(), 1u);
  EXPECT_EQ((*parts)[0].name, "name");
}

}  // namespace
}  // namespace plenary::http
