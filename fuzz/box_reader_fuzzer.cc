// Fuzzes the readers of text recognised elsewhere (extract/generic/box_reader.h): the SROIE
// box layout and plain text, then what the engine does with their output: the layout text
// that templates match on, its word locations, and the generic extractor.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/document.h"
#include "extract/generic/box_reader.h"
#include "extract/generic/generic_extractor.h"
#include "fuzz_check.h"

namespace extract = invoicer::extract;
namespace generic = invoicer::extract::generic;

namespace {

void Use(const extract::TextDocument& doc) {
  for (const extract::Page& page : doc.pages) {
    for (const extract::Line& line : page.lines) FUZZ_CHECK(!line.words.empty());
  }
  const extract::LayoutText layout = extract::LayoutText::Build(doc);
  const std::size_t size = layout.text().size();
  (void)layout.Locate(0, size);
  (void)layout.Locate(size / 3, size / 2);
  static const generic::GenericExtractor extractor;
  (void)extractor.Extract(doc);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto boxes = generic::ReadBoxText(text)) Use(*boxes);
  if (auto plain = generic::ReadPlainText(text)) Use(*plain);
  return 0;
}
