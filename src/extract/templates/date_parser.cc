#include "extract/templates/date_parser.h"

#include <unicode/datefmt.h>
#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <memory>

#include "extract/templates/prepared_text.h"

namespace invoicer::extract::templates {

namespace {

// dateparser detects the language when a template names none; these are the languages of
// the invoices we see.
const std::vector<std::string>& DefaultLanguages() {
  static const std::vector<std::string> kLanguages{"en", "de", "fr", "nl", "es", "it", "pt"};
  return kLanguages;
}

std::string Lower(const icu::UnicodeString& s, const icu::Locale& locale) {
  icu::UnicodeString copy(s);
  std::string out;
  copy.toLower(locale).toUTF8String(out);
  return out;
}

std::string RegexEscape(std::string_view text) {
  std::string out;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x80 && std::isalnum(u) == 0) out += '\\';
    out += c;
  }
  return out;
}

// Python's %y: 69..99 are 19xx, 00..68 are 20xx.
int FullYear(int two_digits) { return two_digits < 69 ? 2000 + two_digits : 1900 + two_digits; }

// The strptime directives' patterns (Python's _strptime.TimeRE, C locale); B/b/A/a/p are
// filled from the month and weekday names.
std::string DirectivePattern(char d, const std::string& months, const std::string& weekdays) {
  switch (d) {
    case 'd':
      return R"((3[01]|[12]\d|0[1-9]|[1-9]| [1-9]))";
    case 'f':
      return R"(([0-9]{1,6}))";
    case 'H':
      return R"((2[0-3]|[0-1]\d|\d))";
    case 'I':
      return R"((1[0-2]|0[1-9]|[1-9]))";
    case 'G':
    case 'Y':
      return R"((\d\d\d\d))";
    case 'j':
      return R"((36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9]))";
    case 'm':
      return R"((1[0-2]|0[1-9]|[1-9]))";
    case 'M':
      return R"(([0-5]\d|\d))";
    case 'S':
      return R"((6[0-1]|[0-5]\d|\d))";
    case 'U':
    case 'W':
      return R"((5[0-3]|[0-4]\d|\d))";
    case 'V':
      return R"((5[0-3]|0[1-9]|[1-4]\d|\d))";
    case 'w':
      return R"(([0-6]))";
    case 'u':
      return R"(([1-7]))";
    case 'y':
      return R"((\d\d))";
    case 'z':
      return R"(([+-]\d\d:?[0-5]\d(?::?[0-5]\d(?:\.\d{1,6})?)?|Z))";
    case 'Z':
      return R"(([A-Za-z]{1,6}))";
    case 'p':
      return R"((am|pm|a\.m\.|p\.m\.))";
    case 'B':
    case 'b':
      return "(" + months + ")";
    case 'A':
    case 'a':
      return "(" + weekdays + ")";
    default:
      return {};
  }
}

// Python's _strptime turns the format into a regex; so do we. nullopt for a bad directive.
std::optional<std::pair<std::string, std::vector<char>>> FormatToPattern(
    std::string_view format, const std::string& months, const std::string& weekdays) {
  std::string expanded;
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] == '%' && i + 1 < format.size()) {
      const char d = format[i + 1];
      const char* c_locale = d == 'c'   ? "%a %b %d %H:%M:%S %Y"
                             : d == 'x' ? "%m/%d/%y"
                             : d == 'X' ? "%H:%M:%S"
                                        : nullptr;
      if (c_locale != nullptr) {
        expanded += c_locale;
      } else {
        expanded += format.substr(i, 2);
      }
      ++i;
    } else {
      expanded += format[i];
    }
  }
  std::string pattern = R"(\A)";
  std::vector<char> directives;
  for (std::size_t i = 0; i < expanded.size(); ++i) {
    const char c = expanded[i];
    if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      while (i + 1 < expanded.size() &&
             std::isspace(static_cast<unsigned char>(expanded[i + 1])) != 0)
        ++i;
      pattern += R"(\s+)";
    } else if (c == '%') {
      if (i + 1 >= expanded.size()) return std::nullopt;  // stray %
      const char d = expanded[++i];
      if (d == '%') {
        pattern += '%';
        continue;
      }
      std::string p = DirectivePattern(d, months, weekdays);
      if (p.empty()) return std::nullopt;
      pattern += p;
      directives.push_back(d);
    } else {
      pattern += RegexEscape(std::string_view(&expanded[i], 1));
    }
  }
  pattern += R"(\Z)";
  return std::make_pair(pattern, directives);
}

int ToInt(std::string_view digits) {
  int value = 0;
  for (char c : digits) {
    if (std::isdigit(static_cast<unsigned char>(c)) != 0) value = value * 10 + (c - '0');
  }
  return value;
}

std::optional<Date> MakeDate(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  auto date = Date::FromYmd(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  if (!date) return std::nullopt;
  return *date;
}

}  // namespace

Result<DateParser> DateParser::Create(const std::vector<std::string>& formats,
                                      const std::vector<std::string>& languages) {
  DateParser parser;
  std::vector<std::string> names_languages = languages.empty() ? DefaultLanguages() : languages;
  if (std::find(names_languages.begin(), names_languages.end(), "en") == names_languages.end()) {
    names_languages.emplace_back("en");  // strptime's own month names
  }
  std::vector<std::string> weekday_names;
  for (const std::string& language : names_languages) {
    const icu::Locale locale(language.c_str());
    UErrorCode status = U_ZERO_ERROR;
    const icu::DateFormatSymbols symbols(locale, status);
    if (U_FAILURE(status)) continue;
    for (auto context : {icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::STANDALONE}) {
      for (auto width : {icu::DateFormatSymbols::WIDE, icu::DateFormatSymbols::ABBREVIATED}) {
        std::int32_t count = 0;
        const icu::UnicodeString* months = symbols.getMonths(count, context, width);
        for (std::int32_t m = 0; m < count && m < 12; ++m) {
          std::string name = Lower(months[m], locale);
          while (!name.empty() && name.back() == '.') name.pop_back();
          const std::string plain(PreparedText::Original(name).RemoveAccents().text());
          for (const std::string& n : {name, plain}) {
            if (!n.empty()) parser.month_names_.emplace_back(n, static_cast<unsigned>(m + 1));
          }
        }
        const icu::UnicodeString* days = symbols.getWeekdays(count, context, width);
        for (std::int32_t d = 1; d < count; ++d) weekday_names.push_back(Lower(days[d], locale));
      }
    }
  }
  parser.month_names_.emplace_back("sept", 9);
  // Longest first, so that an alternation prefers "march" to "mar".
  std::stable_sort(parser.month_names_.begin(), parser.month_names_.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  std::string months;
  for (const auto& [name, number] : parser.month_names_) {
    months += (months.empty() ? "" : "|") + RegexEscape(name);
  }
  std::sort(weekday_names.begin(), weekday_names.end(),
            [](const auto& a, const auto& b) { return a.size() > b.size(); });
  std::string weekdays;
  for (const std::string& name : weekday_names) {
    if (!name.empty()) weekdays += (weekdays.empty() ? "" : "|") + RegexEscape(name);
  }

  for (const std::string& format : formats) {
    auto pattern = FormatToPattern(format, months, weekdays);
    auto regex =
        pattern ? Regex::Compile(pattern->first, true) : Result<Regex>(errors::BadRequest(""));
    if (!regex) {
      parser.ignored_formats_.push_back(format);
      continue;
    }
    parser.formats_.push_back(Format{std::move(*regex), std::move(pattern->second)});
  }

  const std::string month_group = "((?:" + months + R"()(?![^\W\d_]))\.?)";
  const std::vector<std::pair<std::string, char>> fallbacks{
      {R"((?<!\d)(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d))", 'i'},
      {R"((?<!\d)(\d{1,2})(?:st|nd|rd|th|er|e|\.)?\s*[-/.,]?\s*)" + month_group +
           R"(\s*[-/.,]?\s*(\d{4}|\d{2})(?!\d))",
       'd'},
      {R"((?<![^\W\d_]))" + month_group +
           R"(\s*[-/.]?\s*(\d{1,2})(?:st|nd|rd|th)?(?!\d)\s*[-/.,]?\s*(\d{4}|\d{2})(?!\d))",
       'm'},
      {R"((?<!\d)(\d{4})\s*[-/.]?\s*)" + month_group + R"(\s*[-/.]?\s*(\d{1,2})(?!\d))", 'y'},
      {R"((?<!\d)(\d{1,2})(?:\s*[-/.]\s*|\s+)(\d{1,2})(?:\s*[-/.]\s*|\s+)(\d{4}|\d{2})(?!\d))",
       'n'},
      {R"(\A\s*(\d{4})(\d{2})(\d{2})\s*\Z)", 'c'},
  };
  for (const auto& [pattern, layout] : fallbacks) {
    auto regex = Regex::Compile(pattern, true);
    if (!regex) return regex.error();
    parser.fallbacks_.push_back(Fallback{std::move(*regex), layout});
  }

  if (!languages.empty()) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::DateFormat> format(icu::DateFormat::createDateInstance(
        icu::DateFormat::kShort, icu::Locale(languages.front().c_str())));
    if (auto* simple = dynamic_cast<icu::SimpleDateFormat*>(format.get()); simple != nullptr) {
      icu::UnicodeString pattern;
      simple->toPattern(pattern);
      const std::int32_t day = pattern.indexOf(u'd');
      std::int32_t month = pattern.indexOf(u'M');
      if (month < 0) month = pattern.indexOf(u'L');
      parser.order_ = (day >= 0 && month >= 0 && month < day) ? Order::kMonthDay : Order::kDayMonth;
    }
    (void)status;
  }
  return parser;
}

std::optional<unsigned> DateParser::MonthNumber(std::string_view name) const {
  std::string key(PreparedText::Original(name).Lowercase().text());
  while (!key.empty() && key.back() == '.') key.pop_back();
  for (const auto& [candidate, number] : month_names_) {
    if (candidate == key) return number;
  }
  return std::nullopt;
}

std::optional<DateParser::Parsed> DateParser::ParseWithFormat(const Format& format,
                                                              std::string_view text) const {
  auto match = format.regex.Search(text);
  if (!match || !*match) return std::nullopt;
  const Captures& groups = **match;
  int year = 1900;
  int month = 1;
  int day = 1;
  std::optional<int> day_of_year;
  bool has_month_or_day = false;
  for (std::size_t g = 0; g < format.directives.size() && g + 1 < groups.size(); ++g) {
    const Capture& c = groups[g + 1];
    const std::string_view part = text.substr(c.begin, c.end - c.begin);
    switch (format.directives[g]) {
      case 'Y':
        year = ToInt(part);
        break;
      case 'y':
        year = FullYear(ToInt(part));
        break;
      case 'm':
        month = ToInt(part);
        has_month_or_day = true;
        break;
      case 'd':
        day = ToInt(part);
        has_month_or_day = true;
        break;
      case 'j':
        day_of_year = ToInt(part);
        break;
      case 'B':
      case 'b': {
        const auto number = MonthNumber(part);
        if (!number) return std::nullopt;
        month = static_cast<int>(*number);
        has_month_or_day = true;
        break;
      }
      default:
        break;
    }
  }
  if (day_of_year && !has_month_or_day) {
    namespace chr = std::chrono;
    const chr::year_month_day ymd{chr::sys_days{chr::year{year} / 1 / 1} +
                                  chr::days{*day_of_year - 1}};
    year = static_cast<int>(ymd.year());
    month = static_cast<int>(static_cast<unsigned>(ymd.month()));
    day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  }
  const auto date = MakeDate(year, month, day);
  if (!date) return std::nullopt;
  return Parsed{*date, false};
}

std::optional<DateParser::Parsed> DateParser::ParseFallback(std::string_view text) const {
  for (const Fallback& fallback : fallbacks_) {
    auto match = fallback.regex.Search(text);
    if (!match || !*match) continue;
    const Captures& g = **match;
    auto part = [&](std::size_t i) { return text.substr(g[i].begin, g[i].end - g[i].begin); };
    auto year_of = [&](std::string_view digits) {
      return digits.size() <= 2 ? FullYear(ToInt(digits)) : ToInt(digits);
    };
    std::optional<Date> date;
    bool ambiguous = false;
    switch (fallback.layout) {
      case 'i':
        date = MakeDate(ToInt(part(1)), ToInt(part(2)), ToInt(part(3)));
        break;
      case 'c': {
        const std::string_view digits = part(1);
        date = MakeDate(ToInt(digits.substr(0, 4)), ToInt(digits.substr(4, 2)),
                        ToInt(digits.substr(6, 2)));
        if (!date) {
          date = MakeDate(ToInt(digits.substr(4, 4)), ToInt(digits.substr(2, 2)),
                          ToInt(digits.substr(0, 2)));
        }
        break;
      }
      case 'd':
      case 'm':
      case 'y': {
        const std::size_t name = fallback.layout == 'd' ? 2 : fallback.layout == 'm' ? 1 : 2;
        const std::size_t day = fallback.layout == 'd' ? 1 : fallback.layout == 'm' ? 2 : 3;
        const std::size_t year = fallback.layout == 'y' ? 1 : 3;
        const auto month = MonthNumber(part(name));
        if (month) date = MakeDate(year_of(part(year)), static_cast<int>(*month), ToInt(part(day)));
        break;
      }
      default: {
        const int a = ToInt(part(1));
        const int b = ToInt(part(2));
        const int year = year_of(part(3));
        const bool day_first = order_ == Order::kDayMonth;
        date = day_first ? MakeDate(year, b, a) : MakeDate(year, a, b);
        if (!date) date = day_first ? MakeDate(year, a, b) : MakeDate(year, b, a);
        ambiguous = a <= 12 && b <= 12 && a != b;
        break;
      }
    }
    if (date) return Parsed{*date, ambiguous};
  }
  return std::nullopt;
}

std::optional<DateParser::Parsed> DateParser::Parse(std::string_view text) const {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) {
    text.remove_suffix(1);
  }
  if (text.empty()) return std::nullopt;
  for (const Format& format : formats_) {
    if (auto parsed = ParseWithFormat(format, text)) return parsed;
  }
  return ParseFallback(text);
}

}  // namespace invoicer::extract::templates
