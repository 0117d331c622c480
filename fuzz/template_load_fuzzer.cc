// Fuzzes template loading (extract/templates/template_set.h): the input is one template file,
// JSON when it starts with '{', else YAML, loaded through TemplateSet::LoadFiles from a
// private temporary file; a template that loads is then matched against the input itself and
// against a fixed invoice text. A bad template must end as a LoadProblem or a Match error,
// never a crash or a hang.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "extract/document.h"
#include "extract/generic/box_reader.h"
#include "extract/templates/template_set.h"
#include "fuzz_check.h"

namespace extract = invoicer::extract;
namespace templates = invoicer::extract::templates;

namespace {

constexpr std::string_view kInvoiceText =
    "ACME Supplies GmbH  Rechnung Nr. RE-1  Datum: 14.03.2024\n"
    "Pos  Beschreibung  Menge  Preis  Betrag\n"
    "1    Schrauben        2    1,50    3,00\n"
    "Netto 3,00\nMwSt 19 % 0,57\nGesamtbetrag EUR 3,57\n"
    "Invoice # 42  Date March 3, 2024  Total due $12.00\n";

// Two paths per process (YAML and JSON), so parallel fuzzing processes never share a file.
std::string TempPath(std::string_view extension) {
  const char* dir = std::getenv("TMPDIR");
  return std::string(dir != nullptr ? dir : "/tmp") + "/invoicer-template-fuzz-" +
         std::to_string(getpid()) + std::string(extension);
}

void Match(const templates::TemplateSet& set, std::string_view text) {
  auto doc = extract::generic::ReadPlainText(text);
  if (!doc) return;
  (void)set.Match(extract::LayoutText::Build(*doc));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  static const std::string yaml_path = TempPath(".yml");
  static const std::string json_path = TempPath(".json");
  const std::string& path = !content.empty() && content.front() == '{' ? json_path : yaml_path;
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    FUZZ_CHECK(out.good());
  }
  auto set = templates::TemplateSet::LoadFiles({path});
  std::filesystem::remove(path);
  FUZZ_CHECK(set.has_value());
  // Every file given is either loaded or has a problem saying it was not.
  bool refused = false;
  for (const templates::LoadProblem& problem : set->problems()) refused |= !problem.loaded;
  FUZZ_CHECK(set->size() + (refused ? 1U : 0U) == 1U);
  if (set->size() == 0) return 0;
  Match(*set, content);
  Match(*set, kInvoiceText);
  return 0;
}
