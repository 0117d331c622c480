#include "app/config.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "app/wiring.h"
#include "temp_dir.h"

namespace invoicer::app {
namespace {

TEST(ParseListenTest, ReadsHostAndPort) {
  auto v4 = ParseListen("127.0.0.1:8080");
  ASSERT_TRUE(v4);
  EXPECT_EQ(v4->host, "127.0.0.1");
  EXPECT_EQ(v4->port, 8080);
  auto v6 = ParseListen("[::1]:0");
  ASSERT_TRUE(v6);
  EXPECT_EQ(v6->host, "::1");
  EXPECT_EQ(v6->port, 0);
  for (const char* bad : {"", "8080", ":8080", "host:", "host:65536", "host:80x", "::1:80",
                          "[]:80", "host:-1"}) {
    const auto r = ParseListen(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().api_code, "INVALID_VALUE") << bad;
  }
}

TEST(CheckConfigTest, AcceptsTheDefaultsAndNamesTheBadSetting) {
  EXPECT_TRUE(CheckConfig(Config{}));
  Config config;
  config.workers = -1;
  const Status bad = CheckConfig(config);
  ASSERT_FALSE(bad);
  EXPECT_EQ(std::get<std::string>(*bad.error().Detail("field")), "workers");
  config = Config{};
  config.confidence_threshold = 1.5;
  EXPECT_FALSE(CheckConfig(config));
  config = Config{};
  config.max_upload_mb = 0;
  EXPECT_FALSE(CheckConfig(config));
  config = Config{};
  config.extraction_timeout_seconds = 0;
  EXPECT_EQ(CheckConfig(config).error().api_code, "INVALID_VALUE");
}

TEST(ServiceOptionsForTest, CarriesTheSettingsOver) {
  Config config;
  config.max_upload_mb = 3;
  config.extraction_lease_seconds = 7;
  config.extraction_timeout_seconds = 11;
  config.max_attempts = 4;
  config.straight_through = true;
  const ServiceOptions options = ServiceOptionsFor(config);
  EXPECT_EQ(options.max_upload_bytes, 3 * 1024 * 1024);
  EXPECT_EQ(options.extraction_lease, std::chrono::seconds(7));
  EXPECT_EQ(options.max_extraction_time, std::chrono::seconds(11));
  EXPECT_EQ(options.max_attempts, 4);
  EXPECT_TRUE(options.straight_through);
}

TEST(OpenStoreTest, DefaultsToASqliteFileInTheDataFolder) {
  testing::TempDir dir;
  Config config;
  config.data_dir = dir.File("nested/data");
  EXPECT_EQ(SqlitePathFor(config), config.data_dir + "/invoicer.db");
  auto store = OpenStore(config);
  ASSERT_TRUE(store) << store.error().message;
  ASSERT_TRUE((*store)->Migrate());
  EXPECT_TRUE(std::filesystem::exists(config.data_dir + "/invoicer.db"));
}

TEST(OpenStoreTest, RefusesPostgresqlUrlsForNow) {
  testing::TempDir dir;
  Config config;
  config.data_dir = dir.path();
  config.db = "postgresql://localhost/invoicer";
  const auto store = OpenStore(config);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(store.error().message.find("not supported yet"), std::string::npos);
}

}  // namespace
}  // namespace invoicer::app
