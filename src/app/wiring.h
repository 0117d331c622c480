#pragma once

#include <memory>

#include "app/config.h"
#include "common/result.h"
#include "extract/extractor.h"
#include "store/invoice_store.h"

// The one place that picks implementations: which store a --db URL means and which
// extractor the binary runs.
namespace invoicer::app {

// Creates the data folder and opens the store the config names: a SQLite file (--db PATH,
// default <data>/invoicer.db). `postgresql://` URLs: kInvalidInput "not supported yet"
// until the PostgreSQL store lands. Does not migrate.
[[nodiscard]] Result<std::unique_ptr<store::InvoiceStore>> OpenStore(const Config& config);

// The extractor of `serve`, `worker` and the extract endpoint: the extraction engine with
// the issuer templates of --templates, set up on the first document (so an idle server holds
// no OCR models). Errors: kInvalidInput when the templates folder does not exist; the
// engine's other set-up errors (an OCR language that is not installed) are those of the
// first Extract, and the set-up is retried on the next document.
[[nodiscard]] Result<std::unique_ptr<extract::Extractor>> MakeExtractor(const Config& config);

}  // namespace invoicer::app
