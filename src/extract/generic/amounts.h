#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/money.h"

namespace invoicer::extract::generic {

// Which character separates the decimals in a document's numbers.
enum class DecimalMark { kUnknown, kDot, kComma };

// A number written in text ("1.234,56", "$1,234.56", "12,50 €", "5.59-", "(3.00)") with its
// value under either decimal mark, read straight from the digits into a Decimal. A reading
// is absent when the text cannot mean a number under that mark ("12.50" with a decimal
// comma); both are present and differ when the text alone is ambiguous ("1.234").
struct AmountToken {
  std::size_t begin = 0;  // bytes in the text searched
  std::size_t end = 0;
  std::optional<Decimal> dot;    // '.' is the decimal mark
  std::optional<Decimal> comma;  // ',' is the decimal mark
  std::string currency;          // ISO code written next to the number, if any
  double currency_confidence = 0;
  bool has_separator = false;  // the digits contain '.' or ','

  bool Ambiguous() const { return dot && comma && *dot != *comma; }
  // What this number says about the document's decimal mark (kUnknown: nothing).
  DecimalMark Evidence() const;
  // The value under `mark`; under kUnknown, or when the text cannot be read that way (an OCR
  // slip), the reading that exists, preferring the decimal point when both do.
  Decimal Value(DecimalMark mark) const;
  // True when the value has decimals as written under `mark` ("12.50", not "12").
  bool HasDecimals(DecimalMark mark) const;
};

// Every number in `text` that can be an amount: not part of a date, time, phone number,
// identifier or percentage.
std::vector<AmountToken> FindAmounts(std::string_view text);

// `text` read as exactly one amount (surrounding spaces and a currency allowed).
std::optional<AmountToken> ParseAmount(std::string_view text);

// The currency a symbol or code stands for ("€" -> EUR, "RM" -> MYR, "EUR" -> EUR), with
// how sure that reading is ("$" is used by many currencies: USD, low).
struct CurrencyReading {
  std::string code;
  double confidence = 0;
};
std::optional<CurrencyReading> ReadCurrency(std::string_view token);

}  // namespace invoicer::extract::generic
