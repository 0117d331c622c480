#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "synth/page_writer.h"
#include "synth/synth_invoice.h"

namespace invoicer::synth {

// What the layout stages share while laying out one invoice: the invoice, the page
// writer and the document's text styles. Borrowed references; lives for one layout.
struct LayoutContext {
  const SynthInvoice& inv;
  PageWriter& writer;
  TextStyle body, bold, small, tiny, heading, title;
  double line = 12;  // body line height

  // The label as the document writes it ("Invoice No.:" or "Invoice No.").
  std::string Label(std::string_view text) const;
  std::string FormatDateText(const Date& date) const;
  double LineOf(const TextStyle& style) const { return style.size * 1.3; }
};

LayoutContext MakeLayoutContext(const SynthInvoice& inv, PageWriter& writer);

// UTF-8 upper case for the Latin-1 letters the labels use ("Qté" -> "QTÉ").
std::string Upper(std::string_view text);

// The line items table from the writer's cursor, flowing over pages with the header
// repeated (and carried-forward rows where the look asks for them).
void LayoutLineTable(LayoutContext& c);
// Subtotal, tax per rate, total (and deposit / balance) from the cursor.
void LayoutTotals(LayoutContext& c);
// Tax note, payment terms, bank details in the body, small print, closing line.
void LayoutNotes(LayoutContext& c);

// The bank lines ("Bank: X", "IBAN: ...", "BIC: ...", US account numbers) and whether the
// document prints any.
std::vector<std::string> BankLines(const SynthInvoice& inv, bool with_label);
bool BankPrinted(const SynthInvoice& inv);

// The footer's text: columns of lines (or centred lines). Lines that carry an identifier
// (IBAN, VAT id, e-mail) are never wrapped, as documents keep them whole.
struct FooterLine {
  std::string text;
  bool wrap = false;
};
struct FooterBlock {
  std::vector<std::vector<FooterLine>> columns;
  bool centered = false;
};
FooterBlock BuildFooter(const SynthInvoice& inv);
// Points the footer and page number need at the bottom of each page (wrapped as drawn).
double FooterReserve(const LayoutContext& c, const FooterBlock& footer);
// Footer and page numbers on every page, once the flow is done.
void DrawFooters(LayoutContext& c, const FooterBlock& footer);

}  // namespace invoicer::synth
