#include "extract/ubl_writer.h"

#include <pugixml.hpp>

#include <sstream>

namespace invoicer::extract {

namespace {

using pugi::xml_node;

const domain::FieldValue* Field(const domain::Invoice& invoice, std::string_view name) {
  const auto it = invoice.fields.find(name);
  return it == invoice.fields.end() || it->second.value.empty() ? nullptr : &it->second;
}

xml_node Add(xml_node parent, const char* name) { return parent.append_child(name); }

xml_node AddText(xml_node parent, const char* name, const std::string& text) {
  xml_node n = parent.append_child(name);
  n.text().set(text.c_str());
  return n;
}

// Appends `name` with the field's value when the invoice has that field.
void AddField(xml_node parent, const char* name, const domain::Invoice& invoice,
              std::string_view field) {
  if (const domain::FieldValue* v = Field(invoice, field)) AddText(parent, name, v->value);
}

class AmountWriter {
 public:
  explicit AmountWriter(std::string currency) : currency_(std::move(currency)) {}
  void Add(xml_node parent, const char* name, const std::string& value) const {
    xml_node n = AddText(parent, name, value);
    if (!currency_.empty()) n.append_attribute("currencyID").set_value(currency_.c_str());
  }
  void AddField(xml_node parent, const char* name, const domain::Invoice& invoice,
                std::string_view field) const {
    if (const domain::FieldValue* v = Field(invoice, field)) Add(parent, name, v->value);
  }

 private:
  std::string currency_;
};

void AddParty(xml_node parent, const char* role, const domain::Invoice& invoice,
              std::string_view name_field, std::string_view address_field,
              std::string_view tax_field) {
  xml_node party = Add(Add(parent, role), "cac:Party");
  if (const domain::FieldValue* name = Field(invoice, name_field)) {
    AddText(Add(party, "cac:PartyName"), "cbc:Name", name->value);
  }
  if (const domain::FieldValue* address = Field(invoice, address_field)) {
    AddText(Add(party, "cac:PostalAddress"), "cbc:StreetName", address->value);
  }
  if (const domain::FieldValue* tax = Field(invoice, tax_field)) {
    xml_node scheme = Add(party, "cac:PartyTaxScheme");
    AddText(scheme, "cbc:CompanyID", tax->value);
    AddText(Add(scheme, "cac:TaxScheme"), "cbc:ID", "VAT");
  }
  if (const domain::FieldValue* name = Field(invoice, name_field)) {
    AddText(Add(party, "cac:PartyLegalEntity"), "cbc:RegistrationName", name->value);
  }
}

void AddLine(xml_node root, std::size_t index, const domain::LineItem& item,
             const AmountWriter& amounts) {
  xml_node line = Add(root, "cac:InvoiceLine");
  AddText(line, "cbc:ID", std::to_string(index + 1));
  if (item.quantity) {
    // C62 ("one", a unit count): our line items carry no unit of measure.
    AddText(line, "cbc:InvoicedQuantity", item.quantity->ToString())
        .append_attribute("unitCode")
        .set_value("C62");
  }
  std::optional<Decimal> amount = item.amount;
  if (!amount && item.quantity && item.unit_price) {
    if (auto product = item.quantity->Mul(*item.unit_price)) amount = *product;
  }
  if (amount) amounts.Add(line, "cbc:LineExtensionAmount", amount->ToString());
  xml_node product = Add(line, "cac:Item");
  AddText(product, "cbc:Name", item.description);
  if (item.tax_rate) {
    xml_node category = Add(product, "cac:ClassifiedTaxCategory");
    // S: the standard rate category; a rate of zero is Z (zero rated goods).
    AddText(category, "cbc:ID", item.tax_rate->IsZero() ? "Z" : "S");
    AddText(category, "cbc:Percent", item.tax_rate->ToString());
    AddText(Add(category, "cac:TaxScheme"), "cbc:ID", "VAT");
  }
  if (item.unit_price) amounts.Add(Add(line, "cac:Price"), "cbc:PriceAmount", item.unit_price->ToString());
}

}  // namespace

std::string WriteUbl(const domain::Invoice& invoice) {
  pugi::xml_document doc;
  xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version").set_value("1.0");
  decl.append_attribute("encoding").set_value("UTF-8");
  xml_node root = doc.append_child("Invoice");
  root.append_attribute("xmlns").set_value("urn:oasis:names:specification:ubl:schema:xsd:Invoice-2");
  root.append_attribute("xmlns:cac").set_value(
      "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2");
  root.append_attribute("xmlns:cbc").set_value(
      "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2");

  const domain::FieldValue* currency = Field(invoice, "currency");
  const AmountWriter amounts(currency ? currency->value : std::string());

  // Element order follows the UBL 2.1 Invoice schema (xsd:sequence).
  AddText(root, "cbc:CustomizationID", "urn:cen.eu:en16931:2017");
  AddField(root, "cbc:ID", invoice, "invoice_number");
  AddField(root, "cbc:IssueDate", invoice, "invoice_date");
  AddField(root, "cbc:DueDate", invoice, "due_date");
  AddText(root, "cbc:InvoiceTypeCode", "380");  // commercial invoice
  AddField(root, "cbc:DocumentCurrencyCode", invoice, "currency");
  if (const domain::FieldValue* order = Field(invoice, "purchase_order")) {
    AddText(Add(root, "cac:OrderReference"), "cbc:ID", order->value);
  }
  AddParty(root, "cac:AccountingSupplierParty", invoice, "vendor_name", "vendor_address",
           "vendor_tax_id");
  AddParty(root, "cac:AccountingCustomerParty", invoice, "customer_name", "customer_address",
           "customer_tax_id");
  if (const domain::FieldValue* iban = Field(invoice, "iban")) {
    xml_node means = Add(root, "cac:PaymentMeans");
    AddText(means, "cbc:PaymentMeansCode", "58");  // SEPA credit transfer
    xml_node account = Add(means, "cac:PayeeFinancialAccount");
    AddText(account, "cbc:ID", iban->value);
    if (const domain::FieldValue* bic = Field(invoice, "bic")) {
      AddText(Add(account, "cac:FinancialInstitutionBranch"), "cbc:ID", bic->value);
    }
  }
  if (const domain::FieldValue* terms = Field(invoice, "payment_terms")) {
    AddText(Add(root, "cac:PaymentTerms"), "cbc:Note", terms->value);
  }
  if (const domain::FieldValue* tax = Field(invoice, "total_tax")) {
    amounts.Add(Add(root, "cac:TaxTotal"), "cbc:TaxAmount", tax->value);
  }
  xml_node totals = Add(root, "cac:LegalMonetaryTotal");
  amounts.AddField(totals, "cbc:LineExtensionAmount", invoice, "subtotal");
  amounts.AddField(totals, "cbc:TaxExclusiveAmount", invoice, "subtotal");
  amounts.AddField(totals, "cbc:TaxInclusiveAmount", invoice, "total");
  // The amount due is the total unless the invoice says otherwise (nothing prepaid).
  amounts.AddField(totals, "cbc:PayableAmount", invoice,
                   Field(invoice, "amount_due") ? "amount_due" : "total");
  for (std::size_t i = 0; i < invoice.line_items.size(); ++i) {
    AddLine(root, i, invoice.line_items[i], amounts);
  }
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
  return out.str();
}

}  // namespace invoicer::extract
