#include "synth/formats.h"

#include <array>
#include <cstdint>

namespace invoicer::synth {
namespace {

struct Separators {
  std::string_view group;
  std::string_view decimal;
};

Separators SeparatorsOf(NumberStyle style) {
  switch (style) {
    case NumberStyle::kCommaDot:
      return {",", "."};
    case NumberStyle::kDotComma:
      return {".", ","};
    case NumberStyle::kSpaceComma:
      return {" ", ","};
    case NumberStyle::kNbspComma:
      return {"\u00a0", ","};
    case NumberStyle::kApostropheDot:
      return {"'", "."};
    case NumberStyle::kPlainDot:
      return {"", "."};
    case NumberStyle::kPlainComma:
      return {"", ","};
  }
  return {",", "."};
}

using MonthTable = std::array<std::string_view, 12>;

constexpr MonthTable kMonthsEn = {"January",   "February", "March",    "April",
                                  "May",       "June",     "July",     "August",
                                  "September", "October",  "November", "December"};
constexpr MonthTable kMonthsEnShort = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr MonthTable kMonthsDe = {"Januar",    "Februar", "März",     "April",
                                  "Mai",       "Juni",    "Juli",     "August",
                                  "September", "Oktober", "November", "Dezember"};
constexpr MonthTable kMonthsDeShort = {"Jan.", "Feb.", "März", "Apr.", "Mai",  "Juni",
                                       "Juli", "Aug.", "Sep.", "Okt.", "Nov.", "Dez."};
constexpr MonthTable kMonthsFr = {"janvier",   "février", "mars",     "avril",
                                  "mai",       "juin",    "juillet",  "août",
                                  "septembre", "octobre", "novembre", "décembre"};
constexpr MonthTable kMonthsFrShort = {"janv.", "févr.", "mars",  "avr.", "mai",  "juin",
                                       "juil.", "août",  "sept.", "oct.", "nov.", "déc."};
constexpr MonthTable kMonthsEs = {"enero",      "febrero", "marzo",     "abril",
                                  "mayo",       "junio",   "julio",     "agosto",
                                  "septiembre", "octubre", "noviembre", "diciembre"};
constexpr MonthTable kMonthsEsShort = {"ene.", "feb.", "mar.",  "abr.", "may.", "jun.",
                                       "jul.", "ago.", "sept.", "oct.", "nov.", "dic."};
constexpr MonthTable kMonthsIt = {"gennaio",   "febbraio", "marzo",    "aprile",
                                  "maggio",    "giugno",   "luglio",   "agosto",
                                  "settembre", "ottobre",  "novembre", "dicembre"};
constexpr MonthTable kMonthsItShort = {"gen.", "feb.", "mar.", "apr.", "mag.", "giu.",
                                       "lug.", "ago.", "set.", "ott.", "nov.", "dic."};
constexpr MonthTable kMonthsNl = {"januari",   "februari", "maart",    "april",
                                  "mei",       "juni",     "juli",     "augustus",
                                  "september", "oktober",  "november", "december"};
constexpr MonthTable kMonthsNlShort = {"jan.", "feb.", "mrt.", "apr.", "mei",  "jun.",
                                       "jul.", "aug.", "sep.", "okt.", "nov.", "dec."};

std::string TwoDigits(unsigned v) {
  std::string s = std::to_string(v);
  return v < 10 ? "0" + s : s;
}

std::string LongDate(const Date& date, Language language, bool abbreviated) {
  const std::string day = std::to_string(date.day());
  const std::string month(MonthName(language, date.month(), abbreviated));
  const std::string year = std::to_string(date.year());
  switch (language) {
    case Language::kEn:
    case Language::kIt:
    case Language::kNl:
      return day + " " + month + " " + year;
    case Language::kDe:
      return day + ". " + month + " " + year;
    case Language::kFr:
      return (date.day() == 1 ? std::string("1er") : day) + " " + month + " " + year;
    case Language::kEs:
      return abbreviated ? day + " " + month + " " + year : day + " de " + month + " de " + year;
  }
  return day + " " + month + " " + year;
}

std::string WithCurrency(const Decimal& amount, const SynthInvoice& invoice, bool show) {
  const Look& look = invoice.look;
  std::string number = FormatNumber(amount.Abs(), look.numbers);
  const std::string sign = amount.IsNegative() ? "-" : "";
  if (!show) return sign + number;
  const std::string& code = invoice.currency;
  const std::string& symbol = invoice.currency_symbol;
  // English writes "€12.00"; the continental languages put a space after a symbol, and
  // every language puts one after a letter code.
  const bool tight = look.language == Language::kEn && symbol != code;
  switch (look.currency_display) {
    case CurrencyDisplay::kCodeBefore:
      return code + " " + sign + number;
    case CurrencyDisplay::kCodeAfter:
      return sign + number + " " + code;
    case CurrencyDisplay::kSymbolBefore:
      return tight ? sign + symbol + number : symbol + " " + sign + number;
    case CurrencyDisplay::kSymbolAfter:
      return sign + number + " " + symbol;
    case CurrencyDisplay::kNoteOnly:
      return sign + number;
  }
  return sign + number;
}

}  // namespace

std::string FormatNumber(const Decimal& value, NumberStyle style) {
  const Separators sep = SeparatorsOf(style);
  const std::int64_t units = value.units();
  std::string digits = std::to_string(units < 0 ? -units : units);
  const auto scale = static_cast<std::size_t>(value.scale());
  if (digits.size() <= scale) digits.insert(0, scale + 1 - digits.size(), '0');
  const std::string integer = digits.substr(0, digits.size() - scale);
  std::string out = units < 0 ? "-" : "";
  for (std::size_t i = 0; i < integer.size(); ++i) {
    if (i > 0 && (integer.size() - i) % 3 == 0) out += sep.group;
    out += integer[i];
  }
  if (scale > 0) {
    out += sep.decimal;
    out += digits.substr(digits.size() - scale);
  }
  return out;
}

std::string FormatMoney(const Decimal& amount, const SynthInvoice& invoice) {
  return WithCurrency(amount, invoice, true);
}

std::string FormatLineMoney(const Decimal& amount, const SynthInvoice& invoice) {
  return WithCurrency(amount, invoice, invoice.look.currency_in_table);
}

std::string FormatDate(const Date& date, DateStyle style, Language language) {
  const std::string dd = TwoDigits(date.day());
  const std::string mm = TwoDigits(date.month());
  const std::string yyyy = std::to_string(date.year());
  switch (style) {
    case DateStyle::kIso:
      return date.ToString();
    case DateStyle::kDotDmy:
      return dd + "." + mm + "." + yyyy;
    case DateStyle::kSlashDmy:
      return dd + "/" + mm + "/" + yyyy;
    case DateStyle::kSlashMdy:
      return mm + "/" + dd + "/" + yyyy;
    case DateStyle::kDashDmy:
      return dd + "-" + mm + "-" + yyyy;
    case DateStyle::kLongDmy:
      return LongDate(date, language, false);
    case DateStyle::kAbbrevDmy:
      return LongDate(date, language, true);
    case DateStyle::kLongMdy:
    case DateStyle::kAbbrevMdy:
      if (language != Language::kEn)
        return LongDate(date, language, style == DateStyle::kAbbrevMdy);
      return std::string(MonthName(language, date.month(), style == DateStyle::kAbbrevMdy)) + " " +
             std::to_string(date.day()) + ", " + yyyy;
    case DateStyle::kDotDmyUnpadded:
      return std::to_string(date.day()) + "." + std::to_string(date.month()) + "." + yyyy;
  }
  return date.ToString();
}

std::string FormatRate(const Decimal& rate, NumberStyle style) {
  return FormatNumber(rate.RescaledHalfEven(rate.SignificantScale()).value(), style);
}

std::string_view MonthName(Language language, unsigned month, bool abbreviated) {
  const std::size_t i = month - 1;
  switch (language) {
    case Language::kEn:
      return abbreviated ? kMonthsEnShort[i] : kMonthsEn[i];
    case Language::kDe:
      return abbreviated ? kMonthsDeShort[i] : kMonthsDe[i];
    case Language::kFr:
      return abbreviated ? kMonthsFrShort[i] : kMonthsFr[i];
    case Language::kEs:
      return abbreviated ? kMonthsEsShort[i] : kMonthsEs[i];
    case Language::kIt:
      return abbreviated ? kMonthsItShort[i] : kMonthsIt[i];
    case Language::kNl:
      return abbreviated ? kMonthsNlShort[i] : kMonthsNl[i];
  }
  return kMonthsEn[i];
}

std::string Fill(std::string_view text, std::string_view key, std::string_view value) {
  const std::string token = "{" + std::string(key) + "}";
  std::string out(text);
  for (std::size_t pos = out.find(token); pos != std::string::npos;
       pos = out.find(token, pos + value.size())) {
    out.replace(pos, token.size(), value);
  }
  return out;
}

}  // namespace invoicer::synth
