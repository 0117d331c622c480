#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "extract/templates/regex.h"

namespace invoicer::extract::templates {

// Reads dates as invoice2data does (dateparser with a template's `date_formats` and
// `languages`): first the explicit formats, strptime-style (`%d.%m.%Y`, `%d %B %Y`, ...;
// month names in English and the template's languages), then, when none fits, a lenient
// reading of the common forms (2024-03-12, 12/03/2024, 12. März 2024, March 12, 2024, ...)
// with the day/month order of the first language (month first without one, as
// dateparser and dateutil do). Month names come from ICU's locale data. Immutable after
// Create; safe to share between threads and templates.
class DateParser {
 public:
  struct Parsed {
    Date date;
    bool ambiguous = false;  // read without a format, and day and month could be swapped
  };

  // Errors: none for well-formed input; a format with an unknown directive is reported in
  // `ignored_formats` and skipped, as strptime's ValueError makes dateparser skip it.
  [[nodiscard]] static Result<DateParser> Create(const std::vector<std::string>& formats,
                                                 const std::vector<std::string>& languages);

  std::optional<Parsed> Parse(std::string_view text) const;
  const std::vector<std::string>& ignored_formats() const { return ignored_formats_; }

 private:
  enum class Order { kDayMonth, kMonthDay };
  struct Format {
    Regex regex;
    std::vector<char> directives;  // the directive of each capture group
  };
  struct Fallback {
    Regex regex;
    char layout;  // 'i' y-m-d, 'n' numeric d/m/y, 'd' day-name, 'm' name-day, 'y' y-name-d
  };

  DateParser() = default;
  std::optional<Parsed> ParseWithFormat(const Format& format, std::string_view text) const;
  std::optional<Parsed> ParseFallback(std::string_view text) const;
  std::optional<unsigned> MonthNumber(std::string_view name) const;

  std::vector<Format> formats_;
  std::vector<Fallback> fallbacks_;
  std::vector<std::pair<std::string, unsigned>> month_names_;  // lower case, no final '.'
  std::vector<std::string> ignored_formats_;
  Order order_ = Order::kMonthDay;
};

}  // namespace invoicer::extract::templates
