#include <gtest/gtest.h>

#include <algorithm>
#include <thread>
#include <vector>

#include "extract/templates/template_set.h"
#include "template_fixtures.h"

namespace invoicer::extract::templates {
namespace {

using testing::LayoutOf;
using testing::TempDir;

const LoadProblem* ProblemOf(const TemplateSet& set, const std::string& file) {
  const auto& problems = set.problems();
  const auto it = std::find_if(problems.begin(), problems.end(),
                               [&](const LoadProblem& p) { return p.file == file; });
  return it == problems.end() ? nullptr : &*it;
}

constexpr std::string_view kGood = R"(
issuer: Good
keywords: [Good Ltd]
fields: {invoice_number: 'No (\d+)'}
required_fields: [invoice_number]
)";

TEST(TemplateErrorsTest, BadFilesAreReportedAndTheOthersLoad) {
  TempDir dir;
  const std::string good = dir.Write("good.yml", kGood);
  const std::string bad_yaml = dir.Write("bad_yaml.yml", "issuer: [unclosed\nkeywords: x\n");
  const std::string bad_keyword = dir.Write("bad_keyword.yml", R"(
issuer: Bad
keywords: ['Total (']
)");
  const std::string bad_replace = dir.Write("bad_replace.yaml", R"(
issuer: Bad
keywords: [Bad]
options: {replace: [['(\d)', '\q']]}
)");
  const std::string no_keywords = dir.Write("sub/no_keywords.json", R"({"issuer": "Nobody"})");
  const std::string bad_json = dir.Write("sub/bad.json", R"({"issuer": )");
  dir.Write("notes.txt", "not a template");

  auto set = TemplateSet::LoadDirectory(dir.path().string());
  ASSERT_TRUE(set.has_value());
  EXPECT_EQ(set->size(), 1U);
  ASSERT_EQ(set->problems().size(), 5U);
  for (const LoadProblem& p : set->problems()) {
    EXPECT_FALSE(p.loaded) << p.file;
    EXPECT_FALSE(p.reason.empty()) << p.file;
  }
  EXPECT_EQ(ProblemOf(*set, good), nullptr);
  EXPECT_NE(ProblemOf(*set, bad_yaml)->reason.find("invalid YAML at line"), std::string::npos);
  EXPECT_NE(ProblemOf(*set, bad_keyword)->reason.find("keywords: invalid regex /Total (/"),
            std::string::npos);
  EXPECT_NE(ProblemOf(*set, bad_replace)->reason.find("invalid replacement"), std::string::npos);
  EXPECT_NE(ProblemOf(*set, no_keywords)->reason.find("no keywords"), std::string::npos);
  EXPECT_NE(ProblemOf(*set, bad_json)->reason.find("invalid JSON"), std::string::npos);

  auto m = set->Match(LayoutOf("Good Ltd\nNo 8\n"));
  ASSERT_TRUE(m.has_value());
  ASSERT_TRUE(m->has_value());
  EXPECT_EQ((*m)->issuer, "Good");
}

TEST(TemplateErrorsTest, FieldsThatCannotWorkAreLeftOutWithAProblem) {
  TempDir dir;
  const std::string file = dir.Write("partly.yml", R"(
issuer: Partly
keywords: [Partly Ltd]
fields:
  invoice_number: 'No (\d+)'
  amount: 'Total (\d+'
  lines: {parser: lines, start: Items, line: '(?P<name>\w+)'}
lines:
  rules:
    - {start: Goods, end: End, line: '(?P<name>[a-z+)'}
    - {start: Goods, end: End, line: '^(?P<name>[a-z]+)$'}
tables:
  - {start: A, body: '(?P<x>\d)'}
required_fields: [invoice_number]
)");
  auto set = TemplateSet::LoadFiles({file});
  ASSERT_TRUE(set.has_value());
  EXPECT_EQ(set->size(), 1U);
  ASSERT_EQ(set->problems().size(), 4U);
  for (const LoadProblem& p : set->problems()) EXPECT_TRUE(p.loaded) << p.reason;
  EXPECT_NE(set->problems()[0].reason.find("field amount: invalid regex /Total (\\d+/"),
            std::string::npos);
  EXPECT_NE(set->problems()[1].reason.find("field lines: the 'end' regex is missing"),
            std::string::npos);
  EXPECT_NE(set->problems()[2].reason.find("lines[0].line: invalid regex"), std::string::npos);
  EXPECT_NE(set->problems()[3].reason.find("tables[0]: the 'end' regex is missing"),
            std::string::npos);
  auto m = set->Match(LayoutOf("Partly Ltd\nNo 3\nGoods\nbolt\nEnd\n"));
  ASSERT_TRUE(m.has_value() && m->has_value());
  EXPECT_EQ((*m)->fields.at("invoice_number").value, "3");
  ASSERT_EQ((*m)->line_items.size(), 1U);
  EXPECT_EQ((*m)->line_items[0].description, "bolt");
}

TEST(TemplateErrorsTest, UnsupportedFeaturesLoadWithAProblem) {
  TempDir dir;
  const std::string file = dir.Write("area.yml", R"(
issuer: Area
keywords: [Area Ltd]
fields:
  invoice_number: {parser: regex, regex: 'No (\d+)', area: {f: 1, l: 1, x: 0, y: 0, r: 100, W: 10, H: 10}}
  amount: {parser: regex, regex: 'Total (\d+)\.(\d+)'}
  odd: {regex: 'x'}
  other: {parser: magic}
required_fields: [invoice_number]
)");
  auto set = TemplateSet::LoadFiles({file});
  ASSERT_TRUE(set.has_value());
  EXPECT_EQ(set->size(), 1U);
  ASSERT_EQ(set->problems().size(), 4U);
  for (const LoadProblem& p : set->problems()) EXPECT_TRUE(p.loaded) << p.reason;
  EXPECT_NE(set->problems()[0].reason.find("'area' is not supported"), std::string::npos);
  EXPECT_NE(set->problems()[1].reason.find("2 capturing groups"), std::string::npos);
  EXPECT_NE(set->problems()[2].reason.find("no parser"), std::string::npos);
  EXPECT_NE(set->problems()[3].reason.find("unknown parser 'magic'"), std::string::npos);
  // The area is searched in the whole text; the two-group regex gives no amount.
  auto m = set->Match(LayoutOf("Area Ltd\nNo 5\nTotal 10.50\n"));
  ASSERT_TRUE(m.has_value() && m->has_value());
  EXPECT_EQ((*m)->fields.at("invoice_number").value, "5");
  EXPECT_FALSE((*m)->fields.contains("total"));
}

TEST(TemplateErrorsTest, MissingDirectoryIsInvalidInput) {
  TempDir dir;
  auto set = TemplateSet::LoadDirectory((dir.path() / "nope").string());
  ASSERT_FALSE(set.has_value());
  EXPECT_EQ(set.error().code, ErrorCode::kInvalidInput);
}

TEST(TemplateErrorsTest, CatastrophicFieldRegexFailsWithTheMatchLimitNamingTemplateAndField) {
  TempDir dir;
  const std::string file = dir.Write("slow.yml", R"(
issuer: Slow
keywords: [Slow Ltd]
fields:
  invoice_number: 'No (\d+)'
  reference: '(a+)+$'
required_fields: [invoice_number]
)");
  auto set = TemplateSet::LoadFiles({file});
  ASSERT_TRUE(set.has_value());
  const std::string text = "Slow Ltd\nNo 1\n" + std::string(30000, 'a') + "!\n";
  auto m = set->Match(LayoutOf(text));
  ASSERT_FALSE(m.has_value());
  EXPECT_EQ(m.error().code, ErrorCode::kUnreadableDocument);
  EXPECT_NE(m.error().message.find("match limit"), std::string::npos);
  const ErrorDetail* field = m.error().Detail("field");
  const ErrorDetail* tpl = m.error().Detail("template");
  ASSERT_NE(field, nullptr);
  ASSERT_NE(tpl, nullptr);
  EXPECT_EQ(std::get<std::string>(*field), "field reference");
  EXPECT_EQ(std::get<std::string>(*tpl), file);
}

TEST(TemplateErrorsTest, CatastrophicKeywordFailsToo) {
  TempDir dir;
  const std::string file = dir.Write("kw.yml", "keywords: ['(x+x+)+$']\nfields: {}\n");
  auto set = TemplateSet::LoadFiles({file});
  ASSERT_TRUE(set.has_value());
  auto m = set->Match(LayoutOf(std::string(5000, 'x') + "!\n"));
  ASSERT_FALSE(m.has_value());
  EXPECT_EQ(m.error().code, ErrorCode::kUnreadableDocument);
  EXPECT_EQ(std::get<std::string>(*m.error().Detail("field")), "keywords");
}

TEST(TemplateErrorsTest, TextThatIsNotUtf8IsUnreadable) {
  TempDir dir;
  auto set = TemplateSet::LoadFiles({dir.Write("good.yml", kGood)});
  ASSERT_TRUE(set.has_value());
  auto m = set->Match(LayoutOf("Good Ltd\nNo 8 \xC3\x28\n"));
  ASSERT_FALSE(m.has_value());
  EXPECT_EQ(m.error().code, ErrorCode::kUnreadableDocument);
}

TEST(TemplateErrorsTest, OneSetServesManyThreadsAtOnce) {
  TempDir dir;
  auto set = TemplateSet::LoadFiles({dir.Write("good.yml", kGood)});
  ASSERT_TRUE(set.has_value());
  const LayoutText text = LayoutOf("Good Ltd\nNo 8\n");
  std::vector<int> found(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < found.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        auto m = set->Match(text);
        if (m && *m && (*m)->fields.at("invoice_number").value == "8") ++found[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int count : found) EXPECT_EQ(count, 200);
}

}  // namespace
}  // namespace invoicer::extract::templates
