#include "extract/generic/dates.h"

#include <algorithm>
#include <charconv>
#include <string>
#include <utility>

#include "extract/generic/pattern.h"
#include "extract/generic/text_fold.h"

namespace invoicer::extract::generic {

namespace {

struct MonthName {
  std::string_view folded;  // as FoldString gives it
  unsigned month;
};

// Month names and their usual abbreviations in the six languages, folded (lower case, no
// accents). Abbreviations may be followed by a dot.
constexpr MonthName kMonths[] = {
    {"january", 1},    {"januar", 1},     {"janner", 1},    {"janvier", 1},   {"janv", 1},
    {"enero", 1},      {"ene", 1},        {"gennaio", 1},   {"gen", 1},       {"januari", 1},
    {"jan", 1},        {"february", 2},   {"februar", 2},   {"fevrier", 2},   {"fevr", 2},
    {"fev", 2},        {"febrero", 2},    {"febbraio", 2},  {"februari", 2},  {"feb", 2},
    {"march", 3},      {"marz", 3},       {"maerz", 3},     {"mrz", 3},       {"mars", 3},
    {"marzo", 3},      {"maart", 3},      {"mrt", 3},       {"mar", 3},       {"april", 4},
    {"avril", 4},      {"avr", 4},        {"abril", 4},     {"abr", 4},       {"aprile", 4},
    {"apr", 4},        {"may", 5},        {"mai", 5},       {"mayo", 5},      {"maggio", 5},
    {"mag", 5},        {"mei", 5},        {"june", 6},      {"juni", 6},      {"juin", 6},
    {"junio", 6},      {"giugno", 6},     {"giu", 6},       {"jun", 6},       {"july", 7},
    {"juli", 7},       {"juillet", 7},    {"juil", 7},      {"julio", 7},     {"luglio", 7},
    {"lug", 7},        {"jul", 7},        {"august", 8},    {"aout", 8},      {"agosto", 8},
    {"ago", 8},        {"augustus", 8},   {"aug", 8},       {"september", 9}, {"septembre", 9},
    {"septiembre", 9}, {"setiembre", 9},  {"settembre", 9}, {"sept", 9},      {"sep", 9},
    {"set", 9},        {"october", 10},   {"oktober", 10},  {"octobre", 10},  {"octubre", 10},
    {"ottobre", 10},   {"okt", 10},       {"ott", 10},      {"oct", 10},      {"november", 11},
    {"novembre", 11},  {"noviembre", 11}, {"nov", 11},      {"december", 12}, {"dezember", 12},
    {"decembre", 12},  {"diciembre", 12}, {"dicembre", 12}, {"dez", 12},      {"dic", 12},
    {"dec", 12}};

std::optional<unsigned> MonthFromName(std::string_view written) {
  std::string folded = FoldString(written);
  if (!folded.empty() && folded.back() == '.') folded.pop_back();
  for (const MonthName& m : kMonths) {
    if (m.folded == folded) return m.month;
  }
  return std::nullopt;
}

// The alternation of month names as they may be written (with accents, any case).
std::string MonthAlternation() {
  std::vector<std::string> names = {"märz", "février",  "févr", "fév",
                                    "août", "décembre", "déc",  "jänner"};
  for (const MonthName& m : kMonths) names.emplace_back(m.folded);
  // Longest first, so "september" wins over "sep".
  std::sort(names.begin(), names.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::string alt;
  for (const auto& n : names) {
    if (!alt.empty()) alt += "|";
    alt += n;
  }
  return alt;
}

int ToInt(std::string_view digits) {
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

// Two-digit years are 20xx up to 69 and 19xx from 70 (the POSIX %y convention).
// A year split by OCR ("20 24") is read without its space.
int FullYear(std::string_view digits) {
  if (digits.size() == 5) return ToInt(digits.substr(0, 2)) * 100 + ToInt(digits.substr(3));
  const int y = ToInt(digits);
  if (digits.size() == 4) return y;
  return y < 70 ? 2000 + y : 1900 + y;
}

std::optional<Date> MakeDate(int year, int month, int day) {
  if (year < 1970 || year > 2099 || month < 1 || day < 1) return std::nullopt;
  auto d = Date::FromYmd(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  if (!d) return std::nullopt;
  return *d;
}

// A dot or comma before a date is a speck of the scan (".2023-02-02") unless a letter or digit
// comes before it ("1.2023-02-02" is no date).
const Pattern& IsoPattern() {
  static const Pattern p(
      R"((?<![\p{N}/-])(?<![\p{L}\p{N}][.,])(\d{4})([-./])(\d{1,2})\2(\d{1,2}))"
      R"((?![\p{N}]|[.,/-]\d))");
  return p;
}
// "01/10/20 24": OCR splits a four-digit year at times. A two-digit year of 19 or 20 followed
// by a space and exactly two digits (not a time "20 12:30") is read as the year they make.
const Pattern& NumericPattern() {
  static const Pattern p(
      R"((?<![\p{L}\p{N}/-])(?<![\p{L}\p{N}][.,])(\d{1,2})([-./])(\d{1,2})\2)"
      R"((\d{4}|(?:19|20) \d{2}(?![\p{N}:])|\d{2})(?![\p{N}]|[.,/-]\d))");
  return p;
}
const Pattern& CompactPattern() {
  static const Pattern p(
      R"((?<![\p{L}\p{N}])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\p{N}))");
  return p;
}
// "15. März 2024", "1er février", "3rd June"; OCR reads the dot after the day as a comma
// at times ("12, März 2019").
const Pattern& DayMonthPattern() {
  static const Pattern p(
      R"((?<![\p{N}.,/])(\d{1,2})(?:\.|,|er|st|nd|rd|th|º)?[\s./-]*(?:de\s+)?()" +
      MonthAlternation() +
      R"()\.?(?![\p{L}])[\s,./-]*(?:de\s+|del\s+)?(\d{4}|\d{2})(?![\p{N}]|[.,]\d))");
  return p;
}
const Pattern& MonthDayPattern() {
  static const Pattern p(R"((?<![\p{L}])()" + MonthAlternation() +
                         R"()\.?\s*(\d{1,2})(?:st|nd|rd|th)?,?\s*(\d{4})(?![\p{N}]))");
  return p;
}

void Add(std::vector<DateToken>& out, DateToken t) {
  if (!t.day_first && !t.month_first) return;
  // The first pattern to claim a stretch of text wins; the patterns run most specific first.
  for (const DateToken& o : out) {
    if (t.begin < o.end && o.begin < t.end) return;
  }
  out.push_back(t);
}

}  // namespace

DateOrder DateToken::Evidence() const {
  if (!numeric || Ambiguous()) return DateOrder::kUnknown;
  if (day_first && !month_first) return DateOrder::kDayFirst;
  if (month_first && !day_first) return DateOrder::kMonthFirst;
  return DateOrder::kUnknown;
}

Date DateToken::Value(DateOrder order) const {
  if (order == DateOrder::kMonthFirst && month_first) return *month_first;
  return day_first ? *day_first : *month_first;
}

std::vector<DateToken> FindDates(std::string_view text) {
  std::vector<DateToken> out;
  for (const auto& m : IsoPattern().FindAll(text)) {
    DateToken t{m.begin, m.end, {}, {}, false, true};
    t.day_first =
        MakeDate(ToInt(m.Group(text, 1)), ToInt(m.Group(text, 3)), ToInt(m.Group(text, 4)));
    Add(out, t);
  }
  for (const auto& m : MonthDayPattern().FindAll(text)) {
    DateToken t{m.begin, m.end, {}, {}, false, false};
    if (auto month = MonthFromName(m.Group(text, 1))) {
      t.day_first =
          MakeDate(ToInt(m.Group(text, 3)), static_cast<int>(*month), ToInt(m.Group(text, 2)));
    }
    Add(out, t);
  }
  for (const auto& m : DayMonthPattern().FindAll(text)) {
    DateToken t{m.begin, m.end, {}, {}, false, false};
    // "1 SET 50" on a receipt is a quantity, not a date: a two-digit year needs the compact
    // forms "15-JAN-18", "15JAN18".
    const std::string_view whole = text.substr(m.begin, m.end - m.begin);
    if (m.Group(text, 3).size() == 2 && whole.find_first_of(" \t") != std::string_view::npos) {
      continue;
    }
    if (auto month = MonthFromName(m.Group(text, 2))) {
      t.day_first =
          MakeDate(FullYear(m.Group(text, 3)), static_cast<int>(*month), ToInt(m.Group(text, 1)));
    }
    Add(out, t);
  }
  for (const auto& m : NumericPattern().FindAll(text)) {
    DateToken t{m.begin, m.end, {}, {}, m.Group(text, 2) == ".", true};
    const int a = ToInt(m.Group(text, 1));
    const int b = ToInt(m.Group(text, 3));
    const int year = FullYear(m.Group(text, 4));
    t.day_first = MakeDate(year, b, a);
    // Dotted dates are day-first wherever they are written (de, nl, and the rest of Europe).
    if (!t.dotted) t.month_first = MakeDate(year, a, b);
    Add(out, t);
  }
  for (const auto& m : CompactPattern().FindAll(text)) {
    DateToken t{m.begin, m.end, {}, {}, false, true};
    t.compact = true;
    t.day_first =
        MakeDate(ToInt(m.Group(text, 1)), ToInt(m.Group(text, 2)), ToInt(m.Group(text, 3)));
    Add(out, t);
  }
  std::sort(out.begin(), out.end(),
            [](const DateToken& x, const DateToken& y) { return x.begin < y.begin; });
  return out;
}

std::optional<DateToken> ParseDate(std::string_view text) {
  const std::string trimmed = CollapseSpaces(text);
  auto all = FindDates(trimmed);
  if (all.size() != 1 || all[0].begin != 0 || all[0].end != trimmed.size()) return std::nullopt;
  DateToken t = all[0];
  return t;
}

}  // namespace invoicer::extract::generic
