#include "codec/request_json.h"

#include <gtest/gtest.h>

namespace invoicer::codec {
namespace {

std::string DetailField(const Error& error) {
  const auto* detail = error.Detail("field");
  return detail != nullptr ? std::get<std::string>(*detail) : std::string();
}

TEST(RequestJsonTest, ParsesAFullPatch) {
  auto parsed = ParsePatchRequest(R"({"review_version": 3,
      "fields": {"total": "120.00", "due_date": null},
      "line_items": [{"description": "Widget", "quantity": "2", "unit_price": "10.00",
                      "amount": "20.00", "tax_rate": "19"}, {"description": "Fee"}]})");
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_EQ(parsed->review_version, 3);
  EXPECT_EQ(parsed->patch.fields.at("total"), "120.00");
  EXPECT_EQ(parsed->patch.fields.at("due_date"), std::nullopt);
  ASSERT_TRUE(parsed->patch.line_items);
  ASSERT_EQ(parsed->patch.line_items->size(), 2u);
  const auto& first = (*parsed->patch.line_items)[0];
  EXPECT_EQ(first.description, "Widget");
  EXPECT_EQ(first.quantity->ToString(), "2");
  EXPECT_EQ(first.unit_price->ToString(), "10.00");
  EXPECT_EQ(first.amount->ToString(), "20.00");
  EXPECT_EQ(first.tax_rate->ToString(), "19");
  EXPECT_FALSE((*parsed->patch.line_items)[1].quantity);
}

TEST(RequestJsonTest, PatchWithoutVersionOrLineItemsLeavesThemAbsent) {
  auto parsed = ParsePatchRequest(R"({"fields": {"vendor_name": "ACME"}})");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->review_version, std::nullopt);
  EXPECT_FALSE(parsed->patch.line_items);
}

TEST(RequestJsonTest, MalformedJsonIsBadRequest) {
  for (const char* body : {"", "{", "{\"fields\": }", "[1, 2]", "\"text\"", "null",
                           "{\"fields\": {\"total\": \"1\"}} trailing", "{\"a\": \"\xFF\"}"}) {
    auto parsed = ParsePatchRequest(body);
    ASSERT_FALSE(parsed) << body;
    EXPECT_EQ(parsed.error().api_code, "BAD_REQUEST") << body;
  }
}

TEST(RequestJsonTest, DeeplyNestedJsonIsBadRequest) {
  const std::string deep =
      "{\"fields\": " + std::string(10000, '[') + std::string(10000, ']') + "}";
  auto parsed = ParsePatchRequest(deep);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().api_code, "BAD_REQUEST");
}

TEST(RequestJsonTest, WrongStructuralTypesAreBadRequest) {
  const struct {
    const char* body;
    const char* field;
  } cases[] = {
      {R"({"review_version": "3"})", "review_version"},
      {R"({"review_version": 3.5})", "review_version"},
      {R"({"review_version": 0})", "review_version"},
      {R"({"review_version": -2})", "review_version"},
      {R"({"review_version": null})", "review_version"},
      {R"({"review_version": 18446744073709551615})", "review_version"},
      {R"({"fields": ["total"]})", "fields"},
      {R"({"line_items": {"description": "x"}})", "line_items"},
  };
  for (const auto& c : cases) {
    auto parsed = ParsePatchRequest(c.body);
    ASSERT_FALSE(parsed) << c.body;
    EXPECT_EQ(parsed.error().api_code, "BAD_REQUEST") << c.body;
    EXPECT_EQ(DetailField(parsed.error()), c.field) << c.body;
  }
}

TEST(RequestJsonTest, ProtectedNamesAtEitherLevelAreProtectedField) {
  const struct {
    const char* body;
    const char* field;
  } cases[] = {
      {R"({"review_version": 1, "id": "x"})", "id"},
      {R"({"processing_state": "VALIDATED"})", "processing_state"},
      {R"({"needs_review": false, "fields": {}})", "needs_review"},
      {R"({"fields": {"review_version": "9"}})", "review_version"},
      {R"({"fields": {"created_at": "2020-01-01"}})", "created_at"},
      {R"({"fields": {"document": null}})", "document"},
      // Protected wins over unknown, whatever the order.
      {R"({"zzz": 1, "validation": {}})", "validation"},
      {R"({"fields": {"aaa": "1", "updated_at": "x"}})", "updated_at"},
  };
  for (const auto& c : cases) {
    auto parsed = ParsePatchRequest(c.body);
    ASSERT_FALSE(parsed) << c.body;
    EXPECT_EQ(parsed.error().api_code, "PROTECTED_FIELD") << c.body;
    EXPECT_EQ(DetailField(parsed.error()), c.field) << c.body;
  }
}

TEST(RequestJsonTest, UnknownNamesAreUnknownField) {
  const struct {
    const char* body;
    const char* field;
  } cases[] = {
      {R"({"review_version": 1, "comment": "x"})", "comment"},
      {R"({"fields": {"totl": "1.00"}})", "totl"},
      {R"({"fields": {"line_items": "x"}})", "line_items"},
      {R"({"line_items": [{"description": "a", "colour": "red"}]})", "line_items[0].colour"},
  };
  for (const auto& c : cases) {
    auto parsed = ParsePatchRequest(c.body);
    ASSERT_FALSE(parsed) << c.body;
    EXPECT_EQ(parsed.error().api_code, "UNKNOWN_FIELD") << c.body;
    EXPECT_EQ(DetailField(parsed.error()), c.field) << c.body;
  }
}

TEST(RequestJsonTest, WrongValueTypesAreInvalidValue) {
  const struct {
    const char* body;
    const char* field;
  } cases[] = {
      {R"({"fields": {"total": 120.5}})", "total"},
      {R"({"fields": {"total": 120}})", "total"},
      {R"({"fields": {"vendor_name": true}})", "vendor_name"},
      {R"({"fields": {"vendor_name": {"value": "x"}}})", "vendor_name"},
      {R"({"line_items": [{"quantity": 2}]})", "line_items[0].quantity"},
      {R"({"line_items": [{"description": "a"}, {"unit_price": 9.99}]})",
       "line_items[1].unit_price"},
      {R"({"line_items": [{"amount": "1,000.00"}]})", "line_items[0].amount"},
      {R"({"line_items": [{"tax_rate": "19%"}]})", "line_items[0].tax_rate"},
      {R"({"line_items": [{"description": 5}]})", "line_items[0].description"},
      {R"({"line_items": ["not an object"]})", "line_items[0]"},
  };
  for (const auto& c : cases) {
    auto parsed = ParsePatchRequest(c.body);
    ASSERT_FALSE(parsed) << c.body;
    EXPECT_EQ(parsed.error().api_code, "INVALID_VALUE") << c.body;
    EXPECT_EQ(DetailField(parsed.error()), c.field) << c.body;
  }
}

TEST(RequestJsonTest, ParsesVersionBodiesIncludingAnEmptyOne) {
  auto with = ParseVersionRequest(R"({"review_version": 4})");
  ASSERT_TRUE(with);
  EXPECT_EQ(with->review_version, 4);
  auto empty = ParseVersionRequest("");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->review_version, std::nullopt);
  auto unknown = ParseVersionRequest(R"({"review_version": 4, "force": true})");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().api_code, "BAD_REQUEST");
  EXPECT_EQ(DetailField(unknown.error()), "force");
}

TEST(RequestJsonTest, ParsesRejectBodies) {
  auto parsed = ParseRejectRequest(R"({"review_version": 2, "reason": "duplicate"})");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->review_version, 2);
  EXPECT_EQ(parsed->reason, "duplicate");
  auto no_reason = ParseRejectRequest(R"({"review_version": 2})");
  ASSERT_TRUE(no_reason);
  EXPECT_EQ(no_reason->reason, "");
  auto bad = ParseRejectRequest(R"({"review_version": 2, "reason": 5})");
  ASSERT_FALSE(bad);
  EXPECT_EQ(DetailField(bad.error()), "reason");
}

TEST(RequestJsonTest, ParsesExportRequests) {
  auto all = ParseExportRequest(R"({"format": "csv"})");
  ASSERT_TRUE(all);
  EXPECT_EQ(all->format, "csv");
  EXPECT_FALSE(all->ids);
  auto some = ParseExportRequest(R"({"format": "json", "ids": ["a", "b"]})");
  ASSERT_TRUE(some);
  EXPECT_EQ(some->ids, (std::vector<std::string>{"a", "b"}));
  for (const char* body :
       {R"({})", R"({"format": "xlsx"})", R"({"format": 1})", R"({"format": "csv", "ids": "a"})",
        R"({"format": "csv", "ids": [1]})", R"({"format": "csv", "extra": 1})"}) {
    auto parsed = ParseExportRequest(body);
    ASSERT_FALSE(parsed) << body;
    EXPECT_EQ(parsed.error().api_code, "BAD_REQUEST") << body;
  }
}

TEST(RequestJsonTest, RendersTheErrorBody) {
  const std::string body = ErrorToJson(errors::InvalidTransition("EXPORTED"));
  EXPECT_EQ(body.rfind(R"({"error":{"code":"INVALID_TRANSITION","message":)", 0), 0u) << body;
  EXPECT_NE(body.find(R"("details":{"current_state":"EXPORTED"})"), std::string::npos) << body;
  // Invalid UTF-8 in a message never breaks the body.
  EXPECT_NE(ErrorToJson(errors::BadRequest("bad \xFF byte")).find("bad"), std::string::npos);
}

}  // namespace
}  // namespace invoicer::codec
