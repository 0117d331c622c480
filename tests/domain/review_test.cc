#include "domain/review.h"

#include <gtest/gtest.h>

namespace invoicer::domain {
namespace {

std::string ItemsText(const std::vector<LineItem>& items) {
  return "items:" + std::to_string(items.size());
}

Decimal D(std::string_view text) { return *Decimal::Parse(text); }

ReviewPatch PatchOf(std::string name, std::optional<std::string> value) {
  ReviewPatch p;
  p.fields.emplace(std::move(name), std::move(value));
  return p;
}

void ExpectRefused(const Result<ReviewPatch>& r, std::string_view api_code,
                   std::string_view field) {
  ASSERT_FALSE(r) << "expected " << api_code;
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(r.error().api_code, api_code);
  const auto* detail = r.error().Detail("field");
  ASSERT_NE(detail, nullptr);
  EXPECT_EQ(std::get<std::string>(*detail), field);
}

TEST(CheckPatchTest, RejectsProtectedNamesInsideFields) {
  for (const char* name : {"id", "review_version", "processing_state", "created_at", "needs_review",
                           "extraction", "document"}) {
    ExpectRefused(CheckPatch(PatchOf(name, "1"), std::nullopt), "PROTECTED_FIELD", name);
  }
}

TEST(CheckPatchTest, RejectsUnknownFieldNames) {
  ExpectRefused(CheckPatch(PatchOf("totl", "1.00"), std::nullopt), "UNKNOWN_FIELD", "totl");
}

TEST(CheckPatchTest, RejectsDatesThatAreNotRealDates) {
  ExpectRefused(CheckPatch(PatchOf("due_date", "2026-02-30"), std::nullopt), "INVALID_VALUE",
                "due_date");
  ExpectRefused(CheckPatch(PatchOf("invoice_date", "15.01.2026"), std::nullopt), "INVALID_VALUE",
                "invoice_date");
}

TEST(CheckPatchTest, RejectsMoneyThatIsNotADecimal) {
  for (const char* bad : {"12,50", "1e3", "", "abc", "+1.00", ".5"}) {
    ExpectRefused(CheckPatch(PatchOf("total", bad), "EUR"), "INVALID_VALUE", "total");
  }
}

TEST(CheckPatchTest, RejectsMoreDecimalsThanTheCurrencyHas) {
  ExpectRefused(CheckPatch(PatchOf("total", "10.005"), "EUR"), "INVALID_VALUE", "total");
  ExpectRefused(CheckPatch(PatchOf("total", "100.5"), "JPY"), "INVALID_VALUE", "total");
  EXPECT_TRUE(CheckPatch(PatchOf("total", "10.005"), "BHD"));
}

TEST(CheckPatchTest, UsesThePatchCurrencyOverTheRecordCurrency) {
  ReviewPatch p;
  p.fields.emplace("currency", "jpy");
  p.fields.emplace("total", "1200");
  auto checked = CheckPatch(p, "EUR");
  ASSERT_TRUE(checked) << checked.error().message;
  EXPECT_EQ(*checked->fields.at("currency"), "JPY");
  EXPECT_EQ(*checked->fields.at("total"), "1200");
  p.fields["total"] = "1200.50";
  ExpectRefused(CheckPatch(p, "EUR"), "INVALID_VALUE", "total");
}

TEST(CheckPatchTest, CanonicalisesValues) {
  ReviewPatch p;
  p.fields.emplace("total", "120");
  p.fields.emplace("subtotal", "100.5");
  p.fields.emplace("iban", "de89 3704 0044 0532 0130 00");
  p.fields.emplace("bic", "cobadeffxxx");
  p.fields.emplace("vendor_name", "  ACME GmbH \n");
  p.fields.emplace("due_date", std::nullopt);
  auto checked = CheckPatch(p, "EUR");
  ASSERT_TRUE(checked) << checked.error().message;
  EXPECT_EQ(*checked->fields.at("total"), "120.00");
  EXPECT_EQ(*checked->fields.at("subtotal"), "100.50");
  EXPECT_EQ(*checked->fields.at("iban"), "DE89370400440532013000");
  EXPECT_EQ(*checked->fields.at("bic"), "COBADEFFXXX");
  EXPECT_EQ(*checked->fields.at("vendor_name"), "ACME GmbH");
  EXPECT_FALSE(checked->fields.at("due_date").has_value());
}

TEST(CheckPatchTest, RejectsBadIbanBicCurrencyAndEmptyText) {
  ExpectRefused(CheckPatch(PatchOf("iban", "DE89370400440532013001"), std::nullopt),
                "INVALID_VALUE", "iban");
  ExpectRefused(CheckPatch(PatchOf("bic", "COBA1EFF"), std::nullopt), "INVALID_VALUE", "bic");
  ExpectRefused(CheckPatch(PatchOf("currency", "EURO"), std::nullopt), "INVALID_VALUE", "currency");
  ExpectRefused(CheckPatch(PatchOf("vendor_name", "   "), std::nullopt), "INVALID_VALUE",
                "vendor_name");
}

TEST(CheckPatchTest, ChecksLineItemDecimals) {
  ReviewPatch p;
  p.line_items =
      std::vector<LineItem>{{"ok", D("1.5"), D("0.012500"), D("0.02"), D("19")},
                            {"too precise", D("1"), D("0.0000001"), D("1.00"), std::nullopt}};
  ExpectRefused(CheckPatch(p, "EUR"), "INVALID_VALUE", "line_items[1].unit_price");
  (*p.line_items)[1].unit_price = D("1.00");
  (*p.line_items)[1].amount = D("1.001");
  ExpectRefused(CheckPatch(p, "EUR"), "INVALID_VALUE", "line_items[1].amount");
  (*p.line_items)[1].amount = D("1.00");
  auto checked = CheckPatch(p, "EUR");
  ASSERT_TRUE(checked) << checked.error().message;
  EXPECT_EQ(checked->line_items->size(), 2u);
}

Invoice Extracted() {
  Invoice inv;
  inv.state = ProcessingState::kExtracted;
  inv.fields["total"] = FieldValue{"100.00", 0.6, FieldSource::kOcr, 1, BoundingBox{1, 2, 3, 4}};
  inv.fields["due_date"] = FieldValue{"2026-02-01", 0.9, FieldSource::kText, 1, std::nullopt};
  inv.fields["vendor_name"] = FieldValue{"ACME", 0.5, FieldSource::kText, 1, std::nullopt};
  return inv;
}

TEST(ApplyPatchTest, EditedFieldsBecomeHumanWithFullConfidence) {
  std::vector<FieldChange> changes;
  const Invoice next = ApplyPatch(Extracted(), PatchOf("total", "120.00"), changes, &ItemsText);
  const FieldValue& total = next.fields.at("total");
  EXPECT_EQ(total.value, "120.00");
  EXPECT_EQ(total.source, FieldSource::kHuman);
  EXPECT_EQ(total.confidence, 1.0);
  EXPECT_EQ(total.page, 0);
  EXPECT_FALSE(total.bbox.has_value());
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0], (FieldChange{"total", "100.00", "120.00", false}));
}

TEST(ApplyPatchTest, NullRemovesAFieldAndAddsAFieldThatWasMissing) {
  ReviewPatch p;
  p.fields.emplace("due_date", std::nullopt);
  p.fields.emplace("iban", "DE89370400440532013000");
  std::vector<FieldChange> changes;
  const Invoice next = ApplyPatch(Extracted(), p, changes, &ItemsText);
  EXPECT_EQ(next.fields.count("due_date"), 0u);
  EXPECT_EQ(next.fields.at("iban").value, "DE89370400440532013000");
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0], (FieldChange{"due_date", "2026-02-01", std::nullopt, false}));
  EXPECT_EQ(changes[1], (FieldChange{"iban", std::nullopt, "DE89370400440532013000", false}));
}

TEST(ApplyPatchTest, ConfirmingAnUnchangedValueRecordsNoChangeButMakesItHuman) {
  std::vector<FieldChange> changes;
  const Invoice next = ApplyPatch(Extracted(), PatchOf("vendor_name", "ACME"), changes, &ItemsText);
  EXPECT_TRUE(changes.empty());
  EXPECT_EQ(next.fields.at("vendor_name").confidence, 1.0);
  EXPECT_EQ(next.fields.at("vendor_name").source, FieldSource::kHuman);
}

TEST(ApplyPatchTest, RemovingAnAbsentFieldRecordsNoChange) {
  std::vector<FieldChange> changes;
  const Invoice next = ApplyPatch(Extracted(), PatchOf("iban", std::nullopt), changes, &ItemsText);
  EXPECT_TRUE(changes.empty());
  EXPECT_EQ(next.fields.size(), 3u);
}

TEST(ApplyPatchTest, ReplacesLineItemsAndRecordsThemAsJson) {
  ReviewPatch p;
  p.line_items = std::vector<LineItem>{{"Widget", D("2"), D("10.00"), D("20.00"), D("19")}};
  std::vector<FieldChange> changes;
  const Invoice next = ApplyPatch(Extracted(), p, changes, &ItemsText);
  EXPECT_EQ(next.line_items, *p.line_items);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0], (FieldChange{"line_items", "items:0", "items:1", true}));
  changes.clear();
  (void)ApplyPatch(next, p, changes, &ItemsText);
  EXPECT_TRUE(changes.empty());
}

TEST(ApplyPatchTest, LeavesSystemFieldsAlone) {
  Invoice current = Extracted();
  current.review_version = 7;
  std::vector<FieldChange> changes;
  const Invoice next = ApplyPatch(current, PatchOf("total", "1.00"), changes, &ItemsText);
  EXPECT_EQ(next.review_version, 7);
  EXPECT_EQ(next.state, ProcessingState::kExtracted);
}

}  // namespace
}  // namespace invoicer::domain
