#include "extract/einvoice.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <initializer_list>

namespace invoicer::extract {

namespace {

using pugi::xml_node;

constexpr std::string_view kUblInvoiceNs = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
constexpr std::string_view kUblCreditNoteNs =
    "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
constexpr std::string_view kCiiNs = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
constexpr std::string_view kZugferd1Ns = "urn:ferd:CrossIndustryDocument:invoice:1p0";

// pugixml does not resolve namespaces; invoices use varying prefixes (rsm:, ram:, cbc:,
// none), so elements are matched by their local name and the root by its namespace URI.
std::string_view LocalName(const xml_node& n) {
  const std::string_view name = n.name();
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string_view Prefix(const xml_node& n) {
  const std::string_view name = n.name();
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? std::string_view{} : name.substr(0, colon);
}

std::string_view NamespaceOf(const xml_node& n) {
  const std::string_view prefix = Prefix(n);
  const std::string attr = prefix.empty() ? "xmlns" : "xmlns:" + std::string(prefix);
  for (xml_node p = n; p; p = p.parent()) {
    if (const pugi::xml_attribute a = p.attribute(attr.c_str())) return a.value();
  }
  return {};
}

xml_node Child(const xml_node& n, std::string_view local) {
  for (const xml_node& c : n.children()) {
    if (c.type() == pugi::node_element && LocalName(c) == local) return c;
  }
  return {};
}

xml_node Path(xml_node n, std::initializer_list<std::string_view> path) {
  for (std::string_view step : path) {
    if (!n) break;
    n = Child(n, step);
  }
  return n;
}

std::vector<xml_node> Children(const xml_node& n, std::string_view local) {
  std::vector<xml_node> out;
  for (const xml_node& c : n.children()) {
    if (c.type() == pugi::node_element && LocalName(c) == local) out.push_back(c);
  }
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return std::string(s);
}

std::string TextOf(const xml_node& n) { return n ? Trim(n.text().get()) : std::string(); }

// Decimals as written in the XML, also the forms the schema allows that our strict parser
// does not ("+5", "64.", ".5").
std::optional<Decimal> ParseAmount(std::string text) {
  if (!text.empty() && text.front() == '+') text.erase(0, 1);
  if (!text.empty() && text.back() == '.') text.pop_back();
  const bool negative = !text.empty() && text.front() == '-';
  if (text.size() > (negative ? 1u : 0u) && text[negative ? 1 : 0] == '.') {
    text.insert(negative ? 1 : 0, "0");
  }
  auto d = Decimal::Parse(text);
  if (!d) return std::nullopt;
  return *d;
}

// UBL dates are xs:date (YYYY-MM-DD, maybe with a zone); CII dates are DateTimeString
// format 102 (CCYYMMDD).
std::optional<Date> ParseDate(std::string_view text) {
  if (text.size() >= 10 && text[4] == '-') {
    if (auto d = Date::Parse(text.substr(0, 10))) return *d;
    return std::nullopt;
  }
  if (text.size() == 8 && std::all_of(text.begin(), text.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
      })) {
    const int y = std::stoi(std::string(text.substr(0, 4)));
    const auto m = static_cast<unsigned>(std::stoi(std::string(text.substr(4, 2))));
    const auto d = static_cast<unsigned>(std::stoi(std::string(text.substr(6, 2))));
    if (auto date = Date::FromYmd(y, m, d)) return *date;
  }
  return std::nullopt;
}

// The element of `candidates` in the invoice currency, else the one without a currencyID,
// else the first (BT-110 and BT-112 may repeat in the VAT accounting currency).
xml_node InCurrency(const std::vector<xml_node>& candidates, std::string_view currency) {
  for (const xml_node& n : candidates) {
    if (n.attribute("currencyID").value() == currency) return n;
  }
  for (const xml_node& n : candidates) {
    if (!n.attribute("currencyID")) return n;
  }
  return candidates.empty() ? xml_node() : candidates.front();
}

class Builder {
 public:
  void Text(std::string_view name, const xml_node& n) { Put(name, TextOf(n)); }
  void Money(std::string_view name, const xml_node& n) {
    if (auto d = ParseAmount(TextOf(n))) Put(name, d->ToString());
  }
  void DateField(std::string_view name, const xml_node& n) {
    if (auto d = ParseDate(TextOf(n))) Put(name, d->ToString());
  }
  void Currency(const xml_node& n) {
    std::string code = TextOf(n);
    std::transform(code.begin(), code.end(), code.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    Put("currency", code);
  }
  void Iban(const xml_node& n) {
    std::string iban;
    for (char c : TextOf(n)) {
      if (!IsSpace(c)) iban += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    Put("iban", iban);
  }
  // BT-86 is optional and some files put a scheme name there ("SE:BANKGIRO"); only a value
  // of the ISO 9362 shape is a BIC.
  void Bic(const xml_node& n) {
    const std::string bic = TextOf(n);
    const bool shaped =
        (bic.size() == 8 || bic.size() == 11) &&
        std::all_of(bic.begin(), bic.begin() + 6,
                    [](char c) { return std::isupper(static_cast<unsigned char>(c)); }) &&
        std::all_of(bic.begin() + 6, bic.end(), [](char c) {
          return std::isupper(static_cast<unsigned char>(c)) ||
                 std::isdigit(static_cast<unsigned char>(c));
        });
    if (shaped) Put("bic", bic);
  }
  void JoinedText(std::string_view name, const std::vector<xml_node>& nodes) {
    std::string joined;
    for (const xml_node& n : nodes) {
      const std::string t = TextOf(n);
      if (t.empty()) continue;
      if (!joined.empty()) joined += '\n';
      joined += t;
    }
    Put(name, joined);
  }
  std::string Value(std::string_view name) const {
    auto it = out.fields.find(name);
    return it == out.fields.end() ? std::string() : it->second.value;
  }

  void Put(std::string_view name, std::string value) {
    if (value.empty()) return;
    out.fields[std::string(name)] =
        domain::FieldValue{std::move(value), 1.0, domain::FieldSource::kEInvoice, 0, std::nullopt};
  }

  EInvoice out;
};

std::optional<Decimal> DecimalOf(const xml_node& n) { return ParseAmount(TextOf(n)); }

// "Street, Additional, Postcode City, Country" from a UBL PostalAddress or a CII
// PostalTradeAddress.
std::string Address(const xml_node& a, bool ubl) {
  if (!a) return {};
  std::vector<std::string> parts;
  auto add = [&](std::string s) {
    if (!s.empty()) parts.push_back(std::move(s));
  };
  if (ubl) {
    add(TextOf(Child(a, "StreetName")));
    add(TextOf(Child(a, "AdditionalStreetName")));
    add(Trim(TextOf(Child(a, "PostalZone")) + " " + TextOf(Child(a, "CityName"))));
    add(TextOf(Path(a, {"Country", "IdentificationCode"})));
  } else {
    add(TextOf(Child(a, "LineOne")));
    add(TextOf(Child(a, "LineTwo")));
    add(TextOf(Child(a, "LineThree")));
    add(Trim(TextOf(Child(a, "PostcodeCode")) + " " + TextOf(Child(a, "CityName"))));
    add(TextOf(Child(a, "CountryID")));
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

void PutAddress(Builder& b, std::string_view name, const xml_node& a, bool ubl) {
  b.Put(name, Address(a, ubl));
}

xml_node UblVatScheme(const xml_node& party) {
  for (const xml_node& scheme : Children(party, "PartyTaxScheme")) {
    if (TextOf(Path(scheme, {"TaxScheme", "ID"})) == "VAT") return Child(scheme, "CompanyID");
  }
  return {};
}

EInvoice ReadUbl(const xml_node& root, bool credit_note) {
  Builder b;
  b.out.syntax = "ubl";
  b.Text("invoice_number", Child(root, "ID"));
  b.DateField("invoice_date", Child(root, "IssueDate"));
  if (xml_node due = Child(root, "DueDate")) {
    b.DateField("due_date", due);
  } else if (credit_note) {
    b.DateField("due_date", Path(root, {"PaymentMeans", "PaymentDueDate"}));
  }
  b.Currency(Child(root, "DocumentCurrencyCode"));
  const xml_node seller = Path(root, {"AccountingSupplierParty", "Party"});
  const xml_node buyer = Path(root, {"AccountingCustomerParty", "Party"});
  b.Text("vendor_name", Path(seller, {"PartyLegalEntity", "RegistrationName"}));
  b.Text("vendor_tax_id", UblVatScheme(seller));
  PutAddress(b, "vendor_address", Child(seller, "PostalAddress"), true);
  b.Text("customer_name", Path(buyer, {"PartyLegalEntity", "RegistrationName"}));
  b.Text("customer_tax_id", UblVatScheme(buyer));
  PutAddress(b, "customer_address", Child(buyer, "PostalAddress"), true);
  b.Text("purchase_order", Path(root, {"OrderReference", "ID"}));
  const xml_node totals = Child(root, "LegalMonetaryTotal");
  b.Money("subtotal", Child(totals, "LineExtensionAmount"));
  std::vector<xml_node> tax_amounts;
  for (const xml_node& t : Children(root, "TaxTotal")) {
    if (xml_node a = Child(t, "TaxAmount")) tax_amounts.push_back(a);
  }
  b.Money("total_tax", InCurrency(tax_amounts, b.Value("currency")));
  b.Money("total", Child(totals, "TaxInclusiveAmount"));
  b.Money("amount_due", Child(totals, "PayableAmount"));
  for (const xml_node& means : Children(root, "PaymentMeans")) {
    if (xml_node account = Child(means, "PayeeFinancialAccount")) {
      b.Iban(Child(account, "ID"));
      b.Bic(Path(account, {"FinancialInstitutionBranch", "ID"}));
      break;
    }
  }
  std::vector<xml_node> notes;
  for (const xml_node& terms : Children(root, "PaymentTerms")) {
    for (const xml_node& n : Children(terms, "Note")) notes.push_back(n);
  }
  b.JoinedText("payment_terms", notes);
  const std::string_view line_name = credit_note ? "CreditNoteLine" : "InvoiceLine";
  const std::string_view quantity_name = credit_note ? "CreditedQuantity" : "InvoicedQuantity";
  for (const xml_node& line : Children(root, line_name)) {
    domain::LineItem item;
    item.description = TextOf(Path(line, {"Item", "Name"}));
    item.quantity = DecimalOf(Child(line, quantity_name));
    item.unit_price = DecimalOf(Path(line, {"Price", "PriceAmount"}));
    item.amount = DecimalOf(Child(line, "LineExtensionAmount"));
    item.tax_rate = DecimalOf(Path(line, {"Item", "ClassifiedTaxCategory", "Percent"}));
    b.out.line_items.push_back(std::move(item));
  }
  return std::move(b.out);
}

// Element names that differ between CII D16B and its predecessor ZUGFeRD 1.0.
struct CiiNames {
  std::string_view document, transaction, agreement, settlement, summation, order_id;
  std::string_view line_agreement, line_delivery, line_settlement, line_summation, rate;
};
constexpr CiiNames kCii{"ExchangedDocument",
                        "SupplyChainTradeTransaction",
                        "ApplicableHeaderTradeAgreement",
                        "ApplicableHeaderTradeSettlement",
                        "SpecifiedTradeSettlementHeaderMonetarySummation",
                        "IssuerAssignedID",
                        "SpecifiedLineTradeAgreement",
                        "SpecifiedLineTradeDelivery",
                        "SpecifiedLineTradeSettlement",
                        "SpecifiedTradeSettlementLineMonetarySummation",
                        "RateApplicablePercent"};
constexpr CiiNames kZugferd1{"HeaderExchangedDocument",
                             "SpecifiedSupplyChainTradeTransaction",
                             "ApplicableSupplyChainTradeAgreement",
                             "ApplicableSupplyChainTradeSettlement",
                             "SpecifiedTradeSettlementMonetarySummation",
                             "ID",
                             "SpecifiedSupplyChainTradeAgreement",
                             "SpecifiedSupplyChainTradeDelivery",
                             "SpecifiedSupplyChainTradeSettlement",
                             "SpecifiedTradeSettlementMonetarySummation",
                             "ApplicablePercent"};

xml_node CiiVatId(const xml_node& party) {
  for (const xml_node& reg : Children(party, "SpecifiedTaxRegistration")) {
    const xml_node id = Child(reg, "ID");
    if (std::string_view(id.attribute("schemeID").value()) == "VA") return id;
  }
  return {};
}

// A line that only groups or comments other lines is not a line item (EN 16931 BG-25).
bool IsCiiItemLine(const xml_node& line) {
  const xml_node doc = Child(line, "AssociatedDocumentLineDocument");
  return !Child(doc, "ParentLineID") && TextOf(Child(doc, "LineStatusReasonCode")) != "INFORMATION";
}

EInvoice ReadCii(const xml_node& root, const CiiNames& names) {
  Builder b;
  b.out.syntax = "cii";
  const xml_node doc = Child(root, names.document);
  const xml_node tx = Child(root, names.transaction);
  const xml_node agreement = Child(tx, names.agreement);
  const xml_node settlement = Child(tx, names.settlement);
  b.Text("invoice_number", Child(doc, "ID"));
  b.DateField("invoice_date", Path(doc, {"IssueDateTime", "DateTimeString"}));
  for (const xml_node& terms : Children(settlement, "SpecifiedTradePaymentTerms")) {
    if (xml_node due = Path(terms, {"DueDateDateTime", "DateTimeString"})) {
      b.DateField("due_date", due);
      break;
    }
  }
  b.Currency(Child(settlement, "InvoiceCurrencyCode"));
  const xml_node seller = Child(agreement, "SellerTradeParty");
  const xml_node buyer = Child(agreement, "BuyerTradeParty");
  b.Text("vendor_name", Child(seller, "Name"));
  b.Text("vendor_tax_id", CiiVatId(seller));
  PutAddress(b, "vendor_address", Child(seller, "PostalTradeAddress"), false);
  b.Text("customer_name", Child(buyer, "Name"));
  b.Text("customer_tax_id", CiiVatId(buyer));
  PutAddress(b, "customer_address", Child(buyer, "PostalTradeAddress"), false);
  b.Text("purchase_order", Path(agreement, {"BuyerOrderReferencedDocument", names.order_id}));
  const xml_node sums = Child(settlement, names.summation);
  b.Money("subtotal", Child(sums, "LineTotalAmount"));
  b.Money("total_tax", InCurrency(Children(sums, "TaxTotalAmount"), b.Value("currency")));
  b.Money("total", Child(sums, "GrandTotalAmount"));
  b.Money("amount_due", Child(sums, "DuePayableAmount"));
  const std::vector<xml_node> means = Children(settlement, "SpecifiedTradeSettlementPaymentMeans");
  for (std::string_view id : {"IBANID", "ProprietaryID"}) {
    const auto it = std::find_if(means.begin(), means.end(), [&](const xml_node& m) {
      return !TextOf(Path(m, {"PayeePartyCreditorFinancialAccount", id})).empty();
    });
    if (it != means.end()) {
      b.Iban(Path(*it, {"PayeePartyCreditorFinancialAccount", id}));
      b.Bic(Path(*it, {"PayeeSpecifiedCreditorFinancialInstitution", "BICID"}));
      break;
    }
  }
  std::vector<xml_node> terms;
  for (const xml_node& t : Children(settlement, "SpecifiedTradePaymentTerms")) {
    if (xml_node d = Child(t, "Description")) terms.push_back(d);
  }
  b.JoinedText("payment_terms", terms);
  for (const xml_node& line : Children(tx, "IncludedSupplyChainTradeLineItem")) {
    if (!IsCiiItemLine(line)) continue;
    const xml_node line_settlement = Child(line, names.line_settlement);
    domain::LineItem item;
    item.description = TextOf(Path(line, {"SpecifiedTradeProduct", "Name"}));
    item.quantity = DecimalOf(Path(line, {names.line_delivery, "BilledQuantity"}));
    item.unit_price = DecimalOf(
        Path(line, {names.line_agreement, "NetPriceProductTradePrice", "ChargeAmount"}));
    item.amount = DecimalOf(Path(line_settlement, {names.line_summation, "LineTotalAmount"}));
    item.tax_rate = DecimalOf(Path(line_settlement, {"ApplicableTradeTax", names.rate}));
    b.out.line_items.push_back(std::move(item));
  }
  return std::move(b.out);
}

}  // namespace

Result<EInvoice> ReadEInvoice(std::string_view xml) {
  pugi::xml_document doc;
  // parse_doctype keeps a DOCTYPE as a node so that it can be refused below; pugixml never
  // loads external DTDs or expands declared entities in any mode.
  const pugi::xml_parse_result parsed =
      doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_doctype);
  if (!parsed) {
    return errors::UnreadableDocument(std::string("the XML is not well-formed: ") +
                                      parsed.description() + " at offset " +
                                      std::to_string(parsed.offset));
  }
  for (const xml_node& n : doc.children()) {
    if (n.type() == pugi::node_doctype) {
      return errors::UnreadableDocument(
          "XML with a DOCTYPE declaration is refused (entities are never resolved)");
    }
  }
  const xml_node root = doc.document_element();
  const std::string_view name = LocalName(root);
  const std::string_view ns = NamespaceOf(root);
  if (name == "Invoice" && ns == kUblInvoiceNs) return ReadUbl(root, false);
  if (name == "CreditNote" && ns == kUblCreditNoteNs) return ReadUbl(root, true);
  if (name == "CrossIndustryInvoice" && ns == kCiiNs) return ReadCii(root, kCii);
  if (name == "CrossIndustryDocument" && ns == kZugferd1Ns) return ReadCii(root, kZugferd1);
  return errors::UnreadableDocument(
      "the XML is not a UBL Invoice/CreditNote or a CII CrossIndustryInvoice");
}

}  // namespace invoicer::extract
