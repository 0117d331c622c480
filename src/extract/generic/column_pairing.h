#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/money.h"

namespace invoicer::extract::generic {

// What a line holds besides its values.
enum class LineKind {
  kValuesOnly,  // amounts and nothing that can be a label
  kLabelOnly,   // words, no value
  kNeutral,     // neither (a lone currency sign, rules, blank-ish)
  kMixed,       // labels and values, or a date
};

// One line as the pairing sees it.
struct PairingLine {
  LineKind kind = LineKind::kNeutral;
  std::size_t page = 0;
  std::string folded;            // the line's folded text (labels)
  std::optional<Decimal> value;  // the last amount of a kValuesOnly line
};

// Text whose columns were read one after the other has a block of label lines followed by
// the block of their values ("TOTAL / CASH / CHANGE" then "26.60 / 100.00 / 73.40"). The
// two blocks are aligned by position; when their lengths differ (a heading above the
// labels, item amounts before the values) the shift whose pairs agree best with the
// arithmetic of a totals block (subtotal + tax (+ rounding) = total, subtotal + rounding =
// total, tendered - change = total, total + rounding = rounded total) is taken. A label that
// names no amount ("REASON:") may be passed over when that agrees better. The relations may
// also end in a value of the block that no label takes (tendered - change or subtotal + tax
// equal to it, a total that is the sum of two of them), but weigh less then.
// Labels a block leaves without a value are carried to the next block (its values may have
// been read later: "TOTAL / ROUNDING / CASH", a tax summary's values, then theirs), where
// they take part in the arithmetic. Without arithmetic, blocks of equal length pair one to
// one and a longer label block pairs its last labels, leaving out the sentences that end it
// ("THANK YOU FOR SHOPPING") and the values written with other decimals than the document's
// amounts ("1.000" litres among "50.00"); a block of more values stays unpaired.
// Returns, for each value line of a block that was paired, the index of its label line, or
// nullopt when the pairing left it without a label (it then takes no label from above).
std::map<std::size_t, std::optional<std::size_t>> PairColumnBlocks(
    const std::vector<PairingLine>& lines);

}  // namespace invoicer::extract::generic
