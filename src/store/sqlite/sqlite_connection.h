#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/result.h"
#include "store/sqlite/sqlite_statement.h"

// Internal to the SQLite store: only src/store/sqlite/*.cc include this header.
struct sqlite3;

namespace invoicer::store::sqlite {

// One SQLite connection with a cache of prepared statements; owns its sqlite3 handle.
// Not thread-safe: the store hands each connection to one thread at a time (the writer
// thread, or a reader borrowed from the pool). Errors as ErrorFromSqlite.
class Connection {
  // Only Open constructs connections.
  struct PrivateTag {
    explicit PrivateTag() = default;
  };

 public:
  enum class Mode { kWrite, kRead };

  Connection(PrivateTag, sqlite3* db) : db_(db) {}

  // Opens (creating it when kWrite) the database and sets the pragmas: busy timeout and
  // foreign keys always; WAL and synchronous=FULL on the writer (a COMMIT returns only
  // after its WAL frames are on disk); query_only on readers.
  [[nodiscard]] static Result<std::unique_ptr<Connection>> Open(
      const std::string& path, Mode mode, std::chrono::milliseconds busy_timeout);

  // The cached statement for `sql` (one statement). The same SQL must not be in use twice
  // at once.
  [[nodiscard]] Result<Statement> Prepare(std::string_view sql);
  // Runs one statement whose rows are not needed, through the cache.
  [[nodiscard]] Status Exec(std::string_view sql);
  // Runs a script of several statements (migrations), uncached.
  [[nodiscard]] Status ExecScript(const std::string& sql);
  // Rows changed by the last INSERT, UPDATE or DELETE.
  std::int64_t Changes() const;
  // True while a transaction is open; false once SQLite rolled one back after an error.
  bool InTransaction() const;

 private:
  struct Closer {
    void operator()(sqlite3* db) const;
  };
  struct Finalizer {
    void operator()(sqlite3_stmt* stmt) const;
  };

  // cache_ comes after db_ so that its statements are finalized before the handle closes.
  std::unique_ptr<sqlite3, Closer> db_;
  std::unordered_map<std::string, std::unique_ptr<sqlite3_stmt, Finalizer>> cache_;
};

}  // namespace invoicer::store::sqlite
