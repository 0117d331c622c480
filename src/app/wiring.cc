#include "app/wiring.h"

#include <atomic>
#include <filesystem>
#include <mutex>
#include <system_error>
#include <utility>

#include "extract/pipeline.h"
#include "store/sqlite/sqlite_invoice_store.h"

namespace invoicer::app {

namespace {

// The extraction engine, set up on the first document instead of at start-up: setting it up
// loads the OCR models (tens of MB while it runs) and pages in the code of Tesseract and
// Leptonica, which a server that has not been given a document yet should not hold (idle
// RSS of `serve`, issue 2). A set-up failure (an OCR language that is not installed) is the
// error of that Extract, so the invoice fails with its message, and the set-up is tried
// again on the next document. Owns the engine once made. Thread-safe: the first callers wait
// for one set-up, later ones use the engine without a lock.
class LazyPipelineExtractor final : public extract::Extractor {
 public:
  explicit LazyPipelineExtractor(extract::PipelineOptions options) : options_(std::move(options)) {}

  Result<domain::ExtractionResult> Extract(const extract::DocumentInput& doc) override {
    auto engine = Engine();
    if (!engine) return std::move(engine).error();
    return (*engine)->Extract(doc);
  }

 private:
  Result<extract::Extractor*> Engine() {
    if (extract::Extractor* ready = ready_.load(std::memory_order_acquire)) return ready;
    std::lock_guard lock(mu_);
    if (!engine_) {
      auto made = extract::MakePipelineExtractor(options_);
      if (!made) return std::move(made).error();
      engine_ = std::move(*made);
      ready_.store(engine_.get(), std::memory_order_release);
    }
    return engine_.get();
  }

  const extract::PipelineOptions options_;
  std::mutex mu_;
  std::unique_ptr<extract::Extractor> engine_;  // guarded by mu_; set once, never replaced
  std::atomic<extract::Extractor*> ready_{nullptr};
};

}  // namespace

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
  // The one set-up mistake that is cheap to see now is still reported at start-up.
  std::error_code ec;
  if (!config.templates_dir.empty() && !std::filesystem::is_directory(config.templates_dir, ec)) {
    return errors::BadRequest("the templates directory " + config.templates_dir +
                              " does not exist");
  }
  extract::PipelineOptions options;
  options.templates_dir = config.templates_dir;
  return std::unique_ptr<extract::Extractor>(new LazyPipelineExtractor(std::move(options)));
}

}  // namespace invoicer::app
