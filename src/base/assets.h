// Files compiled into the binary: templates, catalogues, CSS, migrations, demo data.
#pragma once
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace plenary::assets {

// Every embedded file as (path relative to the source root, contents). Generated.
const std::vector<std::pair<std::string_view, std::string_view>>& All();

// The contents of the embedded file at `path` (e.g. "web/static/plenary.css").
inline std::optional<std::string_view> Find(std::string_view path) {
  for (const auto& [p, data] : All())
    if (p == path) return data;
  return std::nullopt;
}

}  // namespace plenary::assets
