#pragma once

#include <string>
#include <vector>

#include "domain/invoice.h"

namespace invoicer::app {

// The CSV export of API.md: a header row and one row per invoice with the columns id,
// vendor_name, vendor_tax_id, invoice_number, invoice_date, due_date, currency, subtotal,
// total_tax, total, amount_due, iban, purchase_order (absent fields empty). RFC 4180: CRLF
// line ends, a value holding a comma, quote, CR or LF is quoted with quotes doubled. The
// header row is written even for no invoices.
std::string InvoicesToCsv(const std::vector<domain::Invoice>& invoices);

}  // namespace invoicer::app
