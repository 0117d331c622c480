#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/time.h"
#include "domain/invoice.h"

namespace invoicer::domain {

// What validation needs besides the invoice itself.
struct ValidationContext {
  Date today;                                 // for FUTURE_DATE
  std::vector<std::string> duplicate_ids;     // other invoices with the same vendor + number
  double confidence_threshold = 0.9;          // for needs_review
};

// Runs every rule and returns its findings (empty when the invoice is clean):
// MISSING_REQUIRED_FIELD (error), TOTAL_MISMATCH (subtotal + total_tax != total, error),
// LINE_ITEMS_MISMATCH (sum of line amounts != subtotal, or != total when no subtotal,
// error), DUE_BEFORE_INVOICE_DATE (error), INVALID_IBAN (mod 97, error), INVALID_VAT_ID
// (per-country format and check digits where defined, warning), DUPLICATE_INVOICE
// (warning), FUTURE_DATE (invoice date after today, warning), INVALID_FIELD_VALUE (a date,
// amount or currency field whose value is not of its form, error). Extractor findings
// (EINVOICE_MISMATCH) are passed in `extra` and kept.
std::vector<ValidationIssue> Validate(const FieldMap& fields, const std::vector<LineItem>& items,
                                      const ValidationContext& context,
                                      const std::vector<ValidationIssue>& extra = {});

// True for the codes Validate's own rules produce; other codes are extractor findings
// (EINVOICE_MISMATCH), which a re-validation after a human edit carries over.
bool IsRuleCode(std::string_view code);

// API.md: a required field missing, a field below the threshold, or an error-level issue.
bool NeedsReview(const FieldMap& fields, const std::vector<ValidationIssue>& issues,
                 double confidence_threshold);

// Validate (the action) refuses while a required field is missing or an error-level issue
// stands.
bool BlocksValidation(const FieldMap& fields, const std::vector<ValidationIssue>& issues);

// The lowest confidence among the fields (1 when there are none); review/next order.
double MinConfidence(const FieldMap& fields);

// IBAN: ISO 13616 length per country and mod-97 check. Input without spaces, upper-case.
bool IsValidIban(std::string_view iban);
// VAT id: per-country format and check digits where defined (DE, FR, IT, NL, BE, ES, AT, ...).
bool IsValidVatId(std::string_view vat_id);

}  // namespace invoicer::domain
