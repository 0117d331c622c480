// Fuzzes the e-invoice XML reader (extract/einvoice.h): UBL and CII documents uploaded by
// clients or carried inside PDFs, then validated as every extraction result is.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "domain/validate.h"
#include "extract/einvoice.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view xml(reinterpret_cast<const char*>(data), size);
  auto invoice = invoicer::extract::ReadEInvoice(xml);
  if (!invoice) return 0;
  FUZZ_CHECK(invoice->syntax == "ubl" || invoice->syntax == "cii");
  for (const auto& [name, field] : invoice->fields) {
    FUZZ_CHECK(field.source == invoicer::domain::FieldSource::kEInvoice);
  }
  (void)invoicer::domain::Validate(invoice->fields, invoice->line_items,
                                   invoicer::domain::ValidationContext{});
  return 0;
}
