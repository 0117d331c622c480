#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "extract/generic/box_reader.h"
#include "extract/generic/evaluation.h"
#include "extract/generic/generic_extractor.h"

namespace invoicer::extract::generic {
namespace {

const std::string kSroie = std::string(INVOICER_CORPUS_DIR) + "/sroie-dev";

EvaluationReport RunSroie(SroieInput input) {
  auto documents = LoadSroie(kSroie, SroieInput::kBoxText);
  EXPECT_TRUE(documents.has_value());
  if (!documents) return {};
  const GenericExtractor extractor;
  return Evaluate(
      *documents,
      [&](const LabelledDocument& doc) -> Result<domain::ExtractionResult> {
        std::ifstream in(doc.path, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        auto text = input == SroieInput::kPlainText ? ReadPlainText(BoxTextToPlainText(bytes.str()))
                                                    : ReadBoxText(bytes.str());
        if (!text) return std::move(text).error();
        return extractor.Extract(*text);
      },
      2);
}

TEST(SroieEvaluationTest, BoxTextMeetsTheTargets) {
  const EvaluationReport report = RunSroie(SroieInput::kBoxText);
  EXPECT_EQ(report.documents, 226);
  EXPECT_EQ(report.failed, 0);
  for (const Target& target : SroieTargets()) {
    const FieldScore* score = report.Find(target.field);
    ASSERT_NE(score, nullptr) << target.field;
    EXPECT_GE(score->ExactMatch(), target.exact_match) << target.field << "\n"
                                                       << report.Format(SroieTargets());
  }
}

TEST(SroieEvaluationTest, PlainTextWithOneBoxPerLineMeetsTheTargetsLikeBoxText) {
  const EvaluationReport box = RunSroie(SroieInput::kBoxText);
  const EvaluationReport text = RunSroie(SroieInput::kPlainText);
  EXPECT_EQ(text.failed, 0);
  // Issue 3 asks for the same score with or without boxes.
  for (const Target& target : SroieTargets()) {
    const FieldScore* b = box.Find(target.field);
    const FieldScore* t = text.Find(target.field);
    ASSERT_TRUE(b != nullptr && t != nullptr) << target.field;
    EXPECT_EQ(t->exact, b->exact) << target.field << "\n"
                                  << box.Format(SroieTargets()) << text.Format(SroieTargets());
    EXPECT_GE(t->ExactMatch(), target.exact_match) << target.field;
  }
}

TEST(SroieEvaluationTest, ComparesValuesTheWayTheSetWritesThem) {
  EXPECT_TRUE(ValuesMatch("invoice_date", "25/12/2018", "2018-12-25"));
  EXPECT_TRUE(ValuesMatch("invoice_date", "15 JAN 2018", "2018-01-15"));
  EXPECT_TRUE(ValuesMatch("invoice_date", "(06/12/2016)", "2016-12-06"));
  EXPECT_TRUE(ValuesMatch("invoice_date", "20180304", "2018-03-04"));
  EXPECT_FALSE(ValuesMatch("invoice_date", "25/12/2018", "2018-12-24"));
  EXPECT_TRUE(ValuesMatch("total", "RM60.30", "60.30"));
  EXPECT_TRUE(ValuesMatch("total", "60.3", "60.30"));
  EXPECT_FALSE(ValuesMatch("total", "60.30", "60.31"));
  EXPECT_TRUE(ValuesMatch("vendor_address", "27, JALAN DEDAP 13, TAMAN JOHOR",
                          "27,JALAN DEDAP 13,\nTAMAN  johor"));
  EXPECT_FALSE(ValuesMatch("vendor_name", "TEO HENG", "TED HENG"));
  EXPECT_TRUE(ValuesMatch("iban", "DE12 1234 4321 9876 00", "DE12123443219876 00"));
}

TEST(SroieEvaluationTest, ReportsAMissingFolder) {
  const auto documents = LoadSroie("/nonexistent/sroie", SroieInput::kBoxText);
  ASSERT_FALSE(documents.has_value());
  EXPECT_EQ(documents.error().code, ErrorCode::kInvalidInput);
  const auto truth = LoadTruthFolder("/nonexistent/truth");
  ASSERT_FALSE(truth.has_value());
  EXPECT_EQ(truth.error().code, ErrorCode::kInvalidInput);
}

TEST(EvaluationReportTest, PrintsFieldsTargetsAndASummary) {
  std::vector<LabelledDocument> docs(2);
  docs[0].name = "a";
  docs[0].truth = {{"total", "10.00"}};
  docs[1].name = "b";
  docs[1].truth = {{"total", "20.00"}};
  const auto report = Evaluate(
      docs,
      [](const LabelledDocument& d) -> Result<domain::ExtractionResult> {
        if (d.name == "b") return errors::UnreadableDocument("damaged");
        domain::ExtractionResult r;
        r.fields["total"].value = "10.00";
        return r;
      },
      1);
  EXPECT_EQ(report.failed, 1);
  const FieldScore* total = report.Find("total");
  ASSERT_NE(total, nullptr);
  EXPECT_EQ(total->correct, 1);
  EXPECT_DOUBLE_EQ(total->Precision(), 1.0);
  EXPECT_DOUBLE_EQ(total->Recall(), 0.5);
  EXPECT_DOUBLE_EQ(total->ExactMatch(), 0.5);
  const std::string text = report.Format({{"total", 0.95}});
  EXPECT_NE(text.find("target total exact-match 50.0% >= 95.0%: NOT MET"), std::string::npos)
      << text;
  EXPECT_NE(text.find("summary: documents 2, failed 1"), std::string::npos) << text;
  EXPECT_FALSE(report.TargetsMet({{"total", 0.95}}));
}

}  // namespace
}  // namespace invoicer::extract::generic
