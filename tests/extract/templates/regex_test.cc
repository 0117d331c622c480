#include "extract/templates/regex.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/templates/replacement.h"

namespace invoicer::extract::templates {
namespace {

bool Found(const Regex& regex, std::string_view subject) {
  auto found = regex.Search(subject);
  EXPECT_TRUE(found.has_value());
  return found && found->has_value();
}

std::vector<std::string> FindAll(const Regex& regex, std::string_view subject) {
  std::vector<std::string> out;
  auto status = regex.ForEachMatch(subject, [&](const Captures& g) {
    const Capture& c = g[regex.capture_count() >= 1 ? 1 : 0];
    out.emplace_back(subject.substr(c.begin, c.end - c.begin));
    return true;
  });
  EXPECT_TRUE(status.has_value());
  return out;
}

TEST(RegexTest, ReadsPythonNamedGroups) {
  auto regex = Regex::Compile(R"((?P<qty>\d+)\s+x\s+(?P<name>\w+))");
  ASSERT_TRUE(regex.has_value());
  ASSERT_EQ(regex->group_names().size(), 2U);
  EXPECT_EQ(regex->group_names()[0].first, "qty");
  EXPECT_EQ(regex->group_names()[1].first, "name");
  auto m = regex->Search("order: 3 x apples");
  ASSERT_TRUE(m.has_value() && m->has_value());
  EXPECT_EQ((**m)[1].begin, 7U);
}

TEST(RegexTest, TranslatesPythonEndOfStringAnchor) {
  // Python's \Z never matches before a final newline; PCRE2's would.
  auto regex = Regex::Compile(R"(total\Z)");
  ASSERT_TRUE(regex.has_value());
  EXPECT_FALSE(Found(*regex, "total\n"));
  EXPECT_TRUE(Found(*regex, "the total"));
}

TEST(RegexTest, TranslatesOpenLowerBoundQuantifierAndUnicodeEscape) {
  auto regex = Regex::Compile(R"(^a{,2}\u00e9$)");
  ASSERT_TRUE(regex.has_value());
  EXPECT_TRUE(Found(*regex, "aa\xC3\xA9"));
  EXPECT_TRUE(Found(*regex, "\xC3\xA9"));
  EXPECT_FALSE(Found(*regex, "aaa\xC3\xA9"));
}

TEST(RegexTest, MatchesUnicodeClassesUnlessAsciiFlag) {
  auto unicode = Regex::Compile(R"(^\w+$)");
  auto ascii = Regex::Compile(R"((?a)^\w+$)");
  ASSERT_TRUE(unicode.has_value() && ascii.has_value());
  EXPECT_TRUE(Found(*unicode,
                    "Stra\xC3\x9F"
                    "e"));
  EXPECT_FALSE(Found(*ascii,
                     "Stra\xC3\x9F"
                     "e"));
}

TEST(RegexTest, InlineCaseFlagWorks) {
  auto regex = Regex::Compile("(?i)accor");
  ASSERT_TRUE(regex.has_value());
  EXPECT_TRUE(Found(*regex, "ACCOR HOTELS"));
}

TEST(RegexTest, FindsAllMatchesLikePython) {
  auto regex = Regex::Compile(R"((\d+),\d\d)");
  ASSERT_TRUE(regex.has_value());
  EXPECT_EQ(FindAll(*regex, "12,50 and 3,10"), (std::vector<std::string>{"12", "3"}));
  // Empty matches next to others, as Python 3.7+ finds them.
  auto star = Regex::Compile("x*");
  ASSERT_TRUE(star.has_value());
  EXPECT_EQ(FindAll(*star, "axxb"), (std::vector<std::string>{"", "xx", "", ""}));
}

TEST(RegexTest, InvalidPatternIsInvalidInputWithOffset) {
  auto regex = Regex::Compile(R"(Total (\d+)");
  ASSERT_FALSE(regex.has_value());
  EXPECT_EQ(regex.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(regex.error().message.find("offset"), std::string::npos);
}

TEST(RegexTest, CatastrophicBacktrackingHitsTheMatchLimit) {
  auto regex = Regex::Compile(R"((a+)+$)");
  ASSERT_TRUE(regex.has_value());
  const std::string subject = std::string(5000, 'a') + "!";
  auto found = regex->Search(subject);
  ASSERT_FALSE(found.has_value());
  EXPECT_EQ(found.error().code, ErrorCode::kUnreadableDocument);
  EXPECT_NE(found.error().message.find("match limit"), std::string::npos);
}

TEST(RegexTest, InvalidUtf8SubjectIsUnreadable) {
  auto regex = Regex::Compile("a");
  ASSERT_TRUE(regex.has_value());
  auto found = regex->Search("\xFF\xFE a");
  ASSERT_FALSE(found.has_value());
  EXPECT_EQ(found.error().code, ErrorCode::kUnreadableDocument);
}

TEST(ReplacementTest, ExpandsGroupsAndEscapesAsPython) {
  auto regex = Regex::Compile(R"((?P<euros>\d+)\.(\d{2}))");
  ASSERT_TRUE(regex.has_value());
  auto repl = Replacement::Parse(R"(\g<euros>,\2\n)", *regex);
  ASSERT_TRUE(repl.has_value());
  auto m = regex->Search("12.50");
  ASSERT_TRUE(m.has_value() && m->has_value());
  EXPECT_EQ(repl->Expand("12.50", **m), "12,50\n");
}

TEST(ReplacementTest, RejectsUnknownGroupsAndBadEscapes) {
  auto regex = Regex::Compile(R"((\d+))");
  ASSERT_TRUE(regex.has_value());
  EXPECT_EQ(Replacement::Parse(R"(\g<missing>)", *regex).error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(Replacement::Parse(R"(\3)", *regex).error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(Replacement::Parse(R"(\q)", *regex).error().code, ErrorCode::kInvalidInput);
}

}  // namespace
}  // namespace invoicer::extract::templates
