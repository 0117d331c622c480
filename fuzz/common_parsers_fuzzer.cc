// Fuzzes the strict value parsers of src/common that read client text: Decimal::Parse (money
// in PATCH bodies), Date::Parse, ParseRfc3339 and InvoiceId::Parse (ids and list cursors in
// URLs). Each accepted value must survive its own text form.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/ids.h"
#include "common/money.h"
#include "common/time.h"
#include "fuzz_check.h"

using invoicer::Date;
using invoicer::Decimal;
using invoicer::InvoiceId;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  if (auto decimal = Decimal::Parse(text)) {
    auto again = Decimal::Parse(decimal->ToString());
    FUZZ_CHECK(again.has_value());
    FUZZ_CHECK(*again == *decimal);
    FUZZ_CHECK(again->scale() == decimal->scale());
    FUZZ_CHECK(decimal->SignificantScale() <= decimal->scale());
    if (auto rounded = decimal->RescaledHalfEven(2)) FUZZ_CHECK(rounded->scale() == 2);
  }

  if (auto date = Date::Parse(text)) {
    FUZZ_CHECK(date->ToString() == text);
  }

  if (auto timestamp = invoicer::ParseRfc3339(text)) {
    auto again = invoicer::ParseRfc3339(invoicer::FormatRfc3339(*timestamp));
    FUZZ_CHECK(again.has_value());
    FUZZ_CHECK(*again == *timestamp);
  }

  if (auto id = InvoiceId::Parse(text)) {
    FUZZ_CHECK(id->str() == text);
  }
  return 0;
}
