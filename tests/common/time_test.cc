#include "common/time.h"

#include <gtest/gtest.h>

namespace invoicer {
namespace {

TEST(DateTest, ParsesRealDatesOnly) {
  EXPECT_EQ(Date::Parse("2024-02-29")->ToString(), "2024-02-29");
  EXPECT_FALSE(Date::Parse("2023-02-29").has_value());
  EXPECT_FALSE(Date::Parse("2023-13-01").has_value());
  EXPECT_FALSE(Date::Parse("2023-1-01").has_value());
  EXPECT_FALSE(Date::Parse("01.02.2023").has_value());
  EXPECT_EQ(Date::Parse("x").error().api_code, "INVALID_VALUE");
}

TEST(DateTest, Orders) { EXPECT_LT(*Date::Parse("2023-12-31"), *Date::Parse("2024-01-01")); }

TEST(TimestampTest, RoundTripsRfc3339) {
  const Timestamp t = FromUnixMillis(1'764'346'758'123);
  const std::string s = FormatRfc3339(t);
  EXPECT_EQ(s, "2025-11-28T16:19:18.123Z");
  EXPECT_EQ(*ParseRfc3339(s), t);
  EXPECT_EQ(*ParseRfc3339("2025-11-28T17:19:18.123+01:00"), t);
  EXPECT_FALSE(ParseRfc3339("2025-11-28 16:19:18Z").has_value());
}

}  // namespace
}  // namespace invoicer
