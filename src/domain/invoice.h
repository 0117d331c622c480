#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/ids.h"
#include "common/money.h"
#include "common/time.h"

namespace invoicer::domain {

// The processing states of API.md.
enum class ProcessingState { kPending, kProcessing, kExtracted, kValidated, kExported, kFailed, kRejected };
inline constexpr std::array<ProcessingState, 7> kAllStates{
    ProcessingState::kPending,   ProcessingState::kProcessing, ProcessingState::kExtracted,
    ProcessingState::kValidated, ProcessingState::kExported,   ProcessingState::kFailed,
    ProcessingState::kRejected};
std::string_view ToString(ProcessingState s);  // "PENDING"
std::optional<ProcessingState> ParseState(std::string_view text);

// Where a field value came from.
enum class FieldSource { kEInvoice, kTemplate, kText, kOcr, kHuman };
std::string_view ToString(FieldSource s);  // "einvoice", "template", "text", "ocr", "human"
std::optional<FieldSource> ParseSource(std::string_view text);

// A box on a page: PDF points for PDFs (origin top-left, y down), pixels for images.
struct BoundingBox {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  friend bool operator==(const BoundingBox&, const BoundingBox&) = default;
};

// One extracted or corrected field value. `value` is the canonical text: dates YYYY-MM-DD,
// amounts as decimal strings, currency as ISO code, IBAN without spaces, upper-case.
struct FieldValue {
  std::string value;
  double confidence = 0;
  FieldSource source = FieldSource::kText;
  int page = 0;  // 1-based; 0 when unknown (e-invoice XML)
  std::optional<BoundingBox> bbox;
  friend bool operator==(const FieldValue&, const FieldValue&) = default;
};

// Keyed by the API field name ("invoice_number"); a field that was not found is absent.
using FieldMap = std::map<std::string, FieldValue, std::less<>>;

struct LineItem {
  std::string description;
  std::optional<Decimal> quantity;
  std::optional<Decimal> unit_price;
  std::optional<Decimal> amount;
  std::optional<Decimal> tax_rate;
  friend bool operator==(const LineItem&, const LineItem&) = default;
};

enum class Severity { kError, kWarning };
std::string_view ToString(Severity s);  // "error", "warning"

// A finding of validation (domain/validate.h). `code` is one of the API codes
// (TOTAL_MISMATCH, MISSING_REQUIRED_FIELD, ...); `fields` names the fields involved.
struct ValidationIssue {
  std::string code;
  Severity severity = Severity::kError;
  std::string message;
  std::vector<std::string> fields;
  friend bool operator==(const ValidationIssue&, const ValidationIssue&) = default;
};

struct DocumentInfo {
  std::string sha256;  // lower-case hex of the original bytes
  std::string media_type;
  std::string filename;
  std::int64_t size_bytes = 0;
  std::optional<int> pages;
};

struct ExtractionInfo {
  std::string method;  // e.g. "einvoice:ubl", "template:Acme", "generic:text", "generic:ocr"
  int attempts = 0;    // claims so far
  std::optional<std::int64_t> duration_ms;
  std::optional<std::string> error;
};

struct ReviewLease {
  std::string holder;
  Timestamp expires_at;
};

// The invoice record of API.md. System fields (id, created_at, updated_at, state,
// review_version) are written by the store only.
struct Invoice {
  InvoiceId id;
  Timestamp created_at;
  Timestamp updated_at;
  ProcessingState state = ProcessingState::kPending;
  std::int64_t review_version = 1;
  bool needs_review = true;
  DocumentInfo document;
  FieldMap fields;
  std::string extra_fields_json = "{}";  // a JSON object: template fields without a name of ours
  std::vector<LineItem> line_items;
  std::vector<ValidationIssue> issues;
  ExtractionInfo extraction;
  std::optional<ReviewLease> review_lease;
  std::optional<std::string> reject_reason;
};

// An invoice for showing: the record with its content (fields, line items, validation
// issues) still in the stores' JSON encoding (codec/record_json.h: FieldsToJson,
// LineItemsToJson, IssuesToJson), so that reads which only show an invoice never decode it.
// `head` holds everything else; its fields, line_items and issues stay empty.
struct InvoiceView {
  Invoice head;
  std::string fields_json = "{}";
  std::string line_items_json = "[]";
  std::string issues_json = "[]";
};

// What an extractor produces for one document (extract/extractor.h), before validation.
struct ExtractionResult {
  FieldMap fields;
  std::vector<LineItem> line_items;
  std::string extra_fields_json = "{}";
  std::string method;
  std::optional<int> pages;
  std::optional<std::string> template_name;
  // Findings only the extractor can make (e.g. EINVOICE_MISMATCH on a hybrid PDF).
  std::vector<ValidationIssue> issues;
};

// The catalogue of API field names.
enum class FieldKind { kText, kDate, kMoney, kCurrency, kIban, kBic };
struct FieldSpec {
  std::string_view name;
  FieldKind kind;
  bool required;  // required for validation (vendor_name, invoice_number, invoice_date, total, currency)
};
std::span<const FieldSpec> AllFields();
const FieldSpec* FindField(std::string_view name);
// Names only the system writes, at the top level of a PATCH body or inside `fields`
// (id, created_at, updated_at, review_version, processing_state, document, extraction,
// validation, needs_review, extra_fields, review_lease).
bool IsProtectedName(std::string_view name);

}  // namespace invoicer::domain
