#include "extract/templates/template_set.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "template_fixtures.h"

namespace invoicer::extract::templates {
namespace {

using testing::Field;
using testing::LayoutOf;
using testing::LoadYaml;
using testing::MatchText;
using testing::TempDir;

constexpr std::string_view kGermanTemplate = R"(
issuer: Acme GmbH
keywords:
  - Acme GmbH
  - DE123456789
fields:
  amount: Gesamtbetrag\s+([\d.]+,\d{2})
  date: Rechnungsdatum:\s+(\d{2}\.\d{2}\.\d{4})
  invoice_number: Rechnung Nr\.\s+(\S+)
  vat: (DE\d{9})
options:
  currency: EUR
  decimal_separator: ','
  date_formats:
    - '%d.%m.%Y'
  languages:
    - de
)";

constexpr std::string_view kGermanInvoice =
    "Acme GmbH                         USt-IdNr. DE123456789\n"
    "Rechnung Nr. R-2024-001\n"
    "Rechnungsdatum: 05.03.2024\n"
    "\n"
    "Gesamtbetrag                      1.234,50 EUR\n";

TEST(TemplateSetTest, ExtractsShorthandFieldsUnderOurNames) {
  TempDir dir;
  const TemplateSet set = LoadYaml(dir, kGermanTemplate);
  const auto m = MatchText(set, kGermanInvoice);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->issuer, "Acme GmbH");
  EXPECT_EQ(Field(*m, "vendor_name"), "Acme GmbH");
  EXPECT_EQ(Field(*m, "invoice_number"), "R-2024-001");
  EXPECT_EQ(Field(*m, "invoice_date"), "2024-03-05");
  EXPECT_EQ(Field(*m, "total"), "1234.50");
  EXPECT_EQ(Field(*m, "currency"), "EUR");
  EXPECT_EQ(Field(*m, "vendor_tax_id"), "DE123456789");
  EXPECT_EQ(m->fields.at("total").source, domain::FieldSource::kTemplate);
  EXPECT_GE(m->fields.at("total").confidence, 0.9);
  EXPECT_EQ(m->extra_fields_json, "{}");
}

TEST(TemplateSetTest, LocatesValuesOnTheirPage) {
  TempDir dir;
  const TemplateSet set = LoadYaml(dir, kGermanTemplate);
  const std::string two_pages =
      "Acme GmbH DE123456789\nCover page\n\f" + std::string(kGermanInvoice);
  const auto m = MatchText(set, two_pages);
  ASSERT_TRUE(m.has_value());
  const domain::FieldValue& number = m->fields.at("invoice_number");
  EXPECT_EQ(number.page, 2);
  ASSERT_TRUE(number.bbox.has_value());
  EXPECT_DOUBLE_EQ(number.bbox->x0, 13);  // "R-2024-001" starts in column 13
  EXPECT_DOUBLE_EQ(number.bbox->x1, 23);
  EXPECT_DOUBLE_EQ(number.bbox->y0, 1);
  EXPECT_EQ(m->fields.at("vendor_name").page, 0);  // the issuer is not read from the page
}

TEST(TemplateSetTest, NeedsEveryKeywordAndNoExcludedOne) {
  TempDir dir;
  const TemplateSet set =
      LoadYaml(dir, std::string(kGermanTemplate) + "exclude_keywords: Gutschrift\n");
  EXPECT_TRUE(MatchText(set, kGermanInvoice).has_value());
  EXPECT_FALSE(MatchText(set, "Acme GmbH\nRechnung Nr. 1\n").has_value());
  EXPECT_FALSE(MatchText(set, std::string(kGermanInvoice) + "Gutschrift\n").has_value());
}

TEST(TemplateSetTest, KeywordsAreRegexes) {
  TempDir dir;
  const TemplateSet set = LoadYaml(dir, R"(
issuer: Accor
keywords: ['(?i)accor', 'BE\s0673\s923']
fields: {invoice_number: 'Folio (\d+)'}
required_fields: [invoice_number]
)");
  const auto m = MatchText(set, "ACCOR HOTELS BE 0673 923\nFolio 77\n");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(Field(*m, "invoice_number"), "77");
}

TEST(TemplateSetTest, HighestPriorityWinsThenFileOrder) {
  TempDir dir;
  const std::string generic = dir.Write("a_generic.yml", R"(
issuer: Generic software
keywords: [Invoice]
priority: 3
fields: {invoice_number: 'Invoice (\d+)'}
required_fields: [invoice_number]
)");
  const std::string specific = dir.Write("b_specific.yml", R"(
issuer: Acme
keywords: [Invoice, Acme]
fields: {invoice_number: 'Invoice (\d+)'}
required_fields: [invoice_number]
)");
  const std::string twin = dir.Write("c_twin.yml", R"(
issuer: Acme twin
keywords: [Invoice, Acme]
fields: {invoice_number: 'Invoice (\d+)'}
required_fields: [invoice_number]
)");
  auto set = TemplateSet::LoadFiles({generic, specific, twin});
  ASSERT_TRUE(set.has_value());
  EXPECT_EQ(MatchText(*set, "Acme\nInvoice 12\n")->issuer, "Acme");
  EXPECT_EQ(MatchText(*set, "Other Ltd\nInvoice 12\n")->issuer, "Generic software");
}

TEST(TemplateSetTest, MissingRequiredFieldMeansNoMatch) {
  TempDir dir;
  const TemplateSet set = LoadYaml(dir, kGermanTemplate);
  // No amount: invoice2data's default required fields are date, amount, invoice_number.
  EXPECT_FALSE(MatchText(set,
                         "Acme GmbH DE123456789\nRechnung Nr. 7\n"
                         "Rechnungsdatum: 05.03.2024\n")
                   .has_value());
}

TEST(TemplateSetTest, ParserRegexAppliesTypeAndGroup) {
  TempDir dir;
  const TemplateSet set = LoadYaml(dir, R"(
issuer: Shop
keywords: [Shop Example]
fields:
  amount: {parser: regex, regex: 'Total (\d+\.\d{2})', type: float}
  amount_tax: {parser: regex, regex: 'VAT \d+%\s+(\d+\.\d{2})', type: float, group: sum}
  date: {parser: regex, regex: '(\d{4}-\d{2}-\d{2})', type: date, group: min}
  date_due: {parser: regex, regex: '(\d{4}-\d{2}-\d{2})', type: date, group: max}
  invoice_number: {parser: regex, regex: 'Ref (\w+)', group: first}
  customer_ref: {parser: regex, regex: 'Ref (\w+)', group: last}
  note: {parser: regex, regex: 'Note: (\w+)', group: join}
  pieces: {parser: regex, regex: ['(\d+) pieces', 'pieces: (\d+)'], type: int}
)");
  const auto m = MatchText(set,
                           "Shop Example\n"
                           "Ref A1  Ref B2\n"
                           "Issued 2024-03-05  Due 2024-03-31  Ordered 2024-03-01\n"
                           "VAT 21%   21.00\n"
                           "VAT 9%     4.50\n"
                           "Note: fragile  Note: heavy\n"
                           "3 pieces\n"
                           "Total 125.50\n");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(Field(*m, "total"), "125.50");
  EXPECT_EQ(Field(*m, "total_tax"), "25.50");
  EXPECT_EQ(Field(*m, "invoice_date"), "2024-03-01");
  EXPECT_EQ(Field(*m, "due_date"), "2024-03-31");
  EXPECT_EQ(Field(*m, "invoice_number"), "A1");
  const auto extra = nlohmann::json::parse(m->extra_fields_json);
  EXPECT_EQ(extra.at("customer_ref"), "B2");
  EXPECT_EQ(extra.at("note"), "fragile heavy");
  EXPECT_EQ(extra.at("pieces"), "3");
}

TEST(TemplateSetTest, LegacyListsSumAmountsAndFieldReplace) {
  TempDir dir;
  const TemplateSet set = LoadYaml(dir, R"(
issuer: Legacy
keywords: [Legacy BV]
fields:
  invoice_number:
    - Factuur nr (\d+)
    - Invoice no (\d+)
  date: Datum (\S+)
  amount: Te betalen (\d+,\d{2})
  sum_amount_tax:
    - BTW 9%\s+(\d+,\d{2})
    - BTW 21%\s+(\d+,\d{2})
  vat:
    parser: regex
    regex: BTW-nr (\S+)
    replace: ['\W+', '']
options:
  decimal_separator: ','
  languages: [nl]
)");
  const auto m = MatchText(set,
                           "Legacy BV    BTW-nr NL.8001.23.456.B01\n"
                           "Invoice no 77\n"
                           "Datum 04-03-2024\n"
                           "BTW 9%     1,80\n"
                           "BTW 21%   10,50\n"
                           "Te betalen 72,30\n");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(Field(*m, "invoice_number"), "77");
  EXPECT_EQ(Field(*m, "invoice_date"), "2024-03-04");       // Dutch: day first
  EXPECT_LT(m->fields.at("invoice_date").confidence, 0.9);  // but 03-04 could be either
  EXPECT_EQ(Field(*m, "total"), "72.30");
  EXPECT_EQ(Field(*m, "total_tax"), "12.30");
  EXPECT_EQ(Field(*m, "vendor_tax_id"), "NL800123456B01");
}

TEST(TemplateSetTest, SeveralDifferentValuesAreKeptAndFlagged) {
  TempDir dir;
  const TemplateSet set = LoadYaml(dir, R"(
issuer: Twice
keywords: [Twice Ltd]
fields:
  amount: Total (\d+\.\d{2})
  invoice_number: No (\d+)
  date: Date (\S+)
options: {date_formats: ['%Y-%m-%d']}
)");
  const auto m = MatchText(set, "Twice Ltd\nNo 5\nDate 2024-05-01\nTotal 10.00\nTotal 20.00\n");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(Field(*m, "total"), "10.00");
  EXPECT_LT(m->fields.at("total").confidence, 0.9);
  const auto extra = nlohmann::json::parse(m->extra_fields_json);
  EXPECT_EQ(extra.at("amount"), nlohmann::json::array({"10.00", "20.00"}));
}

TEST(TemplateSetTest, StaticFieldsAndExtraFieldTypes) {
  TempDir dir;
  const TemplateSet set = LoadYaml(dir, R"(
issuer: Static Co
keywords: [Static Co]
fields:
  invoice_number: Invoice (\d+)
  amount: Total (\d+\.\d{2})
  date: Date (\S+)
  static_vat: NL001234567B01
  country_code: {parser: static, value: NL}
  partner_ref: {parser: static, value: 4711}
  date_start: {parser: static, value: 2024-03-01}
  mandate: {parser: static, value: ''}
options: {currency: USD, date_formats: ['%d/%m/%Y']}
)");
  const auto m = MatchText(set, "Static Co\nInvoice 9\nDate 01/04/2024\nTotal 5.00\n");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(Field(*m, "vendor_tax_id"), "NL001234567B01");
  EXPECT_EQ(Field(*m, "currency"), "USD");
  EXPECT_EQ(Field(*m, "invoice_date"), "2024-04-01");
  const auto extra = nlohmann::json::parse(m->extra_fields_json);
  EXPECT_EQ(extra.at("country_code"), "NL");
  EXPECT_EQ(extra.at("partner_ref"), "4711");
  EXPECT_EQ(extra.at("date_start"), "2024-03-01");
  EXPECT_FALSE(extra.contains("mandate"));  // an empty static value is not set
}

TEST(TemplateSetTest, CurrencyComesFromOptionsThenFieldThenDefault) {
  TempDir dir;
  const std::string base = R"(
issuer: Money
keywords: [Money Inc]
fields:
  invoice_number: No (\d+)
)";
  const std::string text = "Money Inc\nNo 1\nTotal \xE2\x82\xAC 5\n";
  const TemplateSet by_field = LoadYaml(
      dir, base + "  currency: Total\\s+(\\S+)\nrequired_fields: [invoice_number]\n", "field.yml");
  EXPECT_EQ(Field(*MatchText(by_field, text), "currency"), "EUR");
  EXPECT_GE(MatchText(by_field, text)->fields.at("currency").confidence, 0.9);
  const TemplateSet by_default =
      LoadYaml(dir, base + "required_fields: [invoice_number]\n", "default.yml");
  const auto defaulted = MatchText(by_default, text);
  EXPECT_EQ(Field(*defaulted, "currency"), "EUR");
  EXPECT_LT(defaulted->fields.at("currency").confidence, 0.9);
  const TemplateSet by_option =
      LoadYaml(dir,
               base +
                   "  currency: Total\\s+(\\S+)\nrequired_fields: [invoice_number]\n"
                   "options: {currency: GBP}\n",
               "option.yml");
  EXPECT_EQ(Field(*MatchText(by_option, text), "currency"), "GBP");
}

TEST(TemplateSetTest, RequiredFieldsCanBeChosen) {
  TempDir dir;
  const TemplateSet set = LoadYaml(dir, R"(
issuer: Free Mobile
keywords: [FR25499247138, Facture]
fields:
  invoice_number: Facture no (\d+)
  static_vat: FR25499247138
required_fields: [vat, invoice_number]
)");
  const auto m = MatchText(set, "Facture no 123 FR25499247138\n");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(Field(*m, "invoice_number"), "123");
  EXPECT_EQ(Field(*m, "vendor_tax_id"), "FR25499247138");
}

TEST(TemplateSetTest, PartnerFieldsNameTheVendor) {
  TempDir dir;
  const TemplateSet set = LoadYaml(dir, R"(
issuer: Azure Interior template
keywords: [Azure Interior]
fields:
  invoice_number: Invoice (\S+)
  partner_name: {parser: regex, regex: Azure Interior}
  partner_street: {parser: regex, regex: 4557 De Silva St}
  partner_zip: {parser: static, value: '94538'}
  partner_city: {parser: regex, regex: Fremont}
  company_vat: {parser: static, value: BE0477472701}
required_fields: [invoice_number]
)");
  const auto m =
      MatchText(set, "Azure Interior\n4557 De Silva St\nFremont, CA\nInvoice INV/2023/1\n");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(Field(*m, "vendor_name"), "Azure Interior");
  EXPECT_EQ(m->fields.at("vendor_name").page, 1);
  EXPECT_EQ(Field(*m, "vendor_address"), "4557 De Silva St, 94538 Fremont");
  EXPECT_EQ(Field(*m, "customer_tax_id"), "BE0477472701");
  const auto extra = nlohmann::json::parse(m->extra_fields_json);
  EXPECT_EQ(extra.at("partner_city"), "Fremont");  // the parts are kept too
}

}  // namespace
}  // namespace invoicer::extract::templates
