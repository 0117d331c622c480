#include "common/money.h"

#include <limits>

namespace invoicer {

namespace {

using Wide = __int128;
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

Wide Pow10(int n) {
  Wide r = 1;
  for (int i = 0; i < n; ++i) r *= 10;
  return r;
}

Result<Decimal> Narrow(Wide units, int scale) {
  if (units > kMax || units < -kMax) {
    return errors::InvalidValue("amount", "number out of range");
  }
  return Decimal::FromUnits(static_cast<std::int64_t>(units), scale);
}

// Divides by 10^drop rounding half to even.
Wide DivRoundHalfEven(Wide value, int drop) {
  if (drop <= 0) return value;
  const Wide div = Pow10(drop);
  Wide q = value / div;
  Wide r = value % div;
  const bool negative = value < 0;
  if (negative) r = -r;
  const Wide twice = r * 2;
  if (twice > div || (twice == div && (q % 2 != 0))) {
    q += negative ? -1 : 1;
  }
  return q;
}

}  // namespace

Decimal Decimal::FromUnits(std::int64_t units, int scale) { return Decimal(units, scale); }

Result<Decimal> Decimal::Parse(std::string_view text) {
  auto invalid = [&] {
    return errors::InvalidValue("amount", "'" + std::string(text.substr(0, 40)) +
                                              "' is not a decimal number like 1234.50");
  };
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && text[i] == '-') {
    negative = true;
    ++i;
  }
  Wide units = 0;
  int digits = 0;
  int scale = 0;
  bool seen_point = false;
  std::size_t int_digits = 0;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.') {
      if (seen_point || int_digits == 0) return invalid();
      seen_point = true;
      continue;
    }
    if (c < '0' || c > '9') return invalid();
    if (seen_point) {
      ++scale;
    } else {
      ++int_digits;
    }
    if (units != 0 || c != '0') ++digits;
    if (digits > 18 || scale > kMaxScale) return invalid();
    units = units * 10 + (c - '0');
  }
  if (int_digits == 0 || (seen_point && scale == 0)) return invalid();
  return Narrow(negative ? -units : units, scale);
}

std::string Decimal::ToString() const {
  Wide v = units_;
  const bool negative = v < 0;
  if (negative) v = -v;
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  } while (v != 0);
  while (static_cast<int>(digits.size()) <= scale_) digits.insert(digits.begin(), '0');
  if (scale_ > 0) digits.insert(digits.end() - scale_, '.');
  if (negative) digits.insert(digits.begin(), '-');
  return digits;
}

Result<Decimal> Decimal::RescaledHalfEven(int scale) const {
  if (scale >= scale_) return Narrow(Wide{units_} * Pow10(scale - scale_), scale);
  return Narrow(DivRoundHalfEven(units_, scale_ - scale), scale);
}

int Decimal::SignificantScale() const {
  int s = scale_;
  std::int64_t u = units_;
  while (s > 0 && u % 10 == 0) {
    u /= 10;
    --s;
  }
  return s;
}

Result<Decimal> Decimal::Add(const Decimal& other) const {
  const int s = std::max(scale_, other.scale_);
  return Narrow(Wide{units_} * Pow10(s - scale_) + Wide{other.units_} * Pow10(s - other.scale_),
                s);
}

Result<Decimal> Decimal::Sub(const Decimal& other) const { return Add(other.Negated()); }

Result<Decimal> Decimal::Mul(const Decimal& other) const {
  Wide product = Wide{units_} * Wide{other.units_};
  int s = scale_ + other.scale_;
  if (s > kMaxScale) {
    product = DivRoundHalfEven(product, s - kMaxScale);
    s = kMaxScale;
  }
  return Narrow(product, s);
}

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
  const int s = std::max(a.scale_, b.scale_);
  const Wide x = Wide{a.units_} * Pow10(s - a.scale_);
  const Wide y = Wide{b.units_} * Pow10(s - b.scale_);
  if (x < y) return std::strong_ordering::less;
  if (x > y) return std::strong_ordering::greater;
  return std::strong_ordering::equal;
}

namespace {
struct CurrencyInfo {
  std::string_view code;
  int exponent;
};
// ISO 4217 active codes with their minor units.
constexpr CurrencyInfo kCurrencies[] = {
    {"AED", 2}, {"AFN", 2}, {"ALL", 2}, {"AMD", 2}, {"ANG", 2}, {"AOA", 2}, {"ARS", 2},
    {"AUD", 2}, {"AWG", 2}, {"AZN", 2}, {"BAM", 2}, {"BBD", 2}, {"BDT", 2}, {"BGN", 2},
    {"BHD", 3}, {"BIF", 0}, {"BMD", 2}, {"BND", 2}, {"BOB", 2}, {"BRL", 2}, {"BSD", 2},
    {"BTN", 2}, {"BWP", 2}, {"BYN", 2}, {"BZD", 2}, {"CAD", 2}, {"CDF", 2}, {"CHF", 2},
    {"CLP", 0}, {"CNY", 2}, {"COP", 2}, {"CRC", 2}, {"CUP", 2}, {"CVE", 2}, {"CZK", 2},
    {"DJF", 0}, {"DKK", 2}, {"DOP", 2}, {"DZD", 2}, {"EGP", 2}, {"ERN", 2}, {"ETB", 2},
    {"EUR", 2}, {"FJD", 2}, {"FKP", 2}, {"GBP", 2}, {"GEL", 2}, {"GHS", 2}, {"GIP", 2},
    {"GMD", 2}, {"GNF", 0}, {"GTQ", 2}, {"GYD", 2}, {"HKD", 2}, {"HNL", 2}, {"HTG", 2},
    {"HUF", 2}, {"IDR", 2}, {"ILS", 2}, {"INR", 2}, {"IQD", 3}, {"IRR", 2}, {"ISK", 0},
    {"JMD", 2}, {"JOD", 3}, {"JPY", 0}, {"KES", 2}, {"KGS", 2}, {"KHR", 2}, {"KMF", 0},
    {"KPW", 2}, {"KRW", 0}, {"KWD", 3}, {"KYD", 2}, {"KZT", 2}, {"LAK", 2}, {"LBP", 2},
    {"LKR", 2}, {"LRD", 2}, {"LSL", 2}, {"LYD", 3}, {"MAD", 2}, {"MDL", 2}, {"MGA", 2},
    {"MKD", 2}, {"MMK", 2}, {"MNT", 2}, {"MOP", 2}, {"MRU", 2}, {"MUR", 2}, {"MVR", 2},
    {"MWK", 2}, {"MXN", 2}, {"MYR", 2}, {"MZN", 2}, {"NAD", 2}, {"NGN", 2}, {"NIO", 2},
    {"NOK", 2}, {"NPR", 2}, {"NZD", 2}, {"OMR", 3}, {"PAB", 2}, {"PEN", 2}, {"PGK", 2},
    {"PHP", 2}, {"PKR", 2}, {"PLN", 2}, {"PYG", 0}, {"QAR", 2}, {"RON", 2}, {"RSD", 2},
    {"RUB", 2}, {"RWF", 0}, {"SAR", 2}, {"SBD", 2}, {"SCR", 2}, {"SDG", 2}, {"SEK", 2},
    {"SGD", 2}, {"SHP", 2}, {"SLE", 2}, {"SOS", 2}, {"SRD", 2}, {"SSP", 2}, {"STN", 2},
    {"SVC", 2}, {"SYP", 2}, {"SZL", 2}, {"THB", 2}, {"TJS", 2}, {"TMT", 2}, {"TND", 3},
    {"TOP", 2}, {"TRY", 2}, {"TTD", 2}, {"TWD", 2}, {"TZS", 2}, {"UAH", 2}, {"UGX", 0},
    {"USD", 2}, {"UYU", 2}, {"UZS", 2}, {"VES", 2}, {"VND", 0}, {"VUV", 0}, {"WST", 2},
    {"XAF", 0}, {"XCD", 2}, {"XOF", 0}, {"XPF", 0}, {"YER", 2}, {"ZAR", 2}, {"ZMW", 2},
    {"ZWL", 2}, {"CLF", 4},
};

const CurrencyInfo* FindCurrency(std::string_view code) {
  for (const auto& c : kCurrencies) {
    if (c.code == code) return &c;
  }
  return nullptr;
}
}  // namespace

int CurrencyExponent(std::string_view iso_code) {
  const CurrencyInfo* c = FindCurrency(iso_code);
  return c != nullptr ? c->exponent : 2;
}

bool IsKnownCurrency(std::string_view iso_code) { return FindCurrency(iso_code) != nullptr; }

}  // namespace invoicer
