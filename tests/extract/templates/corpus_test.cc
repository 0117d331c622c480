#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "extract/templates/template_set.h"
#include "template_fixtures.h"

namespace invoicer::extract::templates {
namespace {

using testing::Field;

// The 215 templates that ship with invoice2data (../shared/corpus/invoice2data-templates).
const std::string kCorpus = INVOICER_TEMPLATES_CORPUS;

const TemplateSet& Corpus() {
  static const TemplateSet set = [] {
    auto loaded = TemplateSet::LoadDirectory(kCorpus);
    EXPECT_TRUE(loaded.has_value());
    return loaded ? std::move(*loaded) : TemplateSet();
  }();
  return set;
}

TEST(CorpusTest, EveryInvoice2dataTemplateLoads) {
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(kCorpus)) {
    const std::string ext = entry.path().extension().string();
    if (entry.is_regular_file() && (ext == ".yml" || ext == ".yaml" || ext == ".json")) ++files;
  }
  const TemplateSet& set = Corpus();
  std::size_t not_loaded = 0;
  for (const LoadProblem& p : set.problems()) {
    std::cout << (p.loaded ? "[loaded, partly] " : "[NOT LOADED] ")
              << std::filesystem::relative(p.file, kCorpus).string() << ": " << p.reason << "\n";
    if (!p.loaded) ++not_loaded;
  }
  EXPECT_EQ(files, 215U);
  EXPECT_EQ(set.size() + not_loaded, files);
  EXPECT_EQ(not_loaded, 0U);
}

TEST(CorpusTest, QualityHostingLinesAndGermanDate) {
  const auto m = Corpus().Match(
      testing::LayoutOf("QualityHosting AG                              Rechnungsnr.  30064443\n"
                        "Datum:   7. Mai 2014   Kunde: 4711\n"
                        "Contract No. Q123\n"
                        "    7    1   Small Business Standard Exchange 2010          42,00\n"
                        "             Grundgeb\xC3\xBChr pro Einheit\n"
                        "             Dienst: OUDJQ_office\n"
                        "             01.05.14-31.05.14\n"
                        "Total EUR     34,73\n"
                        "DE 232 446 240\n"));
  ASSERT_TRUE(m.has_value()) << m.error().message;
  ASSERT_TRUE(m->has_value());
  const TemplateMatch& t = **m;
  EXPECT_EQ(t.issuer, "QualityHosting AG");
  EXPECT_EQ(Field(t, "invoice_number"), "30064443");
  EXPECT_EQ(Field(t, "invoice_date"), "2014-05-07");
  EXPECT_EQ(Field(t, "total"), "34.73");
  EXPECT_EQ(Field(t, "subtotal"), "34.73");
  EXPECT_EQ(Field(t, "vendor_tax_id"), "DE 232 446 240");
  ASSERT_EQ(t.line_items.size(), 1U);
  EXPECT_EQ(t.line_items[0].description,
            "Small Business Standard Exchange 2010\nGrundgeb\xC3\xBChr pro Einheit\n"
            "Dienst: OUDJQ_office\n01.05.14-31.05.14");
  EXPECT_EQ(t.line_items[0].quantity->ToString(), "1");
  EXPECT_EQ(t.line_items[0].unit_price->ToString(), "42.00");
}

TEST(CorpusTest, OyoTablesBelowTheirHeadings) {
  const auto m = Corpus().Match(
      testing::LayoutOf("OYO Oravel Stays                                   Date: 31/12/2017\n"
                        "Hotel Details                    Check In      Check Out     Rooms\n"
                        "OYO 4189 Resort Nanganallur,     31/12/2017    01/01/2018    1\n"
                        "                                 Booking ID       Payment Mode\n"
                        "                                 IBZY2087         Cash at Hotel\n"
                        "DESCRIPTION                      RATE                        AMOUNT\n"
                        "Room Charges                     Rs 1939 x 1 Night           Rs 1939\n"
                        "Grand Total                                                  Rs 1939\n"
                        "GSTIN                 CIN\n"
                        "06AABCO6063D1ZQ       U63090DL2012PTC231770\n"
                        "Oravel Stays Private Limited\n"));
  ASSERT_TRUE(m.has_value()) << m.error().message;
  ASSERT_TRUE(m->has_value());
  const TemplateMatch& t = **m;
  EXPECT_EQ(t.issuer, "OYO");
  EXPECT_EQ(Field(t, "invoice_number"), "IBZY2087");
  EXPECT_EQ(Field(t, "invoice_date"), "2017-12-31");
  EXPECT_EQ(Field(t, "total"), "1939");
  EXPECT_EQ(Field(t, "currency"), "INR");
  const auto extra = nlohmann::json::parse(t.extra_fields_json);
  EXPECT_EQ(extra.at("hotel_details"), "OYO 4189 Resort Nanganallur");
  EXPECT_EQ(extra.at("date_check_in"), "2017-12-31");
  EXPECT_EQ(extra.at("date_check_out"), "2018-01-01");
  EXPECT_EQ(extra.at("amount_rooms"), "1");
  EXPECT_EQ(extra.at("payment_method"), "Cash at Hotel");
  EXPECT_EQ(extra.at("gstin"), "06AABCO6063D1ZQ");
}

TEST(CorpusTest, FreeMobileFrenchMonthName) {
  const auto m =
      Corpus().Match(testing::LayoutOf("Free Mobile - FR25499247138\n"
                                       "Facture no 12345 du 14 f\xC3\xA9vrier 2024\n"
                                       "Total de la facture HT      16.66\n"
                                       "Montant \xC3\xA0 payer TTC*        19.99\n"));
  ASSERT_TRUE(m.has_value()) << m.error().message;
  ASSERT_TRUE(m->has_value());
  const TemplateMatch& t = **m;
  EXPECT_EQ(t.issuer, "Free Mobile");
  EXPECT_EQ(Field(t, "invoice_number"), "12345");
  EXPECT_EQ(Field(t, "invoice_date"), "2024-02-14");
  EXPECT_EQ(Field(t, "total"), "19.99");
  EXPECT_EQ(Field(t, "subtotal"), "16.66");
  EXPECT_EQ(Field(t, "vendor_tax_id"), "FR25499247138");
}

TEST(CorpusTest, MicrosoftHongKongWithWhitespaceRemoved) {
  const auto m =
      Corpus().Match(testing::LayoutOf("Microsoft Regional Sales Corporation         M9-0002526-N\n"
                                       "Invoice No.: 2017HK0042\n"
                                       "Document Date: 28/2/2017\n"
                                       "Grand Total 388.00 HKD\n"));
  ASSERT_TRUE(m.has_value()) << m.error().message;
  ASSERT_TRUE(m->has_value());
  const TemplateMatch& t = **m;
  EXPECT_EQ(t.issuer, "Microsoft Regional Sales Corporation");
  EXPECT_EQ(Field(t, "invoice_number"), "2017HK0042");
  EXPECT_EQ(Field(t, "invoice_date"), "2017-02-28");
  EXPECT_EQ(Field(t, "total"), "388.00");
  EXPECT_EQ(Field(t, "currency"), "HKD");
  EXPECT_EQ(t.fields.at("total").page, 1);
}

}  // namespace
}  // namespace invoicer::extract::templates
