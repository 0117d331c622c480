#include <unistd.h>

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <iostream>
#include <memory>

#include "app/bootstrap.h"
#include "app/extraction_workers.h"
#include "app/runtime.h"
#include "cli/command_support.h"
#include "cli/exit_codes.h"
#include "cli/shutdown_signal.h"
#include "http/server.h"

namespace invoicer::cli {

namespace {

std::string UrlFor(const app::ListenAddress& listen, std::uint16_t port) {
  const bool v6 = listen.host.find(':') != std::string::npos;
  const std::string host = v6 ? "[" + listen.host + "]" : listen.host;
  return "http://" + host + ":" + std::to_string(port) + "/";
}

int RunServe(const GlobalOptions& global, app::Config config) {
  ApplyGlobalOptions(global, config);
  auto listen = app::ParseListen(config.listen);
  if (!listen) return Fail(listen.error());
  BlockShutdownSignals();  // before any thread starts, so they all inherit the mask
  auto opened = app::Runtime::Open(config);
  if (!opened) return Fail(opened.error());
  app::Runtime& runtime = **opened;
  spdlog::info("store ready (schema version {})", runtime.schema_version());

  auto admin = app::BootstrapAdminToken(runtime.tokens(), config.data_dir);
  if (!admin) return Fail(admin.error());
  if (*admin) {
    std::cout << "admin token (shown once; also in " << config.data_dir << "/"
              << app::kAdminTokenFile << "): " << **admin << std::endl;
  }

  app::WorkerOptions worker_options;
  worker_options.threads = config.workers;
  worker_options.name_prefix = "worker-" + std::to_string(::getpid());
  app::ExtractionWorkers workers(runtime.service(), worker_options,
                                 [](std::string_view what, const Error& error) {
                                   spdlog::warn("{}: {} ({})", what, error.message, error.api_code);
                                 });
  if (config.workers > 0) runtime.service().SetUploadListener([&workers] { workers.Notify(); });
  workers.Start();

  http::ServerOptions options;
  options.host = listen->host;
  options.port = listen->port;
  options.io_threads = config.http_threads;
  options.handler_threads = config.handler_threads;
  options.max_upload_bytes = config.max_upload_mb * 1024 * 1024;
  http::Server server(runtime.service(), runtime.tokens(), runtime.metrics(), options);
  auto port = server.Start();
  if (!port) return Fail(port.error());
  std::cout << "invoicer listening on " << UrlFor(*listen, *port) << std::endl;
  spdlog::info("serving on {}:{} with {} extraction workers", listen->host, *port,
               config.workers);

  const int signal = WaitForShutdownSignal();
  spdlog::info("signal {}: stopping", signal);
  server.Stop();
  workers.Stop();
  spdlog::info("stopped");
  return kExitOk;
}

}  // namespace

void AddServeCommand(CLI::App& app, const GlobalOptions& global, Runner& run) {
  CLI::App* command = app.add_subcommand(
      "serve", "Run the HTTP API with background extraction (prints the URL; on the first "
               "start also a bootstrap admin token)");
  command->footer(kGlobalFlagsFooter);
  // Bound to the parsed flags until the runner has run; one per process.
  auto config = std::make_shared<app::Config>();
  AddServiceFlags(*command, *config, true);
  command->callback([&global, &run, config] {
    run = [&global, config] { return RunServe(global, *config); };
  });
}

}  // namespace invoicer::cli
