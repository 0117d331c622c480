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

// A block's pairs under one shift, and the values no label takes.
struct Shifted {
  std::vector<Pair> pairs;
  std::vector<Decimal> others;
};

// A relation among labelled values weighs more than one that ends in a value no label
// takes: with many values, some two of them add up by chance.
constexpr int kLabelled = 2;

// How strongly the relations of a totals block agree with the pairs. The relations may
// also end in one of the values left unpaired (a total printed without its label: tendered -
// change = it, subtotal + tax = it, or a total that is the sum of two of them).
int Agreement(const Shifted& shifted) {
  const std::vector<Pair>& pairs = shifted.pairs;
  const std::vector<Decimal>& others = shifted.others;
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
  const std::size_t labelled_finals = finals.size();
  finals.insert(finals.end(), rounding.begin(), rounding.end());
  for (std::size_t f = 0; f < finals.size(); ++f) {
    const Decimal& t = finals[f];
    if (t.IsZero()) continue;
    for (const Decimal& s : subs) {
      // Without a tax line, the subtotal plus its rounding is the total.
      if (f < labelled_finals) {
        for (const Decimal& r : rounding) {
          if (!r.IsZero() && SumIs(s, r, t)) score += kLabelled;
        }
      }
      for (const Decimal& x : taxes) {
        if (SumIs(s, x, t)) score += kLabelled;
        for (const Decimal& r : rounding) {
          const auto base = s.Add(r);
          if (base && SumIs(*base, x, t)) score += kLabelled;
        }
      }
    }
    for (const Decimal& p : paid) {
      for (const Decimal& c : change) {
        if (SumIs(t, c, p)) score += kLabelled;
      }
      // Paid exactly: only a total's or a due amount's label says what was to pay.
      if (change.empty() && p == t && f < labelled_finals) score += kLabelled;
    }
    // The total plus its rounding is the rounded total; an amount does not round itself.
    for (std::size_t k = 0; k < rounding.size(); ++k) {
      if (labelled_finals + k == f) continue;
      for (std::size_t u = 0; u < finals.size(); ++u) {
        if (u != f && u != labelled_finals + k && !rounding[k].IsZero() &&
            SumIs(t, rounding[k], finals[u]))
          score += kLabelled;
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
      if (x > t && !t.IsZero()) score -= kLabelled;
    }
  }
  return score;
}

// The pairs of a block when label j takes value j + shift.
Shifted ShiftPairs(const std::vector<PairingLine>& lines, const std::vector<std::size_t>& labels,
                   const std::vector<std::size_t>& values, long shift) {
  Shifted out;
  for (std::size_t v = 0; v < values.size(); ++v) {
    const PairingLine& line = lines[values[v]];
    if (!line.value) continue;
    const long j = static_cast<long>(v) - shift;
    if (j < 0 || j >= static_cast<long>(labels.size())) {
      out.others.push_back(*line.value);
    } else {
      out.pairs.push_back(
          {ClassifyAmountLabel(lines[labels[static_cast<std::size_t>(j)]].folded).role,
           *line.value});
    }
  }
  return out;
}

// The labels but the one at `gap` (all of them for npos).
std::vector<std::size_t> Without(const std::vector<std::size_t>& labels, std::size_t gap) {
  std::vector<std::size_t> kept;
  for (std::size_t g = 0; g < labels.size(); ++g) {
    if (g != gap) kept.push_back(labels[g]);
  }
  return kept;
}

// The number of decimals the document writes its amounts with: the most common among its
// values with decimals (0 when none has any).
int MoneyScale(const std::vector<PairingLine>& lines) {
  std::map<int, int> counts;
  for (const PairingLine& line : lines) {
    if (line.kind == LineKind::kValuesOnly && line.value && line.value->scale() > 0)
      ++counts[line.value->scale()];
  }
  int best = 0, best_count = 0;
  for (const auto& [scale, count] : counts) {
    if (count > best_count) {
      best = scale;
      best_count = count;
    }
  }
  return best;
}

// True for text of three words or more (of two characters or more): a sentence such as
// "THANK YOU FOR SHOPPING", not a row label of a table ("SR @ A", "ZR(0%)").
bool IsSentence(std::string_view folded) {
  int words = 0;
  std::size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && (folded[i] == ' ' || folded[i] == '\t')) ++i;
    std::size_t end = i;
    while (end < folded.size() && folded[end] != ' ' && folded[end] != '\t') ++end;
    if (end - i >= 2) ++words;
    i = end;
  }
  return words >= 3;
}

// A sentence that labels no amount: text after the label column, not part of it.
bool IsFooter(std::string_view folded) {
  return IsSentence(folded) && ClassifyAmountLabel(folded).role == AmountRole::kNone;
}

// Without arithmetic to go by, blocks of equal length pair one to one, and a longer label
// block pairs its last labels (a heading may stand above them). Sentences after the last
// amount label ("THANK YOU FOR SHOPPING", a service number) are not in the label column, and a
// number written with other decimals than the document's amounts ("1.000" litres among "50.00") is
// not in the value column. Returns false when the block is left unpaired (more values than labels).
bool DefaultPairing(const std::vector<PairingLine>& lines, std::vector<std::size_t> labels,
                    const std::vector<std::size_t>& values, int money_scale,
                    std::vector<std::optional<std::size_t>>& label_of) {
  while (!labels.empty() && IsFooter(lines[labels.back()].folded)) labels.pop_back();
  std::vector<std::size_t> money;
  for (std::size_t v = 0; v < values.size(); ++v) {
    const auto& value = lines[values[v]].value;
    if (!value || money_scale == 0 || value->scale() == 0 || value->scale() == money_scale)
      money.push_back(v);
  }
  if (labels.empty() || labels.size() < money.size()) return false;
  const std::size_t skip = labels.size() - money.size();
  for (std::size_t n = 0; n < money.size(); ++n) label_of[money[n]] = labels[skip + n];
  return true;
}

}  // namespace

std::map<std::size_t, std::optional<std::size_t>> PairColumnBlocks(
    const std::vector<PairingLine>& lines) {
  std::map<std::size_t, std::optional<std::size_t>> out;
  const int money_scale = MoneyScale(lines);
  // Labels an earlier block left without a value: their values may follow in the next one.
  std::vector<std::size_t> carried;
  std::size_t l = 0;
  while (l < lines.size()) {
    if (lines[l].kind != LineKind::kLabelOnly) {
      // Values that follow no label block end what was carried.
      if (lines[l].kind == LineKind::kValuesOnly) carried.clear();
      ++l;
      continue;
    }
    std::vector<std::size_t> own, values;
    std::size_t i = l;
    const std::size_t page = lines[l].page;
    if (!carried.empty() && lines[carried.back()].page != page) carried.clear();
    // A line with its own label and value ("ITEM COUNT 3") sits in the label column
    // without taking a value from the value block.
    for (; i < lines.size() && lines[i].page == page; ++i) {
      if (lines[i].kind == LineKind::kLabelOnly) {
        own.push_back(i);
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
    std::vector<std::size_t> labels = carried;
    labels.insert(labels.end(), own.begin(), own.end());
    carried.clear();
    if (values.empty()) continue;
    if (values.size() < 2) {
      // A lone value takes the label right above it, or the last label before the sentences
      // that end the block; the others may label later values.
      std::size_t last = labels.size();
      while (last > 0 && IsFooter(lines[labels[last - 1]].folded)) --last;
      if (last == 0) continue;
      if (last < labels.size()) out[values.front()] = labels[last - 1];
      carried.assign(labels.begin(), labels.begin() + static_cast<long>(last) - 1);
      continue;
    }
    // Shift o pairs label j with value j + o; a label that names no amount ("REASON:") may
    // have no value: the labels without it are tried too, and win only by more agreement.
    std::optional<std::pair<long, std::size_t>> best;  // shift, label left out (npos: none)
    int best_score = 0;
    std::vector<std::size_t> gaps{std::string::npos};
    for (std::size_t g = 0; g < labels.size(); ++g) {
      if (ClassifyAmountLabel(lines[labels[g]].folded).role == AmountRole::kNone) gaps.push_back(g);
    }
    for (const std::size_t gap : gaps) {
      const std::vector<std::size_t> kept = Without(labels, gap);
      const long k = static_cast<long>(kept.size());
      const long m = static_cast<long>(values.size());
      for (long o = -(k - 1); o <= m - 1; ++o) {
        const int score = Agreement(ShiftPairs(lines, kept, values, o));
        if (score > best_score) {
          best_score = score;
          best = {o, gap};
        }
      }
    }
    std::vector<std::optional<std::size_t>> label_of(values.size());
    if (best) {
      const std::vector<std::size_t> kept = Without(labels, best->second);
      for (std::size_t v = 0; v < values.size(); ++v) {
        const long j = static_cast<long>(v) - best->first;
        if (j >= 0 && j < static_cast<long>(kept.size()))
          label_of[v] = kept[static_cast<std::size_t>(j)];
      }
    } else if (!DefaultPairing(lines, own, values, money_scale, label_of)) {
      continue;
    }
    for (std::size_t v = 0; v < values.size(); ++v) out[values[v]] = label_of[v];
    for (std::size_t label : labels) {
      if (std::find(label_of.begin(), label_of.end(), label) == label_of.end())
        carried.push_back(label);
    }
  }
  return out;
}

}  // namespace invoicer::extract::generic
