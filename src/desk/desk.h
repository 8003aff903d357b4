// The secretariat's desk: HTML forms under /admin for every secretariat use case of the
// consultations and meetings capabilities. It holds no rules of its own: each handler reads a
// form, checks the session and CSRF token, and calls the capability's action.
#pragma once
#include "consultations/campaigns.h"
#include "http/router.h"
#include "site/text_states.h"
#include "storage/db.h"

namespace plenary::desk {

void RegisterRoutes(http::Router& router, storage::Database& db,
                    consultations::CampaignTracker& tracker);
// GET /admin/translations: which texts lack which language (translations.cc).
void RegisterTranslations(http::Router& router, storage::Database& db);
// The texts of the capabilities above the desk that the translations page checks (agenda items,
// record paragraphs, decisions, actions, negotiated texts); set once by app::BuildRouter.
void SetTranslationSources(std::vector<site::TranslationSource> sources);

}  // namespace plenary::desk
