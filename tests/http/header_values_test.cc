#include "http/header_values.h"

#include <gtest/gtest.h>

namespace invoicer::http {
namespace {

TEST(HeaderValuesTest, ParsesValueAndParameters) {
  const auto value = ParseHeaderValue("Multipart/Form-Data; Boundary=\"a b\\\"c\" ; charset=utf-8");
  ASSERT_TRUE(value);
  EXPECT_EQ(value->value, "multipart/form-data");
  EXPECT_EQ(value->Param("boundary"), "a b\"c");
  EXPECT_EQ(value->Param("charset"), "utf-8");
  EXPECT_EQ(value->Param("missing"), std::nullopt);
}

TEST(HeaderValuesTest, RefusesUnterminatedQuotedString) {
  EXPECT_EQ(ParseHeaderValue("form-data; name=\"file"), std::nullopt);
}

TEST(HeaderValuesTest, PrefersTheUtf8Filename) {
  auto value = ParseHeaderValue(
      "attachment; filename=\"fallback.pdf\"; filename*=UTF-8''%E2%82%AC%20rates.pdf");
  ASSERT_TRUE(value);
  EXPECT_EQ(value->Filename(), "\xE2\x82\xAC rates.pdf");
  // Only UTF-8 ext-values are understood; others fall back on the plain name.
  value = ParseHeaderValue("attachment; filename=\"plain.pdf\"; filename*=ISO-8859-1''%E9.pdf");
  ASSERT_TRUE(value);
  EXPECT_EQ(value->Filename(), "plain.pdf");
  value = ParseHeaderValue("form-data; name=\"file\"; filename=\"C:\\\\dir\\\\a.pdf\"");
  ASSERT_TRUE(value);
  EXPECT_EQ(value->Filename(), "C:\\dir\\a.pdf");  // as sent; the service strips paths
  value = ParseHeaderValue("attachment");
  ASSERT_TRUE(value);
  EXPECT_EQ(value->Filename(), std::nullopt);
}

TEST(HeaderValuesTest, ReadsBearerTokens) {
  EXPECT_EQ(BearerToken("Bearer inv_abc"), "inv_abc");
  EXPECT_EQ(BearerToken("bearer   inv_abc  "), "inv_abc");
  EXPECT_EQ(BearerToken("Basic dXNlcjpwYXNz"), std::nullopt);
  EXPECT_EQ(BearerToken("Bearer"), std::nullopt);
  EXPECT_EQ(BearerToken("Bearer "), std::nullopt);
  EXPECT_EQ(BearerToken("Bearerinv_abc"), std::nullopt);
  EXPECT_EQ(BearerToken("Bearer a b"), std::nullopt);
}

TEST(HeaderValuesTest, ReadsIfMatchVersions) {
  auto absent = ParseIfMatch(std::nullopt);
  ASSERT_TRUE(absent);
  EXPECT_EQ(*absent, std::nullopt);
  auto quoted = ParseIfMatch("\"3\"");
  ASSERT_TRUE(quoted);
  EXPECT_EQ(*quoted, 3);
  auto bare = ParseIfMatch(" 12 ");
  ASSERT_TRUE(bare);
  EXPECT_EQ(*bare, 12);
}

TEST(HeaderValuesTest, RefusesMalformedIfMatch) {
  for (const char* header :
       {"*", "W/\"3\"", "\"3\", \"4\"", "\"\"", "0", "-1", "abc", "3x", "99999999999999999999"}) {
    auto parsed = ParseIfMatch(header);
    ASSERT_FALSE(parsed) << header;
    EXPECT_EQ(parsed.error().api_code, "BAD_REQUEST") << header;
  }
}

TEST(HeaderValuesTest, WritesAttachmentDispositionWithAsciiFallback) {
  EXPECT_EQ(AttachmentDisposition("a.pdf"),
            "attachment; filename=\"a.pdf\"; filename*=UTF-8''a.pdf");
  EXPECT_EQ(AttachmentDisposition("\"x\\\xE2\x82\xAC.pdf"),
            "attachment; filename=\"_x____.pdf\"; filename*=UTF-8''%22x%5C%E2%82%AC.pdf");
}

}  // namespace
}  // namespace invoicer::http
