#include "extract/generic/dates.h"

#include <gtest/gtest.h>

namespace invoicer::extract::generic {
namespace {

std::string Read(const char* text, DateOrder order = DateOrder::kUnknown) {
  const auto d = ParseDate(text);
  return d ? d->Value(order).ToString() : "none";
}

TEST(DatesTest, ReadsIsoAndDottedDates) {
  EXPECT_EQ(Read("2024-03-15"), "2024-03-15");
  EXPECT_EQ(Read("15.03.2024"), "2024-03-15");
  EXPECT_EQ(Read("5.3.24"), "2024-03-05");
  EXPECT_FALSE(ParseDate("03.04.2024")->Ambiguous());  // dotted dates are day-first
}

TEST(DatesTest, ReadsMonthNamesInSixLanguages) {
  EXPECT_EQ(Read("March 15, 2024"), "2024-03-15");
  EXPECT_EQ(Read("15 Jan 2018"), "2018-01-15");
  EXPECT_EQ(Read("15-JAN-18"), "2018-01-15");
  EXPECT_EQ(Read("15. März 2024"), "2024-03-15");
  EXPECT_EQ(Read("1. Dezember 2023"), "2023-12-01");
  EXPECT_EQ(Read("1er février 2024"), "2024-02-01");
  EXPECT_EQ(Read("15 août 2024"), "2024-08-15");
  EXPECT_EQ(Read("15 de marzo de 2024"), "2024-03-15");
  EXPECT_EQ(Read("3 settembre 2024"), "2024-09-03");
  EXPECT_EQ(Read("3 maart 2024"), "2024-03-03");
  EXPECT_EQ(Read("17 mei 2024"), "2024-05-17");
}

TEST(DatesTest, KeepsBothReadingsOfAnAmbiguousDayAndMonth) {
  const auto d = ParseDate("03/04/2024");
  ASSERT_TRUE(d.has_value());
  EXPECT_TRUE(d->Ambiguous());
  EXPECT_EQ(d->Evidence(), DateOrder::kUnknown);
  EXPECT_EQ(d->Value(DateOrder::kDayFirst).ToString(), "2024-04-03");
  EXPECT_EQ(d->Value(DateOrder::kMonthFirst).ToString(), "2024-03-04");
}

TEST(DatesTest, ADayAboveTwelveSettlesTheOrder) {
  EXPECT_EQ(ParseDate("25/12/2018")->Evidence(), DateOrder::kDayFirst);
  EXPECT_EQ(ParseDate("02/17/26")->Evidence(), DateOrder::kMonthFirst);
  EXPECT_EQ(Read("02/17/26"), "2026-02-17");
  EXPECT_FALSE(ParseDate("03/03/2024")->Ambiguous());  // both readings agree
}

TEST(DatesTest, RejectsImpossibleDatesAndQuantities) {
  EXPECT_FALSE(ParseDate("31/02/2024").has_value());
  EXPECT_FALSE(ParseDate("1 SET 50").has_value());  // a receipt's quantity
  EXPECT_TRUE(FindDates("XE11-22 - 30").empty());
  EXPECT_TRUE(FindDates("order 12.50 3").empty());
}

TEST(DatesTest, JoinsAFourDigitYearThatOcrSplit) {
  EXPECT_EQ(Read("07/11/20 25"), "2025-11-07");
  EXPECT_EQ(Read("3.2.19 98"), "1998-02-03");
  // Not a split year: a time after the date, or a two-digit year other than 19 or 20.
  const auto timed = FindDates("07/11/20 12:30");
  ASSERT_EQ(timed.size(), 1u);
  EXPECT_EQ(timed[0].Value(DateOrder::kDayFirst).ToString(), "2020-11-07");
  const auto quantity = FindDates("07/11/23 45 pcs");
  ASSERT_EQ(quantity.size(), 1u);
  EXPECT_EQ(quantity[0].Value(DateOrder::kDayFirst).ToString(), "2023-11-07");
}

TEST(DatesTest, ReadsACommaAfterTheDayAsItsDot) {
  EXPECT_EQ(Read("21, Juni 2022"), "2022-06-21");
  EXPECT_EQ(Read("4, octobre 2021"), "2021-10-04");
}

TEST(DatesTest, TakesADateAfterADotOrCommaSpeckButNotAfterANumber) {
  ASSERT_EQ(FindDates("Date: .2021-08-30").size(), 1u);
  EXPECT_EQ(FindDates("Date: .2021-08-30")[0].Value(DateOrder::kUnknown).ToString(),
            "2021-08-30");
  ASSERT_EQ(FindDates("Datum ,30.08.2021").size(), 1u);
  EXPECT_TRUE(FindDates("v1.2021-08-30").empty());
  EXPECT_TRUE(FindDates("12,30.08.2021").empty());
}

TEST(DatesTest, FindsDatesInsideALine) {
  const auto found = FindDates("Rechnung Nr. 471102 vom 15.11.2024, Lieferung 14.11.2024");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].Value(DateOrder::kUnknown).ToString(), "2024-11-15");
  EXPECT_EQ(found[1].Value(DateOrder::kUnknown).ToString(), "2024-11-14");
}

TEST(DatesTest, MarksCompactDates) {
  const auto found = FindDates("DATE/TIME : 20180428/191204");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(found[0].compact);
  EXPECT_EQ(found[0].Value(DateOrder::kUnknown).ToString(), "2018-04-28");
}

}  // namespace
}  // namespace invoicer::extract::generic
