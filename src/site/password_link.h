// A link mailed to an address opens a form where whoever reads that mailbox chooses the
// account's password: sign-up's verification (/verify) and the password reset
// (/password/reset). Both follow one rule, kept here.
#pragma once

#include <functional>
#include <string>

#include "accounts/accounts.h"
#include "http/router.h"
#include "storage/db.h"

namespace plenary::site {

struct PasswordLink {
  std::string path;           // "/verify": GET shows the form, POST applies it
  std::string form_template;  // "verify.tpl", with {{TOKEN}} and the form's errors
  std::string form_title;     // catalogue key of the form's title
  std::string notice_title;   // catalogue key of the notice's title
  std::string done_heading;   // catalogue key of the heading once the password is set
  std::string done, failed;   // catalogue keys of the notice's message
  bool offer_new_link;        // a failed link offers to ask for another (FORGOT section)
  bool ends_sessions;         // success signs this browser out (every session has ended)
  std::function<Result<accounts::User>(const std::string& token)> check;
  std::function<Result<accounts::User>(const std::string& token, const std::string& password)>
      apply;
};

// Opening the link only shows the form, so a mail scanner that fetches it uses nothing up;
// posting the form (with its CSRF field) applies the token once. A refused password keeps the
// form with the error beside the field; a spent, expired or unknown token gets the failure
// notice (400).
void RegisterPasswordLink(http::Router& router, storage::Database& db, PasswordLink link);

}  // namespace plenary::site
