#include "extract/ubl_writer.h"

#include <gtest/gtest.h>

#include "extract/einvoice.h"

namespace invoicer::extract {
namespace {

domain::FieldValue Field(std::string value) {
  return domain::FieldValue{std::move(value), 0.95, domain::FieldSource::kText, 1,
                            domain::BoundingBox{1, 2, 3, 4}};
}

Decimal D(std::string_view text) { return *Decimal::Parse(text); }

domain::Invoice SampleInvoice() {
  domain::Invoice invoice;
  for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
           {"invoice_number", "RE-2026-17"},
           {"invoice_date", "2026-01-15"},
           {"due_date", "2026-02-14"},
           {"currency", "EUR"},
           {"vendor_name", "Lieferant GmbH & Co. KG"},
           {"vendor_address", "Lieferantenstrasse 20, 80333 Muenchen"},
           {"vendor_tax_id", "DE123456789"},
           {"customer_name", "Kunden <AG>"},
           {"customer_address", "Kundenstrasse 15, 69876 Frankfurt"},
           {"customer_tax_id", "DE987654321"},
           {"purchase_order", "PO-9"},
           {"subtotal", "300.00"},
           {"total_tax", "57.00"},
           {"total", "357.00"},
           {"amount_due", "357.00"},
           {"iban", "DE02120300000000202051"},
           {"bic", "BYLADEM1001"},
           {"payment_terms", "30 days net"}}) {
    invoice.fields[name] = Field(value);
  }
  invoice.line_items = {
      {"Widget", D("2"), D("100.00"), D("200.00"), D("19")},
      {"Service \"premium\"", D("1.5"), D("66.6667"), D("100.00"), D("19.00")},
  };
  return invoice;
}

TEST(WriteUblTest, WritesAnInvoiceThatReadsBackToTheSameValues) {
  const domain::Invoice invoice = SampleInvoice();
  const std::string xml = WriteUbl(invoice);
  auto read = ReadEInvoice(xml);
  ASSERT_TRUE(read.has_value()) << read.error().message << "\n" << xml;
  EXPECT_EQ(read->syntax, "ubl");
  for (const auto& [name, value] : invoice.fields) {
    auto it = read->fields.find(name);
    ASSERT_NE(it, read->fields.end()) << name;
    EXPECT_EQ(it->second.value, value.value) << name;
  }
  EXPECT_EQ(read->fields.size(), invoice.fields.size());
  EXPECT_EQ(read->line_items, invoice.line_items);
}

TEST(WriteUblTest, LeavesOutWhatTheInvoiceDoesNotHave) {
  domain::Invoice invoice;
  invoice.fields["invoice_number"] = Field("7");
  invoice.fields["total"] = Field("10.00");
  const std::string xml = WriteUbl(invoice);
  EXPECT_EQ(xml.find("DueDate"), std::string::npos);
  EXPECT_EQ(xml.find("PaymentMeans"), std::string::npos);
  EXPECT_EQ(xml.find("currencyID"), std::string::npos);
  auto read = ReadEInvoice(xml);
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(read->fields.at("invoice_number").value, "7");
  // The amount due of an invoice without prepayment is its total.
  EXPECT_EQ(read->fields.at("amount_due").value, "10.00");
  EXPECT_TRUE(read->line_items.empty());
}

TEST(WriteUblTest, WritesAmountsWithTheInvoiceCurrency) {
  const std::string xml = WriteUbl(SampleInvoice());
  EXPECT_NE(xml.find("<cbc:TaxInclusiveAmount currencyID=\"EUR\">357.00</cbc:TaxInclusiveAmount>"),
            std::string::npos);
  EXPECT_NE(xml.find("<cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>"),
            std::string::npos);
}

}  // namespace
}  // namespace invoicer::extract
