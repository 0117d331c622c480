#include "domain/invoice.h"

#include <algorithm>

namespace invoicer::domain {

namespace {
constexpr std::array<std::string_view, 7> kStateNames{
    "PENDING", "PROCESSING", "EXTRACTED", "VALIDATED", "EXPORTED", "FAILED", "REJECTED"};
constexpr std::array<std::string_view, 5> kSourceNames{"einvoice", "template", "text", "ocr",
                                                       "human"};
constexpr FieldSpec kFields[] = {
    {"vendor_name", FieldKind::kText, true},       {"vendor_address", FieldKind::kText, false},
    {"vendor_tax_id", FieldKind::kText, false},    {"customer_name", FieldKind::kText, false},
    {"customer_address", FieldKind::kText, false}, {"customer_tax_id", FieldKind::kText, false},
    {"invoice_number", FieldKind::kText, true},    {"invoice_date", FieldKind::kDate, true},
    {"due_date", FieldKind::kDate, false},         {"purchase_order", FieldKind::kText, false},
    {"currency", FieldKind::kCurrency, true},      {"subtotal", FieldKind::kMoney, false},
    {"total_tax", FieldKind::kMoney, false},       {"total", FieldKind::kMoney, true},
    {"amount_due", FieldKind::kMoney, false},      {"payment_terms", FieldKind::kText, false},
    {"iban", FieldKind::kIban, false},             {"bic", FieldKind::kBic, false},
};
constexpr std::string_view kProtected[] = {
    "id",       "created_at", "updated_at",   "review_version", "processing_state", "document",
    "extraction", "validation", "needs_review", "extra_fields", "review_lease", "history"};
}  // namespace

std::string_view ToString(ProcessingState s) { return kStateNames[static_cast<std::size_t>(s)]; }

std::optional<ProcessingState> ParseState(std::string_view text) {
  for (std::size_t i = 0; i < kStateNames.size(); ++i) {
    if (kStateNames[i] == text) return static_cast<ProcessingState>(i);
  }
  return std::nullopt;
}

std::string_view ToString(FieldSource s) { return kSourceNames[static_cast<std::size_t>(s)]; }

std::optional<FieldSource> ParseSource(std::string_view text) {
  for (std::size_t i = 0; i < kSourceNames.size(); ++i) {
    if (kSourceNames[i] == text) return static_cast<FieldSource>(i);
  }
  return std::nullopt;
}

std::string_view ToString(Severity s) { return s == Severity::kError ? "error" : "warning"; }

std::span<const FieldSpec> AllFields() { return kFields; }

const FieldSpec* FindField(std::string_view name) {
  for (const auto& f : kFields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

bool IsProtectedName(std::string_view name) {
  return std::find(std::begin(kProtected), std::end(kProtected), name) != std::end(kProtected);
}

}  // namespace invoicer::domain
