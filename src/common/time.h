#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"

namespace invoicer {

// A calendar date without a time zone (invoice dates, due dates). Always a real date:
// Parse rejects 2025-02-30. A value type.
class Date {
 public:
  Date() = default;
  // Fails unless year/month/day form a real date in years 1..9999.
  [[nodiscard]] static Result<Date> FromYmd(int year, unsigned month, unsigned day);
  // Parses strict `YYYY-MM-DD`.
  [[nodiscard]] static Result<Date> Parse(std::string_view text);

  int year() const { return static_cast<int>(ymd_.year()); }
  unsigned month() const { return static_cast<unsigned>(ymd_.month()); }
  unsigned day() const { return static_cast<unsigned>(ymd_.day()); }
  std::chrono::sys_days Days() const { return std::chrono::sys_days(ymd_); }
  std::string ToString() const;  // YYYY-MM-DD

  friend auto operator<=>(const Date& a, const Date& b) { return a.Days() <=> b.Days(); }
  friend bool operator==(const Date& a, const Date& b) { return a.Days() == b.Days(); }

 private:
  explicit Date(std::chrono::year_month_day ymd) : ymd_(ymd) {}
  std::chrono::year_month_day ymd_{std::chrono::year{1970}, std::chrono::month{1},
                                   std::chrono::day{1}};
};

// A point in time, UTC, millisecond precision (what the store keeps).
using Timestamp = std::chrono::time_point<std::chrono::system_clock, std::chrono::milliseconds>;

std::int64_t ToUnixMillis(Timestamp t);
Timestamp FromUnixMillis(std::int64_t ms);
// RFC 3339 UTC with milliseconds: 2026-11-28T16:19:18.123Z
std::string FormatRfc3339(Timestamp t);
// Parses the RFC 3339 form FormatRfc3339 writes (and without fraction, and with an offset).
[[nodiscard]] Result<Timestamp> ParseRfc3339(std::string_view text);

// The source of "now". Interface so that lease tests can move time by hand
// (tests/fakes/fake_clock.h). Implementations are thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual Timestamp Now() const = 0;
};

// The wall clock.
class SystemClock final : public Clock {
 public:
  Timestamp Now() const override;
};

}  // namespace invoicer
