#include "synth/invoice_generator.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <map>
#include <string_view>

#include "synth/catalog.h"
#include "synth/formats.h"
#include "synth/identifiers.h"
#include "synth/look_chooser.h"
#include "synth/parties.h"
#include "synth/phrases.h"
#include "synth/rng.h"

namespace invoicer::synth {
namespace {

// Values here are bounded far below Decimal's 18 digits, so arithmetic cannot fail.
Decimal Must(Result<Decimal> r) { return std::move(r).value(); }

bool InEu(Country c) {
  return c != Country::kCh && c != Country::kGb && c != Country::kUs && c != Country::kJp;
}

Country PickVendorCountry(Rng& rng) {
  static constexpr Country kCountries[] = {Country::kDe, Country::kGb, Country::kUs, Country::kFr,
                                           Country::kEs, Country::kIt, Country::kNl, Country::kAt,
                                           Country::kCh, Country::kBe, Country::kIe, Country::kSe,
                                           Country::kLu};
  const std::size_t i = rng.Weighted({18, 10, 10, 12, 8, 8, 8, 5, 7, 6, 3, 4, 1});
  return kCountries[i];
}

Language PickLanguage(Country country, Rng& rng) {
  switch (country) {
    case Country::kDe:
    case Country::kAt:
      return rng.Chance(0.9) ? Language::kDe : Language::kEn;
    case Country::kCh: {
      const std::size_t i = rng.Weighted({65, 25, 10});
      return i == 0 ? Language::kDe : i == 1 ? Language::kFr : Language::kEn;
    }
    case Country::kFr:
      return rng.Chance(0.92) ? Language::kFr : Language::kEn;
    case Country::kBe: {
      const std::size_t i = rng.Weighted({50, 45, 5});
      return i == 0 ? Language::kNl : i == 1 ? Language::kFr : Language::kEn;
    }
    case Country::kLu: {
      const std::size_t i = rng.Weighted({60, 30, 10});
      return i == 0 ? Language::kFr : i == 1 ? Language::kDe : Language::kEn;
    }
    case Country::kEs:
      return rng.Chance(0.92) ? Language::kEs : Language::kEn;
    case Country::kIt:
      return rng.Chance(0.92) ? Language::kIt : Language::kEn;
    case Country::kNl:
      return rng.Chance(0.8) ? Language::kNl : Language::kEn;
    default:
      return Language::kEn;
  }
}

// English documents whose numeric dates could be read either way (03/04/2024) get a day
// after the 12th, so the truth is not a guess; other languages write the day first.
bool NeedsUnambiguousDay(Language language, DateStyle style) {
  return language == Language::kEn &&
         (style == DateStyle::kSlashDmy || style == DateStyle::kSlashMdy ||
          style == DateStyle::kDashDmy);
}

Date AddDays(const Date& date, int days) {
  const std::chrono::year_month_day ymd{date.Days() + std::chrono::days{days}};
  return Date::FromYmd(static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()))
      .value();
}

std::string CurrencySymbol(std::string_view code) {
  if (code == "EUR") return "€";
  if (code == "USD") return "$";
  if (code == "GBP") return "£";
  if (code == "JPY") return "¥";
  return std::string(code);
}

std::string Pad(int value, int width) {
  std::string s = std::to_string(value);
  return std::string(static_cast<std::size_t>(std::max(0, width - static_cast<int>(s.size()))),
                     '0') +
         s;
}

std::string InvoiceNumber(Language language, const Date& date, Rng& rng) {
  static constexpr std::array<std::array<std::string_view, 3>, 6> kPrefixes = {{
      {"INV", "IN", "SI"},
      {"RE", "R", "RG"},
      {"FA", "FAC", "F"},
      {"FAC", "F", "FV"},
      {"FT", "FATT", "FV"},
      {"F", "FACT", "INV"},
  }};
  const std::string prefix(rng.Pick(kPrefixes[static_cast<std::size_t>(language)]));
  const std::string year = std::to_string(date.year());
  const std::string yy = year.substr(2);
  switch (rng.Weighted({5, 2, 3, 3, 2, 2, 1, 1})) {
    case 0:
      return prefix + "-" + year + "-" + Pad(rng.Uniform(1, 99999), rng.Chance(0.5) ? 5 : 4);
    case 1:
      return year + Pad(rng.Uniform(1, 9999), 4);
    case 2:
      return std::to_string(rng.Uniform(10000, 9999999));
    case 3:
      return prefix + yy + Pad(rng.Uniform(1, 9999), 4);
    case 4:
      return std::to_string(rng.Uniform(1, 999)) + "/" + year;
    case 5:
      return std::string(rng.Pick({"A", "B", "F"})) + "/" + year + "/" +
             Pad(rng.Uniform(1, 9999), 4);
    case 6:
      return prefix + "/" + year + "/" + Pad(static_cast<int>(date.month()), 2) + "/" +
             Pad(rng.Uniform(1, 999), 3);
    default:
      return Pad(rng.Uniform(1, 9999), 4) + "-" + yy;
  }
}

std::string CustomerNumber(Rng& rng) {
  switch (rng.Weighted({3, 2, 2, 1, 2})) {
    case 0:
      return "K" + Pad(rng.Uniform(1, 99999), 5);
    case 1:
      return "10" + Pad(rng.Uniform(0, 9999), 4);
    case 2:
      return "C-" + Pad(rng.Uniform(1, 9999), 4);
    case 3:
      return "DEB" + Pad(rng.Uniform(1, 99999), 5);
    default:
      return std::to_string(rng.Uniform(10000, 999999));
  }
}

std::string PurchaseOrder(const Date& date, Rng& rng) {
  switch (rng.Weighted({3, 3, 2, 2, 1})) {
    case 0:
      return "PO-" + std::to_string(rng.Uniform(10000, 999999));
    case 1:
      return "4500" + Pad(rng.Uniform(0, 999999), 6);
    case 2:
      return "B-" + std::to_string(date.year()) + "-" + Pad(rng.Uniform(1, 999), 3);
    case 3:
      return std::to_string(rng.Uniform(100000, 99999999));
    default:
      return "ORD-" + Pad(rng.Uniform(1, 99999), 5);
  }
}

constexpr std::array<std::string_view, 6> kDiscount = {"Discount",  "Rabatt", "Remise",
                                                       "Descuento", "Sconto", "Korting"};

std::string Sku(Rng& rng) {
  switch (rng.Weighted({3, 2, 2})) {
    case 0:
      return std::to_string(rng.Uniform(10000, 99999));
    case 1:
      return std::string(rng.Pick({"A", "AR", "SKU", "P"})) + "-" + Pad(rng.Uniform(1, 9999), 4);
    default:
      return Pad(rng.Uniform(100, 999), 3) + "." + Pad(rng.Uniform(0, 999), 3);
  }
}

void ComputeTotals(SynthInvoice& inv, int exponent) {
  std::map<Decimal, Decimal, std::less<>> bases;
  std::vector<Decimal> rates;  // first-seen order
  inv.subtotal = Decimal::FromUnits(0, exponent);
  for (const SynthLine& line : inv.lines) {
    inv.subtotal = Must(inv.subtotal.Add(line.amount));
    auto it = std::find(rates.begin(), rates.end(), line.tax_rate);
    if (it == rates.end()) {
      rates.push_back(line.tax_rate);
      bases.emplace(line.tax_rate, Decimal::FromUnits(0, exponent));
    }
    bases[line.tax_rate] = Must(bases[line.tax_rate].Add(line.amount));
  }
  std::sort(rates.begin(), rates.end(), [](const Decimal& a, const Decimal& b) { return b < a; });
  inv.taxes.clear();
  inv.total_tax = Decimal::FromUnits(0, exponent);
  for (const Decimal& rate : rates) {
    const Decimal base = bases[rate];
    const Decimal product = Must(base.Mul(rate));
    // rate is a percentage: dividing by 100 is two more places of scale.
    const Decimal tax =
        Must(Decimal::FromUnits(product.units(), product.scale() + 2).RescaledHalfEven(exponent));
    inv.taxes.push_back({rate, base, tax});
    inv.total_tax = Must(inv.total_tax.Add(tax));
  }
  inv.total = Must(inv.subtotal.Add(inv.total_tax));
}

void MakeLines(SynthInvoice& inv, int item_count, const std::vector<Decimal>& rates, bool mixed,
               int exponent, std::int64_t price_factor, Rng& rng) {
  const Language lang = inv.look.language;
  for (int i = 0; i < item_count; ++i) {
    const CatalogPick pick = PickCatalogItem(lang, exponent, price_factor, inv.invoice_date, rng);
    SynthLine line;
    line.description = pick.description;
    line.sku = Sku(rng);
    line.unit = pick.unit;
    line.quantity = pick.quantity;
    line.unit_price = pick.unit_price;
    line.amount = Must(Must(pick.quantity.Mul(pick.unit_price)).RescaledHalfEven(exponent));
    line.tax_rate = mixed && rng.Chance(0.35) && rates.size() > 1 ? rates[1] : rates[0];
    inv.lines.push_back(std::move(line));
  }
  if (item_count >= 3 && rng.Chance(0.06)) {
    // A discount line: negative, at the standard rate.
    Decimal sum = Decimal::FromUnits(0, exponent);
    for (const SynthLine& l : inv.lines) sum = Must(sum.Add(l.amount));
    const int percent = rng.Pick({3, 5, 10});
    const Decimal discount =
        Must(Decimal::FromUnits(Must(sum.Mul(Decimal::FromUnits(percent, 0))).units(), exponent + 2)
                 .RescaledHalfEven(exponent));
    SynthLine line;
    line.description = std::string(kDiscount[static_cast<std::size_t>(lang)]) + " " +
                       std::to_string(percent) + (inv.look.percent_space ? " %" : "%");
    line.unit = "";
    line.quantity = Decimal::FromUnits(1, 0);
    line.unit_price = discount.Negated();
    line.amount = discount.Negated();
    line.tax_rate = rates[0];
    inv.lines.push_back(std::move(line));
  }
}

void ChooseTerms(SynthInvoice& inv, Rng& rng) {
  const PhraseBook& book = Phrases(inv.look.language);
  Look& look = inv.look;
  const std::string due_text = FormatDate(inv.due_date, look.dates, look.language);
  look.show_terms = rng.Chance(0.8);
  look.due_in_terms = false;
  if (inv.payment_days == 0) {
    inv.payment_terms = std::string(rng.Pick(book.terms_immediate));
  } else if (rng.Chance(0.35)) {
    inv.payment_terms = Fill(rng.Pick(book.terms_due), "due", due_text);
    look.due_in_terms = look.show_terms;
  } else {
    inv.payment_terms = Fill(look.labels.terms, "days", std::to_string(inv.payment_days));
  }
  look.show_due_date = inv.payment_days > 0 && rng.Chance(0.55);
}

}  // namespace

SynthInvoice GenerateInvoice(std::uint64_t seed, std::uint64_t index, int max_items) {
  Rng rng(seed, index * 8);
  SynthInvoice inv;
  Look& look = inv.look;

  const Country vendor_country = PickVendorCountry(rng);
  look.language = PickLanguage(vendor_country, rng);
  const Language lang = look.language;
  inv.vendor = MakeCompany(vendor_country, lang, rng);

  // Customer: usually domestic; otherwise another EU country (reverse charge) or an
  // export outside the EU, sometimes invoiced in the customer's currency.
  Country customer_country = vendor_country;
  if (rng.Chance(0.2)) {
    static constexpr Country kAbroad[] = {Country::kDe, Country::kFr, Country::kNl, Country::kIt,
                                          Country::kEs, Country::kAt, Country::kBe, Country::kUs,
                                          Country::kGb, Country::kCh, Country::kJp, Country::kSe};
    customer_country = rng.Pick(kAbroad);
  }
  const bool foreign = customer_country != vendor_country;
  inv.customer = rng.Chance(foreign ? 0.02 : 0.15) ? MakePerson(customer_country, rng)
                                                   : MakeCompany(customer_country, lang, rng);
  const bool reverse_charge = foreign && InEu(vendor_country) && InEu(customer_country) &&
                              !inv.customer.vat_compact.empty();
  const bool zero_rated = foreign && !reverse_charge;
  if (foreign) {
    AddCountryLine(inv.vendor, lang);
    AddCountryLine(inv.customer, lang);
  }

  inv.currency = HomeCurrency(vendor_country);
  if (zero_rated && rng.Chance(0.5)) inv.currency = HomeCurrency(customer_country);
  inv.currency_symbol = CurrencySymbol(inv.currency);
  const int exponent = CurrencyExponent(inv.currency);
  const std::int64_t price_factor = inv.currency == "JPY" ? 150 : 1;

  look.numbers = PickNumberStyle(lang, vendor_country, rng);
  look.dates = PickDateStyle(lang, vendor_country, rng);
  look.currency_display = PickCurrencyDisplay(lang, inv.currency_symbol != inv.currency, rng);

  const int year = rng.Uniform(2019, 2025);
  const auto month = static_cast<unsigned>(rng.Uniform(1, 12));
  const auto day = static_cast<unsigned>(
      NeedsUnambiguousDay(lang, look.dates) ? rng.Uniform(13, 28) : rng.Uniform(1, 28));
  inv.invoice_date = Date::FromYmd(year, month, day).value();
  inv.payment_days = rng.Pick({0, 7, 10, 14, 14, 30, 30, 30, 45, 60});
  inv.due_date = AddDays(inv.invoice_date, inv.payment_days);
  inv.delivery_date = AddDays(inv.invoice_date, -rng.Uniform(0, 14));

  const bool sales_tax = vendor_country == Country::kUs;
  const bool deposit = rng.Chance(0.06);
  look.labels = ChooseLabels(lang, sales_tax, deposit, rng);
  if (look.labels.title == "TAX INVOICE" && vendor_country != Country::kGb &&
      vendor_country != Country::kIe) {
    look.labels.title = "INVOICE";  // the British and Irish name for a VAT invoice
  }
  ChooseLayout(inv, rng);

  inv.invoice_number = InvoiceNumber(lang, inv.invoice_date, rng);
  inv.customer_number = CustomerNumber(rng);
  inv.purchase_order = PurchaseOrder(inv.invoice_date, rng);

  // Lines and tax.
  const std::size_t size_class = rng.Weighted({45, 35, 20});
  const int drawn = size_class == 0   ? rng.Uniform(1, 5)
                    : size_class == 1 ? rng.Uniform(6, 12)
                                      : rng.Uniform(13, kMaxLineItems);
  const int item_count = std::clamp(drawn, 1, std::max(1, max_items));
  std::vector<Decimal> rates;
  for (const std::string& r : TaxRates(vendor_country, inv.invoice_date)) {
    rates.push_back(Decimal::Parse(r).value());
  }
  if (sales_tax) {
    rates = {rng.Chance(0.2) ? Decimal::FromUnits(0, 0) : rng.Pick(rates)};
  }
  if (reverse_charge || zero_rated) rates = {Decimal::FromUnits(0, 0)};
  const bool mixed = rates.size() > 1 && !sales_tax && rng.Chance(0.2);
  MakeLines(inv, item_count, rates, mixed, exponent, price_factor, rng);
  ComputeTotals(inv, exponent);
  inv.amount_paid = Decimal::FromUnits(0, exponent);
  inv.amount_due = inv.total;
  if (deposit) {
    const Decimal product = Must(inv.total.Mul(Decimal::FromUnits(rng.Pick({20, 30, 50}), 0)));
    inv.amount_paid =
        Must(Decimal::FromUnits(product.units(), product.scale() + 2).RescaledHalfEven(exponent));
    inv.amount_due = Must(inv.total.Sub(inv.amount_paid));
  }

  bool fractional = false;
  for (const SynthLine& l : inv.lines) fractional |= l.quantity.SignificantScale() > 0;
  look.quantity_places = fractional ? 2 : rng.Chance(0.3) ? 2 : 0;
  for (SynthLine& l : inv.lines)
    l.quantity = Must(l.quantity.RescaledHalfEven(look.quantity_places));

  look.columns = PickColumns(mixed, static_cast<int>(inv.lines.size()), rng);
  look.unit_with_quantity = rng.Chance(0.4);

  // Bank and notes.
  const BankAccount bank = MakeBankAccount(vendor_country, rng);
  inv.iban = bank.iban;
  inv.bic = bank.bic;
  inv.bank_name = bank.bank_name;
  inv.bank_account_note = bank.us_note;
  if (reverse_charge) inv.tax_note = look.labels.reverse_charge;
  if (zero_rated) {
    inv.tax_note = sales_tax ? "Export sale - not subject to sales tax."
                             : std::string(rng.Pick(Phrases(lang).export_note));
  }
  if (vendor_country == Country::kFr && lang == Language::kFr && rng.Chance(0.6)) {
    inv.legal_note =
        "En cas de retard de paiement, pénalités au taux de 3 fois le taux d'intérêt légal et "
        "indemnité forfaitaire pour frais de recouvrement de 40 €.";
  }
  ChooseTerms(inv, rng);

  look.show_delivery_date = rng.Chance(0.3);
  look.show_customer_number = rng.Chance(0.5);
  look.show_order_ref = rng.Chance(0.35);
  look.show_vendor_vat = !inv.vendor.vat_compact.empty() && rng.Chance(0.92);
  look.vendor_vat_in_meta = look.show_vendor_vat && rng.Chance(0.2);
  look.show_customer_vat = !inv.customer.vat_compact.empty() && (reverse_charge || rng.Chance(0.2));
  look.show_iban = !inv.iban.empty() && rng.Chance(0.88);
  look.show_bic = look.show_iban && rng.Chance(0.6);
  look.show_contact = !inv.customer.contact.empty() && rng.Chance(0.3);
  return inv;
}

}  // namespace invoicer::synth
