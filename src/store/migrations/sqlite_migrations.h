#pragma once

#include <span>
#include <string_view>

namespace invoicer::store {

// One step of the SQLite schema: applied once, in order of `version`, inside the
// transaction that records it in `schema_migrations`.
struct Migration {
  int version;
  std::string_view sql;
};

// The SQLite schema's steps, oldest first. Never edit a released step: append a new one.
std::span<const Migration> SqliteMigrations();

}  // namespace invoicer::store
