#include "store/sqlite/sqlite_connection.h"

#include <sqlite3.h>

namespace invoicer::store::sqlite {

void Connection::Closer::operator()(sqlite3* db) const { sqlite3_close_v2(db); }

void Connection::Finalizer::operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& path, Mode mode,
                                                     std::chrono::milliseconds busy_timeout) {
  // NOMUTEX: each connection is used by one thread at a time (the store's own discipline),
  // so SQLite's per-connection mutex would only cost time.
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (mode == Mode::kWrite) flags |= SQLITE_OPEN_CREATE;
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  auto conn = std::make_unique<Connection>(PrivateTag{}, raw);
  if (rc != SQLITE_OK) return ErrorFromSqlite(rc);
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, static_cast<int>(busy_timeout.count()));
  std::string pragmas = "PRAGMA foreign_keys=ON;";
  if (mode == Mode::kWrite) {
    // WAL lets readers run beside the writer; FULL syncs the WAL on every commit, so an
    // acknowledged write survives a power cut (NORMAL would not). The size limit truncates
    // a WAL that a burst of writes grew, once a checkpoint has emptied it.
    pragmas +=
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA journal_size_limit=67108864;";
  } else {
    pragmas += "PRAGMA query_only=ON;";
  }
  if (auto ok = conn->ExecScript(pragmas); !ok) return std::move(ok).error();
  return conn;
}

Result<Statement> Connection::Prepare(std::string_view sql) {
  std::string key(sql);
  if (auto it = cache_.find(key); it != cache_.end()) return Statement(it->second.get());
  sqlite3_stmt* raw = nullptr;
  const int rc = sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(raw);
    return ErrorFromSqlite(rc);
  }
  auto& slot = cache_[std::move(key)];
  slot.reset(raw);
  return Statement(raw);
}

Status Connection::Exec(std::string_view sql) {
  auto stmt = Prepare(sql);
  if (!stmt) return std::move(stmt).error();
  return stmt->Run();
}

Status Connection::ExecScript(const std::string& sql) {
  const int rc = sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return ErrorFromSqlite(rc);
  return {};
}

std::int64_t Connection::Changes() const { return sqlite3_changes64(db_.get()); }

bool Connection::InTransaction() const { return sqlite3_get_autocommit(db_.get()) == 0; }

}  // namespace invoicer::store::sqlite
