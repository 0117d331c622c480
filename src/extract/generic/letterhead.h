#pragma once

#include "domain/invoice.h"
#include "extract/generic/document_scan.h"

namespace invoicer::extract::generic {

// vendor_name and vendor_address from the letterhead, unless already found: the first lines
// of the first page up to the body (a labelled amount, a customer block, the line-item
// table), without titles, contact details, registration numbers and courtesy lines. The
// name is the first line naming a company's legal form before the address (else the line
// just above the address, else the first line), joined with a line that continues it and
// without its registration number; the address runs from the first address-like line after
// it to the postcode and town and, at most, the region after them.
void ReadLetterhead(const DocumentScan& scan, domain::FieldMap& fields);

}  // namespace invoicer::extract::generic
