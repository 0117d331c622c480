#pragma once

#include <string>

#include "synth/synth_invoice.h"

namespace invoicer::synth {

// The ground truth of one document in the corpus truth format (as
// ../shared/corpus/einvoice-dev truth files): invoice_number, invoice_date, due_date,
// currency, vendor_name, vendor_address, vendor_tax_id, customer_name, customer_address,
// customer_tax_id, purchase_order, subtotal, total_tax, total, amount_due, iban, bic,
// payment_terms, line_items. Only what the page prints is included; dates are YYYY-MM-DD,
// amounts decimal strings at the currency's places, VAT ids and IBANs compact, addresses
// one line per printed line joined with "\n". Pretty-printed JSON with a final newline.
std::string TruthJson(const SynthInvoice& inv);

}  // namespace invoicer::synth
