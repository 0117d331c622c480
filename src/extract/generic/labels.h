#pragma once

#include <string_view>
#include <vector>

#include "extract/generic/pattern.h"

namespace invoicer::extract::generic {

// The label vocabulary of invoices and receipts in English, German, French, Spanish,
// Italian and Dutch. Every function takes folded text (text_fold.h: lower case, no accents)
// and is a pure function of it.

// What a label says an amount is.
enum class AmountRole {
  kNone,
  kTotal,      // the invoice total including tax
  kSubtotal,   // net amount before tax
  kTax,        // VAT / sales tax amount
  kAmountDue,  // what is left to pay
  kPaid,       // cash or card tendered
  kChange,     // change given back
  kRounding,   // cash rounding adjustment
  kDiscount,
};
struct AmountLabel {
  AmountRole role = AmountRole::kNone;
  // How explicit the label is: 3 "grand total" / "Gesamtbetrag" / "Total TTC", 2 "total",
  // 1 a weak word ("amount", "Betrag"); 0 for kNone.
  int strength = 0;
};
AmountLabel ClassifyAmountLabel(std::string_view folded);

// What a label says a date is.
enum class DateRole { kNone, kInvoiceDate, kDueDate, kOther };
struct DateLabel {
  DateRole role = DateRole::kNone;
  // 3 "Invoice date" / "Rechnungsdatum", 2 "Date", 1 a preposition ("vom", "del", "du"):
  // an invoice date only where the line names the invoice.
  int strength = 0;
};
DateLabel ClassifyDateLabel(std::string_view folded);

// True when the text names an invoice, receipt or credit note in one of the six languages.
bool NamesInvoice(std::string_view folded);

// Labels that precede a text value.
enum class TextLabel {
  kInvoiceNumber,  // "Invoice No.", "Rechnungsnummer", "N° de facture", ...
  kInvoiceTitle,   // a document title that may be followed by its number: "Invoice 1234"
  kPurchaseOrder,
  kVatId,  // VAT / GST / tax registration number labels
  kBic,
  kSellerSection,  // a heading introducing the seller's block
  kBuyerSection,   // a heading introducing the customer's block
  kPaymentTerms,
  kCurrency,  // "Currency:", "Währung:"
};
// The label's matches in `folded`, left to right.
std::vector<Pattern::Match> FindLabels(TextLabel label, std::string_view folded);

// True for a line that is contact details rather than a name or an address: telephone, fax,
// e-mail, web, registration or tax numbers.
bool IsContactLine(std::string_view folded);
// True for a line that is a document title ("Tax invoice", "Rechnung", "Receipt").
bool IsTitleLine(std::string_view folded);
// True when the text contains a legal form of a company (GmbH, Ltd, SDN BHD, S.A., ...).
bool HasLegalForm(std::string_view folded);
// True when the text looks like part of a postal address (street words, postcode + town).
bool LooksLikeAddress(std::string_view folded);

// The language of a document from the labels and common words of its text.
enum class Language { kUnknown, kEnglish, kGerman, kFrench, kSpanish, kItalian, kDutch };
Language DetectLanguage(const std::vector<std::string_view>& folded_lines);

}  // namespace invoicer::extract::generic
