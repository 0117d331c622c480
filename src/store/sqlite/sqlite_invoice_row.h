#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "domain/invoice.h"
#include "domain/review.h"
#include "store/sqlite/sqlite_connection.h"

// Internal to the SQLite store: the mapping between invoice rows and domain records.
namespace invoicer::store::sqlite {

// The raw columns of one invoice row, read on the connection's thread and decoded later
// (DecodeInvoice) on the caller's, so the writer thread does not spend time on JSON.
struct InvoiceRow {
  std::string id;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  std::string state;
  std::int64_t review_version = 0;
  bool needs_review = true;
  std::string sha256;
  std::string media_type;
  std::string filename;
  std::int64_t size_bytes = 0;
  std::optional<std::int64_t> pages;
  std::string fields_json;
  std::string line_items_json;
  std::string extra_fields_json;
  std::string issues_json;
  std::optional<std::string> extraction_method;
  std::int64_t attempts = 0;
  std::optional<std::int64_t> duration_ms;
  std::optional<std::string> extraction_error;
  std::optional<std::string> lease_holder;
  std::optional<std::int64_t> lease_expires_at;
  std::optional<std::string> reject_reason;
  std::optional<std::string> prev_state;  // the state before the UPDATE that returned the row
};

// The column list every invoice query selects (or RETURNs), in ReadInvoiceRow's order.
std::string_view InvoiceColumns();
InvoiceRow ReadInvoiceRow(const Statement& stmt);
// kInternal when a stored value is unreadable (a bug or a damaged database).
[[nodiscard]] Result<domain::Invoice> DecodeInvoice(const InvoiceRow& row);
// The row as a view: the system columns decoded, the content JSON moved in as it is.
[[nodiscard]] Result<domain::InvoiceView> DecodeView(InvoiceRow&& row);

// The columns derived from an invoice's reviewable content: its JSON and the columns that
// filters and the review order use.
struct ContentColumns {
  std::string fields_json;
  std::string line_items_json;
  std::string issues_json;
  bool needs_review = true;
  std::int64_t min_confidence_ppm = 0;
  std::optional<std::string> vendor_name;
  std::optional<std::string> invoice_number;
  std::string vendor_fold;
  std::string number_fold;
  std::string search_fields;
};
ContentColumns MakeContent(const domain::FieldMap& fields,
                           const std::vector<domain::LineItem>& line_items,
                           const std::vector<domain::ValidationIssue>& issues, bool needs_review);
// "fields_json = ?, ..., search_fields = ?" for an UPDATE's SET list; BindContent binds
// its parameters in that order.
std::string_view ContentAssignments();
void BindContent(Statement& stmt, const ContentColumns& content);

// One audit-trail entry to append in the same transaction as its change.
struct HistoryRow {
  std::string invoice_id;
  std::int64_t at = 0;
  std::string actor;
  std::string action;
  std::optional<std::string> from_state;
  std::optional<std::string> to_state;
  std::int64_t review_version = 0;
  std::string changes_json = "{}";
};
[[nodiscard]] Status AppendHistory(Connection& conn, const HistoryRow& row);

}  // namespace invoicer::store::sqlite
