#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "synth/formats.h"
#include "synth/identifiers.h"
#include "synth/layout_context.h"

namespace invoicer::synth {
namespace {

struct TotalRow {
  std::string label;
  std::string value;
  bool strong = false;
};

std::string Percent(const SynthInvoice& inv, const Decimal& rate) {
  return FormatRate(rate, inv.look.numbers) + (inv.look.percent_space ? " %" : "%");
}

std::string TaxLabel(const SynthInvoice& inv, const TaxLine& tax) {
  static constexpr std::array<std::string_view, 6> kOn = {"on",    "auf", "sur",
                                                          "sobre", "su",  "over"};
  const Look& look = inv.look;
  std::string label = look.labels.tax + " " + Percent(inv, tax.rate);
  if (look.tax_base_in_label) {
    label += " " + std::string(kOn[static_cast<std::size_t>(look.language)]) + " " +
             FormatNumber(tax.base, look.numbers);
  }
  return label;
}

std::string IbanText(const SynthInvoice& inv) {
  return inv.look.iban_grouped ? GroupIban(inv.iban) : inv.iban;
}

void Paragraph(LayoutContext& c, const std::string& text, const TextStyle& style) {
  PageWriter& w = c.writer;
  for (const std::string& line : w.Wrap(text, w.ContentWidth(), style)) {
    w.EnsureSpace(c.LineOf(style));
    w.Advance(c.LineOf(style));
    w.Text(w.Left(), w.y(), line, style);
  }
  w.Advance(6);
}

}  // namespace

std::vector<std::string> BankLines(const SynthInvoice& inv, bool with_label) {
  const Labels& l = inv.look.labels;
  std::vector<std::string> lines;
  const std::string colon = inv.look.colons ? ": " : " ";
  if (with_label) lines.push_back(l.bank + colon + inv.bank_name);
  if (!with_label) lines.push_back(inv.bank_name);
  if (inv.look.show_iban) lines.push_back(l.iban + colon + IbanText(inv));
  if (inv.look.show_bic) lines.push_back(l.bic + colon + inv.bic);
  if (!inv.bank_account_note.empty()) lines.push_back(inv.bank_account_note);
  return lines;
}

bool BankPrinted(const SynthInvoice& inv) {
  return inv.look.show_iban || !inv.bank_account_note.empty();
}

void LayoutTotals(LayoutContext& c) {
  PageWriter& w = c.writer;
  const SynthInvoice& inv = c.inv;
  const Look& look = inv.look;
  const Labels& l = look.labels;
  std::vector<TotalRow> rows;
  rows.push_back({l.subtotal, FormatMoney(inv.subtotal, inv)});
  for (const TaxLine& tax : inv.taxes)
    rows.push_back({TaxLabel(inv, tax), FormatMoney(tax.tax, inv)});
  if (inv.taxes.size() > 1) rows.push_back({l.total_tax, FormatMoney(inv.total_tax, inv)});
  std::string total_label = l.total;
  const bool note_only = look.currency_display == CurrencyDisplay::kNoteOnly;
  if (note_only && look.currency_in_total_label) total_label += " " + inv.currency;
  rows.push_back({total_label, FormatMoney(inv.total, inv), true});
  if (!inv.amount_paid.IsZero()) {
    rows.push_back({l.amount_paid, FormatMoney(inv.amount_paid.Negated(), inv)});
    rows.push_back({l.balance_due, FormatMoney(inv.amount_due, inv), true});
  }
  double label_w = 0;
  double value_w = 0;
  for (const TotalRow& row : rows) {
    label_w = std::max(label_w, w.Width(c.Label(row.label), c.bold));
    value_w = std::max(value_w, w.Width(row.value, c.bold));
  }
  const double block = label_w + 24 + value_w;
  const double right = look.totals_left ? w.Left() + block : w.Right() - 5;
  const double left = right - block;
  const double gap = c.line + 3;
  w.EnsureSpace(gap * static_cast<double>(rows.size() + 1) + 10);
  for (const TotalRow& row : rows) {
    if (row.strong) {
      w.Rule(left, w.y() + 5, right, w.y() + 5, 0.8, look.accent);
      w.Advance(5);
    }
    w.Advance(gap);
    const TextStyle& style = row.strong ? c.bold : c.body;
    w.Text(left, w.y(), c.Label(row.label), style);
    w.TextRight(right, w.y(), row.value, style);
  }
  if (note_only && !look.currency_in_total_label) {
    w.Advance(gap);
    w.Text(left, w.y(), Fill(l.currency_note, "cur", inv.currency), c.small);
  }
  w.Advance(18);
}

void LayoutNotes(LayoutContext& c) {
  const SynthInvoice& inv = c.inv;
  const Look& look = inv.look;
  if (!inv.tax_note.empty()) Paragraph(c, inv.tax_note, c.body);
  if (look.show_terms) Paragraph(c, inv.payment_terms, c.body);
  if (look.bank_in_body && BankPrinted(inv)) {
    PageWriter& w = c.writer;
    const std::vector<std::string> lines = BankLines(inv, true);
    w.EnsureSpace(c.line * static_cast<double>(lines.size()) + 8);
    for (const std::string& line : lines) {
      w.Advance(c.line);
      w.Text(w.Left(), w.y(), line, c.body);
    }
    w.Advance(8);
  }
  if (!inv.legal_note.empty()) Paragraph(c, inv.legal_note, c.tiny);
  if (look.closing) Paragraph(c, look.labels.closing, c.body);
}

}  // namespace invoicer::synth
