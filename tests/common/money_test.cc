#include "common/money.h"

#include <gtest/gtest.h>

namespace invoicer {
namespace {

Decimal D(std::string_view s) { return Decimal::Parse(s).value(); }

TEST(DecimalTest, ParsesAndPrintsKeepingScale) {
  EXPECT_EQ(D("1234.50").ToString(), "1234.50");
  EXPECT_EQ(D("-0.05").ToString(), "-0.05");
  EXPECT_EQ(D("0").ToString(), "0");
  EXPECT_EQ(D("007").ToString(), "7");
  EXPECT_EQ(D("1234.50").scale(), 2);
}

TEST(DecimalTest, RejectsEverythingButTheStrictForm) {
  for (const char* bad : {"", "-", ".5", "5.", "1,50", "1e3", "+1", " 1", "1 ", "1.2.3", "abc",
                          "12345678901234567890", "0.1234567890123"}) {
    auto r = Decimal::Parse(bad);
    ASSERT_FALSE(r.has_value()) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
    EXPECT_EQ(r.error().api_code, "INVALID_VALUE");
  }
}

TEST(DecimalTest, ComparesAcrossScales) {
  EXPECT_EQ(D("1.50"), D("1.5"));
  EXPECT_LT(D("-2"), D("1.99"));
  EXPECT_GT(D("10.001"), D("10"));
}

TEST(DecimalTest, AddsSubtractsAndMultipliesExactly) {
  EXPECT_EQ(D("0.1").Add(D("0.2"))->ToString(), "0.3");
  EXPECT_EQ(D("100.00").Sub(D("19.99"))->ToString(), "80.01");
  EXPECT_EQ(D("3").Mul(D("0.0125"))->ToString(), "0.0375");
}

TEST(DecimalTest, RoundsHalfEven) {
  EXPECT_EQ(D("2.345").RescaledHalfEven(2)->ToString(), "2.34");
  EXPECT_EQ(D("2.355").RescaledHalfEven(2)->ToString(), "2.36");
  EXPECT_EQ(D("-2.345").RescaledHalfEven(2)->ToString(), "-2.34");
  EXPECT_EQ(D("2.3451").RescaledHalfEven(2)->ToString(), "2.35");
  EXPECT_EQ(D("5").RescaledHalfEven(2)->ToString(), "5.00");
}

TEST(DecimalTest, ReportsOverflowInsteadOfWrapping) {
  auto big = D("900000000000000000");
  EXPECT_FALSE(big.Add(D("0.05")).has_value());
  EXPECT_FALSE(big.Mul(D("100")).has_value());
  EXPECT_EQ(big.Add(big)->ToString(), "1800000000000000000");
}

TEST(DecimalTest, KnowsSignificantScale) {
  EXPECT_EQ(D("12.500").SignificantScale(), 1);
  EXPECT_EQ(D("12.000").SignificantScale(), 0);
}

TEST(CurrencyTest, KnowsExponents) {
  EXPECT_EQ(CurrencyExponent("EUR"), 2);
  EXPECT_EQ(CurrencyExponent("JPY"), 0);
  EXPECT_EQ(CurrencyExponent("BHD"), 3);
  EXPECT_TRUE(IsKnownCurrency("USD"));
  EXPECT_FALSE(IsKnownCurrency("XYZ"));
  EXPECT_FALSE(IsKnownCurrency(""));
}

}  // namespace
}  // namespace invoicer
