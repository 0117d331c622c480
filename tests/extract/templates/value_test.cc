#include "extract/templates/value.h"

#include <gtest/gtest.h>

namespace invoicer::extract::templates {
namespace {

std::string Number(std::string_view text, std::string_view separator) {
  const auto n = ParseNumber(text, separator);
  return n ? n->ToString() : "none";
}

TEST(ParseNumberTest, ReadsAmountsWithTheTemplatesDecimalSeparator) {
  EXPECT_EQ(Number("1,234.50", "."), "1234.50");
  EXPECT_EQ(Number("1.234,50", ","), "1234.50");
  EXPECT_EQ(Number("1 234,50", ","), "1234.50");
  EXPECT_EQ(Number("1\xE2\x80\xAF"
                   "234,50",
                   ","),
            "1234.50");  // narrow no-break space
  EXPECT_EQ(Number("1'234.50", "."), "1234.50");
  EXPECT_EQ(Number("-12.5", "."), "-12.5");
  EXPECT_EQ(Number("+7", "."), "7");
  EXPECT_EQ(Number(".5", "."), "0.5");
}

TEST(ParseNumberTest, KeepsEveryDigitExactly) {
  EXPECT_EQ(Number("12345678901234.99", "."), "12345678901234.99");
  EXPECT_EQ(Number("0.10", "."), "0.10");
}

TEST(ParseNumberTest, FailsWherePythonsFloatFails) {
  EXPECT_EQ(Number("12 EUR", "."), "none");
  EXPECT_EQ(Number("1.2.3", "."), "none");  // the separator twice
  EXPECT_EQ(Number("", "."), "none");
  EXPECT_EQ(Number("-", "."), "none");
}

TEST(ParseNumberTest, IntTruncatesTowardZero) {
  EXPECT_EQ(TruncateToInteger(*ParseNumber("12.99", ".")).ToString(), "12");
  EXPECT_EQ(TruncateToInteger(*ParseNumber("-12.99", ".")).ToString(), "-12");
}

TEST(ValueTest, TruthinessIsPythons) {
  EXPECT_FALSE(Value{}.Truthy());
  EXPECT_FALSE(Value::Text("").Truthy());
  EXPECT_FALSE(Value::Number(Decimal()).Truthy());
  EXPECT_FALSE(Value::List({}).Truthy());
  EXPECT_TRUE(Value::Text("0").Truthy());
  EXPECT_TRUE(Value::List({Value{}}).Truthy());
}

}  // namespace
}  // namespace invoicer::extract::templates
