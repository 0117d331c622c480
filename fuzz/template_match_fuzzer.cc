// Fuzzes matching a document's text against a fixed set of issuer templates
// (extract/templates/template_set.h): the input is a plain-text invoice (box_reader.h's
// ReadPlainText, as `invoicer extract` reads .txt files), matched against the templates in
// $INVOICER_FUZZ_TEMPLATES (default: fuzz/templates, which exercise every parser and option).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "extract/document.h"
#include "extract/generic/box_reader.h"
#include "extract/templates/template_set.h"
#include "fuzz_check.h"

namespace extract = invoicer::extract;
namespace templates = invoicer::extract::templates;

namespace {

std::unique_ptr<templates::TemplateSet> g_set;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  const char* env = std::getenv("INVOICER_FUZZ_TEMPLATES");
  const std::string dir = env != nullptr ? env : INVOICER_FUZZ_DEFAULT_TEMPLATES;
  auto set = templates::TemplateSet::LoadDirectory(dir);
  if (!set || set->size() == 0) {
    std::fprintf(stderr, "template_match_fuzzer: no templates loaded from %s\n", dir.c_str());
    std::abort();
  }
  std::fprintf(stderr, "template_match_fuzzer: %zu templates from %s\n", set->size(), dir.c_str());
  g_set = std::make_unique<templates::TemplateSet>(std::move(*set));
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto doc = extract::generic::ReadPlainText(text);
  if (!doc) return 0;
  auto match = g_set->Match(extract::LayoutText::Build(*doc));
  if (match && *match) FUZZ_CHECK(!(*match)->issuer.empty());
  return 0;
}
