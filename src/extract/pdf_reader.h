#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "extract/document.h"
#include "extract/raster_image.h"

namespace invoicer::extract {

struct PdfLimits {
  int max_pages = 500;
  std::int64_t max_pixels = 100'000'000;  // per rendered page
};

// A file attached to a PDF (e.g. the Factur-X XML of a hybrid invoice).
struct PdfAttachment {
  std::string name;
  std::string data;
};

// An open PDF: its pages' text layer as words with boxes, rendered pages, and the invoice XML
// it may carry. The adapter of poppler-cpp (the only file that includes poppler). Borrows the
// bytes given to Open, which must outlive the document. Not thread-safe: use one document
// from one thread at a time (different documents may be used concurrently). Errors:
// kUnreadableDocument with the reason (not a PDF or damaged beyond repair, password
// protected, no pages, more pages than the limit, a page too large to render).
class PdfDocument {
 public:
  [[nodiscard]] static Result<PdfDocument> Open(std::string_view bytes, const PdfLimits& limits);
  PdfDocument(PdfDocument&&) noexcept;
  PdfDocument& operator=(PdfDocument&&) noexcept;
  ~PdfDocument();

  int page_count() const;
  // The text layer of page `number` (1-based): words merged where the PDF writes a word in
  // several pieces, grouped into lines, boxes in points from the top-left corner of the
  // displayed page (after its /Rotate). A page without text has no lines.
  [[nodiscard]] Result<Page> ReadPage(int number) const;
  // Page `number` rendered at `dpi` (grey or RGB). When the page at that resolution would
  // exceed the pixel limit, it is rendered at the highest resolution that fits.
  [[nodiscard]] Result<RasterImage> RenderPage(int number, int dpi, bool grey) const;
  // The e-invoice XML attached to the document: the first attachment named factur-x.xml,
  // zugferd-invoice.xml or xrechnung.xml (any case) that is a UBL or CII invoice, else the
  // first other attached XML that is one; nullopt when there is none.
  std::optional<PdfAttachment> InvoiceAttachment() const;

 private:
  struct Impl;
  explicit PdfDocument(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace invoicer::extract
