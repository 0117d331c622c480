#include "http/error_mapping.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace invoicer::http {
namespace {

std::optional<std::string> HeaderOf(const Response& response, std::string_view name) {
  for (const auto& [key, value] : response.headers) {
    if (key == name) return value;
  }
  return std::nullopt;
}

TEST(ErrorMappingTest, MapsEveryApiCodeToItsStatus) {
  const struct {
    Error error;
    int status;
  } cases[] = {
      {errors::BadRequest("x"), 400},
      {http_errors::Unauthenticated("x"), 401},
      {http_errors::Forbidden("x"), 403},
      {errors::NotFound(), 404},
      {http_errors::MethodNotAllowed(), 405},
      {errors::StaleWrite(3), 409},
      {errors::InvalidTransition("EXPORTED"), 409},
      {errors::ExtractionInProgress(), 409},
      {errors::PayloadTooLarge(10), 413},
      {errors::UnsupportedMediaType("x"), 415},
      {errors::UnknownField("x"), 422},
      {errors::ProtectedField("id"), 422},
      {errors::InvalidValue("total", "x"), 422},
      {errors::ValidationFailed("x"), 422},
      {errors::PreconditionRequired("x"), 428},
      {http_errors::HeadersTooLarge(), 431},
      {http_errors::NotImplemented("x"), 501},
      {errors::Unavailable("x"), 503},
      {errors::Internal("x"), 500},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(StatusFor(c.error), c.status) << c.error.api_code;
    const Response response = ErrorResponse(c.error);
    EXPECT_EQ(response.status, c.status);
    EXPECT_EQ(response.content_type, "application/json");
    const auto body = nlohmann::json::parse(response.body);
    EXPECT_EQ(body["error"]["code"], c.error.api_code);
    EXPECT_TRUE(body["error"]["message"].is_string());
    EXPECT_TRUE(body["error"]["details"].is_object());
  }
}

TEST(ErrorMappingTest, FallsBackOnTheErrorCodeForUnlistedApiCodes) {
  EXPECT_EQ(StatusFor(Error{ErrorCode::kConflict, "SOMETHING_ELSE", "x", {}}), 409);
  EXPECT_EQ(StatusFor(Error{ErrorCode::kNotFound, "", "x", {}}), 404);
  EXPECT_EQ(StatusFor(Error{ErrorCode::kInvalidInput, "", "x", {}}), 400);
  EXPECT_EQ(StatusFor(errors::UnreadableDocument("x")), 422);
  // A kUnavailable error is 503 whatever its api_code.
  EXPECT_EQ(StatusFor(Error{ErrorCode::kUnavailable, "BUSY", "x", {}}), 503);
}

TEST(ErrorMappingTest, RendersDetails) {
  const auto body = nlohmann::json::parse(ErrorResponse(errors::StaleWrite(7)).body);
  EXPECT_EQ(body["error"]["details"]["current_review_version"], 7);
  const auto issues = nlohmann::json::parse(
      ErrorResponse(errors::ValidationFailed("x").With(
                        "issues", std::vector<std::string>{"TOTAL_MISMATCH", "MISSING"}))
          .body);
  EXPECT_EQ(issues["error"]["details"]["issues"],
            nlohmann::json::array({"TOTAL_MISMATCH", "MISSING"}));
}

TEST(ErrorMappingTest, HidesInternalDetailsFromClients) {
  const Response response = ErrorResponse(errors::Internal("SQL: no such table invoices at /x"));
  const auto body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body["error"]["code"], "INTERNAL");
  EXPECT_EQ(body["error"]["message"], "internal error");
  EXPECT_EQ(response.body.find("SQL"), std::string::npos);
}

TEST(ErrorMappingTest, SetsRetryAfterOnUnavailableAndChallengeOn401) {
  const Response unavailable =
      ErrorResponse(Error{ErrorCode::kUnavailable, "DB_BUSY", "database is busy", {}});
  EXPECT_EQ(unavailable.status, 503);
  EXPECT_TRUE(HeaderOf(unavailable, "Retry-After"));
  EXPECT_EQ(nlohmann::json::parse(unavailable.body)["error"]["code"], "UNAVAILABLE");
  EXPECT_EQ(HeaderOf(ErrorResponse(http_errors::Unauthenticated("x")), "WWW-Authenticate"),
            "Bearer");
}

}  // namespace
}  // namespace invoicer::http
