#pragma once

#include "synth/drawing.h"
#include "synth/synth_invoice.h"
#include "synth/text_measurer.h"

namespace invoicer::synth {

// Lays an invoice out as a Drawing following its Look: letterhead, recipient and meta
// blocks in one of three page plans, the line table flowing over up to a few pages, totals,
// notes and footer. Pure (depends only on the invoice and the measurer's metrics).
Drawing LayoutInvoice(const SynthInvoice& inv, const TextMeasurer& measurer);

}  // namespace invoicer::synth
