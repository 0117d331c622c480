#pragma once

#include "domain/invoice.h"
#include "extract/generic/document_scan.h"

namespace invoicer::extract::generic {

// The parties of an invoice, each added to `fields` when found: vendor_name and
// vendor_address from the seller's block when the document heads one ("Seller", "Verkäufer",
// "Fournisseur" with "Name:" / address lines) or else from the letterhead (the first lines
// of the first page: the line with a company's legal form, or the line just above the
// address, skipping titles, contact lines and registration numbers, and the address lines
// that follow up to the contact details); customer_name and customer_address from the
// block under a customer heading ("Bill to", "Rechnungsempfänger", "Client", ...).
void ExtractParties(const DocumentScan& scan, domain::FieldMap& fields);

}  // namespace invoicer::extract::generic
