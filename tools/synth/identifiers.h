#pragma once

#include <string>
#include <string_view>

#include "synth/rng.h"
#include "synth/synth_invoice.h"

namespace invoicer::synth {

// The ISO 3166 code ("DE"); VAT ids and IBANs start with it (Greece would be "EL").
std::string_view CountryCode(Country country);

struct TaxId {
  std::string compact;  // "DE123456789", "CHE123456789MWST"
  std::string printed;  // "DE 123 456 789", "CHE-123.456.789 MWST"
};

// A VAT id with the country's format and valid check digits (DE ISO 7064 mod 11,10; AT, NL,
// GB, IE, CH weighted sums; BE, LU, FR mod 97/89; IT, SE Luhn; ES CIF control character).
// Empty for countries without a VAT id here (US, JP). `language` picks the Swiss suffix.
TaxId MakeVatId(Country country, Language language, Rng& rng);

struct BankAccount {
  std::string iban;  // compact; empty in the US
  std::string bic;
  std::string bank_name;
  std::string us_note;  // "Routing No. 021000021 · Account No. 4839201847" in the US
};

// A bank account in the country: an IBAN of the country's length with valid mod-97 check
// digits (and Belgium's national check), a BIC of the same bank, and the bank's name.
BankAccount MakeBankAccount(Country country, Rng& rng);

// The two IBAN check digits for a country code and BBAN (ISO 13616 mod 97-10).
std::string IbanCheckDigits(std::string_view country_code, std::string_view bban);
// "DE89370400440532013000" -> "DE89 3704 0044 0532 0130 00".
std::string GroupIban(std::string_view iban);

}  // namespace invoicer::synth
