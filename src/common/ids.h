#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "common/time.h"

namespace invoicer {

// The id of an invoice: a UUIDv7 in canonical lower-case text form, so ids sort by creation
// time as strings. A strong type: construct with New or Parse only.
class InvoiceId {
 public:
  InvoiceId() = default;  // empty: not a valid id; only for default-constructed records
  // A fresh id for a record created at `now`. Ids made by one process are strictly
  // increasing (a 12-bit sequence within the same millisecond). Thread-safe.
  static InvoiceId New(Timestamp now);
  // Accepts only the canonical form (36 chars, lower-case hex, version 7); anything else
  // (other shapes, path traversal) is nullopt, which the API reports as 404.
  static std::optional<InvoiceId> Parse(std::string_view text);

  const std::string& str() const { return value_; }
  friend auto operator<=>(const InvoiceId&, const InvoiceId&) = default;

 private:
  explicit InvoiceId(std::string value) : value_(std::move(value)) {}
  std::string value_;
};

}  // namespace invoicer
