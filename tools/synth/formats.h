#pragma once

#include <string>
#include <string_view>

#include "common/money.h"
#include "common/time.h"
#include "synth/synth_invoice.h"

namespace invoicer::synth {

// A decimal with the style's grouping and decimal separators, keeping its scale:
// ("1234.5" at scale 2, kDotComma) -> "1.234,50".
std::string FormatNumber(const Decimal& value, NumberStyle style);

// A money amount as the document prints it: number style plus the currency where the look
// puts it ("€1,234.56", "1.234,56 EUR", "1'234.50" when the currency is only in a note).
std::string FormatMoney(const Decimal& amount, const SynthInvoice& invoice);
// As FormatMoney, but line amounts only carry the currency when the look says so.
std::string FormatLineMoney(const Decimal& amount, const SynthInvoice& invoice);

// A date in the style and language ("12. März 2024", "1er mars 2024", "03/12/2024").
std::string FormatDate(const Date& date, DateStyle style, Language language);

// A tax rate without the percent sign, in the number style ("19", "8,1", "5.5").
std::string FormatRate(const Decimal& rate, NumberStyle style);

// The month's name (1..12), full or abbreviated, in the language.
std::string_view MonthName(Language language, unsigned month, bool abbreviated);

// Replaces every "{key}" in `text` by `value`.
std::string Fill(std::string_view text, std::string_view key, std::string_view value);

}  // namespace invoicer::synth
