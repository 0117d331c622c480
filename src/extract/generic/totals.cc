#include "extract/generic/totals.h"

#include <algorithm>

namespace invoicer::extract::generic {

namespace {

constexpr double kArithmetic = 0.97;
constexpr double kTenderedChange = 0.93;
constexpr double kRounded = 0.92;
constexpr double kLineSum = 0.95;

struct Reader {
  const DocumentScan& scan;
  DecimalMark mark;
  Decimal Value(std::size_t hit) const { return scan.amounts()[hit].token.Value(mark); }
  const AmountHit& Hit(std::size_t hit) const { return scan.amounts()[hit]; }
};

bool Equal(const std::optional<Decimal>& a, const Decimal& b) { return a && *a == b; }

std::optional<Decimal> Sum(const Reader& r, const std::vector<std::size_t>& hits) {
  Decimal sum;
  for (std::size_t h : hits) {
    auto next = sum.Add(r.Value(h));
    if (!next) return std::nullopt;
    sum = *next;
  }
  return sum;
}

std::optional<Decimal> Add(const Decimal& a, const Decimal& b) {
  auto s = a.Add(b);
  if (!s) return std::nullopt;
  return *s;
}

// Tax amounts of the document, once per value and line: a tax summary often repeats the tax
// total in several places.
std::vector<std::size_t> DistinctTaxes(const Reader& r, const std::vector<std::size_t>& taxes) {
  std::vector<std::size_t> out;
  for (std::size_t t : taxes) {
    const bool seen = std::any_of(out.begin(), out.end(), [&](std::size_t o) {
      return r.Value(o) == r.Value(t) || r.Hit(o).span.line == r.Hit(t).span.line;
    });
    if (!seen) out.push_back(t);
  }
  return out;
}

// True when some amount of the document is written with decimals ("12.50").
bool HasDecimalAmounts(const Reader& r) {
  return std::any_of(r.scan.amounts().begin(), r.scan.amounts().end(),
                     [&](const AmountHit& a) { return a.token.HasDecimals(r.mark); });
}

struct Choice {
  MoneyFields fields;
  int score = 0;  // how much arithmetic agrees
};

struct Roles {
  std::vector<std::size_t> totals, subtotals, taxes, rounding, paid, change, dues, all;
};

Roles Collect(const DocumentScan& scan) {
  Roles out;
  for (std::size_t i = 0; i < scan.amounts().size(); ++i) {
    const AmountHit& a = scan.amounts()[i];
    if (a.in_table) continue;
    out.all.push_back(i);
    switch (a.label.role) {
      case AmountRole::kTotal:
        // A weak word over a column ("Amount") heads a table's values, not the total.
        if (a.label.strength > 1 || a.place == LabelPlace::kLeft) out.totals.push_back(i);
        break;
      case AmountRole::kAmountDue:
        out.dues.push_back(i);
        out.totals.push_back(i);
        break;
      case AmountRole::kSubtotal:
        out.subtotals.push_back(i);
        // A weak subtotal ("Net total") may be what a receipt calls its total.
        if (a.label.strength == 1) out.totals.push_back(i);
        break;
      case AmountRole::kTax:
        out.taxes.push_back(i);
        break;
      case AmountRole::kRounding:
        out.rounding.push_back(i);
        break;
      case AmountRole::kPaid:
        out.paid.push_back(i);
        break;
      case AmountRole::kChange:
        out.change.push_back(i);
        break;
      default:
        break;
    }
  }
  return out;
}

Choice Choose(const DocumentScan& scan, DecimalMark mark, const std::vector<std::size_t>& items) {
  const Reader r{scan, mark};
  const Roles roles = Collect(scan);
  // Most explicit label first, then the larger amount (a total includes its parts), then
  // the later one (totals close an invoice).
  auto rank = [&](std::size_t a, std::size_t b) {
    const AmountHit& x = r.Hit(a);
    const AmountHit& y = r.Hit(b);
    if (x.label.strength != y.label.strength) return x.label.strength > y.label.strength;
    if (r.Value(a) != r.Value(b)) return r.Value(a) > r.Value(b);
    return x.span.line > y.span.line;
  };
  std::vector<std::size_t> candidates = roles.totals;
  std::stable_sort(candidates.begin(), candidates.end(), rank);

  Choice best;
  auto consider = [&](std::size_t total, double confidence, int score,
                      std::optional<MoneyPick> subtotal, std::optional<MoneyPick> tax) {
    if (best.fields.total && score <= best.score) return;
    best.score = score;
    best.fields.total = MoneyPick{total, r.Value(total), confidence};
    best.fields.subtotal = subtotal;
    best.fields.total_tax = tax;
  };

  const std::vector<std::size_t> distinct_taxes = DistinctTaxes(r, roles.taxes);
  const auto tax_sum = Sum(r, distinct_taxes);
  const auto items_sum = items.empty() ? std::nullopt : Sum(r, items);
  // Rounding adjustments that may sit between the parts and the total.
  std::vector<std::optional<Decimal>> adjustments{Decimal()};
  for (std::size_t rd : roles.rounding) adjustments.push_back(r.Value(rd));
  for (std::size_t t : candidates) {
    const Decimal total = r.Value(t);
    if (total.IsZero() || total.IsNegative()) continue;
    const int strength = r.Hit(t).label.strength;
    // A more explicit total of another value (an amount due may differ after payments).
    const bool outranked = std::any_of(candidates.begin(), candidates.end(), [&](std::size_t o) {
      return r.Hit(o).label.role == AmountRole::kTotal && r.Hit(o).label.strength > strength &&
             r.Value(o) != total;
    });
    // The part before tax is labelled a subtotal, or a total where the tax comes after it.
    std::vector<std::size_t> parts = roles.subtotals;
    for (std::size_t o : roles.totals) {
      if (r.Value(o) < total) parts.push_back(o);
    }
    for (std::size_t s : parts) {
      if (s == t || r.Hit(s).span.line == r.Hit(t).span.line) continue;
      const Decimal sub = r.Value(s);
      const int items_bonus = Equal(items_sum, sub) ? 1 : 0;
      for (const auto& adjustment : adjustments) {
        const auto base = Add(sub, *adjustment);
        if (!base) continue;
        for (std::size_t x : roles.taxes) {
          // A zero tax agrees with any subtotal equal to the total: weaker than a real tax,
          // and no match for a more explicit total.
          const bool zero = r.Value(x).IsZero();
          if (zero && outranked) continue;
          const int zero_penalty = zero ? 3 : 0;
          if (Equal(Add(*base, r.Value(x)), total)) {
            consider(t, kArithmetic, 30 + strength + items_bonus - zero_penalty,
                     MoneyPick{s, sub, kArithmetic}, MoneyPick{x, r.Value(x), kArithmetic});
          }
        }
        if (distinct_taxes.size() > 1 && tax_sum && Equal(Add(*base, *tax_sum), total)) {
          consider(t, kArithmetic, 30 + strength + items_bonus, MoneyPick{s, sub, kArithmetic},
                   MoneyPick{distinct_taxes.front(), *tax_sum, kArithmetic});
        }
      }
    }
    // Tendered minus change is what the receipt cost.
    for (std::size_t p : roles.paid) {
      for (std::size_t c : roles.change) {
        const auto cost = r.Value(p).Sub(r.Value(c));
        if (cost && *cost == total) consider(t, kTenderedChange, 20 + strength, {}, {});
      }
    }
    if (Equal(items_sum, total)) consider(t, kLineSum, 15 + strength, {}, {});
  }
  // A total that is the sum of two other totals is the grand total over partial ones
  // ("Total 0% supplies" + "Total 6% supplies incl. GST" = "Total payable").
  for (std::size_t g : candidates) {
    bool found = false;
    for (std::size_t a = 0; a < candidates.size() && !found; ++a) {
      for (std::size_t b = a + 1; b < candidates.size() && !found; ++b) {
        const std::size_t x = candidates[a], y = candidates[b];
        if (x == g || y == g || r.Hit(x).span.line == r.Hit(y).span.line) continue;
        if (r.Value(x).IsZero() || r.Value(y).IsZero()) continue;
        found = Equal(Add(r.Value(x), r.Value(y)), r.Value(g));
      }
    }
    if (found) consider(g, kArithmetic, 35 + r.Hit(g).label.strength, {}, {});
  }
  if (!best.fields.total && !candidates.empty()) {
    const std::size_t t = candidates.front();
    const int strength = r.Hit(t).label.strength;
    double confidence = strength >= 3 ? 0.8 : strength == 2 ? 0.75 : 0.55;
    // Another total of the same standing with a different value makes the choice a guess.
    for (std::size_t o : candidates) {
      if (r.Hit(o).label.strength == strength && r.Value(o) != r.Value(t)) confidence -= 0.1;
    }
    best.fields.total = MoneyPick{t, r.Value(t), std::max(0.3, confidence)};
    best.score = strength;
  }
  // Cash rounding: the total plus the rounding adjustment, printed after it, is what is paid.
  if (best.fields.total) {
    const std::size_t t = best.fields.total->hit;
    for (std::size_t rd : roles.rounding) {
      if (r.Value(rd).IsZero()) continue;
      const auto rounded = Add(r.Value(t), r.Value(rd));
      for (std::size_t h : roles.all) {
        if (h != t && rounded && r.Value(h) == *rounded &&
            r.Hit(h).span.line >= r.Hit(rd).span.line && r.Hit(h).label.role != AmountRole::kPaid &&
            r.Hit(h).label.role != AmountRole::kChange) {
          best.fields.total =
              MoneyPick{h, r.Value(h), std::max(best.fields.total->confidence, kRounded)};
          best.score = std::max(best.score, 14);
          break;
        }
      }
    }
  }
  // No total confirmed: what was tendered minus the change, or paid exactly, or a subtotal
  // plus its tax, or the sum of the line items is what the receipt cost.
  if (best.score < 15) {
    std::vector<Decimal> costs;
    for (std::size_t p : roles.paid) {
      // Without change, a whole number among amounts written with decimals is a card or
      // approval number ("VISA 6258"), not what was tendered.
      const bool card_number = r.Value(p).scale() == 0 && HasDecimalAmounts(r);
      for (std::size_t c : roles.change) {
        if (card_number && r.Value(c).IsZero()) continue;
        if (auto cost = r.Value(p).Sub(r.Value(c)); cost && !cost->IsZero() && !cost->IsNegative())
          costs.push_back(*cost);
      }
    }
    // A paid amount without change is the cost; a card number next to "VISA" is not.
    if (roles.change.empty() && !best.fields.total) {
      for (std::size_t p : roles.paid) {
        if (r.Value(p).scale() > 0) costs.push_back(r.Value(p));
      }
    }
    // A subtotal plus its tax is the total, printed without its label.
    for (std::size_t s : roles.subtotals) {
      if (r.Value(s).IsZero() || r.Value(s).IsNegative()) continue;
      for (std::size_t x : distinct_taxes) {
        const auto cost = Add(r.Value(s), r.Value(x));
        if (cost && !r.Value(x).IsZero() && !r.Value(x).IsNegative()) costs.push_back(*cost);
      }
    }
    if (items_sum && !best.fields.total) costs.push_back(*items_sum);
    for (const Decimal& cost : costs) {
      if (best.fields.total && best.fields.total->value == cost) break;
      std::optional<std::size_t> found;
      for (std::size_t h : roles.all) {
        const AmountRole role = r.Hit(h).label.role;
        if (r.Value(h) == cost && role != AmountRole::kChange &&
            (!found || role != AmountRole::kPaid))
          found = h;
      }
      if (found) {
        best.fields.total = MoneyPick{*found, cost, best.fields.total ? 0.8 : 0.6};
        best.fields.subtotal.reset();
        best.fields.total_tax.reset();
        best.score = 12;
        break;
      }
    }
  }
  if (best.fields.total && !best.fields.subtotal) {
    std::vector<std::size_t> subtotals;
    for (std::size_t s : roles.subtotals) {
      if (s != best.fields.total->hit && r.Value(s) < best.fields.total->value)
        subtotals.push_back(s);
    }
    if (!subtotals.empty()) {
      const std::size_t s = *std::min_element(subtotals.begin(), subtotals.end(), rank);
      best.fields.subtotal =
          MoneyPick{s, r.Value(s), Equal(items_sum, r.Value(s)) ? kLineSum : 0.7};
    }
  }
  if (best.fields.total && !best.fields.total_tax && distinct_taxes.size() == 1) {
    const std::size_t x = distinct_taxes.front();
    if (r.Value(x) < best.fields.total->value)
      best.fields.total_tax = MoneyPick{x, r.Value(x), 0.7};
  }
  if (!roles.dues.empty()) {
    std::vector<std::size_t> sorted = roles.dues;
    std::stable_sort(sorted.begin(), sorted.end(), rank);
    const std::size_t d = sorted.front();
    const bool agrees = best.fields.total && best.fields.total->value == r.Value(d);
    best.fields.amount_due =
        MoneyPick{d, r.Value(d), agrees ? std::max(0.9, best.fields.total->confidence) : 0.7};
  }
  best.fields.mark = mark;
  return best;
}

}  // namespace

MoneyFields ChooseMoney(const DocumentScan& scan, const std::vector<std::size_t>& line_item_hits,
                        const GenericOptions& options) {
  const bool ambiguous = std::any_of(scan.amounts().begin(), scan.amounts().end(),
                                     [](const AmountHit& a) { return a.token.Ambiguous(); });
  if (scan.mark() != DecimalMark::kUnknown || !ambiguous) {
    return Choose(scan, scan.mark(), line_item_hits).fields;
  }
  // The numbers do not settle the decimal mark: let the arithmetic decide.
  Choice dot = Choose(scan, DecimalMark::kDot, line_item_hits);
  Choice comma = Choose(scan, DecimalMark::kComma, line_item_hits);
  if (dot.score >= 10 && dot.score > comma.score) return dot.fields;
  if (comma.score >= 10 && comma.score > dot.score) return comma.fields;
  const Language lang = scan.language();
  const bool comma_language = lang == Language::kGerman || lang == Language::kFrench ||
                              lang == Language::kSpanish || lang == Language::kItalian ||
                              lang == Language::kDutch;
  MoneyFields chosen = comma_language ? comma.fields : dot.fields;
  for (auto* pick : {&chosen.total, &chosen.subtotal, &chosen.total_tax, &chosen.amount_due}) {
    if (*pick && scan.amounts()[(*pick)->hit].token.Ambiguous()) {
      (*pick)->confidence = std::min((*pick)->confidence, options.ambiguous_confidence);
    }
  }
  return chosen;
}

}  // namespace invoicer::extract::generic
