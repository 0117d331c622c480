#pragma once

#include <optional>
#include <vector>

#include "extract/generic/labels.h"
#include "extract/generic/layout_index.h"

namespace invoicer::extract::generic {

// Where the value of a label may be written, nearest first: the rest of the label's line
// after it, then the cell under the label in the next lines of its column.
std::vector<Span> ValueSpans(const LayoutIndex& index, const Span& label);

// True for a line of fewer than three letters and digits: specks of a scan ("é", ":").
bool IsSpeckLine(std::string_view text);

// The first word of `span` after separators (":", "#", "-", "No."), when it has the shape of
// an identifier (letters, digits and - / . _ with at least one digit, at most 40 bytes).
std::optional<Span> IdentifierIn(const LayoutIndex& index, const Span& span);

// The labels of kind `label` in the whole document, as spans of line text.
std::vector<Span> FindLabelSpans(const LayoutIndex& index, TextLabel label);

// True when `folded_cell` is a section heading of `kind` (kSellerSection, kBuyerSection): the
// heading word starts the cell and stands alone or before a colon ("Bill to:", "Verkäufer"),
// not inside a sentence ("From the date of purchase") or a name ("Kunde AG").
bool IsSectionHeading(std::string_view folded_cell, TextLabel kind);

// Which party's block a position belongs to, from the section headings above it in its
// column ("Seller", "Bill to", "Rechnungsempfänger", ...).
enum class Party { kUnknown, kSeller, kBuyer };
Party PartyAt(const LayoutIndex& index, std::size_t line, double x);

}  // namespace invoicer::extract::generic
