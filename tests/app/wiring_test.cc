#include "app/wiring.h"

#include <gtest/gtest.h>

#include <latch>
#include <string>
#include <thread>
#include <vector>

#include "temp_dir.h"

namespace invoicer::app {
namespace {

TEST(MakeExtractorTest, RefusesAMissingTemplatesFolderAtStartUp) {
  Config config;
  config.templates_dir = "/nonexistent/invoicer-templates";
  const auto extractor = MakeExtractor(config);
  ASSERT_FALSE(extractor);
  EXPECT_EQ(extractor.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(extractor.error().message.find(config.templates_dir), std::string::npos);
}

TEST(MakeExtractorTest, ExtractsConcurrentFirstDocuments) {
  testing::TempDir templates;  // an empty templates folder: valid, no issuer templates
  Config config;
  config.templates_dir = templates.path();
  auto extractor = MakeExtractor(config);
  ASSERT_TRUE(extractor) << extractor.error().message;

  constexpr int kThreads = 4;
  const std::string text = "ACME SUPPLIES SDN BHD\n\nTOTAL            119.00\n";
  std::vector<Result<domain::ExtractionResult>> results(kThreads, errors::Internal("not run"));
  std::latch start(kThreads);
  {
    std::vector<std::jthread> threads;
    for (int i = 0; i < kThreads; ++i) {
      threads.emplace_back([&, i] {
        start.arrive_and_wait();
        results[static_cast<std::size_t>(i)] =
            (*extractor)->Extract(extract::DocumentInput{text, "text/plain", "receipt.txt"});
      });
    }
  }
  for (const auto& result : results) {
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(result->method, "generic:text");
    ASSERT_TRUE(result->fields.contains("total"));
    EXPECT_EQ(result->fields.at("total").value, "119.00");
  }
}

}  // namespace
}  // namespace invoicer::app
