#include "common/time.h"

#include <cstdio>

namespace invoicer {

namespace {
bool ParseDigits(std::string_view text, std::size_t pos, std::size_t count, int& out) {
  if (pos + count > text.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    v = v * 10 + (text[i] - '0');
  }
  out = v;
  return true;
}
}  // namespace

Result<Date> Date::FromYmd(int year, unsigned month, unsigned day) {
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month},
                                        std::chrono::day{day}};
  if (year < 1 || year > 9999 || !ymd.ok()) {
    return errors::InvalidValue("date", "not a real date");
  }
  return Date(ymd);
}

Result<Date> Date::Parse(std::string_view text) {
  int y = 0;
  int m = 0;
  int d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !ParseDigits(text, 0, 4, y) ||
      !ParseDigits(text, 5, 2, m) || !ParseDigits(text, 8, 2, d)) {
    return errors::InvalidValue("date", "'" + std::string(text.substr(0, 40)) +
                                            "' is not a date in the form YYYY-MM-DD");
  }
  return FromYmd(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

std::string Date::ToString() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year(), month(), day());
  return buf;
}

std::int64_t ToUnixMillis(Timestamp t) { return t.time_since_epoch().count(); }

Timestamp FromUnixMillis(std::int64_t ms) { return Timestamp(std::chrono::milliseconds(ms)); }

std::string FormatRfc3339(Timestamp t) {
  const auto days = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd(days);
  const auto ms_of_day = (t - days).count();
  const auto h = ms_of_day / 3'600'000;
  const auto mi = (ms_of_day / 60'000) % 60;
  const auto s = (ms_of_day / 1000) % 60;
  const auto ms = ms_of_day % 1000;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ",
                static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<long long>(h),
                static_cast<long long>(mi), static_cast<long long>(s),
                static_cast<long long>(ms));
  return buf;
}

Result<Timestamp> ParseRfc3339(std::string_view text) {
  auto bad = [&] { return errors::BadRequest("not an RFC 3339 timestamp"); };
  if (text.size() < 20 || text[10] != 'T') return bad();
  auto date = Date::Parse(text.substr(0, 10));
  if (!date) return bad();
  int h = 0;
  int mi = 0;
  int s = 0;
  if (!ParseDigits(text, 11, 2, h) || text[13] != ':' || !ParseDigits(text, 14, 2, mi) ||
      text[16] != ':' || !ParseDigits(text, 17, 2, s) || h > 23 || mi > 59 || s > 60) {
    return bad();
  }
  std::size_t pos = 19;
  std::int64_t ms = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    int scale = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      if (scale < 3) {
        ms = ms * 10 + (text[pos] - '0');
        ++scale;
      }
      ++pos;
    }
    if (scale == 0) return bad();
    while (scale++ < 3) ms *= 10;
  }
  std::int64_t offset_min = 0;
  if (pos < text.size() && (text[pos] == 'Z' || text[pos] == 'z')) {
    ++pos;
  } else if (pos + 6 == text.size() && (text[pos] == '+' || text[pos] == '-')) {
    int oh = 0;
    int om = 0;
    if (!ParseDigits(text, pos + 1, 2, oh) || text[pos + 3] != ':' ||
        !ParseDigits(text, pos + 4, 2, om)) {
      return bad();
    }
    offset_min = (text[pos] == '+' ? 1 : -1) * (oh * 60 + om);
    pos += 6;
  } else {
    return bad();
  }
  if (pos != text.size()) return bad();
  const auto t = std::chrono::time_point_cast<std::chrono::milliseconds>(date->Days()) +
                 std::chrono::hours(h) + std::chrono::minutes(mi) + std::chrono::seconds(s) +
                 std::chrono::milliseconds(ms) - std::chrono::minutes(offset_min);
  return Timestamp(t);
}

Timestamp SystemClock::Now() const {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

}  // namespace invoicer
