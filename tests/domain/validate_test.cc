#include "domain/validate.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace invoicer::domain {
namespace {

FieldValue Val(std::string value, double confidence = 0.99) {
  return FieldValue{std::move(value), confidence, FieldSource::kText, 1, std::nullopt};
}

// A complete, consistent invoice.
FieldMap CleanFields() {
  return FieldMap{{"vendor_name", Val("ACME GmbH")},   {"invoice_number", Val("INV-1")},
                  {"invoice_date", Val("2026-01-15")}, {"due_date", Val("2026-02-15")},
                  {"currency", Val("EUR")},            {"subtotal", Val("100.00")},
                  {"total_tax", Val("19.00")},         {"total", Val("119.00")},
                  {"iban", Val("DE89370400440532013000")},
                  {"vendor_tax_id", Val("DE136695976")}};
}

ValidationContext Context() {
  ValidationContext c;
  c.today = *Date::Parse("2026-06-01");
  return c;
}

std::vector<std::string> Codes(const std::vector<ValidationIssue>& issues) {
  std::vector<std::string> codes;
  for (const auto& i : issues) codes.push_back(i.code);
  return codes;
}

bool Has(const std::vector<ValidationIssue>& issues, std::string_view code) {
  return std::any_of(issues.begin(), issues.end(), [&](const auto& i) { return i.code == code; });
}

const ValidationIssue& Get(const std::vector<ValidationIssue>& issues, std::string_view code) {
  return *std::find_if(issues.begin(), issues.end(), [&](const auto& i) { return i.code == code; });
}

LineItem Line(std::optional<std::string> amount, std::optional<std::string> qty = std::nullopt,
              std::optional<std::string> price = std::nullopt) {
  LineItem item;
  item.description = "thing";
  if (amount) item.amount = *Decimal::Parse(*amount);
  if (qty) item.quantity = *Decimal::Parse(*qty);
  if (price) item.unit_price = *Decimal::Parse(*price);
  return item;
}

TEST(ValidateTest, FindsNothingOnACleanInvoice) {
  const auto issues = Validate(CleanFields(), {Line("60.00"), Line("40.00")}, Context());
  EXPECT_TRUE(issues.empty()) << ::testing::PrintToString(Codes(issues));
  EXPECT_FALSE(NeedsReview(CleanFields(), issues, 0.9));
  EXPECT_FALSE(BlocksValidation(CleanFields(), issues));
}

TEST(ValidateTest, ReportsEachMissingRequiredFieldAsError) {
  FieldMap fields = CleanFields();
  fields.erase("vendor_name");
  fields.erase("total");
  const auto issues = Validate(fields, {}, Context());
  std::vector<std::string> missing;
  for (const auto& i : issues) {
    if (i.code == "MISSING_REQUIRED_FIELD") {
      EXPECT_EQ(i.severity, Severity::kError);
      missing.push_back(i.fields.at(0));
    }
  }
  EXPECT_EQ(missing, (std::vector<std::string>{"vendor_name", "total"}));
  EXPECT_TRUE(BlocksValidation(fields, issues));
  EXPECT_TRUE(NeedsReview(fields, issues, 0.9));
}

TEST(ValidateTest, ReportsTotalMismatchAcrossScales) {
  FieldMap fields = CleanFields();
  fields["total"] = Val("119.01");
  const auto issues = Validate(fields, {}, Context());
  ASSERT_TRUE(Has(issues, "TOTAL_MISMATCH"));
  EXPECT_EQ(Get(issues, "TOTAL_MISMATCH").fields,
            (std::vector<std::string>{"subtotal", "total_tax", "total"}));
  fields["total"] = Val("119");  // same value, other scale
  EXPECT_FALSE(Has(Validate(fields, {}, Context()), "TOTAL_MISMATCH"));
}

TEST(ValidateTest, ComparesLineItemsWithSubtotalOrTotal) {
  FieldMap fields = CleanFields();
  EXPECT_TRUE(Has(Validate(fields, {Line("60.00"), Line("30.00")}, Context()),
                  "LINE_ITEMS_MISMATCH"));
  // Quantity x unit price stands in for a missing amount.
  EXPECT_FALSE(Has(Validate(fields, {Line(std::nullopt, "4", "25.00")}, Context()),
                   "LINE_ITEMS_MISMATCH"));
  fields.erase("subtotal");
  const auto issues = Validate(fields, {Line("100.00")}, Context());
  ASSERT_TRUE(Has(issues, "LINE_ITEMS_MISMATCH"));
  EXPECT_EQ(Get(issues, "LINE_ITEMS_MISMATCH").fields,
            (std::vector<std::string>{"line_items", "total"}));
  EXPECT_FALSE(Has(Validate(fields, {Line("119.00")}, Context()), "LINE_ITEMS_MISMATCH"));
  // A line without any amount cannot be judged.
  EXPECT_FALSE(Has(Validate(fields, {Line(std::nullopt)}, Context()), "LINE_ITEMS_MISMATCH"));
}

TEST(ValidateTest, ReportsDueDateBeforeInvoiceDateAndFutureDate) {
  FieldMap fields = CleanFields();
  fields["due_date"] = Val("2026-01-14");
  fields["invoice_date"] = Val("2026-01-15");
  auto issues = Validate(fields, {}, Context());
  EXPECT_EQ(Get(issues, "DUE_BEFORE_INVOICE_DATE").severity, Severity::kError);
  fields = CleanFields();
  fields["invoice_date"] = Val("2026-06-02");
  fields["due_date"] = Val("2026-07-02");
  issues = Validate(fields, {}, Context());
  ASSERT_TRUE(Has(issues, "FUTURE_DATE"));
  EXPECT_EQ(Get(issues, "FUTURE_DATE").severity, Severity::kWarning);
  EXPECT_FALSE(BlocksValidation(fields, issues));
}

TEST(ValidateTest, ReportsInvalidIbanAsErrorAndInvalidVatIdAsWarning) {
  FieldMap fields = CleanFields();
  fields["iban"] = Val("DE89370400440532013001");
  fields["vendor_tax_id"] = Val("DE136695977");
  fields["customer_tax_id"] = Val("123/456/78901");  // national number: not judged
  const auto issues = Validate(fields, {}, Context());
  EXPECT_EQ(Get(issues, "INVALID_IBAN").severity, Severity::kError);
  ASSERT_TRUE(Has(issues, "INVALID_VAT_ID"));
  EXPECT_EQ(Get(issues, "INVALID_VAT_ID").severity, Severity::kWarning);
  EXPECT_EQ(Get(issues, "INVALID_VAT_ID").fields, (std::vector<std::string>{"vendor_tax_id"}));
}

TEST(ValidateTest, ReportsDuplicatesAndKeepsExtractorFindings) {
  ValidationContext context = Context();
  context.duplicate_ids = {"0190a1b2-0000-7000-8000-000000000001"};
  const ValidationIssue mismatch{"EINVOICE_MISMATCH", Severity::kError, "differs", {"total"}};
  const auto issues = Validate(CleanFields(), {}, context, {mismatch});
  EXPECT_EQ(Get(issues, "DUPLICATE_INVOICE").severity, Severity::kWarning);
  EXPECT_NE(Get(issues, "DUPLICATE_INVOICE").message.find(context.duplicate_ids[0]),
            std::string::npos);
  EXPECT_EQ(Get(issues, "EINVOICE_MISMATCH"), mismatch);
}

TEST(ValidateTest, ReportsMalformedExtractedValues) {
  FieldMap fields = CleanFields();
  fields["invoice_date"] = Val("2026-02-30");
  fields["currency"] = Val("EURO");
  const auto issues = Validate(fields, {}, Context());
  int malformed = 0;
  for (const auto& i : issues) malformed += i.code == "INVALID_FIELD_VALUE" ? 1 : 0;
  EXPECT_EQ(malformed, 2);
  EXPECT_TRUE(BlocksValidation(fields, issues));
}

TEST(ValidateTest, NeedsReviewWhenAFieldIsBelowTheThreshold) {
  FieldMap fields = CleanFields();
  fields["total"].confidence = 0.5;
  const auto issues = Validate(fields, {}, Context());
  EXPECT_TRUE(NeedsReview(fields, issues, 0.9));
  EXPECT_FALSE(NeedsReview(fields, issues, 0.4));
  EXPECT_FALSE(BlocksValidation(fields, issues));
  EXPECT_DOUBLE_EQ(MinConfidence(fields), 0.5);
  EXPECT_DOUBLE_EQ(MinConfidence({}), 1.0);
}

TEST(ValidateTest, TellsItsOwnCodesFromExtractorFindings) {
  ValidationContext context = Context();
  context.duplicate_ids = {"x"};
  FieldMap fields = CleanFields();
  fields.erase("vendor_name");
  fields["total"] = Val("1.00");
  fields["iban"] = Val("DE00");
  fields["vendor_tax_id"] = Val("DE1");
  fields["due_date"] = Val("2025-01-01");
  fields["invoice_date"] = Val("2026-12-30");
  for (const auto& issue : Validate(fields, {Line("5.00")}, context)) {
    EXPECT_TRUE(IsRuleCode(issue.code)) << issue.code;
  }
  EXPECT_FALSE(IsRuleCode("EINVOICE_MISMATCH"));
}

TEST(IbanTest, ChecksLengthPerCountryAndMod97) {
  EXPECT_TRUE(IsValidIban("DE89370400440532013000"));
  EXPECT_TRUE(IsValidIban("GB82WEST12345698765432"));
  EXPECT_TRUE(IsValidIban("NL91ABNA0417164300"));
  EXPECT_TRUE(IsValidIban("FR1420041010050500013M02606"));
  EXPECT_TRUE(IsValidIban("BE68539007547034"));
  EXPECT_TRUE(IsValidIban("AT611904300234573201"));
  EXPECT_TRUE(IsValidIban("NO9386011117947"));
  EXPECT_FALSE(IsValidIban("DE89370400440532013001"));   // check digits
  EXPECT_FALSE(IsValidIban("DE8937040044053201300"));    // length for DE
  EXPECT_FALSE(IsValidIban("ZZ89370400440532013000"));   // no such country
  EXPECT_FALSE(IsValidIban("de89370400440532013000"));   // not canonical
  EXPECT_FALSE(IsValidIban("DE89 3704 0044 0532 0130 00"));
  EXPECT_FALSE(IsValidIban(""));
}

TEST(VatIdTest, AcceptsValidIdsOfEachCountryWithARule) {
  for (const char* id :
       {"DE136695976", "DE 136 695 976", "ATU13585627", "BE0403019261", "BE403019261",
        "NL004495445B01", "FR40303265045", "IT00743110157", "ESB58378431", "ES54362315K",
        "ESX5253868R", "GB980780684", "CHE-107.787.577 IVA", "PL8567346215", "PT501964843",
        "SE123456789701", "DK13585628", "FI20774740", "LU15027442", "EL094259216",
        "IE6433435F", "IE8Z49289F", "CZ25123891", "HU12892312", "fr40303265045"}) {
    EXPECT_TRUE(IsValidVatId(id)) << id;
  }
}

TEST(VatIdTest, RejectsWrongCheckDigitsAndFormats) {
  for (const char* id :
       {"DE136695977", "DE036695976", "DE13669597", "ATU13585628", "AT13585627",
        "BE0403019262", "BE2403019261", "NL004495446B01", "NL004495445A01", "FR41303265045",
        "IT00743110158", "ESB58378432", "ES54362315L", "GB980780685", "CHE-107.787.578",
        "PL8567346216", "PT501964844", "SE123456789702", "DK13585627", "FI20774741",
        "LU15027443", "EL094259217", "IE6433435G", "CZ25123892", "DE", "123456789", "X1"}) {
    EXPECT_FALSE(IsValidVatId(id)) << id;
  }
}

}  // namespace
}  // namespace invoicer::domain
