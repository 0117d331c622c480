#include "synth/corpus_writer.h"

#include <atomic>
#include <fstream>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>

#include "common/error.h"
#include "synth/cairo_canvas.h"

namespace invoicer::synth {
namespace {

Status WriteFile(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return errors::Unavailable("cannot write " + path.string());
  return {};
}

// Shared between the worker threads: the next document index, the manifest rows (by index)
// and the first error.
struct Progress {
  std::atomic<int> next{0};
  std::mutex mutex;
  std::vector<std::string> rows;
  CorpusSummary summary;
  std::optional<Error> error;

  bool Failed() {
    std::lock_guard lock(mutex);
    return error.has_value();
  }
  void Fail(Error e) {
    std::lock_guard lock(mutex);
    if (!error) error = std::move(e);
  }
};

void Work(const CorpusOptions& options, Progress& progress) {
  Result<std::unique_ptr<CairoCanvas>> canvas = CairoCanvas::Create();
  if (!canvas) {
    progress.Fail(canvas.error());
    return;
  }
  for (int i = progress.next++; i < options.count && !progress.Failed(); i = progress.next++) {
    const DocumentKind kind = options.kinds[static_cast<std::size_t>(i) % options.kinds.size()];
    Result<SynthDocument> doc =
        MakeDocument(options.seed, static_cast<std::uint64_t>(i), kind, **canvas, options.render);
    if (!doc) {
      progress.Fail(doc.error());
      return;
    }
    const std::filesystem::path file = options.out_dir / (doc->stem + doc->extension);
    const std::filesystem::path truth = options.out_dir / "truth" / (doc->stem + ".json");
    if (Status s = WriteFile(file, doc->bytes); !s) {
      progress.Fail(s.error());
      return;
    }
    if (Status s = WriteFile(truth, doc->truth_json); !s) {
      progress.Fail(s.error());
      return;
    }
    std::lock_guard lock(progress.mutex);
    progress.rows[static_cast<std::size_t>(i)] = ManifestRow(*doc);
    progress.summary.documents += 1;
    progress.summary.pages += doc->pages;
    progress.summary.bytes += static_cast<std::int64_t>(doc->bytes.size());
    progress.summary.per_kind[kind] += 1;
  }
}

}  // namespace

Result<CorpusSummary> WriteCorpus(const CorpusOptions& options) {
  if (options.count < 0) return errors::BadRequest("count must not be negative");
  if (options.kinds.empty()) return errors::BadRequest("at least one document kind is needed");
  if (options.render.scan_dpi < 0 || options.render.scan_dpi > 600) {
    return errors::BadRequest("scan resolution must be between 1 and 600 dpi");
  }
  std::error_code ec;
  std::filesystem::create_directories(options.out_dir / "truth", ec);
  if (ec) {
    return errors::Unavailable("cannot create " + (options.out_dir / "truth").string() + ": " +
                               ec.message());
  }
  Progress progress;
  progress.rows.resize(static_cast<std::size_t>(options.count));
  const int jobs = std::max(1, std::min(options.jobs, std::max(1, options.count)));
  std::vector<std::thread> workers;
  for (int j = 1; j < jobs; ++j) workers.emplace_back([&] { Work(options, progress); });
  Work(options, progress);
  for (std::thread& t : workers) t.join();
  if (progress.error) return *progress.error;

  std::string manifest = ManifestHeader();
  for (const std::string& row : progress.rows) manifest += row;
  if (Status s = WriteFile(options.out_dir / "manifest.csv", manifest); !s) return s.error();
  return progress.summary;
}

}  // namespace invoicer::synth
