#pragma once

// Tiny documents made on the fly for the reader tests: PDFs with text at known positions
// (Helvetica, ASCII), attachments, any page count; uncompressed TIFFs with several pages;
// PNG headers claiming any size. Test helpers only.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace invoicer::extract::testing {

struct PdfText {
  double x = 0;  // points from the left
  double y = 0;  // points from the top (converted to PDF's bottom-up space)
  double size = 12;
  std::string text;
};

struct PdfPage {
  std::vector<PdfText> texts;
  double width = 595;
  double height = 842;
};

struct PdfAttachmentSpec {
  std::string name;
  std::string data;
  std::string mime = "text/xml";
};

// A well-formed PDF 1.7 file with a cross-reference table.
std::string MakePdf(const std::vector<PdfPage>& pages,
                    const std::vector<PdfAttachmentSpec>& attachments = {});
// A PDF whose `count` pages all share one content stream (cheap even for 10,000 pages).
std::string MakePdfWithPages(int count, const std::string& text);
// A PDF whose page tree is empty.
std::string MakeZeroPagePdf();

// An uncompressed little-endian TIFF, 8-bit grey, one frame per picture (width, height,
// row-major pixels).
struct GreyPicture {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;
};
std::string MakeTiff(const std::vector<GreyPicture>& frames);
// A PDF with one page of `width` x `height` points showing `picture` and no text layer: a
// scanned document.
std::string MakeScannedPdf(const GreyPicture& picture, double width, double height);

// `png` with the width and height in its IHDR chunk replaced (CRC recomputed): a small file
// that claims a huge picture, the shape of a decompression bomb.
std::string WithPngSize(std::string png, std::uint32_t width, std::uint32_t height);

std::string ReadFileBytes(const std::string& path);

}  // namespace invoicer::extract::testing
