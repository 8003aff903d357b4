// The follow button: whether the signed-in reader follows the thing, and the form to change it.
#include "site/follow_button.h"

#include "accounts/follows.h"
#include "site/desk.h"
#include "text/messages.h"

namespace plenary::site {

void AddFollowButton(Page& page, storage::Database& db, const http::Request& req,
                     const std::string& kind, std::int64_t id, const std::string& path) {
  const std::string& lang = req.lang;
  auto* d = page.body().AddIncludeDictionary("FOLLOW_BUTTON");
  d->SetFilename("follow.tpl");
  if (!page.session()) {
    d->AddSectionDictionary("ANON")->SetValue("NEXT", path);
    return;
  }
  bool following = accounts::IsFollowing(db.Read(), page.session()->user.id, kind, id);
  auto* s = d->AddSectionDictionary("SIGNED");
  s->SetValue("ACTION", following ? "unfollow" : "follow");
  s->SetValue("KIND", kind);
  s->SetIntValue("ID", id);
  s->SetValue("BUTTON", text::T(lang, following ? "unfollow_button" : "follow_button"));
  s->SetValue("NOTE", text::T(lang, following ? "follow_note_following" : "follow_note"));
  if (following) s->ShowSection("FOLLOWING");
  // The refusal of this button's last post (follows/web.cc), and only of it: another form's
  // refusal on the same page is that form's to show.
  // Its message is said next to the button whatever the field (a form that expired names
  // none of the form's inputs, so the summary does not link it).
  if (req.query.Get("input").value_or("") == kFollowButton)
    if (auto flashed = ShowFlash(db, req, *s))
      s->AddSectionDictionary("FOLLOW_ERROR")->SetValue("MSG", flashed->message);
}

}  // namespace plenary::site
