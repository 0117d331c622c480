#include "extract/generic/generic_extractor.h"

#include <gtest/gtest.h>

#include "extract/generic/box_reader.h"
#include "test_documents.h"

namespace invoicer::extract::generic {
namespace {

using testing::Confidence;
using testing::ExtractText;
using testing::Value;

constexpr std::string_view kEnglishInvoice = R"(ACME Widgets Ltd
12 High Street
London SW1A 1AA
                                           INVOICE
Invoice No: INV-2024-0042                  Date: 15/03/2024
Due Date: 14/04/2024                       Amounts in GBP

Bill To:
Globex Corporation
99 Market Road

Description              Qty      Unit Price        Amount
Widget A                   2           10.00         20.00
Widget B                   1           30.50         30.50

                                     Subtotal        50.50
                                     VAT 20%         10.10
                                     Total           60.60

IBAN: GB33 BUKB 2020 1555 5555 55      VAT No: GB123456782
)";

TEST(GenericExtractorTest, ReadsAnEnglishInvoice) {
  const auto r = ExtractText(kEnglishInvoice);
  EXPECT_EQ(Value(r, "invoice_number"), "INV-2024-0042");
  EXPECT_EQ(Value(r, "invoice_date"), "2024-03-15");
  EXPECT_EQ(Value(r, "due_date"), "2024-04-14");
  EXPECT_EQ(Value(r, "subtotal"), "50.50");
  EXPECT_EQ(Value(r, "total_tax"), "10.10");
  EXPECT_EQ(Value(r, "total"), "60.60");
  EXPECT_EQ(Value(r, "currency"), "GBP");
  EXPECT_EQ(Value(r, "iban"), "GB33BUKB20201555555555");
  EXPECT_EQ(Value(r, "vendor_name"), "ACME Widgets Ltd");
  EXPECT_EQ(Value(r, "vendor_address"), "12 High Street\nLondon SW1A 1AA");
  EXPECT_EQ(Value(r, "customer_name"), "Globex Corporation");
  EXPECT_EQ(r.method, "generic:text");
  ASSERT_EQ(r.line_items.size(), 2u);
}

TEST(GenericExtractorTest, ATotalConfirmedByArithmeticIsMoreCertainThanOneFoundByItsLabel) {
  const auto confirmed = ExtractText(kEnglishInvoice);
  const auto labelled = ExtractText("Invoice No: 17\nTotal   60.60\n");
  EXPECT_EQ(Value(labelled, "total"), "60.60");
  EXPECT_GE(Confidence(confirmed, "total"), 0.95);
  EXPECT_LT(Confidence(labelled, "total"), 0.9);
  EXPECT_GT(Confidence(confirmed, "total"), Confidence(labelled, "total"));
}

TEST(GenericExtractorTest, FindsValuesRightOfAndBelowTheirLabels) {
  const auto r = ExtractText(
      "Invoice Number      Invoice Date      Due Date\n"
      "2024-117            03.05.2024        02.06.2024\n"
      "\n"
      "Purchase order: PO-5531\n"
      "Total due                             119.00\n");
  EXPECT_EQ(Value(r, "invoice_number"), "2024-117");
  EXPECT_EQ(Value(r, "invoice_date"), "2024-05-03");
  EXPECT_EQ(Value(r, "due_date"), "2024-06-02");
  EXPECT_EQ(Value(r, "purchase_order"), "PO-5531");
  EXPECT_EQ(Value(r, "total"), "119.00");
}

TEST(GenericExtractorTest, FlagsAnAmbiguousDateInsteadOfGuessing) {
  GenericOptions options;
  const auto r = ExtractText("Invoice No: 5\nDate: 03/04/2024\nTotal 10.00\n", options);
  EXPECT_EQ(Value(r, "invoice_date"), "2024-04-03");
  EXPECT_LE(Confidence(r, "invoice_date"), options.ambiguous_confidence);
}

TEST(GenericExtractorTest, SettlesTheDayMonthOrderFromOtherDatesOfTheDocument) {
  const auto day_first = ExtractText("Invoice No: 5\nDate: 03/04/2024\nDelivered: 15/03/2024\n");
  EXPECT_EQ(Value(day_first, "invoice_date"), "2024-04-03");
  EXPECT_GE(Confidence(day_first, "invoice_date"), 0.8);
  const auto month_first = ExtractText("Invoice No: 5\nDate: 03/04/2024\nDelivered: 03/15/2024\n");
  EXPECT_EQ(Value(month_first, "invoice_date"), "2024-03-04");
  EXPECT_GE(Confidence(month_first, "invoice_date"), 0.8);
}

TEST(GenericExtractorTest, TakesTheDayMonthOrderFromTheLanguageWithLessConfidence) {
  const auto r =
      ExtractText("Rechnung Nr. 5\nRechnungsdatum: 03/04/2024\nGesamtbetrag 10,00 EUR\n");
  EXPECT_EQ(Value(r, "invoice_date"), "2024-04-03");
  EXPECT_GT(Confidence(r, "invoice_date"), 0.5);
  EXPECT_LT(Confidence(r, "invoice_date"), 0.8);
  const auto us = ExtractText("Invoice No: 5\nDate: 03/04/2024\n", GenericOptions{"US", 0.5});
  EXPECT_EQ(Value(us, "invoice_date"), "2024-03-04");
}

TEST(GenericExtractorTest, ReadsAGermanInvoiceWithDecimalCommas) {
  const auto r = ExtractText(
      "Muster GmbH\n"
      "Hauptstraße 5\n"
      "80333 München\n"
      "\n"
      "Rechnungsnummer: RE-1001\n"
      "Rechnungsdatum: 3. April 2024\n"
      "Zahlbar bis: 03.05.2024\n"
      "Nettobetrag                      1.000,00\n"
      "MwSt 19 %                          190,00\n"
      "Gesamtbetrag                     1.190,00 EUR\n"
      "USt-IdNr.: DE136695976\n");
  EXPECT_EQ(Value(r, "invoice_number"), "RE-1001");
  EXPECT_EQ(Value(r, "invoice_date"), "2024-04-03");
  EXPECT_EQ(Value(r, "due_date"), "2024-05-03");
  EXPECT_EQ(Value(r, "subtotal"), "1000.00");
  EXPECT_EQ(Value(r, "total_tax"), "190.00");
  EXPECT_EQ(Value(r, "total"), "1190.00");
  EXPECT_EQ(Value(r, "currency"), "EUR");
  EXPECT_EQ(Value(r, "vendor_tax_id"), "DE136695976");
  EXPECT_EQ(Value(r, "vendor_name"), "Muster GmbH");
  EXPECT_EQ(Value(r, "vendor_address"), "Hauptstraße 5\n80333 München");
}

TEST(GenericExtractorTest, TakesPaymentTermsFromTheTableTheirLabelHeadsNotItsColumnHeadings) {
  constexpr std::string_view kHead =
      "Muster GmbH\n"
      "Hauptstraße 5\n"
      "80333 München\n"
      "Rechnungsnummer: RE-1001\n"
      "Gesamtbetrag                     1.190,00 EUR\n"
      "\n"
      "Zahlungsbedingungen\n"
      "   Beschreibung                         Fälligkeit          Teilzahlung\n";
  const auto terms =
      ExtractText(std::string(kHead) + "   Zahlbar innerhalb 14 Tagen netto     17.05.2024\n");
  EXPECT_EQ(Value(terms, "payment_terms"), "Zahlbar innerhalb 14 Tagen netto");
  // A table without a description under the label gives no terms, not a line further down.
  const auto none = ExtractText(std::string(kHead) +
                                "                                        17.05.2024\n"
                                "   Zahlungsart\n");
  EXPECT_EQ(Value(none, "payment_terms"), "<absent>");
}

TEST(GenericExtractorTest, ReadsFrenchSpanishItalianAndDutchLabels) {
  const auto fr = ExtractText(
      "Facture N° FA-2024-12\nDate : 5 mars 2024\nTotal HT      100,00\nTVA 20 %       20,00\n"
      "Total TTC     120,00 €\n");
  EXPECT_EQ(Value(fr, "invoice_number"), "FA-2024-12");
  EXPECT_EQ(Value(fr, "invoice_date"), "2024-03-05");
  EXPECT_EQ(Value(fr, "total"), "120.00");
  EXPECT_EQ(Value(fr, "subtotal"), "100.00");
  EXPECT_EQ(Value(fr, "currency"), "EUR");
  const auto es = ExtractText(
      "Factura nº 2024/015\nFecha: 15 de marzo de 2024\nBase imponible   200,00\nIVA 21%           "
      "42,00\n"
      "Importe total    242,00 €\n");
  EXPECT_EQ(Value(es, "invoice_number"), "2024/015");
  EXPECT_EQ(Value(es, "invoice_date"), "2024-03-15");
  EXPECT_EQ(Value(es, "total"), "242.00");
  EXPECT_EQ(Value(es, "total_tax"), "42.00");
  const auto it = ExtractText(
      "Fattura n. 45/2024\nData: 3 settembre 2024\nImponibile   100,00\nIVA 22%       22,00\n"
      "Totale       122,00 €\n");
  EXPECT_EQ(Value(it, "invoice_number"), "45/2024");
  EXPECT_EQ(Value(it, "invoice_date"), "2024-09-03");
  EXPECT_EQ(Value(it, "total"), "122.00");
  const auto nl = ExtractText(
      "Factuurnummer: 2024-0099\nFactuurdatum: 3 maart 2024\nSubtotaal   € 100,00\nBTW 21%     €  "
      "21,00\n"
      "Totaal      € 121,00\n");
  EXPECT_EQ(Value(nl, "invoice_number"), "2024-0099");
  EXPECT_EQ(Value(nl, "invoice_date"), "2024-03-03");
  EXPECT_EQ(Value(nl, "total"), "121.00");
  EXPECT_EQ(Value(nl, "currency"), "EUR");
}

TEST(GenericExtractorTest, ReadsIbanAndVatIdsOnlyWhenTheirChecksPass) {
  const auto r = ExtractText(
      "Invoice No: 9\nIBAN DE89 3704 0044 0532 0130 01\nIBAN DE89 3704 0044 0532 0130 00\n"
      "VAT: FR40303265045\n");
  EXPECT_EQ(Value(r, "iban"), "DE89370400440532013000");  // the first one fails mod-97
  EXPECT_EQ(Value(r, "vendor_tax_id"), "FR40303265045");
  EXPECT_GE(Confidence(r, "iban"), 0.95);
  const auto none = ExtractText("Invoice No: 9\nIBAN DE89 3704 0044 0532 0130 01\n");
  EXPECT_EQ(Value(none, "iban"), "<absent>");
}

TEST(GenericExtractorTest, ReadsAnIbanWrappedOntoTheNextLine) {
  const auto r =
      ExtractText("Bank          IBAN\nWeltbank      DE89 3704 0044 0532\n              0130 00\n");
  EXPECT_EQ(Value(r, "iban"), "DE89370400440532013000");
}

TEST(GenericExtractorTest, GivesTheCustomersVatIdToTheCustomer) {
  const auto r = ExtractText(
      "Seller:\nMuster GmbH\nUSt-IdNr. DE136695976\n\nBuyer:\nKunde AG\nUSt-IdNr. ATU13585627\n");
  EXPECT_EQ(Value(r, "vendor_tax_id"), "DE136695976");
  EXPECT_EQ(Value(r, "customer_tax_id"), "ATU13585627");
  EXPECT_EQ(Value(r, "vendor_name"), "Muster GmbH");
  EXPECT_EQ(Value(r, "customer_name"), "Kunde AG");
}

TEST(GenericExtractorTest, KeepsALabelledVatIdThatFailsItsCheckWithLessConfidence) {
  const auto r = ExtractText("Invoice No: 9\nVAT ID: DE123456789\n");
  EXPECT_EQ(Value(r, "vendor_tax_id"), "DE123456789");
  EXPECT_LT(Confidence(r, "vendor_tax_id"), 0.9);
}

TEST(GenericExtractorTest, RecordsSourcePageAndBoxOfEachField) {
  const auto text = ExtractText("Invoice No: 9\nTotal   60.60\n");
  const auto& total = text.fields.at("total");
  EXPECT_EQ(total.source, domain::FieldSource::kText);
  EXPECT_EQ(total.page, 1);
  ASSERT_TRUE(total.bbox.has_value());
  EXPECT_DOUBLE_EQ(total.bbox->x0, 8 * kCharWidth);
  EXPECT_DOUBLE_EQ(total.bbox->x1, 13 * kCharWidth);
  EXPECT_DOUBLE_EQ(total.bbox->y0, kLineHeight);

  auto boxes = ReadBoxText("10,10,90,10,90,30,10,30,TOTAL\n120,10,180,10,180,30,120,30,60.60\n");
  ASSERT_TRUE(boxes.has_value());
  const auto ocr = GenericExtractor().Extract(*boxes);
  ASSERT_TRUE(ocr.has_value());
  EXPECT_EQ(ocr->method, "generic:ocr");
  EXPECT_EQ(ocr->fields.at("total").source, domain::FieldSource::kOcr);
  EXPECT_EQ(ocr->fields.at("total").bbox, (domain::BoundingBox{120, 10, 180, 30}));
}

TEST(GenericExtractorTest, LowersConfidenceForWordsTheRecogniserDoubted) {
  auto doc = ReadPlainText("Invoice No: 9\nTotal   60.60\n");
  ASSERT_TRUE(doc.has_value());
  const double sure = GenericExtractor().Extract(*doc)->fields.at("total").confidence;
  doc->pages[0].lines[1].words[1].confidence = 0.4;
  const double doubtful = GenericExtractor().Extract(*doc)->fields.at("total").confidence;
  EXPECT_LT(doubtful, sure);
}

TEST(GenericExtractorTest, FailsOnADocumentWithoutText) {
  const auto r = GenericExtractor().Extract(TextDocument{});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kUnreadableDocument);
}

TEST(GenericExtractorTest, SkipsTitlesAndRegistrationNumbersInTheLetterhead) {
  const auto r = ExtractText(
      "TAX INVOICE\nSOON HUAT MACHINERY ENTERPRISE (JM0352019-K)\nNO.53 JALAN PUTRA 1,\n"
      "81200 JOHOR BAHRU\nJOHOR\nTEL : 07-5547360\n");
  EXPECT_EQ(Value(r, "vendor_name"), "SOON HUAT MACHINERY ENTERPRISE");
  EXPECT_EQ(Value(r, "vendor_address"), "NO.53 JALAN PUTRA 1,\n81200 JOHOR BAHRU\nJOHOR");
}

TEST(GenericExtractorTest, ReadsInvoiceDatesOcrSplitOrMarked) {
  // A four-digit year split in two, a comma for the dot after the day, a speck before a date.
  EXPECT_EQ(Value(ExtractText("Invoice No: 5\nInvoice date: 07/11/20 25\nTotal 10.00\n"),
                  "invoice_date"),
            "2025-11-07");
  EXPECT_EQ(Value(ExtractText("Rechnungs-Nr.: 5\nBelegdatum: 21, Juni 2022\nGesamt 10,00\n"),
                  "invoice_date"),
            "2022-06-21");
  EXPECT_EQ(Value(ExtractText("Invoice #: 5\nDate: .2021-08-30\nTotal 10.00\n"),
                  "invoice_date"),
            "2021-08-30");
}

}  // namespace
}  // namespace invoicer::extract::generic
