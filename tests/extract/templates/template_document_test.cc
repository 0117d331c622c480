#include "extract/templates/template_document.h"

#include <gtest/gtest.h>

namespace invoicer::extract::templates {
namespace {

Value Parse(std::string_view content, bool json = false) {
  auto doc = ParseTemplateDocument(content, json);
  EXPECT_TRUE(doc.has_value()) << doc.error().message;
  return doc ? *doc : Value{};
}

TEST(TemplateDocumentTest, ResolvesPlainScalarsAsPyYamlDoes) {
  const Value doc =
      Parse("a: 12\nb: 1.50\nc: yes\nd: Off\ne: ~\nf: 2023-03-01\ng: '12'\nh: text\ni: 0612\n");
  EXPECT_EQ(doc.Member("a")->kind, Value::Kind::kNumber);
  EXPECT_EQ(doc.Member("a")->text, "12");
  EXPECT_EQ(doc.Member("b")->number.ToString(), "1.50");
  EXPECT_EQ(doc.Member("c")->kind, Value::Kind::kBool);
  EXPECT_TRUE(doc.Member("c")->flag);
  EXPECT_FALSE(doc.Member("d")->Truthy());
  EXPECT_EQ(doc.Member("e")->kind, Value::Kind::kNull);
  EXPECT_EQ(doc.Member("f")->kind, Value::Kind::kDate);
  EXPECT_EQ(doc.Member("f")->date.ToString(), "2023-03-01");
  EXPECT_EQ(doc.Member("g")->kind, Value::Kind::kText);  // quoted: a string
  EXPECT_EQ(doc.Member("h")->kind, Value::Kind::kText);
  EXPECT_EQ(doc.Member("i")->kind, Value::Kind::kText);  // a leading zero is no decimal int
}

TEST(TemplateDocumentTest, KeepsKeyOrderAndTheLastOfARepeatedKey) {
  const Value doc = Parse("z: 1\na: 2\nz: 3\n");
  ASSERT_EQ(doc.members.size(), 2U);
  EXPECT_EQ(doc.members[0].first, "z");
  EXPECT_EQ(doc.members[0].second.text, "3");
  EXPECT_EQ(doc.members[1].first, "a");
}

TEST(TemplateDocumentTest, JsonStringsStayStrings) {
  const Value doc = Parse(R"({"b": "true", "a": true, "n": 5, "s": ["x", null]})", true);
  EXPECT_EQ(doc.members[0].first, "b");
  EXPECT_EQ(doc.Member("b")->kind, Value::Kind::kText);
  EXPECT_EQ(doc.Member("a")->kind, Value::Kind::kBool);
  EXPECT_EQ(doc.Member("n")->kind, Value::Kind::kNumber);
  EXPECT_EQ(doc.Member("s")->items[1].kind, Value::Kind::kNull);
}

TEST(TemplateDocumentTest, InvalidDocumentsAreInvalidInput) {
  auto yaml = ParseTemplateDocument("a: [1, 2\n", false);
  ASSERT_FALSE(yaml.has_value());
  EXPECT_EQ(yaml.error().code, ErrorCode::kInvalidInput);
  auto json = ParseTemplateDocument("{", true);
  ASSERT_FALSE(json.has_value());
  EXPECT_EQ(json.error().code, ErrorCode::kInvalidInput);
}

TEST(TemplateDocumentTest, AliasBombIsRefused) {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char level = 'b'; level <= 'h'; ++level) {
    const char prev = static_cast<char>(level - 1);
    bomb += std::string(1, level) + ": &" + level + " [";
    for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", " : "") + "*" + prev;
    bomb += "]\n";
  }
  auto doc = ParseTemplateDocument(bomb, false);
  ASSERT_FALSE(doc.has_value());
  EXPECT_EQ(doc.error().code, ErrorCode::kInvalidInput);
}

}  // namespace
}  // namespace invoicer::extract::templates
