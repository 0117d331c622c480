#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/money.h"
#include "common/time.h"

namespace invoicer::synth {

enum class Language { kEn, kDe, kFr, kEs, kIt, kNl };

// Countries that issue invoices here; kJp only receives them (export invoices in JPY).
enum class Country { kDe, kAt, kCh, kFr, kBe, kLu, kEs, kIt, kNl, kGb, kIe, kUs, kSe, kJp };

// How numbers are written: 1,234.56 / 1.234,56 / 1 234,56 (plain or no-break space) /
// 1'234.56 / 1234.56 / 1234,56.
enum class NumberStyle {
  kCommaDot,
  kDotComma,
  kSpaceComma,
  kNbspComma,
  kApostropheDot,
  kPlainDot,
  kPlainComma
};

// How dates are written: 2024-03-12, 12.03.2024, 12/03/2024, 03/12/2024, 12-03-2024,
// 12 March 2024 (12. März 2024, 12 de marzo de 2024...), March 12, 2024, 12 Mar 2024,
// Mar 12, 2024, and 5.3.2024 (no zero padding).
enum class DateStyle {
  kIso,
  kDotDmy,
  kSlashDmy,
  kSlashMdy,
  kDashDmy,
  kLongDmy,
  kLongMdy,
  kAbbrevDmy,
  kAbbrevMdy,
  kDotDmyUnpadded
};

// Where the currency goes on money amounts: "EUR 12.00", "12.00 EUR", "€12.00", "12,00 €",
// or nowhere (the document names its currency once in a note or a column header).
enum class CurrencyDisplay { kCodeBefore, kCodeAfter, kSymbolBefore, kSymbolAfter, kNoteOnly };

enum class Paper { kA4, kLetter };
enum class FontFamily {
  kDejaVuSans,
  kDejaVuSerif,
  kDejaVuSansMono,
  kLiberationSans,
  kLiberationSerif,
  kLiberationMono
};
// The three page plans: classic European letter (letterhead, window address, meta block
// beside it), modern (title and meta top right, bill-to below the letterhead), band (meta
// fields as a row of label-over-value cells).
enum class Composition { kClassic, kModern, kBand };
enum class Align { kLeft, kCenter, kRight };
enum class Column {
  kPosition,
  kSku,
  kDescription,
  kQuantity,
  kUnit,
  kUnitPrice,
  kTaxRate,
  kAmount
};
enum class TableStyle { kRules, kGrid, kShadedHeader, kZebra, kPlain };
enum class FooterStyle { kColumns, kCentered, kNone };

struct Rgb {
  double r = 0, g = 0, b = 0;
};

// The label texts one document uses (one variant per key, chosen by the generator).
// Templates contain {days}, {due}, {p}, {n} or {cur} where noted.
struct Labels {
  std::string title, invoice_number, invoice_date, due_date, delivery_date, customer_number,
      order_ref, vat_id, customer_vat_id, bill_to, page /* {p} {n} */, position, sku, description,
      quantity, unit, unit_price, tax_rate, amount, subtotal, tax, total_tax, total, amount_paid,
      balance_due, carried_forward, brought_forward, currency_note /* {cur} */, intro, closing,
      terms /* {days} or {due} */, phone, email, web, bank, iban, bic, reverse_charge, manager;
};

// Every presentation choice of one document. The layout follows it exactly; the truth is
// derived from the same choices (a field is in the truth only when it is printed).
struct Look {
  Language language = Language::kEn;
  NumberStyle numbers = NumberStyle::kCommaDot;
  DateStyle dates = DateStyle::kIso;
  CurrencyDisplay currency_display = CurrencyDisplay::kCodeAfter;
  bool currency_in_table = false;        // line amounts carry the currency too
  bool currency_in_total_label = false;  // kNoteOnly: "Total EUR" instead of a note line
  bool percent_space = false;            // "19 %" rather than "19%"
  int quantity_places = 0;               // decimals printed on quantities
  Labels labels;

  Paper paper = Paper::kA4;
  FontFamily font = FontFamily::kDejaVuSans;
  double font_size = 9;
  Rgb accent;
  double margin = 50;  // page margin in points
  Composition composition = Composition::kClassic;
  Align letterhead = Align::kLeft;
  bool logo = false;
  bool compact_letterhead = false;  // address and contacts on one line each
  bool sender_line = false;         // the small return-address line above the recipient
  bool recipient_right = false;     // window address on the right (Swiss/French letters)
  bool place_date_line = false;     // "Berlin, 12.03.2024" instead of a labelled date
  bool number_in_title = false;     // "Invoice INV-001" as the title
  bool colons = true;               // "Invoice No.:" rather than "Invoice No."
  bool uppercase_labels = false;    // table header in capitals
  std::vector<Column> columns;
  bool unit_with_quantity = false;  // "2 Stk." in the quantity cell when there is no unit column
  TableStyle table_style = TableStyle::kRules;
  double row_gap = 4;  // extra points between table rows
  bool totals_left = false;
  bool tax_base_in_label = false;  // "VAT 20% on 1,234.00"
  FooterStyle footer = FooterStyle::kColumns;
  bool bank_in_body = false;  // bank details under the totals instead of the footer
  bool page_numbers = true;
  bool carry_forward = false;  // "Carried forward" / "Brought forward" rows on page breaks
  bool intro = false;
  bool closing = false;
  bool iban_grouped = true;  // "DE89 3704 ..." rather than "DE8937..."

  bool show_due_date = false;
  bool show_delivery_date = false;
  bool show_customer_number = false;
  bool show_order_ref = false;
  bool show_vendor_vat = false;
  bool vendor_vat_in_meta = false;  // in the meta block rather than the footer or letterhead
  bool show_contact = false;        // "Attn: ..." line in the recipient block
  bool show_customer_vat = false;
  bool show_iban = false;
  bool show_bic = false;
  bool show_terms = false;
  bool due_in_terms = false;  // the due date is printed inside the terms sentence
};

struct Party {
  std::string name;
  std::vector<std::string> address_lines;  // street lines, postcode and city, country
  std::string city;
  Country country = Country::kDe;
  std::string vat_compact;  // "DE123456789"; empty when the party has none
  std::string vat_printed;  // as the document prints it ("DE 123 456 789")
  std::string phone, email, website, contact, registration, manager;
};

struct SynthLine {
  std::string description;
  std::string sku;
  Decimal quantity;
  std::string unit;
  Decimal unit_price;
  Decimal amount;  // quantity x unit price at the currency's places
  Decimal tax_rate;
};

struct TaxLine {
  Decimal rate;
  Decimal base;
  Decimal tax;
};

// One generated invoice: its content (the ground truth) and its look.
struct SynthInvoice {
  std::string invoice_number;
  Date invoice_date;
  Date due_date;
  Date delivery_date;
  int payment_days = 30;
  std::string currency;
  std::string currency_symbol;  // equal to the code where no unambiguous symbol exists
  Party vendor;
  Party customer;
  std::string customer_number;
  std::string purchase_order;
  std::vector<SynthLine> lines;
  std::vector<TaxLine> taxes;
  Decimal subtotal;
  Decimal total_tax;
  Decimal total;
  Decimal amount_paid;  // zero unless a deposit was paid
  Decimal amount_due;
  std::string iban;  // compact; empty when the vendor has none (US)
  std::string bic;
  std::string bank_name;
  std::string bank_account_note;  // US: routing and account numbers
  std::string payment_terms;      // the printed sentence
  std::string tax_note;           // reverse charge / export note, empty when none
  std::string legal_note;         // small print with its own numbers (French late-payment terms)
  Look look;
};

}  // namespace invoicer::synth
