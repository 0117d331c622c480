#include "extract/templates/date_parser.h"

#include <gtest/gtest.h>

namespace invoicer::extract::templates {
namespace {

std::string Read(const DateParser& parser, std::string_view text) {
  const auto parsed = parser.Parse(text);
  return parsed ? parsed->date.ToString() : "none";
}

DateParser Make(std::vector<std::string> formats, std::vector<std::string> languages) {
  auto parser = DateParser::Create(formats, languages);
  EXPECT_TRUE(parser.has_value());
  return std::move(*parser);
}

TEST(DateParserTest, ReadsStrptimeFormats) {
  const DateParser parser = Make({"%d.%m.%Y", "%d/%m/%y", "%Y-%m-%d"}, {});
  EXPECT_EQ(Read(parser, "05.03.2024"), "2024-03-05");
  EXPECT_EQ(Read(parser, " 5.3.2024 "), "2024-03-05");
  EXPECT_EQ(Read(parser, "31/12/99"), "1999-12-31");
  EXPECT_EQ(Read(parser, "01/02/24"), "2024-02-01");
  EXPECT_EQ(Read(parser, "2024-02-29"), "2024-02-29");
}

TEST(DateParserTest, FormatsMatchTheWholeValue) {
  const DateParser parser = Make({"%d-%m-%Y %H:%M:%S"}, {"nl"});
  EXPECT_EQ(Read(parser, "12-03-2024 14:05:00"), "2024-03-12");
  const auto parsed = parser.Parse("12-03-2024 14:05:00");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_FALSE(parsed->ambiguous);
}

TEST(DateParserTest, ReadsMonthNamesOfTheTemplateLanguages) {
  const DateParser french = Make({"%d %B %Y"}, {"fr"});
  EXPECT_EQ(Read(french, "3 f\xC3\xA9vrier 2024"), "2024-02-03");
  EXPECT_EQ(Read(french, "3 fevrier 2024"), "2024-02-03");
  EXPECT_EQ(Read(french, "1er mars 2024"), "2024-03-01");  // past the format: the fallback
  const DateParser dutch = Make({"%d %b %Y"}, {"nl"});
  EXPECT_EQ(Read(dutch, "12 mrt 2024"), "2024-03-12");
  EXPECT_EQ(Read(dutch, "12 March 2024"), "2024-03-12");  // English always
  const DateParser german = Make({}, {"de"});
  EXPECT_EQ(Read(german, "12. M\xC3\xA4rz 2024"), "2024-03-12");
}

TEST(DateParserTest, ReadsEnglishMonthFirstForms) {
  const DateParser parser = Make({"%B %d, %Y", "%d-%b-%Y"}, {"en"});
  EXPECT_EQ(Read(parser, "March 5, 2024"), "2024-03-05");
  EXPECT_EQ(Read(parser, "05-Mar-2024"), "2024-03-05");
  EXPECT_EQ(Read(parser, "Sept 30, 2023"), "2023-09-30");
}

TEST(DateParserTest, NumericDatesFollowTheLanguageOrder) {
  const DateParser dutch = Make({}, {"nl"});
  const DateParser english = Make({}, {"en"});
  const DateParser none = Make({}, {});
  EXPECT_EQ(Read(dutch, "04/03/2024"), "2024-03-04");
  EXPECT_EQ(Read(english, "04/03/2024"), "2024-04-03");
  EXPECT_EQ(Read(none, "04/03/2024"), "2024-04-03");     // dateparser's month-first default
  EXPECT_EQ(Read(english, "25/03/2024"), "2024-03-25");  // only one order is a date
  EXPECT_TRUE(dutch.Parse("04/03/2024")->ambiguous);
  EXPECT_FALSE(dutch.Parse("25/03/2024")->ambiguous);
  EXPECT_FALSE(dutch.Parse("2024-03-04")->ambiguous);
}

TEST(DateParserTest, RejectsImpossibleDatesAndNonDates) {
  const DateParser parser = Make({"%d.%m.%Y"}, {"de"});
  EXPECT_EQ(Read(parser, "30.02.2024"), "none");
  EXPECT_EQ(Read(parser, "Rechnung"), "none");
  EXPECT_EQ(Read(parser, ""), "none");
}

TEST(DateParserTest, ReportsFormatsWithBadDirectives) {
  const DateParser parser = Make({"%d.%Q.%Y", "%d.%m.%Y"}, {});
  EXPECT_EQ(parser.ignored_formats(), (std::vector<std::string>{"%d.%Q.%Y"}));
  EXPECT_EQ(Read(parser, "01.02.2024"), "2024-02-01");
}

}  // namespace
}  // namespace invoicer::extract::templates
