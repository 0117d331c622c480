#pragma once

#include "extract/document.h"
#include "extract/templates/template_def.h"
#include "extract/templates/template_set.h"
#include "extract/templates/value.h"

namespace invoicer::extract::templates {

// How sure a template's values are (FieldValue::confidence).
inline constexpr double kConfidenceTemplate = 0.95;  // one value, read by the template
inline constexpr double kConfidenceComposed = 0.9;   // vendor_address joined from its parts
inline constexpr double kConfidenceAmbiguous = 0.6;  // several different values, or a date
                                                     // read without a format whose day and
                                                     // month could be swapped
inline constexpr double kConfidenceDefault = 0.5;    // invoice2data's default currency (EUR)

// Turns invoice2data's output object into our names and types (source kTemplate, page and
// box through LayoutText::Locate):
//   issuer / partner_name -> vendor_name, vat -> vendor_tax_id, company_vat ->
//   customer_tax_id, partner_street[2,3] + partner_zip + partner_city -> vendor_address,
//   invoice_number, date -> invoice_date, date_due -> due_date, amount -> total,
//   amount_untaxed -> subtotal, amount_tax -> total_tax, currency (symbols -> ISO codes),
//   iban, bic, purchase_order_id -> purchase_order, and any field already named as ours;
//   `lines` rows -> line_items (name/description/desc, qty, price_unit/price, price_subtotal/
//   price_total/amount, line_tax_percent).
// Every other field, and any value that does not convert to our field's kind, goes to
// extra_fields_json with invoice2data's types (dates "YYYY-MM-DD", numbers as decimal
// strings, lists as arrays, rows as objects). A pure function.
TemplateMatch ToTemplateMatch(const Value& output, const TemplateDef& def,
                              const LayoutText& layout);

}  // namespace invoicer::extract::templates
