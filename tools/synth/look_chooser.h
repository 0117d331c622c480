#pragma once

#include <vector>

#include "synth/rng.h"
#include "synth/synth_invoice.h"

namespace invoicer::synth {

// Presentation choices drawn from the conventions of the document's language and the
// vendor's country, weighted as they occur on real invoices: how numbers, dates and the
// currency are written, which table columns appear, and the page design.

NumberStyle PickNumberStyle(Language language, Country country, Rng& rng);
DateStyle PickDateStyle(Language language, Country country, Rng& rng);
CurrencyDisplay PickCurrencyDisplay(Language language, bool has_symbol, Rng& rng);
// Column order and set of the line table; a tax-rate column whenever rates are mixed.
std::vector<Column> PickColumns(bool mixed_rates, int item_count, Rng& rng);
// Paper, font, colours, page plan, block placement, table and footer style of `inv.look`
// (its language and vendor must be set).
void ChooseLayout(SynthInvoice& inv, Rng& rng);

}  // namespace invoicer::synth
