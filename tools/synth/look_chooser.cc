#include "synth/look_chooser.h"

#include <algorithm>

namespace invoicer::synth {
namespace {

bool EnglishSpeaking(Country c) {
  return c == Country::kGb || c == Country::kIe || c == Country::kUs;
}

}  // namespace

NumberStyle PickNumberStyle(Language language, Country country, Rng& rng) {
  if (country == Country::kCh) {
    const std::size_t i = rng.Weighted({70, 15, 15});
    return i == 0   ? NumberStyle::kApostropheDot
           : i == 1 ? NumberStyle::kPlainDot
                    : NumberStyle::kCommaDot;
  }
  switch (language) {
    case Language::kEn:
      if (EnglishSpeaking(country)) {
        return rng.Chance(0.8) ? NumberStyle::kCommaDot : NumberStyle::kPlainDot;
      }
      if (country == Country::kSe) {
        const std::size_t i = rng.Weighted({50, 20, 30});
        return i == 0   ? NumberStyle::kSpaceComma
               : i == 1 ? NumberStyle::kNbspComma
                        : NumberStyle::kCommaDot;
      }
      {
        const std::size_t i = rng.Weighted({60, 25, 15});
        return i == 0   ? NumberStyle::kCommaDot
               : i == 1 ? NumberStyle::kDotComma
                        : NumberStyle::kPlainDot;
      }
    case Language::kFr: {
      const std::size_t i = rng.Weighted({45, 25, 15, 15});
      return i == 0   ? NumberStyle::kSpaceComma
             : i == 1 ? NumberStyle::kNbspComma
             : i == 2 ? NumberStyle::kDotComma
                      : NumberStyle::kPlainComma;
    }
    default:
      return rng.Chance(0.8) ? NumberStyle::kDotComma : NumberStyle::kPlainComma;
  }
}

DateStyle PickDateStyle(Language language, Country country, Rng& rng) {
  switch (language) {
    case Language::kEn:
      if (country == Country::kUs) {
        const std::size_t i = rng.Weighted({50, 25, 15, 10});
        return i == 0   ? DateStyle::kSlashMdy
               : i == 1 ? DateStyle::kLongMdy
               : i == 2 ? DateStyle::kAbbrevMdy
                        : DateStyle::kIso;
      }
      if (country == Country::kGb || country == Country::kIe) {
        const std::size_t i = rng.Weighted({50, 25, 20, 5});
        return i == 0   ? DateStyle::kSlashDmy
               : i == 1 ? DateStyle::kLongDmy
               : i == 2 ? DateStyle::kAbbrevDmy
                        : DateStyle::kIso;
      }
      if (country == Country::kSe) return rng.Chance(0.8) ? DateStyle::kIso : DateStyle::kLongDmy;
      {
        const std::size_t i = rng.Weighted({25, 25, 30, 10, 10});
        return i == 0   ? DateStyle::kIso
               : i == 1 ? DateStyle::kDotDmy
               : i == 2 ? DateStyle::kLongDmy
               : i == 3 ? DateStyle::kAbbrevDmy
                        : DateStyle::kSlashDmy;
      }
    case Language::kDe: {
      const std::size_t i = rng.Weighted({70, 8, 17, 5});
      return i == 0   ? DateStyle::kDotDmy
             : i == 1 ? DateStyle::kDotDmyUnpadded
             : i == 2 ? DateStyle::kLongDmy
                      : DateStyle::kIso;
    }
    case Language::kFr: {
      const std::size_t i = rng.Weighted({65, 30, country == Country::kCh ? 20 : 3});
      return i == 0 ? DateStyle::kSlashDmy : i == 1 ? DateStyle::kLongDmy : DateStyle::kDotDmy;
    }
    case Language::kEs: {
      const std::size_t i = rng.Weighted({60, 25, 15});
      return i == 0 ? DateStyle::kSlashDmy : i == 1 ? DateStyle::kLongDmy : DateStyle::kDashDmy;
    }
    case Language::kIt: {
      const std::size_t i = rng.Weighted({65, 25, 10});
      return i == 0 ? DateStyle::kSlashDmy : i == 1 ? DateStyle::kLongDmy : DateStyle::kDotDmy;
    }
    case Language::kNl: {
      const std::size_t i = rng.Weighted({50, 25, country == Country::kBe ? 30 : 10, 10});
      return i == 0   ? DateStyle::kDashDmy
             : i == 1 ? DateStyle::kLongDmy
             : i == 2 ? DateStyle::kSlashDmy
                      : DateStyle::kIso;
    }
  }
  return DateStyle::kIso;
}

CurrencyDisplay PickCurrencyDisplay(Language language, bool has_symbol, Rng& rng) {
  if (!has_symbol) {
    const std::size_t i = rng.Weighted({40, 35, 25});
    return i == 0   ? CurrencyDisplay::kCodeBefore
           : i == 1 ? CurrencyDisplay::kCodeAfter
                    : CurrencyDisplay::kNoteOnly;
  }
  if (language == Language::kEn || language == Language::kNl) {
    const std::size_t i = rng.Weighted({50, 15, 10, 25});
    return i == 0   ? CurrencyDisplay::kSymbolBefore
           : i == 1 ? CurrencyDisplay::kCodeBefore
           : i == 2 ? CurrencyDisplay::kCodeAfter
                    : CurrencyDisplay::kNoteOnly;
  }
  const std::size_t i = rng.Weighted({40, 25, 10, 25});
  return i == 0   ? CurrencyDisplay::kSymbolAfter
         : i == 1 ? CurrencyDisplay::kCodeAfter
         : i == 2 ? CurrencyDisplay::kCodeBefore
                  : CurrencyDisplay::kNoteOnly;
}

std::vector<Column> PickColumns(bool mixed_rates, int item_count, Rng& rng) {
  using C = Column;
  static const std::vector<std::vector<Column>> kTemplates = {
      {C::kPosition, C::kDescription, C::kQuantity, C::kUnit, C::kUnitPrice, C::kAmount},
      {C::kDescription, C::kQuantity, C::kUnitPrice, C::kAmount},
      {C::kQuantity, C::kDescription, C::kUnitPrice, C::kAmount},
      {C::kSku, C::kDescription, C::kQuantity, C::kUnitPrice, C::kTaxRate, C::kAmount},
      {C::kPosition, C::kSku, C::kDescription, C::kQuantity, C::kUnit, C::kUnitPrice, C::kTaxRate,
       C::kAmount},
      {C::kPosition, C::kDescription, C::kQuantity, C::kUnitPrice, C::kTaxRate, C::kAmount},
      {C::kDescription, C::kUnitPrice, C::kQuantity, C::kAmount},
      {C::kDescription, C::kAmount},
  };
  const std::size_t i = rng.Weighted({5, 5, 2, 3, 3, 4, 1, item_count <= 4 ? 1 : 0});
  std::vector<Column> columns = kTemplates[i];
  const bool has_rate = std::find(columns.begin(), columns.end(), C::kTaxRate) != columns.end();
  if (mixed_rates && !has_rate) columns.insert(columns.end() - 1, C::kTaxRate);
  return columns;
}

void ChooseLayout(SynthInvoice& inv, Rng& rng) {
  Look& look = inv.look;
  const Language lang = look.language;
  const Country country = inv.vendor.country;
  look.paper = country == Country::kUs ? Paper::kLetter : Paper::kA4;
  static constexpr FontFamily kFonts[] = {
      FontFamily::kDejaVuSans,  FontFamily::kLiberationSans, FontFamily::kLiberationSerif,
      FontFamily::kDejaVuSerif, FontFamily::kLiberationMono, FontFamily::kDejaVuSansMono};
  look.font = kFonts[rng.Weighted({30, 30, 15, 10, 8, 7})];
  const bool mono =
      look.font == FontFamily::kLiberationMono || look.font == FontFamily::kDejaVuSansMono;
  look.font_size = mono ? rng.Range(8.0, 9.0) : rng.Range(8.5, 10.0);
  static constexpr Rgb kAccents[] = {{0, 0, 0},        {0.1, 0.2, 0.45}, {0.55, 0.1, 0.1},
                                     {0.1, 0.4, 0.25}, {0.3, 0.3, 0.3},  {0, 0.35, 0.4},
                                     {0.75, 0.35, 0.0}};
  look.accent = rng.Pick(kAccents);

  const bool english_home = lang == Language::kEn && EnglishSpeaking(country);
  const std::size_t comp = english_home            ? rng.Weighted({25, 55, 20})
                           : lang == Language::kDe ? rng.Weighted({65, 15, 20})
                                                   : rng.Weighted({45, 30, 25});
  look.composition = static_cast<Composition>(comp);
  look.letterhead = static_cast<Align>(rng.Weighted({45, 25, 30}));
  look.logo = rng.Chance(0.4);
  look.sender_line =
      look.composition == Composition::kClassic && rng.Chance(lang == Language::kDe ? 0.7 : 0.25);
  look.recipient_right = look.composition == Composition::kClassic &&
                         rng.Chance(lang == Language::kFr || country == Country::kCh ? 0.35 : 0.1);
  look.place_date_line =
      look.composition == Composition::kClassic &&
      ((lang == Language::kDe && rng.Chance(0.2)) || (lang == Language::kFr && rng.Chance(0.1)));
  look.number_in_title = rng.Chance(0.3);
  look.colons = rng.Chance(0.7);
  look.uppercase_labels = rng.Chance(0.25);
  look.percent_space = rng.Chance(lang == Language::kDe || lang == Language::kFr ? 0.7 : 0.15);
  look.table_style = static_cast<TableStyle>(rng.Weighted({35, 15, 30, 10, 10}));
  look.row_gap = rng.Range(2.0, 8.0);
  look.totals_left = rng.Chance(0.1);
  look.footer = static_cast<FooterStyle>(rng.Weighted({55, 30, 15}));
  look.bank_in_body = look.footer == FooterStyle::kNone || rng.Chance(0.3);
  look.page_numbers = rng.Chance(0.6);
  look.carry_forward = rng.Chance(0.5);
  look.intro = rng.Chance(0.4);
  look.closing = rng.Chance(0.4);
  look.iban_grouped = rng.Chance(0.75);
  look.currency_in_table = rng.Chance(0.3);
  look.currency_in_total_label = rng.Chance(0.5);
  look.margin = rng.Range(40.0, 65.0);
  look.compact_letterhead = rng.Chance(0.4);
  look.tax_base_in_label = rng.Chance(0.25);
}

}  // namespace invoicer::synth
