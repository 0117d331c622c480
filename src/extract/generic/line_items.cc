#include "extract/generic/line_items.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

#include "extract/generic/pattern.h"

namespace invoicer::extract::generic {

namespace {

enum class Column { kNone, kDescription, kQuantity, kUnitPrice, kAmount, kTaxRate };

int Letters(std::string_view text) {
  return static_cast<int>(std::count_if(text.begin(), text.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
  }));
}

constexpr std::size_t kMaxRows = 300;
constexpr double kMaxRowGap = 4.0;  // line heights between rows before the table ends

Column Classify(std::string_view folded) {
  static const Pattern unit_price(
      R"(unit\s*price|price\s*/?\s*unit|\bu\s*/\s*p\b|\bu\.p\b|einzelpreis|stuckpreis|e-?preis|)"
      R"(nettopreis|prix\s*unit|\bp\.?\s*u\b|precio\s*unit|prezzo\s*unit|stukprijs|eenheidsprijs)");
  static const Pattern amount(
      R"(\b(?:amount|amt|line\s*total|total|betrag|gesamt|gesamtpreis|nettobetrag|summe|montant|)"
      R"(importe|importo|totale|bedrag|totaal|subtotal|ext\.?\s*price|extension|net\s*amount|)"
      R"(montant\s*ht|total\s*ht|netto|bruttobetrag)\b|\bamt\s*\(|\bamount\s*\()");
  static const Pattern quantity(
      R"(\b(?:qty|quantity|qte|quantite|menge|anzahl|cantidad|cant|quantita|qta|aantal|)"
      R"(hoeveelheid|units?|pcs|stk|hrs|hours|stunden)\b)");
  static const Pattern price(
      R"(\b(?:price|rate|preis|prix|precio|prezzo|prijs|tarif|tarief|harga)\b)");
  static const Pattern tax(R"(%|\b(?:vat|tax|mwst|ust|steuersatz|steuer|tva|iva|btw|gst)\b)");
  static const Pattern description(
      R"(\b(?:description|desc|item|items|article|artikel|bezeichnung|beschreibung|leistung|produkt|)"
      R"(product|produit|designation|libelle|descripcion|concepto|articulo|descrizione|articolo|)"
      R"(prodotto|omschrijving|service|services|particulars|details|product\s*name)\b|desc/)");
  if (unit_price.Find(folded)) return Column::kUnitPrice;
  if (tax.Find(folded) && !amount.Find(folded)) return Column::kTaxRate;
  if (amount.Find(folded)) return Column::kAmount;
  if (quantity.Find(folded)) return Column::kQuantity;
  if (price.Find(folded)) return Column::kUnitPrice;
  if (description.Find(folded)) return Column::kDescription;
  return Column::kNone;
}

struct HeaderCell {
  Column column;
  double x0, x1;
};

// The header cells of line `l`: each tab-separated cell, or each word when the cells name
// several columns at once (single-spaced receipt headers).
std::vector<HeaderCell> HeaderCells(const LayoutIndex& index, std::size_t l) {
  const IndexedLine& il = index.line(l);
  std::vector<HeaderCell> cells;
  std::size_t seg = 0;
  while (seg < il.text.size()) {
    std::size_t end = il.text.find('\t', seg);
    if (end == std::string::npos) end = il.text.size();
    const Span span{l, seg, end};
    const std::string folded = FoldString(index.Text(span));
    const domain::BoundingBox box = index.Box(span);
    cells.push_back({Classify(folded), box.x0, box.x1});
    seg = end + 1;
  }
  return cells;
}

bool HasColumn(const std::vector<HeaderCell>& cells, Column c) {
  return std::any_of(cells.begin(), cells.end(),
                     [c](const HeaderCell& h) { return h.column == c; });
}

bool IsHeader(const std::vector<HeaderCell>& cells) {
  int kinds = 0;
  for (Column c : {Column::kDescription, Column::kQuantity, Column::kUnitPrice, Column::kAmount}) {
    if (HasColumn(cells, c)) ++kinds;
  }
  return kinds >= 2 && (HasColumn(cells, Column::kAmount) || HasColumn(cells, Column::kUnitPrice));
}

const HeaderCell* Nearest(const std::vector<HeaderCell>& cells, const domain::BoundingBox& box) {
  const HeaderCell* best = nullptr;
  double best_distance = 0;
  for (const HeaderCell& h : cells) {
    if (h.column == Column::kNone || h.column == Column::kDescription) continue;
    // Numbers are right- or centre-aligned under their heading: compare right edges and
    // centres, and prefer overlap.
    const double overlap = std::min(h.x1, box.x1) - std::max(h.x0, box.x0);
    const double distance =
        std::min(std::abs(h.x1 - box.x1), std::abs((h.x0 + h.x1) / 2 - (box.x0 + box.x1) / 2)) -
        std::max(0.0, overlap);
    if (best == nullptr || distance < best_distance) {
      best = &h;
      best_distance = distance;
    }
  }
  return best;
}

bool EndsTable(const DocumentScan& scan, std::size_t l) {
  for (std::size_t a : scan.AmountsOnLine(l)) {
    const AmountHit& h = scan.amounts()[a];
    if (h.place != LabelPlace::kLeft) continue;
    switch (h.label.role) {
      case AmountRole::kTotal:
      case AmountRole::kSubtotal:
      case AmountRole::kTax:
      case AmountRole::kAmountDue:
      case AmountRole::kPaid:
      case AmountRole::kChange:
      case AmountRole::kRounding:
        return true;
      default:
        break;
    }
  }
  return false;
}

std::optional<Decimal> PercentIn(std::string_view text) {
  static const Pattern percent(R"((\d{1,2}(?:[.,]\d{1,4})?)\s?%)");
  const auto m = percent.Find(text);
  if (!m) return std::nullopt;
  std::string digits(m->Group(text, 1));
  std::replace(digits.begin(), digits.end(), ',', '.');
  auto d = Decimal::Parse(digits);
  if (!d) return std::nullopt;
  return *d;
}

}  // namespace

bool IsLineItemHeader(const LayoutIndex& index, std::size_t line) {
  return IsHeader(HeaderCells(index, line));
}

LineItemTable ExtractLineItems(const DocumentScan& scan) {
  const LayoutIndex& index = scan.index();
  LineItemTable table;
  for (std::size_t h = 0; h < index.lines().size(); ++h) {
    std::vector<HeaderCell> header = HeaderCells(index, h);
    if (!IsHeader(header)) continue;
    if (scan.LineHasValues(h)) continue;
    // A heading of two lines: cells of the line just above join.
    if (h > 0 && index.line(h - 1).page_index == index.line(h).page_index &&
        !scan.LineHasValues(h - 1) &&
        index.line(h).line->box.y0 - index.line(h - 1).line->box.y1 < 1.5 * index.line(h).height) {
      for (const HeaderCell& c : HeaderCells(index, h - 1)) {
        if (c.column != Column::kNone && !HasColumn(header, c.column)) header.push_back(c);
      }
    }
    const IndexedLine& hl = index.line(h);
    double first_number_x = hl.line->box.x1;
    for (const HeaderCell& c : header) {
      if (c.column != Column::kNone && c.column != Column::kDescription)
        first_number_x = std::min(first_number_x, c.x0);
    }
    std::optional<HeaderCell> description;
    for (const HeaderCell& c : header) {
      if (c.column == Column::kDescription) description = c;
    }
    std::vector<std::string> pending;  // text lines not yet given to an item
    double last_y = hl.line->box.y1;
    std::size_t l = h + 1;
    for (; l < index.lines().size() && l <= h + kMaxRows; ++l) {
      const IndexedLine& il = index.line(l);
      if (il.page_index != hl.page_index || EndsTable(scan, l) || IsHeader(HeaderCells(index, l)))
        break;
      if (il.line->box.y0 - last_y > kMaxRowGap * hl.height) break;
      last_y = il.line->box.y1;
      // Words left of the number columns (or under the description heading) describe; a
      // number among words stays ("Dübel 8 mm"), a number alone is an article code.
      std::string text;
      bool has_words = false;
      for (std::size_t w = 0; w < il.line->words.size(); ++w) {
        const auto& box = il.line->words[w].box;
        const bool in_description = box.x0 < first_number_x &&
                                    (!description || box.x0 >= description->x0 - 4 * il.char_width);
        if (in_description && Letters(il.line->words[w].text) >= 2) has_words = true;
      }
      for (std::size_t w = 0; w < il.line->words.size(); ++w) {
        const auto& box = il.line->words[w].box;
        const bool in_description = box.x0 < first_number_x &&
                                    (!description || box.x0 >= description->x0 - 4 * il.char_width);
        const Span ws{l, il.word_begin[w], il.word_begin[w] + il.line->words[w].text.size()};
        const bool is_number = std::any_of(scan.AmountsOnLine(l).begin(),
                                           scan.AmountsOnLine(l).end(), [&](std::size_t a) {
                                             const Span& s = scan.amounts()[a].span;
                                             return s.begin < ws.end && ws.begin < s.end;
                                           });
        if (in_description && (!is_number || has_words))
          text += (text.empty() ? "" : " ") + il.line->words[w].text;
      }
      domain::LineItem item;
      std::optional<std::size_t> amount_hit, price_hit;
      for (std::size_t a : scan.AmountsOnLine(l)) {
        const AmountHit& hit = scan.amounts()[a];
        const domain::BoundingBox box = index.Box(hit.span);
        if (box.x1 <= first_number_x) continue;  // a number in the description ("A4")
        const HeaderCell* cell = Nearest(header, box);
        if (cell == nullptr) continue;
        const Decimal value = hit.token.Value(scan.mark());
        switch (cell->column) {
          case Column::kQuantity:
            if (!item.quantity) item.quantity = value;
            break;
          case Column::kUnitPrice:
            if (!item.unit_price) {
              item.unit_price = value;
              price_hit = a;
            }
            break;
          case Column::kAmount:
            item.amount = value;
            amount_hit = a;
            break;
          case Column::kTaxRate:
            if (!item.tax_rate) item.tax_rate = value;
            break;
          default:
            break;
        }
      }
      if (!item.tax_rate && HasColumn(header, Column::kTaxRate)) item.tax_rate = PercentIn(il.text);
      if (!amount_hit && !HasColumn(header, Column::kAmount) && price_hit) {
        item.amount = item.unit_price;
        amount_hit = price_hit;
      }
      if (!amount_hit) {
        if (!scan.AmountsOnLine(l).empty())
          continue;  // a side line with numbers ("Bruttopreis 9,90")
        if (!text.empty()) pending.push_back(text);
        continue;
      }
      // Text-only lines above numbers that have no description of their own name them (the
      // receipt layout); above numbers with a description they continued the item before.
      if (!pending.empty()) {
        std::string joined;
        for (const auto& p : pending) joined += (joined.empty() ? "" : " ") + p;
        if (text.empty() || table.items.empty()) {
          text = text.empty() ? joined : joined + " " + text;
        } else {
          table.items.back().description += " " + joined;
        }
        pending.clear();
      }
      item.description = text;
      for (std::size_t a : scan.AmountsOnLine(l)) table.table_hits.push_back(a);
      table.amount_hits.push_back(*amount_hit);
      table.items.push_back(std::move(item));
    }
    if (!table.items.empty()) {
      if (!pending.empty() && pending.size() <= 2) {
        for (const auto& p : pending) table.items.back().description += " " + p;
      }
      return table;
    }
  }
  return table;
}

}  // namespace invoicer::extract::generic
