// Fuzzes domain::SniffMediaType, which judges every uploaded document's type from its bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "domain/media_type.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (auto type = invoicer::domain::SniffMediaType(bytes)) {
    FUZZ_CHECK(!invoicer::domain::ExtensionFor(*type).empty());
  }
  return 0;
}
