#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "synth/cairo_canvas.h"
#include "synth/synth_invoice.h"

namespace invoicer::synth {

// What a document is rendered as: a text-layer PDF, or a scan as a PNG (one page), an
// image-only PDF or a multi-page TIFF.
enum class DocumentKind { kText, kScanPng, kScanPdf, kScanTiff };

std::string_view KindName(DocumentKind kind);  // "text", "scan-png", "scan-pdf", "scan-tiff"
// A comma-separated list of kind names; kInvalidInput for an unknown or empty list.
[[nodiscard]] Result<std::vector<DocumentKind>> ParseKinds(std::string_view csv);

// One rendered document of the corpus with its truth.
struct SynthDocument {
  std::string stem;       // "syn1-0007-text": the file name without extension
  std::string extension;  // ".pdf", ".png", ".tif"
  std::string bytes;
  std::string truth_json;
  SynthInvoice invoice;
  DocumentKind kind = DocumentKind::kText;
  int pages = 1;
};

struct RenderOptions {
  int scan_dpi = 0;  // scans at this resolution; 0: each document draws 200, 240 or 300
};

// Generates and renders document `index` of corpus `seed` as `kind`. The same arguments give
// the same bytes. A PNG scan holds one page, so its invoice gets fewer line items when the
// first draw would not fit on one page.
[[nodiscard]] Result<SynthDocument> MakeDocument(std::uint64_t seed, std::uint64_t index,
                                                 DocumentKind kind, const CairoCanvas& canvas,
                                                 const RenderOptions& options = {});

// The manifest.csv header and one row per document (kind, language, styles, pages...).
std::string ManifestHeader();
std::string ManifestRow(const SynthDocument& document);

}  // namespace invoicer::synth
