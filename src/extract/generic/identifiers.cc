#include "extract/generic/identifiers.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "domain/validate.h"
#include "extract/generic/label_values.h"
#include "extract/generic/pattern.h"

namespace invoicer::extract::generic {

namespace {

constexpr double kRightOfLabel = 0.88;
constexpr double kBelowLabel = 0.82;
constexpr double kAfterTitle = 0.7;

std::string Compact(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '.' || c == '-') continue;
    out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  return out;
}

bool Overlaps(const Span& a, const Span& b) {
  return a.line == b.line && a.begin < b.end && b.begin < a.end;
}

// "IN- 2020-44746": OCR leaves a space after the hyphen that joins a letter prefix to the
// digits of an identifier; the value of `span` read as one identifier without that space,
// with less confidence (`confidence` - 0.1).
std::optional<domain::FieldValue> SplitIdentifier(const LayoutIndex& index, const Span& span,
                                                  double confidence) {
  static const Pattern split(
      R"(^[\s:#]*(\p{Lu}{1,5}-) (\p{N}[\p{L}\p{N}/._-]{1,38})(?=[\s,;)]|$))", false);
  const std::string_view text = index.Text(span);
  const auto m = split.Find(text);
  if (!m) return std::nullopt;
  std::string value = std::string(m->Group(text, 1)) + std::string(m->Group(text, 2));
  while (value.back() == '.' || value.back() == '-' || value.back() == '/') value.pop_back();
  const std::size_t begin = m->groups[0]->first;
  return index.MakeField(Span{span.line, span.begin + begin, span.begin + m->end}, value,
                         confidence - 0.1);
}

// "S1/2019/10/415", "$1-2019-51050": OCR reads the I of a letter prefix as 1 and its S as a
// dollar sign. A prefix of one to four letters and such look-alikes before the digits of an
// identifier is read as letters ("SI/2019/10/415"); nullopt when there is nothing to read back.
std::optional<std::string> ReadBackLetterPrefix(std::string_view value) {
  static const Pattern prefix(R"(^[$A-Z][A-Z1]{1,3}(?=[-/]\p{N}))", false);
  const auto m = prefix.Find(value);
  if (!m) return std::nullopt;
  std::string out(value);
  bool changed = false;
  for (std::size_t i = 0; i < m->end; ++i) {
    if (out[i] == '$' || out[i] == '1') {
      out[i] = out[i] == '$' ? 'S' : 'I';
      changed = true;
    }
  }
  if (!changed) return std::nullopt;
  return out;
}

// The field of the identifier at `span`; in OCR text, its letter prefix read back (with less
// confidence) where the recogniser mistook letters for look-alikes. A text layer is exact:
// "A1-2024-7" there is what the issuer wrote.
domain::FieldValue IdentifierField(const LayoutIndex& index, const Span& span,
                                   double confidence) {
  const std::string_view text = index.Text(span);
  if (index.doc().source != domain::FieldSource::kOcr) {
    return index.MakeField(span, std::string(text), confidence);
  }
  if (auto read_back = ReadBackLetterPrefix(text)) {
    return index.MakeField(span, *read_back, confidence - 0.1);
  }
  return index.MakeField(span, std::string(text), confidence);
}

// The identifier after a label of `kind`, skipping values that are dates or that the label
// of another kind claims.
std::optional<domain::FieldValue> LabelledIdentifier(const DocumentScan& scan, TextLabel kind,
                                                     double right, double below) {
  const LayoutIndex& index = scan.index();
  for (const Span& label : FindLabelSpans(index, kind)) {
    const auto spans = ValueSpans(index, label);
    for (std::size_t i = 0; i < spans.size(); ++i) {
      const auto id = IdentifierIn(index, spans[i]);
      if (!id) {
        const bool same_line = spans[i].line == label.line;
        if (auto split = SplitIdentifier(index, spans[i], same_line ? right : below)) return split;
        continue;
      }
      const bool is_date = std::any_of(scan.dates().begin(), scan.dates().end(),
                                       [&](const DateHit& d) { return Overlaps(d.span, *id); });
      if (is_date) continue;
      const bool same_line = spans[i].line == label.line;
      return IdentifierField(index, *id, same_line ? right : below);
    }
  }
  return std::nullopt;
}

void FindIban(const DocumentScan& scan, domain::FieldMap& fields) {
  static const Pattern start(R"((?<![A-Z0-9])[A-Z]{2}[0-9]{2}[ ]?[A-Z0-9])", false);
  const LayoutIndex& index = scan.index();
  for (std::size_t l = 0; l < index.lines().size(); ++l) {
    const std::string& text = index.line(l).text;
    for (const auto& m : start.FindAll(text)) {
      // Try the rest of the line, and with the next line appended (an IBAN printed in
      // groups may wrap); the length rules of each country pick the one right cut.
      std::vector<Span> pieces{{l, m.begin, text.size()}};
      const auto below = ValueSpans(index, {l, m.begin, std::min(text.size(), m.begin + 4)});
      std::string compact;
      for (std::size_t attempt = 0; attempt < 2; ++attempt) {
        if (attempt == 1) {
          if (below.size() < 2 || below[1].line == l) break;
          pieces.push_back(below[1]);
        }
        compact.clear();
        std::vector<std::size_t> piece_of;
        for (std::size_t p = 0; p < pieces.size(); ++p) {
          for (const char c : index.Text(pieces[p])) {
            if (c == ' ') continue;
            if (!std::isalnum(static_cast<unsigned char>(c))) break;
            compact.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
            piece_of.push_back(p);
          }
        }
        for (std::size_t n = std::min<std::size_t>(34, compact.size()); n >= 15; --n) {
          if (!domain::IsValidIban(compact.substr(0, n))) continue;
          std::vector<Span> used(pieces.begin(),
                                 pieces.begin() + static_cast<long>(piece_of[n - 1] + 1));
          const Party party = PartyAt(index, l, index.Box(pieces[0]).x0);
          if (party == Party::kBuyer) break;  // the customer's account (direct debit)
          fields["iban"] = index.MakeField(used, compact.substr(0, n), 0.97);
          return;
        }
      }
    }
  }
}

void FindBic(const DocumentScan& scan, domain::FieldMap& fields) {
  static const Pattern bic(R"(^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$)", false);
  const LayoutIndex& index = scan.index();
  for (const Span& label : FindLabelSpans(index, TextLabel::kBic)) {
    for (const Span& s : ValueSpans(index, label)) {
      const auto id = IdentifierIn(index, s);
      std::string_view text = index.Text(s);
      std::size_t b = text.find_first_not_of(" \t:");
      if (b == std::string_view::npos) continue;
      std::size_t e = text.find_first_of(" \t,;", b);
      if (e == std::string_view::npos) e = text.size();
      const std::string word(text.substr(b, e - b));
      if (bic.Find(word)) {
        fields["bic"] = index.MakeField(Span{s.line, s.begin + b, s.begin + e}, word, 0.88);
        return;
      }
      if (id) break;
    }
  }
}

void FindTaxIds(const DocumentScan& scan, domain::FieldMap& fields) {
  static const Pattern vat(
      R"((?<![A-Z0-9])(?:AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|GB|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|)"
      R"(PT|RO|SE|SI|SK|XI|CHE)[ .-]?[0-9A-Z][0-9A-Z .-]{1,18})",
      false);
  static const Pattern customer_words(
      R"(\b(?:your|ihre?|votre|su|vostro|uw|customer|kunde|client|cliente|klant)\b)");
  const LayoutIndex& index = scan.index();
  for (std::size_t l = 0; l < index.lines().size(); ++l) {
    const IndexedLine& il = index.line(l);
    for (const auto& m : vat.FindAll(il.text)) {
      const std::string compact =
          Compact(std::string_view(il.text).substr(m.begin, m.end - m.begin));
      for (std::size_t n = compact.size(); n >= 4; --n) {
        // VAT ids are mostly digits; the countries without a check-digit rule accept any
        // letters, which would take words ("ROOM NO") for ids.
        const std::string candidate = compact.substr(0, n);
        const auto digits = std::count_if(candidate.begin() + 2, candidate.end(), [](char c) {
          return std::isdigit(static_cast<unsigned char>(c));
        });
        if (digits < 6 || 10 * digits < 7 * static_cast<long>(candidate.size() - 2)) continue;
        if (!domain::IsValidVatId(candidate)) continue;
        const Span span{l, m.begin, m.end};
        Party party = PartyAt(index, l, index.Box(span).x0);
        if (party == Party::kUnknown &&
            customer_words.Find(FoldString(std::string_view(il.text).substr(0, m.begin)))) {
          party = Party::kBuyer;
        }
        const char* name = party == Party::kBuyer ? "customer_tax_id" : "vendor_tax_id";
        if (!fields.contains(name))
          fields[name] = index.MakeField(span, compact.substr(0, n), 0.95);
        break;
      }
    }
  }
  if (fields.contains("vendor_tax_id")) return;
  // A tax number the country's rules cannot check (GST, ABN, ...): after its label only.
  for (const Span& label : FindLabelSpans(index, TextLabel::kVatId)) {
    for (const Span& s : ValueSpans(index, label)) {
      const auto id = IdentifierIn(index, s);
      if (!id) continue;
      const std::string value = Compact(index.Text(*id));
      const auto digits = std::count_if(value.begin(), value.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
      });
      if (digits < 6) continue;
      if (PartyAt(index, label.line, index.Box(label).x0) == Party::kBuyer) break;
      fields["vendor_tax_id"] = index.MakeField(*id, value, 0.6);
      return;
    }
  }
}

void FindCurrency(const DocumentScan& scan, domain::FieldMap& fields) {
  const LayoutIndex& index = scan.index();
  struct Vote {
    int count = 0;
    double confidence = 0;
    Span span;
  };
  std::map<std::string, Vote> votes;
  auto vote = [&](const std::string& code, double confidence, const Span& span) {
    Vote& v = votes[code];
    if (v.count == 0) v.span = span;
    ++v.count;
    v.confidence = std::max(v.confidence, confidence);
  };
  for (const AmountHit& a : scan.amounts()) {
    if (!a.token.currency.empty()) vote(a.token.currency, a.token.currency_confidence, a.span);
  }
  // Codes standing alone: in amount columns ("EUR" over or next to the amounts) and after a
  // currency label.
  static const Pattern code(
      R"((?<![\p{L}\p{N}])(€|EUR|USD|GBP|CHF|JPY|CNY|MYR|SGD|AUD|CAD|SEK|NOK|DKK|PLN|CZK|HUF|INR|HKD|NZD|ZAR|BRL|MXN|TRY|RON|BGN)(?![\p{L}\p{N}]))",
      false);
  for (std::size_t l = 0; l < index.lines().size(); ++l) {
    const std::string& text = index.line(l).text;
    for (const auto& m : code.FindAll(text)) {
      if (auto c = ReadCurrency(m.Group(text, 1)))
        vote(c->code, c->confidence, {l, m.begin, m.end});
    }
  }
  for (const Span& label : FindLabelSpans(index, TextLabel::kCurrency)) {
    for (const Span& s : ValueSpans(index, label)) {
      const std::string_view text = index.Text(s);
      const std::size_t b = text.find_first_not_of(" \t:");
      if (b == std::string_view::npos) continue;
      std::size_t e = text.find_first_of(" \t", b);
      if (e == std::string_view::npos) e = text.size();
      if (auto c = ReadCurrency(text.substr(b, e - b))) {
        vote(c->code, 0.97, {s.line, s.begin + b, s.begin + e});
        vote(c->code, 0.97, {s.line, s.begin + b, s.begin + e});
      }
      break;
    }
  }
  const Vote* best = nullptr;
  std::string best_code;
  for (const auto& [c, v] : votes) {
    if (best == nullptr || v.count * v.confidence > best->count * best->confidence) {
      best = &v;
      best_code = c;
    }
  }
  if (best != nullptr) {
    // Symbols of several currencies ("$") become more certain when repeated, not certain.
    const double confidence = std::min(0.97, best->confidence + 0.02 * (best->count - 1));
    fields["currency"] = index.MakeField(best->span, best_code, confidence);
    return;
  }
  // No currency written: the euro when the vendor's VAT id or IBAN is from the euro area.
  static constexpr std::string_view kEuroArea[] = {"AT", "BE", "CY", "DE", "EE", "ES", "FI",
                                                   "FR", "GR", "EL", "HR", "IE", "IT", "LT",
                                                   "LU", "LV", "MT", "NL", "PT", "SI", "SK"};
  for (const char* name : {"vendor_tax_id", "iban"}) {
    auto it = fields.find(name);
    if (it == fields.end() || it->second.value.size() < 2) continue;
    const std::string_view country = std::string_view(it->second.value).substr(0, 2);
    if (std::find(std::begin(kEuroArea), std::end(kEuroArea), country) != std::end(kEuroArea)) {
      domain::FieldValue f = it->second;
      f.value = "EUR";
      f.confidence = 0.6;
      fields["currency"] = f;
      return;
    }
  }
}

void FindPaymentTerms(const DocumentScan& scan, domain::FieldMap& fields) {
  const LayoutIndex& index = scan.index();
  for (const Span& label : FindLabelSpans(index, TextLabel::kPaymentTerms)) {
    for (const Span& s : ValueSpans(index, label)) {
      std::string_view text = index.Text(s);
      const std::size_t b = text.find_first_not_of(" \t:");
      if (b == std::string_view::npos) continue;
      const std::string value = CollapseSpaces(text.substr(b));
      if (value.size() < 3) continue;
      fields["payment_terms"] = index.MakeField(Span{s.line, s.begin + b, s.end}, value, 0.7);
      return;
    }
  }
}

}  // namespace

// "Rechnung des Versicherers (575) Nr. 01.234-1 vom ...", "Invoice information (751) No.
// TX-1": a line that names the invoice, then a number sign and the identifier. OCR reads the
// "no" of a large title as "n0" or "np" at times, and "nr" as "hr".
std::optional<domain::FieldValue> TitledNumber(const DocumentScan& scan) {
  static const Pattern marker(
      R"((?:^|[\s)])(?:nr|hr|no|n0|np|n|number|nummer|numero|#)\b\.?)");
  const LayoutIndex& index = scan.index();
  for (std::size_t l = 0; l < index.lines().size(); ++l) {
    const std::string& folded = index.line(l).folded.text;
    if (!NamesInvoice(folded)) continue;
    for (const auto& m : marker.FindAll(folded)) {
      if (!NamesInvoice(folded.substr(0, m.begin))) continue;
      const Span after = index.FromFolded(l, m.end, folded.size());
      const auto id = IdentifierIn(index, after);
      if (!id || id->begin > after.begin + 2) continue;
      const bool is_date = std::any_of(scan.dates().begin(), scan.dates().end(),
                                       [&](const DateHit& d) { return Overlaps(d.span, *id); });
      if (!is_date) return IdentifierField(index, *id, 0.8);
    }
  }
  return std::nullopt;
}

// A header row whose labels the scan lost ("Date | Invoice No." over "23/02/2023 | 6146701"):
// right under a title line ("Facture", "Sales Invoice"), a row that starts with a date and
// goes on with an identifier of at least four digits; that identifier, with little
// confidence.
std::optional<domain::FieldValue> NumberInRowUnderTitle(const DocumentScan& scan) {
  constexpr std::size_t kTitleWords = 3;
  constexpr std::size_t kLinesBelow = 2;
  const LayoutIndex& index = scan.index();
  for (std::size_t l = 0; l + 1 < index.lines().size(); ++l) {
    const IndexedLine& title = index.line(l);
    if (title.word_begin.size() > kTitleWords || !IsTitleLine(title.folded.text)) continue;
    std::size_t looked = 0;
    for (std::size_t r = l + 1; r < index.lines().size() && looked < kLinesBelow; ++r) {
      const IndexedLine& row = index.line(r);
      if (row.page_index != title.page_index) break;
      if (IsSpeckLine(row.text)) continue;
      ++looked;
      const auto dates = FindDates(row.text);
      const std::size_t first = row.text.find_first_not_of(" \t");
      if (dates.empty() || dates.front().begin != first) continue;
      const auto id = IdentifierIn(index, Span{r, dates.front().end, row.text.size()});
      if (!id || id->begin > dates.front().end + 2) continue;
      const std::string_view text = index.Text(*id);
      const auto digits = std::count_if(text.begin(), text.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
      });
      if (digits >= 4) return IdentifierField(index, *id, 0.6);
    }
  }
  return std::nullopt;
}

void ExtractIdentifiers(const DocumentScan& scan, domain::FieldMap& fields) {
  if (auto number =
          LabelledIdentifier(scan, TextLabel::kInvoiceNumber, kRightOfLabel, kBelowLabel)) {
    fields["invoice_number"] = *number;
  } else if (auto titled_number = TitledNumber(scan)) {
    fields["invoice_number"] = *titled_number;
  } else if (auto titled = LabelledIdentifier(scan, TextLabel::kInvoiceTitle, kAfterTitle,
                                              kAfterTitle - 0.1)) {
    fields["invoice_number"] = *titled;
  } else if (auto in_row = NumberInRowUnderTitle(scan)) {
    fields["invoice_number"] = *in_row;
  }
  if (auto po = LabelledIdentifier(scan, TextLabel::kPurchaseOrder, 0.85, 0.8)) {
    fields["purchase_order"] = *po;
  }
  FindIban(scan, fields);
  FindBic(scan, fields);
  FindTaxIds(scan, fields);
  FindCurrency(scan, fields);
  FindPaymentTerms(scan, fields);
}

}  // namespace invoicer::extract::generic
