#pragma once

#include <string>

#include "domain/invoice.h"

namespace invoicer::extract {

// An invoice as a UBL 2.1 Invoice document (EN 16931 customisation) for
// `POST /v1/exports` with format ubl: the fields and line items of ours mapped back to their
// business terms (the inverse of ReadEInvoice's UBL mapping, so an export reads back to the
// same values). Fields the invoice lacks are left out, never invented. Returns UTF-8 XML.
// The pugixml adapter; a pure function, thread-safe, no errors.
std::string WriteUbl(const domain::Invoice& invoice);

}  // namespace invoicer::extract
