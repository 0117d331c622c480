#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/invoice.h"

namespace invoicer::extract::generic {

// One labelled document of an evaluation set: the file to extract and its ground truth
// (our field names; values as the set writes them).
struct LabelledDocument {
  std::string path;
  std::string name;  // the file's stem, for reports
  std::map<std::string, std::string> truth;
  std::optional<std::vector<domain::LineItem>> truth_items;
};

// How a SROIE folder is read: its box files (box/ID.csv), the same text as plain text with
// one box per line, or its scans (img/ID.jpg, only the receipts that have one).
enum class SroieInput { kBoxText, kPlainText, kImages };

// The SROIE folder layout (box/, img/, key/ID.json with company, date, address, total mapped
// to vendor_name, invoice_date, vendor_address, total). Errors: kInvalidInput when the
// folder or a key file cannot be read.
[[nodiscard]] Result<std::vector<LabelledDocument>> LoadSroie(const std::string& dir,
                                                              SroieInput input);

// A folder of documents with `truth/STEM.json` beside them (the e-invoice and synthetic
// sets): every file of the folder that has a truth file. Errors: kInvalidInput.
[[nodiscard]] Result<std::vector<LabelledDocument>> LoadTruthFolder(const std::string& dir);

// The SROIE box file as plain text, one box per line (the text after the eight coordinates).
std::string BoxTextToPlainText(std::string_view csv);

// Whether an extracted value matches the truth: dates compared as dates (a truth in a
// receipt's own format is read day-first unless that is impossible), amounts as numbers,
// names and addresses after collapsing white space and case (and the spaces around
// punctuation), IBANs and tax ids without spaces.
bool ValuesMatch(std::string_view field, std::string_view truth, std::string_view value);

struct FieldScore {
  std::string field;
  int documents = 0;  // documents evaluated
  int in_truth = 0;   // documents whose truth has the field
  int predicted = 0;  // documents where the extractor gave a value
  int correct = 0;    // predicted and matching the truth
  int exact = 0;      // value equals truth, or both absent
  double Precision() const { return predicted == 0 ? 0 : static_cast<double>(correct) / predicted; }
  double Recall() const { return in_truth == 0 ? 0 : static_cast<double>(correct) / in_truth; }
  double ExactMatch() const { return documents == 0 ? 0 : static_cast<double>(exact) / documents; }
};

struct Mismatch {
  std::string document;
  std::string field;
  std::string truth;  // empty when absent
  std::string value;  // empty when absent
};

struct Target {
  std::string field;
  double exact_match = 0;  // the least exact-match rate required
};

struct EvaluationReport {
  int documents = 0;
  int failed = 0;  // documents the extractor returned an error for
  std::vector<FieldScore> fields;
  std::vector<Mismatch> mismatches;
  std::vector<std::pair<std::string, std::string>> errors;  // document, message

  const FieldScore* Find(std::string_view field) const;
  // Per-field lines, then one line per target (met or not), then the summary line.
  std::string Format(const std::vector<Target>& targets) const;
  bool TargetsMet(const std::vector<Target>& targets) const;
};

// The extraction under evaluation, called for each document (from several threads at once
// when jobs > 1).
using ExtractDocument = std::function<Result<domain::ExtractionResult>(const LabelledDocument&)>;

// Runs `extract` over the documents with `jobs` threads and scores every field that appears
// in any truth (and line_items, compared by position and amount, where the truth has them).
// Thread-safe as long as `extract` is.
EvaluationReport Evaluate(const std::vector<LabelledDocument>& documents,
                          const ExtractDocument& extract, int jobs);

// The targets for the SROIE box text.
std::vector<Target> SroieTargets();

}  // namespace invoicer::extract::generic
