#pragma once

#include <memory>

#include "app/config.h"
#include "cli/command_table.h"
#include "common/result.h"
#include "store/invoice_store.h"

namespace invoicer::cli {

// Helpers the subcommands share.

// Copies the global flags (--data, --db) into a service config.
void ApplyGlobalOptions(const GlobalOptions& global, app::Config& config);

// Adds the flags of a running service to `command`, each with its environment variable:
// --workers, the lease, attempt, threshold and straight-through flags and, `with_http`,
// --listen, --max-upload-mb, --http-threads and --handler-threads.
void AddServiceFlags(CLI::App& command, app::Config& config, bool with_http);

// Opens the store the global flags name and brings its schema up to date.
[[nodiscard]] Result<std::unique_ptr<store::InvoiceStore>> OpenMigratedStore(
    const GlobalOptions& global);

// The footer of every subcommand's --help.
inline constexpr const char* kGlobalFlagsFooter =
    "Global flags (--data, --db, --log-format, --log-level) are listed by `invoicer --help`; "
    "they may come before or after the subcommand.";

}  // namespace invoicer::cli
