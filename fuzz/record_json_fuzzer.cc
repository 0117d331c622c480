// Fuzzes the record JSON readers (codec/record_json.h): the field map and line item list
// columns the store reads back, which also come from clients' PATCH bodies and imports. An
// accepted value must render to JSON that reads back to the same value.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "codec/record_json.h"
#include "domain/validate.h"
#include "fuzz_check.h"

namespace codec = invoicer::codec;
namespace domain = invoicer::domain;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view json(reinterpret_cast<const char*>(data), size);

  auto fields = codec::FieldsFromJson(json);
  if (fields) {
    auto again = codec::FieldsFromJson(codec::FieldsToJson(*fields));
    FUZZ_CHECK(again.has_value());
    FUZZ_CHECK(*again == *fields);
  }
  auto items = codec::LineItemsFromJson(json);
  if (items) {
    auto again = codec::LineItemsFromJson(codec::LineItemsToJson(*items));
    FUZZ_CHECK(again.has_value());
    FUZZ_CHECK(*again == *items);
  }
  if (fields && items) {
    (void)domain::Validate(*fields, *items, domain::ValidationContext{});
  }
  if (auto issues = codec::IssuesFromJson(json)) {
    FUZZ_CHECK(codec::IssuesFromJson(codec::IssuesToJson(*issues)).has_value());
  }
  if (auto changes = codec::ChangesFromJson(json)) {
    auto again = codec::ChangesFromJson(codec::ChangesToJson(*changes));
    FUZZ_CHECK(again.has_value());
    FUZZ_CHECK(*again == *changes);
  }
  return 0;
}
