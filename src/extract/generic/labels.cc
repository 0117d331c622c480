#include "extract/generic/labels.h"

#include <array>
#include <string>

namespace invoicer::extract::generic {

namespace {

bool Has(const Pattern& p, std::string_view text) { return p.Find(text).has_value(); }

// Words that mark a quantity or a price, not an amount of the invoice.
const Pattern& kQuantityWords() {
  static const Pattern p(
      R"(\b(?:qty|quantity|quantities|items?|pcs|pieces|units?|menge|anzahl|stuck|quantite|qte|)"
      R"(cantidad|cant|quantita|qta|aantal|weight|gewicht|poids|peso|gewicht|points?|unit\s*price|)"
      R"(price\s*/?\s*unit|einzelpreis|prix\s*unitaire|precio\s*unitario|prezzo\s*unitario|stukprijs|)"
      R"(rate|satz|taux|tipo|tarief|tel|fax|phone|no\.?\s*of)\b)");
  return p;
}

struct Rule {
  const char* pattern;
  AmountRole role;
  int strength;
};

// The first rule that matches decides, so the specific ones come first: "Total excl. VAT"
// is a subtotal, "Total incl. VAT" a total, "Total VAT" a tax.
constexpr Rule kAmountRules[] = {
    {R"(\bround(?:ing|ed)?\b|\brnd\b|rundung|\barrondi|redondeo|arrotondamento|afronding)",
     AmountRole::kRounding, 3},
    {R"(\bchange\b|ruckgeld|wechselgeld|\brendu|\bmonnaie\b|\bcambio\b|\bresto\b|wisselgeld|\bkembali\b)",
     AmountRole::kChange, 3},
    {R"(amount\s*due|balance\s*due|\bbalance\b|total\s*due|amount\s*payable|total\s*payable|)"
     R"(\bto\s*pay\b|zahlbetrag|zu\s*zahlen|offene?r?\s*betrag|restbetrag|net\s*a\s*payer|)"
     R"(montant\s*du\b|reste\s*a\s*payer|a\s*pagar\b|da\s*pagare|te\s*betalen|openstaand)",
     AmountRole::kAmountDue, 3},
    {R"(total.*\b(?:incl|inkl|including|inclusive|inc|ttc|brutto|gross|with|con|ivato|met)\b|)"
     R"(\b(?:incl|inkl|including|inclusive|inc)\b.*\b(?:vat|tax|gst|mwst|ust|tva|iva|btw)\b|)"
     R"(\bttc\b|bruttobetrag|bruttosumme|brutto\s*(?:summe|betrag)|summe\s*brutto|gesamt\s*brutto)",
     AmountRole::kTotal, 3},
    // "Net total" is the amount before tax on an invoice but the amount to pay on many
    // receipts: a weak subtotal that may also be the total.
    {R"(\bnett?\s*(?:total|amt|amount|sales)\b)", AmountRole::kSubtotal, 1},
    {R"(sub\s*-?\s*total|zwischensumme|sous\s*-?\s*total|subtotale|subtotaal|\bnet(?:to)?\b|)"
     R"(nettobetrag|nettosumme|\bexcl|\bexkl|excluding|\bht\b|hors\s*taxes?|base\s*imponible|)"
     R"(imponibile|warenwert|summe\s*positionen|\bohne\s*(?:mwst|ust)|before\s*tax|sin\s*iva|)"
     R"(senza\s*iva|zonder\s*btw|importe\s*neto)",
     AmountRole::kSubtotal, 3},
    {R"(\b(?:cash|paid|tender(?:ed)?|payment|card|credit|debit|visa|master\s*card|amex|bargeld|)"
     R"(bar\s*(?:gegeben|bezahlt)|gegeben|especes|efectivo|contanti|contant|betaald|pagado|pagato|received|eftpos)\b)",
     AmountRole::kPaid, 3},
    {R"(discount|\bdisc\b|rabatt|skonto|\bremise|descuento|sconto|korting|savings?|voucher|coupon|)"
     R"(allowance|surcharge|zuschlag|zuschlage|abschlag|abschlage|\bcharges?\b|majoration|recargo|)"
     R"(maggiorazione|toeslag)",
     AmountRole::kDiscount, 3},
    {R"(\b(?:vat|tax|taxes|gst|sst|hst|pst|mwst|ust|umsatzsteuer|mehrwertsteuer|steuer|)"
     R"(steuerbetrag|tva|iva|btw|igic|imposta|impuesto|impuestos|cuota)\b)",
     AmountRole::kTax, 3},
    {R"(grand\s*total|total\s*amount|invoice\s*total|total\s*invoice|gesamtbetrag|gesamtsumme|)"
     R"(rechnungsbetrag|rechnungssumme|endbetrag|endsumme|importe\s*total|montant\s*total|)"
     R"(totaalbedrag|totaal\s*bedrag|totale\s*(?:fattura|documento|complessivo|generale)|)"
     R"(importo\s*totale|total\s*(?:a\s*pagar|a\s*payer|factura|facture|sales|rounded))",
     AmountRole::kTotal, 3},
    {R"(\b(?:total|totaal|totale|totals|gesamt|summe|sum)\b|\btotal)", AmountRole::kTotal, 2},
    {R"(\b(?:amount|amt|betrag|montant|importe|importo|bedrag)\b)", AmountRole::kTotal, 1},
};

// A document title that names a tax ("TAX INVOICE", "Steuerrechnung", "Facture TVA"): the
// tax word names the kind of invoice, not an amount.
const Pattern& kTaxInvoiceTitle() {
  static const Pattern p(
      R"(\b(?:tax|vat|gst|sst|steuer|umsatzsteuer|mehrwertsteuer|mwst|ust|tva|iva|btw)\s*-?\s*)"
      R"((?:invoice|receipt|bill|credit\s*note|rechnung|gutschrift|facture|factura|fattura|)"
      R"(factuur|ricevuta|recibo)|\b(?:facture|factura|fattura|factuur)\s*(?:de\s*)?(?:tva|iva|btw)\b)");
  return p;
}

const std::vector<Pattern>& AmountRulePatterns() {
  static const std::vector<Pattern> patterns = [] {
    std::vector<Pattern> v;
    for (const Rule& r : kAmountRules) v.emplace_back(r.pattern);
    return v;
  }();
  return patterns;
}

const char* TextLabelPattern(TextLabel label) {
  switch (label) {
    case TextLabel::kInvoiceNumber:
      return R"(\b(?:tax\s+)?(?:invoice|inv|bill|receipt|rcpt|credit\s*note|document|doc|cash\s*bill|)"
             R"(transaction|trans|ticket|check|chk)\s*\.?\s*(?:no|nr|num|number|#|id|ref)\b\.?|)"
             R"(\brechnungs?\s*-?\s*(?:nummer|nr|no)\b\.?|\brechnungsnummer\b|\bbeleg\s*-?\s*(?:nr|nummer)\b\.?|)"
             R"(\bbelegnummer\b|\bre\.?\s*-?\s*nr\b\.?|\bgutschrifts?\s*-?\s*(?:nr|nummer)\b\.?|)"
             R"(\b(?:n|no|nr|num|numero|n\.\s*o)\s*\.?\s*(?:de\s+|di\s+|della\s+|del\s+)?(?:la\s+)?)"
             R"((?:facture|factura|fattura|avoir)\b|\b(?:facture|factura|fattura|avoir)\s*(?:n|no|nr|num|numero)\b\.?|)"
             R"(\bfactuur\s*-?\s*(?:nummer|nr|no)\b\.?|\bfactuurnummer\b|\bbill\s*#|\binvoice\s*#)";
    case TextLabel::kInvoiceTitle:
      return R"(\b(?:tax\s+invoice|invoice|rechnung|handelsrechnung|gutschrift|facture|factura|fattura|)"
             R"(factuur|credit\s*note|avoir)\b(?:\s*\(\d+\))?(?:\s*(?:no|nr|n)\b\.?)?)";
    case TextLabel::kPurchaseOrder:
      return R"(\bpurchase\s*order(?:\s*(?:no|nr|number|#))?\b\.?|\bp\.?\s*o\.?\s*(?:no|nr|number|#)\b\.?|)"
             R"(\b(?:customer|your)\s*order(?:\s*(?:no|nr|number|#))?\b\.?|\border\s*(?:no|nr|number|ref)\b\.?|)"
             R"(\bbestell\s*-?\s*(?:nr|nummer)\b\.?|\bbestellnummer\b|\bihre\s*bestellung\b|)"
             R"(\bauftrags?\s*-?\s*(?:nr|nummer)\b\.?|\bauftragsnummer\b|\bbon\s*de\s*commande\b|)"
             R"(\b(?:n|no|numero)\s*\.?\s*de\s*commande\b|\bcommande\s*(?:n|no)\b\.?|)"
             R"(\b(?:n|no|numero)\s*\.?\s*de\s*pedido\b|\bpedido\s*(?:n|no)\b\.?|)"
             R"(\b(?:n|no|numero)\s*\.?\s*(?:di\s*)?ordine\b|\bordine\s*(?:n|no|nr)\b\.?|)"
             R"(\bbestelnummer\b|\bbestelling\s*(?:nr|no)\b\.?|\border\s*reference\b)";
    case TextLabel::kVatId:
      return R"(\bvat\s*(?:reg(?:istration)?\.?\s*)?(?:no|nr|number|id|identifier|#)\b\.?|\bvat\s*-?\s*id\b|)"
             R"(\bust\.?\s*-?\s*id(?:ent)?\.?\s*-?\s*(?:nr|no|nummer)?\b\.?|\bumsatzsteuer\s*-?\s*id\w*|)"
             R"(\bust\s*-?\s*idnr\b\.?|\bmwst\s*-?\s*nr\b\.?|\btva\s*intra\w*|\b(?:n|no|numero)\s*\.?\s*(?:de\s*)?tva\b|)"
             R"(\bn\s*tva\b|\bcif\b|\bnif\b|\bp\.?\s*iva\b|\bpartita\s*iva\b|\bbtw\s*-?\s*(?:nr|nummer|id|no)\b\.?|)"
             R"(\bgst\s*(?:reg\w*\.?\s*)?(?:no|id|number|#)\b\.?|\bgst\s*id\s*no\b\.?|\btax\s*(?:id|number|reg\w*\s*no)\b\.?|)"
             R"(\bsst\s*(?:reg\w*\.?\s*)?(?:no|id)\b\.?|\babn\b|\bvat\b)";
    case TextLabel::kBic:
      return R"(\b(?:bic|swift)(?:\s*/\s*(?:bic|swift))?(?:\s*-?\s*code)?\b)";
    case TextLabel::kSellerSection:
      return R"(^\s*(?:verkaufer|seller|supplier|vendor|lieferant|rechnungsersteller|rechnungssteller|aussteller|leistungserbringer|)"
             R"(vendeur|fournisseur|emetteur|vendedor|proveedor|emisor|fornitore|venditore|cedente|)"
             R"(leverancier|verkoper|from|von|de)\b)";
    case TextLabel::kBuyerSection:
      return R"(^\s*(?:kaufer|kaeufer|buyer|customer|client|bill\s*to|billed\s*to|invoice\s*to|sold\s*to|)"
             R"(ship\s*to|deliver\s*to|rechnungsempfanger|leistungsempfanger|kunde|empfanger|acheteur|)"
             R"(destinataire|facture\s*a|adresse\s*de\s*facturation|comprador|cliente|destinatario|)"
             R"(acquirente|committente|klant|afnemer|koper|factuur\s*aan|to)\b)";
    case TextLabel::kPaymentTerms:
      return R"(\bpayment\s*terms\b|\bterms\s*of\s*payment\b|\bterms\b\s*:|\bzahlungsbedingungen\b|)"
             R"(\bzahlungsziel\b|\bconditions\s*de\s*(?:paiement|reglement)\b|\bcondiciones\s*de\s*pago\b|)"
             R"(\bforma\s*de\s*pago\b|\bcondizioni\s*di\s*pagamento\b|\bbetalingsvoorwaarden\b|)"
             R"(\bbetalingstermijn\b)";
    case TextLabel::kCurrency:
      return R"(\b(?:currency|wahrung|devise|monnaie|moneda|divisa|valuta|munteenheid)\b)";
  }
  return "$^";
}

const Pattern& TextLabelRegex(TextLabel label) {
  static const std::array<Pattern, 9> patterns = {
      Pattern(TextLabelPattern(TextLabel::kInvoiceNumber)),
      Pattern(TextLabelPattern(TextLabel::kInvoiceTitle)),
      Pattern(TextLabelPattern(TextLabel::kPurchaseOrder)),
      Pattern(TextLabelPattern(TextLabel::kVatId)),
      Pattern(TextLabelPattern(TextLabel::kBic)),
      Pattern(TextLabelPattern(TextLabel::kSellerSection)),
      Pattern(TextLabelPattern(TextLabel::kBuyerSection)),
      Pattern(TextLabelPattern(TextLabel::kPaymentTerms)),
      Pattern(TextLabelPattern(TextLabel::kCurrency))};
  return patterns[static_cast<std::size_t>(label)];
}

}  // namespace

AmountLabel ClassifyAmountLabel(std::string_view folded) {
  const auto& patterns = AmountRulePatterns();
  const bool quantity = Has(kQuantityWords(), folded);
  const bool tax_title = Has(kTaxInvoiceTitle(), folded);
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    if (!Has(patterns[i], folded)) continue;
    const Rule& rule = kAmountRules[i];
    if (tax_title && rule.role == AmountRole::kTax) continue;
    // "Total qty" or "Unit price" label a count or a price, not an amount of the invoice;
    // a specific label ("Total incl. VAT") still wins.
    if (quantity && (rule.role == AmountRole::kTotal || rule.role == AmountRole::kPaid)) {
      return {};
    }
    return {rule.role, rule.strength};
  }
  return {};
}

DateLabel ClassifyDateLabel(std::string_view folded) {
  static const Pattern due(
      R"(\bdue\b|f(?:a|ae)llig|zahlbar\s*(?:bis|am)|zahlungsziel|echeance|payable\s*(?:le|avant|au)|)"
      R"(a\s*payer\s*avant|vencimiento|scadenza|vervaldatum|vervaldag|uiterste|betalen\s*voor|)"
      R"(\bpay\s*(?:by|before)\b|payment\s*deadline)");
  static const Pattern other(
      R"(deliver|delivery|\bship|dispatch|\border|period|service\s*date|performance|liefer|leistung|)"
      R"(bestell|auftrag|zeitraum|livraison|commande|prestation|periode|entrega|pedido|periodo|)"
      R"(consegna|ordine|levering|bestelling|print|valid|expir|gultig|geldig|start|\bend\b|)"
      R"(check\s*-?\s*(?:in|out)|arrival|departure|birth|geburt|\bsince\b|\bseit\b|supply|fourniture|)"
      R"(suministro|fornitura|levering)");
  static const Pattern explicit_invoice(
      R"(invoice\s*date|date\s*of\s*(?:invoice|issue)|issue\s*date|date\s*issued|bill\s*date|)"
      R"(receipt\s*date|rechnungsdatum|belegdatum|ausstellungsdatum|date\s*(?:de\s*)?(?:la\s*)?facture|)"
      R"(date\s*d.?emission|fecha\s*(?:de\s*)?(?:la\s*)?factura|fecha\s*(?:de\s*)?emision|)"
      R"(data\s*(?:della\s*)?fattura|data\s*(?:di\s*)?emissione|factuurdatum)");
  static const Pattern invoice(R"(date|datum|fecha|\bdata\b|dated|issued)");
  static const Pattern weak(R"(\bvom\b|\bdel\b|\bdu\b|\ble\b|\bden\b|\bd\.d\.)");
  if (Has(due, folded)) return {DateRole::kDueDate, 3};
  if (Has(other, folded)) return {DateRole::kOther, 3};
  if (Has(explicit_invoice, folded)) return {DateRole::kInvoiceDate, 3};
  if (Has(invoice, folded)) return {DateRole::kInvoiceDate, 2};
  if (Has(weak, folded)) return {DateRole::kInvoiceDate, 1};
  return {};
}

bool NamesInvoice(std::string_view folded) {
  static const Pattern p(
      R"(\b(?:invoice|bill|receipt|credit\s*note|\w*rechnung|gutschrift|facture|avoir|factura|)"
      R"(fattura|factuur|nota\s*di\s*credito)\b)");
  return Has(p, folded);
}

std::vector<Pattern::Match> FindLabels(TextLabel label, std::string_view folded) {
  return TextLabelRegex(label).FindAll(folded);
}

bool IsContactLine(std::string_view folded) {
  static const Pattern p(
      R"(\b(?:tel|telp|telefon|telefoon|telefono|telephone|phone|ph|mobile|mob|hp|fax|telefax|tlf|)"
      R"(e-?mail|email|)"
      R"(www|http|https|web|website|homepage|internet|gst|sst|vat|ust|mwst|tva|iva|btw|cif|nif|)"
      R"(reg|registration|(?:co|company|br|business|roc|ssm)\.?\s*(?:reg\.?\s*)?(?:no|number|#)|)"
      R"(roc|hrb|hra|amtsgericht|registergericht|handelsregister|)"
      R"(steuernummer|steuer-?nr|siret|siren|rcs|kvk|iban|bic|swift|bank|tin|abn)\b|@|\.com\b)");
  return Has(p, folded);
}

bool IsTitleLine(std::string_view folded) {
  static const Pattern p(
      R"(^\W*(?:(?:simplified\s*|full\s*)?tax\s*invoice|invoice|receipt|official\s+receipt|)"
      R"(cash\s+(?:sales|bill|receipt)|sales\s+(?:receipt|invoice)|bill|quotation|credit\s+note|)"
      R"(delivery\s+note|rechnung|handelsrechnung|gutschrift|quittung|kassenbon|facture|avoir|recu|)"
      R"(factura|recibo|ticket|fattura|ricevuta|scontrino|factuur|kwitantie|bon)\b)");
  return Has(p, folded);
}

bool HasLegalForm(std::string_view folded) {
  static const Pattern p(
      R"(\b(?:sdn\.?\s*bhd|bhd|berhad|plt|gmbh|ag|kg|ohg|gbr|e\.?\s?k|ug|mbh|ltd|limited|llc|llp|)"
      R"(inc|incorporated|corp|corporation|plc|co|company|pte|pty|s\.?a\.?s?|s\.?a\.?r\.?l|sarl|)"
      R"(eurl|sas|s\.?l\.?u?|s\.?r\.?l|srl|s\.?p\.?a|spa|s\.?n\.?c|b\.?v|bv|n\.?v|nv|v\.?o\.?f|)"
      R"(vof|enterprise|enterprises|trading|restaurant|restoran|cafe|bakery|store|stores|mart|)"
      R"(supermarket|hardware|pharmacy|hotel|station|services|industries|holdings|group)\b)");
  return Has(p, folded);
}

bool LooksLikeAddress(std::string_view folded) {
  static const Pattern p(
      R"(\b(?:no|lot|jalan|jln|taman|tmn|lorong|persiaran|kampung|kg|bandar|level|floor|fl|suite|)"
      R"(unit|block|blk|building|bangunan|plaza|road|rd|street|st|avenue|ave|lane|drive|dr|way|)"
      R"(box|strasse|str|weg|platz|allee|gasse|ring|damm|rue|avenue|boulevard|bd|chemin|place|)"
      R"(calle|avenida|plaza|paseo|via|viale|piazza|corso|straat|laan|plein|gracht|postbus)\b|)"
      R"(strasse\b|str\.|straat\b|weg\b|\b\d{4,5}\s+\p{L}|\b[a-z]{1,2}-?\d{4,5}\b)");
  return Has(p, folded);
}

Language DetectLanguage(const std::vector<std::string_view>& folded_lines) {
  static const std::array<std::pair<Language, Pattern>, 6> vocabularies{{
      {Language::kEnglish,
       Pattern(R"(\b(?:invoice|date|amount|total|tax|price|quantity|the|and|of|for|due|payment|)"
               R"(thank|you|receipt|subtotal|description)\b)")},
      {Language::kGerman,
       Pattern(R"(\b(?:rechnung|rechnungsnummer|datum|betrag|mwst|ust|summe|gesamt|netto|brutto|)"
               R"(zahlbar|und|der|die|das|menge|preis|bitte|vielen|dank|steuer|gesamtbetrag)\b)")},
      {Language::kFrench,
       Pattern(R"(\b(?:facture|montant|tva|ttc|prix|quantite|le|la|les|et|du|des|paiement|merci|)"
               R"(echeance|total\s*ht)\b)")},
      {Language::kSpanish,
       Pattern(R"(\b(?:factura|fecha|importe|iva|precio|cantidad|el|los|las|y|del|pago|gracias|)"
               R"(vencimiento|base\s*imponible)\b)")},
      {Language::kItalian,
       Pattern(R"(\b(?:fattura|data|importo|iva|totale|prezzo|quantita|il|gli|della|di|pagamento|)"
               R"(grazie|scadenza|imponibile)\b)")},
      {Language::kDutch,
       Pattern(R"(\b(?:factuur|datum|bedrag|btw|totaal|prijs|aantal|het|een|en|van|betaling|)"
               R"(bedankt|vervaldatum|subtotaal)\b)")},
  }};
  std::array<int, 6> counts{};
  for (std::string_view line : folded_lines) {
    for (std::size_t i = 0; i < vocabularies.size(); ++i) {
      counts[i] += static_cast<int>(vocabularies[i].second.FindAll(line).size());
    }
  }
  std::size_t best = 0;
  for (std::size_t i = 1; i < counts.size(); ++i) {
    if (counts[i] > counts[best]) best = i;
  }
  return counts[best] == 0 ? Language::kUnknown : vocabularies[best].first;
}

}  // namespace invoicer::extract::generic
