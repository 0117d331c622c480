#pragma once

#include <cstddef>
#include <vector>

#include "domain/invoice.h"
#include "extract/generic/document_scan.h"

namespace invoicer::extract::generic {

struct LineItemTable {
  std::vector<domain::LineItem> items;
  // The amount hit of each item's line amount (for the sum check), and every hit inside the
  // table (so the totals do not mistake a line amount for a total).
  std::vector<std::size_t> amount_hits;
  std::vector<std::size_t> table_hits;
};

// Line items from column alignment: a header row naming at least a description and an amount
// or price column in any of the six languages ("Description Qty Unit price Amount",
// "Bezeichnung Menge Einzelpreis Betrag", "Désignation Qté P.U. Montant", ...), possibly
// over two lines, then the rows under it, each number assigned to the column it sits under,
// until the totals block. A text-only line continues the description of the item above it,
// or names the item of the numbers on the next line (the receipt layout).
LineItemTable ExtractLineItems(const DocumentScan& scan);

// True when `line` is the header row of a line-item table.
bool IsLineItemHeader(const LayoutIndex& index, std::size_t line);

}  // namespace invoicer::extract::generic
