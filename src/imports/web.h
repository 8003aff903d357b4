// The routes of imports (secretariat, with the CSRF token):
//   POST /api/v1/imports/documents            multipart `csv` (file or field), `files` (ZIP)
//   POST /api/v1/imports/resolutions          multipart `csv`
//   POST /api/v1/imports/{preview_id}/confirm
// and the desk page: GET /admin/imports (upload form), POST /admin/imports (the preview, in
// the reader's language), POST /admin/imports/{preview_id}/confirm.
#pragma once
#include "http/router.h"
#include "imports/imports.h"
#include "storage/db.h"

namespace plenary::imports {

// The routes share one Importer (the previews waiting for confirmation), owned by them.
void RegisterRoutes(http::Router& router, storage::Database& db, ImportLimits limits = {});

}  // namespace plenary::imports
