#include "extract/pipeline.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <latch>
#include <thread>

#include "app/temp_dir.h"
#include "extract/image_codec.h"
#include "extract/pdf_reader.h"
#include "extract/templates/template_set.h"
#include "test_files.h"

namespace invoicer::extract {
namespace {

using testing::MakePdf;
using testing::PdfPage;

PipelineOptions Options() {
  PipelineOptions options;
  options.languages = {"eng"};
  options.jobs = 2;
  return options;
}

std::unique_ptr<PipelineExtractor> Make(const PipelineOptions& options = Options()) {
  auto made = PipelineExtractor::Create(options);
  EXPECT_TRUE(made.has_value()) << made.error().message;
  return made ? std::move(*made) : nullptr;
}

Result<domain::ExtractionResult> ExtractBytes(Extractor& e, const std::string& bytes,
                                     std::string_view media_type) {
  return e.Extract(DocumentInput{bytes, media_type, "test"});
}

std::string Value(const domain::ExtractionResult& r, const std::string& name) {
  auto it = r.fields.find(name);
  return it == r.fields.end() ? "<absent>" : it->second.value;
}

PdfPage InvoicePage(const std::string& total_text) {
  PdfPage page;
  page.texts = {{60, 50, 16, "ACME Supplies GmbH"},
                {60, 72, 10, "Hauptstrasse 1, 10115 Berlin"},
                {60, 150, 11, "Invoice No: INV-2026-001"},
                {60, 168, 11, "Invoice Date: 15.01.2026"},
                {60, 186, 11, "Ref ABC123"},
                {60, 300, 11, "Subtotal"}, {400, 300, 11, "100.00 EUR"},
                {60, 318, 11, "VAT 19%"}, {400, 318, 11, "19.00 EUR"},
                {60, 336, 11, "Total"}, {400, 336, 11, total_text}};
  return page;
}

constexpr const char* kCii = R"(<rsm:CrossIndustryInvoice
 xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
 xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
 xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
 <rsm:ExchangedDocument><ram:ID>INV-2026-001</ram:ID>
  <ram:IssueDateTime><udt:DateTimeString format="102">20260115</udt:DateTimeString></ram:IssueDateTime>
 </rsm:ExchangedDocument>
 <rsm:SupplyChainTradeTransaction>
  <ram:ApplicableHeaderTradeAgreement>
   <ram:SellerTradeParty><ram:Name>ACME Supplies GmbH</ram:Name></ram:SellerTradeParty>
  </ram:ApplicableHeaderTradeAgreement>
  <ram:ApplicableHeaderTradeSettlement>
   <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
   <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
    <ram:LineTotalAmount>100.00</ram:LineTotalAmount>
    <ram:TaxTotalAmount currencyID="EUR">19.00</ram:TaxTotalAmount>
    <ram:GrandTotalAmount>119.00</ram:GrandTotalAmount>
   </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
  </ram:ApplicableHeaderTradeSettlement>
 </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>)";

TEST(PipelineExtractorTest, ReadsAnEInvoiceXmlExactly) {
  auto pipeline = Make();
  auto r = ExtractBytes(*pipeline, kCii, "application/xml");
  ASSERT_TRUE(r.has_value()) << r.error().message;
  EXPECT_EQ(r->method, "einvoice:cii");
  EXPECT_EQ(Value(*r, "invoice_number"), "INV-2026-001");
  EXPECT_EQ(Value(*r, "total"), "119.00");
  EXPECT_EQ(r->fields.at("total").source, domain::FieldSource::kEInvoice);
  EXPECT_TRUE(r->issues.empty());
}

TEST(PipelineExtractorTest, ReadsAHybridPdfFromItsXmlWhenThePrintMatches) {
  auto pipeline = Make();
  const std::string pdf = MakePdf({InvoicePage("119.00 EUR")}, {{"factur-x.xml", kCii}});
  auto r = ExtractBytes(*pipeline, pdf, "application/pdf");
  ASSERT_TRUE(r.has_value()) << r.error().message;
  EXPECT_EQ(r->method, "einvoice:cii");
  EXPECT_EQ(r->pages, 1);
  EXPECT_EQ(Value(*r, "total"), "119.00");
  EXPECT_TRUE(r->issues.empty());
}

TEST(PipelineExtractorTest, FlagsAHybridPdfWhosePrintedTotalDisagreesWithItsXml) {
  auto pipeline = Make();
  const std::string pdf = MakePdf({InvoicePage("191.00 EUR")}, {{"factur-x.xml", kCii}});
  auto r = ExtractBytes(*pipeline, pdf, "application/pdf");
  ASSERT_TRUE(r.has_value()) << r.error().message;
  EXPECT_EQ(r->method, "einvoice:cii");
  EXPECT_EQ(Value(*r, "total"), "119.00");  // the XML is what is booked
  ASSERT_EQ(r->issues.size(), 1u);
  EXPECT_EQ(r->issues[0].code, "EINVOICE_MISMATCH");
  EXPECT_EQ(r->issues[0].severity, domain::Severity::kError);
  EXPECT_EQ(r->issues[0].fields, std::vector<std::string>{"total"});
}

TEST(PipelineExtractorTest, ExtractsATextPdfWithTheGenericExtractor) {
  auto pipeline = Make();
  const std::string pdf = MakePdf({InvoicePage("119.00 EUR")});
  auto r = ExtractBytes(*pipeline, pdf, "application/pdf");
  ASSERT_TRUE(r.has_value()) << r.error().message;
  EXPECT_EQ(r->method, "generic:text");
  EXPECT_EQ(r->pages, 1);
  EXPECT_EQ(Value(*r, "invoice_number"), "INV-2026-001");
  EXPECT_EQ(Value(*r, "total"), "119.00");
  const domain::FieldValue& total = r->fields.at("total");
  EXPECT_EQ(total.source, domain::FieldSource::kText);
  EXPECT_EQ(total.page, 1);
  ASSERT_TRUE(total.bbox.has_value());
  EXPECT_NEAR(total.bbox->x0, 400, 1);
}

TEST(PipelineExtractorTest, PrefersAMatchingIssuerTemplateAndKeepsItsExtraFields) {
  invoicer::testing::TempDir dir;
  std::ofstream(dir.File("acme.yml")) << R"(issuer: ACME Test
keywords:
  - ACME Supplies
fields:
  amount: Total\s+(\d+\.\d\d)
  invoice_number: Invoice No:\s+(\S+)
  date: Invoice Date:\s+(\d\d\.\d\d\.\d{4})
  reference: Ref\s+(\w+)
options:
  currency: EUR
  date_formats:
    - '%d.%m.%Y'
)";
  PipelineOptions options = Options();
  options.templates_dir = dir.path();
  auto pipeline = Make(options);
  ASSERT_EQ(pipeline->template_count(), 1u);
  const std::string pdf = MakePdf({InvoicePage("119.00 EUR")});
  auto r = ExtractBytes(*pipeline, pdf, "application/pdf");
  ASSERT_TRUE(r.has_value()) << r.error().message;
  EXPECT_EQ(r->method, "template:ACME Test");
  EXPECT_EQ(r->template_name, "ACME Test");
  EXPECT_EQ(Value(*r, "total"), "119.00");
  EXPECT_EQ(r->fields.at("total").source, domain::FieldSource::kTemplate);
  EXPECT_EQ(Value(*r, "invoice_date"), "2026-01-15");
  EXPECT_NE(r->extra_fields_json.find("ABC123"), std::string::npos) << r->extra_fields_json;
  // The generic extractor fills what the template does not define.
  EXPECT_EQ(Value(*r, "subtotal"), "100.00");
}

TEST(PipelineExtractorTest, FailsToStartWithAMissingTemplatesDirectory) {
  PipelineOptions options = Options();
  options.templates_dir = "/nonexistent/templates";
  auto made = PipelineExtractor::Create(options);
  ASSERT_FALSE(made.has_value());
  EXPECT_EQ(made.error().code, ErrorCode::kInvalidInput);
}

// A scan of the invoice page: rendered to grey pixels and put back into a PDF as an image.
testing::GreyPicture ScanOf(const PdfPage& page, int dpi) {
  const std::string text_pdf = MakePdf({page});
  auto pdf = PdfDocument::Open(text_pdf, PdfLimits{});
  auto image = pdf->RenderPage(1, dpi, true);
  return {image->width, image->height, image->pixels};
}

TEST(PipelineExtractorTest, OcrsAPdfPageWithoutATextLayer) {
  auto pipeline = Make();
  const std::string scanned = testing::MakeScannedPdf(ScanOf(InvoicePage("119.00 EUR"), 200), 595, 842);
  auto r = ExtractBytes(*pipeline, scanned, "application/pdf");
  ASSERT_TRUE(r.has_value()) << r.error().message;
  EXPECT_EQ(r->method, "generic:ocr");
  EXPECT_EQ(Value(*r, "total"), "119.00");
  const domain::FieldValue& total = r->fields.at("total");
  EXPECT_EQ(total.source, domain::FieldSource::kOcr);
  ASSERT_TRUE(total.bbox.has_value());
  EXPECT_NEAR(total.bbox->x0, 400, 10);  // boxes in PDF points, like a text layer's
}

TEST(PipelineExtractorTest, OcrsAnImage) {
  auto pipeline = Make();
  const testing::GreyPicture scan = ScanOf(InvoicePage("119.00 EUR"), 200);
  auto png = ImageCodec::EncodePng(RasterImage{scan.width, scan.height, 1, 200, scan.pixels});
  ASSERT_TRUE(png.has_value());
  auto r = ExtractBytes(*pipeline, *png, "image/png");
  ASSERT_TRUE(r.has_value()) << r.error().message;
  EXPECT_EQ(r->method, "generic:ocr");
  EXPECT_EQ(Value(*r, "invoice_number"), "INV-2026-001");
  EXPECT_EQ(Value(*r, "total"), "119.00");
}

TEST(PipelineExtractorTest, ReadsBoxTextAndPlainText) {
  auto pipeline = Make();
  const std::string box =
      "10,10,200,10,200,30,10,30,ACME SUPPLIES SDN BHD\n"
      "10,400,100,400,100,420,10,420,TOTAL\n"
      "300,400,380,400,380,420,300,420,119.00\n";
  auto from_box = ExtractBytes(*pipeline, box, "text/csv");
  ASSERT_TRUE(from_box.has_value()) << from_box.error().message;
  EXPECT_EQ(from_box->method, "generic:ocr");
  EXPECT_EQ(Value(*from_box, "total"), "119.00");
  auto sniffed_box = ExtractBytes(*pipeline, box, "text/plain");
  ASSERT_TRUE(sniffed_box.has_value());
  EXPECT_EQ(Value(*sniffed_box, "total"), "119.00");
  auto plain = ExtractBytes(*pipeline, "ACME SUPPLIES SDN BHD\n\nTOTAL            119.00\n", "text/plain");
  ASSERT_TRUE(plain.has_value()) << plain.error().message;
  EXPECT_EQ(plain->method, "generic:text");
  EXPECT_EQ(Value(*plain, "total"), "119.00");
}

TEST(PipelineExtractorTest, ServesManyThreadsAtOnce) {
  auto pipeline = Make();  // two OCR instances shared by all threads
  const std::string text_pdf = MakePdf({InvoicePage("119.00 EUR")});
  const std::string hybrid = MakePdf({InvoicePage("119.00 EUR")}, {{"factur-x.xml", kCii}});
  const testing::GreyPicture scan = ScanOf(InvoicePage("119.00 EUR"), 150);
  auto png = ImageCodec::EncodePng(RasterImage{scan.width, scan.height, 1, 150, scan.pixels});
  ASSERT_TRUE(png.has_value());
  const std::vector<std::pair<std::string, std::string>> docs = {
      {text_pdf, "application/pdf"}, {hybrid, "application/pdf"}, {*png, "image/png"},
      {kCii, "application/xml"}};
  constexpr int kThreads = 4;
  std::latch start(kThreads);
  std::vector<std::string> totals(kThreads * docs.size());
  {
    std::vector<std::jthread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        start.arrive_and_wait();
        for (std::size_t d = 0; d < docs.size(); ++d) {
          // Each thread starts at another document so different kinds run side by side.
          const std::size_t k = (d + static_cast<std::size_t>(t)) % docs.size();
          auto r = ExtractBytes(*pipeline, docs[k].first, docs[k].second);
          totals[static_cast<std::size_t>(t) * docs.size() + k] =
              r ? Value(*r, "total") : r.error().message;
        }
      });
    }
  }
  for (const std::string& total : totals) EXPECT_EQ(total, "119.00");
}

// Bad input: every case is kUnreadableDocument with the reason, no crash, no hang.

void ExpectUnreadable(Extractor& e, const std::string& bytes, std::string_view media_type,
                      std::string_view reason) {
  auto r = ExtractBytes(e, bytes, media_type);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kUnreadableDocument);
  EXPECT_NE(r.error().message.find(reason), std::string::npos) << r.error().message;
}

TEST(PipelineExtractorTest, RefusesBadDocumentsWithTheReason) {
  auto pipeline = Make();
  const std::string good = MakePdf({InvoicePage("119.00 EUR")});
  ExpectUnreadable(*pipeline, good.substr(0, good.size() / 4), "application/pdf", "PDF");
  ExpectUnreadable(*pipeline, "%PDF-1.4 garbage", "application/pdf", "not a readable PDF");
  ExpectUnreadable(*pipeline,
                   testing::ReadFileBytes(std::string(INVOICER_TESTDATA_DIR) +
                                          "/encrypted_user_password.pdf"),
                   "application/pdf", "password protected");
  ExpectUnreadable(*pipeline, testing::MakeZeroPagePdf(), "application/pdf", "no pages");
  ExpectUnreadable(*pipeline, testing::MakePdfWithPages(10'000, "x"), "application/pdf",
                   "more than the limit");
  ExpectUnreadable(*pipeline,
                   "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                   "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">&e;"
                   "</Invoice>",
                   "application/xml", "DOCTYPE");
  ExpectUnreadable(*pipeline, "not an image", "image/png", "not a PNG");
  ExpectUnreadable(*pipeline, "PK\x03\x04", "application/zip", "have no text");
}

TEST(PipelineExtractorTest, RefusesAnImageOverThePixelLimit) {
  PipelineOptions options = Options();
  options.max_pixels = 1'000'000;
  auto pipeline = Make(options);
  auto png = ImageCodec::EncodePng(RasterImage{16, 16, 1, 0, std::vector<std::uint8_t>(256, 255)});
  ASSERT_TRUE(png.has_value());
  ExpectUnreadable(*pipeline, testing::WithPngSize(*png, 100'000, 100'000), "image/png",
                   "more than the limit of 1000000");
}

TEST(PipelineExtractorTest, RefusesAScannedPageTooLargeForThePixelLimit) {
  PipelineOptions options = Options();
  options.max_pixels = 10'000;
  auto pipeline = Make(options);
  const testing::GreyPicture tiny{8, 8, std::vector<std::uint8_t>(64, 255)};
  ExpectUnreadable(*pipeline, testing::MakeScannedPdf(tiny, 595, 842), "application/pdf",
                   "pixel limit");
}

}  // namespace
}  // namespace invoicer::extract
