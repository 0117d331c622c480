#include "synth/synth_document.h"

#include <array>

#include "common/error.h"
#include "synth/identifiers.h"
#include "synth/invoice_generator.h"
#include "synth/invoice_layout.h"
#include "synth/rng.h"
#include "synth/scan_effects.h"
#include "synth/truth_json.h"

namespace invoicer::synth {
namespace {

constexpr std::array<std::string_view, 4> kKindNames = {"text", "scan-png", "scan-pdf",
                                                        "scan-tiff"};

std::string Stem(std::uint64_t seed, std::uint64_t index, DocumentKind kind) {
  std::string number = std::to_string(index);
  if (number.size() < 4) number.insert(0, 4 - number.size(), '0');
  return "syn" + std::to_string(seed) + "-" + number + "-" + std::string(KindName(kind));
}

Result<std::vector<GrayImage>> ScanPages(const Drawing& drawing, const CairoCanvas& canvas,
                                         const ScanLook& look, Rng& rng) {
  std::vector<GrayImage> pages;
  for (int p = 0; p < static_cast<int>(drawing.pages.size()); ++p) {
    // Each sheet goes through the feeder at its own small angle.
    const double angle = look.angle_degrees + rng.Range(-0.3, 0.3);
    Result<GrayImage> clean = canvas.RenderPage(drawing, p, look.dpi, angle);
    if (!clean) return clean.error();
    Result<GrayImage> scanned = Degrade(*clean, look, rng);
    if (!scanned) return scanned.error();
    pages.push_back(std::move(scanned).value());
  }
  return pages;
}

Result<std::string> ScanPdf(const std::vector<GrayImage>& pages, const ScanLook& look,
                            const CairoCanvas& canvas, const PdfInfo& info) {
  std::vector<ScanPage> scan_pages;
  for (const GrayImage& page : pages) {
    ScanPage sp{page, {}};
    if (!page.bilevel) {
      Result<std::string> jpeg = EncodeJpeg(page, look.jpeg_quality > 0 ? look.jpeg_quality : 85);
      if (!jpeg) return jpeg.error();
      sp.jpeg = std::move(jpeg).value();
    }
    scan_pages.push_back(std::move(sp));
  }
  return canvas.RenderImagePdf(scan_pages, info);
}

std::string_view LanguageName(Language l) {
  static constexpr std::array<std::string_view, 6> kNames = {"en", "de", "fr", "es", "it", "nl"};
  return kNames[static_cast<std::size_t>(l)];
}

std::string_view NumberStyleName(NumberStyle s) {
  static constexpr std::array<std::string_view, 7> kNames = {
      "1,234.56", "1.234,56", "1 234,56", "1 234,56 (nbsp)", "1'234.56", "1234.56", "1234,56"};
  return kNames[static_cast<std::size_t>(s)];
}

std::string_view DateStyleName(DateStyle s) {
  static constexpr std::array<std::string_view, 10> kNames = {
      "iso",          "dd.mm.yyyy",    "dd/mm/yyyy", "mm/dd/yyyy",  "dd-mm-yyyy",
      "d month yyyy", "month d, yyyy", "d mon yyyy", "mon d, yyyy", "d.m.yyyy"};
  return kNames[static_cast<std::size_t>(s)];
}

std::string_view CompositionName(Composition c) {
  static constexpr std::array<std::string_view, 3> kNames = {"classic", "modern", "band"};
  return kNames[static_cast<std::size_t>(c)];
}

}  // namespace

std::string_view KindName(DocumentKind kind) { return kKindNames[static_cast<std::size_t>(kind)]; }

Result<std::vector<DocumentKind>> ParseKinds(std::string_view csv) {
  std::vector<DocumentKind> kinds;
  std::size_t pos = 0;
  while (pos <= csv.size()) {
    std::size_t end = csv.find(',', pos);
    if (end == std::string_view::npos) end = csv.size();
    const std::string_view name = csv.substr(pos, end - pos);
    bool known = false;
    for (std::size_t i = 0; i < kKindNames.size(); ++i) {
      if (name == kKindNames[i]) {
        kinds.push_back(static_cast<DocumentKind>(i));
        known = true;
      }
    }
    if (!known) {
      return errors::BadRequest("unknown document kind '" + std::string(name) +
                                "' (expected text, scan-png, scan-pdf or scan-tiff)");
    }
    pos = end + 1;
  }
  return kinds;
}

Result<SynthDocument> MakeDocument(std::uint64_t seed, std::uint64_t index, DocumentKind kind,
                                   const CairoCanvas& canvas, const RenderOptions& options) {
  SynthDocument doc;
  doc.kind = kind;
  doc.stem = Stem(seed, index, kind);
  int max_items = kMaxLineItems;
  Drawing drawing;
  for (;;) {
    doc.invoice = GenerateInvoice(seed, index, max_items);
    drawing = LayoutInvoice(doc.invoice, canvas);
    if (kind != DocumentKind::kScanPng || drawing.pages.size() == 1 || max_items == 1) break;
    max_items = std::max(1, static_cast<int>(doc.invoice.lines.size()) - 3);
  }
  doc.pages = static_cast<int>(drawing.pages.size());
  doc.truth_json = TruthJson(doc.invoice);
  const PdfInfo info{doc.invoice.invoice_date.ToString() + "T09:30:00Z", ""};

  if (kind == DocumentKind::kText) {
    Result<std::string> pdf = canvas.RenderPdf(drawing, info);
    if (!pdf) return pdf.error();
    doc.extension = ".pdf";
    doc.bytes = std::move(pdf).value();
    return doc;
  }
  Rng rng(seed, index * 8 + 1);
  ScanLook look = PickScanLook(rng);
  if (options.scan_dpi > 0) look.dpi = options.scan_dpi;
  Result<std::vector<GrayImage>> pages = ScanPages(drawing, canvas, look, rng);
  if (!pages) return pages.error();
  Result<std::string> bytes = errors::Internal("no encoder");
  switch (kind) {
    case DocumentKind::kScanPng:
      doc.extension = ".png";
      bytes = EncodePng(pages->front());
      break;
    case DocumentKind::kScanTiff:
      doc.extension = ".tif";
      bytes = EncodeTiff(*pages);
      break;
    case DocumentKind::kScanPdf:
    case DocumentKind::kText:
      doc.extension = ".pdf";
      bytes = ScanPdf(*pages, look, canvas, info);
      break;
  }
  if (!bytes) return bytes.error();
  doc.bytes = std::move(bytes).value();
  return doc;
}

std::string ManifestHeader() {
  return "file,kind,language,vendor_country,currency,number_style,date_style,layout,pages,"
         "line_items\n";
}

std::string ManifestRow(const SynthDocument& d) {
  const SynthInvoice& inv = d.invoice;
  const std::vector<std::string> fields = {d.stem + d.extension,
                                           std::string(KindName(d.kind)),
                                           std::string(LanguageName(inv.look.language)),
                                           std::string(CountryCode(inv.vendor.country)),
                                           inv.currency,
                                           std::string(NumberStyleName(inv.look.numbers)),
                                           std::string(DateStyleName(inv.look.dates)),
                                           std::string(CompositionName(inv.look.composition)),
                                           std::to_string(d.pages),
                                           std::to_string(inv.lines.size())};
  std::string row;
  for (const std::string& field : fields) {
    if (!row.empty()) row += ",";
    const bool quote = field.find_first_of(",\"") != std::string::npos;
    row += quote ? "\"" + field + "\"" : field;
  }
  return row + "\n";
}

}  // namespace invoicer::synth
