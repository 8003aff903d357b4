// The static files (web/static/, embedded): their version for the pages' links, and their
// answers with long-lived caching when asked by that version.
#pragma once
#include <string>

#include "http/message.h"

namespace plenary::site {

// A digest of every embedded static file: the pages link `/static/plenary.css?v=VERSION`, so a
// browser may keep what it got for a year and a new release is fetched at once.
const std::string& AssetVersion();

// The answer to GET /static/{file}: the file with an ETag (304 when the browser's copy is
// current), cached for a year (`immutable`) when asked with the current `v`, for an hour
// otherwise; nullopt when there is no such file.
std::optional<http::Response> StaticFile(const http::Request& req, const std::string& name);

}  // namespace plenary::site
