#include "synth/identifiers.h"

#include <gtest/gtest.h>

#include "domain/validate.h"

namespace invoicer::synth {
namespace {

constexpr Country kIbanCountries[] = {Country::kDe, Country::kAt, Country::kCh, Country::kFr,
                                      Country::kBe, Country::kLu, Country::kEs, Country::kIt,
                                      Country::kNl, Country::kGb, Country::kIe, Country::kSe};

TEST(SynthIbanTest, ComputesTheIso13616CheckDigits) {
  // The IBAN registry's examples.
  EXPECT_EQ(IbanCheckDigits("DE", "370400440532013000"), "89");
  EXPECT_EQ(IbanCheckDigits("GB", "WEST12345698765432"), "82");
  EXPECT_EQ(IbanCheckDigits("NL", "ABNA0417164300"), "91");
}

TEST(SynthIbanTest, GroupsInBlocksOfFour) {
  EXPECT_EQ(GroupIban("DE89370400440532013000"), "DE89 3704 0044 0532 0130 00");
}

TEST(SynthIbanTest, MakesValidIbansOfEachCountrysLength) {
  Rng rng(7, 0);
  for (const Country country : kIbanCountries) {
    for (int i = 0; i < 50; ++i) {
      const BankAccount account = MakeBankAccount(country, rng);
      EXPECT_TRUE(domain::IsValidIban(account.iban)) << account.iban;
      EXPECT_EQ(account.iban.substr(0, 2), CountryCode(country));
      EXPECT_EQ(account.bic.substr(4, 2), CountryCode(country)) << account.bic;
      EXPECT_FALSE(account.bank_name.empty());
    }
  }
}

TEST(SynthIbanTest, GivesUsAccountsRoutingNumbersInsteadOfAnIban) {
  Rng rng(7, 1);
  const BankAccount account = MakeBankAccount(Country::kUs, rng);
  EXPECT_TRUE(account.iban.empty());
  EXPECT_NE(account.us_note.find("Routing No."), std::string::npos);
}

TEST(SynthVatIdTest, MakesIdsWithValidCheckDigitsForEveryCountry) {
  Rng rng(11, 0);
  for (const Country country : kIbanCountries) {
    for (const Language language : {Language::kEn, Language::kFr}) {
      for (int i = 0; i < 100; ++i) {
        const TaxId id = MakeVatId(country, language, rng);
        EXPECT_TRUE(domain::IsValidVatId(id.compact)) << id.compact;
        EXPECT_TRUE(domain::IsValidVatId(id.printed)) << id.printed;
      }
    }
  }
}

TEST(SynthVatIdTest, RejectsTheSameIdWithAWrongCheckDigit) {
  Rng rng(11, 1);
  for (const Country country : {Country::kDe, Country::kAt, Country::kIt, Country::kBe}) {
    TaxId id = MakeVatId(country, Language::kEn, rng);
    char& last = id.compact.back();
    last = last == '9' ? '0' : static_cast<char>(last + 1);
    EXPECT_FALSE(domain::IsValidVatId(id.compact)) << id.compact;
  }
}

TEST(SynthVatIdTest, HasNoVatIdOutsideVatCountries) {
  Rng rng(11, 2);
  EXPECT_TRUE(MakeVatId(Country::kUs, Language::kEn, rng).compact.empty());
}

}  // namespace
}  // namespace invoicer::synth
