#pragma once

#include <cstdint>

#include "synth/synth_invoice.h"

namespace invoicer::synth {

// Generates document `index` of the corpus `seed`: vendor and customer, dates, line items
// with exact arithmetic (line amount = quantity x unit price rounded half-even to the
// currency's places, tax per rate on the rate's net sum, subtotal + tax = total), bank and
// tax identifiers with valid check digits, and every presentation choice (language, number
// and date style, currency display, layout). Depends only on (seed, index, max_items).
SynthInvoice GenerateInvoice(std::uint64_t seed, std::uint64_t index, int max_items);

// The most line items a document gets.
inline constexpr int kMaxLineItems = 25;

}  // namespace invoicer::synth
