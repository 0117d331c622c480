#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "domain/invoice.h"

namespace invoicer::extract {

// What a structured e-invoice says, mapped from the EN 16931 business terms to our fields.
struct EInvoice {
  std::string syntax;  // "ubl" (Invoice, CreditNote) or "cii" (CrossIndustryInvoice, ZUGFeRD 1.0)
  domain::FieldMap fields;  // source einvoice, confidence 1, page 0, no box
  std::vector<domain::LineItem> line_items;
};

// Reads a UBL 2.1 Invoice or CreditNote, a UN/CEFACT CII D16B CrossIndustryInvoice
// (Factur-X, ZUGFeRD 2, XRechnung) or a ZUGFeRD 1.0 CrossIndustryDocument exactly: values as
// written (amounts keep their scale), dates as YYYY-MM-DD, IBAN without spaces. The pugixml
// adapter. A document with a DOCTYPE is refused, so no entity (external or internal) is
// ever resolved or expanded. Pure function; thread-safe. Errors: kUnreadableDocument (not
// well-formed XML, a DOCTYPE, not one of these invoice roots).
[[nodiscard]] Result<EInvoice> ReadEInvoice(std::string_view xml);

}  // namespace invoicer::extract
