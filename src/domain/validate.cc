#include "domain/validate.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include "common/money.h"

namespace invoicer::domain {

namespace {

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
bool IsUpperAlnum(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'); }
int Digit(char c) { return c - '0'; }
int DigitAt(std::string_view s, std::size_t i) { return Digit(s[i]); }
// The value of a short run of digits (checked by the caller).
long long Number(std::string_view digits) {
  long long v = 0;
  for (const char c : digits) v = v * 10 + Digit(c);
  return v;
}

// Remainder modulo 97 of a string of digits and letters, letters counting as 10..35
// (ISO 7064 MOD 97-10, the IBAN and Dutch/Belgian check).
int Mod97(std::string_view s) {
  int r = 0;
  for (const char c : s) {
    const int v = (c >= 'A' && c <= 'Z') ? c - 'A' + 10 : Digit(c);
    r = v >= 10 ? (r * 100 + v) % 97 : (r * 10 + v) % 97;
  }
  return r;
}

// The Luhn check over all digits of `s` (the last one being the check digit).
bool LuhnValid(std::string_view s) {
  int sum = 0;
  bool twice = false;
  for (auto it = s.rbegin(); it != s.rend(); ++it) {
    int d = Digit(*it);
    if (twice) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

// Sum of d[i] * weights[i] over the leading digits of `s`.
template <std::size_t N>
int WeightedSum(std::string_view s, const std::array<int, N>& weights) {
  int sum = 0;
  for (std::size_t i = 0; i < N; ++i) sum += DigitAt(s, i) * weights[i];
  return sum;
}

// ISO 13616 IBAN lengths by country (the SWIFT IBAN registry).
struct IbanLength {
  std::string_view country;
  std::size_t length;
};
constexpr IbanLength kIbanLengths[] = {
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16},
    {"BG", 22}, {"BH", 22}, {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22},
    {"CY", 28}, {"CZ", 24}, {"DE", 22}, {"DJ", 27}, {"DK", 18}, {"DO", 28}, {"EE", 20},
    {"EG", 29}, {"ES", 24}, {"FI", 18}, {"FK", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22},
    {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27}, {"GT", 28}, {"HR", 21}, {"HU", 28},
    {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26}, {"IT", 27}, {"JO", 30}, {"KW", 30},
    {"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20}, {"LU", 20}, {"LV", 21},
    {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MN", 20}, {"MR", 27},
    {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24},
    {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33},
    {"SA", 24}, {"SC", 31}, {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27},
    {"SO", 23}, {"ST", 25}, {"SV", 28}, {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29},
    {"VA", 22}, {"VG", 24}, {"XK", 20},
};

// --- VAT identification numbers: one check per country, on the part after the prefix. ---

bool CheckDe(std::string_view n) {  // 9 digits, ISO 7064 MOD 11,10
  if (n.size() != 9 || !IsDigits(n) || n[0] == '0') return false;
  int product = 10;
  for (std::size_t i = 0; i < 8; ++i) {
    int sum = (DigitAt(n, i) + product) % 10;
    if (sum == 0) sum = 10;
    product = (2 * sum) % 11;
  }
  const int check = (11 - product) % 10;
  return check == DigitAt(n, 8);
}

bool CheckAt(std::string_view n) {  // U + 8 digits
  if (n.size() != 9 || n[0] != 'U' || !IsDigits(n.substr(1))) return false;
  const std::string_view d = n.substr(1);
  int sum = 0;
  for (std::size_t i = 0; i < 7; ++i) {
    const int v = DigitAt(d, i) * (i % 2 == 0 ? 1 : 2);
    sum += v / 10 + v % 10;
  }
  return (10 - (sum + 4) % 10) % 10 == DigitAt(d, 7);
}

bool CheckBe(std::string_view n) {  // 10 digits (old 9-digit numbers get a leading 0)
  const std::string padded = n.size() == 9 ? "0" + std::string(n) : std::string(n);
  if (padded.size() != 10 || !IsDigits(padded) || padded[0] > '1') return false;
  const std::string_view d = padded;
  return 97 - Number(d.substr(0, 8)) % 97 == Number(d.substr(8));
}

bool CheckNl(std::string_view n) {  // 9 digits + B + 2 digits; mod 11, or mod 97 since 2020
  if (n.size() != 12 || !IsDigits(n.substr(0, 9)) || n[9] != 'B' || !IsDigits(n.substr(10))) {
    return false;
  }
  const int r = WeightedSum(n, std::array{9, 8, 7, 6, 5, 4, 3, 2}) % 11;
  if (r == DigitAt(n, 8) && r != 10) return true;
  return Mod97("NL" + std::string(n)) == 1;
}

bool CheckFr(std::string_view n) {  // 2-character key + 9-digit SIREN
  if (n.size() != 11 || !IsDigits(n.substr(2))) return false;
  if (!IsUpperAlnum(n[0]) || !IsUpperAlnum(n[1])) return false;
  if (!IsDigits(n.substr(0, 2))) return true;  // new-style alphanumeric keys: format only
  return (12 + 3 * (Number(n.substr(2)) % 97)) % 97 == Number(n.substr(0, 2));
}

bool CheckIt(std::string_view n) {  // 11 digits, Luhn
  return n.size() == 11 && IsDigits(n) && LuhnValid(n);
}

bool CheckEs(std::string_view n) {
  if (n.size() != 9) return false;
  constexpr std::string_view kDniLetters = "TRWAGMYFPDXBNJZSQVHLCKE";
  const char first = n[0];
  const char last = n[8];
  if (IsDigits(n.substr(0, 8))) {  // DNI: 8 digits + letter
    return last == kDniLetters[static_cast<std::size_t>(Number(n.substr(0, 8)) % 23)];
  }
  if ((first == 'X' || first == 'Y' || first == 'Z') && IsDigits(n.substr(1, 7))) {  // NIE
    const long long number = (first - 'X') * 10'000'000LL + Number(n.substr(1, 7));
    return last == kDniLetters[static_cast<std::size_t>(number % 23)];
  }
  if ((first == 'K' || first == 'L' || first == 'M') && IsDigits(n.substr(1, 7))) {
    return last == kDniLetters[static_cast<std::size_t>(Number(n.substr(1, 7)) % 23)];
  }
  constexpr std::string_view kEntityLetters = "ABCDEFGHJNPQRSUVW";
  if (kEntityLetters.find(first) == std::string_view::npos || !IsDigits(n.substr(1, 7))) {
    return false;
  }
  int sum = 0;
  for (std::size_t i = 1; i <= 7; ++i) {
    const int d = DigitAt(n, i);
    if (i % 2 == 1) {
      sum += (2 * d) / 10 + (2 * d) % 10;
    } else {
      sum += d;
    }
  }
  const int control = (10 - sum % 10) % 10;
  const char as_letter = "JABCDEFGHI"[control];
  const char as_digit = static_cast<char>('0' + control);
  if (std::string_view("ABEH").find(first) != std::string_view::npos) return last == as_digit;
  if (std::string_view("KNPQRSW").find(first) != std::string_view::npos) return last == as_letter;
  return last == as_digit || last == as_letter;
}

bool CheckGb(std::string_view n) {
  if ((n.starts_with("GD") || n.starts_with("HA")) && n.size() == 5) return IsDigits(n.substr(2));
  if (!IsDigits(n) || (n.size() != 9 && n.size() != 12)) return false;
  const long long sum = WeightedSum(n, std::array{8, 7, 6, 5, 4, 3, 2}) + Number(n.substr(7, 2));
  return sum % 97 == 0 || (sum + 55) % 97 == 0;
}

bool CheckCh(std::string_view n) {  // E + 9 digits, optionally MWST/TVA/IVA/TPV
  if (n.size() < 10 || n[0] != 'E' || !IsDigits(n.substr(1, 9))) return false;
  const std::string_view suffix = n.substr(10);
  if (!suffix.empty() && suffix != "MWST" && suffix != "TVA" && suffix != "IVA" &&
      suffix != "TPV") {
    return false;
  }
  const std::string_view d = n.substr(1, 9);
  const int check = (11 - WeightedSum(d, std::array{5, 4, 3, 2, 7, 6, 5, 4}) % 11) % 11;
  return check != 10 && check == DigitAt(d, 8);
}

bool CheckPl(std::string_view n) {
  if (n.size() != 10 || !IsDigits(n)) return false;
  const int check = WeightedSum(n, std::array{6, 5, 7, 2, 3, 4, 5, 6, 7}) % 11;
  return check != 10 && check == DigitAt(n, 9);
}

bool CheckPt(std::string_view n) {
  if (n.size() != 9 || !IsDigits(n)) return false;
  int check = 11 - WeightedSum(n, std::array{9, 8, 7, 6, 5, 4, 3, 2}) % 11;
  if (check > 9) check = 0;
  return check == DigitAt(n, 8);
}

bool CheckSe(std::string_view n) {
  return n.size() == 12 && IsDigits(n) && n.substr(10) == "01" && LuhnValid(n.substr(0, 10));
}

bool CheckDk(std::string_view n) {
  return n.size() == 8 && IsDigits(n) && n[0] != '0' &&
         WeightedSum(n, std::array{2, 7, 6, 5, 4, 3, 2, 1}) % 11 == 0;
}

bool CheckFi(std::string_view n) {
  if (n.size() != 8 || !IsDigits(n)) return false;
  const int r = WeightedSum(n, std::array{7, 9, 10, 5, 8, 4, 2}) % 11;
  if (r == 1) return false;
  return (r == 0 ? 0 : 11 - r) == DigitAt(n, 7);
}

bool CheckLu(std::string_view n) {
  return n.size() == 8 && IsDigits(n) &&
         Number(n.substr(0, 6)) % 89 == Number(n.substr(6));
}

bool CheckEl(std::string_view n) {  // Greece (prefix EL)
  if (n.size() != 9 || !IsDigits(n)) return false;
  const int sum = WeightedSum(n, std::array{256, 128, 64, 32, 16, 8, 4, 2});
  return (sum % 11) % 10 == DigitAt(n, 8);
}

bool CheckIe(std::string_view n) {
  // Old style (digit, letter or + or *, 5 digits, letter) is the new style rearranged.
  std::string s(n);
  if (s.size() == 8 && std::isdigit(static_cast<unsigned char>(s[0])) &&
      !std::isdigit(static_cast<unsigned char>(s[1]))) {
    if (!IsDigits(s.substr(2, 5)) || !std::isupper(static_cast<unsigned char>(s[7]))) return false;
    s = "0" + s.substr(2, 5) + s.substr(0, 1) + s.substr(7, 1);
  }
  if ((s.size() != 8 && s.size() != 9) || !IsDigits(s.substr(0, 7))) return false;
  int sum = WeightedSum(s, std::array{8, 7, 6, 5, 4, 3, 2});
  if (s.size() == 9) {
    if (s[8] != 'W' && (s[8] < 'A' || s[8] > 'I')) return false;
    sum += (s[8] == 'W' ? 0 : s[8] - 'A' + 1) * 9;
  }
  return s[7] == "WABCDEFGHIJKLMNOPQRSTUV"[sum % 23];
}

bool CheckCz(std::string_view n) {
  if (n.size() < 8 || n.size() > 10 || !IsDigits(n)) return false;
  if (n.size() != 8) return true;  // individuals' birth-number form: format only
  const int c = 11 - WeightedSum(n, std::array{8, 7, 6, 5, 4, 3, 2}) % 11;
  return (c == 10 ? 0 : c == 11 ? 1 : c) % 10 == DigitAt(n, 7);
}

struct VatRule {
  std::string_view prefix;
  bool (*check)(std::string_view number);
};
constexpr VatRule kVatRules[] = {
    {"DE", CheckDe}, {"AT", CheckAt}, {"BE", CheckBe}, {"NL", CheckNl}, {"FR", CheckFr},
    {"IT", CheckIt}, {"ES", CheckEs}, {"GB", CheckGb}, {"XI", CheckGb}, {"CH", CheckCh},
    {"PL", CheckPl}, {"PT", CheckPt}, {"SE", CheckSe}, {"DK", CheckDk}, {"FI", CheckFi},
    {"LU", CheckLu}, {"EL", CheckEl}, {"IE", CheckIe}, {"CZ", CheckCz},
};

// The upper-case VAT id without the separators people write in it.
std::string NormalizeTaxId(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == ' ' || c == '.' || c == '-' || c == '/') continue;
    out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  return out;
}

bool StartsWithCountryLetters(std::string_view id) {
  return id.size() >= 2 && id[0] >= 'A' && id[0] <= 'Z' && id[1] >= 'A' && id[1] <= 'Z';
}

// --- The rules. ---

const FieldValue* Find(const FieldMap& fields, std::string_view name) {
  const auto it = fields.find(name);
  return it == fields.end() ? nullptr : &it->second;
}

std::optional<Decimal> MoneyField(const FieldMap& fields, std::string_view name) {
  const FieldValue* f = Find(fields, name);
  if (f == nullptr) return std::nullopt;
  auto d = Decimal::Parse(f->value);
  return d ? std::optional<Decimal>(*d) : std::nullopt;
}

std::optional<Date> DateField(const FieldMap& fields, std::string_view name) {
  const FieldValue* f = Find(fields, name);
  if (f == nullptr) return std::nullopt;
  auto d = Date::Parse(f->value);
  return d ? std::optional<Date>(*d) : std::nullopt;
}

void Add(std::vector<ValidationIssue>& out, std::string code, Severity severity,
         std::string message, std::vector<std::string> fields) {
  out.push_back(ValidationIssue{std::move(code), severity, std::move(message), std::move(fields)});
}

bool IsRequiredMissing(const FieldMap& fields, const FieldSpec& spec) {
  const FieldValue* f = Find(fields, spec.name);
  return spec.required && (f == nullptr || f->value.empty());
}

// A value that is not of its field's form (an extractor or importer slip; human edits are
// checked before they are stored).
bool IsMalformed(const FieldSpec& spec, std::string_view value) {
  switch (spec.kind) {
    case FieldKind::kDate:
      return !Date::Parse(value);
    case FieldKind::kMoney:
      return !Decimal::Parse(value);
    case FieldKind::kCurrency:
      return !IsKnownCurrency(value);
    case FieldKind::kText:
    case FieldKind::kIban:  // judged by INVALID_IBAN
    case FieldKind::kBic:
      return false;
  }
  return false;
}

void CheckPresenceAndForm(const FieldMap& fields, std::vector<ValidationIssue>& out) {
  for (const FieldSpec& spec : AllFields()) {
    if (IsRequiredMissing(fields, spec)) {
      Add(out, "MISSING_REQUIRED_FIELD", Severity::kError,
          "required field '" + std::string(spec.name) + "' is missing", {std::string(spec.name)});
    } else if (const FieldValue* f = Find(fields, spec.name);
               f != nullptr && IsMalformed(spec, f->value)) {
      Add(out, "INVALID_FIELD_VALUE", Severity::kError,
          "field '" + std::string(spec.name) + "' does not hold a valid value",
          {std::string(spec.name)});
    }
  }
}

void CheckTotals(const FieldMap& fields, std::vector<ValidationIssue>& out) {
  const auto subtotal = MoneyField(fields, "subtotal");
  const auto tax = MoneyField(fields, "total_tax");
  const auto total = MoneyField(fields, "total");
  if (!subtotal || !tax || !total) return;
  const auto sum = subtotal->Add(*tax);
  if (sum && *sum != *total) {
    Add(out, "TOTAL_MISMATCH", Severity::kError,
        "subtotal " + subtotal->ToString() + " + total_tax " + tax->ToString() + " = " +
            sum->ToString() + ", but total is " + total->ToString(),
        {"subtotal", "total_tax", "total"});
  }
}

// A line's amount: as stated, else quantity x unit price rounded to the currency's places.
std::optional<Decimal> LineAmount(const LineItem& item, int exponent) {
  if (item.amount) return item.amount;
  if (!item.quantity || !item.unit_price) return std::nullopt;
  auto product = item.quantity->Mul(*item.unit_price);
  if (!product) return std::nullopt;
  auto rounded = product->RescaledHalfEven(exponent);
  return rounded ? std::optional<Decimal>(*rounded) : std::nullopt;
}

void CheckLineItems(const FieldMap& fields, const std::vector<LineItem>& items,
                    std::vector<ValidationIssue>& out) {
  if (items.empty()) return;
  const FieldValue* currency = Find(fields, "currency");
  const int exponent = CurrencyExponent(currency != nullptr ? currency->value : "EUR");
  Decimal sum;
  for (const LineItem& item : items) {
    const auto amount = LineAmount(item, exponent);
    if (!amount) return;  // a line without an amount: nothing to compare honestly
    auto next = sum.Add(*amount);
    if (!next) return;
    sum = *next;
  }
  const auto subtotal = MoneyField(fields, "subtotal");
  const std::string target = subtotal ? "subtotal" : "total";
  const auto expected = subtotal ? subtotal : MoneyField(fields, "total");
  if (expected && sum != *expected) {
    Add(out, "LINE_ITEMS_MISMATCH", Severity::kError,
        "the line amounts sum to " + sum.ToString() + ", but " + target + " is " +
            expected->ToString(),
        {"line_items", target});
  }
}

void CheckDates(const FieldMap& fields, const Date& today, std::vector<ValidationIssue>& out) {
  const auto invoice_date = DateField(fields, "invoice_date");
  const auto due_date = DateField(fields, "due_date");
  if (invoice_date && due_date && *due_date < *invoice_date) {
    Add(out, "DUE_BEFORE_INVOICE_DATE", Severity::kError,
        "due_date " + due_date->ToString() + " is before invoice_date " +
            invoice_date->ToString(),
        {"due_date", "invoice_date"});
  }
  if (invoice_date && *invoice_date > today) {
    Add(out, "FUTURE_DATE", Severity::kWarning,
        "invoice_date " + invoice_date->ToString() + " is in the future", {"invoice_date"});
  }
}

void CheckBankAndTax(const FieldMap& fields, std::vector<ValidationIssue>& out) {
  if (const FieldValue* iban = Find(fields, "iban"); iban != nullptr && !IsValidIban(iban->value)) {
    Add(out, "INVALID_IBAN", Severity::kError,
        "iban has a wrong length or check digits for its country", {"iban"});
  }
  for (const std::string_view name : {"vendor_tax_id", "customer_tax_id"}) {
    const FieldValue* f = Find(fields, name);
    if (f == nullptr) continue;
    // Only ids written with a country prefix are VAT ids; national tax numbers without one
    // (a German Steuernummer, a US EIN) have no common form to check.
    const std::string id = NormalizeTaxId(f->value);
    if (StartsWithCountryLetters(id) && !IsValidVatId(id)) {
      Add(out, "INVALID_VAT_ID", Severity::kWarning,
          std::string(name) + " does not have the format or check digits of a " +
              id.substr(0, 2) + " VAT id",
          {std::string(name)});
    }
  }
}

}  // namespace

std::vector<ValidationIssue> Validate(const FieldMap& fields, const std::vector<LineItem>& items,
                                      const ValidationContext& context,
                                      const std::vector<ValidationIssue>& extra) {
  std::vector<ValidationIssue> out;
  CheckPresenceAndForm(fields, out);
  CheckTotals(fields, out);
  CheckLineItems(fields, items, out);
  CheckDates(fields, context.today, out);
  CheckBankAndTax(fields, out);
  if (!context.duplicate_ids.empty()) {
    std::string ids;
    for (const auto& id : context.duplicate_ids) ids += (ids.empty() ? "" : ", ") + id;
    Add(out, "DUPLICATE_INVOICE", Severity::kWarning,
        "another invoice has the same vendor and invoice number: " + ids,
        {"vendor_name", "invoice_number"});
  }
  out.insert(out.end(), extra.begin(), extra.end());
  return out;
}

bool IsRuleCode(std::string_view code) {
  static constexpr std::string_view kRuleCodes[] = {
      "MISSING_REQUIRED_FIELD", "INVALID_FIELD_VALUE", "TOTAL_MISMATCH",
      "LINE_ITEMS_MISMATCH",    "DUE_BEFORE_INVOICE_DATE", "FUTURE_DATE",
      "INVALID_IBAN",           "INVALID_VAT_ID",      "DUPLICATE_INVOICE"};
  return std::find(std::begin(kRuleCodes), std::end(kRuleCodes), code) != std::end(kRuleCodes);
}

bool NeedsReview(const FieldMap& fields, const std::vector<ValidationIssue>& issues,
                 double confidence_threshold) {
  if (BlocksValidation(fields, issues)) return true;
  return std::any_of(fields.begin(), fields.end(), [&](const auto& entry) {
    return entry.second.confidence < confidence_threshold;
  });
}

bool BlocksValidation(const FieldMap& fields, const std::vector<ValidationIssue>& issues) {
  const auto specs = AllFields();
  const bool missing = std::any_of(specs.begin(), specs.end(), [&](const FieldSpec& spec) {
    return IsRequiredMissing(fields, spec);
  });
  return missing || std::any_of(issues.begin(), issues.end(), [](const ValidationIssue& i) {
           return i.severity == Severity::kError;
         });
}

double MinConfidence(const FieldMap& fields) {
  double lowest = 1.0;
  for (const auto& [name, value] : fields) lowest = std::min(lowest, value.confidence);
  return lowest;
}

bool IsValidIban(std::string_view iban) {
  if (iban.size() < 5 || !std::all_of(iban.begin(), iban.end(), IsUpperAlnum)) return false;
  if (!IsDigits(iban.substr(2, 2))) return false;
  const auto* entry = std::find_if(std::begin(kIbanLengths), std::end(kIbanLengths),
                                   [&](const IbanLength& e) { return e.country == iban.substr(0, 2); });
  if (entry == std::end(kIbanLengths) || entry->length != iban.size()) return false;
  const std::string rearranged = std::string(iban.substr(4)) + std::string(iban.substr(0, 4));
  return Mod97(rearranged) == 1;
}

bool IsValidVatId(std::string_view vat_id) {
  const std::string id = NormalizeTaxId(vat_id);
  if (!StartsWithCountryLetters(id)) return false;
  const std::string_view prefix = std::string_view(id).substr(0, 2);
  const std::string_view number = std::string_view(id).substr(2);
  for (const VatRule& rule : kVatRules) {
    if (rule.prefix == prefix) return rule.check(number);
  }
  // Countries without a rule here: the common EU form, 2 to 13 letters and digits.
  return number.size() >= 2 && number.size() <= 13 &&
         std::all_of(number.begin(), number.end(), IsUpperAlnum);
}

}  // namespace invoicer::domain
