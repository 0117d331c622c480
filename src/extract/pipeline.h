#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "extract/document.h"
#include "extract/extractor.h"

namespace invoicer::extract {

namespace templates {
class TemplateSet;
struct LoadProblem;
}  // namespace templates
namespace generic {
class GenericExtractor;
}  // namespace generic
class OcrEngine;

struct PipelineOptions {
  std::string templates_dir;  // empty: no issuer templates
  std::vector<std::string> languages{"eng", "deu", "fra"};  // OCR languages
  int max_pages = 500;                    // PDF pages / TIFF frames per document
  std::int64_t max_pixels = 100'000'000;  // per image or rendered page
  int jobs = 1;                           // pages OCR'd at once across all documents
};

// The extraction engine behind `Extractor`: e-invoice XML is read exactly; a PDF carrying an
// invoice XML is read from the XML, and its printed text is checked against it (an
// EINVOICE_MISMATCH error when the printed total or invoice number disagrees); any other
// document is read (text layer, OCR, box or plain text), matched against the issuer
// templates, and the generic extractor fills what the template did not find. `method` names
// what was used: "einvoice:ubl", "einvoice:cii", "template:<issuer>", "generic:text",
// "generic:ocr". Owns its OCR engine, templates and generic extractor, all immutable or
// internally synchronised, so one instance serves every worker thread concurrently.
// Errors: Create -> kInvalidInput (templates directory missing, OCR language not
// installed); Extract -> kUnreadableDocument (damaged, encrypted, over a limit, no text,
// unsupported type, a template regex over its match limit), kInternal.
class PipelineExtractor final : public Extractor {
 public:
  [[nodiscard]] static Result<std::unique_ptr<PipelineExtractor>> Create(
      const PipelineOptions& options);
  ~PipelineExtractor() override;

  [[nodiscard]] Result<domain::ExtractionResult> Extract(const DocumentInput& doc) override;

  // Templates that did not load, or loaded without a feature they use (empty without a
  // templates directory).
  const std::vector<templates::LoadProblem>& template_problems() const;
  // The number of issuer templates loaded.
  std::size_t template_count() const;

 private:
  PipelineExtractor(const PipelineOptions& options, std::unique_ptr<OcrEngine> ocr,
                    std::unique_ptr<templates::TemplateSet> templates);
  [[nodiscard]] Result<domain::ExtractionResult> ExtractPdf(const DocumentInput& doc);
  [[nodiscard]] Result<domain::ExtractionResult> ExtractText(const TextDocument& text);

  PipelineOptions options_;
  std::unique_ptr<OcrEngine> ocr_;
  std::unique_ptr<templates::TemplateSet> templates_;  // null without a templates directory
  std::unique_ptr<generic::GenericExtractor> generic_;
};

// The engine as the service and the CLI use it.
[[nodiscard]] Result<std::unique_ptr<Extractor>> MakePipelineExtractor(
    const PipelineOptions& options);

}  // namespace invoicer::extract
