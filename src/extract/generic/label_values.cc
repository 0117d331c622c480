#include "extract/generic/label_values.h"

#include <algorithm>
#include <cctype>

#include "extract/generic/pattern.h"

namespace invoicer::extract::generic {

namespace {
constexpr double kBelowReach = 2.6;  // line heights
constexpr std::size_t kMaxIdentifier = 40;
constexpr std::size_t kSectionReach = 12;  // lines a section heading governs

bool IsSeparator(char c) {
  return c == ' ' || c == '\t' || c == ':' || c == '#' || c == '-' || c == '.' || c == '/' ||
         c == '=' || c == '(' || c == ')' || c == '\'' || c == '"' || c == '|' || c == '_' ||
         c == '~' || c == ',' || c == ';';
}

// A table's column headings under a label that heads the table ("Zahlungsbedingungen" over
// "Beschreibung | Fälligkeit | Teilzahlung"): two or more cells of a word or two, no digits.
bool IsColumnHeadings(const IndexedLine& line) {
  if (line.text.find('\t') == std::string::npos) return false;
  if (std::any_of(line.text.begin(), line.text.end(),
                  [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    return false;
  }
  int words_in_cell = 0;
  for (std::size_t w = 0; w < line.word_begin.size(); ++w) {
    const bool new_cell = w == 0 || line.text[line.word_begin[w] - 1] == '\t';
    words_in_cell = new_cell ? 1 : words_in_cell + 1;
    if (words_in_cell > 2) return false;
  }
  return true;
}

// The length of the mark a scan leaves before a value at `text[i]`, 0 when there is none: a
// symbol or punctuation sign outside ASCII ("°", "º", "£", "®", "‘", "«") that is glued to
// "n" or stands alone between a label and its value ("Factura n° ° 8646-24").
std::size_t SpeckAt(std::string_view text, std::size_t i) {
  static const Pattern speck(R"(^[^\p{L}\p{N}\x00-\x7F])");
  const auto m = speck.Find(text.substr(i));
  return m ? m->end : 0;
}

bool IsIdentifierChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '/' || c == '.' ||
         c == '_';
}
}  // namespace

bool IsSpeckLine(std::string_view text) {
  return std::count_if(text.begin(), text.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) ||
                  static_cast<unsigned char>(c) >= 0x80;
         }) < 3;
}

std::vector<Span> ValueSpans(const LayoutIndex& index, const Span& label) {
  std::vector<Span> out;
  const IndexedLine& il = index.line(label.line);
  if (label.end < il.text.size()) out.push_back({label.line, label.end, il.text.size()});
  const domain::BoundingBox lb = index.Box(label);
  int looked = 0;
  bool headed = false;
  for (std::size_t l = label.line + 1; l < index.lines().size() && looked < 2; ++l) {
    const IndexedLine& below = index.line(l);
    if (below.page_index != il.page_index) break;
    if (below.line->box.y0 - lb.y1 > kBelowReach * il.height * static_cast<double>(l - label.line))
      break;
    // Specks a scan leaves between a heading and its values ("é", ":") are not lines, and
    // the column headings of a table the label heads are not its value: its first row is.
    if (IsSpeckLine(below.text)) continue;
    if (!headed && IsColumnHeadings(below)) {
      headed = true;
      continue;
    }
    ++looked;
    // The cell under the label: words starting within the label's extent.
    const double pad = 2 * il.char_width;
    std::optional<std::size_t> first, last;
    for (std::size_t w = 0; w < below.line->words.size(); ++w) {
      const auto& wb = below.line->words[w].box;
      const bool under = wb.x0 >= lb.x0 - pad && wb.x0 <= lb.x1 + pad;
      if (under && !first) first = w;
      if (first) {
        if (w > *first && below.text[below.word_begin[w] - 1] == '\t') break;
        last = w;
      }
    }
    if (first) {
      out.push_back({l, below.word_begin[*first],
                     below.word_begin[*last] + below.line->words[*last].text.size()});
      break;
    }
    if (headed) break;
  }
  return out;
}

std::optional<Span> IdentifierIn(const LayoutIndex& index, const Span& span) {
  const std::string_view text = index.Text(span);
  std::size_t i = 0;
  auto skip_separators = [&] {
    while (i < text.size()) {
      if (IsSeparator(text[i])) {
        ++i;
      } else if (const std::size_t speck = SpeckAt(text, i); speck > 0) {
        i += speck;
      } else {
        break;
      }
    }
  };
  skip_separators();
  // A "No." / "Nr." / "N°" left between label and value belongs to the label.
  std::size_t word_end = i;
  // A lead byte starts a whole character, so a speck may be looked for there ("n°").
  while (word_end < text.size() && !IsSeparator(text[word_end]) &&
         !(static_cast<unsigned char>(text[word_end]) >= 0xC0 && SpeckAt(text, word_end) > 0)) {
    ++word_end;
  }
  const std::string first = FoldString(text.substr(i, word_end - i));
  for (std::string_view number_word : {"no", "nr", "n", "num", "number", "nummer", "numero"}) {
    if (first == number_word) {
      i = word_end;
      skip_separators();
      break;
    }
  }
  // "$1-2019-51050": OCR reads the S of a letter prefix as a dollar sign; the identifier
  // keeps it (identifiers.cc reads the prefix back), an amount ("$1,234.00") does not.
  static const Pattern dollar_prefix(R"(^\$[A-Z1]{1,3}[-/]\p{N})", false);
  std::size_t end = i;
  if (dollar_prefix.Find(text.substr(i))) ++end;
  while (end < text.size() && IsIdentifierChar(text[end])) ++end;
  while (end > i && (text[end - 1] == '.' || text[end - 1] == '-' || text[end - 1] == '/')) --end;
  const std::string_view word = text.substr(i, end - i);
  if (word.empty() || word.size() > kMaxIdentifier) return std::nullopt;
  if (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != ',' &&
      text[end] != ';' && text[end] != ')') {
    return std::nullopt;  // glued to something that is not part of an identifier
  }
  if (std::none_of(word.begin(), word.end(),
                   [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    return std::nullopt;
  }
  return Span{span.line, span.begin + i, span.begin + end};
}

std::vector<Span> FindLabelSpans(const LayoutIndex& index, TextLabel label) {
  std::vector<Span> out;
  for (std::size_t l = 0; l < index.lines().size(); ++l) {
    // A label lies within one cell: "Data fattura | N. fattura" holds one label per cell,
    // not "fattura N." across them.
    const std::string& folded = index.line(l).folded.text;
    for (std::size_t cell = 0; cell < folded.size();) {
      std::size_t end = folded.find('\t', cell);
      if (end == std::string::npos) end = folded.size();
      for (const auto& m : FindLabels(label, std::string_view(folded).substr(cell, end - cell))) {
        out.push_back(index.FromFolded(l, cell + m.begin, cell + m.end));
      }
      cell = end + 1;
    }
  }
  return out;
}

bool IsSectionHeading(std::string_view folded_cell, TextLabel kind) {
  const auto matches = FindLabels(kind, folded_cell);
  if (matches.empty()) return false;
  std::string_view rest = folded_cell.substr(matches.front().end);
  const std::size_t next = rest.find_first_not_of(" \t");
  if (next == std::string_view::npos || rest[next] == ':') return true;
  // A compound heading: "Käufer/Leistungsempfänger", "Bill to & ship to".
  if (rest[next] != '/' && rest[next] != '&') return false;
  rest = rest.substr(next + 1);
  return rest.size() <= 30 && std::none_of(rest.begin(), rest.end(), [](char c) {
           return std::isdigit(static_cast<unsigned char>(c));
         });
}

Party PartyAt(const LayoutIndex& index, std::size_t line, double x) {
  const IndexedLine& il = index.line(line);
  for (std::size_t back = 0; back <= kSectionReach && back <= line; ++back) {
    const std::size_t l = line - back;
    const IndexedLine& h = index.line(l);
    if (h.page_index != il.page_index) break;
    // A blank stretch ends a block.
    if (back > 0) {
      const IndexedLine& below = index.line(l + 1);
      if (below.line->box.y0 - h.line->box.y1 > 1.3 * std::max(h.height, below.height)) break;
    }
    // Headings are cells of their own; the one governing x is the rightmost heading that
    // starts at or left of it on the line (two blocks may stand side by side).
    std::optional<std::pair<double, Party>> governing;
    for (std::size_t seg = 0; seg < h.text.size();) {
      std::size_t seg_end = h.text.find('\t', seg);
      if (seg_end == std::string::npos) seg_end = h.text.size();
      const std::string folded = FoldString(std::string_view(h.text).substr(seg, seg_end - seg));
      const Party party = IsSectionHeading(folded, TextLabel::kSellerSection)  ? Party::kSeller
                          : IsSectionHeading(folded, TextLabel::kBuyerSection) ? Party::kBuyer
                                                                               : Party::kUnknown;
      const double seg_x0 = index.Box({l, seg, seg_end}).x0;
      if (party != Party::kUnknown && seg_x0 <= x + 3 * h.char_width &&
          (!governing || seg_x0 > governing->first)) {
        governing = {{seg_x0, party}};
      }
      seg = seg_end + 1;
    }
    if (governing) return governing->second;
  }
  return Party::kUnknown;
}

}  // namespace invoicer::extract::generic
