#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "extract/generic/amounts.h"
#include "extract/generic/column_pairing.h"
#include "extract/generic/dates.h"
#include "extract/generic/generic_extractor.h"
#include "extract/generic/labels.h"
#include "extract/generic/layout_index.h"

namespace invoicer::extract::generic {

// How a value's label was found.
enum class LabelPlace { kNone, kLeft, kAbove };

struct AmountHit {
  Span span;
  AmountToken token;
  AmountLabel label;
  LabelPlace place = LabelPlace::kNone;
  bool in_table = false;  // inside the line-item table (set by the line-item rule)
};

struct DateHit {
  Span span;
  DateToken token;
  DateRole role = DateRole::kNone;
  int strength = 0;  // DateLabel::strength
  LabelPlace place = LabelPlace::kNone;
};

// How the document's day/month order was settled.
enum class OrderBasis { kNone, kDocument, kLanguage };

// Every amount and date of a document with the label that governs it (the text left of it
// on its line, else the label above it in its column), and the document-wide evidence: the
// decimal mark its unambiguous numbers use, the day/month order its unambiguous dates use,
// its language. Borrows the LayoutIndex. Built once per extraction; not shared.
class DocumentScan {
 public:
  DocumentScan(const LayoutIndex& index, const GenericOptions& options);

  const LayoutIndex& index() const { return index_; }
  std::vector<AmountHit>& amounts() { return amounts_; }
  const std::vector<AmountHit>& amounts() const { return amounts_; }
  const std::vector<DateHit>& dates() const { return dates_; }
  // The amounts and dates of one line, by index into amounts()/dates().
  const std::vector<std::size_t>& AmountsOnLine(std::size_t line) const { return by_line_[line]; }
  bool LineHasValues(std::size_t line) const;

  DecimalMark mark() const { return mark_; }
  DateOrder date_order() const { return order_; }
  OrderBasis order_basis() const { return order_basis_; }
  Language language() const { return language_; }

  // The texts (folded) that may label a value at `span`, nearest first, and where each was
  // found: its cell left of it, the cell before it, the words back to the previous value,
  // the heading above its column (or the label paired with it, column_pairing.h), and the
  // whole row before it.
  std::vector<std::pair<std::string, LabelPlace>> LabelsFor(const Span& span) const;

 private:
  void Decide(const GenericOptions& options);
  std::optional<std::string> AboveLabel(const Span& span) const;

  const LayoutIndex& index_;
  std::vector<AmountHit> amounts_;
  std::vector<DateHit> dates_;
  std::vector<std::vector<std::size_t>> by_line_;
  std::vector<std::vector<std::pair<std::size_t, std::size_t>>> value_spans_;  // per line
  std::map<std::size_t, std::optional<std::size_t>> paired_;  // value line -> label line
  DecimalMark mark_ = DecimalMark::kUnknown;
  DateOrder order_ = DateOrder::kUnknown;
  OrderBasis order_basis_ = OrderBasis::kNone;
  Language language_ = Language::kUnknown;
};

}  // namespace invoicer::extract::generic
