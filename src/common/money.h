#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"

namespace invoicer {

// An exact decimal number: an integer of units and a scale (units * 10^-scale). Used for
// every amount, quantity, unit price and tax rate; never a binary float. The scale is kept
// as written ("20.50" has scale 2), so values round-trip as the user wrote them. Values
// with up to 18 significant digits are representable; arithmetic that would overflow
// returns an error rather than wrapping. A plain value type; thread-compatible.
class Decimal {
 public:
  static constexpr int kMaxScale = 12;

  Decimal() = default;
  static Decimal FromUnits(std::int64_t units, int scale);

  // Parses the API's strict form `-?[0-9]+(\.[0-9]+)?`. Anything else (exponents, spaces,
  // thousands separators, "+1", ".5") is kInvalidInput.
  [[nodiscard]] static Result<Decimal> Parse(std::string_view text);

  std::int64_t units() const { return units_; }
  int scale() const { return scale_; }
  bool IsZero() const { return units_ == 0; }
  bool IsNegative() const { return units_ < 0; }

  // The canonical text form, keeping the scale: "-12.50".
  std::string ToString() const;

  // The same value at `scale` places, rounding half-to-even when places are dropped.
  // Fails only on overflow.
  [[nodiscard]] Result<Decimal> RescaledHalfEven(int scale) const;
  // Number of places after dropping trailing zeros ("12.500" -> 1).
  int SignificantScale() const;

  [[nodiscard]] Result<Decimal> Add(const Decimal& other) const;
  [[nodiscard]] Result<Decimal> Sub(const Decimal& other) const;
  // Exact product; its scale is the sum of the scales (capped by rounding half-even at
  // kMaxScale).
  [[nodiscard]] Result<Decimal> Mul(const Decimal& other) const;
  Decimal Negated() const { return FromUnits(-units_, scale_); }
  Decimal Abs() const { return units_ < 0 ? Negated() : *this; }

  // Numeric comparison across scales ("1.50" == "1.5").
  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);
  friend bool operator==(const Decimal& a, const Decimal& b) { return (a <=> b) == 0; }

 private:
  Decimal(std::int64_t units, int scale) : units_(units), scale_(scale) {}
  std::int64_t units_ = 0;
  int scale_ = 0;
};

// ISO 4217 helpers.
// The minor-unit exponent of a currency (EUR 2, JPY 0, BHD 3); 2 for codes not in the table.
int CurrencyExponent(std::string_view iso_code);
// True for a three-letter upper-case code in the ISO 4217 active list.
bool IsKnownCurrency(std::string_view iso_code);

}  // namespace invoicer
