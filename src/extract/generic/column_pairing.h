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
// arithmetic of a totals block (subtotal + tax (+ rounding) = total, tendered - change =
// total, total + rounding = rounded total) is taken, and none when no shift agrees.
// The relations may also end in a value of the block that no label takes (tendered - change
// or subtotal + tax equal to it, a total that is the sum of two of them).
// Returns, for each value line of a block that was paired, the index of its label line, or
// nullopt when the pairing left it without a label (it then takes no label from above).
std::map<std::size_t, std::optional<std::size_t>> PairColumnBlocks(
    const std::vector<PairingLine>& lines);

}  // namespace invoicer::extract::generic
