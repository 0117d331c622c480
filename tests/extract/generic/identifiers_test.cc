#include "extract/generic/identifiers.h"

#include <gtest/gtest.h>

#include "test_documents.h"

namespace invoicer::extract::generic {
namespace {

using testing::Confidence;
using testing::ExtractOcrText;
using testing::ExtractText;
using testing::Value;

TEST(IdentifiersTest, TakesTheNumberOfATitleWhoseNoOcrReadAsNp) {
  const auto r = ExtractText(R"(Novabridge Systems LLC                    invoice np -IN239595
1114 Oak Street, Seattle, WA 98182         Invoice Date:   June 28, 2023
                                           Customer No.:   105831

                                           Total:          $9890.62
)");
  EXPECT_EQ(Value(r, "invoice_number"), "IN239595");
}

TEST(IdentifiersTest, TakesTheNumberOfATitleWhoseNoOcrReadAsN0) {
  const auto r = ExtractText(R"(Jackson & Miller Inc.                     Invoice n0 IN-2020-44746
                                           Invoice date    05/14/2020
                                           Total           $4,639.22
)");
  EXPECT_EQ(Value(r, "invoice_number"), "IN-2020-44746");
}

TEST(IdentifiersTest, LeavesAWordAfterTheTitleThatIsNoNumberSign) {
  const auto r = ExtractText(R"(Jackson & Miller Inc.                     Invoice to 12 Main Street
                                           Total           $4,639.22
)");
  EXPECT_EQ(Value(r, "invoice_number"), "<absent>");
}

TEST(IdentifiersTest, JoinsAPrefixThatOcrSeparatedFromItsDigitsAfterTheHyphen) {
  const auto r = ExtractText(R"(Jackson & Miller Inc.                     Invoice no IN- 2020-44746
                                           Invoice date    05/14/2020
                                           Total           $4,639.22
)");
  EXPECT_EQ(Value(r, "invoice_number"), "IN-2020-44746");
}

TEST(IdentifiersTest, SkipsSpecksBetweenTheNumberSignAndTheNumber) {
  const auto r = ExtractText(R"(Riverbank Tools S.L.                   Factura n° ° 3172-25
                                           Fecha: 14-02-2025
                                           Total           1.210,00
)");
  EXPECT_EQ(Value(r, "invoice_number"), "3172-25");
  const auto pound = ExtractText(R"(Riverbank Tools S.L.                Factura n£: FV-2025-0871
                                           Total           1.210,00
)");
  EXPECT_EQ(Value(pound, "invoice_number"), "FV-2025-0871");
}

TEST(IdentifiersTest, ReadsBackALetterPrefixOcrTookForDigitsOrADollarSign) {
  const std::string one_text = R"(Harbour Print Ltd                         Invoice # S1/2022/07/118
                                           Total           £480.00
)";
  EXPECT_EQ(Value(ExtractOcrText(one_text), "invoice_number"), "SI/2022/07/118");
  // A text layer is exact: there the prefix is what the issuer wrote.
  EXPECT_EQ(Value(ExtractText(one_text), "invoice_number"), "S1/2022/07/118");
  const auto dollar = ExtractOcrText(R"(Harbour Print Ltd                     Invoice No. $1-2022-30417
                                           Total           £480.00
)");
  EXPECT_EQ(Value(dollar, "invoice_number"), "SI-2022-30417");
  EXPECT_LT(Confidence(dollar, "invoice_number"), 0.88);
  // A prefix without look-alikes, and an amount after the label, stay as written.
  const auto plain = ExtractOcrText("Invoice No. AB-2022-30417\nTotal 10.00\n");
  EXPECT_EQ(Value(plain, "invoice_number"), "AB-2022-30417");
  const auto amount = ExtractOcrText("Invoice No. $1,250.00\nTotal 10.00\n");
  EXPECT_EQ(Value(amount, "invoice_number"), "<absent>");
}

TEST(IdentifiersTest, TakesTheNumberAfterATitleWhoseNrOcrReadAsHr) {
  const auto r = ExtractText(R"(Polderzicht Bouw BV                       Factuur hr.: 20251877
                                           Datum: 3 maart 2025
                                           Totaal: 1.089,00
)");
  EXPECT_EQ(Value(r, "invoice_number"), "20251877");
}

TEST(IdentifiersTest, TakesTheNumberAfterTheDateInARowUnderTheTitleWhoseLabelsWereLost) {
  const auto r = ExtractText(R"(Lindqvist Design AB
Storgatan 4, 111 22 Stockholm

Invoice
12/05/2024     5518204     C-1043

Total           1 250,00
)");
  EXPECT_EQ(Value(r, "invoice_number"), "5518204");
  EXPECT_LT(Confidence(r, "invoice_number"), 0.7);
  // A row under the title that does not start with a date is no such row.
  const auto other = ExtractText(R"(Lindqvist Design AB

Invoice
Delivered 12/05/2024 5518204

Total           1 250,00
)");
  EXPECT_EQ(Value(other, "invoice_number"), "<absent>");
}

}  // namespace
}  // namespace invoicer::extract::generic
