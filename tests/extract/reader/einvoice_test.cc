#include "extract/einvoice.h"

#include <gtest/gtest.h>

namespace invoicer::extract {
namespace {

constexpr const char* kUbl = R"(<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
 xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
 xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:ID> INV-7 </cbc:ID>
  <cbc:IssueDate>2026-01-15</cbc:IssueDate>
  <cbc:DueDate>2026-02-14</cbc:DueDate>
  <cbc:DocumentCurrencyCode>eur</cbc:DocumentCurrencyCode>
  <cac:AccountingSupplierParty><cac:Party>
    <cac:PartyTaxScheme><cbc:CompanyID>DE123456789</cbc:CompanyID>
      <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
    <cac:PartyLegalEntity><cbc:RegistrationName>Lieferant GmbH</cbc:RegistrationName></cac:PartyLegalEntity>
  </cac:Party></cac:AccountingSupplierParty>
  <cac:PaymentMeans><cbc:PaymentMeansCode>58</cbc:PaymentMeansCode>
    <cac:PayeeFinancialAccount><cbc:ID>DE02 1203 0000 0000 2020 51</cbc:ID></cac:PayeeFinancialAccount>
  </cac:PaymentMeans>
  <cac:TaxTotal><cbc:TaxAmount currencyID="SEK">200.00</cbc:TaxAmount></cac:TaxTotal>
  <cac:TaxTotal><cbc:TaxAmount currencyID="EUR">19.00</cbc:TaxAmount></cac:TaxTotal>
  <cac:LegalMonetaryTotal>
    <cbc:LineExtensionAmount currencyID="EUR">100.00</cbc:LineExtensionAmount>
    <cbc:TaxInclusiveAmount currencyID="EUR">119.00</cbc:TaxInclusiveAmount>
    <cbc:PayableAmount currencyID="EUR">119</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
  <cac:InvoiceLine><cbc:ID>1</cbc:ID>
    <cbc:InvoicedQuantity unitCode="C62">2</cbc:InvoicedQuantity>
    <cbc:LineExtensionAmount currencyID="EUR">100.00</cbc:LineExtensionAmount>
    <cac:Item><cbc:Name>Widget</cbc:Name>
      <cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>19</cbc:Percent></cac:ClassifiedTaxCategory>
    </cac:Item>
    <cac:Price><cbc:PriceAmount currencyID="EUR">50.00</cbc:PriceAmount></cac:Price>
  </cac:InvoiceLine>
</Invoice>)";

std::string Value(const EInvoice& inv, const std::string& name) {
  auto it = inv.fields.find(name);
  return it == inv.fields.end() ? "<absent>" : it->second.value;
}

TEST(ReadEInvoiceTest, MapsUblBusinessTermsToFields) {
  auto inv = ReadEInvoice(kUbl);
  ASSERT_TRUE(inv.has_value()) << inv.error().message;
  EXPECT_EQ(inv->syntax, "ubl");
  EXPECT_EQ(Value(*inv, "invoice_number"), "INV-7");
  EXPECT_EQ(Value(*inv, "invoice_date"), "2026-01-15");
  EXPECT_EQ(Value(*inv, "due_date"), "2026-02-14");
  EXPECT_EQ(Value(*inv, "currency"), "EUR");
  EXPECT_EQ(Value(*inv, "vendor_name"), "Lieferant GmbH");
  EXPECT_EQ(Value(*inv, "vendor_tax_id"), "DE123456789");
  EXPECT_EQ(Value(*inv, "iban"), "DE02120300000000202051");
  EXPECT_EQ(Value(*inv, "total_tax"), "19.00");  // the amount in the invoice currency
  EXPECT_EQ(Value(*inv, "subtotal"), "100.00");
  EXPECT_EQ(Value(*inv, "total"), "119.00");
  EXPECT_EQ(Value(*inv, "amount_due"), "119");
  EXPECT_EQ(Value(*inv, "customer_name"), "<absent>");
  const domain::FieldValue& number = inv->fields.at("invoice_number");
  EXPECT_EQ(number.source, domain::FieldSource::kEInvoice);
  EXPECT_DOUBLE_EQ(number.confidence, 1.0);
  EXPECT_EQ(number.page, 0);
  EXPECT_FALSE(number.bbox.has_value());
  ASSERT_EQ(inv->line_items.size(), 1u);
  const domain::LineItem& line = inv->line_items[0];
  EXPECT_EQ(line.description, "Widget");
  EXPECT_EQ(line.quantity->ToString(), "2");
  EXPECT_EQ(line.unit_price->ToString(), "50.00");
  EXPECT_EQ(line.amount->ToString(), "100.00");
  EXPECT_EQ(line.tax_rate->ToString(), "19");
}

TEST(ReadEInvoiceTest, MapsCiiBusinessTermsToFields) {
  const char* cii = R"(<rsm:CrossIndustryInvoice
 xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
 xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
 xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
 <rsm:ExchangedDocument><ram:ID>471102</ram:ID>
  <ram:IssueDateTime><udt:DateTimeString format="102">20180305</udt:DateTimeString></ram:IssueDateTime>
 </rsm:ExchangedDocument>
 <rsm:SupplyChainTradeTransaction>
  <ram:IncludedSupplyChainTradeLineItem>
   <ram:AssociatedDocumentLineDocument><ram:LineID>1</ram:LineID></ram:AssociatedDocumentLineDocument>
   <ram:SpecifiedTradeProduct><ram:Name>GTIN Produkt</ram:Name></ram:SpecifiedTradeProduct>
   <ram:SpecifiedLineTradeAgreement><ram:NetPriceProductTradePrice><ram:ChargeAmount>9.90</ram:ChargeAmount></ram:NetPriceProductTradePrice></ram:SpecifiedLineTradeAgreement>
   <ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode="H87">20.0000</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>
   <ram:SpecifiedLineTradeSettlement>
    <ram:ApplicableTradeTax><ram:RateApplicablePercent>19.00</ram:RateApplicablePercent></ram:ApplicableTradeTax>
    <ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>198.00</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation>
   </ram:SpecifiedLineTradeSettlement>
  </ram:IncludedSupplyChainTradeLineItem>
  <ram:IncludedSupplyChainTradeLineItem>
   <ram:AssociatedDocumentLineDocument><ram:LineID>2</ram:LineID><ram:LineStatusReasonCode>INFORMATION</ram:LineStatusReasonCode></ram:AssociatedDocumentLineDocument>
   <ram:SpecifiedTradeProduct><ram:Name>Comment line</ram:Name></ram:SpecifiedTradeProduct>
  </ram:IncludedSupplyChainTradeLineItem>
  <ram:ApplicableHeaderTradeAgreement>
   <ram:SellerTradeParty><ram:Name>Lieferant GmbH</ram:Name>
    <ram:PostalTradeAddress><ram:PostcodeCode>80333</ram:PostcodeCode><ram:LineOne>Lieferantenstrasse 20</ram:LineOne><ram:CityName>Muenchen</ram:CityName><ram:CountryID>DE</ram:CountryID></ram:PostalTradeAddress>
    <ram:SpecifiedTaxRegistration><ram:ID schemeID="FC">201/113/40209</ram:ID></ram:SpecifiedTaxRegistration>
    <ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">DE123456789</ram:ID></ram:SpecifiedTaxRegistration>
   </ram:SellerTradeParty>
   <ram:BuyerTradeParty><ram:Name>Kunden AG Mitte</ram:Name></ram:BuyerTradeParty>
  </ram:ApplicableHeaderTradeAgreement>
  <ram:ApplicableHeaderTradeSettlement>
   <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
   <ram:SpecifiedTradePaymentTerms><ram:Description>Zahlbar innerhalb
    30 Tagen</ram:Description><ram:DueDateDateTime><udt:DateTimeString format="102">20180404</udt:DateTimeString></ram:DueDateDateTime></ram:SpecifiedTradePaymentTerms>
   <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
    <ram:LineTotalAmount>198.00</ram:LineTotalAmount>
    <ram:TaxTotalAmount currencyID="EUR">37.62</ram:TaxTotalAmount>
    <ram:GrandTotalAmount>235.62</ram:GrandTotalAmount>
    <ram:DuePayableAmount>235.62</ram:DuePayableAmount>
   </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
  </ram:ApplicableHeaderTradeSettlement>
 </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>)";
  auto inv = ReadEInvoice(cii);
  ASSERT_TRUE(inv.has_value()) << inv.error().message;
  EXPECT_EQ(inv->syntax, "cii");
  EXPECT_EQ(Value(*inv, "invoice_number"), "471102");
  EXPECT_EQ(Value(*inv, "invoice_date"), "2018-03-05");
  EXPECT_EQ(Value(*inv, "due_date"), "2018-04-04");
  EXPECT_EQ(Value(*inv, "vendor_tax_id"), "DE123456789");
  EXPECT_EQ(Value(*inv, "vendor_address"), "Lieferantenstrasse 20, 80333 Muenchen, DE");
  EXPECT_EQ(Value(*inv, "customer_name"), "Kunden AG Mitte");
  EXPECT_EQ(Value(*inv, "payment_terms"), "Zahlbar innerhalb\n    30 Tagen");
  EXPECT_EQ(Value(*inv, "total_tax"), "37.62");
  EXPECT_EQ(Value(*inv, "total"), "235.62");
  ASSERT_EQ(inv->line_items.size(), 1u);  // the INFORMATION line is no line item
  EXPECT_EQ(inv->line_items[0].description, "GTIN Produkt");
  EXPECT_EQ(inv->line_items[0].quantity->ToString(), "20.0000");
}

TEST(ReadEInvoiceTest, RefusesADoctypeWithAnExternalEntity) {
  const std::string xxe = R"(<?xml version="1.0"?>
<!DOCTYPE Invoice [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
 xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:ID>&xxe;</cbc:ID>
</Invoice>)";
  auto inv = ReadEInvoice(xxe);
  ASSERT_FALSE(inv.has_value());
  EXPECT_EQ(inv.error().code, ErrorCode::kUnreadableDocument);
  EXPECT_NE(inv.error().message.find("DOCTYPE"), std::string::npos);
}

TEST(ReadEInvoiceTest, RefusesAnEntityExpansionBomb) {
  std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">";
  for (int i = 1; i < 10; ++i) {
    bomb += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) bomb += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
    bomb += "\">";
  }
  bomb += "]>\n<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">&lol9;</Invoice>";
  auto inv = ReadEInvoice(bomb);
  ASSERT_FALSE(inv.has_value());
  EXPECT_EQ(inv.error().code, ErrorCode::kUnreadableDocument);
}

TEST(ReadEInvoiceTest, RefusesXmlThatIsNotWellFormed) {
  auto inv = ReadEInvoice("<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">");
  ASSERT_FALSE(inv.has_value());
  EXPECT_EQ(inv.error().code, ErrorCode::kUnreadableDocument);
  EXPECT_NE(inv.error().message.find("not well-formed"), std::string::npos);
}

TEST(ReadEInvoiceTest, RefusesXmlWithAnotherRoot) {
  for (const char* xml : {"<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\"/>",
                          "<Invoice/>", "<Invoice xmlns=\"urn:example\"/>"}) {
    auto inv = ReadEInvoice(xml);
    ASSERT_FALSE(inv.has_value()) << xml;
    EXPECT_EQ(inv.error().code, ErrorCode::kUnreadableDocument);
  }
}

}  // namespace
}  // namespace invoicer::extract
