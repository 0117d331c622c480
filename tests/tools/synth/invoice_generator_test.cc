#include "synth/invoice_generator.h"

#include <gtest/gtest.h>

#include <set>

#include "domain/validate.h"
#include "synth/truth_json.h"

namespace invoicer::synth {
namespace {

constexpr int kDocuments = 400;

Decimal Sum(const std::vector<Decimal>& values, int scale) {
  Decimal sum = Decimal::FromUnits(0, scale);
  for (const Decimal& v : values) sum = sum.Add(v).value();
  return sum;
}

TEST(GenerateInvoiceTest, GivesTheSameInvoiceForTheSameSeedAndIndex) {
  for (std::uint64_t i = 0; i < 20; ++i) {
    EXPECT_EQ(TruthJson(GenerateInvoice(5, i, kMaxLineItems)),
              TruthJson(GenerateInvoice(5, i, kMaxLineItems)));
  }
  EXPECT_NE(TruthJson(GenerateInvoice(5, 0, kMaxLineItems)),
            TruthJson(GenerateInvoice(6, 0, kMaxLineItems)));
}

TEST(GenerateInvoiceTest, KeepsTheArithmeticExact) {
  for (std::uint64_t i = 0; i < kDocuments; ++i) {
    const SynthInvoice inv = GenerateInvoice(1, i, kMaxLineItems);
    const int places = CurrencyExponent(inv.currency);
    std::vector<Decimal> amounts;
    for (const SynthLine& line : inv.lines) {
      // Line amount = quantity x unit price, rounded to the currency's places.
      const Decimal exact = line.quantity.Mul(line.unit_price).value();
      EXPECT_EQ(line.amount, exact.RescaledHalfEven(places).value()) << i;
      EXPECT_EQ(line.amount.scale(), places);
      amounts.push_back(line.amount);
    }
    EXPECT_EQ(Sum(amounts, places), inv.subtotal) << i;
    std::vector<Decimal> bases;
    std::vector<Decimal> taxes;
    for (const TaxLine& t : inv.taxes) {
      bases.push_back(t.base);
      taxes.push_back(t.tax);
    }
    EXPECT_EQ(Sum(bases, places), inv.subtotal) << i;
    EXPECT_EQ(Sum(taxes, places), inv.total_tax) << i;
    EXPECT_EQ(inv.subtotal.Add(inv.total_tax).value(), inv.total) << i;
    EXPECT_EQ(inv.total.Sub(inv.amount_paid).value(), inv.amount_due) << i;
    EXPECT_EQ(inv.total.scale(), places);
  }
}

TEST(GenerateInvoiceTest, DrawsBetweenOneAndTwentyFiveLines) {
  std::set<std::size_t> counts;
  for (std::uint64_t i = 0; i < kDocuments; ++i) {
    const std::size_t n = GenerateInvoice(2, i, kMaxLineItems).lines.size();
    EXPECT_GE(n, 1U);
    EXPECT_LE(n, 26U);  // 25 plus an occasional discount line
    counts.insert(n);
  }
  EXPECT_TRUE(counts.contains(1));
  EXPECT_TRUE(counts.contains(25) || counts.contains(26));
}

TEST(GenerateInvoiceTest, HonoursTheLineLimit) {
  for (std::uint64_t i = 0; i < 50; ++i) EXPECT_LE(GenerateInvoice(3, i, 4).lines.size(), 5U);
}

TEST(GenerateInvoiceTest, CoversTheLanguagesFormatsAndCurrencies) {
  std::set<Language> languages;
  std::set<NumberStyle> numbers;
  std::set<DateStyle> dates;
  std::set<std::string> currencies;
  std::set<Composition> layouts;
  int multi_rate = 0;
  for (std::uint64_t i = 0; i < kDocuments; ++i) {
    const SynthInvoice inv = GenerateInvoice(4, i, kMaxLineItems);
    languages.insert(inv.look.language);
    numbers.insert(inv.look.numbers);
    dates.insert(inv.look.dates);
    currencies.insert(inv.currency);
    layouts.insert(inv.look.composition);
    multi_rate += inv.taxes.size() > 1 ? 1 : 0;
  }
  EXPECT_EQ(languages.size(), 6U);
  EXPECT_EQ(numbers.size(), 7U);
  EXPECT_EQ(dates.size(), 10U);
  for (const char* code : {"EUR", "USD", "GBP", "CHF", "SEK", "JPY"}) {
    EXPECT_TRUE(currencies.contains(code)) << code;
  }
  EXPECT_EQ(layouts.size(), 3U);
  EXPECT_GT(multi_rate, 0);
}

TEST(GenerateInvoiceTest, GivesJapaneseYenAmountsNoDecimals) {
  int seen = 0;
  for (std::uint64_t i = 0; i < 2000 && seen < 3; ++i) {
    const SynthInvoice inv = GenerateInvoice(9, i, kMaxLineItems);
    if (inv.currency != "JPY") continue;
    ++seen;
    EXPECT_EQ(inv.total.scale(), 0);
    for (const SynthLine& line : inv.lines) EXPECT_EQ(line.amount.scale(), 0);
  }
  EXPECT_GT(seen, 0);
}

TEST(GenerateInvoiceTest, WritesEnglishNumericDatesWithAnUnambiguousDay) {
  for (std::uint64_t i = 0; i < kDocuments; ++i) {
    const SynthInvoice inv = GenerateInvoice(6, i, kMaxLineItems);
    const DateStyle s = inv.look.dates;
    if (inv.look.language != Language::kEn) continue;
    if (s == DateStyle::kSlashDmy || s == DateStyle::kSlashMdy || s == DateStyle::kDashDmy) {
      EXPECT_GT(inv.invoice_date.day(), 12U) << i;
    }
  }
}

TEST(GenerateInvoiceTest, GivesPartiesValidIdentifiers) {
  for (std::uint64_t i = 0; i < kDocuments; ++i) {
    const SynthInvoice inv = GenerateInvoice(7, i, kMaxLineItems);
    if (!inv.iban.empty()) {
      EXPECT_TRUE(domain::IsValidIban(inv.iban)) << inv.iban;
    }
    for (const Party* party : {&inv.vendor, &inv.customer}) {
      if (!party->vat_compact.empty()) {
        EXPECT_TRUE(domain::IsValidVatId(party->vat_compact)) << party->vat_compact;
      }
    }
    EXPECT_FALSE(inv.vendor.name.empty());
    EXPECT_GE(inv.vendor.address_lines.size(), 2U);
    EXPECT_LE(inv.invoice_date, inv.due_date);
  }
}

}  // namespace
}  // namespace invoicer::synth
