#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "common/time.h"

namespace invoicer::extract::generic {

// The order of day and month in a document's numeric dates.
enum class DateOrder { kUnknown, kDayFirst, kMonthFirst };

// A date written in text: ISO ("2024-03-15"), numeric day/month/year with '/', '-' or '.'
// and two- or four-digit years, or with a month name in English, German, French, Spanish,
// Italian or Dutch ("15. März 2024", "1er mars 2024", "15 de marzo de 2024", "March 15,
// 2024", "15-JAN-18"), or compact YYYYMMDD. A numeric date whose first two numbers could both be
// the month (03/04/2024) has both readings; the document decides (see DateOrder).
struct DateToken {
  std::size_t begin = 0;  // bytes in the text searched
  std::size_t end = 0;
  std::optional<Date> day_first;    // the reading as day/month (the only one for names, ISO)
  std::optional<Date> month_first;  // the reading as month/day
  bool dotted = false;              // numeric with '.' separators (a day-first convention)
  bool numeric = false;             // written with numbers only
  // YYYYMMDD without separators: a date only where a date label stands next to it (it is
  // as likely an article or document number).
  bool compact = false;

  bool Ambiguous() const { return day_first && month_first && *day_first != *month_first; }
  // What this date says about the document's order (kUnknown: nothing).
  DateOrder Evidence() const;
  // The reading under `order`; under kUnknown the day-first reading when both exist.
  Date Value(DateOrder order) const;
};

// Every date in `text`, left to right. Years outside 1970..2099 are not taken as dates.
std::vector<DateToken> FindDates(std::string_view text);

// `text` read as exactly one date (surrounding spaces allowed).
std::optional<DateToken> ParseDate(std::string_view text);

}  // namespace invoicer::extract::generic
