#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <vector>

#include "common/result.h"
#include "synth/synth_document.h"

namespace invoicer::synth {

struct CorpusOptions {
  std::filesystem::path out_dir;
  int count = 0;
  std::uint64_t seed = 1;
  // Document i is rendered as kinds[i % kinds.size()].
  std::vector<DocumentKind> kinds{DocumentKind::kText};
  int jobs = 1;
  RenderOptions render;
};

struct CorpusSummary {
  int documents = 0;
  int pages = 0;
  std::int64_t bytes = 0;
  std::map<DocumentKind, int> per_kind;
};

// Writes a corpus: OUT/STEM.{pdf,png,tif} per document, OUT/truth/STEM.json with its ground
// truth, and OUT/manifest.csv (one row per document in index order). Documents are made on
// `jobs` threads, each with its own renderer; the output does not depend on `jobs`.
// Errors: kInvalidInput for a bad count or empty kinds, kUnavailable when the directory
// cannot be written or the fonts are missing, kInternal from the renderers.
[[nodiscard]] Result<CorpusSummary> WriteCorpus(const CorpusOptions& options);

}  // namespace invoicer::synth
