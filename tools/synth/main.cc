// invoicer-synth: writes a synthetic invoice corpus (PDFs, scans and their ground truth)
// for the extraction evaluation. See tools/synth/README.md.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <string>

#include "synth/corpus_writer.h"

int main(int argc, char** argv) {
  using invoicer::synth::CorpusOptions;
  CLI::App app{"Writes a seeded synthetic invoice corpus with ground truth", "invoicer-synth"};
  std::string out;
  int count = 0;
  std::uint64_t seed = 1;
  bool scans = false;
  std::string kinds = "text";
  int jobs = 1;
  int dpi = 0;
  app.add_option("--out", out, "output directory (created)")->required();
  app.add_option("--count", count, "number of documents")
      ->required()
      ->check(CLI::NonNegativeNumber);
  app.add_option("--seed", seed, "corpus seed; the same seed gives the same bytes");
  auto* scans_flag = app.add_flag(
      "--scans", scans, "scanned documents only: same as --kinds scan-png,scan-pdf,scan-tiff");
  app.add_option("--kinds", kinds, "comma-separated: text, scan-png, scan-pdf, scan-tiff")
      ->excludes(scans_flag);
  app.add_option("--jobs", jobs, "worker threads")->check(CLI::PositiveNumber);
  app.add_option("--dpi", dpi,
                 "scan resolution for every scan (default: 200, 240 or 300 per document)")
      ->check(CLI::Range(50, 600));
  CLI11_PARSE(app, argc, argv);

  CorpusOptions options;
  options.out_dir = out;
  options.count = count;
  options.seed = seed;
  options.jobs = jobs;
  options.render.scan_dpi = dpi;
  auto parsed = invoicer::synth::ParseKinds(scans ? "scan-png,scan-pdf,scan-tiff" : kinds);
  if (!parsed) {
    std::fprintf(stderr, "invoicer-synth: %s\n", parsed.error().message.c_str());
    return 2;
  }
  options.kinds = std::move(parsed).value();
  const auto start = std::chrono::steady_clock::now();
  auto summary = invoicer::synth::WriteCorpus(options);
  if (!summary) {
    std::fprintf(stderr, "invoicer-synth: %s\n", summary.error().message.c_str());
    return 1;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr, "invoicer-synth: %d documents, %d pages, %.1f MB in %s (%.2f s)\n",
               summary->documents, summary->pages, static_cast<double>(summary->bytes) / 1e6,
               out.c_str(), seconds);
  return 0;
}
