#include <algorithm>
#include <string>
#include <vector>

#include "synth/formats.h"
#include "synth/layout_context.h"

namespace invoicer::synth {
namespace {

constexpr double kPad = 5;

struct TableColumn {
  Column kind;
  std::string header;
  double x = 0;
  double width = 0;
  bool right = true;
};

bool Has(const std::vector<Column>& columns, Column kind) {
  return std::find(columns.begin(), columns.end(), kind) != columns.end();
}

std::string Percent(const SynthInvoice& inv, const Decimal& rate) {
  return FormatRate(rate, inv.look.numbers) + (inv.look.percent_space ? " %" : "%");
}

std::string HeaderText(const Labels& l, Column kind) {
  switch (kind) {
    case Column::kPosition:
      return l.position;
    case Column::kSku:
      return l.sku;
    case Column::kDescription:
      return l.description;
    case Column::kQuantity:
      return l.quantity;
    case Column::kUnit:
      return l.unit;
    case Column::kUnitPrice:
      return l.unit_price;
    case Column::kTaxRate:
      return l.tax_rate;
    case Column::kAmount:
      return l.amount;
  }
  return {};
}

std::string CellText(const SynthInvoice& inv, std::size_t index, Column kind) {
  const SynthLine& line = inv.lines[index];
  const Look& look = inv.look;
  switch (kind) {
    case Column::kPosition:
      return std::to_string(index + 1);
    case Column::kSku:
      return line.sku;
    case Column::kDescription:
      return line.description;
    case Column::kQuantity: {
      std::string q = FormatNumber(line.quantity, look.numbers);
      if (look.unit_with_quantity && !Has(look.columns, Column::kUnit) && !line.unit.empty()) {
        q += " " + line.unit;
      }
      return q;
    }
    case Column::kUnit:
      return line.unit;
    case Column::kUnitPrice:
      return FormatLineMoney(line.unit_price, inv);
    case Column::kTaxRate:
      return Percent(inv, line.tax_rate);
    case Column::kAmount:
      return FormatLineMoney(line.amount, inv);
  }
  return {};
}

class LineTable {
 public:
  explicit LineTable(LayoutContext& c) : c_(c), w_(c.writer), look_(c.inv.look) {
    header_style_ = c.bold;
    cell_style_ = c.body;
    Measure();
  }

  void Lay() {
    w_.EnsureSpace(RowHeight(0) * 2 + c_.line * 2);
    Header();
    Decimal running = Decimal::FromUnits(0, CurrencyExponent(c_.inv.currency));
    for (std::size_t i = 0; i < c_.inv.lines.size(); ++i) {
      const double h = RowHeight(i);
      const double carry = look_.carry_forward ? c_.line + look_.row_gap + 4 : 0;
      if (w_.y() + h + carry > w_.Bottom()) {
        if (look_.carry_forward) CarryRow(look_.labels.carried_forward, running);
        w_.NewPage();
        Header();
        if (look_.carry_forward) CarryRow(look_.labels.brought_forward, running);
      }
      Row(i, h);
      running = running.Add(c_.inv.lines[i].amount).value();
    }
    w_.Rule(w_.Left(), w_.y(), w_.Right(), w_.y(), 0.8, look_.accent);
    w_.Advance(10);
  }

 private:
  void Measure() {
    for (int attempt = 0; attempt < 2; ++attempt) {
      columns_.clear();
      double fixed = 0;
      for (const Column kind : look_.columns) {
        TableColumn col{kind, HeaderText(look_.labels, kind)};
        if (look_.uppercase_labels) col.header = Upper(col.header);
        col.right = kind != Column::kDescription && kind != Column::kSku && kind != Column::kUnit;
        if (kind != Column::kDescription) {
          double width = w_.Width(col.header, header_style_);
          for (std::size_t i = 0; i < c_.inv.lines.size(); ++i) {
            width = std::max(width, w_.Width(CellText(c_.inv, i, kind), cell_style_));
          }
          col.width = width + 2 * kPad;
          fixed += col.width;
        }
        columns_.push_back(col);
      }
      const double description = w_.ContentWidth() - fixed;
      if (description >= 130 || attempt == 1) {
        double x = w_.Left();
        for (TableColumn& col : columns_) {
          if (col.kind == Column::kDescription) col.width = std::max(description, 90.0);
          col.x = x;
          x += col.width;
        }
        return;
      }
      // Too many wide columns: a smaller table font, as real documents do.
      header_style_.size *= 0.88;
      cell_style_.size *= 0.88;
    }
  }

  const TableColumn& DescriptionColumn() const {
    for (const TableColumn& col : columns_) {
      if (col.kind == Column::kDescription) return col;
    }
    return columns_.front();
  }

  std::vector<std::string> DescriptionLines(std::size_t i) const {
    return w_.Wrap(c_.inv.lines[i].description, DescriptionColumn().width - 2 * kPad, cell_style_);
  }

  double LineHeight() const { return cell_style_.size * 1.3; }
  double RowHeight(std::size_t i) const {
    return static_cast<double>(DescriptionLines(i).size()) * LineHeight() + look_.row_gap;
  }

  void Header() {
    const double h = LineHeight() + 8;
    const double top = w_.y();
    const Rgb tint{0.85 + 0.15 * look_.accent.r, 0.85 + 0.15 * look_.accent.g,
                   0.85 + 0.15 * look_.accent.b};
    switch (look_.table_style) {
      case TableStyle::kShadedHeader:
      case TableStyle::kZebra:
        w_.Box(w_.Left(), top, w_.ContentWidth(), h, tint);
        break;
      case TableStyle::kRules:
        w_.Rule(w_.Left(), top, w_.Right(), top, 0.8, look_.accent);
        break;
      case TableStyle::kGrid:
        w_.Rule(w_.Left(), top, w_.Right(), top, 0.6, {0, 0, 0});
        break;
      case TableStyle::kPlain:
        break;
    }
    const double baseline = top + 4 + header_style_.size;
    for (const TableColumn& col : columns_) {
      if (col.right) {
        w_.TextRight(col.x + col.width - kPad, baseline, col.header, header_style_);
      } else {
        w_.Text(col.x + kPad, baseline, col.header, header_style_);
      }
    }
    if (look_.table_style == TableStyle::kGrid) Verticals(top, top + h);
    w_.Rule(w_.Left(), top + h, w_.Right(), top + h, 0.6,
            look_.table_style == TableStyle::kGrid ? Rgb{0, 0, 0} : look_.accent);
    w_.SetY(top + h + 2);
  }

  void Verticals(double top, double bottom) {
    for (const TableColumn& col : columns_) w_.Rule(col.x, top, col.x, bottom, 0.5, {0, 0, 0});
    w_.Rule(w_.Right(), top, w_.Right(), bottom, 0.5, {0, 0, 0});
  }

  void Row(std::size_t i, double h) {
    const double top = w_.y();
    if (look_.table_style == TableStyle::kZebra && i % 2 == 1) {
      w_.Box(w_.Left(), top, w_.ContentWidth(), h, {0.94, 0.94, 0.94});
    }
    const double baseline = top + look_.row_gap / 2 + cell_style_.size;
    for (const TableColumn& col : columns_) {
      if (col.kind == Column::kDescription) {
        double y = baseline;
        for (const std::string& line : DescriptionLines(i)) {
          w_.Text(col.x + kPad, y, line, cell_style_);
          y += LineHeight();
        }
        continue;
      }
      const std::string text = CellText(c_.inv, i, col.kind);
      if (col.right) {
        w_.TextRight(col.x + col.width - kPad, baseline, text, cell_style_);
      } else {
        w_.Text(col.x + kPad, baseline, text, cell_style_);
      }
    }
    if (look_.table_style == TableStyle::kGrid) {
      Verticals(top, top + h);
      w_.Rule(w_.Left(), top + h, w_.Right(), top + h, 0.4, {0, 0, 0});
    }
    w_.SetY(top + h);
  }

  void CarryRow(const std::string& label, const Decimal& running) {
    const double top = w_.y() + 2;
    const double baseline = top + look_.row_gap / 2 + cell_style_.size;
    w_.Rule(w_.Left(), top, w_.Right(), top, 0.4, {0.4, 0.4, 0.4});
    w_.Text(DescriptionColumn().x + kPad, baseline, label, c_.bold);
    const TableColumn& amount = columns_.back();
    w_.TextRight(amount.x + amount.width - kPad, baseline, FormatLineMoney(running, c_.inv),
                 c_.bold);
    w_.SetY(top + LineHeight() + look_.row_gap + 2);
  }

  LayoutContext& c_;
  PageWriter& w_;
  const Look& look_;
  TextStyle header_style_;
  TextStyle cell_style_;
  std::vector<TableColumn> columns_;
};

}  // namespace

void LayoutLineTable(LayoutContext& c) { LineTable(c).Lay(); }

}  // namespace invoicer::synth
