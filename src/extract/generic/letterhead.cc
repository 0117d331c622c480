#include "extract/generic/letterhead.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "extract/generic/label_values.h"
#include "extract/generic/line_items.h"
#include "extract/generic/party_text.h"
#include "extract/generic/pattern.h"

namespace invoicer::extract::generic {

namespace {

constexpr std::size_t kLetterheadLines = 14;
constexpr std::size_t kMaxAddressLines = 5;

// The lines of the letterhead: the top of the first page up to the first line that is part
// of the body (a date, a labelled amount, a customer block).
struct HeadLine {
  Piece piece;
  std::string folded;
  bool address = false;
  bool noise = false;  // a title, contact details, a registration number, a slogan
  bool legal = false;  // names a company's legal form
  bool postcode = false;
  bool street = false;    // names a numbered street, a building or a postcode and town
  bool building = false;  // names only a building ("DAISO JAPAN, IOI MALL")
};

std::string WithoutParentheses(std::string_view text) {
  std::string out;
  int depth = 0;
  for (const char c : text) {
    if (c == '(') ++depth;
    if (depth == 0) out.push_back(c);
    if (c == ')' && depth > 0) --depth;
  }
  return out;
}

std::string WithoutWebAddresses(std::string_view folded) {
  std::string out;
  std::size_t i = 0;
  while (i < folded.size()) {
    std::size_t end = folded.find(' ', i);
    if (end == std::string_view::npos) end = folded.size();
    const std::string_view word = folded.substr(i, end - i);
    if (word.find(".com") == std::string_view::npos && word.find('@') == std::string_view::npos &&
        !word.starts_with("www")) {
      out += std::string(word) + " ";
    }
    i = end + 1;
  }
  return out;
}

// A postcode with its town ("47400 PETALING JAYA", "D-80333 München", "75008 Paris") or a
// town with its state and ZIP code ("Seattle, WA 98186").
bool HasPostcode(std::string_view folded) {
  static const Pattern p(R"((?:^|[,;]\s*)(?:[a-z]{1,2}[-\s])?\d{4,5}(?![\p{N}/-])[\s.]+\p{L}{2,}|)"
                         R"(\p{L},\s*[a-z]{2}\s+\d{5}(?:-\d{4})?$)");
  return p.Find(folded).has_value();
}

// Courtesy lines a receipt prints around its letterhead.
bool IsSlogan(std::string_view folded) {
  static const Pattern p(
      R"(\b(?:thank\s*you|thanks|welcome|please|goods\s*sold|come\s*again|feedback|visit\s*us|)"
      R"(returnable|refundable|exchangeable|voucher|points|)"
      R"(danke|vielen\s*dank|merci|gracias|grazie|bedankt|bienvenue|willkommen|copy|page)\b)");
  return p.Find(folded).has_value();
}

// A registration number printed after a company's name ("(126926-H)", "CO. NO: 20154-T",
// "862725-U") and a counter number before it ("#000002") are not part of the name.
std::string WithoutRegistration(std::string text) {
  static const Pattern trailing(
      R"(\s*(?:\((?:[^()]*\d){4}[^()]*\)|\b[A-Z]{0,3}\d{5,}(?:-?[A-Z])?)\s*$)", false);
  static const Pattern leading(R"(^\s*#\d+\s+)", false);
  for (int round = 0; round < 2; ++round) {
    if (auto m = trailing.Find(text); m && m->begin > 0) text.erase(m->begin);
  }
  if (auto m = leading.Find(text)) text.erase(0, m->end);
  return Trimmed(text);
}

// The capitals that begin the words of a name ("MF" of "Menuiserie Faure EURL", "DF" of
// "Dupont et Fils SARL").
std::string Initials(std::string_view text) {
  std::string out;
  bool word_start = true;
  for (const char c : text) {
    if (word_start && std::isupper(static_cast<unsigned char>(c))) out.push_back(c);
    word_start = c == ' ' || c == '\t';
  }
  return out;
}

// A logo's monogram: two to four capitals that the initials of the name begin with ("IG"
// beside "Isotronic GmbH").
bool IsMonogramOf(std::string_view word, std::string_view name) {
  const bool capitals =
      word.size() >= 2 && word.size() <= 4 && std::all_of(word.begin(), word.end(), [](char c) {
        return std::isupper(static_cast<unsigned char>(c));
      });
  return capitals && name.size() > word.size() + 2 && Initials(name).starts_with(word);
}

// The name without a monogram printed on its line ("OA Orbistone AB", "Nordström Tryck AB NT").
std::string WithoutMonogram(std::string text) {
  const std::size_t first_space = text.find(' ');
  if (first_space != std::string::npos &&
      IsMonogramOf(std::string_view(text).substr(0, first_space), text.substr(first_space + 1))) {
    text.erase(0, first_space + 1);
  }
  const std::size_t last_space = text.rfind(' ');
  if (last_space != std::string::npos &&
      IsMonogramOf(std::string_view(text).substr(last_space + 1), text.substr(0, last_space))) {
    text.erase(last_space);
  }
  return text;
}

// An address set on one line with middle dots between its lines ("5 High Street · London ·
// SW1A 7YL") as lines.
std::string WithLineBreaksForDots(std::string_view text) {
  constexpr std::string_view kDot = " \u00b7 ";
  std::string out;
  std::size_t from = 0;
  for (std::size_t at = text.find(kDot); at != std::string_view::npos; at = text.find(kDot, from)) {
    out.append(text.substr(from, at - from)).push_back('\n');
    from = at + kDot.size();
  }
  return out.append(text.substr(from));
}

// A shopping centre or an office building, where a shop's address may begin.
bool NamesBuilding(std::string_view folded) {
  static const Pattern p(R"(\b(?:mall|complex|kompleks|wisma|menara|tower|centre|center)\b)");
  return p.Find(folded).has_value();
}

// "DIMILIKI OLEH T PLUS F&B SDN. BHD.", "Operated by ...": the company behind a brand.
bool NamesOwner(std::string_view folded) {
  static const Pattern p(
      R"(^\W*(?:owned\s*(?:and\s*operated\s*)?by|operated\s*by|managed\s*by|dimiliki\s*oleh)\b)");
  return p.Find(folded).has_value();
}

// A company's registration number under its name ("CO. REG. NO: 001011128-T", "(126926-H)").
bool IsRegistrationLine(const HeadLine& h) {
  static const Pattern p(
      R"(\b(?:co|company|business|br|roc|ssm)\.?\s*-?\s*(?:reg(?:istration)?\.?\s*)?(?:no|number|#)\b|)"
      R"(\bco\.?\s*-?\s*reg\b)");
  return p.Find(h.folded).has_value() || (IsNumberLine(h.piece.text) && Digits(h.piece.text) >= 5);
}

// A line that begins with a legal form or the kind of business ("SDN BHD", "CO. (M) SDN
// BHD", "RESTAURANT SDN BHD", "TRADING", "ENTERPRISE (SETIA") ends a name begun on the line
// above.
bool StartsWithCompanyWord(std::string_view folded) {
  static const Pattern p(
      R"(^\W*(?:sdn\.?\s*bhd|s/b|bhd|berhad|plt|gmbh|ag|kg|ohg|mbh|ltd|limited|llc|llp|inc|)"
      R"(incorporated|corp|corporation|plc|co|company|pte|pty|sarl|srl|spa|bv|nv|enterprises?|)"
      R"(trading|traders?|restaurant|restoran|cafe|bistro|bakery|stores?|mart|supermarket|hardware|)"
      R"(pharmacy|hotel|station|services|industries|holdings|group|stationery|stationers?)\b)");
  return p.Find(folded).has_value();
}

// The first word of a line, folded ("tokyo" of "TOKYO KITCHEN (CITTA MALL)").
std::string FirstWord(std::string_view folded) {
  const std::string words = CollapseSpaces(folded);
  return words.substr(0, words.find(' '));
}

// A parenthesis left open at the end of a line ("ENTERPRISE (SETIA") closes on the next.
bool OpensParenthesis(std::string_view text) {
  return std::count(text.begin(), text.end(), '(') > std::count(text.begin(), text.end(), ')');
}

// "16200 PALEKBANG, KELANTAN": a comma after the town followed by more words.
bool HasRegionAfterTown(std::string_view folded) {
  static const Pattern p(R"(\d{4,5}[\s.]+[^,]*\p{L}[^,]*,\s*\p{L}{2,})");
  return p.Find(folded).has_value();
}

std::vector<HeadLine> Letterhead(const DocumentScan& scan) {
  const LayoutIndex& index = scan.index();
  std::vector<HeadLine> out;
  // Where each line's first date begins.
  std::vector<std::optional<std::size_t>> date_at(index.lines().size());
  for (const DateHit& d : scan.dates()) {
    if (!date_at[d.span.line]) date_at[d.span.line] = d.span.begin;
  }
  for (std::size_t l = 0; l < index.lines().size() && out.size() < kLetterheadLines; ++l) {
    const IndexedLine& il = index.line(l);
    if (il.page_index != 0) break;
    const std::vector<std::size_t>& amounts = scan.AmountsOnLine(l);
    const bool labelled_amount = std::any_of(amounts.begin(), amounts.end(), [&](std::size_t a) {
      const AmountHit& h = scan.amounts()[a];
      return h.label.role != AmountRole::kNone && h.place == LabelPlace::kLeft &&
             h.token.HasDecimals(scan.mark());
    });
    if (IsLineItemHeader(index, l)) break;  // the body has begun
    if (labelled_amount || PartyAt(index, l, il.line->box.x0) == Party::kBuyer) {
      if (!out.empty()) break;
      continue;
    }
    // The letterhead is the first column of the line (a title or number may share it).
    const auto cells = Cells(index, l);
    HeadLine h;
    h.piece = MakePiece(index, cells.front().span);
    // A logo's monogram beside the name, on its line or the line above or below it.
    bool monogram = cells.size() > 1 && IsMonogramOf(h.piece.text, index.Text(cells[1].span));
    for (const std::size_t n : {l - 1, l + 1}) {  // l - 1 wraps past the end for l == 0
      if (n < index.lines().size() && index.line(n).page_index == il.page_index) {
        monogram = monogram || IsMonogramOf(h.piece.text, index.line(n).text);
      }
    }
    // A number or a monogram before the letterhead's column; not a telephone number.
    const bool number = Letters(h.piece.text) < 2 && Digits(h.piece.text) < 5;
    if (cells.size() > 1 && (number || monogram)) {
      h.piece = MakePiece(index, cells[1].span);
      monogram = false;
    }
    // A receipt's date line may sit inside its letterhead; a date in a column further right
    // ("Stationsstraat 22   Factuurdatum 20/10/2024") leaves the letterhead's part.
    if (date_at[l] && *date_at[l] < h.piece.span.end) continue;
    h.folded = FoldString(h.piece.text);
    h.legal = HasLegalForm(h.folded);
    // A company named after its web address ("ECOSWAY.COM SDN BHD") or followed by its
    // registration ("... SDN BHD (CO. NO:20154-T)") is not contact details.
    const std::string outside = WithoutWebAddresses(WithoutParentheses(h.folded));
    const bool contact =
        IsContactLine(h.folded) && !(HasLegalForm(outside) && !IsContactLine(outside));
    h.noise = contact || monogram || IsTitleLine(h.folded) || IsNumberLine(h.piece.text) ||
              IsSlogan(h.folded);
    // Labelled lines ("TABLE : 8", "BR NO.: ...") are not part of an address, unless an
    // address follows the label ("NO: G3, BLK G, JLN PJU 1A/3").
    const std::size_t colon = h.folded.find(':');
    const bool labelled =
        colon != std::string::npos && !LooksLikeAddress(h.folded.substr(colon + 1));
    // A name's street-like word ("... ST TIONERY SDN. BHD") or a branch in parentheses
    // ("TOKYO KITCHEN (CITTA MALL)") does not make it an address.
    const bool named = h.legal && Digits(h.piece.text) == 0;
    const std::string bare = WithoutParentheses(h.folded);
    h.address = !contact && !labelled && !named &&
                (LooksLikeAddress(bare) ||
                 (Digits(h.piece.text) >= 1 && Letters(h.piece.text) >= 3 && !h.legal));
    h.building = !h.address && !contact && !labelled && !named && NamesBuilding(bare);
    h.address = h.address || h.building;
    h.postcode = h.address && HasPostcode(h.folded);
    h.street = h.address &&
               (h.postcode || h.building || (LooksLikeAddress(bare) && Digits(h.piece.text) > 0));
    out.push_back(std::move(h));
  }
  return out;
}

bool IsParenthesised(std::string_view text) {
  const std::string t = CollapseSpaces(text);
  return t.size() > 2 && t.front() == '(' && t.back() == ')';
}

bool Adjacent(const LayoutIndex& index, const HeadLine& upper, const HeadLine& lower) {
  const IndexedLine& a = index.line(upper.piece.span.line);
  const IndexedLine& b = index.line(lower.piece.span.line);
  return b.line->box.y0 - a.line->box.y1 < 1.2 * std::max(a.height, b.height);
}

// The letterhead's name: the first line naming a legal form before the address, else the
// line just above the address, else the first line; with the lines that continue it.
// Returns [first, last] indexes into `usable` and the confidence.
struct NameLines {
  std::size_t first = 0;
  std::size_t last = 0;
  double confidence = 0.7;
  std::size_t address_after = 0;  // the address is looked for after usable[address_after]
};

NameLines ChooseName(const LayoutIndex& index, const std::vector<HeadLine>& head,
                     const std::vector<std::size_t>& usable) {
  std::optional<std::size_t> name;
  double confidence = 0.7;
  // The name comes before the address: a company named further down (a mall operator, the
  // customer) is not the letterhead's.
  std::size_t before_address = std::min<std::size_t>(usable.size(), 8);
  for (std::size_t k = 1; k < before_address; ++k) {
    if (head[usable[k]].address && !head[usable[k]].building) {
      before_address = k;
      break;
    }
  }
  for (std::size_t k = 0; k < before_address && !name; ++k) {
    if (head[usable[k]].legal && NamesOwner(head[usable[k]].folded)) {
      name = k;
      confidence = 0.85;
    }
  }
  for (std::size_t k = 0; k < before_address && !name; ++k) {
    if (head[usable[k]].legal && !LooksLikeAddress(head[usable[k]].folded)) {
      name = k;
      confidence = 0.85;
    }
  }
  for (std::size_t k = 1; k < usable.size() && k < 4 && !name; ++k) {
    if (!head[usable[k]].address || head[usable[k - 1]].address) continue;
    // The nearest line above the address that is not a "label : value" line.
    for (std::size_t j = k; j-- > 0 && !name;) {
      if (head[usable[j]].piece.text.find(':') == std::string::npos) {
        name = j;
        confidence = 0.75;
      }
    }
  }
  NameLines out{name.value_or(0), name.value_or(0), confidence, 0};
  // No company named before the address: the one printed with its registration number below
  // it (a petrol station's brand and site, then "ESJAY FUEL ENTERPRISE / CO. REG. NO: ...").
  if (confidence < 0.85) {
    for (std::size_t k = out.first + 1; k < usable.size(); ++k) {
      const std::size_t below = usable[k] + 1;
      if (head[usable[k]].legal && !head[usable[k]].address && below < head.size() &&
          IsRegistrationLine(head[below])) {
        return {k, k, 0.75, out.last};
      }
    }
  }
  // A name printed over two lines. The line above, when the name line is the first line of
  // the letterhead but for it and begins with the legal form or the kind of business
  // ("PASARAYA BORONG PINTAR / SDN BHD") or with the same word as that line ("BECON
  // STATIONER / BECON ENTERPRISE SDN BHD"); a brand or a heading above a company's name
  // ("FAMILYMART / MAXINCOME RESOURCES SDN BHD") is not part of it.
  const HeadLine& first = head[usable[0]];
  const HeadLine& named = head[usable[out.first]];
  const bool plain_words = first.piece.text.find_first_of(":!*") == std::string::npos;
  if (named.legal && out.first == 1 && !first.address && !first.legal && plain_words &&
      (StartsWithCompanyWord(named.folded) || FirstWord(named.folded) == FirstWord(first.folded)) &&
      Adjacent(index, first, named)) {
    out.first = 0;
  }
  // The line below, when the name is left open ("HOME MASTER HARDWARE &", "ENTERPRISE
  // (SETIA") or the line carries the legal form ("... / ENTERPRISE SDN BHD") or begins with
  // the kind of business ("TSH POWER HARDWARE / TRADING").
  auto next = [&] { return &head[usable[out.last + 1]]; };
  while (out.last + 1 < usable.size() && !next()->address &&
         Adjacent(index, head[usable[out.last]], *next())) {
    const HeadLine& last = head[usable[out.last]];
    if (!EndsOpen(last.piece.text) && !OpensParenthesis(last.piece.text) &&
        !(next()->legal && !last.legal) && !StartsWithCompanyWord(next()->folded)) {
      break;
    }
    ++out.last;
  }
  // A branch in parentheses under the name ("(JALAN KLANG LAMA)") qualifies the name; an
  // outlet with its number ("(MUTIARA RINI 16)") does not.
  while (out.last + 1 < usable.size() && IsParenthesised(next()->piece.text) &&
         Digits(next()->piece.text) == 0 && Adjacent(index, head[usable[out.last]], *next())) {
    ++out.last;
  }
  out.address_after = out.last;
  return out;
}

// The address lines from head[start] to the contact details, the postcode and town (and the
// region after them).
std::vector<Piece> AddressFrom(const LayoutIndex& index, const std::vector<HeadLine>& head,
                               std::size_t start) {
  std::vector<Piece> address;
  for (std::size_t i = start; i < head.size() && address.size() < kMaxAddressLines; ++i) {
    if (head[i].noise) {
      if (IsNumberLine(head[i].piece.text)) continue;
      break;
    }
    if (i > start && !Adjacent(index, head[i - 1], head[i])) break;
    if (!head[i].address && head[i].piece.text.find(':') != std::string::npos) break;
    if (i > start && head[i].legal && !head[i].address) break;  // another company's name
    // After "postcode town, region" only another address line may follow ("1245-DESA SRI
    // HARTAMAS", not "CARRY OUT NOW"); after "postcode town" the region may.
    if (!address.empty() && HasPostcode(FoldString(address.back().text)) &&
        HasRegionAfterTown(FoldString(address.back().text)) && !head[i].address) {
      break;
    }
    address.push_back(head[i].piece);
    const bool had_postcode = std::any_of(address.begin(), address.end() - 1, [&](const Piece& p) {
      return HasPostcode(FoldString(p.text));
    });
    if (had_postcode) break;
  }
  return address;
}

// The address: the first run of address lines soon after the name (index `after` into
// `head`) that names a numbered street, a building or a postcode and town; else the first
// run. A branch under the name ("BENTONG-2", "(MUTIARA RINI 16)") is not the address.
std::vector<Piece> ChooseAddress(const LayoutIndex& index, const std::vector<HeadLine>& head,
                                 std::size_t after) {
  std::vector<Piece> first;
  for (std::size_t i = after; i < head.size() && i <= after + 4; ++i) {
    // Past the first run, only contact details and registration numbers may come before the
    // address: another name ("Brown & Clark LLC") begins another block.
    if (!first.empty() && !head[i].address && !head[i].noise) break;
    if (!head[i].address || IsParenthesised(head[i].piece.text)) continue;
    std::vector<Piece> address = AddressFrom(index, head, i);
    if (address.empty()) continue;
    const bool street =
        std::any_of(head.begin() + static_cast<long>(i), head.end(), [&](const HeadLine& h) {
          return h.street && h.piece.span.line <= address.back().span.line;
        });
    if (street) return address;
    if (first.empty()) first = std::move(address);
  }
  return first;
}

}  // namespace

void ReadLetterhead(const DocumentScan& scan, domain::FieldMap& fields) {
  const LayoutIndex& index = scan.index();
  const std::vector<HeadLine> head = Letterhead(scan);
  std::vector<std::size_t> usable;
  for (std::size_t i = 0; i < head.size(); ++i) {
    if (!head[i].noise) usable.push_back(i);
  }
  if (usable.empty()) return;
  const NameLines name = ChooseName(index, head, usable);
  std::string name_text;
  std::vector<Span> spans;
  for (std::size_t k = name.first; k <= name.last; ++k) {
    name_text += (name_text.empty() ? "" : " ") + head[usable[k]].piece.text;
    spans.push_back(head[usable[k]].piece.span);
  }
  name_text = WithoutMonogram(WithoutRegistration(name_text));
  if (!name_text.empty() && !fields.contains("vendor_name")) {
    fields["vendor_name"] = index.MakeField(spans, name_text, name.confidence);
  }
  std::vector<Piece> address = ChooseAddress(index, head, usable[name.address_after] + 1);
  for (Piece& piece : address) piece.text = WithLineBreaksForDots(piece.text);
  PutPieces(index, fields, "vendor_address", address, 0.7);
}

}  // namespace invoicer::extract::generic
