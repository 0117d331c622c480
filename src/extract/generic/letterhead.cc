#include "extract/generic/letterhead.h"

#include <algorithm>
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

// A postcode with its town ("47400 PETALING JAYA", "D-80333 München", "75008 Paris").
bool HasPostcode(std::string_view folded) {
  static const Pattern p(R"((?:^|[,;]\s*)(?:[a-z]{1,2}[-\s])?\d{4,5}(?![\p{N}/-])[\s.]+\p{L}{2,})");
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

// "16200 PALEKBANG, KELANTAN": a comma after the town followed by more words.
bool HasRegionAfterTown(std::string_view folded) {
  static const Pattern p(R"(\d{4,5}[\s.]+[^,]*\p{L}[^,]*,\s*\p{L}{2,})");
  return p.Find(folded).has_value();
}

std::vector<HeadLine> Letterhead(const DocumentScan& scan) {
  const LayoutIndex& index = scan.index();
  std::vector<HeadLine> out;
  std::vector<bool> has_date(index.lines().size(), false);
  for (const DateHit& d : scan.dates()) has_date[d.span.line] = true;
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
    if (has_date[l]) continue;  // a receipt's date line may sit inside its letterhead
    // The letterhead is the first column of the line (a title or number may share it).
    const auto cells = Cells(index, l);
    HeadLine h;
    h.piece = MakePiece(index, cells.front().span);
    if (cells.size() > 1 && Letters(h.piece.text) < 2) h.piece = MakePiece(index, cells[1].span);
    h.folded = FoldString(h.piece.text);
    h.legal = HasLegalForm(h.folded);
    // A company named after its web address ("ECOSWAY.COM SDN BHD") or followed by its
    // registration ("... SDN BHD (CO. NO:20154-T)") is not contact details.
    const std::string outside = WithoutWebAddresses(WithoutParentheses(h.folded));
    const bool contact =
        IsContactLine(h.folded) && !(HasLegalForm(outside) && !IsContactLine(outside));
    h.noise = contact || IsTitleLine(h.folded) || IsNumberLine(h.piece.text) || IsSlogan(h.folded);
    // Labelled lines ("TABLE : 8", "BR NO.: ...") are not part of an address, unless an
    // address follows the label ("NO: G3, BLK G, JLN PJU 1A/3").
    const std::size_t colon = h.folded.find(':');
    const bool labelled =
        colon != std::string::npos && !LooksLikeAddress(h.folded.substr(colon + 1));
    h.address = !contact && !labelled &&
                (LooksLikeAddress(h.folded) ||
                 (Digits(h.piece.text) >= 1 && Letters(h.piece.text) >= 3 && !h.legal));
    h.postcode = h.address && HasPostcode(h.folded);
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
};

NameLines ChooseName(const LayoutIndex& index, const std::vector<HeadLine>& head,
                     const std::vector<std::size_t>& usable) {
  std::optional<std::size_t> name;
  double confidence = 0.7;
  // The name comes before the address: a company named further down (a mall operator, the
  // customer) is not the letterhead's.
  std::size_t before_address = std::min<std::size_t>(usable.size(), 8);
  for (std::size_t k = 1; k < before_address; ++k) {
    if (head[usable[k]].address) {
      before_address = k;
      break;
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
  NameLines out{name.value_or(0), name.value_or(0), confidence};
  // A name printed over two lines: the line above when the name line is the first line of
  // the letterhead but for it, the line below when it continues an open name
  // ("HOME MASTER HARDWARE &") or carries the legal form ("... / ENTERPRISE SDN BHD").
  const std::string& above = head[usable[0]].piece.text;
  const bool plain_words = above.find_first_of(":!*") == std::string::npos;
  if (head[usable[out.first]].legal && out.first == 1 && !head[usable[0]].address &&
      !head[usable[0]].legal && plain_words && Adjacent(index, head[usable[0]], head[usable[1]])) {
    out.first = 0;
  }
  auto next = [&] { return &head[usable[out.last + 1]]; };
  while (out.last + 1 < usable.size() && !next()->address &&
         Adjacent(index, head[usable[out.last]], *next()) &&
         (EndsOpen(head[usable[out.last]].piece.text) ||
          (next()->legal && !head[usable[out.last]].legal))) {
    ++out.last;
  }
  // A branch in parentheses under the name ("(JALAN KLANG LAMA)") qualifies the name.
  while (out.last + 1 < usable.size() && IsParenthesised(next()->piece.text) &&
         Digits(next()->piece.text) < 4 && Adjacent(index, head[usable[out.last]], *next())) {
    ++out.last;
  }
  return out;
}

// The address: from the first address-like line soon after the name (index `after` into
// `head`) to the contact details, the postcode and town (and the region after them).
std::vector<Piece> ChooseAddress(const LayoutIndex& index, const std::vector<HeadLine>& head,
                                 std::size_t after) {
  std::optional<std::size_t> start;
  for (std::size_t i = after; i < head.size() && i <= after + 4 && !start; ++i) {
    if (head[i].address) start = i;
  }
  std::vector<Piece> address;
  if (!start) return address;
  for (std::size_t i = *start; i < head.size() && address.size() < kMaxAddressLines; ++i) {
    if (head[i].noise) {
      if (IsNumberLine(head[i].piece.text)) continue;
      break;
    }
    if (i > *start && !Adjacent(index, head[i - 1], head[i])) break;
    if (!head[i].address && head[i].piece.text.find(':') != std::string::npos) break;
    if (i > *start && head[i].legal && !head[i].address) break;  // another company's name
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
  name_text = WithoutRegistration(name_text);
  if (!name_text.empty() && !fields.contains("vendor_name")) {
    fields["vendor_name"] = index.MakeField(spans, name_text, name.confidence);
  }
  PutPieces(index, fields, "vendor_address", ChooseAddress(index, head, usable[name.last] + 1),
            0.7);
}

}  // namespace invoicer::extract::generic
