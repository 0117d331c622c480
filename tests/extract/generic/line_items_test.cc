#include "extract/generic/line_items.h"

#include <gtest/gtest.h>

#include "test_documents.h"

namespace invoicer::extract::generic {
namespace {

using testing::ExtractText;
using testing::Value;

Decimal D(const char* text) { return *Decimal::Parse(text); }

TEST(LineItemsTest, ReadsRowsUnderAGermanHeaderByColumn) {
  const auto r = ExtractText(
      "Bezeichnung                 Menge    Einzelpreis     Betrag\n"
      "Schrauben M4                  100         0,05         5,00\n"
      "Dübel 8 mm                     50         0,10         5,00\n"
      "  grau\n"
      "Zwischensumme                                        10,00\n"
      "MwSt 19%                                              1,90\n"
      "Gesamtbetrag                                         11,90\n");
  ASSERT_EQ(r.line_items.size(), 2u);
  EXPECT_EQ(r.line_items[0].description, "Schrauben M4");
  EXPECT_EQ(r.line_items[0].quantity, D("100"));
  EXPECT_EQ(r.line_items[0].unit_price, D("0.05"));
  EXPECT_EQ(r.line_items[0].amount, D("5.00"));
  EXPECT_EQ(r.line_items[1].description, "Dübel 8 mm grau");  // the continuation line joins
  EXPECT_EQ(Value(r, "subtotal"), "10.00");
  EXPECT_EQ(Value(r, "total"), "11.90");
}

TEST(LineItemsTest, ReadsHeadersInOtherLanguages) {
  const auto fr = ExtractText(
      "Désignation          Qté      P.U.      Montant\n"
      "Stylo bleu            10      1,50        15,00\n");
  ASSERT_EQ(fr.line_items.size(), 1u);
  EXPECT_EQ(fr.line_items[0].quantity, D("10"));
  EXPECT_EQ(fr.line_items[0].unit_price, D("1.50"));
  const auto nl = ExtractText(
      "Omschrijving        Aantal     Prijs      Bedrag    BTW\n"
      "Koffie                   2      3,00        6,00    21%\n");
  ASSERT_EQ(nl.line_items.size(), 1u);
  EXPECT_EQ(nl.line_items[0].amount, D("6.00"));
  EXPECT_EQ(nl.line_items[0].tax_rate, D("21"));
}

TEST(LineItemsTest, NamesAReceiptItemFromTheTextLineAboveItsNumbers) {
  const auto r = ExtractText(
      "DESC/ITEM          QTY    PRICE    AMT\n"
      "TABLE LAMP STITCH\n"
      "62483               1     55.90    55.90\n"
      "TOTAL                              55.90\n");
  ASSERT_EQ(r.line_items.size(), 1u);
  EXPECT_EQ(r.line_items[0].description, "TABLE LAMP STITCH");
  EXPECT_EQ(r.line_items[0].amount, D("55.90"));
}

TEST(LineItemsTest, LineAmountsAreNotMistakenForTheTotal) {
  const auto r = ExtractText(
      "Description       Qty    Amount\n"
      "Consulting          1    900.00\n"
      "Travel              1    100.00\n"
      "Total                   1000.00\n");
  EXPECT_EQ(Value(r, "total"), "1000.00");
  EXPECT_GE(testing::Confidence(r, "total"), 0.95);  // the items add up to it
}

TEST(LineItemsTest, FindsNoTableWithoutAHeader) {
  const auto r = ExtractText("Invoice 5\nWidget 20.00\nTotal 20.00\n");
  EXPECT_TRUE(r.line_items.empty());
}

}  // namespace
}  // namespace invoicer::extract::generic
