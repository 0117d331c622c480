#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/result.h"
#include "extract/document.h"
#include "extract/raster_image.h"

namespace invoicer::extract {

struct OcrOptions {
  std::vector<std::string> languages{"eng", "deu", "fra"};
  int jobs = 1;        // Tesseract instances, hence pages recognised at once, for the engine
  // Tesseract page segmentation mode. 6 (one uniform block) recognised the printed date and
  // total of more SROIE receipts than 3 (automatic) or 4 (one column), although those report
  // higher confidences (`ocr_bench --psm-study`); words are regrouped by position anyway.
  int page_segmentation = 6;
  std::string tessdata_dir;   // empty: Tesseract's default (TESSDATA_PREFIX or built-in)
};

// Optical character recognition of page images with Tesseract 5 (the adapter of its C++ API):
// words with pixel boxes and confidences, grouped into lines. Small pictures are scaled up
// and skewed scans straightened before recognition; the clusters of words Tesseract is unsure
// of are read a second time on their own, enlarged, and the more confident reading kept
// (within a small share of the page, so the cost stays bounded); boxes are given in the input
// picture's pixels. The engine owns a pool of at most `jobs` Tesseract instances, created on
// demand and never shared between threads at the same time; Recognize runs one thread per page
// (OpenMP inside Tesseract is switched off: its threads compete on small machines), so
// one engine serves any number of callers concurrently and at most `jobs` pages are
// recognised at once across them. Errors: Create -> kInvalidInput when a language's data is
// not installed; Recognize -> kUnreadableDocument for an empty picture, kInternal when
// Tesseract fails.
class OcrEngine {
 public:
  [[nodiscard]] static Result<std::unique_ptr<OcrEngine>> Create(const OcrOptions& options);
  ~OcrEngine();
  OcrEngine(const OcrEngine&) = delete;
  OcrEngine& operator=(const OcrEngine&) = delete;

  // One Page per picture (numbered 1..n in order; width and height in pixels), pages
  // recognised in parallel up to the engine's jobs.
  [[nodiscard]] Result<std::vector<Page>> Recognize(const std::vector<RasterImage>& images);
  // How many pages the engine recognises at once.
  int jobs() const { return jobs_; }

 private:
  class Pool;
  explicit OcrEngine(std::unique_ptr<Pool> pool);
  [[nodiscard]] Result<Page> RecognizeOne(const RasterImage& image);
  std::unique_ptr<Pool> pool_;
  int jobs_;
};

}  // namespace invoicer::extract
