#include "domain/media_type.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace invoicer::domain {
namespace {

constexpr std::string_view kUblNs = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(MediaTypeTest, RecognisesPdfHeaderWithinFirstKilobyte) {
  EXPECT_EQ(SniffMediaType("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"), "application/pdf");
  EXPECT_EQ(SniffMediaType(std::string(1000, ' ') + "%PDF-1.4"), "application/pdf");
  EXPECT_EQ(SniffMediaType(std::string(1024, ' ') + "%PDF-1.4"), std::nullopt);
}

TEST(MediaTypeTest, RecognisesImageSignatures) {
  EXPECT_EQ(SniffMediaType("\x89PNG\r\n\x1A\n rest"), "image/png");
  EXPECT_EQ(SniffMediaType("\xFF\xD8\xFF\xE0 JFIF"), "image/jpeg");
  EXPECT_EQ(SniffMediaType(std::string("II*\0rest", 8)), "image/tiff");
  EXPECT_EQ(SniffMediaType(std::string("MM\0*rest", 8)), "image/tiff");
}

TEST(MediaTypeTest, RefusesBytesOfNoSupportedType) {
  EXPECT_EQ(SniffMediaType(""), std::nullopt);
  EXPECT_EQ(SniffMediaType("this is not a PDF at all"), std::nullopt);
  EXPECT_EQ(SniffMediaType("PK\x03\x04 a zip"), std::nullopt);
  EXPECT_EQ(SniffMediaType("\x89PNG"), std::nullopt);  // truncated signature
  EXPECT_EQ(SniffMediaType("<html><body>hi</body></html>"), std::nullopt);
}

TEST(MediaTypeTest, RecognisesUblWithBomDeclarationAndComments) {
  const std::string xml =
      "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<!-- generated -->\n<?pi x?>\n<Invoice xmlns=\"" +
      std::string(kUblNs) + "\" xmlns:cbc=\"urn:x\">\n<cbc:ID>1</cbc:ID>";
  EXPECT_EQ(SniffMediaType(xml), "application/xml");
}

TEST(MediaTypeTest, RecognisesPrefixedRootsOfEachSyntax) {
  EXPECT_EQ(SniffMediaType("<ubl:Invoice xmlns:ubl='" + std::string(kUblNs) + "'/>"),
            "application/xml");
  EXPECT_EQ(SniffMediaType("<c:CreditNote\n xmlns:c=\"urn:oasis:names:specification:ubl:schema:"
                           "xsd:CreditNote-2\">"),
            "application/xml");
  EXPECT_EQ(SniffMediaType("<rsm:CrossIndustryInvoice xmlns:rsm=\"urn:un:unece:uncefact:data:"
                           "standard:CrossIndustryInvoice:100\">"),
            "application/xml");
  EXPECT_EQ(SniffMediaType("<rsm:CrossIndustryDocument xmlns:rsm=\"urn:ferd:"
                           "CrossIndustryDocument:invoice:1p0\">"),
            "application/xml");
}

TEST(MediaTypeTest, RefusesXmlWithOtherRootOrNamespace) {
  EXPECT_EQ(SniffMediaType("<Invoice><ID>1</ID></Invoice>"), std::nullopt);  // no namespace
  EXPECT_EQ(SniffMediaType("<Invoice xmlns=\"urn:example:invoice\">"), std::nullopt);
  EXPECT_EQ(SniffMediaType("<Order xmlns=\"" + std::string(kUblNs) + "\">"), std::nullopt);
  // The default namespace does not apply to a prefixed root.
  EXPECT_EQ(SniffMediaType("<x:Invoice xmlns=\"" + std::string(kUblNs) + "\" xmlns:x=\"urn:y\">"),
            std::nullopt);
  EXPECT_EQ(SniffMediaType("<Invoice xmlns=\"" + std::string(kUblNs)), std::nullopt);  // truncated
  EXPECT_EQ(SniffMediaType("<!-- never closed <Invoice xmlns=\"" + std::string(kUblNs) + "\">"),
            std::nullopt);
}

TEST(MediaTypeTest, RefusesXmlWithDoctype) {
  EXPECT_EQ(SniffMediaType("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM "
                           "\"file:///etc/passwd\">]><Invoice xmlns=\"" +
                           std::string(kUblNs) + "\">&e;</Invoice>"),
            std::nullopt);
}

TEST(MediaTypeTest, RecognisesEveryEInvoiceOfTheCorpus) {
  const auto corpus =
      std::filesystem::path(__FILE__).parent_path() / "../../../shared/corpus/einvoice-dev";
  if (!std::filesystem::exists(corpus)) GTEST_SKIP() << "corpus not present";
  int seen = 0;
  for (const char* folder : {"ubl", "cii"}) {
    for (const auto& entry : std::filesystem::directory_iterator(corpus / folder)) {
      if (entry.path().extension() != ".xml") continue;
      ++seen;
      EXPECT_EQ(SniffMediaType(ReadFile(entry.path())), "application/xml") << entry.path();
    }
  }
  for (const auto& entry : std::filesystem::directory_iterator(corpus / "pdf")) {
    if (entry.path().extension() != ".pdf") continue;
    EXPECT_EQ(SniffMediaType(ReadFile(entry.path())), "application/pdf") << entry.path();
  }
  EXPECT_GT(seen, 0);
}

TEST(MediaTypeTest, NamesAnExtensionPerType) {
  EXPECT_EQ(ExtensionFor("application/pdf"), "pdf");
  EXPECT_EQ(ExtensionFor("image/png"), "png");
  EXPECT_EQ(ExtensionFor("image/jpeg"), "jpg");
  EXPECT_EQ(ExtensionFor("image/tiff"), "tif");
  EXPECT_EQ(ExtensionFor("application/xml"), "xml");
  EXPECT_EQ(ExtensionFor("text/plain"), "bin");
}

}  // namespace
}  // namespace invoicer::domain
