#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"

// Internal to the SQLite store: only src/store/sqlite/*.cc include this header.
struct sqlite3_stmt;

namespace invoicer::store::sqlite {

// Maps a SQLite result code to our errors: busy, locked, I/O, full disk, cannot open and
// read-only are kUnavailable (the API answers 503); anything else is kInternal. The
// message names the SQLite condition only (no SQL, no paths).
Error ErrorFromSqlite(int rc);

// A prepared statement borrowed from a Connection's cache. Binds parameters in order (the
// first Bind is parameter 1) and reads the columns of the current row. Resets itself and
// clears its bindings on destruction so the cached statement is ready for its next user.
// Not thread-safe (its connection is used by one thread at a time). A binding error is
// kept and reported by Step.
class Statement {
 public:
  explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Statement& Bind(std::int64_t value);
  Statement& Bind(std::string_view text);
  Statement& Bind(const std::string& text) { return Bind(std::string_view(text)); }
  Statement& Bind(const char* text) { return Bind(std::string_view(text)); }
  Statement& Bind(const std::optional<std::string>& text);
  Statement& Bind(const std::optional<std::int64_t>& value);
  Statement& BindBlob(std::string_view bytes);
  Statement& BindNull();

  // True when a row is available, false when the statement is done.
  [[nodiscard]] Result<bool> Step();
  // Steps to the end, for statements whose rows (if any) are not needed.
  [[nodiscard]] Status Run();

  std::int64_t Int(int col) const;
  std::string Text(int col) const;
  std::optional<std::string> OptText(int col) const;
  std::optional<std::int64_t> OptInt(int col) const;

 private:
  sqlite3_stmt* stmt_;
  int next_param_ = 1;
  int bind_error_ = 0;
};

}  // namespace invoicer::store::sqlite
