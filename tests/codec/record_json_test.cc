#include "codec/record_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace invoicer::codec {
namespace {

using domain::FieldSource;
using domain::FieldValue;
using nlohmann::json;

Decimal D(std::string_view text) { return *Decimal::Parse(text); }

domain::FieldMap SampleFields() {
  domain::FieldMap fields;
  fields["invoice_number"] =
      FieldValue{"INV-1001", 0.97, FieldSource::kTemplate, 1, domain::BoundingBox{1, 2.5, 3, 4}};
  fields["total"] = FieldValue{"120.00", 1.0, FieldSource::kHuman, 0, std::nullopt};
  fields["vendor_name"] = FieldValue{"Müller & Söhne GmbH", 0.5, FieldSource::kOcr, 2,
                                     domain::BoundingBox{10, 20, 30, 40}};
  return fields;
}

domain::Invoice SampleInvoice() {
  domain::Invoice inv;
  inv.id = InvoiceId::New(FromUnixMillis(1'780'000'000'000));
  inv.created_at = FromUnixMillis(1'780'000'000'123);
  inv.updated_at = FromUnixMillis(1'780'000'000'456);
  inv.state = domain::ProcessingState::kExtracted;
  inv.review_version = 3;
  inv.needs_review = true;
  inv.document = {"ab12", "application/pdf", "a.pdf", 53112, 2};
  inv.fields = SampleFields();
  inv.extra_fields_json = R"({"contract": "C-7"})";
  inv.line_items = {{"Widget", D("2"), D("10.00"), D("20.00"), D("19")}};
  inv.issues = {{"TOTAL_MISMATCH",
                 domain::Severity::kError,
                 "total differs",
                 {"subtotal", "total_tax", "total"}}};
  inv.extraction = {"template:Acme", 1, 12, std::nullopt};
  return inv;
}

// The invoice as a store shows it: the content in the stores' encoding.
domain::InvoiceView ViewOf(const domain::Invoice& inv) {
  domain::InvoiceView view{inv, FieldsToJson(inv.fields), LineItemsToJson(inv.line_items),
                           IssuesToJson(inv.issues)};
  view.head.fields.clear();
  view.head.line_items.clear();
  view.head.issues.clear();
  return view;
}

TEST(RecordJsonTest, FieldsRoundTripKeepsValueConfidenceSourcePageAndBox) {
  const auto fields = SampleFields();
  auto back = FieldsFromJson(FieldsToJson(fields));
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(*back, fields);
}

TEST(RecordJsonTest, FieldWithoutPageOrBoxShowsNulls) {
  const json j = json::parse(FieldsToJson(SampleFields()));
  EXPECT_TRUE(j["total"]["page"].is_null());
  EXPECT_TRUE(j["total"]["bbox"].is_null());
  EXPECT_EQ(j["total"]["source"], "human");
  EXPECT_EQ(j["invoice_number"]["bbox"], json::parse("[1, 2.5, 3, 4]"));
}

TEST(RecordJsonTest, LineItemsRoundTripAsDecimalStringsAndOmitAbsentValues) {
  const std::vector<domain::LineItem> items = {
      {"Widget", D("2"), D("10.000000"), D("20.00"), D("19")},
      {"Discount", std::nullopt, std::nullopt, D("-5.00"), std::nullopt}};
  const std::string text = LineItemsToJson(items);
  const json j = json::parse(text);
  EXPECT_EQ(j[0]["unit_price"], "10.000000");
  EXPECT_FALSE(j[1].contains("quantity"));
  EXPECT_EQ(j[1]["amount"], "-5.00");
  auto back = LineItemsFromJson(text);
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(*back, items);
  EXPECT_EQ((*back)[0].unit_price->ToString(), "10.000000");
}

TEST(RecordJsonTest, LineItemAmountAsJsonNumberIsInvalidValueNamingTheItem) {
  auto parsed = LineItemsFromJson(R"([{"description": "a"}, {"amount": 20.5}])");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(parsed.error().api_code, "INVALID_VALUE");
  const auto* field = parsed.error().Detail("field");
  ASSERT_NE(field, nullptr);
  EXPECT_EQ(std::get<std::string>(*field), "line_items[1].amount");
}

TEST(RecordJsonTest, IssuesRoundTrip) {
  const std::vector<domain::ValidationIssue> issues = {
      {"TOTAL_MISMATCH", domain::Severity::kError, "m", {"subtotal", "total"}},
      {"FUTURE_DATE", domain::Severity::kWarning, "later", {"invoice_date"}}};
  auto back = IssuesFromJson(IssuesToJson(issues));
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(*back, issues);
}

TEST(RecordJsonTest, ChangesRoundTripKeepingOrderNullsAndJsonValues) {
  const std::vector<domain::FieldChange> changes = {
      {"total", "100.00", "120.00", false},
      {"due_date", "2026-01-01", std::nullopt, false},
      {"iban", std::nullopt, "DE89370400440532013000", false},
      {"line_items", "[]", R"([{"description":"x","amount":"1.00"}])", true}};
  const std::string text = ChangesToJson(changes);
  const json j = json::parse(text);
  EXPECT_EQ(j["due_date"], json::parse(R"(["2026-01-01", null])"));
  EXPECT_TRUE(j["line_items"][1].is_array());
  auto back = ChangesFromJson(text);
  ASSERT_TRUE(back) << back.error().message;
  ASSERT_EQ(back->size(), 4u);
  EXPECT_EQ((*back)[0], changes[0]);
  EXPECT_EQ((*back)[1], changes[1]);
  EXPECT_EQ((*back)[2], changes[2]);
  EXPECT_EQ((*back)[3].field, "line_items");
  EXPECT_TRUE((*back)[3].json);
  EXPECT_EQ(json::parse(*(*back)[3].new_value), json::parse(*changes[3].new_value));
}

TEST(RecordJsonTest, MalformedTextIsBadRequest) {
  for (const char* text : {"", "{", "[1,", "\"x\""}) {
    auto fields = FieldsFromJson(text);
    ASSERT_FALSE(fields) << text;
    EXPECT_EQ(fields.error().code, ErrorCode::kInvalidInput);
    EXPECT_EQ(fields.error().api_code, "BAD_REQUEST");
  }
  EXPECT_EQ(FieldsFromJson(R"({"total": {"value": 12}})").error().api_code, "BAD_REQUEST");
  EXPECT_EQ(FieldsFromJson(R"({"total": {"value": "1", "source": "magic"}})").error().api_code,
            "BAD_REQUEST");
  EXPECT_EQ(LineItemsFromJson("{}").error().api_code, "BAD_REQUEST");
  EXPECT_EQ(IssuesFromJson(R"([{"code": "X", "severity": "fatal"}])").error().api_code,
            "BAD_REQUEST");
  EXPECT_EQ(ChangesFromJson(R"({"total": ["1"]})").error().api_code, "BAD_REQUEST");
}

TEST(RecordJsonTest, InvoiceHasTheApiShape) {
  const auto inv = SampleInvoice();
  const json j = json::parse(InvoiceToJson(inv));
  EXPECT_EQ(j["id"], inv.id.str());
  EXPECT_EQ(j["created_at"], "2026-05-28T20:26:40.123Z");
  EXPECT_EQ(j["processing_state"], "EXTRACTED");
  EXPECT_EQ(j["review_version"], 3);
  EXPECT_EQ(j["needs_review"], true);
  EXPECT_EQ(j["document"]["sha256"], "ab12");
  EXPECT_EQ(j["document"]["size_bytes"], 53112);
  EXPECT_EQ(j["document"]["pages"], 2);
  EXPECT_EQ(j["fields"]["invoice_number"]["value"], "INV-1001");
  EXPECT_EQ(j["fields"]["invoice_number"]["confidence"], 0.97);
  EXPECT_EQ(j["extra_fields"]["contract"], "C-7");
  EXPECT_EQ(j["line_items"][0]["amount"], "20.00");
  EXPECT_EQ(j["validation"]["issues"][0]["code"], "TOTAL_MISMATCH");
  EXPECT_EQ(j["validation"]["issues"][0]["severity"], "error");
  EXPECT_EQ(j["extraction"]["method"], "template:Acme");
  EXPECT_EQ(j["extraction"]["attempts"], 1);
  EXPECT_EQ(j["extraction"]["duration_ms"], 12);
  EXPECT_TRUE(j["extraction"]["error"].is_null());
  EXPECT_FALSE(j.contains("review_lease"));
  EXPECT_FALSE(j.contains("reject_reason"));
}

TEST(RecordJsonTest, InvoiceShowsLeaseAndRejectReasonOnlyWhenSet) {
  auto inv = SampleInvoice();
  inv.review_lease = domain::ReviewLease{"alice", FromUnixMillis(1'780'000'900'000)};
  inv.reject_reason = "duplicate";
  const json j = json::parse(InvoiceToJson(inv));
  EXPECT_EQ(j["review_lease"]["holder"], "alice");
  EXPECT_EQ(j["review_lease"]["expires_at"], "2026-05-28T20:41:40.000Z");
  EXPECT_EQ(j["reject_reason"], "duplicate");
}

TEST(RecordJsonTest, PendingInvoiceHasNullExtractionMethodAndUnknownPages) {
  domain::Invoice inv;
  inv.id = InvoiceId::New(FromUnixMillis(1'780'000'000'000));
  inv.document = {"ab", "image/png", "scan.png", 10, std::nullopt};
  inv.extraction.error = "unreadable";
  const json j = json::parse(InvoiceToJson(inv));
  EXPECT_EQ(j["processing_state"], "PENDING");
  EXPECT_TRUE(j["document"]["pages"].is_null());
  EXPECT_TRUE(j["extraction"]["method"].is_null());
  EXPECT_EQ(j["extraction"]["error"], "unreadable");
  EXPECT_EQ(j["fields"], json::object());
  EXPECT_EQ(j["line_items"], json::array());
  EXPECT_EQ(j["extra_fields"], json::object());
}

TEST(RecordJsonTest, InvalidUtf8InAValueIsReplacedNotThrown) {
  domain::FieldMap fields;
  fields["vendor_name"] = FieldValue{"bad \xff byte", 0.5, FieldSource::kOcr, 1, std::nullopt};
  const json j = json::parse(FieldsToJson(fields));
  EXPECT_EQ(j["vendor_name"]["value"], "bad \xEF\xBF\xBD byte");
}

TEST(RecordJsonTest, ListHasItemsAndNextCursor) {
  const auto inv = SampleInvoice();
  json j = json::parse(InvoiceListToJson({ViewOf(inv)}, inv.id.str()));
  EXPECT_EQ(j["items"].size(), 1u);
  EXPECT_EQ(j["next"], inv.id.str());
  j = json::parse(InvoiceListToJson({}, std::nullopt));
  EXPECT_EQ(j["items"], json::array());
  EXPECT_TRUE(j["next"].is_null());
  EXPECT_EQ(json::parse(InvoiceArrayToJson({inv, inv})).size(), 2u);
}

TEST(RecordJsonTest, AViewWritesTheSameTextAsTheDecodedInvoice) {
  auto inv = SampleInvoice();
  EXPECT_EQ(InvoiceToJson(ViewOf(inv)), InvoiceToJson(inv));
  inv.review_lease = domain::ReviewLease{"alice", FromUnixMillis(1'780'000'900'000)};
  inv.reject_reason = "a \"quoted\"\nreason";
  inv.document.filename = "weird \\ \x01 name.pdf";
  EXPECT_EQ(InvoiceToJson(ViewOf(inv)), InvoiceToJson(inv));
  const json j = json::parse(InvoiceToJson(ViewOf(inv)));
  EXPECT_EQ(j["reject_reason"], "a \"quoted\"\nreason");
  EXPECT_EQ(j["document"]["filename"], "weird \\ \x01 name.pdf");
  EXPECT_EQ(json::parse(InvoiceListToJson({ViewOf(inv)}, std::nullopt))["items"][0], j);
}

TEST(RecordJsonTest, CanonicalObjectJsonKeepsObjectsAndRefusesTheRest) {
  EXPECT_EQ(CanonicalObjectJson(R"( {"b": [1, "x"], "a": null} )"), R"({"b":[1,"x"],"a":null})");
  EXPECT_EQ(CanonicalObjectJson("[1, 2]"), "{}");
  EXPECT_EQ(CanonicalObjectJson("{not json"), "{}");
  EXPECT_EQ(CanonicalObjectJson(""), "{}");
}

TEST(RecordJsonTest, HistoryEntriesHaveTheApiShape) {
  domain::HistoryEntry created{FromUnixMillis(1'780'000'000'000),
                               "ingest-bot",
                               "created",
                               std::nullopt,
                               domain::ProcessingState::kPending,
                               1,
                               {}};
  domain::HistoryEntry edited{FromUnixMillis(1'780'000'001'000),
                              "alice",
                              "edited",
                              domain::ProcessingState::kExtracted,
                              domain::ProcessingState::kExtracted,
                              3,
                              {{"total", "100.00", "120.00", false}}};
  const json j = json::parse(HistoryToJson({created, edited}));
  ASSERT_EQ(j["items"].size(), 2u);
  EXPECT_TRUE(j["items"][0]["from_state"].is_null());
  EXPECT_EQ(j["items"][0]["to_state"], "PENDING");
  EXPECT_EQ(j["items"][0]["changes"], json::object());
  EXPECT_EQ(j["items"][1]["actor"], "alice");
  EXPECT_EQ(j["items"][1]["action"], "edited");
  EXPECT_EQ(j["items"][1]["review_version"], 3);
  EXPECT_EQ(j["items"][1]["at"], "2026-05-28T20:26:41.000Z");
  EXPECT_EQ(j["items"][1]["changes"]["total"], json::parse(R"(["100.00", "120.00"])"));
}

}  // namespace
}  // namespace invoicer::codec
