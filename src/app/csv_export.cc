#include "app/csv_export.h"

#include <array>
#include <string_view>

namespace invoicer::app {

namespace {

constexpr std::array<std::string_view, 12> kFieldColumns{
    "vendor_name", "vendor_tax_id", "invoice_number", "invoice_date", "due_date", "currency",
    "subtotal",    "total_tax",     "total",          "amount_due",   "iban",     "purchase_order"};

void AppendCell(std::string& out, std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.append(value);
    return;
  }
  out.push_back('"');
  for (const char c : value) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

}  // namespace

std::string InvoicesToCsv(const std::vector<domain::Invoice>& invoices) {
  std::string out = "id";
  for (const std::string_view column : kFieldColumns) {
    out.push_back(',');
    out.append(column);
  }
  out.append("\r\n");
  for (const domain::Invoice& invoice : invoices) {
    AppendCell(out, invoice.id.str());
    for (const std::string_view column : kFieldColumns) {
      out.push_back(',');
      const auto it = invoice.fields.find(column);
      if (it != invoice.fields.end()) AppendCell(out, it->second.value);
    }
    out.append("\r\n");
  }
  return out;
}

}  // namespace invoicer::app
