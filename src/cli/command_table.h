#pragma once

#include <functional>
#include <string>

namespace CLI {
class App;
}

namespace invoicer::cli {

// Flags every subcommand shares; each is also an environment variable.
struct GlobalOptions {
  std::string data_dir = "./invoicer-data";  // --data, INVOICER_DATA
  std::string db;                            // --db, INVOICER_DB; empty: SQLite in data_dir
  std::string log_format = "text";           // --log-format text|json
  std::string log_level = "info";            // --log-level
};

// A subcommand adds itself to the CLI11 app and sets `run` to the function main calls when
// it was chosen. `run` returns the process exit code (see exit_codes.h).
using Runner = std::function<int()>;
using CommandAdder = void (*)(CLI::App& app, const GlobalOptions& global, Runner& run);

void AddServeCommand(CLI::App& app, const GlobalOptions& global, Runner& run);
void AddWorkerCommand(CLI::App& app, const GlobalOptions& global, Runner& run);
void AddMigrateCommand(CLI::App& app, const GlobalOptions& global, Runner& run);
void AddTokenCommand(CLI::App& app, const GlobalOptions& global, Runner& run);
void AddExtractCommand(CLI::App& app, const GlobalOptions& global, Runner& run);
void AddEvalCommand(CLI::App& app, const GlobalOptions& global, Runner& run);

}  // namespace invoicer::cli
