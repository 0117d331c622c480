#include "extract/generic/identifiers.h"

#include <gtest/gtest.h>

#include "test_documents.h"

namespace invoicer::extract::generic {
namespace {

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

}  // namespace
}  // namespace invoicer::extract::generic
