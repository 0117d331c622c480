#include "synth/truth_json.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace invoicer::synth {
namespace {

bool Has(const std::vector<Column>& columns, Column kind) {
  return std::find(columns.begin(), columns.end(), kind) != columns.end();
}

std::string Lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += (out.empty() ? "" : "\n") + line;
  return out;
}

std::string Rate(const Decimal& rate) {
  return rate.RescaledHalfEven(rate.SignificantScale()).value().ToString();
}

}  // namespace

std::string TruthJson(const SynthInvoice& inv) {
  const Look& look = inv.look;
  nlohmann::ordered_json j;
  j["invoice_number"] = inv.invoice_number;
  j["invoice_date"] = inv.invoice_date.ToString();
  if (look.show_due_date || look.due_in_terms) j["due_date"] = inv.due_date.ToString();
  j["currency"] = inv.currency;
  j["vendor_name"] = inv.vendor.name;
  j["vendor_address"] = Lines(inv.vendor.address_lines);
  if (look.show_vendor_vat) j["vendor_tax_id"] = inv.vendor.vat_compact;
  j["customer_name"] = inv.customer.name;
  j["customer_address"] = Lines(inv.customer.address_lines);
  if (look.show_customer_vat) j["customer_tax_id"] = inv.customer.vat_compact;
  if (look.show_order_ref) j["purchase_order"] = inv.purchase_order;
  j["subtotal"] = inv.subtotal.ToString();
  j["total_tax"] = inv.total_tax.ToString();
  j["total"] = inv.total.ToString();
  j["amount_due"] = inv.amount_due.ToString();
  if (look.show_iban) j["iban"] = inv.iban;
  if (look.show_bic) j["bic"] = inv.bic;
  if (look.show_terms) j["payment_terms"] = inv.payment_terms;
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  for (const SynthLine& line : inv.lines) {
    nlohmann::ordered_json item;
    item["description"] = line.description;
    if (Has(look.columns, Column::kQuantity)) item["quantity"] = line.quantity.ToString();
    if (Has(look.columns, Column::kUnitPrice)) item["unit_price"] = line.unit_price.ToString();
    item["amount"] = line.amount.ToString();
    if (Has(look.columns, Column::kTaxRate)) item["tax_rate"] = Rate(line.tax_rate);
    items.push_back(std::move(item));
  }
  j["line_items"] = std::move(items);
  return j.dump(2) + "\n";
}

}  // namespace invoicer::synth
