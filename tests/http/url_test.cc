#include "http/url.h"

#include <gtest/gtest.h>

namespace invoicer::http {
namespace {

TEST(UrlTest, PercentDecodesEscapes) {
  EXPECT_EQ(PercentDecode("a%20b%2Fc"), "a b/c");
  EXPECT_EQ(PercentDecode("%e2%82%AC"), "\xE2\x82\xAC");
  EXPECT_EQ(PercentDecode("a+b"), "a+b");
  EXPECT_EQ(PercentDecode("a+b", true), "a b");
}

TEST(UrlTest, RefusesMalformedEscapesAndNul) {
  EXPECT_EQ(PercentDecode("%"), std::nullopt);
  EXPECT_EQ(PercentDecode("%2"), std::nullopt);
  EXPECT_EQ(PercentDecode("abc%"), std::nullopt);
  EXPECT_EQ(PercentDecode("%zz"), std::nullopt);
  EXPECT_EQ(PercentDecode("%00"), std::nullopt);
}

TEST(UrlTest, PercentEncodesAllButUnreserved) {
  EXPECT_EQ(PercentEncode("a b/\xE2\x82\xAC.pdf"), "a%20b%2F%E2%82%AC.pdf");
  EXPECT_EQ(PercentEncode("Az09-._~"), "Az09-._~");
}

TEST(UrlTest, ParsesQueryParametersInOrder) {
  auto query = QueryParams::Parse("state=EXTRACTED&q=acme+gmbh&limit=5&flag&limit=9&&x=%41");
  ASSERT_TRUE(query);
  EXPECT_EQ(query->Get("state"), "EXTRACTED");
  EXPECT_EQ(query->Get("q"), "acme gmbh");
  EXPECT_EQ(query->Get("limit"), "5");
  EXPECT_EQ(query->Get("flag"), "");
  EXPECT_EQ(query->Get("x"), "A");
  EXPECT_EQ(query->Get("missing"), std::nullopt);
}

TEST(UrlTest, QueryWithMalformedEscapeIsBadRequest) {
  auto query = QueryParams::Parse("limit=5&q=%zz");
  ASSERT_FALSE(query);
  EXPECT_EQ(query.error().api_code, "BAD_REQUEST");
  EXPECT_EQ(std::get<std::string>(*query.error().Detail("parameter")), "q");
}

}  // namespace
}  // namespace invoicer::http
