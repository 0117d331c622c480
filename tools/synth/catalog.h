#pragma once

#include <string>

#include "common/money.h"
#include "synth/rng.h"
#include "synth/synth_invoice.h"

namespace invoicer::synth {

// One line's goods or service before pricing: what is sold, in which unit, at what price
// and quantity (unit price at `price_scale` places; quantities may be fractional for hours).
struct CatalogPick {
  std::string description;
  std::string unit;
  Decimal unit_price;  // in the home currency's major unit at its own scale
  Decimal quantity;
};

// Draws a line from a catalogue of goods and services typical of small-business invoices,
// described in the document's language (occasionally with a period or ticket reference,
// as real invoices add). `price_factor` scales prices for the currency (JPY about 150).
// `exponent` is the currency's number of decimals.
CatalogPick PickCatalogItem(Language language, int exponent, std::int64_t price_factor,
                            const Date& invoice_date, Rng& rng);

}  // namespace invoicer::synth
