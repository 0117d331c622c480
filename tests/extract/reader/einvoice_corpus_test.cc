// Runs the e-invoice reader over every document of ../shared/corpus/einvoice-dev and compares
// each truth field (the corpus README's rules: numbers numerically, IBAN without spaces, text
// with white space collapsed, line items by position). The target is 100%.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "extract/einvoice.h"
#include "extract/pdf_reader.h"

namespace invoicer::extract {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = fs::path(INVOICER_CORPUS_DIR) / "einvoice-dev";

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string NoSpaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != ' ') out += c;
  }
  return out;
}

bool SameNumber(const std::string& truth, const std::optional<Decimal>& got) {
  auto want = Decimal::Parse(truth.back() == '.' ? truth.substr(0, truth.size() - 1) : truth);
  return want.has_value() && got.has_value() && *want == *got;
}

bool SameField(const std::string& key, const std::string& truth, const std::string& got) {
  if (key == "subtotal" || key == "total_tax" || key == "total" || key == "amount_due") {
    auto g = Decimal::Parse(got);
    return g.has_value() && SameNumber(truth, *g);
  }
  if (key == "iban") return NoSpaces(truth) == got;
  return Collapse(truth) == Collapse(got);
}

constexpr std::string_view kTruthKeys[] = {
    "invoice_number", "invoice_date",  "due_date",   "currency",        "vendor_name",
    "vendor_tax_id",  "customer_name", "customer_tax_id", "purchase_order", "subtotal",
    "total_tax",      "total",         "amount_due", "iban",            "payment_terms"};

struct Score {
  int checked = 0;
  std::vector<std::string> failures;
};

void Compare(const std::string& doc, const nlohmann::json& truth, const EInvoice& got,
             Score& score) {
  for (std::string_view key : kTruthKeys) {
    ++score.checked;
    const std::string k(key);
    const auto it = got.fields.find(key);
    if (!truth.contains(k)) {
      if (it != got.fields.end()) score.failures.push_back(doc + ": unexpected " + k);
      continue;
    }
    const std::string want = truth[k].get<std::string>();
    if (it == got.fields.end()) {
      score.failures.push_back(doc + ": missing " + k);
    } else if (!SameField(k, want, it->second.value)) {
      score.failures.push_back(doc + ": " + k + " '" + it->second.value + "' != '" + want + "'");
    }
  }
  const nlohmann::json lines = truth.value("line_items", nlohmann::json::array());
  ++score.checked;
  if (lines.size() != got.line_items.size()) {
    score.failures.push_back(doc + ": " + std::to_string(got.line_items.size()) +
                             " line items != " + std::to_string(lines.size()));
    return;
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const nlohmann::json& want = lines[i];
    const domain::LineItem& item = got.line_items[i];
    auto check = [&](const char* key, const std::optional<Decimal>& value) {
      ++score.checked;
      if (want.contains(key) ? !SameNumber(want[key].get<std::string>(), value)
                             : value.has_value()) {
        score.failures.push_back(doc + ": line " + std::to_string(i + 1) + " " + key);
      }
    };
    ++score.checked;
    if (Collapse(want.value("description", "")) != Collapse(item.description)) {
      score.failures.push_back(doc + ": line " + std::to_string(i + 1) + " description");
    }
    check("quantity", item.quantity);
    check("unit_price", item.unit_price);
    check("amount", item.amount);
    check("tax_rate", item.tax_rate);
  }
}

TEST(EInvoiceCorpusTest, ReadsEveryTruthFieldOfEveryDocument) {
  if (!fs::exists(kCorpus)) GTEST_SKIP() << "corpus not found at " << kCorpus;
  Score score;
  int documents = 0;
  for (const char* folder : {"ubl", "cii", "pdf"}) {
    for (const auto& entry : fs::directory_iterator(kCorpus / folder)) {
      if (!entry.is_regular_file()) continue;
      const fs::path path = entry.path();
      const fs::path truth_path = kCorpus / folder / "truth" / (path.stem().string() + ".json");
      if (!fs::exists(truth_path)) continue;
      ++documents;
      const std::string name = std::string(folder) + "/" + path.filename().string();
      const std::string bytes = ReadFile(path);
      std::string xml = bytes;
      if (path.extension() == ".pdf") {
        auto pdf = PdfDocument::Open(bytes, PdfLimits{});
        ASSERT_TRUE(pdf.has_value()) << name << ": " << pdf.error().message;
        auto attachment = pdf->InvoiceAttachment();
        if (!attachment) {
          score.failures.push_back(name + ": no invoice attachment found");
          continue;
        }
        xml = std::move(attachment->data);
      }
      auto invoice = ReadEInvoice(xml);
      if (!invoice) {
        score.failures.push_back(name + ": " + invoice.error().message);
        continue;
      }
      Compare(name, nlohmann::json::parse(ReadFile(truth_path)), *invoice, score);
    }
  }
  EXPECT_EQ(documents, 124);
  std::string report;
  for (const std::string& f : score.failures) report += f + "\n";
  EXPECT_TRUE(score.failures.empty()) << score.failures.size() << " of " << score.checked
                                      << " checks failed:\n"
                                      << report;
}

}  // namespace
}  // namespace invoicer::extract
