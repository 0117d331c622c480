#include "extract/generic/generic_extractor.h"

#include <algorithm>
#include <utility>

#include "extract/generic/document_scan.h"
#include "extract/generic/identifiers.h"
#include "extract/generic/layout_index.h"
#include "extract/generic/line_items.h"
#include "extract/generic/parties.h"
#include "extract/generic/totals.h"

namespace invoicer::extract::generic {

namespace {

// The confidence of a date reading: a day/month order settled by the document's own dates
// is nearly as good as an unambiguous date; one settled only by the language less so; one
// not settled at all is flagged.
double DateConfidence(const DocumentScan& scan, const DateHit& d, double base,
                      const GenericOptions& options) {
  if (!d.token.Ambiguous()) return base;
  switch (scan.order_basis()) {
    case OrderBasis::kDocument:
      return std::min(base, 0.85);
    case OrderBasis::kLanguage:
      return std::min(base, 0.7);
    case OrderBasis::kNone:
      break;
  }
  return std::min(base, options.ambiguous_confidence);
}

void PutDate(const DocumentScan& scan, const DateHit& d, double base, const char* name,
             const GenericOptions& options, domain::FieldMap& fields) {
  const Date value = d.token.Value(scan.date_order());
  fields[name] =
      scan.index().MakeField(d.span, value.ToString(), DateConfidence(scan, d, base, options));
}

void ExtractDates(const DocumentScan& scan, const GenericOptions& options,
                  domain::FieldMap& fields) {
  const DateHit* invoice = nullptr;
  const DateHit* due = nullptr;
  const DateHit* unlabelled = nullptr;
  for (const DateHit& d : scan.dates()) {
    if (d.role == DateRole::kInvoiceDate) {
      // The most explicit label wins, then a label next to the value over a column heading
      // above it, then the first.
      auto rank = [](const DateHit& h) {
        return h.strength * 2 + (h.place == LabelPlace::kLeft ? 1 : 0);
      };
      if (invoice == nullptr || rank(d) > rank(*invoice)) invoice = &d;
    } else if (d.role == DateRole::kDueDate && due == nullptr) {
      due = &d;
    } else if (d.role == DateRole::kNone && unlabelled == nullptr &&
               scan.index().line(d.span.line).page_index == 0) {
      unlabelled = &d;
    }
  }
  if (invoice != nullptr) {
    PutDate(scan, *invoice, invoice->place == LabelPlace::kLeft ? 0.92 : 0.88, "invoice_date",
            options, fields);
  } else if (unlabelled != nullptr) {
    // Receipts print their date without a label: the first date of the first page.
    PutDate(scan, *unlabelled, 0.75, "invoice_date", options, fields);
  }
  if (due != nullptr)
    PutDate(scan, *due, due->place == LabelPlace::kLeft ? 0.9 : 0.85, "due_date", options, fields);
}

void PutMoney(const DocumentScan& scan, const std::optional<MoneyPick>& pick, const char* name,
              domain::FieldMap& fields) {
  if (!pick) return;
  fields[name] = scan.index().MakeField(scan.amounts()[pick->hit].span, pick->value.ToString(),
                                        pick->confidence);
}

}  // namespace

GenericExtractor::GenericExtractor(GenericOptions options) : options_(std::move(options)) {}

Result<domain::ExtractionResult> GenericExtractor::Extract(const TextDocument& doc) const {
  const LayoutIndex index(doc);
  if (index.lines().empty()) {
    return errors::UnreadableDocument("the document has no text to extract fields from");
  }
  DocumentScan scan(index, options_);
  const LineItemTable table = ExtractLineItems(scan);
  for (std::size_t hit : table.table_hits) scan.amounts()[hit].in_table = true;

  domain::ExtractionResult result;
  result.method = doc.source == domain::FieldSource::kOcr ? "generic:ocr" : "generic:text";
  result.pages = static_cast<int>(doc.pages.size());
  result.line_items = table.items;

  const MoneyFields money = ChooseMoney(scan, table.amount_hits, options_);
  PutMoney(scan, money.total, "total", result.fields);
  PutMoney(scan, money.subtotal, "subtotal", result.fields);
  PutMoney(scan, money.total_tax, "total_tax", result.fields);
  PutMoney(scan, money.amount_due, "amount_due", result.fields);
  ExtractDates(scan, options_, result.fields);
  ExtractIdentifiers(scan, result.fields);
  ExtractParties(scan, result.fields);
  return result;
}

}  // namespace invoicer::extract::generic
