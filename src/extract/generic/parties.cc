#include "extract/generic/parties.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "extract/generic/label_values.h"
#include "extract/generic/letterhead.h"
#include "extract/generic/party_text.h"
#include "extract/generic/pattern.h"

namespace invoicer::extract::generic {

namespace {

constexpr std::size_t kMaxAddressLines = 5;
constexpr std::size_t kSectionLines = 8;

// One line of a party block: an optional label ("Name:", "Anschrift:") and its value.
struct Row {
  std::string label;  // folded; empty when the line is a bare value
  Piece value;
};

// Splits the cells of line `l` between x0 and x1 into a label and a value: a first cell
// that ends with ':' (or has a short "Label: value" form) is the label.
std::optional<Row> ReadRow(const LayoutIndex& index, std::size_t l, double x0, double x1) {
  const double pad = 3 * index.line(l).char_width;
  std::vector<Cell> cells;
  for (const Cell& c : Cells(index, l)) {
    if (c.x0 >= x0 - pad && c.x0 < x1) cells.push_back(c);
  }
  if (cells.empty()) return std::nullopt;
  Row row;
  std::size_t first_value = 0;
  const std::string_view first = index.Text(cells[0].span);
  const std::size_t colon = first.find(':');
  if (colon != std::string_view::npos &&
      std::count(first.begin(), first.begin() + static_cast<long>(colon), ' ') <= 3) {
    row.label = FoldString(first.substr(0, colon));
    const Span rest{l, cells[0].span.begin + colon + 1, cells[0].span.end};
    if (Trimmed(index.Text(rest)).empty()) {
      first_value = 1;
    } else {
      cells[0].span = rest;
    }
  }
  if (first_value >= cells.size()) return row;  // a label without its value
  // Further cells to the right belong to other columns ("Kunden AG   ...   Beträge in EUR").
  const Span value = cells[first_value].span;
  row.value = MakePiece(index, value);
  return row;
}

bool IsHeading(std::string_view folded_cell) {
  return IsSectionHeading(folded_cell, TextLabel::kSellerSection) ||
         IsSectionHeading(folded_cell, TextLabel::kBuyerSection);
}

bool IsHeading(const LayoutIndex& index, std::size_t l) {
  for (const Cell& c : Cells(index, l)) {
    if (IsHeading(FoldString(index.Text(c.span)))) return true;
  }
  return false;
}

// Reads a party block under a section heading: a "Name:" row gives the name, an address
// row and its unlabelled continuation lines the address; without labels the first line is
// the name and the next lines the address.
bool ReadSection(const DocumentScan& scan, TextLabel heading, const char* name_field,
                 const char* address_field, domain::FieldMap& fields) {
  static const Pattern name_label(
      R"(^(?:name|firma|company|nom|raison\s*sociale|nombre|razon\s*social|nome|ragione\s*sociale|denominazione|naam|bedrijfsnaam)$)");
  static const Pattern address_label(
      R"(^(?:address|anschrift|adresse|direccion|domicilio|indirizzo|sede|adres)$)");
  const LayoutIndex& index = scan.index();
  for (const Span& header : FindLabelSpans(index, heading)) {
    const IndexedLine& hl = index.line(header.line);
    const std::size_t cell_end = std::min(hl.text.find('\t', header.begin), hl.text.size());
    const std::string rest =
        Trimmed(std::string_view(hl.text).substr(header.end, cell_end - header.end));
    const std::size_t cell_begin =
        header.begin == 0 ? 0 : hl.text.rfind('\t', header.begin - 1) + 1;
    if (!IsSectionHeading(
            FoldString(std::string_view(hl.text).substr(cell_begin, cell_end - cell_begin)),
            heading)) {
      continue;
    }
    const double x0 = index.Box(header).x0;
    double x1 = index.doc().pages[hl.page_index].width + 1;
    // A heading further right on the same line ("Bill to ... Ship to") ends this column.
    for (const Cell& c : Cells(index, header.line)) {
      if (c.span.begin < cell_end) continue;
      if (IsHeading(FoldString(index.Text(c.span)))) x1 = std::min(x1, c.x0);
    }
    std::vector<Row> rows;
    // The rest of a compound heading ("Käufer/Leistungsempfänger") is not a value.
    const bool compound = !rest.empty() && (rest.front() == '/' || rest.front() == '&');
    if (Letters(rest) >= 2 && !compound)
      rows.push_back({"", MakePiece(index, {header.line, header.end, cell_end})});
    for (std::size_t l = header.line + 1;
         l < index.lines().size() && l <= header.line + kSectionLines; ++l) {
      if (index.line(l).page_index != hl.page_index || IsHeading(index, l)) break;
      const double gap = index.line(l).line->box.y0 - index.line(l - 1).line->box.y1;
      if (gap > 2.5 * hl.height && !rows.empty()) break;
      if (auto row = ReadRow(index, l, x0, x1)) rows.push_back(std::move(*row));
    }
    std::optional<std::size_t> name_row;
    for (std::size_t i = 0; i < rows.size() && !name_row; ++i) {
      if (name_label.Find(rows[i].label)) name_row = i;
    }
    const bool labelled = name_row.has_value();
    if (!name_row) {
      for (std::size_t i = 0; i < rows.size() && !name_row; ++i) {
        const std::string folded = FoldString(rows[i].value.text);
        if (rows[i].label.empty() && Letters(rows[i].value.text) >= 2 && !IsContactLine(folded))
          name_row = i;
      }
    }
    if (!name_row || rows[*name_row].value.text.empty()) continue;
    PutPieces(index, fields, name_field, {rows[*name_row].value}, labelled ? 0.9 : 0.8);
    std::vector<Piece> address;
    std::optional<std::size_t> start;
    for (std::size_t i = 0; i < rows.size() && !start; ++i) {
      if (address_label.Find(rows[i].label)) start = i;
    }
    if (!start && !labelled) start = *name_row + 1;
    for (std::size_t i = start.value_or(rows.size());
         i < rows.size() && address.size() < kMaxAddressLines; ++i) {
      if (i != *start && !rows[i].label.empty()) break;
      const std::string folded = FoldString(rows[i].value.text);
      if (rows[i].value.text.empty() || IsContactLine(folded)) break;
      address.push_back(rows[i].value);
    }
    PutPieces(index, fields, address_field, address, labelled ? 0.85 : 0.75);
    return true;
  }
  return false;
}

}  // namespace

void ExtractParties(const DocumentScan& scan, domain::FieldMap& fields) {
  ReadSection(scan, TextLabel::kSellerSection, "vendor_name", "vendor_address", fields);
  ReadSection(scan, TextLabel::kBuyerSection, "customer_name", "customer_address", fields);
  ReadLetterhead(scan, fields);
}

}  // namespace invoicer::extract::generic
