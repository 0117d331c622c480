#include "extract/page_png.h"

#include "domain/media_type.h"
#include "extract/image_codec.h"
#include "extract/pdf_reader.h"

namespace invoicer::extract {

namespace {

constexpr int kMaxDpi = 600;

Error NoSuchPage(int page) {
  return errors::NotFound("the document has no page " + std::to_string(page));
}

}  // namespace

Result<std::string> RenderPagePng(std::string_view bytes, int page, int dpi,
                                  const PagePngLimits& limits) {
  if (dpi < 1 || dpi > kMaxDpi) {
    return errors::BadRequest("dpi must be between 1 and " + std::to_string(kMaxDpi));
  }
  const auto media_type = domain::SniffMediaType(bytes);
  if (media_type == "application/pdf") {
    auto pdf = PdfDocument::Open(bytes, PdfLimits{limits.max_pages, limits.max_pixels});
    if (!pdf) return std::move(pdf).error();
    if (page < 1 || page > pdf->page_count()) return NoSuchPage(page);
    auto image = pdf->RenderPage(page, dpi, false);
    if (!image) return std::move(image).error();
    return ImageCodec::EncodePng(*image);
  }
  if (media_type == "image/png" || media_type == "image/jpeg" || media_type == "image/tiff") {
    const ImageLimits image_limits{limits.max_pages, limits.max_pixels};
    auto count = ImageCodec::PageCount(bytes, image_limits);
    if (!count) return std::move(count).error();
    if (page < 1 || page > *count) return NoSuchPage(page);
    auto image = ImageCodec::DecodePage(bytes, page - 1, false, image_limits);
    if (!image) return std::move(image).error();
    return ImageCodec::EncodePng(*image);
  }
  return errors::UnreadableDocument("only PDF and image documents have pages to show");
}

}  // namespace invoicer::extract
