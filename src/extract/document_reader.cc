#include "extract/document_reader.h"

#include <algorithm>
#include <cctype>

#include "extract/generic/box_reader.h"
#include "extract/image_codec.h"
#include "extract/ocr.h"
#include "extract/pdf_reader.h"

namespace invoicer::extract {

namespace {

// A page whose text layer has fewer visible characters than this is a scan (perhaps with a
// stamped page number or a scanner's header line) and goes to OCR.
constexpr std::size_t kMinTextLayerChars = 16;

std::size_t VisibleChars(const Page& page) {
  std::size_t n = 0;
  for (const Line& line : page.lines) {
    for (const Word& w : line.words) n += w.text.size();
  }
  return n;
}

// Moves OCR boxes from the pixels of a page rendered at some dpi to PDF points (factor 72/dpi).
void ScaleBoxes(Page& page, double factor) {
  for (Line& line : page.lines) {
    for (Word& w : line.words) {
      w.box = {w.box.x0 * factor, w.box.y0 * factor, w.box.x1 * factor, w.box.y1 * factor};
    }
    line.box = {line.box.x0 * factor, line.box.y0 * factor, line.box.x1 * factor,
                line.box.y1 * factor};
  }
}

}  // namespace

Result<TextDocument> ReadPdfText(const PdfDocument& pdf, const ReaderOptions& options) {
  TextDocument doc;
  doc.source = domain::FieldSource::kText;
  std::vector<std::size_t> scanned;  // indexes into doc.pages
  for (int n = 1; n <= pdf.page_count(); ++n) {
    auto page = pdf.ReadPage(n);
    if (!page) return std::move(page).error();
    if (VisibleChars(*page) < kMinTextLayerChars && options.ocr != nullptr) {
      scanned.push_back(doc.pages.size());
    }
    doc.pages.push_back(std::move(*page));
  }
  if (scanned.empty()) return doc;
  doc.source = domain::FieldSource::kOcr;
  const std::size_t batch = static_cast<std::size_t>(std::max(1, options.ocr->jobs()));
  for (std::size_t start = 0; start < scanned.size(); start += batch) {
    const std::size_t end = std::min(scanned.size(), start + batch);
    std::vector<RasterImage> images;
    for (std::size_t i = start; i < end; ++i) {
      auto image = pdf.RenderPage(doc.pages[scanned[i]].number, options.ocr_dpi, true);
      if (!image) return std::move(image).error();
      images.push_back(std::move(*image));
    }
    auto recognised = options.ocr->Recognize(images);
    if (!recognised) return std::move(recognised).error();
    for (std::size_t i = start; i < end; ++i) {
      Page& target = doc.pages[scanned[i]];
      Page& ocr_page = (*recognised)[i - start];
      ScaleBoxes(ocr_page, 72.0 / images[i - start].dpi);
      target.lines = std::move(ocr_page.lines);
    }
  }
  return doc;
}

namespace {

Result<TextDocument> ReadImage(std::string_view bytes, const ReaderOptions& options) {
  if (options.ocr == nullptr) {
    return errors::UnreadableDocument("images need OCR, which is not configured");
  }
  const ImageLimits limits{options.max_pages, options.max_pixels};
  auto count = ImageCodec::PageCount(bytes, limits);
  if (!count) return std::move(count).error();
  TextDocument doc;
  doc.source = domain::FieldSource::kOcr;
  const int batch = std::max(1, options.ocr->jobs());
  for (int start = 0; start < *count; start += batch) {
    std::vector<RasterImage> images;
    for (int i = start; i < std::min(*count, start + batch); ++i) {
      auto image = ImageCodec::DecodePage(bytes, i, true, limits);
      if (!image) return std::move(image).error();
      images.push_back(std::move(*image));
    }
    auto recognised = options.ocr->Recognize(images);
    if (!recognised) return std::move(recognised).error();
    for (Page& page : *recognised) {
      page.number = static_cast<int>(doc.pages.size()) + 1;
      doc.pages.push_back(std::move(page));
    }
  }
  return doc;
}

bool IsBoxLine(std::string_view line) {
  std::size_t pos = 0;
  for (int field = 0; field < 8; ++field) {
    const std::size_t start = pos;
    if (pos < line.size() && line[pos] == '-') ++pos;
    while (pos < line.size() && std::isdigit(static_cast<unsigned char>(line[pos]))) ++pos;
    if (pos == start || pos >= line.size() || line[pos] != ',') return false;
    ++pos;
  }
  return true;
}

}  // namespace

bool LooksLikeBoxText(std::string_view text) {
  bool any = false;
  while (!text.empty()) {
    const std::size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text = eol == std::string_view::npos ? std::string_view{} : text.substr(eol + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty()) continue;
    if (!IsBoxLine(line)) return false;
    any = true;
  }
  return any;
}

Result<TextDocument> ReadDocument(const DocumentInput& input, const ReaderOptions& options) {
  const std::string_view type = input.media_type;
  if (type == "application/pdf") {
    auto pdf = PdfDocument::Open(input.bytes, PdfLimits{options.max_pages, options.max_pixels});
    if (!pdf) return std::move(pdf).error();
    return ReadPdfText(*pdf, options);
  }
  if (type == "image/png" || type == "image/jpeg" || type == "image/tiff") {
    return ReadImage(input.bytes, options);
  }
  if (type == "text/csv" || (type == "text/plain" && LooksLikeBoxText(input.bytes))) {
    return generic::ReadBoxText(input.bytes);
  }
  if (type == "text/plain") return generic::ReadPlainText(input.bytes);
  return errors::UnreadableDocument("documents of type '" + std::string(type) +
                                    "' have no text to read");
}

}  // namespace invoicer::extract
