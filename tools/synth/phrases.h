#pragma once

#include <string_view>
#include <vector>

#include "synth/rng.h"
#include "synth/synth_invoice.h"

namespace invoicer::synth {

// The label and sentence variants real invoices use in one language, from which each
// document picks one per key (ChooseLabels). Static data; thread-safe.
struct PhraseBook {
  using Variants = std::vector<std::string_view>;
  Variants title, invoice_number, invoice_date, due_date, delivery_date, customer_number, order_ref,
      vat_id, customer_vat_id, bill_to, page, position, sku, description, quantity, unit,
      unit_price, tax_rate, amount, subtotal, tax, sales_tax, total_tax, total, total_with_deposit,
      amount_paid, balance_due, carried_forward, brought_forward, currency_note, intro, closing,
      terms_days, terms_due, terms_immediate, phone, email, web, bank, iban, bic, reverse_charge,
      export_note, manager;
};

const PhraseBook& Phrases(Language language);

// One variant per key. `sales_tax` picks the US "Sales Tax" wording for the tax label;
// `deposit` picks total labels that cannot be read as the balance due.
Labels ChooseLabels(Language language, bool sales_tax, bool deposit, Rng& rng);

// The country's name in the language ("Allemagne"), for foreign addresses.
std::string_view CountryName(Country country, Language language);

}  // namespace invoicer::synth
