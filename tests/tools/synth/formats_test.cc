#include "synth/formats.h"

#include <gtest/gtest.h>

namespace invoicer::synth {
namespace {

Decimal D(std::string_view text) { return Decimal::Parse(text).value(); }
Date Day(int y, unsigned m, unsigned d) { return Date::FromYmd(y, m, d).value(); }

TEST(SynthFormatNumberTest, GroupsThousandsWithTheStylesSeparators) {
  EXPECT_EQ(FormatNumber(D("1234567.89"), NumberStyle::kCommaDot), "1,234,567.89");
  EXPECT_EQ(FormatNumber(D("1234567.89"), NumberStyle::kDotComma), "1.234.567,89");
  EXPECT_EQ(FormatNumber(D("1234.5"), NumberStyle::kSpaceComma), "1 234,5");
  EXPECT_EQ(FormatNumber(D("1234.50"), NumberStyle::kNbspComma), "1\u00a0234,50");
  EXPECT_EQ(FormatNumber(D("1234.50"), NumberStyle::kApostropheDot), "1'234.50");
  EXPECT_EQ(FormatNumber(D("1234.50"), NumberStyle::kPlainComma), "1234,50");
  EXPECT_EQ(FormatNumber(D("999.99"), NumberStyle::kCommaDot), "999.99");
}

TEST(SynthFormatNumberTest, KeepsScaleSignAndLeadingZero) {
  EXPECT_EQ(FormatNumber(D("0.05"), NumberStyle::kDotComma), "0,05");
  EXPECT_EQ(FormatNumber(D("-1234.00"), NumberStyle::kCommaDot), "-1,234.00");
  EXPECT_EQ(FormatNumber(D("123450"), NumberStyle::kCommaDot), "123,450");
}

TEST(SynthFormatDateTest, WritesEachStyleInTheLanguage) {
  const Date d = Day(2024, 3, 12);
  EXPECT_EQ(FormatDate(d, DateStyle::kIso, Language::kEn), "2024-03-12");
  EXPECT_EQ(FormatDate(d, DateStyle::kDotDmy, Language::kDe), "12.03.2024");
  EXPECT_EQ(FormatDate(d, DateStyle::kSlashDmy, Language::kFr), "12/03/2024");
  EXPECT_EQ(FormatDate(d, DateStyle::kSlashMdy, Language::kEn), "03/12/2024");
  EXPECT_EQ(FormatDate(d, DateStyle::kDashDmy, Language::kNl), "12-03-2024");
  EXPECT_EQ(FormatDate(d, DateStyle::kLongDmy, Language::kEn), "12 March 2024");
  EXPECT_EQ(FormatDate(d, DateStyle::kLongDmy, Language::kDe), "12. März 2024");
  EXPECT_EQ(FormatDate(d, DateStyle::kLongDmy, Language::kFr), "12 mars 2024");
  EXPECT_EQ(FormatDate(d, DateStyle::kLongDmy, Language::kEs), "12 de marzo de 2024");
  EXPECT_EQ(FormatDate(d, DateStyle::kLongDmy, Language::kIt), "12 marzo 2024");
  EXPECT_EQ(FormatDate(d, DateStyle::kLongDmy, Language::kNl), "12 maart 2024");
  EXPECT_EQ(FormatDate(d, DateStyle::kLongMdy, Language::kEn), "March 12, 2024");
  EXPECT_EQ(FormatDate(d, DateStyle::kAbbrevDmy, Language::kEn), "12 Mar 2024");
  EXPECT_EQ(FormatDate(d, DateStyle::kAbbrevMdy, Language::kEn), "Mar 12, 2024");
  EXPECT_EQ(FormatDate(Day(2024, 3, 5), DateStyle::kDotDmyUnpadded, Language::kDe), "5.3.2024");
}

TEST(SynthFormatDateTest, WritesTheFrenchFirstOfTheMonthAsPremier) {
  EXPECT_EQ(FormatDate(Day(2024, 8, 1), DateStyle::kLongDmy, Language::kFr), "1er août 2024");
}

SynthInvoice Money(CurrencyDisplay display, Language language, std::string code,
                   std::string symbol) {
  SynthInvoice inv;
  inv.currency = std::move(code);
  inv.currency_symbol = std::move(symbol);
  inv.look.language = language;
  inv.look.currency_display = display;
  inv.look.numbers = language == Language::kEn ? NumberStyle::kCommaDot : NumberStyle::kDotComma;
  return inv;
}

TEST(SynthFormatMoneyTest, PutsTheCurrencyWhereTheLookSays) {
  const Decimal amount = D("1234.56");
  EXPECT_EQ(FormatMoney(amount, Money(CurrencyDisplay::kSymbolBefore, Language::kEn, "GBP", "£")),
            "£1,234.56");
  EXPECT_EQ(FormatMoney(amount, Money(CurrencyDisplay::kSymbolBefore, Language::kNl, "EUR", "€")),
            "€ 1.234,56");
  EXPECT_EQ(FormatMoney(amount, Money(CurrencyDisplay::kSymbolAfter, Language::kDe, "EUR", "€")),
            "1.234,56 €");
  EXPECT_EQ(FormatMoney(amount, Money(CurrencyDisplay::kCodeBefore, Language::kEn, "USD", "$")),
            "USD 1,234.56");
  EXPECT_EQ(FormatMoney(amount, Money(CurrencyDisplay::kCodeAfter, Language::kDe, "CHF", "CHF")),
            "1.234,56 CHF");
  EXPECT_EQ(FormatMoney(amount, Money(CurrencyDisplay::kNoteOnly, Language::kEn, "EUR", "€")),
            "1,234.56");
  EXPECT_EQ(
      FormatMoney(D("-5.00"), Money(CurrencyDisplay::kSymbolBefore, Language::kEn, "USD", "$")),
      "-$5.00");
}

TEST(SynthFormatMoneyTest, LeavesLineAmountsBareUnlessTheTableShowsTheCurrency) {
  SynthInvoice inv = Money(CurrencyDisplay::kCodeAfter, Language::kDe, "EUR", "€");
  EXPECT_EQ(FormatLineMoney(D("12.50"), inv), "12,50");
  inv.look.currency_in_table = true;
  EXPECT_EQ(FormatLineMoney(D("12.50"), inv), "12,50 EUR");
}

TEST(SynthFormatRateTest, DropsTrailingZerosAndUsesTheDecimalSeparator) {
  EXPECT_EQ(FormatRate(D("19"), NumberStyle::kDotComma), "19");
  EXPECT_EQ(FormatRate(D("8.10"), NumberStyle::kDotComma), "8,1");
  EXPECT_EQ(FormatRate(D("5.5"), NumberStyle::kCommaDot), "5.5");
}

}  // namespace
}  // namespace invoicer::synth
