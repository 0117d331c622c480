#include "synth/corpus_writer.h"

#include <gtest/gtest.h>

#include "test_files.h"

namespace invoicer::synth {
namespace {

using testing::ReadFile;
using testing::TempDir;

std::vector<std::string> Names(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) {
      names.push_back(std::filesystem::relative(entry.path(), dir).string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

TEST(WriteCorpusTest, WritesEachDocumentWithItsTruthAndAManifest) {
  TempDir dir;
  CorpusOptions options;
  options.out_dir = dir.path() / "corpus";
  options.count = 3;
  options.seed = 1;
  auto summary = WriteCorpus(options);
  ASSERT_TRUE(summary.has_value()) << summary.error().message;
  EXPECT_EQ(summary->documents, 3);
  EXPECT_EQ(Names(options.out_dir),
            (std::vector<std::string>{"manifest.csv", "syn1-0000-text.pdf", "syn1-0001-text.pdf",
                                      "syn1-0002-text.pdf", "truth/syn1-0000-text.json",
                                      "truth/syn1-0001-text.json", "truth/syn1-0002-text.json"}));
  const std::string truth = ReadFile(options.out_dir / "truth/syn1-0001-text.json");
  EXPECT_NE(truth.find("\"invoice_number\""), std::string::npos);
  EXPECT_NE(truth.find("\"line_items\""), std::string::npos);
  const std::string manifest = ReadFile(options.out_dir / "manifest.csv");
  EXPECT_EQ(std::count(manifest.begin(), manifest.end(), '\n'), 4);
  EXPECT_EQ(manifest.find("syn1-0000-text.pdf,text,"), manifest.find('\n') + 1);
}

TEST(WriteCorpusTest, AssignsKindsRoundRobin) {
  TempDir dir;
  CorpusOptions options;
  options.out_dir = dir.path();
  options.count = 2;
  options.seed = 4;
  options.kinds = {DocumentKind::kText, DocumentKind::kScanPng};
  options.render.scan_dpi = 100;
  ASSERT_TRUE(WriteCorpus(options).has_value());
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "syn4-0000-text.pdf"));
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "syn4-0001-scan-png.png"));
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "truth/syn4-0001-scan-png.json"));
}

TEST(WriteCorpusTest, WritesTheSameBytesWhateverTheNumberOfJobs) {
  TempDir dir;
  CorpusOptions options;
  options.count = 8;
  options.seed = 9;
  options.out_dir = dir.path() / "one";
  options.jobs = 1;
  ASSERT_TRUE(WriteCorpus(options).has_value());
  options.out_dir = dir.path() / "two";
  options.jobs = 2;
  ASSERT_TRUE(WriteCorpus(options).has_value());
  const std::vector<std::string> names = Names(dir.path() / "one");
  ASSERT_EQ(names, Names(dir.path() / "two"));
  for (const std::string& name : names) {
    EXPECT_EQ(ReadFile(dir.path() / "one" / name), ReadFile(dir.path() / "two" / name)) << name;
  }
}

TEST(WriteCorpusTest, RejectsANegativeCount) {
  TempDir dir;
  CorpusOptions options;
  options.out_dir = dir.path();
  options.count = -1;
  auto summary = WriteCorpus(options);
  ASSERT_FALSE(summary.has_value());
  EXPECT_EQ(summary.error().code, ErrorCode::kInvalidInput);
}

TEST(WriteCorpusTest, RejectsAnEmptyKindList) {
  TempDir dir;
  CorpusOptions options;
  options.out_dir = dir.path();
  options.count = 1;
  options.kinds.clear();
  auto summary = WriteCorpus(options);
  ASSERT_FALSE(summary.has_value());
  EXPECT_EQ(summary.error().code, ErrorCode::kInvalidInput);
}

TEST(WriteCorpusTest, RejectsAnImpossibleScanResolution) {
  TempDir dir;
  CorpusOptions options;
  options.out_dir = dir.path();
  options.count = 1;
  options.render.scan_dpi = 5000;
  auto summary = WriteCorpus(options);
  ASSERT_FALSE(summary.has_value());
  EXPECT_EQ(summary.error().code, ErrorCode::kInvalidInput);
}

TEST(WriteCorpusTest, FailsWhenTheDirectoryCannotBeCreated) {
  TempDir dir;
  testing::WriteFile(dir.path() / "file", "not a directory");
  CorpusOptions options;
  options.out_dir = dir.path() / "file" / "corpus";
  options.count = 1;
  auto summary = WriteCorpus(options);
  ASSERT_FALSE(summary.has_value());
  EXPECT_EQ(summary.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace invoicer::synth
