// `invoicer extract` as a user runs it: the real binary in a child process.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/temp_dir.h"
#include "test_files.h"

namespace invoicer::extract {
namespace {

struct CommandRun {
  int exit_code = -1;
  std::vector<std::string> lines;  // stdout
};

// Runs `invoicer extract ARGS` with stderr discarded.
CommandRun Extract(const std::string& args) {
  const std::string command = std::string(INVOICER_BINARY) + " extract --lang eng " + args + " 2>/dev/null";
  CommandRun run;
  FILE* out = ::popen(command.c_str(), "r");
  if (out == nullptr) return run;
  std::string text;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, out)) > 0;) text.append(buffer, n);
  const int status = ::pclose(out);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) run.lines.push_back(line);
  return run;
}

void Write(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string InvoicePdf(const std::string& number) {
  testing::PdfPage page;
  page.texts = {{60, 50, 16, "ACME Supplies GmbH"},
                {60, 150, 11, "Invoice No: " + number},
                {60, 168, 11, "Invoice Date: 15.01.2026"},
                {60, 336, 11, "Total"},
                {400, 336, 11, "119.00 EUR"}};
  return testing::MakePdf({page});
}

TEST(ExtractCommandTest, PrintsOneJsonObjectPerFileInInputOrder) {
  invoicer::testing::TempDir dir;
  Write(dir.File("b.pdf"), InvoicePdf("B-2"));
  Write(dir.File("a.pdf"), InvoicePdf("A-1"));
  const CommandRun run = Extract(dir.File("b.pdf") + " " + dir.File("a.pdf") + " --jobs 2");
  EXPECT_EQ(run.exit_code, 0);
  ASSERT_EQ(run.lines.size(), 2u);
  const auto first = nlohmann::json::parse(run.lines[0]);
  const auto second = nlohmann::json::parse(run.lines[1]);
  EXPECT_EQ(first["file"], dir.File("b.pdf"));
  EXPECT_EQ(first["fields"]["invoice_number"]["value"], "B-2");
  EXPECT_EQ(first["fields"]["total"]["value"], "119.00");
  EXPECT_EQ(first["fields"]["total"]["page"], 1);
  EXPECT_TRUE(first["line_items"].is_array());
  EXPECT_TRUE(first["validation"].is_array());
  EXPECT_TRUE(first["needs_review"].is_boolean());
  EXPECT_TRUE(first["error"].is_null());
  EXPECT_FALSE(first.contains("template"));  // only with --templates
  EXPECT_EQ(second["fields"]["invoice_number"]["value"], "A-1");
}

TEST(ExtractCommandTest, ReportsAFailedFileAndGoesOnWithTheBatch) {
  invoicer::testing::TempDir dir;
  Write(dir.File("good.pdf"), InvoicePdf("G-1"));
  Write(dir.File("broken.pdf"), "%PDF-1.7 broken");
  const CommandRun run = Extract(dir.File("broken.pdf") + " " + dir.File("missing.pdf") + " " +
                          dir.File("good.pdf"));
  EXPECT_NE(run.exit_code, 0);
  ASSERT_EQ(run.lines.size(), 3u);
  const auto broken = nlohmann::json::parse(run.lines[0]);
  EXPECT_NE(broken["error"].get<std::string>().find("not a readable PDF"), std::string::npos);
  EXPECT_TRUE(broken["fields"].empty());
  EXPECT_EQ(nlohmann::json::parse(run.lines[1])["error"], "no such file");
  const auto good = nlohmann::json::parse(run.lines[2]);
  EXPECT_TRUE(good["error"].is_null());
  EXPECT_EQ(good["fields"]["invoice_number"]["value"], "G-1");
}

TEST(ExtractCommandTest, ExpandsAFolderAndWritesCsv) {
  invoicer::testing::TempDir dir;
  std::filesystem::create_directory(dir.File("sub"));
  Write(dir.File("sub/2.pdf"), InvoicePdf("RE-1002"));
  Write(dir.File("1.pdf"), InvoicePdf("RE-1001"));
  Write(dir.File("notes.md"), "not a document");
  const CommandRun run = Extract(dir.path() + " --format csv");
  EXPECT_EQ(run.exit_code, 0);
  ASSERT_EQ(run.lines.size(), 3u);  // header + two documents; notes.md is skipped
  EXPECT_EQ(run.lines[0].rfind("file,error,needs_review,method,vendor_name", 0), 0u) << run.lines[0];
  EXPECT_NE(run.lines[1].find("/1.pdf,"), std::string::npos);
  EXPECT_NE(run.lines[1].find(",RE-1001,"), std::string::npos);
  EXPECT_NE(run.lines[2].find("/sub/2.pdf,"), std::string::npos);
}

TEST(ExtractCommandTest, ReportsTheTemplateAndItsExtraFields) {
  invoicer::testing::TempDir dir;
  std::filesystem::create_directory(dir.File("templates"));
  Write(dir.File("templates/acme.yml"), R"(issuer: ACME Test
keywords:
  - ACME Supplies
fields:
  amount: Total\s+(\d+\.\d\d)
  invoice_number: Invoice No:\s+(\S+)
  date: Invoice Date:\s+(\d\d\.\d\d\.\d{4})
  supplier_ref: (ACME)\s+Supplies
options:
  currency: EUR
  date_formats:
    - '%d.%m.%Y'
)");
  Write(dir.File("a.pdf"), InvoicePdf("T-1"));
  const CommandRun run = Extract(dir.File("a.pdf") + " --templates " + dir.File("templates"));
  EXPECT_EQ(run.exit_code, 0);
  ASSERT_EQ(run.lines.size(), 1u);
  const auto doc = nlohmann::json::parse(run.lines[0]);
  EXPECT_EQ(doc["template"], "ACME Test");
  EXPECT_EQ(doc["extra_fields"]["supplier_ref"], "ACME");
  EXPECT_EQ(doc["fields"]["invoice_number"]["source"], "template");
}

}  // namespace
}  // namespace invoicer::extract
