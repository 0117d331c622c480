#pragma once

#include <cstdint>

#include "common/result.h"
#include "extract/document.h"
#include "extract/extractor.h"

namespace invoicer::extract {

class OcrEngine;
class PdfDocument;

struct ReaderOptions {
  int max_pages = 500;                    // PDF pages, TIFF frames
  std::int64_t max_pixels = 100'000'000;  // per image page or rendered PDF page
  int ocr_dpi = 300;                      // resolution PDF pages are rendered at for OCR
  // Borrowed; recognises scans and PDF pages without a text layer. nullptr: such pages stay
  // empty (and an image document is unreadable).
  OcrEngine* ocr = nullptr;
};

// The reading stage: a document's bytes to its words with boxes, by media type.
// application/pdf: the text layer of each page; a page without one is rendered and OCR'd
// (boxes in points either way). image/png, image/jpeg, image/tiff (every frame): OCR, boxes
// in pixels. text/plain: SROIE box lines (`x1,y1,...,x4,y4,TEXT`) when every line is one,
// else plain text; text/csv: SROIE box lines. The source is kOcr when any page was
// recognised or the text came from a box file, else kText. Pages are read in batches of the
// OCR engine's jobs so memory stays bounded on long scans. Thread-safe when the OCR engine
// is (it is). Errors: kUnreadableDocument (damaged, encrypted, over a limit, an image without
// an OCR engine, an unsupported media type such as XML, which has no layout), kInvalidInput
// from the box and text readers, kInternal from the OCR engine.
[[nodiscard]] Result<TextDocument> ReadDocument(const DocumentInput& input,
                                                const ReaderOptions& options);

// The PDF part of ReadDocument, for a caller that has opened the PDF already (to look for an
// e-invoice attachment first).
[[nodiscard]] Result<TextDocument> ReadPdfText(const PdfDocument& pdf,
                                               const ReaderOptions& options);

// True when every non-empty line of `text` starts with eight integer coordinates and a
// comma (the SROIE box layout).
bool LooksLikeBoxText(std::string_view text);

}  // namespace invoicer::extract
