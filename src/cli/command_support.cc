#include "cli/command_support.h"

#include <CLI/CLI.hpp>

#include "app/wiring.h"

namespace invoicer::cli {

void ApplyGlobalOptions(const GlobalOptions& global, app::Config& config) {
  config.data_dir = global.data_dir;
  config.db = global.db;
}

void AddServiceFlags(CLI::App& command, app::Config& config, bool with_http) {
  if (with_http) {
    command.add_option("--listen", config.listen, "HOST:PORT to listen on; port 0 picks one")
        ->envname("INVOICER_LISTEN")
        ->capture_default_str();
    command.add_option("--max-upload-mb", config.max_upload_mb, "Largest accepted upload, MiB")
        ->envname("INVOICER_MAX_UPLOAD_MB")
        ->capture_default_str();
    command.add_option("--http-threads", config.http_threads, "Network threads of the HTTP server")
        ->envname("INVOICER_HTTP_THREADS")
        ->capture_default_str();
    command
        .add_option("--handler-threads", config.handler_threads,
                    "Threads answering the quick HTTP endpoints")
        ->envname("INVOICER_HANDLER_THREADS")
        ->capture_default_str();
  }
  command
      .add_option("--workers", config.workers,
                  "Background extraction threads (0: no background extraction)")
      ->envname("INVOICER_WORKERS")
      ->capture_default_str();
  command
      .add_option("--extraction-lease", config.extraction_lease_seconds,
                  "Seconds an extraction claim lasts without renewal")
      ->envname("INVOICER_EXTRACTION_LEASE")
      ->capture_default_str();
  command
      .add_option("--extraction-timeout", config.extraction_timeout_seconds,
                  "Seconds one extraction may hold its claim before it lapses (a hung extractor)")
      ->envname("INVOICER_EXTRACTION_TIMEOUT")
      ->capture_default_str();
  command
      .add_option("--max-attempts", config.max_attempts,
                  "Extraction claims before an invoice whose extractor keeps dying is FAILED")
      ->envname("INVOICER_MAX_ATTEMPTS")
      ->capture_default_str();
  command.add_option("--review-lease", config.review_lease_seconds, "Seconds a review lease lasts")
      ->envname("INVOICER_REVIEW_LEASE")
      ->capture_default_str();
  command
      .add_option("--confidence-threshold", config.confidence_threshold,
                  "Fields below this confidence need review")
      ->envname("INVOICER_CONFIDENCE_THRESHOLD")
      ->capture_default_str();
  command.add_option("--templates", config.templates_dir, "Folder of invoice2data issuer templates")
      ->envname("INVOICER_TEMPLATES");
  command
      .add_flag("--straight-through", config.straight_through,
                "Validate confident, valid extractions automatically")
      ->envname("INVOICER_STRAIGHT_THROUGH");
}

Result<std::unique_ptr<store::InvoiceStore>> OpenMigratedStore(const GlobalOptions& global) {
  app::Config config;
  ApplyGlobalOptions(global, config);
  auto store = app::OpenStore(config);
  if (!store) return store;
  auto version = (*store)->Migrate();
  if (!version) return std::move(version).error();
  return store;
}

}  // namespace invoicer::cli
