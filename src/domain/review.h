#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/invoice.h"

namespace invoicer::domain {

// A reviewer's correction, already parsed from JSON (codec/request_json.h). A field mapped to
// nullopt is removed ("due_date": null). `line_items`, when present, replaces the list.
struct ReviewPatch {
  std::map<std::string, std::optional<std::string>, std::less<>> fields;
  std::optional<std::vector<LineItem>> line_items;
};

// One changed value for the audit trail. Values are plain text (nullopt = absent), except
// when `json` is set: then they are JSON text (the line item list).
struct FieldChange {
  std::string field;
  std::optional<std::string> old_value;
  std::optional<std::string> new_value;
  bool json = false;
  friend bool operator==(const FieldChange&, const FieldChange&) = default;
};

// One entry of an invoice's audit trail (API.md GET .../history).
struct HistoryEntry {
  Timestamp at;
  std::string actor;
  std::string action;  // created, claimed, extracted, extraction_failed, claim_expired, ...
  std::optional<ProcessingState> from_state;
  std::optional<ProcessingState> to_state;
  std::int64_t review_version = 0;  // the version after the change
  std::vector<FieldChange> changes;
};

// Checks every field of the patch: a known, non-protected name (UNKNOWN_FIELD /
// PROTECTED_FIELD) and a value of the right form for its kind (INVALID_VALUE): dates
// YYYY-MM-DD and real, money a decimal with at most the currency's decimals (the
// patch's currency if it sets one, else `current_currency`, else 2), currency a known ISO
// code, IBAN with valid check digits. Returns the patch with values canonicalised
// (IBAN without spaces, upper-case codes).
[[nodiscard]] Result<ReviewPatch> CheckPatch(const ReviewPatch& patch,
                                             std::optional<std::string_view> current_currency);

// Applies a checked patch: edited fields get source human, confidence 1, no page/box.
// Appends to `changes` one entry per field whose value really changed (and one
// "line_items" entry with JSON text if the list changed; `line_items_json` renders a list).
Invoice ApplyPatch(const Invoice& current, const ReviewPatch& patch,
                   std::vector<FieldChange>& changes,
                   std::string (*line_items_json)(const std::vector<LineItem>&));

}  // namespace invoicer::domain
