#include "extract/pdf_reader.h"

#include <gtest/gtest.h>

#include "test_files.h"

namespace invoicer::extract {
namespace {

using testing::MakePdf;
using testing::PdfPage;

const std::string kTestData = INVOICER_TESTDATA_DIR;

std::string InvoicePdf() {
  PdfPage page;
  page.texts = {{72, 72, 12, "Invoice No. 4711"}, {350, 72, 12, "Date 2026-01-15"},
                {72, 300, 12, "Total"}, {350, 300, 12, "119.00"}};
  PdfPage second;
  second.texts = {{72, 72, 12, "Terms: 30 days"}};
  return MakePdf({page, second});
}

std::vector<std::string> Texts(const Line& line) {
  std::vector<std::string> out;
  for (const Word& w : line.words) out.push_back(w.text);
  return out;
}

TEST(PdfDocumentTest, ReadsWordsWithBoxesGroupedIntoLines) {
  const std::string bytes = InvoicePdf();
  auto pdf = PdfDocument::Open(bytes, PdfLimits{});
  ASSERT_TRUE(pdf.has_value()) << pdf.error().message;
  EXPECT_EQ(pdf->page_count(), 2);
  auto page = pdf->ReadPage(1);
  ASSERT_TRUE(page.has_value());
  EXPECT_EQ(page->number, 1);
  EXPECT_DOUBLE_EQ(page->width, 595);
  EXPECT_DOUBLE_EQ(page->height, 842);
  ASSERT_EQ(page->lines.size(), 2u);
  EXPECT_EQ(Texts(page->lines[0]),
            (std::vector<std::string>{"Invoice", "No.", "4711", "Date", "2026-01-15"}));
  EXPECT_EQ(Texts(page->lines[1]), (std::vector<std::string>{"Total", "119.00"}));
  // Boxes are in points from the top-left corner: "119.00" starts at x 350, 300 pt down.
  const Word& amount = page->lines[1].words[1];
  EXPECT_NEAR(amount.box.x0, 350, 1);
  EXPECT_GT(amount.box.y0, 295);
  EXPECT_LT(amount.box.y1, 318);
  EXPECT_DOUBLE_EQ(amount.confidence, 1.0);
}

TEST(PdfDocumentTest, RendersAPageAtTheRequestedResolution) {
  const std::string bytes = InvoicePdf();
  auto pdf = PdfDocument::Open(bytes, PdfLimits{});
  ASSERT_TRUE(pdf.has_value());
  auto image = pdf->RenderPage(1, 72, true);
  ASSERT_TRUE(image.has_value()) << image.error().message;
  EXPECT_EQ(image->width, 595);
  EXPECT_EQ(image->height, 842);
  EXPECT_EQ(image->channels, 1);
  EXPECT_EQ(image->pixels.size(), 595u * 842u);
  // White paper with some dark text.
  EXPECT_EQ(image->pixels[0], 255);
  EXPECT_NE(std::count_if(image->pixels.begin(), image->pixels.end(), [](auto p) { return p < 128; }), 0);
}

TEST(PdfDocumentTest, LowersTheResolutionToStayWithinThePixelLimit) {
  const std::string bytes = InvoicePdf();
  auto pdf = PdfDocument::Open(bytes, PdfLimits{500, 1'000'000});
  ASSERT_TRUE(pdf.has_value());
  auto image = pdf->RenderPage(1, 300, false);
  ASSERT_TRUE(image.has_value()) << image.error().message;
  EXPECT_LE(image->PixelCount(), 1'000'000);
  EXPECT_LT(image->dpi, 300);
  EXPECT_EQ(image->channels, 3);
}

TEST(PdfDocumentTest, RefusesToRenderAPageTooLargeForThePixelLimit) {
  const std::string bytes = InvoicePdf();
  auto pdf = PdfDocument::Open(bytes, PdfLimits{500, 10'000});
  ASSERT_TRUE(pdf.has_value());
  auto image = pdf->RenderPage(1, 300, true);
  ASSERT_FALSE(image.has_value());
  EXPECT_EQ(image.error().code, ErrorCode::kUnreadableDocument);
  EXPECT_NE(image.error().message.find("pixel limit"), std::string::npos);
}

TEST(PdfDocumentTest, FindsTheNamedInvoiceAttachmentBeforeOtherXml) {
  const std::string ubl =
      "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"/>";
  const std::string cii =
      "<rsm:CrossIndustryInvoice "
      "xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\"/>";
  PdfPage page;
  page.texts = {{72, 72, 12, "Invoice"}};
  const std::string bytes = MakePdf(
      {page}, {{"notes.xml", "<notes/>"}, {"other.xml", ubl}, {"Factur-X.xml", cii}});
  auto pdf = PdfDocument::Open(bytes, PdfLimits{});
  ASSERT_TRUE(pdf.has_value());
  auto attachment = pdf->InvoiceAttachment();
  ASSERT_TRUE(attachment.has_value());
  EXPECT_EQ(attachment->name, "Factur-X.xml");
  EXPECT_EQ(attachment->data, cii);
}

TEST(PdfDocumentTest, FindsAnyAttachedInvoiceXmlWhenNoneHasAStandardName) {
  const std::string ubl =
      "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"/>";
  PdfPage page;
  page.texts = {{72, 72, 12, "Invoice"}};
  const std::string bytes =
      MakePdf({page}, {{"logo.png", "PNG", "image/png"}, {"invoice-123.xml", ubl}});
  auto pdf = PdfDocument::Open(bytes, PdfLimits{});
  ASSERT_TRUE(pdf.has_value());
  auto attachment = pdf->InvoiceAttachment();
  ASSERT_TRUE(attachment.has_value());
  EXPECT_EQ(attachment->name, "invoice-123.xml");
}

TEST(PdfDocumentTest, HasNoInvoiceAttachmentWhenTheXmlIsNotAnInvoice) {
  PdfPage page;
  page.texts = {{72, 72, 12, "Invoice"}};
  const std::string bytes = MakePdf({page}, {{"factur-x.xml", "<order/>"}});
  auto pdf = PdfDocument::Open(bytes, PdfLimits{});
  ASSERT_TRUE(pdf.has_value());
  EXPECT_FALSE(pdf->InvoiceAttachment().has_value());
}

// Bad input: each gives kUnreadableDocument with the reason, never a crash or a hang.

void ExpectUnreadable(std::string_view bytes, std::string_view reason, PdfLimits limits = {}) {
  auto pdf = PdfDocument::Open(bytes, limits);
  ASSERT_FALSE(pdf.has_value());
  EXPECT_EQ(pdf.error().code, ErrorCode::kUnreadableDocument);
  EXPECT_NE(pdf.error().message.find(reason), std::string::npos) << pdf.error().message;
}

TEST(PdfDocumentTest, RefusesBytesThatAreNotAPdf) {
  ExpectUnreadable("%PDF-1.7\nthis is not really a PDF at all\n", "not a readable PDF");
  ExpectUnreadable("", "not a readable PDF");
}

TEST(PdfDocumentTest, RefusesATruncatedPdf) {
  const std::string bytes = InvoicePdf();
  ExpectUnreadable(bytes.substr(0, bytes.size() / 3), "PDF");
}

TEST(PdfDocumentTest, RefusesAPdfWithCorruptObjects) {
  std::string bytes = InvoicePdf();
  for (std::size_t i = 20; i < bytes.size(); i += 7) bytes[i] = '#';
  ExpectUnreadable(bytes, "PDF");
}

TEST(PdfDocumentTest, RefusesAPasswordProtectedPdf) {
  ExpectUnreadable(testing::ReadFileBytes(kTestData + "/encrypted_user_password.pdf"),
                   "password protected");
}

TEST(PdfDocumentTest, ReadsAPdfEncryptedOnlyWithAnOwnerPassword) {
  // Permissions-only encryption (empty user password) opens in every viewer; invoices from
  // billing systems often carry it.
  const std::string bytes = testing::ReadFileBytes(kTestData + "/encrypted_owner_only.pdf");
  auto pdf = PdfDocument::Open(bytes, PdfLimits{});
  ASSERT_TRUE(pdf.has_value()) << pdf.error().message;
  auto page = pdf->ReadPage(1);
  ASSERT_TRUE(page.has_value());
  ASSERT_FALSE(page->lines.empty());
  EXPECT_EQ(page->lines[0].words[0].text, "Invoice");
}

TEST(PdfDocumentTest, RefusesAPdfWithoutPages) {
  ExpectUnreadable(testing::MakeZeroPagePdf(), "no pages");
}

TEST(PdfDocumentTest, RefusesAPdfWithMorePagesThanTheLimit) {
  ExpectUnreadable(testing::MakePdfWithPages(10'000, "page"), "10000 pages, more than the limit of 500");
  ExpectUnreadable(testing::MakePdfWithPages(3, "page"), "limit of 2", PdfLimits{2, 1'000'000});
}

TEST(PdfDocumentTest, ReportsAMissingPageNumber) {
  const std::string bytes = InvoicePdf();
  auto pdf = PdfDocument::Open(bytes, PdfLimits{});
  ASSERT_TRUE(pdf.has_value());
  auto page = pdf->ReadPage(3);
  ASSERT_FALSE(page.has_value());
  EXPECT_EQ(page.error().code, ErrorCode::kUnreadableDocument);
}

}  // namespace
}  // namespace invoicer::extract
