#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "domain/invoice.h"
#include "domain/review.h"

// The JSON forms of the domain types: the API record of API.md and the columns the stores
// keep as JSON text. The one adapter of nlohmann-json for domain types; callers see only
// std::string. Parsers return kInvalidInput (BAD_REQUEST) on malformed text.
namespace invoicer::codec {

// {"invoice_number": {"value", "confidence", "source", "page", "bbox"}, ...}
std::string FieldsToJson(const domain::FieldMap& fields);
[[nodiscard]] Result<domain::FieldMap> FieldsFromJson(std::string_view json);

// [{"description", "quantity", "unit_price", "amount", "tax_rate"}]; absent values omitted;
// numbers as decimal strings.
std::string LineItemsToJson(const std::vector<domain::LineItem>& items);
[[nodiscard]] Result<std::vector<domain::LineItem>> LineItemsFromJson(std::string_view json);

// [{"code", "severity", "message", "fields"}]
std::string IssuesToJson(const std::vector<domain::ValidationIssue>& issues);
[[nodiscard]] Result<std::vector<domain::ValidationIssue>> IssuesFromJson(std::string_view json);

// {"field": [old, new]} (null for absent; raw JSON when FieldChange::json).
std::string ChangesToJson(const std::vector<domain::FieldChange>& changes);
[[nodiscard]] Result<std::vector<domain::FieldChange>> ChangesFromJson(std::string_view json);

// A JSON object as canonical text (parsed and written again); "{}" when `json` is not an
// object. Stores keep extractor-made extra fields this way, so a record can embed them as
// they are.
std::string CanonicalObjectJson(std::string_view json);

// The full API record (API.md "The invoice record"), with review_lease when held and
// reject_reason when rejected. The view form embeds its content text as it is, so a record
// read from a store is written without decoding its content; both forms give the same text.
std::string InvoiceToJson(const domain::Invoice& invoice);
std::string InvoiceToJson(const domain::InvoiceView& view);
// {"items": [records...], "next": "cursor" | null}
std::string InvoiceListToJson(const std::vector<domain::InvoiceView>& items,
                              const std::optional<std::string>& next);
// JSON array of records (the JSON export).
std::string InvoiceArrayToJson(const std::vector<domain::Invoice>& items);
// {"items": [{at, actor, action, from_state, to_state, review_version, changes}]}
std::string HistoryToJson(const std::vector<domain::HistoryEntry>& entries);

}  // namespace invoicer::codec
