#include "extract/generic/totals.h"

#include <gtest/gtest.h>

#include "test_documents.h"

namespace invoicer::extract::generic {
namespace {

using testing::Confidence;
using testing::ExtractText;
using testing::Value;

TEST(TotalsTest, ChoosesTheTotalThatSubtotalPlusTaxMakes) {
  // Two amounts called total; only one is the subtotal plus the tax.
  const auto r = ExtractText(
      "Total items                  3\n"
      "Net amount              100.00\n"
      "VAT 19%                  19.00\n"
      "Total                   119.00\n"
      "Total savings             5.00\n");
  EXPECT_EQ(Value(r, "total"), "119.00");
  EXPECT_EQ(Value(r, "subtotal"), "100.00");
  EXPECT_EQ(Value(r, "total_tax"), "19.00");
  EXPECT_GE(Confidence(r, "total"), 0.95);
}

TEST(TotalsTest, AddsSeveralTaxRates) {
  const auto r = ExtractText(
      "Nettobetrag            473,00\n"
      "MwSt 7%                 19,25\n"
      "MwSt 19%                37,62\n"
      "Gesamtbetrag           529,87\n");
  EXPECT_EQ(Value(r, "total"), "529.87");
  EXPECT_EQ(Value(r, "total_tax"), "56.87");
  EXPECT_GE(Confidence(r, "total"), 0.95);
}

TEST(TotalsTest, WorksOutTheDecimalSeparatorFromTheArithmetic) {
  // Nothing in the text says whether "2.380" is two thousand or two: the sum does.
  const auto r = ExtractText(
      "Invoice no: 77\n"
      "Subtotal        2.000\n"
      "Tax               380\n"
      "Total           2.380\n");
  EXPECT_EQ(Value(r, "total"), "2380");
  EXPECT_EQ(Value(r, "subtotal"), "2000");
  EXPECT_GE(Confidence(r, "total"), 0.95);
}

TEST(TotalsTest, FlagsAnAmountWhoseSeparatorNothingSettles) {
  GenericOptions options;
  const auto de = ExtractText("Rechnung Nr. 5\nGesamtbetrag   1.234\n", options);
  EXPECT_EQ(Value(de, "total"), "1234");  // German writes thousands with a dot
  EXPECT_LE(Confidence(de, "total"), options.ambiguous_confidence);
  const auto en = ExtractText("Invoice No. 5\nTotal amount   1,234\n", options);
  EXPECT_EQ(Value(en, "total"), "1234");
  EXPECT_LE(Confidence(en, "total"), options.ambiguous_confidence);
}

TEST(TotalsTest, TheRestOfTheDocumentSettlesTheSeparator) {
  const auto r = ExtractText("Invoice No. 5\nShipping   12,50\nTotal      1.234\n");
  EXPECT_EQ(Value(r, "total"), "1234");  // "12,50" shows a decimal comma
}

TEST(TotalsTest, TakesTheRoundedTotalOfACashReceipt) {
  const auto r = ExtractText(
      "TOTAL AMT            60.31\n"
      "ROUNDING ADJ         -0.01\n"
      "RM                   60.30\n"
      "CASH                 70.30\n"
      "CHANGE               10.00\n");
  EXPECT_EQ(Value(r, "total"), "60.30");
  EXPECT_EQ(Value(r, "currency"), "MYR");
}

TEST(TotalsTest, TenderedMinusChangeConfirmsAReceiptTotal) {
  const auto r = ExtractText("NET TOTAL   174.90\nCASH        200.00\nCHANGE       25.10\n");
  EXPECT_EQ(Value(r, "total"), "174.90");
  EXPECT_GE(Confidence(r, "total"), 0.9);
}

TEST(TotalsTest, PairsABlockOfLabelsWithTheBlockOfTheirValues) {
  // Columns read one after the other: the labels, then their values.
  const auto r = ExtractText(
      "TOTAL SALES (INCLUSIVE GST)\nROUNDING ADJUSTMENT\nROUNDING\nCREDIT\nCHANGE\n"
      "42.33\n.02\n42.35\n42.35\n.00\n");
  EXPECT_EQ(Value(r, "total"), "42.35");
}

TEST(TotalsTest, TenderedMinusChangeNamesATotalPrintedWithoutItsLabel) {
  // The label column (CASH, CHANGE) is followed by three values: the first is the total,
  // which tendered - change confirms, so the labels pair with the last two.
  const auto r = ExtractText("CASH\nCHANGE\n29.80\n50.00\n20.20\n");
  EXPECT_EQ(Value(r, "total"), "29.80");
}

TEST(TotalsTest, SubtotalPlusTaxNamesATotalPrintedWithoutItsLabel) {
  const auto r = ExtractText("TOTAL EXCL GST\nGST 6%\n28.11\n1.69\nTHANK YOU\n29.80\n");
  EXPECT_EQ(Value(r, "total"), "29.80");
}

TEST(TotalsTest, PairsLabelBlocksTheSameWithAndWithoutBoxes) {
  // One box per line, each under the previous one: the same text as plain lines.
  const auto boxes = ReadBoxText(
      "10,10,90,10,90,30,10,30,CASH\n10,40,90,40,90,60,10,60,CHANGE\n"
      "10,70,90,70,90,90,10,90,29.80\n10,100,90,100,90,120,10,120,50.00\n"
      "10,130,90,130,90,150,10,150,20.20\n");
  ASSERT_TRUE(boxes.has_value());
  const auto r = GenericExtractor().Extract(*boxes);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(Value(*r, "total"), "29.80");
}

TEST(TotalsTest, CarriesLabelsLeftWithoutValuesToTheNextBlockOfValues) {
  // The tax summary's values were read before the totals' values: the totals' labels wait
  // for the next block, where the arithmetic pairs them.
  const auto r = ExtractText(
      "TOTAL SALES (INCLUSIVE GST)\nROUNDING ADJUSTMENT\nROUNDING\nCREDIT\nCHANGE\n"
      "GST SUMMARY\nAMOUNT(RM)\nTAX(RM)\n39.93\n2.40\nTHANK YOU. PLEASE COME AGAIN\n"
      "42.33\n.02\n42.35\n42.35\n.00\n");
  EXPECT_EQ(Value(r, "total"), "42.35");
}

TEST(TotalsTest, PairsLabelsAndValuesReadInTurns) {
  const auto r = ExtractText(
      "TOTAL (EXCLUDING GST) :\nGST PAYABLE (6%) :\nTOTAL (INCLUSIVE OF GST) :\n1.20\n"
      "TOTAL :\n59.31\n3.49\n62.80\n62.80\nCASH :\n62.80\n");
  EXPECT_EQ(Value(r, "total"), "62.80");
  EXPECT_EQ(Value(r, "total_tax"), "3.49");
}

TEST(TotalsTest, LeavesSentencesAndQuantitiesOutOfTheColumns) {
  // "THANK YOU ..." ends the label column; "1.000" (litres) is not an amount of a document
  // written with two decimals.
  const auto block = ExtractText(
      "ITEM\nAMOUNT\nPETROL\n50.00\nTOTAL AMOUNT\nCASH\nRM\nTHANK YOU FOR SHOPPING WITH US\n"
      "CUSTOMER SERVICE 1-300-22-2828\n1.000\n50.00\n");
  EXPECT_EQ(Value(block, "total"), "50.00");
  const auto lone = ExtractText("TOTAL\nTHANK YOU. PLEASE COME AGAIN\n6.00\n");
  EXPECT_EQ(Value(lone, "total"), "6.00");
}

TEST(TotalsTest, PassesOverALabelWithoutAValue) {
  // "REASON:" has no value; subtotal + rounding = total and the cash paid agree only when
  // it is passed over.
  const auto r = ExtractText(
      "SUBTOTAL\nDISCOUNTABLE\n6% TRX % DISC\nREASON:\nSUBTOTAL\nROUNDING ADJUSTMENTS\n"
      "TOTAL (GST INCL)\nCASH\n4.80 S\n4.80\n4.80\n0.29-\n4.51\n0.01-\n4.50\n4.50\n0.29\n"
      "YOUR SAVINGS FOR TODAY\n");
  EXPECT_EQ(Value(r, "total"), "4.50");
}

TEST(TotalsTest, AnAmountDoesNotRoundItself) {
  // Shifted by one, "ROUNDING" would take 25.00 and "round" it to the 50.00 tendered.
  const auto r = ExtractText(
      "DISCOUNT :\nTOTAL GST :\nROUNDING :\nTOTAL SALES (INCLUSIVE OF GST) :\nCASH :\nCHANGE :\n"
      "0.00\n1.42\n0.00\n25.00\n50.00\n25.00\n");
  EXPECT_EQ(Value(r, "total"), "25.00");
}

TEST(TotalsTest, ACardNumberIsNotWhatWasTendered) {
  const auto r = ExtractText("TOTAL        52.80\nVISA 6258\nCHANGE        0.00\n");
  EXPECT_EQ(Value(r, "total"), "52.80");
}

TEST(TotalsTest, AZeroTaxDoesNotConfirmATotalAgainstAMoreExplicitOne) {
  // subtotal + 0.00 = "TOTAL 105.57" holds trivially; the total including tax is 111.90.
  const auto r = ExtractText(
      "AMT PAID INCL GST : RM111.90\nAMT PAID EXCL GST : RM105.57\nGST AMT : RM5.33\n"
      "TAX 0.00\nTOTAL 105.57\n");
  EXPECT_EQ(Value(r, "total"), "111.90");
}

TEST(TotalsTest, ReportsTheAmountDue) {
  const auto r = ExtractText("Total     120.00\nPaid       20.00\nAmount due 100.00\n");
  EXPECT_EQ(Value(r, "amount_due"), "100.00");
}

}  // namespace
}  // namespace invoicer::extract::generic
