// The `invoicer` command line as a user runs it: real processes of the built binary.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

#include <fstream>

#include "run_command.h"
#include "serve_process.h"
#include "temp_dir.h"

namespace invoicer::app {
namespace {

using testing::RunCommand;

bool LooksLikeToken(const std::string& line) {
  return line.size() == 4 + 43 && line.starts_with("inv_") &&
         line.find_first_not_of(
             "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", 4) ==
             std::string::npos;
}

TEST(CliTest, TokenCreatePrintsTheTokenAloneOnStdout) {
  testing::TempDir dir;
  const auto created = RunCommand(INVOICER_BINARY, {"--data", dir.path(), "token", "create",
                                                    "--name", "ci", "--role", "reviewer"});
  ASSERT_EQ(created.exit_code, 0) << created.err;
  ASSERT_TRUE(created.out.ends_with("\n"));
  EXPECT_TRUE(LooksLikeToken(created.out.substr(0, created.out.size() - 1))) << created.out;

  const auto listed = RunCommand(INVOICER_BINARY, {"--data", dir.path(), "token", "list"});
  ASSERT_EQ(listed.exit_code, 0);
  EXPECT_NE(listed.out.find("ci"), std::string::npos);
  EXPECT_NE(listed.out.find("reviewer"), std::string::npos);
  EXPECT_EQ(listed.out.find(created.out.substr(4, 43)), std::string::npos);
}

TEST(CliTest, MapsErrorsToTheirExitCodes) {
  testing::TempDir dir;
  const std::vector<std::string> create{"--data", dir.path(), "token", "create", "--name", "ci",
                                        "--role", "reader"};
  ASSERT_EQ(RunCommand(INVOICER_BINARY, create).exit_code, 0);
  EXPECT_EQ(RunCommand(INVOICER_BINARY, create).exit_code, 5);  // conflict: name taken
  EXPECT_EQ(RunCommand(INVOICER_BINARY, {"--data", dir.path(), "token", "revoke", "nobody"})
                .exit_code,
            4);  // not found
  EXPECT_EQ(RunCommand(INVOICER_BINARY, {"--data", dir.path(), "token", "create", "--name",
                                         "system", "--role", "reader"})
                .exit_code,
            3);  // invalid input
  EXPECT_EQ(RunCommand(INVOICER_BINARY, {"token", "create", "--name", "x", "--role", "boss"})
                .exit_code,
            2);  // usage
  EXPECT_EQ(RunCommand(INVOICER_BINARY, {"--no-such-flag", "migrate"}).exit_code, 2);
  EXPECT_EQ(RunCommand(INVOICER_BINARY, {"--help"}).exit_code, 0);
  EXPECT_EQ(RunCommand(INVOICER_BINARY, {"token", "create", "--help"}).exit_code, 0);
}

TEST(CliTest, RefusesPostgresqlForNowWithAJsonLogLine) {
  testing::TempDir dir;
  const auto r = RunCommand(INVOICER_BINARY, {"--data", dir.path(), "--db",
                                              "postgresql://localhost/x", "--log-format", "json",
                                              "migrate"});
  EXPECT_EQ(r.exit_code, 3);
  const auto line = nlohmann::json::parse(r.err.substr(0, r.err.find('\n')));
  EXPECT_EQ(line["level"], "error");
  EXPECT_NE(line["msg"].get<std::string>().find("not supported yet"), std::string::npos);
  EXPECT_TRUE(line.contains("time"));
}

TEST(CliTest, MigrateReportsTheSchemaVersionAndIsIdempotent) {
  testing::TempDir dir;
  const auto first = RunCommand(INVOICER_BINARY, {"--data", dir.path(), "migrate"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_TRUE(first.out.starts_with("schema version "));
  EXPECT_EQ(RunCommand(INVOICER_BINARY, {"--data", dir.path(), "migrate"}).out, first.out);
}

TEST(CliTest, ServePrintsTheBootstrapAdminTokenOnTheFirstStartOnly) {
  testing::TempDir dir;
  const std::vector<std::string> args{"--data", dir.path(), "--log-level", "warn", "serve",
                                      "--listen", "127.0.0.1:0", "--workers", "0"};
  std::string token;
  {
    testing::ServeProcess first;
    ASSERT_TRUE(first.Start(INVOICER_BINARY, args)) << first.output();
    const std::string& out = first.output();
    const auto at = out.find("inv_");
    ASSERT_NE(at, std::string::npos) << out;
    token = out.substr(at, 47);
    EXPECT_TRUE(LooksLikeToken(token));
    EXPECT_EQ(first.Terminate(), 0);
  }
  std::ifstream file(dir.File("admin-token"));
  std::string written;
  std::getline(file, written);
  EXPECT_EQ(written, token);
  struct stat st {};
  ASSERT_EQ(::stat(dir.File("admin-token").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);

  testing::ServeProcess second;
  ASSERT_TRUE(second.Start(INVOICER_BINARY, args)) << second.output();
  EXPECT_EQ(second.output().find("inv_"), std::string::npos) << second.output();
  EXPECT_EQ(second.Terminate(), 0);
}

TEST(CliTest, EnvironmentVariablesSetTheFlags) {
  testing::TempDir dir;
  ::setenv("INVOICER_DATA", dir.path().c_str(), 1);
  const auto r = RunCommand(INVOICER_BINARY, {"migrate"});
  ::unsetenv("INVOICER_DATA");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  struct stat st {};
  EXPECT_EQ(::stat(dir.File("invoicer.db").c_str(), &st), 0);
}

}  // namespace
}  // namespace invoicer::app
