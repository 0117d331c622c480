#pragma once

#include "domain/invoice.h"
#include "extract/generic/document_scan.h"

namespace invoicer::extract::generic {

// vendor_name and vendor_address from the letterhead, unless already found: the first lines
// of the first page up to the body (a labelled amount, a customer block, the line-item
// table), without titles, contact details, registration numbers, a logo's monogram and
// courtesy lines. The name is the line that says who owns the brand ("Dimiliki oleh ... Sdn
// Bhd"), else the first line naming a company's legal form before the address, else the
// company printed with its registration number after it, else the line just above the
// address, else the first line; joined with the lines that continue it (an open end or
// parenthesis, a line beginning with the legal form or the kind of business) and without its
// registration number. The address is the first run of address lines after the name that
// names a numbered street, a building or a postcode and town (a branch line such as
// "BENTONG-2" is skipped), up to the contact details, the postcode and town and, at most,
// the region after them; middle dots between its parts become line breaks.
void ReadLetterhead(const DocumentScan& scan, domain::FieldMap& fields);

}  // namespace invoicer::extract::generic
