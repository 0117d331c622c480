#include "extract/generic/evaluation.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "extract/generic/amounts.h"
#include "extract/generic/dates.h"
#include "extract/generic/text_fold.h"

namespace invoicer::extract::generic {

namespace fs = std::filesystem;

namespace {

std::optional<std::string> ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// A truth file: a JSON object of strings, and optionally line_items.
Result<LabelledDocument> ReadTruth(const fs::path& path,
                                   const std::map<std::string, std::string>& renames) {
  const auto text = ReadFile(path);
  if (!text) return errors::BadRequest("cannot read " + path.filename().string());
  const nlohmann::json json = nlohmann::json::parse(*text, nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    return errors::BadRequest(path.filename().string() + " is not a JSON object");
  }
  LabelledDocument doc;
  doc.name = path.stem().string();
  for (const auto& [key, value] : json.items()) {
    if (key == "line_items" && value.is_array()) {
      std::vector<domain::LineItem> items;
      for (const auto& line : value) {
        domain::LineItem item;
        auto number = [&](const char* name) -> std::optional<Decimal> {
          if (!line.contains(name) || !line[name].is_string()) return std::nullopt;
          auto d = Decimal::Parse(line[name].get<std::string>());
          if (!d) return std::nullopt;
          return *d;
        };
        if (line.contains("description") && line["description"].is_string()) {
          item.description = line["description"].get<std::string>();
        }
        item.quantity = number("quantity");
        item.unit_price = number("unit_price");
        item.amount = number("amount");
        item.tax_rate = number("tax_rate");
        items.push_back(std::move(item));
      }
      doc.truth_items = std::move(items);
      continue;
    }
    if (!value.is_string()) continue;
    const auto renamed = renames.find(key);
    doc.truth[renamed == renames.end() ? key : renamed->second] = value.get<std::string>();
  }
  return doc;
}

std::string NormaliseText(std::string_view text) {
  std::string lower;
  for (const char c : text)
    lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  const std::string collapsed = CollapseSpaces(lower);
  // OCR and transcriptions differ in the spaces around punctuation ("27,JALAN" / "27, JALAN").
  std::string out;
  auto punct = [](char c) { return std::ispunct(static_cast<unsigned char>(c)) != 0; };
  for (std::size_t i = 0; i < collapsed.size(); ++i) {
    if (collapsed[i] == ' ' && ((i > 0 && punct(collapsed[i - 1])) ||
                                (i + 1 < collapsed.size() && punct(collapsed[i + 1])))) {
      continue;
    }
    out.push_back(collapsed[i]);
  }
  return out;
}

std::string WithoutSpaces(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (!std::isspace(static_cast<unsigned char>(c))) {
      out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
  }
  return out;
}

std::optional<Decimal> TruthAmount(std::string_view text) {
  const auto amount = ParseAmount(text);
  if (!amount) return std::nullopt;
  return amount->Value(DecimalMark::kDot);
}

std::string Percent(double ratio) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.1f%%", ratio * 100);
  return buffer;
}

bool IsMoneyField(std::string_view field) {
  return field == "total" || field == "subtotal" || field == "total_tax" || field == "amount_due";
}

bool ItemsMatch(const std::vector<domain::LineItem>& truth,
                const std::vector<domain::LineItem>& got) {
  if (truth.size() != got.size()) return false;
  for (std::size_t i = 0; i < truth.size(); ++i) {
    if (truth[i].amount != got[i].amount) return false;
  }
  return true;
}

}  // namespace

bool ValuesMatch(std::string_view field, std::string_view truth, std::string_view value) {
  if (field == "invoice_date" || field == "due_date") {
    // Truths copied from a receipt may keep what surrounds the date: "(06/12/2016)".
    std::string_view bare = truth;
    while (!bare.empty() && !std::isalnum(static_cast<unsigned char>(bare.front())))
      bare.remove_prefix(1);
    while (!bare.empty() && !std::isalnum(static_cast<unsigned char>(bare.back())))
      bare.remove_suffix(1);
    const auto t = ParseDate(bare);
    const auto v = Date::Parse(value);
    if (!t || !v) return CollapseSpaces(truth) == CollapseSpaces(value);
    // Receipts in the SROIE set print day-first dates; a truth that cannot be day-first
    // (02/17/26) is read month-first.
    return t->Value(DateOrder::kDayFirst) == *v;
  }
  if (IsMoneyField(field)) {
    const auto t = TruthAmount(truth);
    const auto v = Decimal::Parse(value);
    return t && v && *t == *v;
  }
  if (field == "iban" || field == "vendor_tax_id" || field == "customer_tax_id" || field == "bic" ||
      field == "currency") {
    return WithoutSpaces(truth) == WithoutSpaces(value);
  }
  return NormaliseText(truth) == NormaliseText(value);
}

std::string BoxTextToPlainText(std::string_view csv) {
  std::string out;
  std::size_t start = 0;
  while (start < csv.size()) {
    std::size_t end = csv.find('\n', start);
    if (end == std::string_view::npos) end = csv.size();
    std::string_view line = csv.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::size_t pos = 0;
    for (int comma = 0; comma < 8 && pos != std::string_view::npos; ++comma) {
      pos = line.find(',', pos);
      if (pos != std::string_view::npos) ++pos;
    }
    if (pos != std::string_view::npos && !CollapseSpaces(line).empty()) {
      out += line.substr(pos);
      out += '\n';
    }
    start = end + 1;
  }
  return out;
}

Result<std::vector<LabelledDocument>> LoadSroie(const std::string& dir, SroieInput input) {
  const fs::path root(dir);
  std::error_code ec;
  if (!fs::is_directory(root / "key", ec)) return errors::BadRequest("no key/ folder in " + dir);
  const std::map<std::string, std::string> renames{{"company", "vendor_name"},
                                                   {"address", "vendor_address"},
                                                   {"date", "invoice_date"},
                                                   {"total", "total"}};
  std::vector<fs::path> keys;
  for (const auto& entry : fs::directory_iterator(root / "key", ec)) {
    if (entry.path().extension() == ".json") keys.push_back(entry.path());
  }
  std::sort(keys.begin(), keys.end());
  std::vector<LabelledDocument> out;
  for (const fs::path& key : keys) {
    const std::string stem = key.stem().string();
    const fs::path document = input == SroieInput::kImages ? root / "img" / (stem + ".jpg")
                                                           : root / "box" / (stem + ".csv");
    if (!fs::exists(document, ec)) continue;
    auto doc = ReadTruth(key, renames);
    if (!doc) return std::move(doc).error();
    doc->path = document.string();
    out.push_back(std::move(*doc));
  }
  if (out.empty()) return errors::BadRequest("no labelled documents in " + dir);
  return out;
}

Result<std::vector<LabelledDocument>> LoadTruthFolder(const std::string& dir) {
  const fs::path root(dir);
  std::error_code ec;
  if (!fs::is_directory(root / "truth", ec))
    return errors::BadRequest("no truth/ folder in " + dir);
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(root, ec)) {
    if (entry.is_regular_file() &&
        fs::exists(root / "truth" / (entry.path().stem().string() + ".json"))) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<LabelledDocument> out;
  for (const fs::path& file : files) {
    auto doc = ReadTruth(root / "truth" / (file.stem().string() + ".json"), {});
    if (!doc) return std::move(doc).error();
    doc->path = file.string();
    doc->name = file.filename().string();
    out.push_back(std::move(*doc));
  }
  if (out.empty()) return errors::BadRequest("no documents with truth files in " + dir);
  return out;
}

const FieldScore* EvaluationReport::Find(std::string_view field) const {
  for (const FieldScore& f : fields) {
    if (f.field == field) return &f;
  }
  return nullptr;
}

bool EvaluationReport::TargetsMet(const std::vector<Target>& targets) const {
  return std::all_of(targets.begin(), targets.end(), [&](const Target& t) {
    const FieldScore* f = Find(t.field);
    return f != nullptr && f->ExactMatch() >= t.exact_match;
  });
}

std::string EvaluationReport::Format(const std::vector<Target>& targets) const {
  std::ostringstream out;
  char line[160];
  std::snprintf(line, sizeof line, "%-18s %6s %6s %6s %8s %10s %8s %8s\n", "field", "docs", "truth",
                "pred", "correct", "precision", "recall", "exact");
  out << line;
  double exact_sum = 0;
  for (const FieldScore& f : fields) {
    std::snprintf(line, sizeof line, "%-18s %6d %6d %6d %8d %10s %8s %8s\n", f.field.c_str(),
                  f.documents, f.in_truth, f.predicted, f.correct, Percent(f.Precision()).c_str(),
                  Percent(f.Recall()).c_str(), Percent(f.ExactMatch()).c_str());
    out << line;
    exact_sum += f.ExactMatch();
  }
  int met = 0;
  for (const Target& t : targets) {
    const FieldScore* f = Find(t.field);
    const double got = f == nullptr ? 0 : f->ExactMatch();
    const bool ok = got >= t.exact_match;
    met += ok ? 1 : 0;
    out << "target " << t.field << " exact-match " << Percent(got)
        << " >= " << Percent(t.exact_match) << ": " << (ok ? "met" : "NOT MET") << "\n";
  }
  out << "summary: documents " << documents << ", failed " << failed << ", fields " << fields.size()
      << ", mean exact-match "
      << Percent(fields.empty() ? 0 : exact_sum / static_cast<double>(fields.size()));
  if (!targets.empty()) out << ", targets met " << met << "/" << targets.size();
  out << "\n";
  return out.str();
}

EvaluationReport Evaluate(const std::vector<LabelledDocument>& documents,
                          const ExtractDocument& extract, int jobs) {
  std::vector<std::optional<Result<domain::ExtractionResult>>> results(documents.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < documents.size(); i = next++)
      results[i].emplace(extract(documents[i]));
  };
  std::vector<std::thread> threads;
  for (int t = 1; t < std::max(1, jobs); ++t) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();

  EvaluationReport report;
  report.documents = static_cast<int>(documents.size());
  std::set<std::string> names;
  bool any_items = false;
  for (const auto& d : documents) {
    for (const auto& [k, v] : d.truth) names.insert(k);
    any_items = any_items || d.truth_items.has_value();
  }
  std::map<std::string, FieldScore> scores;
  for (const auto& n : names) scores[n].field = n;
  if (any_items) scores["line_items"].field = "line_items";
  for (std::size_t i = 0; i < documents.size(); ++i) {
    const LabelledDocument& doc = documents[i];
    const Result<domain::ExtractionResult>& r = *results[i];
    if (!r) {
      ++report.failed;
      report.errors.emplace_back(doc.name, r.error().message);
    }
    for (auto& [name, score] : scores) {
      ++score.documents;
      if (name == "line_items") {
        const bool has_truth = doc.truth_items.has_value() && !doc.truth_items->empty();
        const bool predicted = r && !r->line_items.empty();
        score.in_truth += has_truth ? 1 : 0;
        score.predicted += predicted ? 1 : 0;
        const bool match = has_truth && predicted && ItemsMatch(*doc.truth_items, r->line_items);
        score.correct += match ? 1 : 0;
        score.exact += (match || (!has_truth && !predicted)) ? 1 : 0;
        continue;
      }
      const auto truth = doc.truth.find(name);
      const domain::FieldValue* value = nullptr;
      if (r) {
        const auto it = r->fields.find(name);
        if (it != r->fields.end()) value = &it->second;
      }
      const bool has_truth = truth != doc.truth.end();
      score.in_truth += has_truth ? 1 : 0;
      score.predicted += value != nullptr ? 1 : 0;
      const bool match =
          has_truth && value != nullptr && ValuesMatch(name, truth->second, value->value);
      score.correct += match ? 1 : 0;
      score.exact += (match || (!has_truth && value == nullptr)) ? 1 : 0;
      if (!match && (has_truth || value != nullptr)) {
        report.mismatches.push_back(
            {doc.name, name, has_truth ? truth->second : "", value != nullptr ? value->value : ""});
      }
    }
  }
  for (auto& [name, score] : scores) report.fields.push_back(score);
  return report;
}

std::vector<Target> SroieTargets() {
  return {{"total", 0.95}, {"invoice_date", 0.97}, {"vendor_name", 0.85}, {"vendor_address", 0.80}};
}

}  // namespace invoicer::extract::generic
