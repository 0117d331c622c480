#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <unistd.h>

#include <memory>

#include "app/extraction_workers.h"
#include "app/runtime.h"
#include "cli/command_support.h"
#include "cli/exit_codes.h"
#include "cli/shutdown_signal.h"

namespace invoicer::cli {

namespace {

int RunWorker(const GlobalOptions& global, app::Config config) {
  ApplyGlobalOptions(global, config);
  if (config.workers < 1) {
    return Fail(errors::InvalidValue("workers", "the worker command needs --workers 1 or more"));
  }
  BlockShutdownSignals();  // before any thread starts, so they all inherit the mask
  auto runtime = app::Runtime::Open(config);
  if (!runtime) return Fail(runtime.error());
  app::WorkerOptions options;
  options.threads = config.workers;
  options.name_prefix = "worker-" + std::to_string(::getpid());
  app::ExtractionWorkers workers((*runtime)->service(), options,
                                 [](std::string_view what, const Error& error) {
                                   spdlog::warn("{}: {} ({})", what, error.message, error.api_code);
                                 });
  workers.Start();
  spdlog::info("invoicer worker: {} extraction threads on schema version {}", config.workers,
               (*runtime)->schema_version());
  const int signal = WaitForShutdownSignal();
  spdlog::info("signal {}: finishing running extractions", signal);
  workers.Stop();
  return kExitOk;
}

}  // namespace

void AddWorkerCommand(CLI::App& app, const GlobalOptions& global, Runner& run) {
  CLI::App* command = app.add_subcommand(
      "worker", "Run background extraction only, against the same --db as a serve process");
  command->footer(kGlobalFlagsFooter);
  // Bound to the parsed flags until the runner has run; one per process.
  auto config = std::make_shared<app::Config>();
  AddServiceFlags(*command, *config, false);
  command->callback([&global, &run, config] {
    run = [&global, config] { return RunWorker(global, *config); };
  });
}

}  // namespace invoicer::cli
