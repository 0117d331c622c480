#include "template_fixtures.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <random>

namespace invoicer::extract::templates::testing {

namespace {

std::size_t CodePoints(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

Page PageOf(std::string_view text, int number) {
  Page page;
  page.number = number;
  page.width = 100;
  std::size_t line_no = 0;
  for (std::size_t begin = 0; begin <= text.size(); ++line_no) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view row = text.substr(begin, end - begin);
    const double y0 = static_cast<double>(line_no);
    Line line;
    std::size_t column = 0;
    for (std::size_t i = 0; i < row.size();) {
      if (row[i] == ' ') {
        ++i;
        ++column;
        continue;
      }
      std::size_t j = row.find(' ', i);
      if (j == std::string_view::npos) j = row.size();
      const std::string word(row.substr(i, j - i));
      const double width = static_cast<double>(CodePoints(word));
      const domain::BoundingBox box{static_cast<double>(column), y0,
                                    static_cast<double>(column) + width, y0 + 0.8};
      line.words.push_back(Word{word, box, 1.0});
      column += CodePoints(word);
      i = j;
    }
    if (!line.words.empty()) {
      line.box = line.words.front().box;
      line.box.x1 = line.words.back().box.x1;
      page.lines.push_back(std::move(line));
    }
    begin = end + 1;
  }
  page.height = static_cast<double>(line_no);
  return page;
}

}  // namespace

LayoutText LayoutOf(std::string_view text) {
  TextDocument doc;
  int number = 1;
  for (std::size_t begin = 0; begin <= text.size(); ++number) {
    std::size_t end = text.find('\f', begin);
    if (end == std::string_view::npos) end = text.size();
    doc.pages.push_back(PageOf(text.substr(begin, end - begin), number));
    begin = end + 1;
  }
  return LayoutText::Build(doc);
}

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  std::random_device random;
  path_ = std::filesystem::temp_directory_path() /
          ("invoicer-templates-" + std::to_string(random()) + "-" + std::to_string(++counter));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string TempDir::Write(const std::string& name, std::string_view content) const {
  const std::filesystem::path file = path_ / name;
  std::filesystem::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out << content;
  return file.string();
}

TemplateSet LoadYaml(const TempDir& dir, std::string_view yaml, const std::string& name) {
  auto set = TemplateSet::LoadFiles({dir.Write(name, yaml)});
  EXPECT_TRUE(set.has_value());
  if (!set) return TemplateSet();
  for (const LoadProblem& p : set->problems()) ADD_FAILURE() << p.file << ": " << p.reason;
  EXPECT_EQ(set->size(), 1U);
  return std::move(*set);
}

std::optional<TemplateMatch> MatchText(const TemplateSet& set, std::string_view text) {
  auto match = set.Match(LayoutOf(text));
  EXPECT_TRUE(match.has_value()) << match.error().message;
  return match ? *match : std::nullopt;
}

std::string Field(const TemplateMatch& m, std::string_view name) {
  const auto it = m.fields.find(name);
  return it == m.fields.end() ? "<absent>" : it->second.value;
}

}  // namespace invoicer::extract::templates::testing
