#pragma once

#include <string_view>
#include <vector>

#include "domain/invoice.h"

namespace invoicer::extract {

// The cross-check of a hybrid PDF (Factur-X, ZUGFeRD, XRechnung): the XML is what is
// booked, the printed page is what a person reads, and they must agree. Returns one
// EINVOICE_MISMATCH issue (error) per field the XML has and the printed text does not show:
// the invoice number (compared without white space and case) and the total (any number in
// the text equal to it under either decimal mark, with or without thousands separators).
// Nothing when the printed text is empty (there is nothing to compare). Pure function.
std::vector<domain::ValidationIssue> CheckPrintedAgainstXml(const domain::FieldMap& xml_fields,
                                                            std::string_view printed_text);

}  // namespace invoicer::extract
