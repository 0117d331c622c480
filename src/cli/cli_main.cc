#include "cli/cli_main.h"

#include <signal.h>

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <exception>

#include "cli/command_table.h"
#include "cli/exit_codes.h"
#include "cli/logging.h"

namespace invoicer::cli {

namespace {

void AddGlobalFlags(CLI::App& app, GlobalOptions& global) {
  app.add_option("--data", global.data_dir, "Data folder (SQLite file, admin token)")
      ->envname("INVOICER_DATA")
      ->capture_default_str();
  app.add_option("--db", global.db,
                 "Database: a SQLite file path (default: <data>/invoicer.db); "
                 "postgresql:// URLs come with the PostgreSQL store")
      ->envname("INVOICER_DB");
  app.add_option("--log-format", global.log_format, "text or json")
      ->envname("INVOICER_LOG_FORMAT")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  app.add_option("--log-level", global.log_level, "trace, debug, info, warn, error or off")
      ->envname("INVOICER_LOG_LEVEL")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}))
      ->capture_default_str();
}

int Run(int argc, char** argv) {
  CLI::App app("invoicer: invoice capture, extraction and review service", "invoicer");
  app.fallthrough();  // global flags may follow the subcommand
  app.require_subcommand(1);
  GlobalOptions global;
  AddGlobalFlags(app, global);
  Runner run;
  for (const CommandAdder add : {&AddServeCommand, &AddWorkerCommand, &AddExtractCommand,
                                 &AddEvalCommand, &AddMigrateCommand, &AddTokenCommand}) {
    add(app, global, run);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (auto logging = SetUpLogging(global.log_format, global.log_level); !logging) {
    return Fail(logging.error());
  }
  return run ? run() : kExitUsage;
}

}  // namespace

int Main(int argc, char** argv) {
  // A peer that closes its socket must not kill the process; writes report EPIPE instead.
  ::signal(SIGPIPE, SIG_IGN);
  try {
    return Run(argc, argv);
  } catch (const std::exception& e) {
    spdlog::critical("unexpected failure: {}", e.what());
  } catch (...) {
    spdlog::critical("unexpected failure");
  }
  return kExitInternal;
}

}  // namespace invoicer::cli
