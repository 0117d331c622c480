#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "common/money.h"
#include "extract/generic/document_scan.h"

namespace invoicer::extract::generic {

// One chosen amount: the hit it was read from (index into DocumentScan::amounts()), its
// value and how certain the choice is.
struct MoneyPick {
  std::size_t hit = 0;
  Decimal value;
  double confidence = 0;
};

struct MoneyFields {
  std::optional<MoneyPick> total;
  std::optional<MoneyPick> subtotal;
  std::optional<MoneyPick> total_tax;
  std::optional<MoneyPick> amount_due;
  DecimalMark mark = DecimalMark::kUnknown;  // the mark the amounts were read with
};

// Chooses the invoice's total, subtotal, tax and amount due among the labelled amounts so
// that they agree: subtotal + tax = total (one tax line or the sum of several), the line
// items sum to the subtotal (or the total), tendered - change = total, total + rounding =
// the rounded total. Amounts agreed by arithmetic are more certain than ones found by their
// label alone. When the document's decimal mark is not settled by its numbers, both
// readings are tried and the one the arithmetic confirms wins; without confirmation the
// language decides and the amounts that depend on it are marked uncertain. Amounts inside
// the line-item table are not candidates.
MoneyFields ChooseMoney(const DocumentScan& scan, const std::vector<std::size_t>& line_item_hits,
                        const GenericOptions& options);

}  // namespace invoicer::extract::generic
