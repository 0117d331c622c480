#include "extract/generic/letterhead.h"

#include <gtest/gtest.h>

#include "test_documents.h"

namespace invoicer::extract::generic {
namespace {

using testing::ExtractText;
using testing::Value;

// The letterheads below are invented; each has the shape of a kind of receipt letterhead.

TEST(LetterheadTest, JoinsANameWrappedBeforeItsLegalForm) {
  const auto r = ExtractText(R"(KEDAI BUKU HARMONI
SDN BHD
(CO. NO. 123456-W)
NO 8, JALAN MERANTI 3,
56000 KUALA LUMPUR
TEL: 03-1234 5678
29/03/18
TOTAL   12.50
)");
  EXPECT_EQ(Value(r, "vendor_name"), "KEDAI BUKU HARMONI SDN BHD");
  EXPECT_EQ(Value(r, "vendor_address"), "NO 8, JALAN MERANTI 3,\n56000 KUALA LUMPUR");
}

TEST(LetterheadTest, KeepsABrandAboveTheCompanyOutOfItsName) {
  const auto r = ExtractText(R"(SUNRISE BAKES
LIMAU MANIS SDN BHD (123456-A)
12, JALAN MERANTI 3,
47100 PUCHONG, SELANGOR
GST ID : 000123456789
TAX INVOICE
TOTAL   8.00
)");
  EXPECT_EQ(Value(r, "vendor_name"), "LIMAU MANIS SDN BHD");
  EXPECT_EQ(Value(r, "vendor_address"), "12, JALAN MERANTI 3,\n47100 PUCHONG, SELANGOR");
}

TEST(LetterheadTest, KeepsOnBusinessKindsAndOpenParenthesesOnTheNextLine) {
  const auto r = ExtractText(R"(KIM LEE HARDWARE
TRADING (BUKIT
INDAH) SDN BHD
998877-K
NO. 5, JALAN BESI 2,
81200 JOHOR BAHRU
TOTAL   3.20
)");
  EXPECT_EQ(Value(r, "vendor_name"), "KIM LEE HARDWARE TRADING (BUKIT INDAH) SDN BHD");
  EXPECT_EQ(Value(r, "vendor_address"), "NO. 5, JALAN BESI 2,\n81200 JOHOR BAHRU");
}

TEST(LetterheadTest, ReadsALegalNameWithAStreetLikeWordAsAName) {
  const auto r = ExtractText(R"(NORTHERN STAR
ST JOHN TRADING SDN. BHD
CO REG NO : 123456-K
12-14, JLN AMAN 3
51200 KUALA LUMPUR
TOTAL   3.20
)");
  EXPECT_EQ(Value(r, "vendor_name"), "ST JOHN TRADING SDN. BHD");
  EXPECT_EQ(Value(r, "vendor_address"), "12-14, JLN AMAN 3\n51200 KUALA LUMPUR");
}

TEST(LetterheadTest, LeavesABranchLineOutOfTheNameAndTheAddress) {
  const auto branch = ExtractText(R"(GREENLEAF MART SDN BHD (112233-X)
SEREMBAN-3
GST REG NO 000111222333
JALAN DATO BANDAR 7
70200 SEREMBAN
TEL : 06-7654321
TOTAL   5.00
)");
  EXPECT_EQ(Value(branch, "vendor_name"), "GREENLEAF MART SDN BHD");
  EXPECT_EQ(Value(branch, "vendor_address"), "JALAN DATO BANDAR 7\n70200 SEREMBAN");
  const auto outlet = ExtractText(R"(PERMATA FRESH MART SDN BHD
(TAMAN SURIA 12)
CO REG NO:123456-W
NO. 7, JALAN UTAMA,
81300 SKUDAI, JOHOR.
TEL:07-1234567
TOTAL   5.00
)");
  EXPECT_EQ(Value(outlet, "vendor_name"), "PERMATA FRESH MART SDN BHD");
  EXPECT_EQ(Value(outlet, "vendor_address"), "NO. 7, JALAN UTAMA,\n81300 SKUDAI, JOHOR.");
}

TEST(LetterheadTest, StartsAnAddressAtItsShoppingCentre) {
  const auto r = ExtractText(R"(ORCHID BOOKS SDN BHD
COMPANY NO(123456-X)
SUNSHINE CITY MALL
PHONE 03-12345678
TOTAL   5.00
)");
  EXPECT_EQ(Value(r, "vendor_name"), "ORCHID BOOKS SDN BHD");
  EXPECT_EQ(Value(r, "vendor_address"), "SUNSHINE CITY MALL");
}

TEST(LetterheadTest, NamesTheOwnerOfABrand) {
  const auto r = ExtractText(R"(LOTUS TEA HOUSE & CO.
DIMILIKI OLEH SERI MAJU F&B SDN. BHD.
(1234567-T)
SUNWAY MALL
LOT NO.: 2F-10, 2ND FLOOR
TEL : 03-5555 1234
TOTAL   5.00
)");
  EXPECT_EQ(Value(r, "vendor_name"), "DIMILIKI OLEH SERI MAJU F&B SDN. BHD.");
  EXPECT_EQ(Value(r, "vendor_address"), "SUNWAY MALL\nLOT NO.: 2F-10, 2ND FLOOR");
}

TEST(LetterheadTest, NamesTheRegisteredCompanyWhenNoneComesBeforeTheAddress) {
  const auto r = ExtractText(R"(TAX INVOICE
STARFUEL TAMAN MELATI 2
LOT 55 JALAN MELATI 3
53100 KUALA LUMPUR
RIVERSIDE FUEL ENTERPRISE
CO. REG. NO: 001234567-T
GST REG. NO: 000987654321
TOTAL   50.00
)");
  EXPECT_EQ(Value(r, "vendor_name"), "RIVERSIDE FUEL ENTERPRISE");
  EXPECT_EQ(Value(r, "vendor_address"), "LOT 55 JALAN MELATI 3\n53100 KUALA LUMPUR");
}

TEST(LetterheadTest, LeavesALogosMonogramOutOfTheName) {
  const auto beside = ExtractText(R"(KT          Kestrel Tooling GmbH
            Werkstraße 4
            70173 Stuttgart
Rechnungsnummer: RE-77
Gesamtbetrag    119,00 EUR
)");
  EXPECT_EQ(Value(beside, "vendor_name"), "Kestrel Tooling GmbH");
  EXPECT_EQ(Value(beside, "vendor_address"), "Werkstraße 4\n70173 Stuttgart");
  const auto above = ExtractText(R"(OB
O'Brien Builders Ltd
4 Quay Street
Galway H91 2XY
Invoice No: 12
Total    10.00
)");
  EXPECT_EQ(Value(above, "vendor_name"), "O'Brien Builders Ltd");
}

TEST(LetterheadTest, ReadsAnAddressSetOnOneLineWithMiddleDots) {
  const auto r = ExtractText(R"(Harbour Prints Ltd
5 Dock Road · Bristol · BS1 4AA
T 0117 555 0101 · E billing@harbourprints.example
Invoice No: 12
Total    10.00
)");
  EXPECT_EQ(Value(r, "vendor_name"), "Harbour Prints Ltd");
  EXPECT_EQ(Value(r, "vendor_address"), "5 Dock Road\nBristol\nBS1 4AA");
}

TEST(LetterheadTest, KeepsAnAddressLineBesideTheInvoiceDateAndStopsAtTheTelephone) {
  const auto r = ExtractText(R"(Kontor Noord BV                                  FACTUUR
Kerkstraat 7                                     Factuurdatum   21 oktober 2024
3075 Leuven                                      Factuurnr.     2024-8
Telefoon +32 16 555 0101
Totaal    10,00
)");
  EXPECT_EQ(Value(r, "vendor_name"), "Kontor Noord BV");
  EXPECT_EQ(Value(r, "vendor_address"), "Kerkstraat 7\n3075 Leuven");
}

TEST(LetterheadTest, EndsAnAmericanAddressAfterTheCountry) {
  const auto r = ExtractText(R"(Cedar Tools LLC
19 Park Avenue, Suite 4
Seattle, WA 98186
USA
Accounts Department
Phone (312) 555-0101
Invoice No: 12
Total    10.00
)");
  EXPECT_EQ(Value(r, "vendor_address"), "19 Park Avenue, Suite 4\nSeattle, WA 98186\nUSA");
}

}  // namespace
}  // namespace invoicer::extract::generic
