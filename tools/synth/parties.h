#pragma once

#include <string>
#include <vector>

#include "synth/rng.h"
#include "synth/synth_invoice.h"

namespace invoicer::synth {

// The currency a business in the country invoices in ("EUR", "CHF", "JPY").
std::string HomeCurrency(Country country);

// The standard and reduced VAT (or US sales tax) rates in force in the country on `date`,
// as decimal strings ("19", "7"; "8.1" in Switzerland from 2024).
std::vector<std::string> TaxRates(Country country, const Date& date);

// A company of the country: a generated name with the country's legal forms, an address
// in the country's postal format, contact details, a commercial register line and (where
// the country has them) a VAT id with valid check digits. `language` is the document's.
Party MakeCompany(Country country, Language language, Rng& rng);
// A private person or sole trader as a customer.
Party MakePerson(Country country, Rng& rng);

// Adds the country line ("Germany", "Allemagne") for a party printed on a document of
// another country.
void AddCountryLine(Party& party, Language language);

}  // namespace invoicer::synth
