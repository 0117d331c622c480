#include "store/sqlite/sqlite_invoice_row.h"

#include <cmath>

#include "codec/record_json.h"
#include "domain/validate.h"
#include "store/search_text.h"

namespace invoicer::store::sqlite {

namespace {

Error Unreadable(std::string_view what) {
  return errors::Internal("a stored invoice has an unreadable " + std::string(what));
}

std::optional<std::string> FieldText(const domain::FieldMap& fields, std::string_view name) {
  const auto it = fields.find(name);
  if (it == fields.end()) return std::nullopt;
  return it->second.value;
}

}  // namespace

std::string_view InvoiceColumns() {
  return "id, created_at, updated_at, state, review_version, needs_review, document_sha256, "
         "media_type, filename, size_bytes, pages, fields_json, line_items_json, "
         "extra_fields_json, issues_json, extraction_method, attempts, extraction_duration_ms, "
         "extraction_error, lease_holder, lease_expires_at, reject_reason, prev_state";
}

InvoiceRow ReadInvoiceRow(const Statement& s) {
  InvoiceRow r;
  r.id = s.Text(0);
  r.created_at = s.Int(1);
  r.updated_at = s.Int(2);
  r.state = s.Text(3);
  r.review_version = s.Int(4);
  r.needs_review = s.Int(5) != 0;
  r.sha256 = s.Text(6);
  r.media_type = s.Text(7);
  r.filename = s.Text(8);
  r.size_bytes = s.Int(9);
  r.pages = s.OptInt(10);
  r.fields_json = s.Text(11);
  r.line_items_json = s.Text(12);
  r.extra_fields_json = s.Text(13);
  r.issues_json = s.Text(14);
  r.extraction_method = s.OptText(15);
  r.attempts = s.Int(16);
  r.duration_ms = s.OptInt(17);
  r.extraction_error = s.OptText(18);
  r.lease_holder = s.OptText(19);
  r.lease_expires_at = s.OptInt(20);
  r.reject_reason = s.OptText(21);
  r.prev_state = s.OptText(22);
  return r;
}

namespace {

// Everything but the content: fields, line items and issues stay empty.
Result<domain::Invoice> DecodeHead(const InvoiceRow& r) {
  domain::Invoice inv;
  auto id = InvoiceId::Parse(r.id);
  if (!id) return Unreadable("id");
  inv.id = *id;
  inv.created_at = FromUnixMillis(r.created_at);
  inv.updated_at = FromUnixMillis(r.updated_at);
  auto state = domain::ParseState(r.state);
  if (!state) return Unreadable("state");
  inv.state = *state;
  inv.review_version = r.review_version;
  inv.needs_review = r.needs_review;
  inv.document =
      domain::DocumentInfo{r.sha256, r.media_type, r.filename, r.size_bytes,
                           r.pages ? std::optional<int>(static_cast<int>(*r.pages)) : std::nullopt};
  inv.extra_fields_json = r.extra_fields_json;
  inv.extraction.method = r.extraction_method.value_or("");
  inv.extraction.attempts = static_cast<int>(r.attempts);
  inv.extraction.duration_ms = r.duration_ms;
  inv.extraction.error = r.extraction_error;
  // A lease only means something while the invoice waits for review.
  if (r.lease_holder && r.lease_expires_at && inv.state == domain::ProcessingState::kExtracted) {
    inv.review_lease = domain::ReviewLease{*r.lease_holder, FromUnixMillis(*r.lease_expires_at)};
  }
  inv.reject_reason = r.reject_reason;
  return inv;
}

}  // namespace

Result<domain::Invoice> DecodeInvoice(const InvoiceRow& r) {
  auto inv = DecodeHead(r);
  if (!inv) return inv;
  auto fields = codec::FieldsFromJson(r.fields_json);
  if (!fields) return Unreadable("field map");
  inv->fields = std::move(*fields);
  auto items = codec::LineItemsFromJson(r.line_items_json);
  if (!items) return Unreadable("line item list");
  inv->line_items = std::move(*items);
  auto issues = codec::IssuesFromJson(r.issues_json);
  if (!issues) return Unreadable("issue list");
  inv->issues = std::move(*issues);
  return inv;
}

Result<domain::InvoiceView> DecodeView(InvoiceRow&& r) {
  auto head = DecodeHead(r);
  if (!head) return std::move(head).error();
  return domain::InvoiceView{std::move(*head), std::move(r.fields_json),
                             std::move(r.line_items_json), std::move(r.issues_json)};
}

ContentColumns MakeContent(const domain::FieldMap& fields,
                           const std::vector<domain::LineItem>& line_items,
                           const std::vector<domain::ValidationIssue>& issues, bool needs_review) {
  ContentColumns c;
  c.fields_json = codec::FieldsToJson(fields);
  c.line_items_json = codec::LineItemsToJson(line_items);
  c.issues_json = codec::IssuesToJson(issues);
  c.needs_review = needs_review;
  c.min_confidence_ppm = std::llround(domain::MinConfidence(fields) * 1'000'000.0);
  c.vendor_name = FieldText(fields, "vendor_name");
  c.invoice_number = FieldText(fields, "invoice_number");
  c.vendor_fold = FoldCase(c.vendor_name.value_or(""));
  c.number_fold = FoldCase(c.invoice_number.value_or(""));
  // One value per line, so that a search never matches across two values.
  for (const auto& [name, value] : fields) {
    c.search_fields += FoldCase(value.value);
    c.search_fields += '\n';
  }
  return c;
}

std::string_view ContentAssignments() {
  return "fields_json = ?, line_items_json = ?, issues_json = ?, needs_review = ?, "
         "min_confidence_ppm = ?, vendor_name = ?, invoice_number = ?, vendor_fold = ?, "
         "number_fold = ?, search_fields = ?";
}

void BindContent(Statement& s, const ContentColumns& c) {
  s.Bind(c.fields_json)
      .Bind(c.line_items_json)
      .Bind(c.issues_json)
      .Bind(std::int64_t{c.needs_review ? 1 : 0})
      .Bind(c.min_confidence_ppm)
      .Bind(c.vendor_name)
      .Bind(c.invoice_number)
      .Bind(c.vendor_fold)
      .Bind(c.number_fold)
      .Bind(c.search_fields);
}

Status AppendHistory(Connection& conn, const HistoryRow& h) {
  auto stmt = conn.Prepare(
      "INSERT INTO history (invoice_id, at, actor, action, from_state, to_state, "
      "review_version, changes_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  if (!stmt) return std::move(stmt).error();
  stmt->Bind(h.invoice_id)
      .Bind(h.at)
      .Bind(h.actor)
      .Bind(h.action)
      .Bind(h.from_state)
      .Bind(h.to_state)
      .Bind(h.review_version)
      .Bind(h.changes_json);
  return stmt->Run();
}

}  // namespace invoicer::store::sqlite
