#pragma once

#include "domain/invoice.h"
#include "extract/generic/document_scan.h"

namespace invoicer::extract::generic {

// The identifying fields of an invoice, each added to `fields` when found:
// invoice_number and purchase_order (the identifier right of or below its label, or after the
// document title), iban (mod-97 valid, also when wrapped onto the next line), bic (after its
// label), vendor_tax_id / customer_tax_id (VAT ids valid by their country's rules, assigned
// to the party whose block they are in; other labelled tax numbers with less confidence),
// currency (ISO codes and symbols by vote, or the euro area country of the vendor's ids),
// payment_terms (the text after its label).
void ExtractIdentifiers(const DocumentScan& scan, domain::FieldMap& fields);

}  // namespace invoicer::extract::generic
