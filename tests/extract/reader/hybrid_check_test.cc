#include "extract/hybrid_check.h"

#include <gtest/gtest.h>

namespace invoicer::extract {
namespace {

domain::FieldMap XmlFields(std::string number, std::string total) {
  domain::FieldMap fields;
  fields["invoice_number"] = {std::move(number), 1.0, domain::FieldSource::kEInvoice, 0, {}};
  fields["total"] = {std::move(total), 1.0, domain::FieldSource::kEInvoice, 0, {}};
  return fields;
}

std::vector<std::string> Fields(const std::vector<domain::ValidationIssue>& issues) {
  std::vector<std::string> out;
  for (const auto& issue : issues) {
    EXPECT_EQ(issue.code, "EINVOICE_MISMATCH");
    EXPECT_EQ(issue.severity, domain::Severity::kError);
    out.insert(out.end(), issue.fields.begin(), issue.fields.end());
  }
  return out;
}

TEST(CheckPrintedAgainstXmlTest, AcceptsAPrintedPageShowingTheNumberAndTotal) {
  EXPECT_TRUE(CheckPrintedAgainstXml(XmlFields("RE-2026/17", "1234.50"),
                                     "Rechnung Nr. RE-2026/17\nGesamtbetrag   1.234,50 EUR\n")
                  .empty());
  EXPECT_TRUE(CheckPrintedAgainstXml(XmlFields("4711", "1234.5"),
                                     "Invoice 4711\nTotal due  $1,234.50\n")
                  .empty());
}

TEST(CheckPrintedAgainstXmlTest, FlagsATotalThatIsNotPrinted) {
  EXPECT_EQ(Fields(CheckPrintedAgainstXml(XmlFields("4711", "963.11"),
                                          "Invoice 4711\nEndsumme 963,12 EUR\n")),
            std::vector<std::string>{"total"});
}

TEST(CheckPrintedAgainstXmlTest, FlagsAnInvoiceNumberThatIsNotPrinted) {
  // "4711" is not shown by "47110": a number glued to more digits is another number.
  EXPECT_EQ(Fields(CheckPrintedAgainstXml(XmlFields("4711", "10.00"),
                                          "Invoice 47110\nTotal 10.00\n")),
            std::vector<std::string>{"invoice_number"});
}

TEST(CheckPrintedAgainstXmlTest, MatchesANumberPrintedWithSpacesOrLowerCase) {
  EXPECT_TRUE(
      CheckPrintedAgainstXml(XmlFields("AB-12 34", "10.00"), "Nr: ab-1234  Total 10.00").empty());
}

TEST(CheckPrintedAgainstXmlTest, ComparesNothingWhenThereIsNoPrintedText) {
  EXPECT_TRUE(CheckPrintedAgainstXml(XmlFields("4711", "10.00"), " \n\f\n").empty());
}

}  // namespace
}  // namespace invoicer::extract
