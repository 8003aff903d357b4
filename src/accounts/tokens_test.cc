// Unit tests of the signed links in mails (tokens.h) and of sign-up, verification, sign-in of
// unverified accounts and roles (accounts.h), on a real SQLite file.
#include "accounts/tokens.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "accounts/accounts.h"
#include "base/random.h"

namespace plenary::accounts {
namespace {

const std::string kKey(32, 'k');

TEST(Token, SignParseVerify) {
  std::string t = SignToken(kKey, "c", "R7K2-M9QX", "ana@example.org", 2000);
  auto p = ParseToken(t);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->purpose, "c");
  EXPECT_EQ(p->subject, "R7K2-M9QX");
  EXPECT_EQ(p->expires, 2000);
  EXPECT_TRUE(VerifyToken(kKey, *p, "ana@example.org", 1999));
  EXPECT_TRUE(VerifyToken(kKey, *p, "ana@example.org", 2000));
  // Expired, another binding, another key.
  EXPECT_FALSE(VerifyToken(kKey, *p, "ana@example.org", 2001));
  EXPECT_FALSE(VerifyToken(kKey, *p, "eve@example.org", 1000));
  EXPECT_FALSE(VerifyToken(std::string(32, 'x'), *p, "ana@example.org", 1000));
  // URL-safe: no characters that need escaping in a query string.
  EXPECT_EQ(t.find_first_of("+/=&?# "), std::string::npos) << t;
}

TEST(Token, TamperingIsDetected) {
  std::string t = SignToken(kKey, "v", "42", "b", 5000);
  for (const std::string& forged :
       {std::string("v.43") + t.substr(4),  // another subject
        "c" + t.substr(1),                  // another purpose
        t.substr(0, t.find(".5000")) + ".9000" + t.substr(t.find(".5000") + 5)}) {  // expiry
    auto p = ParseToken(forged);
    ASSERT_TRUE(p) << forged;
    EXPECT_FALSE(VerifyToken(kKey, *p, "b", 1000)) << forged;
  }
  std::string flipped = t;
  flipped.back() = flipped.back() == 'A' ? 'B' : 'A';
  auto p = ParseToken(flipped);
  ASSERT_TRUE(p);
  EXPECT_FALSE(VerifyToken(kKey, *p, "b", 1000));
}

TEST(Token, MalformedIsRejected) {
  for (const char* bad : {"", "v", "v.1.2", "x.1.2.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                          "v..2.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                          "v.1.x2.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "v.1.2.short",
                          "v.1'--.2.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                          "v.1.2.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.extra"})
    EXPECT_FALSE(ParseToken(bad)) << bad;
}

class AccountsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    InitCrypto();
    path_ = std::filesystem::temp_directory_path() / ("plenary-acc-" + RandomToken(8) + ".db");
    db_ = std::make_unique<storage::Database>(path_.string());
  }
  void TearDown() override {
    db_.reset();
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(path_.string() + suffix);
  }
  // The link of the last mail queued for `to`.
  std::string LastToken(const std::string& to) {
    storage::Stmt s(db_->Read(),
                    "SELECT body FROM mail_outbox WHERE recipient = ? ORDER BY id DESC LIMIT 1");
    s.BindAll(to);
    if (!s.Step()) return "";
    std::string body = s.Text(0);
    auto at = body.find("token=");
    if (at == std::string::npos) return "";
    auto end = body.find_first_of(" \r\n", at);
    return body.substr(at + 6, end == std::string::npos ? std::string::npos : end - at - 6);
  }
  std::int64_t Mails(const std::string& to) {
    return db_->Read()
        .QueryInt("SELECT count(*) FROM mail_outbox WHERE recipient = ?", to)
        .value_or(0);
  }
  std::filesystem::path path_;
  std::unique_ptr<storage::Database> db_;
};

TEST_F(AccountsTest, SignUpThenChooseThePasswordAtTheLinkThenSignIn) {
  const std::string email = "ana@example.org", password = "a long enough password";
  ASSERT_TRUE(SignUp(*db_, email, "Ana", "fr").ok());
  EXPECT_EQ(Mails(email), 1);
  // No password before the link: any password gets the usual answer.
  auto refused = Login(*db_, email, password);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, Code::kUnauthenticated);

  std::string token = LastToken(email);
  ASSERT_FALSE(token.empty());
  EXPECT_TRUE(CheckVerifyToken(*db_, token).ok());
  EXPECT_EQ(VerifyEmail(*db_, token + "x", password).error().field, "token");
  EXPECT_EQ(VerifyEmail(*db_, token, "short").error().field, "password");
  auto u = VerifyEmail(*db_, token, password);
  ASSERT_TRUE(u.ok()) << u.error().message;
  EXPECT_EQ(u->role, "public");
  // Used once: the link cannot set another password.
  EXPECT_EQ(VerifyEmail(*db_, token, "another long password").error().field, "token");
  EXPECT_FALSE(CheckVerifyToken(*db_, token).ok());
  auto in = Login(*db_, email, password);
  ASSERT_TRUE(in.ok());
  EXPECT_EQ(in->second.user.role, "public");
  EXPECT_FALSE(IsStaff(in->second.user.role));
}

TEST_F(AccountsTest, SignUpDoesNotRevealAccounts) {
  ASSERT_TRUE(
      AddUser(*db_, "sec@example.int", "Sec", "secretariat", "a long enough password").ok());
  // Same answer; the owner gets a mail saying the account exists; nothing else changes.
  ASSERT_TRUE(SignUp(*db_, "sec@example.int", "Eve", "en").ok());
  EXPECT_EQ(Mails("sec@example.int"), 1);
  EXPECT_TRUE(LastToken("sec@example.int").empty());
  EXPECT_TRUE(Login(*db_, "sec@example.int", "a long enough password").ok());
}

// A second sign-up of an unverified address changes nothing of the account; every link goes
// to the address, and whichever the owner follows, the password is the one the owner types.
TEST_F(AccountsTest, SigningUpAgainChangesNothing) {
  ASSERT_TRUE(SignUp(*db_, "bo@example.org", "Bo", "en").ok());
  std::string first = LastToken("bo@example.org");
  ASSERT_TRUE(SignUp(*db_, "bo@example.org", "Mallory", "en").ok());
  std::string second = LastToken("bo@example.org");
  EXPECT_EQ(Mails("bo@example.org"), 2);
  EXPECT_TRUE(CheckVerifyToken(*db_, first).ok());
  ASSERT_TRUE(VerifyEmail(*db_, second, "the owner password").ok());
  EXPECT_FALSE(VerifyEmail(*db_, first, "mallory password!").ok());
  EXPECT_TRUE(Login(*db_, "bo@example.org", "the owner password").ok());
  EXPECT_EQ(ListUsers(*db_).back().name, "Bo");
}

TEST_F(AccountsTest, BadSignUpInput) {
  EXPECT_EQ(SignUp(*db_, "not-an-address", "N", "en").error().field, "email");
  EXPECT_EQ(SignUp(*db_, "n@example.org", "", "en").error().field, "name");
  for (const char* name : {"N\r\nBcc: x@example.org", "N\n", "N\t", "N\x7f", "N\xc2\x85",
                           "N\xe2\x80\xa8"})
    EXPECT_EQ(SignUp(*db_, "n@example.org", name, "en").error().field, "name") << name;
  EXPECT_TRUE(CheckName("Nguyễn Thị Minh Khai, O'Brien-Smith").ok());
  EXPECT_EQ(Mails("n@example.org"), 0);
}

TEST_F(AccountsTest, DelegatesAreBoundToOneMemberState) {
  auto d = AddUser(*db_, "del@example.int", "Del", "delegate", "a long enough password", "CH");
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->member_state, "CH");
  EXPECT_EQ(AddUser(*db_, "x@example.int", "X", "delegate", "a long enough password").error().field,
            "member_state");
  EXPECT_EQ(
      AddUser(*db_, "y@example.int", "Y", "delegate", "a long enough password", "XX").error().field,
      "member_state");
  EXPECT_EQ(
      AddUser(*db_, "z@example.int", "Z", "chair", "a long enough password", "CH").error().field,
      "member_state");
  EXPECT_EQ(AddUser(*db_, "w@example.int", "W", "king", "a long enough password").error().field,
            "role");
  auto admin = AddUser(*db_, "adm@example.int", "Adm", "admin", "a long enough password");
  ASSERT_TRUE(admin.ok());
  auto changed = SetRole(*db_, admin->id, d->id, "chair", std::nullopt);
  ASSERT_TRUE(changed.ok()) << changed.error().message;
  EXPECT_EQ(changed->role, "chair");
  EXPECT_FALSE(changed->member_state);
  // Both changes are in the audit log.
  EXPECT_EQ(db_->Read().QueryInt("SELECT count(*) FROM audit_log WHERE action = 'user.role' "
                                 "AND object_id = ? AND user_id = ?",
                                 d->id, admin->id),
            1);
  EXPECT_FALSE(SetRole(*db_, admin->id, admin->id, "public", std::nullopt).ok());
}

}  // namespace
}  // namespace plenary::accounts
