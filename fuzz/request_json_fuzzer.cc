// Fuzzes the JSON request bodies of the HTTP API (codec/request_json.h) the way the service
// uses them: a PATCH body is parsed, checked by domain::CheckPatch, applied to a stored
// invoice, validated and rendered back as the API record; the validate/reopen, reject and
// export bodies are parsed; every error is rendered as the API's error body, which must be
// JSON (client text ends up in its details).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "codec/record_json.h"
#include "codec/request_json.h"
#include "domain/invoice.h"
#include "domain/review.h"
#include "domain/validate.h"
#include "fuzz_check.h"

namespace codec = invoicer::codec;
namespace domain = invoicer::domain;

namespace {

void CheckErrorBody(const invoicer::Error& error) {
  FUZZ_CHECK(nlohmann::json::accept(codec::ErrorToJson(error)));
}

domain::Invoice StoredInvoice() {
  domain::Invoice invoice;
  invoice.fields["invoice_number"] = domain::FieldValue{"INV-1", 0.95, domain::FieldSource::kText,
                                                        1, domain::BoundingBox{1, 2, 3, 4}};
  invoice.fields["currency"] = domain::FieldValue{"EUR", 1, domain::FieldSource::kText, 1, {}};
  invoice.fields["total"] = domain::FieldValue{"119.00", 0.9, domain::FieldSource::kText, 1, {}};
  return invoice;
}

void Patch(std::string_view body) {
  auto request = codec::ParsePatchRequest(body);
  if (!request) return CheckErrorBody(request.error());
  static const domain::Invoice stored = StoredInvoice();
  for (const std::optional<std::string_view> currency :
       {std::optional<std::string_view>{}, std::optional<std::string_view>{"JPY"}}) {
    auto checked = domain::CheckPatch(request->patch, currency);
    if (!checked) {
      CheckErrorBody(checked.error());
      continue;
    }
    std::vector<domain::FieldChange> changes;
    const domain::Invoice edited =
        domain::ApplyPatch(stored, *checked, changes, &codec::LineItemsToJson);
    const auto issues = domain::Validate(edited.fields, edited.line_items, domain::ValidationContext{});
    FUZZ_CHECK(nlohmann::json::accept(codec::InvoiceToJson(edited)));
    FUZZ_CHECK(nlohmann::json::accept(codec::IssuesToJson(issues)));
    FUZZ_CHECK(nlohmann::json::accept(codec::ChangesToJson(changes)));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  Patch(body);
  if (auto version = codec::ParseVersionRequest(body); !version) CheckErrorBody(version.error());
  if (auto reject = codec::ParseRejectRequest(body); !reject) CheckErrorBody(reject.error());
  if (auto request = codec::ParseExportRequest(body); !request) {
    CheckErrorBody(request.error());
  } else {
    FUZZ_CHECK(request->format == "csv" || request->format == "json" || request->format == "ubl");
  }
  return 0;
}
