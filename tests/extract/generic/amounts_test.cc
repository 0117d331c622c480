#include "extract/generic/amounts.h"

#include <gtest/gtest.h>

namespace invoicer::extract::generic {
namespace {

Decimal D(const char* text) { return *Decimal::Parse(text); }

TEST(AmountsTest, ReadsADecimalPointAndThousandsCommas) {
  const auto a = ParseAmount("1,234.56");
  ASSERT_TRUE(a.has_value());
  EXPECT_FALSE(a->Ambiguous());
  EXPECT_EQ(a->Evidence(), DecimalMark::kDot);
  EXPECT_EQ(a->Value(DecimalMark::kUnknown), D("1234.56"));
  EXPECT_EQ(a->Value(DecimalMark::kUnknown).ToString(), "1234.56");
}

TEST(AmountsTest, ReadsADecimalCommaAndThousandsDots) {
  const auto a = ParseAmount("1.234.567,89");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->Evidence(), DecimalMark::kComma);
  EXPECT_EQ(a->Value(DecimalMark::kUnknown), D("1234567.89"));
}

TEST(AmountsTest, ReadsSpacesAndApostrophesAsGroupSeparators) {
  EXPECT_EQ(ParseAmount("1 234,50")->Value(DecimalMark::kComma), D("1234.50"));
  EXPECT_EQ(ParseAmount("1'234.50")->Value(DecimalMark::kDot), D("1234.50"));
}

TEST(AmountsTest, KeepsBothReadingsWhenTheSeparatorIsAmbiguous) {
  const auto a = ParseAmount("1.234");
  ASSERT_TRUE(a.has_value());
  EXPECT_TRUE(a->Ambiguous());
  EXPECT_EQ(a->Evidence(), DecimalMark::kUnknown);
  EXPECT_EQ(a->Value(DecimalMark::kDot), D("1.234"));
  EXPECT_EQ(a->Value(DecimalMark::kComma), D("1234"));
  const auto b = ParseAmount("1,234");
  EXPECT_EQ(b->Value(DecimalMark::kDot), D("1234"));
  EXPECT_EQ(b->Value(DecimalMark::kComma), D("1.234"));
}

TEST(AmountsTest, TwoDecimalsSettleTheMark) {
  EXPECT_EQ(ParseAmount("12,50")->Evidence(), DecimalMark::kComma);
  EXPECT_EQ(ParseAmount("12.50")->Evidence(), DecimalMark::kDot);
  EXPECT_EQ(ParseAmount("0.125")->Evidence(), DecimalMark::kDot);  // "0" cannot lead a group
}

TEST(AmountsTest, ReadsTheCurrencyNextToTheNumber) {
  const auto euro = ParseAmount("12,50 €");
  ASSERT_TRUE(euro.has_value());
  EXPECT_EQ(euro->currency, "EUR");
  EXPECT_EQ(ParseAmount("EUR 99.00")->currency, "EUR");
  EXPECT_EQ(ParseAmount("RM60.30")->currency, "MYR");
  EXPECT_EQ(ParseAmount("$1,000.00")->currency, "USD");
  EXPECT_LT(ParseAmount("$1,000.00")->currency_confidence, ParseAmount("€5")->currency_confidence);
}

TEST(AmountsTest, ReadsNegativeForms) {
  EXPECT_EQ(ParseAmount("-5.59")->Value(DecimalMark::kDot), D("-5.59"));
  EXPECT_EQ(ParseAmount("5.59-")->Value(DecimalMark::kDot), D("-5.59"));
  EXPECT_EQ(ParseAmount("(3.00)")->Value(DecimalMark::kDot), D("-3.00"));
  EXPECT_EQ(ParseAmount(".02")->Value(DecimalMark::kDot), D("0.02"));
}

TEST(AmountsTest, SkipsPercentagesDatesTimesAndIdentifiers) {
  const auto found =
      FindAmounts("VAT 19% on 19/10/2018 20:49 ref INV2024 tel 07-3507405 total 12.50");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].Value(DecimalMark::kUnknown), D("12.50"));
}

TEST(AmountsTest, RejectsTextThatIsNotOneAmount) {
  EXPECT_FALSE(ParseAmount("12.50 and 3").has_value());
  EXPECT_FALSE(ParseAmount("abc").has_value());
  EXPECT_FALSE(ParseAmount("1.2.3").has_value());
}

TEST(AmountsTest, ReadsCurrencySymbolsAndCodes) {
  EXPECT_EQ(ReadCurrency("€")->code, "EUR");
  EXPECT_EQ(ReadCurrency("chf")->code, "CHF");
  EXPECT_EQ(ReadCurrency("£")->code, "GBP");
  EXPECT_FALSE(ReadCurrency("ABC").has_value());
}

}  // namespace
}  // namespace invoicer::extract::generic
