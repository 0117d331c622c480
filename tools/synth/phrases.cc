#include "synth/phrases.h"

#include <array>
#include <string>

namespace invoicer::synth {
namespace {

PhraseBook English() {
  PhraseBook b;
  b.title = {"INVOICE", "Invoice", "TAX INVOICE", "Sales Invoice"};
  b.invoice_number = {"Invoice No.", "Invoice Number", "Invoice #", "Invoice no", "Inv. No."};
  b.invoice_date = {"Invoice Date", "Date", "Date of issue", "Invoice date"};
  b.due_date = {"Due Date", "Payment due", "Due date"};
  b.delivery_date = {"Delivery Date", "Date of supply", "Ship Date"};
  b.customer_number = {"Customer No.", "Account No.", "Customer ID"};
  b.order_ref = {"PO Number", "Your Order No.", "Order Ref.", "P.O. #"};
  b.vat_id = {"VAT No.", "VAT Reg. No.", "VAT Registration No.", "VAT ID"};
  b.customer_vat_id = {"Customer VAT No.", "Your VAT No.", "Client VAT ID"};
  b.bill_to = {"Bill To", "Invoice To", "Billed to", "Customer"};
  b.page = {"Page {p} of {n}", "Page {p}/{n}", "{p} / {n}"};
  b.position = {"#", "Item", "No."};
  b.sku = {"Item Code", "SKU", "Part No.", "Ref."};
  b.description = {"Description", "Item Description", "Details", "Product / Service"};
  b.quantity = {"Qty", "Quantity", "Hrs/Qty"};
  b.unit = {"Unit", "UoM"};
  b.unit_price = {"Unit Price", "Rate", "Price", "Unit Cost"};
  b.tax_rate = {"VAT %", "VAT", "Tax %"};
  b.amount = {"Amount", "Total", "Line Total", "Net Amount"};
  b.subtotal = {"Subtotal", "Net Total", "Total excl. VAT", "Sub-total", "Total net"};
  b.tax = {"VAT", "VAT @", "Plus VAT"};
  b.sales_tax = {"Sales Tax", "Tax", "Sales tax"};
  b.total_tax = {"Total VAT", "VAT total"};
  b.total = {"Total",       "TOTAL",      "Total Due",      "Invoice Total",
             "Grand Total", "Amount Due", "Total incl. VAT"};
  b.total_with_deposit = {"Total", "Invoice Total", "Total incl. VAT"};
  b.amount_paid = {"Less: Deposit paid", "Amount Paid", "Payments received"};
  b.balance_due = {"Balance Due", "Amount Outstanding", "Balance to pay"};
  b.carried_forward = {"Carried forward", "Subtotal carried forward"};
  b.brought_forward = {"Brought forward"};
  b.currency_note = {"All amounts in {cur}", "Currency: {cur}", "Amounts shown in {cur}"};
  b.intro = {"Thank you for your order. We are pleased to invoice you as follows:",
             "Please find below our invoice for the goods and services supplied.",
             "Dear Customer, this invoice covers the work described below."};
  b.closing = {"Thank you for your business!", "We appreciate your prompt payment.",
               "Kind regards"};
  b.terms_days = {"Payment due within {days} days.", "Terms: Net {days}",
                  "Please pay within {days} days of the invoice date to the account below.",
                  "Payment terms: {days} days net"};
  b.terms_due = {"Please pay by {due}.", "Payment is due on {due}.",
                 "Please remit payment by {due}, quoting the invoice number."};
  b.terms_immediate = {"Payable on receipt.", "Due upon receipt."};
  b.phone = {"Tel.", "Phone", "T"};
  b.email = {"Email", "E-mail", "E"};
  b.web = {"Web", "www"};
  b.bank = {"Bank", "Bank details", "Payment details"};
  b.iban = {"IBAN"};
  b.bic = {"BIC", "SWIFT/BIC", "SWIFT"};
  b.reverse_charge = {
      "Reverse charge: VAT to be accounted for by the recipient (Article 196, Directive "
      "2006/112/EC).",
      "Reverse charge - customer to account for VAT."};
  b.export_note = {"Zero-rated export of goods/services.", "Export - VAT exempt."};
  b.manager = {"Director", "Managing Director"};
  return b;
}

PhraseBook German() {
  PhraseBook b;
  b.title = {"Rechnung", "RECHNUNG"};
  b.invoice_number = {"Rechnungsnummer", "Rechnungs-Nr.", "Rechnung Nr.", "Beleg-Nr.", "Re.-Nr."};
  b.invoice_date = {"Rechnungsdatum", "Datum", "Belegdatum"};
  b.due_date = {"Fällig am", "Zahlbar bis", "Fälligkeit"};
  b.delivery_date = {"Lieferdatum", "Leistungsdatum"};
  b.customer_number = {"Kundennummer", "Kunden-Nr.", "Kd.-Nr."};
  b.order_ref = {"Ihre Bestellung", "Bestell-Nr.", "Auftragsnummer", "Ihr Zeichen"};
  b.vat_id = {"USt-IdNr.", "USt-ID", "Umsatzsteuer-ID"};
  b.customer_vat_id = {"Ihre USt-IdNr.", "USt-IdNr. Kunde"};
  b.bill_to = {"Rechnungsadresse", "Rechnungsempfänger", "Kunde"};
  b.page = {"Seite {p} von {n}", "Seite {p}/{n}"};
  b.position = {"Pos.", "Pos"};
  b.sku = {"Art.-Nr.", "Artikelnummer", "Artikel"};
  b.description = {"Bezeichnung", "Beschreibung", "Artikel / Leistung", "Leistung"};
  b.quantity = {"Menge", "Anzahl", "Anz."};
  b.unit = {"Einheit", "ME"};
  b.unit_price = {"Einzelpreis", "E-Preis", "Preis/Einheit"};
  b.tax_rate = {"MwSt.", "USt. %", "MwSt.-Satz"};
  b.amount = {"Gesamtpreis", "Betrag", "Gesamt", "G-Preis"};
  b.subtotal = {"Zwischensumme", "Nettobetrag", "Summe netto", "Gesamt netto"};
  b.tax = {"MwSt.", "zzgl. MwSt.", "Umsatzsteuer", "zzgl. USt."};
  b.sales_tax = b.tax;
  b.total_tax = {"MwSt. gesamt", "Summe USt."};
  b.total = {"Gesamtbetrag", "Rechnungsbetrag", "Gesamtsumme",
             "Summe brutto", "Endbetrag",       "Zahlbetrag"};
  b.total_with_deposit = {"Gesamtbetrag", "Rechnungsbetrag", "Summe brutto"};
  b.amount_paid = {"abzgl. Anzahlung", "Bereits bezahlt"};
  b.balance_due = {"Noch zu zahlen", "Offener Betrag", "Restbetrag"};
  b.carried_forward = {"Übertrag"};
  b.brought_forward = {"Übertrag"};
  b.currency_note = {"Alle Beträge in {cur}", "Währung: {cur}", "Beträge in {cur}"};
  b.intro = {
      "Sehr geehrte Damen und Herren, wir erlauben uns, Ihnen folgende Leistungen in "
      "Rechnung zu stellen:",
      "Vielen Dank für Ihren Auftrag. Wir berechnen Ihnen:",
      "Für unsere Lieferungen und Leistungen berechnen wir Ihnen wie folgt:"};
  b.closing = {"Mit freundlichen Grüßen", "Vielen Dank für Ihren Auftrag!",
               "Wir danken für Ihr Vertrauen."};
  b.terms_days = {"Zahlbar innerhalb von {days} Tagen ohne Abzug.",
                  "Zahlungsbedingungen: {days} Tage netto",
                  "Bitte begleichen Sie den Rechnungsbetrag innerhalb von {days} Tagen."};
  b.terms_due = {
      "Bitte überweisen Sie den Rechnungsbetrag bis zum {due} auf unser unten "
      "genanntes Konto.",
      "Zahlbar ohne Abzug bis {due}.", "Zahlungsziel: {due}"};
  b.terms_immediate = {"Zahlbar sofort ohne Abzug.", "Der Betrag ist sofort fällig."};
  b.phone = {"Tel.", "Telefon", "Fon"};
  b.email = {"E-Mail", "Mail"};
  b.web = {"Internet", "Web"};
  b.bank = {"Bankverbindung", "Bank"};
  b.iban = {"IBAN"};
  b.bic = {"BIC", "SWIFT-BIC"};
  b.reverse_charge = {"Steuerschuldnerschaft des Leistungsempfängers (Reverse Charge).",
                      "Steuerfreie innergemeinschaftliche Leistung, Steuerschuld geht auf den "
                      "Leistungsempfänger über."};
  b.export_note = {"Steuerfreie Ausfuhrlieferung.", "Nicht steuerbare Leistung im Drittland."};
  b.manager = {"Geschäftsführer", "Geschäftsführung", "Inhaber"};
  return b;
}

PhraseBook French() {
  PhraseBook b;
  b.title = {"FACTURE", "Facture"};
  b.invoice_number = {"Facture n°", "N° de facture", "Numéro de facture", "Facture N°"};
  b.invoice_date = {"Date de facture", "Date", "Date d'émission", "Date de facturation"};
  b.due_date = {"Date d'échéance", "Échéance", "À régler avant le"};
  b.delivery_date = {"Date de livraison", "Date de prestation"};
  b.customer_number = {"N° client", "Code client", "Réf. client"};
  b.order_ref = {"Votre commande", "Bon de commande", "Réf. commande"};
  b.vat_id = {"N° TVA intracom.", "TVA intracommunautaire", "N° de TVA"};
  b.customer_vat_id = {"N° TVA client", "Votre n° TVA"};
  b.bill_to = {"Facturé à", "Adresse de facturation", "Client"};
  b.page = {"Page {p} sur {n}", "Page {p}/{n}"};
  b.position = {"N°", "Ligne"};
  b.sku = {"Réf.", "Référence", "Code article"};
  b.description = {"Désignation", "Description", "Libellé"};
  b.quantity = {"Qté", "Quantité"};
  b.unit = {"Unité", "U."};
  b.unit_price = {"Prix unitaire HT", "P.U. HT", "Prix unit."};
  b.tax_rate = {"TVA", "Taux TVA"};
  b.amount = {"Montant HT", "Total HT", "Montant"};
  b.subtotal = {"Total HT", "Sous-total HT", "Montant HT"};
  b.tax = {"TVA", "Montant TVA"};
  b.sales_tax = b.tax;
  b.total_tax = {"Total TVA"};
  b.total = {"Total TTC", "Net à payer", "Montant TTC", "Total à payer"};
  b.total_with_deposit = {"Total TTC", "Montant TTC"};
  b.amount_paid = {"Acompte versé", "Déjà réglé"};
  b.balance_due = {"Reste à payer", "Solde dû"};
  b.carried_forward = {"À reporter", "Report"};
  b.brought_forward = {"Report"};
  b.currency_note = {"Montants exprimés en {cur}", "Devise : {cur}"};
  b.intro = {"Madame, Monsieur, veuillez trouver ci-dessous le détail de notre facture.",
             "Nous vous remercions de votre commande et vous prions de trouver ci-après notre "
             "facture."};
  b.closing = {"Nous vous remercions de votre confiance.", "Merci pour votre commande.",
               "Cordialement"};
  b.terms_days = {"Paiement à {days} jours.", "Conditions de paiement : {days} jours net",
                  "Règlement par virement sous {days} jours."};
  b.terms_due = {"Date limite de règlement : {due}", "À régler au plus tard le {due}.",
                 "Paiement par virement avant le {due}."};
  b.terms_immediate = {"Paiement à réception de facture.", "Payable comptant."};
  b.phone = {"Tél.", "Tél", "Téléphone"};
  b.email = {"E-mail", "Courriel", "Email"};
  b.web = {"Site", "Web"};
  b.bank = {"Coordonnées bancaires", "Banque", "RIB"};
  b.iban = {"IBAN"};
  b.bic = {"BIC", "Code BIC"};
  b.reverse_charge = {"Autoliquidation - TVA due par le preneur (art. 283-2 du CGI).",
                      "Autoliquidation par le preneur."};
  b.export_note = {"Exonération de TVA, article 262 I du CGI.",
                   "Exportation - TVA non applicable."};
  b.manager = {"Gérant", "Président"};
  return b;
}

PhraseBook Spanish() {
  PhraseBook b;
  b.title = {"FACTURA", "Factura"};
  b.invoice_number = {"Nº factura", "Número de factura", "Factura nº", "N.º de factura"};
  b.invoice_date = {"Fecha", "Fecha de factura", "Fecha de emisión"};
  b.due_date = {"Fecha de vencimiento", "Vencimiento"};
  b.delivery_date = {"Fecha de entrega", "Fecha de servicio"};
  b.customer_number = {"Nº cliente", "Código cliente"};
  b.order_ref = {"Su pedido", "Nº pedido", "Referencia pedido"};
  b.vat_id = {"NIF", "CIF", "NIF-IVA"};
  b.customer_vat_id = {"NIF cliente", "CIF cliente"};
  b.bill_to = {"Facturar a", "Cliente", "Datos del cliente"};
  b.page = {"Página {p} de {n}", "Pág. {p}/{n}"};
  b.position = {"Nº", "Línea"};
  b.sku = {"Código", "Ref."};
  b.description = {"Descripción", "Concepto", "Artículo"};
  b.quantity = {"Cantidad", "Cant.", "Uds."};
  b.unit = {"Unidad", "Ud."};
  b.unit_price = {"Precio unitario", "Precio", "P. unit."};
  b.tax_rate = {"IVA", "% IVA"};
  b.amount = {"Importe", "Total"};
  b.subtotal = {"Base imponible", "Subtotal", "Importe neto"};
  b.tax = {"IVA", "Cuota IVA"};
  b.sales_tax = b.tax;
  b.total_tax = {"Total IVA"};
  b.total = {"Total factura", "TOTAL", "Total a pagar", "Importe total"};
  b.total_with_deposit = {"Total factura", "Importe total"};
  b.amount_paid = {"Anticipo recibido", "Pagado a cuenta"};
  b.balance_due = {"Pendiente de pago", "Saldo pendiente"};
  b.carried_forward = {"Suma y sigue"};
  b.brought_forward = {"Suma anterior"};
  b.currency_note = {"Importes en {cur}", "Moneda: {cur}"};
  b.intro = {"Le facturamos los siguientes conceptos:",
             "Muchas gracias por su pedido. Detalle de la factura:"};
  b.closing = {"Gracias por su confianza.", "Atentamente"};
  b.terms_days = {"Forma de pago: transferencia bancaria a {days} días.",
                  "Pago a {days} días fecha factura."};
  b.terms_due = {"Vencimiento del pago: {due}", "Fecha límite de pago: {due}"};
  b.terms_immediate = {"Pago al contado.", "Pago a la recepción de la factura."};
  b.phone = {"Tel.", "Teléfono", "Tlf."};
  b.email = {"Email", "Correo"};
  b.web = {"Web"};
  b.bank = {"Datos bancarios", "Banco", "Cuenta"};
  b.iban = {"IBAN"};
  b.bic = {"BIC", "SWIFT"};
  b.reverse_charge = {"Inversión del sujeto pasivo (art. 84.Uno.2º LIVA).",
                      "Operación exenta de IVA - inversión del sujeto pasivo."};
  b.export_note = {"Exportación exenta de IVA (art. 21 LIVA).", "Operación exenta de IVA."};
  b.manager = {"Administrador", "Gerente"};
  return b;
}

PhraseBook Italian() {
  PhraseBook b;
  b.title = {"FATTURA", "Fattura"};
  b.invoice_number = {"Fattura n.", "Numero fattura", "N. fattura", "Fattura N°"};
  b.invoice_date = {"Data", "Data fattura", "Data documento"};
  b.due_date = {"Scadenza", "Data scadenza"};
  b.delivery_date = {"Data consegna", "Data DDT"};
  b.customer_number = {"Cod. cliente", "Codice cliente"};
  b.order_ref = {"Vs. ordine", "Rif. ordine", "Ordine n."};
  b.vat_id = {"P. IVA", "Partita IVA", "P.IVA"};
  b.customer_vat_id = {"P. IVA cliente", "Vs. P. IVA"};
  b.bill_to = {"Spett.le", "Destinatario", "Cliente"};
  b.page = {"Pagina {p} di {n}", "Pag. {p}/{n}"};
  b.position = {"N.", "Riga"};
  b.sku = {"Codice", "Cod. art."};
  b.description = {"Descrizione", "Descrizione articolo"};
  b.quantity = {"Q.tà", "Quantità"};
  b.unit = {"U.M.", "UM"};
  b.unit_price = {"Prezzo unitario", "Prezzo", "Prezzo unit."};
  b.tax_rate = {"IVA", "Aliquota", "% IVA"};
  b.amount = {"Importo", "Totale"};
  b.subtotal = {"Imponibile", "Totale imponibile", "Subtotale"};
  b.tax = {"IVA", "Imposta", "Totale IVA"};
  b.sales_tax = b.tax;
  b.total_tax = {"Totale IVA"};
  b.total = {"Totale fattura", "Totale documento", "TOTALE", "Totale da pagare"};
  b.total_with_deposit = {"Totale fattura", "Totale documento"};
  b.amount_paid = {"Acconto versato", "Già pagato"};
  b.balance_due = {"Netto a pagare", "Saldo da pagare"};
  b.carried_forward = {"A riportare"};
  b.brought_forward = {"Riporto"};
  b.currency_note = {"Importi in {cur}", "Valuta: {cur}"};
  b.intro = {"Vi addebitiamo quanto segue:", "Grazie per il Vostro ordine. Dettaglio fattura:"};
  b.closing = {"Distinti saluti", "Grazie per la fiducia."};
  b.terms_days = {"Pagamento: bonifico bancario a {days} gg data fattura.",
                  "Pagamento a {days} giorni data fattura."};
  b.terms_due = {"Scadenza pagamento: {due}", "Da pagare entro il {due}."};
  b.terms_immediate = {"Pagamento: rimessa diretta.", "Pagamento alla consegna."};
  b.phone = {"Tel.", "Telefono"};
  b.email = {"E-mail", "Email", "PEC"};
  b.web = {"Web", "Sito"};
  b.bank = {"Coordinate bancarie", "Banca d'appoggio", "Banca"};
  b.iban = {"IBAN"};
  b.bic = {"BIC", "SWIFT"};
  b.reverse_charge = {"Operazione in reverse charge ai sensi dell'art. 7-ter DPR 633/72.",
                      "Inversione contabile - art. 17 c. 6 DPR 633/72."};
  b.export_note = {"Operazione non imponibile art. 8 DPR 633/72.",
                   "Esportazione non imponibile IVA."};
  b.manager = {"Amministratore", "Legale rappresentante"};
  return b;
}

PhraseBook Dutch() {
  PhraseBook b;
  b.title = {"FACTUUR", "Factuur"};
  b.invoice_number = {"Factuurnummer", "Factuurnr.", "Factuur nr."};
  b.invoice_date = {"Factuurdatum", "Datum"};
  b.due_date = {"Vervaldatum", "Uiterste betaaldatum"};
  b.delivery_date = {"Leverdatum", "Leveringsdatum"};
  b.customer_number = {"Klantnummer", "Debiteurnummer", "Klantnr."};
  b.order_ref = {"Uw referentie", "Ordernummer", "Uw bestelnummer"};
  b.vat_id = {"BTW-nummer", "Btw-nr.", "BTW nr."};
  b.customer_vat_id = {"Uw BTW-nummer", "BTW-nr. klant"};
  b.bill_to = {"Factuuradres", "Aan", "Klant"};
  b.page = {"Pagina {p} van {n}", "Blad {p}/{n}"};
  b.position = {"Nr.", "Regel"};
  b.sku = {"Artikelnr.", "Art.nr."};
  b.description = {"Omschrijving", "Beschrijving"};
  b.quantity = {"Aantal", "Aant."};
  b.unit = {"Eenheid", "Eenh."};
  b.unit_price = {"Prijs", "Stukprijs", "Prijs per eenheid"};
  b.tax_rate = {"BTW", "BTW %"};
  b.amount = {"Bedrag", "Totaal"};
  b.subtotal = {"Subtotaal", "Totaal excl. BTW", "Netto bedrag"};
  b.tax = {"BTW", "Btw"};
  b.sales_tax = b.tax;
  b.total_tax = {"Totaal BTW", "BTW totaal"};
  b.total = {"Totaal", "Totaal incl. BTW", "Te betalen", "Totaalbedrag"};
  b.total_with_deposit = {"Totaal incl. BTW", "Totaalbedrag"};
  b.amount_paid = {"Reeds betaald", "Aanbetaling"};
  b.balance_due = {"Openstaand bedrag", "Nog te betalen"};
  b.carried_forward = {"Transport"};
  b.brought_forward = {"Transport"};
  b.currency_note = {"Alle bedragen in {cur}", "Valuta: {cur}"};
  b.intro = {"Geachte heer/mevrouw, hierbij brengen wij u het volgende in rekening:",
             "Bedankt voor uw opdracht. Wij factureren u als volgt:"};
  b.closing = {"Met vriendelijke groet", "Bedankt voor uw vertrouwen."};
  b.terms_days = {"Gelieve binnen {days} dagen te betalen.", "Betalingstermijn: {days} dagen"};
  b.terms_due = {
      "Wij verzoeken u het bedrag vóór {due} over te maken op onderstaand "
      "rekeningnummer.",
      "Te betalen vóór {due}."};
  b.terms_immediate = {"Direct te voldoen.", "Betaling bij ontvangst."};
  b.phone = {"Tel.", "Telefoon", "T"};
  b.email = {"E-mail", "E"};
  b.web = {"Website", "Web"};
  b.bank = {"Bankgegevens", "Bank"};
  b.iban = {"IBAN", "Rekeningnummer"};
  b.bic = {"BIC"};
  b.reverse_charge = {"BTW verlegd.", "Btw verlegd naar afnemer (art. 12 Wet OB)."};
  b.export_note = {"Export: 0% BTW.", "Vrijgesteld van BTW (export)."};
  b.manager = {"Directeur", "Bestuurder"};
  return b;
}

std::string Pick(const PhraseBook::Variants& variants, Rng& rng) {
  return std::string(rng.Pick(variants));
}

// A variant that does not mention `word` (US invoices charge sales tax, not VAT).
std::string PickWithout(const PhraseBook::Variants& variants, std::string_view word, Rng& rng) {
  PhraseBook::Variants kept;
  for (const std::string_view v : variants) {
    if (v.find(word) == std::string_view::npos) kept.push_back(v);
  }
  return Pick(kept.empty() ? variants : kept, rng);
}

}  // namespace

const PhraseBook& Phrases(Language language) {
  static const std::array<PhraseBook, 6> kBooks = {English(), German(),  French(),
                                                   Spanish(), Italian(), Dutch()};
  return kBooks[static_cast<std::size_t>(language)];
}

Labels ChooseLabels(Language language, bool sales_tax, bool deposit, Rng& rng) {
  const PhraseBook& b = Phrases(language);
  Labels l;
  l.title = Pick(b.title, rng);
  l.invoice_number = Pick(b.invoice_number, rng);
  l.invoice_date = Pick(b.invoice_date, rng);
  l.due_date = Pick(b.due_date, rng);
  l.delivery_date = Pick(b.delivery_date, rng);
  l.customer_number = Pick(b.customer_number, rng);
  l.order_ref = Pick(b.order_ref, rng);
  l.vat_id = Pick(b.vat_id, rng);
  l.customer_vat_id = Pick(b.customer_vat_id, rng);
  l.bill_to = Pick(b.bill_to, rng);
  l.page = Pick(b.page, rng);
  l.position = Pick(b.position, rng);
  l.sku = Pick(b.sku, rng);
  l.description = Pick(b.description, rng);
  l.quantity = Pick(b.quantity, rng);
  l.unit = Pick(b.unit, rng);
  l.unit_price = Pick(b.unit_price, rng);
  auto tax_word = [&](const PhraseBook::Variants& v) {
    return sales_tax ? PickWithout(v, "VAT", rng) : Pick(v, rng);
  };
  l.tax_rate = tax_word(b.tax_rate);
  l.amount = Pick(b.amount, rng);
  l.subtotal = tax_word(b.subtotal);
  l.tax = Pick(sales_tax ? b.sales_tax : b.tax, rng);
  l.total_tax = Pick(b.total_tax, rng);
  l.total = tax_word(deposit ? b.total_with_deposit : b.total);
  l.amount_paid = Pick(b.amount_paid, rng);
  l.balance_due = Pick(b.balance_due, rng);
  l.carried_forward = Pick(b.carried_forward, rng);
  l.brought_forward = Pick(b.brought_forward, rng);
  l.currency_note = Pick(b.currency_note, rng);
  l.intro = Pick(b.intro, rng);
  l.closing = Pick(b.closing, rng);
  l.terms = Pick(b.terms_days, rng);
  l.phone = Pick(b.phone, rng);
  l.email = Pick(b.email, rng);
  l.web = Pick(b.web, rng);
  l.bank = Pick(b.bank, rng);
  l.iban = Pick(b.iban, rng);
  l.bic = Pick(b.bic, rng);
  l.reverse_charge = Pick(b.reverse_charge, rng);
  l.manager = Pick(b.manager, rng);
  return l;
}

std::string_view CountryName(Country country, Language language) {
  // Rows follow Country, columns follow Language (en de fr es it nl).
  static constexpr std::array<std::array<std::string_view, 6>, 14> kNames = {{
      {"Germany", "Deutschland", "Allemagne", "Alemania", "Germania", "Duitsland"},
      {"Austria", "Österreich", "Autriche", "Austria", "Austria", "Oostenrijk"},
      {"Switzerland", "Schweiz", "Suisse", "Suiza", "Svizzera", "Zwitserland"},
      {"France", "Frankreich", "France", "Francia", "Francia", "Frankrijk"},
      {"Belgium", "Belgien", "Belgique", "Bélgica", "Belgio", "België"},
      {"Luxembourg", "Luxemburg", "Luxembourg", "Luxemburgo", "Lussemburgo", "Luxemburg"},
      {"Spain", "Spanien", "Espagne", "España", "Spagna", "Spanje"},
      {"Italy", "Italien", "Italie", "Italia", "Italia", "Italië"},
      {"Netherlands", "Niederlande", "Pays-Bas", "Países Bajos", "Paesi Bassi", "Nederland"},
      {"United Kingdom", "Vereinigtes Königreich", "Royaume-Uni", "Reino Unido", "Regno Unito",
       "Verenigd Koninkrijk"},
      {"Ireland", "Irland", "Irlande", "Irlanda", "Irlanda", "Ierland"},
      {"USA", "USA", "États-Unis", "Estados Unidos", "Stati Uniti", "Verenigde Staten"},
      {"Sweden", "Schweden", "Suède", "Suecia", "Svezia", "Zweden"},
      {"Japan", "Japan", "Japon", "Japón", "Giappone", "Japan"},
  }};
  return kNames[static_cast<std::size_t>(country)][static_cast<std::size_t>(language)];
}

}  // namespace invoicer::synth
