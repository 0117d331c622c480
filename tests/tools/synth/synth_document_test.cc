#include "synth/synth_document.h"

#include <gtest/gtest.h>

#include <cstring>

#include "synth/formats.h"
#include "synth/invoice_generator.h"
#include "synth/invoice_layout.h"
#include "test_files.h"

namespace invoicer::synth {
namespace {

using testing::Collapse;
using testing::RunCapture;
using testing::TempDir;
using testing::WriteFile;

class SynthDocumentTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto canvas = CairoCanvas::Create();
    ASSERT_TRUE(canvas.has_value()) << canvas.error().message;
    canvas_ = std::move(canvas).value();
  }
  // Scans at a low resolution keep the tests fast; one test checks the natural one.
  SynthDocument Make(std::uint64_t seed, std::uint64_t index, DocumentKind kind,
                     int dpi = 100) const {
    auto doc = MakeDocument(seed, index, kind, *canvas_, RenderOptions{dpi});
    EXPECT_TRUE(doc.has_value()) << doc.error().message;
    return std::move(doc).value();
  }
  // The first index of corpus `seed` whose invoice lays out on at least `pages` pages.
  std::uint64_t IndexWithPages(std::uint64_t seed, std::size_t pages) const {
    for (std::uint64_t i = 0;; ++i) {
      if (LayoutInvoice(GenerateInvoice(seed, i, kMaxLineItems), *canvas_).pages.size() >= pages) {
        return i;
      }
    }
  }
  std::string PdfText(const std::string& bytes) const {
    const auto file = dir_.path() / "doc.pdf";
    WriteFile(file, bytes);
    return RunCapture("pdftotext -enc UTF-8 '" + file.string() + "' -");
  }

  std::unique_ptr<CairoCanvas> canvas_;
  TempDir dir_;
};

std::uint32_t BigEndian32(const std::string& bytes, std::size_t at) {
  return (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at])) << 24) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 1])) << 16) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 2])) << 8) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 3]));
}

std::uint32_t Little(const std::string& bytes, std::size_t at, int size) {
  std::uint32_t v = 0;
  for (int i = size - 1; i >= 0; --i) {
    v = (v << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
  }
  return v;
}

// Pages of a little-endian TIFF: the length of its IFD chain.
int TiffPages(const std::string& tiff) {
  if (tiff.compare(0, 4, "II*\0", 4) != 0) return -1;
  int pages = 0;
  std::uint32_t ifd = Little(tiff, 4, 4);
  while (ifd != 0 && ifd + 2 < tiff.size() && pages < 100) {
    ++pages;
    const std::uint32_t entries = Little(tiff, ifd, 2);
    ifd = Little(tiff, ifd + 2 + entries * 12, 4);
  }
  return pages;
}

TEST_F(SynthDocumentTest, GivesIdenticalTextPdfBytesForTheSameSeed) {
  for (std::uint64_t i = 0; i < 6; ++i) {
    const SynthDocument a = Make(1, i, DocumentKind::kText);
    const SynthDocument b = Make(1, i, DocumentKind::kText);
    EXPECT_EQ(a.bytes, b.bytes) << i;
    EXPECT_EQ(a.truth_json, b.truth_json) << i;
    EXPECT_EQ(a.stem, "syn1-000" + std::to_string(i) + "-text");
    EXPECT_EQ(a.extension, ".pdf");
  }
  EXPECT_NE(Make(1, 0, DocumentKind::kText).bytes, Make(2, 0, DocumentKind::kText).bytes);
}

TEST_F(SynthDocumentTest, GivesIdenticalScanBytesForTheSameSeed) {
  for (const DocumentKind kind :
       {DocumentKind::kScanPng, DocumentKind::kScanPdf, DocumentKind::kScanTiff}) {
    const SynthDocument a = Make(3, 1, kind);
    const SynthDocument b = Make(3, 1, kind);
    EXPECT_EQ(a.bytes, b.bytes) << KindName(kind);
    EXPECT_FALSE(a.bytes.empty());
  }
}

TEST_F(SynthDocumentTest, PutsTheInvoiceNumberAndTotalInTheTextLayer) {
  for (std::uint64_t i = 0; i < 30; ++i) {
    const SynthDocument doc = Make(4, i, DocumentKind::kText);
    const std::string text = Collapse(PdfText(doc.bytes));
    EXPECT_NE(text.find(doc.invoice.invoice_number), std::string::npos) << doc.stem << "\n" << text;
    const std::string total = Collapse(FormatMoney(doc.invoice.total, doc.invoice));
    EXPECT_NE(text.find(total), std::string::npos) << doc.stem << " lacks " << total;
  }
}

TEST_F(SynthDocumentTest, WritesImageOnlyPdfsWithoutATextLayer) {
  const std::uint64_t index = IndexWithPages(5, 2);
  const SynthDocument doc = Make(5, index, DocumentKind::kScanPdf);
  EXPECT_EQ(doc.bytes.compare(0, 5, "%PDF-"), 0);
  EXPECT_EQ(Collapse(PdfText(doc.bytes)), "");
  const auto file = dir_.path() / "scan.pdf";
  WriteFile(file, doc.bytes);
  const std::string info = RunCapture("pdfinfo '" + file.string() + "'");
  const std::size_t pages = info.find("Pages:");
  ASSERT_NE(pages, std::string::npos) << info;
  EXPECT_EQ(std::stoi(info.substr(pages + 6)), doc.pages) << info;
  EXPECT_GE(doc.pages, 2);
  // pdffonts prints a two-line header and one line per font.
  const std::string fonts = RunCapture("pdffonts '" + file.string() + "'");
  EXPECT_EQ(std::count(fonts.begin(), fonts.end(), '\n'), 2) << fonts;
}

TEST_F(SynthDocumentTest, WritesPngScansOfOnePageAtTheScanResolution) {
  const SynthDocument doc = Make(6, 0, DocumentKind::kScanPng, 0);
  ASSERT_EQ(doc.bytes.compare(0, 8, "\x89PNG\r\n\x1a\n"), 0);
  EXPECT_EQ(doc.pages, 1);
  const std::uint32_t width = BigEndian32(doc.bytes, 16);
  const std::size_t phys = doc.bytes.find("pHYs");
  ASSERT_NE(phys, std::string::npos);
  const double dpi = BigEndian32(doc.bytes, phys + 4) * 0.0254;  // pixels per metre
  const double page_points = doc.invoice.look.paper == Paper::kLetter ? 612 : 595.28;
  EXPECT_NEAR(width, page_points / 72 * dpi, 2.0);
  EXPECT_GE(dpi, 199);
  EXPECT_LE(dpi, 301);
}

TEST_F(SynthDocumentTest, FitsPngScansOnOnePageByDroppingLines) {
  const std::uint64_t index = IndexWithPages(7, 2);
  const SynthDocument doc = Make(7, index, DocumentKind::kScanPng);
  EXPECT_EQ(doc.pages, 1);
  EXPECT_LT(doc.invoice.lines.size(), GenerateInvoice(7, index, kMaxLineItems).lines.size());
}

TEST_F(SynthDocumentTest, WritesOneTiffPagePerInvoicePage) {
  const std::uint64_t index = IndexWithPages(8, 2);
  const SynthDocument doc = Make(8, index, DocumentKind::kScanTiff);
  EXPECT_EQ(doc.extension, ".tif");
  EXPECT_GE(doc.pages, 2);
  EXPECT_EQ(TiffPages(doc.bytes), doc.pages);
}

TEST(SynthParseKindsTest, ReadsACommaSeparatedList) {
  auto kinds = ParseKinds("text,scan-png,scan-pdf,scan-tiff");
  ASSERT_TRUE(kinds.has_value());
  EXPECT_EQ(*kinds, (std::vector<DocumentKind>{DocumentKind::kText, DocumentKind::kScanPng,
                                               DocumentKind::kScanPdf, DocumentKind::kScanTiff}));
}

TEST(SynthParseKindsTest, RejectsAnUnknownKind) {
  auto kinds = ParseKinds("text,photo");
  ASSERT_FALSE(kinds.has_value());
  EXPECT_EQ(kinds.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(kinds.error().message.find("photo"), std::string::npos);
}

TEST(SynthParseKindsTest, RejectsAnEmptyList) {
  auto kinds = ParseKinds("");
  ASSERT_FALSE(kinds.has_value());
  EXPECT_EQ(kinds.error().code, ErrorCode::kInvalidInput);
}

}  // namespace
}  // namespace invoicer::synth
