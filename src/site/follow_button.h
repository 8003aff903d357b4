// The "Follow" button of the pages of a body, a consultation and a meeting: for a signed-in
// reader a form that follows or unfollows it (POST /follow, /unfollow, follows/web.cc), for
// others a link to sign in first. Shown through {{>FOLLOW_BUTTON}} in the page's template.
#pragma once
#include <cstdint>
#include <string>

#include "http/message.h"
#include "site/site.h"
#include "storage/db.h"

namespace plenary::site {

// `path` is the page's own path without the language prefix, built from the database
// ("/bodies/cwg-internet"): where sign-in leads back to. A refused follow or unfollow comes
// back to the page (site::BackWithError, input "follow-button"): its message is shown next to
// the button, with the form's summary, in the reader's language.
void AddFollowButton(Page& page, storage::Database& db, const http::Request& req,
                     const std::string& kind, std::int64_t id, const std::string& path);

// The input id of a follow's button that refusals name: "follow-button".
inline constexpr char kFollowButton[] = "follow-button";

}  // namespace plenary::site
