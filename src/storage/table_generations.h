// Generations of single tables of a Database, for caches of a few tables' content that must
// outlive the writes elsewhere (the submission's checks: docs/PROFILE.md).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string_view>

#include "storage/db.h"

namespace plenary::storage {

// The sum of per-table counters of `db`, each raised after every COMMIT that changed its table
// (or a table the writer could not name, such as a script's on PostgreSQL), before any write of
// that transaction returns, as Database::Generation() is; unlike that one, not by writes to
// other tables (such as the responses every group commit adds).
std::uint64_t TablesGeneration(const Database& db, std::initializer_list<std::string_view> tables);

}  // namespace plenary::storage
