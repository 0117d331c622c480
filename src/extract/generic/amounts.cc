#include "extract/generic/amounts.h"

#include <array>
#include <utility>

#include "extract/generic/pattern.h"
#include "extract/generic/text_fold.h"

namespace invoicer::extract::generic {

namespace {

// Currency symbols and codes that are written next to amounts.
constexpr std::string_view kCurrencyAlternatives =
    R"(US\$|S\$|A\$|C\$|R\$|HK\$|NZ\$|€|\$|£|¥|₹|RM|EUR|USD|GBP|CHF|JPY|CNY|MYR|SGD|AUD|CAD|)"
    R"(SEK|NOK|DKK|PLN|CZK|HUF|INR|HKD|NZD|ZAR|BRL|MXN|TRY|RON|BGN|IDR|THB|PHP|KRW|AED|SAR|)"
    R"(zł|Kč|Fr\.)";

const Pattern& AmountPattern() {
  static const Pattern pattern([] {
    const std::string cur = "(" + std::string(kCurrencyAlternatives) + ")";
    // Groups: 1 "(", 2 currency before, 3 sign, 4 currency after sign, 5 digits,
    // 6 currency after, 7 ")", 8 trailing minus.
    return std::string(R"((?<![\p{L}\p{N}.,/#_]|\d[:-]))") + R"((\()?(?:)" + cur +
           R"(\s?)?([-−–])?\s?(?:)" + cur + R"(\s?)?)" +
           R"((\d{1,3}(?:[ \x{00A0}\x{202F}]\d{3})+,\d{1,2})" +
           R"(|\d{1,3}(?:[.,'’\x{00A0}\x{202F}]\d{3})+(?:[.,]\d{1,6})?|\d+(?:[.,]\d{1,6})?|(?<![\p{N}])\.\d{2}))" +
           R"((?:\s?)" + cur + R"()?(\))?(-(?!\d))?)" + R"((?![\p{L}\p{N}%/:_]|[.,-]\d|\s?%))";
  }());
  return pattern;
}

bool IsGroupChar(std::string_view s, std::size_t i, std::size_t& length) {
  length = 1;
  if (s[i] == '\'' || s[i] == ' ') return true;
  for (std::string_view g : {"’", "\u00A0", "\u202F"}) {
    if (s.substr(i, g.size()) == g) {
      length = g.size();
      return true;
    }
  }
  return false;
}

// Reads `digits` with `mark` as the decimal character and the other of '.'/',' (and
// apostrophes, spaces) as group separators: groups after the first have three digits, the
// first one to three and not a lone 0.
std::optional<Decimal> ReadWith(std::string_view digits, char mark) {
  const char other = mark == '.' ? ',' : '.';
  std::string plain;
  int scale = 0;
  bool seen_mark = false;
  bool grouped = false;
  std::size_t group_len = 0;  // digits since the last separator
  std::size_t first_group = 0;
  for (std::size_t i = 0; i < digits.size();) {
    const char c = digits[i];
    std::size_t length = 1;
    if (c >= '0' && c <= '9') {
      plain.push_back(c);
      if (seen_mark) ++scale;
      ++group_len;
      ++i;
      continue;
    }
    if (seen_mark) return std::nullopt;  // nothing but digits after the decimal mark
    if (c == mark) {
      if (grouped && group_len != 3) return std::nullopt;
      if (!grouped) first_group = group_len;
      seen_mark = true;
      ++i;
      continue;
    }
    if (c == other || IsGroupChar(digits, i, length)) {
      if (grouped ? group_len != 3 : (group_len == 0 || group_len > 3)) return std::nullopt;
      if (!grouped) first_group = group_len;
      grouped = true;
      group_len = 0;
      i += length;
      continue;
    }
    return std::nullopt;
  }
  if (grouped && !seen_mark && group_len != 3) return std::nullopt;
  if (grouped && first_group == 1 && plain.front() == '0') return std::nullopt;
  if (seen_mark && scale == 0) return std::nullopt;
  if (plain.size() == static_cast<std::size_t>(scale)) plain.insert(0, "0");  // ".50"
  if (scale > Decimal::kMaxScale) return std::nullopt;
  if (scale > 0) plain.insert(plain.size() - static_cast<std::size_t>(scale), ".");
  auto parsed = Decimal::Parse(plain);
  if (!parsed) return std::nullopt;
  return *parsed;
}

AmountToken MakeToken(std::string_view text, const Pattern::Match& m) {
  AmountToken t;
  t.begin = m.begin;
  t.end = m.end;
  const std::string_view digits = m.Group(text, 5);
  t.has_separator = digits.find_first_of(".,") != std::string_view::npos;
  t.dot = ReadWith(digits, '.');
  t.comma = ReadWith(digits, ',');
  const bool negative = (m.Has(1) && m.Has(7)) || m.Has(3) || m.Has(8);
  if (negative) {
    if (t.dot) t.dot = t.dot->Negated();
    if (t.comma) t.comma = t.comma->Negated();
  }
  for (const std::size_t g : {2U, 4U, 6U}) {
    if (!m.Has(g)) continue;
    if (auto c = ReadCurrency(m.Group(text, g))) {
      t.currency = c->code;
      t.currency_confidence = c->confidence;
    }
  }
  return t;
}

}  // namespace

DecimalMark AmountToken::Evidence() const {
  if (!has_separator) return DecimalMark::kUnknown;
  if (dot && !comma) return DecimalMark::kDot;
  if (comma && !dot) return DecimalMark::kComma;
  return DecimalMark::kUnknown;
}

Decimal AmountToken::Value(DecimalMark mark) const {
  if (mark == DecimalMark::kComma && comma) return *comma;
  if (dot) return *dot;
  return comma ? *comma : Decimal();
}

bool AmountToken::HasDecimals(DecimalMark mark) const { return Value(mark).scale() > 0; }

std::vector<AmountToken> FindAmounts(std::string_view text) {
  std::vector<AmountToken> out;
  for (const auto& m : AmountPattern().FindAll(text)) {
    AmountToken t = MakeToken(text, m);
    if (t.dot || t.comma) out.push_back(std::move(t));
  }
  return out;
}

std::optional<AmountToken> ParseAmount(std::string_view text) {
  const std::string trimmed = CollapseSpaces(text);
  const auto m = AmountPattern().Find(trimmed);
  if (!m || m->begin != 0 || m->end != trimmed.size()) return std::nullopt;
  AmountToken t = MakeToken(trimmed, *m);
  if (!t.dot && !t.comma) return std::nullopt;
  return t;
}

std::optional<CurrencyReading> ReadCurrency(std::string_view token) {
  struct Entry {
    std::string_view written;
    std::string_view code;
    double confidence;
  };
  // Symbols shared by several currencies get a low confidence; unique ones a high one.
  static constexpr std::array<Entry, 15> kSymbols{{{"€", "EUR", 0.95},
                                                   {"£", "GBP", 0.9},
                                                   {"¥", "JPY", 0.6},
                                                   {"₹", "INR", 0.95},
                                                   {"$", "USD", 0.6},
                                                   {"US$", "USD", 0.95},
                                                   {"S$", "SGD", 0.95},
                                                   {"A$", "AUD", 0.95},
                                                   {"C$", "CAD", 0.95},
                                                   {"R$", "BRL", 0.95},
                                                   {"HK$", "HKD", 0.95},
                                                   {"NZ$", "NZD", 0.95},
                                                   {"zł", "PLN", 0.95},
                                                   {"Kč", "CZK", 0.95},
                                                   {"Fr.", "CHF", 0.8}}};
  for (const Entry& e : kSymbols) {
    if (token == e.written) return CurrencyReading{std::string(e.code), e.confidence};
  }
  std::string upper;
  for (const char c : token) {
    upper.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  if (upper == "RM") return CurrencyReading{"MYR", 0.9};
  if (upper == "EURO" || upper == "EUROS") return CurrencyReading{"EUR", 0.95};
  if (upper.size() == 3 && IsKnownCurrency(upper)) return CurrencyReading{upper, 0.95};
  return std::nullopt;
}

}  // namespace invoicer::extract::generic
