#include "app/wiring.h"

#include <filesystem>
#include <system_error>

#include "extract/pipeline.h"
#include "store/sqlite/sqlite_invoice_store.h"

namespace invoicer::app {

Result<std::unique_ptr<store::InvoiceStore>> OpenStore(const Config& config) {
  if (config.db.starts_with("postgresql://") || config.db.starts_with("postgres://")) {
    return errors::InvalidValue("db", "PostgreSQL is not supported yet; use a SQLite file path");
  }
  std::error_code ec;
  std::filesystem::create_directories(config.data_dir, ec);
  if (ec) {
    return errors::Unavailable("cannot create the data folder " + config.data_dir + ": " +
                               ec.message());
  }
  return store::OpenSqliteStore(SqlitePathFor(config));
}

Result<std::unique_ptr<extract::Extractor>> MakeExtractor(const Config& config) {
  extract::PipelineOptions options;
  options.templates_dir = config.templates_dir;
  return extract::MakePipelineExtractor(options);
}

}  // namespace invoicer::app
