#include "extract/generic/column_pairing.h"

#include <algorithm>

#include "extract/generic/labels.h"

namespace invoicer::extract::generic {

namespace {

struct Pair {
  AmountRole role;
  Decimal value;
};

bool SumIs(const Decimal& a, const Decimal& b, const Decimal& total) {
  const auto sum = a.Add(b);
  return sum && *sum == total;
}

// True when `v` is a positive amount among `values` (a zero total agrees with anything).
bool Contains(const std::vector<Decimal>& values, const Result<Decimal>& v) {
  return v && !v->IsZero() && !v->IsNegative() &&
         std::find(values.begin(), values.end(), *v) != values.end();
}

// How many relations of a totals block the pairs satisfy. `others` are the block's values
// left unpaired: the relations may end in one of them (a total printed without its label:
// tendered - change = it, subtotal + tax = it, or a total that is the sum of two of them).
int Agreement(const std::vector<Pair>& pairs, const std::vector<Decimal>& others) {
  int score = 0;
  auto values_of = [&](AmountRole role) {
    std::vector<Decimal> out;
    for (const Pair& p : pairs) {
      if (p.role == role) out.push_back(p.value);
    }
    return out;
  };
  const auto totals = values_of(AmountRole::kTotal);
  const auto dues = values_of(AmountRole::kAmountDue);
  const auto subs = values_of(AmountRole::kSubtotal);
  const auto taxes = values_of(AmountRole::kTax);
  const auto rounding = values_of(AmountRole::kRounding);
  const auto paid = values_of(AmountRole::kPaid);
  const auto change = values_of(AmountRole::kChange);
  std::vector<Decimal> finals = totals;
  finals.insert(finals.end(), dues.begin(), dues.end());
  finals.insert(finals.end(), rounding.begin(), rounding.end());
  for (const Decimal& t : finals) {
    if (t.IsZero()) continue;
    for (const Decimal& s : subs) {
      for (const Decimal& x : taxes) {
        if (SumIs(s, x, t)) ++score;
        for (const Decimal& r : rounding) {
          const auto base = s.Add(r);
          if (base && SumIs(*base, x, t)) ++score;
        }
      }
    }
    for (const Decimal& p : paid) {
      for (const Decimal& c : change) {
        if (SumIs(t, c, p)) ++score;
      }
      if (change.empty() && p == t) ++score;
    }
    for (const Decimal& r : rounding) {
      for (const Decimal& u : finals) {
        if (!r.IsZero() && SumIs(t, r, u)) ++score;
      }
    }
  }
  for (const Decimal& p : paid) {
    for (const Decimal& c : change) {
      if (Contains(others, p.Sub(c))) ++score;
    }
  }
  for (const Decimal& s : subs) {
    for (const Decimal& x : taxes) {
      if (!x.IsZero() && Contains(others, s.Add(x))) ++score;
    }
  }
  for (const Decimal& t : totals) {
    bool found = false;
    for (std::size_t a = 0; a < others.size() && !found; ++a) {
      for (std::size_t b = a + 1; b < others.size() && !found; ++b) {
        found = !others[a].IsZero() && !others[b].IsZero() && SumIs(others[a], others[b], t);
      }
    }
    if (found) ++score;
  }
  // A tax larger than a total is a misalignment.
  for (const Decimal& x : taxes) {
    for (const Decimal& t : totals) {
      if (x > t && !t.IsZero()) --score;
    }
  }
  return score;
}

}  // namespace

std::map<std::size_t, std::optional<std::size_t>> PairColumnBlocks(
    const std::vector<PairingLine>& lines) {
  std::map<std::size_t, std::optional<std::size_t>> out;
  std::size_t l = 0;
  while (l < lines.size()) {
    if (lines[l].kind != LineKind::kLabelOnly) {
      ++l;
      continue;
    }
    std::vector<std::size_t> labels, values;
    std::size_t i = l;
    const std::size_t page = lines[l].page;
    // A line with its own label and value ("ITEM COUNT 3") sits in the label column
    // without taking a value from the value block.
    for (; i < lines.size() && lines[i].page == page; ++i) {
      if (lines[i].kind == LineKind::kLabelOnly) {
        labels.push_back(i);
      } else if (lines[i].kind == LineKind::kValuesOnly) {
        break;
      }
    }
    for (; i < lines.size() && lines[i].page == page; ++i) {
      if (lines[i].kind == LineKind::kValuesOnly) {
        values.push_back(i);
      } else if (lines[i].kind != LineKind::kNeutral) {
        break;
      }
    }
    l = i;
    if (values.size() < 2 || labels.empty()) continue;
    const long k = static_cast<long>(labels.size());
    const long m = static_cast<long>(values.size());
    // Shift o pairs label j with value j + o.
    std::optional<long> best_shift;
    int best_score = 0;
    for (long o = -(k - 1); o <= m - 1; ++o) {
      std::vector<Pair> pairs;
      std::vector<Decimal> others;
      for (long v = 0; v < m; ++v) {
        const PairingLine& line = lines[values[static_cast<std::size_t>(v)]];
        if (!line.value) continue;
        const long j = v - o;
        if (j < 0 || j >= k) {
          others.push_back(*line.value);
        } else {
          pairs.push_back(
              {ClassifyAmountLabel(lines[labels[static_cast<std::size_t>(j)]].folded).role,
               *line.value});
        }
      }
      const int score = Agreement(pairs, others);
      if (score > best_score) {
        best_score = score;
        best_shift = o;
      }
    }
    // Without arithmetic to go by, blocks of equal length pair one to one, and a longer
    // label block pairs its last labels (a heading may stand above them).
    if (!best_shift && k >= m) best_shift = k - m > 0 ? -(k - m) : 0;
    if (!best_shift) continue;
    for (long v = 0; v < m; ++v) {
      const long j = v - *best_shift;
      std::optional<std::size_t> label;
      if (j >= 0 && j < k) label = labels[static_cast<std::size_t>(j)];
      out[values[static_cast<std::size_t>(v)]] = label;
    }
  }
  return out;
}

}  // namespace invoicer::extract::generic
