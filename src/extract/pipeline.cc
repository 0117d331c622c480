#include "extract/pipeline.h"

#include "extract/document_reader.h"
#include "extract/einvoice.h"
#include "extract/generic/generic_extractor.h"
#include "extract/hybrid_check.h"
#include "extract/ocr.h"
#include "extract/pdf_reader.h"
#include "extract/templates/template_set.h"

namespace invoicer::extract {

namespace {

domain::ExtractionResult FromEInvoice(EInvoice invoice) {
  domain::ExtractionResult result;
  result.fields = std::move(invoice.fields);
  result.line_items = std::move(invoice.line_items);
  result.method = "einvoice:" + invoice.syntax;
  return result;
}

const std::vector<templates::LoadProblem>& NoProblems() {
  static const std::vector<templates::LoadProblem> none;
  return none;
}

}  // namespace

PipelineExtractor::PipelineExtractor(const PipelineOptions& options,
                                     std::unique_ptr<OcrEngine> ocr,
                                     std::unique_ptr<templates::TemplateSet> templates)
    : options_(options),
      ocr_(std::move(ocr)),
      templates_(std::move(templates)),
      generic_(std::make_unique<generic::GenericExtractor>()) {}

PipelineExtractor::~PipelineExtractor() = default;

Result<std::unique_ptr<PipelineExtractor>> PipelineExtractor::Create(
    const PipelineOptions& options) {
  OcrOptions ocr_options;
  ocr_options.languages = options.languages;
  ocr_options.jobs = std::max(1, options.jobs);
  auto ocr = OcrEngine::Create(ocr_options);
  if (!ocr) return std::move(ocr).error();
  std::unique_ptr<templates::TemplateSet> set;
  if (!options.templates_dir.empty()) {
    auto loaded = templates::TemplateSet::LoadDirectory(options.templates_dir);
    if (!loaded) return std::move(loaded).error();
    set = std::make_unique<templates::TemplateSet>(std::move(*loaded));
  }
  return std::unique_ptr<PipelineExtractor>(
      new PipelineExtractor(options, std::move(*ocr), std::move(set)));
}

const std::vector<templates::LoadProblem>& PipelineExtractor::template_problems() const {
  return templates_ ? templates_->problems() : NoProblems();
}

std::size_t PipelineExtractor::template_count() const {
  return templates_ ? templates_->size() : 0;
}

Result<domain::ExtractionResult> PipelineExtractor::Extract(const DocumentInput& doc) {
  if (doc.media_type == "application/xml") {
    auto invoice = ReadEInvoice(doc.bytes);
    if (!invoice) return std::move(invoice).error();
    return FromEInvoice(std::move(*invoice));
  }
  if (doc.media_type == "application/pdf") return ExtractPdf(doc);
  auto text = ReadDocument(doc, ReaderOptions{options_.max_pages, options_.max_pixels, 300,
                                              ocr_.get()});
  if (!text) return std::move(text).error();
  return ExtractText(*text);
}

Result<domain::ExtractionResult> PipelineExtractor::ExtractPdf(const DocumentInput& doc) {
  auto pdf = PdfDocument::Open(doc.bytes, PdfLimits{options_.max_pages, options_.max_pixels});
  if (!pdf) return std::move(pdf).error();
  const ReaderOptions reader{options_.max_pages, options_.max_pixels, 300, ocr_.get()};
  if (auto attachment = pdf->InvoiceAttachment()) {
    // An attachment that sniffs as an invoice but does not read as one falls back to the
    // printed text below, so the document is still extracted.
    if (auto invoice = ReadEInvoice(attachment->data)) {
      domain::ExtractionResult result = FromEInvoice(std::move(*invoice));
      result.pages = pdf->page_count();
      // The printed side is only compared when it can be read; the XML stands either way.
      if (auto text = ReadPdfText(*pdf, reader)) {
        result.issues = CheckPrintedAgainstXml(result.fields, LayoutText::Build(*text).text());
      }
      return result;
    }
  }
  auto text = ReadPdfText(*pdf, reader);
  if (!text) return std::move(text).error();
  return ExtractText(*text);
}

Result<domain::ExtractionResult> PipelineExtractor::ExtractText(const TextDocument& text) {
  std::optional<templates::TemplateMatch> match;
  if (templates_) {
    auto matched = templates_->Match(LayoutText::Build(text));
    if (!matched) return std::move(matched).error();
    match = std::move(*matched);
  }
  auto generic = generic_->Extract(text);
  if (!generic && !match) return std::move(generic).error();
  domain::ExtractionResult result;
  if (generic) result = std::move(*generic);
  result.pages = static_cast<int>(text.pages.size());
  if (match) {
    // The template is the issuer's own description of its layout: its values win, and the
    // generic extractor only fills fields the template does not define.
    for (auto& [name, value] : match->fields) result.fields[name] = std::move(value);
    if (!match->line_items.empty()) result.line_items = std::move(match->line_items);
    result.extra_fields_json = std::move(match->extra_fields_json);
    result.template_name = match->issuer;
    result.method = "template:" + match->issuer;
  } else {
    result.method = text.source == domain::FieldSource::kOcr ? "generic:ocr" : "generic:text";
  }
  return result;
}

Result<std::unique_ptr<Extractor>> MakePipelineExtractor(const PipelineOptions& options) {
  auto pipeline = PipelineExtractor::Create(options);
  if (!pipeline) return std::move(pipeline).error();
  return std::unique_ptr<Extractor>(std::move(*pipeline));
}

}  // namespace invoicer::extract
