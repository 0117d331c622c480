#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "extract/templates/template_set.h"
#include "template_fixtures.h"

namespace invoicer::extract::templates {
namespace {

using testing::Field;
using testing::LayoutOf;
using testing::LoadYaml;
using testing::MatchText;
using testing::TempDir;

constexpr std::string_view kLinesInvoice =
    "Lines Co\n"
    "Invoice 42\n"
    "Date: 2024-01-31\n"
    "Description        Qty   Price    Amount\n"
    "Widget A             2   10.00     20.00\n"
    "  blue, large\n"
    "  Page 1 of 2\n"
    "Widget B             1    5.50      5.50\n"
    "Total                              25.50\n";

constexpr std::string_view kLinesRules = R"(
    start: Description\s+Qty\s+Price\s+Amount
    end: Total
    first_line: '^(?P<name>\S.*?)\s{2,}(?P<qty>\d+)\s+(?P<price_unit>\d+\.\d{2})\s+(?P<price_subtotal>\d+\.\d{2})$'
    line: '^\s+(?P<name>\S.*)$'
    skip_line: Page \d+
    types:
      qty: float
      price_unit: float
      price_subtotal: float
)";

void ExpectTwoLineItems(const TemplateMatch& m) {
  ASSERT_EQ(m.line_items.size(), 2U);
  EXPECT_EQ(m.line_items[0].description, "Widget A\nblue, large");
  EXPECT_EQ(m.line_items[0].quantity->ToString(), "2");
  EXPECT_EQ(m.line_items[0].unit_price->ToString(), "10.00");
  EXPECT_EQ(m.line_items[0].amount->ToString(), "20.00");
  EXPECT_EQ(m.line_items[1].description, "Widget B");
  EXPECT_EQ(m.line_items[1].amount->ToString(), "5.50");
  const auto extra = nlohmann::json::parse(m.extra_fields_json);
  ASSERT_EQ(extra.at("lines").size(), 2U);
  EXPECT_EQ(extra.at("lines")[0].at("price_unit"), "10.00");
  EXPECT_EQ(extra.at("lines")[1].at("name"), "Widget B");
}

TEST(TemplateLinesTest, LinesParserBuildsRowsFromFirstLineAndContinuations) {
  TempDir dir;
  const TemplateSet set = LoadYaml(dir, std::string(R"(
issuer: Lines Co
keywords: [Lines Co]
fields:
  amount: Total\s+(\d+\.\d{2})
  date: 'Date: (\S+)'
  invoice_number: Invoice\s+(\d+)
  lines:
    parser: lines)") + std::string(kLinesRules) +
                                            "options: {date_formats: ['%Y-%m-%d']}\n");
  const auto m = MatchText(set, kLinesInvoice);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(Field(*m, "total"), "25.50");
  ExpectTwoLineItems(*m);
}

TEST(TemplateLinesTest, LinesPluginAtTheTopLevel) {
  TempDir dir;
  const TemplateSet set = LoadYaml(dir, R"(
issuer: Lines Co
keywords: [Lines Co]
fields:
  amount: Total\s+(\d+\.\d{2})
  date: 'Date: (\S+)'
  invoice_number: Invoice\s+(\d+)
lines:)" + std::string(kLinesRules) + "options: {date_formats: ['%Y-%m-%d']}\n");
  const auto m = MatchText(set, kLinesInvoice);
  ASSERT_TRUE(m.has_value());
  ExpectTwoLineItems(*m);
}

TEST(TemplateLinesTest, LastLineClosesARowAndRulesConcatenate) {
  TempDir dir;
  const TemplateSet set = LoadYaml(dir, R"(
issuer: Multi
keywords: [Multi Ltd]
fields:
  invoice_number: No (\d+)
  lines:
    parser: lines
    rules:
      - start: Goods
        end: Services
        first_line: '^Item (?P<name>\w+)$'
        line: '^  (?P<note>.+)$'
        last_line: '^  = (?P<price_subtotal>\d+\.\d{2})$'
      - start: Services
        end: End
        line: '^(?P<name>\w+) (?P<price_subtotal>\d+\.\d{2})$'
required_fields: [invoice_number, lines]
)");
  const auto m = MatchText(set,
                           "Multi Ltd\nNo 3\nGoods\nItem bolt\n  steel\n  zinc\n  = 1.20\n"
                           "  orphan line\nItem nut\n  = 0.80\nServices\nfitting 15.00\nEnd\n");
  ASSERT_TRUE(m.has_value());
  ASSERT_EQ(m->line_items.size(), 3U);
  EXPECT_EQ(m->line_items[0].description, "bolt");
  EXPECT_EQ(m->line_items[0].amount->ToString(), "1.20");
  EXPECT_EQ(m->line_items[1].description, "nut");
  EXPECT_EQ(m->line_items[2].description, "fitting");
  const auto extra = nlohmann::json::parse(m->extra_fields_json);
  EXPECT_EQ(extra.at("lines")[0].at("note"), "steel\nzinc");
}

TEST(TemplateLinesTest, TablesPluginReadsValuesBelowTheirHeadings) {
  TempDir dir;
  const TemplateSet set = LoadYaml(dir, R"(
issuer: Hotel
keywords: [Hotel Example]
fields:
  invoice_number: Booking\s+(\w+)
tables:
  - start: Check In\s+Check Out\s+Rooms
    end: Booking
    body: (?P<date_check_in>\d{2}/\d{2}/\d{4})\s+(?P<date_check_out>\d{2}/\d{2}/\d{4})\s+(?P<qty_rooms>\d+)
    types:
      qty_rooms: int
  - start: Item\s+Amount
    end: Thanks
    body: (?P<item>\w+)\s+(?P<amount>\d+\.\d{2})
    fields:
      amount:
        group: sum
required_fields: [invoice_number]
options:
  date_formats: ['%d/%m/%Y']
)");
  const auto m = MatchText(set,
                           "Hotel Example\n"
                           "Check In      Check Out     Rooms\n"
                           "31/12/2017    01/01/2018    1\n"
                           "Booking IBZY2087\n"
                           "Item      Amount\n"
                           "Room      100.00\n"
                           "Tax        12.00\n"
                           "Thanks\n");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(Field(*m, "total"), "112.00");
  const auto extra = nlohmann::json::parse(m->extra_fields_json);
  EXPECT_EQ(extra.at("date_check_in"), "2017-12-31");
  EXPECT_EQ(extra.at("date_check_out"), "2018-01-01");
  EXPECT_EQ(extra.at("qty_rooms"), "1");
  EXPECT_EQ(extra.at("item"), nlohmann::json::array({"Room", "Tax"}));
}

TEST(TemplateLinesTest, RemoveWhitespaceStillLocatesTheValue) {
  TempDir dir;
  const TemplateSet set = LoadYaml(dir, R"(
issuer: Microsoft Regional Sales Corporation
keywords: [Microsoft, M9-0002526-N]
fields:
  amount: GrandTotal(\d+\.\d+)HKD
  date: DocumentDate:(\d{1,2}\/\d{1,2}\/\d{4})
  invoice_number: InvoiceNo.:(\w+)
options:
  remove_whitespace: true
  currency: HKD
  date_formats: ['%d/%m/%Y']
)");
  const auto m = MatchText(set,
                           "Microsoft Regional Sales Corp     M9-0002526-N\n"
                           "Invoice No.: 2017HK123\n"
                           "Document Date: 3/7/2017\n"
                           "Grand Total 1234.00 HKD\n");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(Field(*m, "invoice_number"), "2017HK123");
  EXPECT_EQ(Field(*m, "invoice_date"), "2017-07-03");
  EXPECT_EQ(Field(*m, "currency"), "HKD");
  EXPECT_EQ(Field(*m, "total"), "1234.00");
  const domain::FieldValue& number = m->fields.at("invoice_number");
  EXPECT_EQ(number.page, 1);
  ASSERT_TRUE(number.bbox.has_value());
  EXPECT_DOUBLE_EQ(number.bbox->x0, 13);
  EXPECT_DOUBLE_EQ(number.bbox->y0, 1);
}

TEST(TemplateLinesTest, AccentsCaseAndReplaceOptionsPrepareTheText) {
  TempDir dir;
  const TemplateSet set = LoadYaml(dir, R"(
issuer: Societe
keywords: [Soci\u00e9t\u00e9 G\u00e9n\u00e9rale]
fields:
  date: facture du (\d+ \w+ \d{4})
  invoice_number: facture n.(\d+)
  amount: 'total ttc: (\d+,\d{2})'
options:
  remove_accents: true
  lowercase: true
  replace:
    - ['total\s+a\s+payer', 'total ttc:']
  decimal_separator: ','
  date_formats: ['%d %B %Y']
  languages: [fr]
)");
  const auto m = MatchText(set,
                           "Soci\xC3\xA9t\xC3\xA9 G\xC3\xA9n\xC3\xA9rale\n"
                           "Facture n\xC2\xB0"
                           "4711 - Facture du 12 F\xC3\xA9vrier 2024\n"
                           "TOTAL \xC3\x80 PAYER 99,90\n");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(Field(*m, "invoice_date"), "2024-02-12");
  EXPECT_EQ(Field(*m, "invoice_number"), "4711");
  EXPECT_EQ(Field(*m, "total"), "99.90");
  EXPECT_EQ(m->fields.at("total").page, 1);
  EXPECT_DOUBLE_EQ(m->fields.at("total").bbox->x0, 14);
}

TEST(TemplateLinesTest, JsonTemplatesLoadLikeYaml) {
  TempDir dir;
  auto set = TemplateSet::LoadFiles({dir.Write("shop.json", R"json({
  "issuer": "Flipkart",
  "fields": {
    "amount": "GrandTotal\\s*(\\d+\\.\\d+)",
    "date": "InvoiceDate:\\s*(\\d{1,4}\\-\\d{1,2}\\-\\d{1,4})",
    "invoice_number": "InvoiceNo:(\\S+)"
  },
  "keywords": ["flipkart", "WS Retail"],
  "options": {"currency": "INR", "remove_whitespace": true, "date_formats": ["%d-%m-%Y"]}
})json")});
  ASSERT_TRUE(set.has_value());
  ASSERT_EQ(set->size(), 1U);
  const auto m = MatchText(*set,
                           "flipkart WS Retail\nInvoice No: FA123\nInvoice Date: 12-05-2023\n"
                           "Grand Total  499.00\n");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(Field(*m, "invoice_number"), "FA123");
  EXPECT_EQ(Field(*m, "invoice_date"), "2023-05-12");
  EXPECT_EQ(Field(*m, "total"), "499.00");
  EXPECT_EQ(Field(*m, "currency"), "INR");
}

}  // namespace
}  // namespace invoicer::extract::templates
