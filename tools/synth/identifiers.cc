#include "synth/identifiers.h"

#include <array>
#include <cassert>
#include <vector>

namespace invoicer::synth {
namespace {

std::string Digits(Rng& rng, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out.push_back(static_cast<char>('0' + rng.Uniform(0, 9)));
  return out;
}

// Digits without a leading zero (numbers people write as integers).
std::string LeadDigits(Rng& rng, int count) {
  return std::string(1, static_cast<char>('1' + rng.Uniform(0, 8))) + Digits(rng, count - 1);
}

int DigitAt(std::string_view s, std::size_t i) { return s[i] - '0'; }

template <std::size_t N>
int WeightedSum(std::string_view digits, const std::array<int, N>& weights) {
  int sum = 0;
  for (std::size_t i = 0; i < N; ++i) sum += DigitAt(digits, i) * weights[i];
  return sum;
}

long long Number(std::string_view digits) {
  long long n = 0;
  for (const char c : digits) n = n * 10 + (c - '0');
  return n;
}

// The Luhn check digit that makes `payload` + digit valid.
int LuhnDigit(std::string_view payload) {
  int sum = 0;
  bool twice = true;  // the rightmost payload digit is doubled once the check digit follows
  for (auto it = payload.rbegin(); it != payload.rend(); ++it) {
    int d = *it - '0';
    if (twice) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    twice = !twice;
  }
  return (10 - sum % 10) % 10;
}

std::string Pad(long long value, int width) {
  std::string s = std::to_string(value);
  return std::string(static_cast<std::size_t>(width) - s.size(), '0') + s;
}

TaxId German(Rng& rng) {
  const std::string base = LeadDigits(rng, 8);
  int product = 10;  // ISO 7064 MOD 11,10
  for (const char c : base) {
    int sum = (c - '0' + product) % 10;
    if (sum == 0) sum = 10;
    product = (2 * sum) % 11;
  }
  const int check = (11 - product) % 10;
  const std::string n = base + std::to_string(check);
  return {"DE" + n, rng.Chance(0.7)
                        ? "DE" + n
                        : "DE " + n.substr(0, 3) + " " + n.substr(3, 3) + " " + n.substr(6)};
}

TaxId Austrian(Rng& rng) {
  const std::string base = Digits(rng, 7);
  int sum = 0;
  for (std::size_t i = 0; i < 7; ++i) {
    const int d = DigitAt(base, i);
    sum += i % 2 == 0 ? d : (2 * d) / 10 + (2 * d) % 10;
  }
  const int check = (96 - sum) % 10;
  const std::string n = "U" + base + std::to_string(check);
  return {"AT" + n, rng.Chance(0.8) ? "AT" + n : "AT " + n};
}

TaxId Swiss(Language language, Rng& rng) {
  for (;;) {
    const std::string base = LeadDigits(rng, 8);
    const int check = (11 - WeightedSum(base, std::array{5, 4, 3, 2, 7, 6, 5, 4}) % 11) % 11;
    if (check == 10) continue;
    const std::string n = base + std::to_string(check);
    const std::string suffix = language == Language::kFr ? "TVA" : "MWST";
    return {"CHE" + n + suffix,
            "CHE-" + n.substr(0, 3) + "." + n.substr(3, 3) + "." + n.substr(6) + " " + suffix};
  }
}

TaxId French(Rng& rng) {
  std::string siren = LeadDigits(rng, 8);
  siren += std::to_string(LuhnDigit(siren));
  const long long key = (12 + 3 * (Number(siren) % 97)) % 97;
  const std::string compact = "FR" + Pad(key, 2) + siren;
  return {compact, rng.Chance(0.5) ? compact
                                   : "FR " + Pad(key, 2) + " " + siren.substr(0, 3) + " " +
                                         siren.substr(3, 3) + " " + siren.substr(6)};
}

TaxId Belgian(Rng& rng) {
  const std::string base = std::to_string(rng.Uniform(0, 1)) + LeadDigits(rng, 7);
  const long long check = 97 - Number(base) % 97;
  const std::string n = base + Pad(check, 2);
  return {"BE" + n, rng.Chance(0.5)
                        ? "BE" + n
                        : "BE " + n.substr(0, 4) + "." + n.substr(4, 3) + "." + n.substr(7)};
}

TaxId Luxembourgish(Rng& rng) {
  const std::string base = LeadDigits(rng, 6);
  const std::string n = base + Pad(Number(base) % 89, 2);
  return {"LU" + n, "LU" + n};
}

TaxId Spanish(Rng& rng) {
  const char letter = rng.Chance(0.7) ? 'B' : 'A';  // S.L. / S.A.
  const std::string digits = Digits(rng, 7);
  int sum = 0;
  for (std::size_t i = 0; i < 7; ++i) {
    const int d = DigitAt(digits, i);
    sum += i % 2 == 0 ? (2 * d) / 10 + (2 * d) % 10 : d;
  }
  const int control = (10 - sum % 10) % 10;
  const std::string n = std::string(1, letter) + digits + std::to_string(control);
  return {"ES" + n, rng.Chance(0.6) ? "ES" + n : "ES " + n};
}

TaxId Italian(Rng& rng) {
  const std::string company = Digits(rng, 7);
  const std::string office = Pad(rng.Uniform(1, 100), 3);
  const std::string payload = company + office;
  const std::string n = payload + std::to_string(LuhnDigit(payload));
  return {"IT" + n, rng.Chance(0.5) ? "IT" + n : "IT " + n};
}

TaxId Dutch(Rng& rng) {
  for (;;) {
    const std::string base = LeadDigits(rng, 8);
    const int check = WeightedSum(base, std::array{9, 8, 7, 6, 5, 4, 3, 2}) % 11;
    if (check == 10) continue;
    const std::string n = base + std::to_string(check) + "B0" + std::to_string(rng.Uniform(1, 3));
    return {"NL" + n, "NL" + n};
  }
}

TaxId British(Rng& rng) {
  const std::string base = LeadDigits(rng, 7);
  const int sum = WeightedSum(base, std::array{8, 7, 6, 5, 4, 3, 2});
  const int check = (97 - sum % 97) % 97;
  const std::string n = base + Pad(check, 2);
  return {"GB" + n, rng.Chance(0.6)
                        ? "GB " + n.substr(0, 3) + " " + n.substr(3, 4) + " " + n.substr(7)
                        : "GB" + n};
}

TaxId Irish(Rng& rng) {
  const std::string base = Digits(rng, 7);
  const int sum = WeightedSum(base, std::array{8, 7, 6, 5, 4, 3, 2});
  const std::string n = base + std::string(1, "WABCDEFGHIJKLMNOPQRSTUV"[sum % 23]);
  return {"IE" + n, "IE" + n};
}

TaxId Swedish(Rng& rng) {
  const std::string base = "55" + Digits(rng, 7);
  const std::string org = base + std::to_string(LuhnDigit(base));
  return {"SE" + org + "01", "SE" + org + "01"};
}

struct Bank {
  std::string_view code;
  std::string_view name;
};

std::vector<Bank> BanksOf(Country country) {
  switch (country) {
    case Country::kDe:
      return {{"COBA", "Commerzbank"},
              {"DEUT", "Deutsche Bank"},
              {"GENO", "Volksbank eG"},
              {"BYLA", "Sparkasse"},
              {"HYVE", "UniCredit Bank - HypoVereinsbank"}};
    case Country::kAt:
      return {
          {"BKAU", "UniCredit Bank Austria"}, {"RZBA", "Raiffeisen Bank"}, {"GIBA", "Erste Bank"}};
    case Country::kCh:
      return {{"UBSW", "UBS Switzerland AG"},
              {"ZKBK", "Zürcher Kantonalbank"},
              {"POFI", "PostFinance"},
              {"RAIF", "Raiffeisen Schweiz"}};
    case Country::kFr:
      return {{"BNPA", "BNP Paribas"},
              {"CRLY", "LCL"},
              {"AGRI", "Crédit Agricole"},
              {"SOGE", "Société Générale"},
              {"CCBP", "Banque Populaire"}};
    case Country::kBe:
      return {{"GEBA", "BNP Paribas Fortis"}, {"KRED", "KBC Bank"}, {"BBRU", "ING Belgium"}};
    case Country::kLu:
      return {{"BCEE", "Spuerkeess"}, {"BGLL", "BGL BNP Paribas"}};
    case Country::kEs:
      return {{"CAIX", "CaixaBank"},
              {"BSCH", "Banco Santander"},
              {"BBVA", "BBVA"},
              {"BSAB", "Banco Sabadell"}};
    case Country::kIt:
      return {{"BCIT", "Intesa Sanpaolo"}, {"UNCR", "UniCredit"}, {"BPMO", "BPER Banca"}};
    case Country::kNl:
      return {{"ABNA", "ABN AMRO"},
              {"RABO", "Rabobank"},
              {"INGB", "ING Bank"},
              {"KNAB", "Knab"},
              {"TRIO", "Triodos Bank"}};
    case Country::kGb:
      return {{"BARC", "Barclays Bank"},
              {"LOYD", "Lloyds Bank"},
              {"NWBK", "NatWest"},
              {"HBUK", "HSBC UK"}};
    case Country::kIe:
      return {{"AIBK", "AIB"}, {"BOFI", "Bank of Ireland"}};
    case Country::kSe:
      return {{"HAND", "Handelsbanken"}, {"ESSE", "SEB"}, {"NDEA", "Nordea"}, {"SWED", "Swedbank"}};
    case Country::kUs:
      return {{"CHAS", "JPMorgan Chase Bank"},
              {"BOFA", "Bank of America"},
              {"WFBI", "Wells Fargo Bank"}};
    case Country::kJp:
      return {{"MHCB", "Mizuho Bank"}, {"BOTK", "MUFG Bank"}};
  }
  return {};
}

// The BBAN: national layout of bank code and account number, letters where the country
// uses them (NL, GB, IE bank codes; the Italian CIN).
std::string Bban(Country country, std::string_view bank_code, Rng& rng) {
  switch (country) {
    case Country::kDe:
      return Digits(rng, 18);
    case Country::kAt:
      return Digits(rng, 16);
    case Country::kCh:
      return Digits(rng, 17);
    case Country::kFr:
      return Digits(rng, 23);
    case Country::kBe: {
      const std::string base = Digits(rng, 10);
      long long check = Number(base) % 97;
      if (check == 0) check = 97;
      return base + Pad(check, 2);
    }
    case Country::kLu:
      return Digits(rng, 16);
    case Country::kEs:
      return Digits(rng, 20);
    case Country::kIt:
      return std::string(1, static_cast<char>('A' + rng.Uniform(0, 25))) + Digits(rng, 22);
    case Country::kNl:
      return std::string(bank_code) + Digits(rng, 10);
    case Country::kGb:
    case Country::kIe:
      return std::string(bank_code) + Digits(rng, 14);
    case Country::kSe:
      return Digits(rng, 20);
    case Country::kUs:
    case Country::kJp:
      return {};
  }
  return {};
}

}  // namespace

std::string_view CountryCode(Country country) {
  static constexpr std::array<std::string_view, 14> kCodes = {
      "DE", "AT", "CH", "FR", "BE", "LU", "ES", "IT", "NL", "GB", "IE", "US", "SE", "JP"};
  return kCodes[static_cast<std::size_t>(country)];
}

TaxId MakeVatId(Country country, Language language, Rng& rng) {
  switch (country) {
    case Country::kDe:
      return German(rng);
    case Country::kAt:
      return Austrian(rng);
    case Country::kCh:
      return Swiss(language, rng);
    case Country::kFr:
      return French(rng);
    case Country::kBe:
      return Belgian(rng);
    case Country::kLu:
      return Luxembourgish(rng);
    case Country::kEs:
      return Spanish(rng);
    case Country::kIt:
      return Italian(rng);
    case Country::kNl:
      return Dutch(rng);
    case Country::kGb:
      return British(rng);
    case Country::kIe:
      return Irish(rng);
    case Country::kSe:
      return Swedish(rng);
    case Country::kUs:
    case Country::kJp:
      return {};
  }
  return {};
}

std::string IbanCheckDigits(std::string_view country_code, std::string_view bban) {
  const std::string rearranged = std::string(bban) + std::string(country_code) + "00";
  int remainder = 0;
  for (const char c : rearranged) {
    if (c >= '0' && c <= '9') {
      remainder = (remainder * 10 + (c - '0')) % 97;
    } else {
      remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
    }
  }
  return Pad(98 - remainder, 2);
}

std::string GroupIban(std::string_view iban) {
  std::string out;
  for (std::size_t i = 0; i < iban.size(); ++i) {
    if (i > 0 && i % 4 == 0) out.push_back(' ');
    out.push_back(iban[i]);
  }
  return out;
}

BankAccount MakeBankAccount(Country country, Rng& rng) {
  const std::vector<Bank> banks = BanksOf(country);
  const Bank bank = rng.Pick(banks);
  const std::string_view code = CountryCode(country);
  BankAccount account;
  account.bank_name = std::string(bank.name);
  constexpr std::string_view kLocations = "ABCDEFGHJKLMNPRSTUWXYZ23456789";
  std::string location;
  location.push_back(kLocations[rng.Index(kLocations.size())]);
  location.push_back(kLocations[rng.Index(kLocations.size())]);
  account.bic = std::string(bank.code) + std::string(code) + location;
  if (rng.Chance(0.4)) account.bic += "XXX";
  if (country == Country::kUs || country == Country::kJp) {
    account.us_note = "Routing No. " + Digits(rng, 9) + " / Account No. " + LeadDigits(rng, 10);
    return account;
  }
  const std::string bban = Bban(country, bank.code, rng);
  account.iban = std::string(code) + IbanCheckDigits(code, bban) + bban;
  return account;
}

}  // namespace invoicer::synth
