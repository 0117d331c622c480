#include <CLI/CLI.hpp>

#include <iostream>

#include "app/wiring.h"
#include "cli/command_support.h"
#include "cli/exit_codes.h"

namespace invoicer::cli {

void AddMigrateCommand(CLI::App& app, const GlobalOptions& global, Runner& run) {
  CLI::App* command =
      app.add_subcommand("migrate", "Create or upgrade the database schema, then exit");
  command->footer(kGlobalFlagsFooter);
  command->callback([&global, &run] {
    run = [&global] {
      app::Config config;
      ApplyGlobalOptions(global, config);
      auto store = app::OpenStore(config);
      if (!store) return Fail(store.error());
      auto version = (*store)->Migrate();
      if (!version) return Fail(version.error());
      std::cout << "schema version " << *version << std::endl;
      return kExitOk;
    };
  });
}

}  // namespace invoicer::cli
