#include "extract/generic/document_scan.h"

#include <algorithm>
#include <cctype>

#include "extract/generic/label_values.h"
#include "extract/generic/pattern.h"

namespace invoicer::extract::generic {

namespace {

// How many words left of a value may belong to its label.
constexpr std::size_t kLabelWords = 6;
// How far above a value (in line heights) its column label may be.
constexpr double kAboveReach = 2.6;

bool Overlaps(std::size_t b0, std::size_t e0, std::size_t b1, std::size_t e1) {
  return b0 < e1 && b1 < e0;
}

// The text with currency words removed keeps a letter: it can be a label.
bool HasLabelLetters(std::string_view folded) {
  std::size_t i = 0;
  int letters = 0;
  while (i < folded.size()) {
    while (i < folded.size() && (folded[i] == ' ' || folded[i] == '\t')) ++i;
    std::size_t end = i;
    while (end < folded.size() && folded[end] != ' ' && folded[end] != '\t') ++end;
    std::string_view word = folded.substr(i, end - i);
    while (!word.empty() && std::ispunct(static_cast<unsigned char>(word.back()))) {
      word.remove_suffix(1);
    }
    if (!word.empty() && !ReadCurrency(word)) {
      for (const char c : word) {
        if (std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
          ++letters;
        }
      }
    }
    i = end;
  }
  return letters >= 2;
}

// The last `n` words of `text`.
std::string_view LastWords(std::string_view text, std::size_t n) {
  std::size_t count = 0;
  std::size_t i = text.size();
  bool in_word = false;
  while (i > 0) {
    const char c = text[i - 1];
    const bool space = c == ' ' || c == '\t';
    if (!space && !in_word) {
      if (++count > n) return text.substr(i);
      in_word = true;
    } else if (space) {
      in_word = false;
    }
    --i;
  }
  return text;
}

}  // namespace

DocumentScan::DocumentScan(const LayoutIndex& index, const GenericOptions& options)
    : index_(index) {
  const auto& lines = index.lines();
  by_line_.resize(lines.size());
  value_spans_.resize(lines.size());
  std::vector<std::string_view> folded_lines;
  for (std::size_t l = 0; l < lines.size(); ++l) {
    const std::string& text = lines[l].text;
    folded_lines.push_back(lines[l].folded.text);
    for (DateToken& d : FindDates(text)) {
      value_spans_[l].push_back({d.begin, d.end});
      dates_.push_back({{l, d.begin, d.end}, d, DateRole::kNone, 0, LabelPlace::kNone});
    }
    // Times bound labels like values do ("TIME : 13:19 DATE : 28/04/18").
    static const Pattern time(R"((?<![\p{N}:])\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AP]M)?(?![\p{N}:]))");
    for (const auto& m : time.FindAll(text)) value_spans_[l].push_back({m.begin, m.end});
    for (AmountToken& a : FindAmounts(text)) {
      const bool in_date =
          std::any_of(value_spans_[l].begin(), value_spans_[l].end(),
                      [&](const auto& s) { return Overlaps(a.begin, a.end, s.first, s.second); });
      if (in_date) continue;
      by_line_[l].push_back(amounts_.size());
      amounts_.push_back({{l, a.begin, a.end}, a, {}, LabelPlace::kNone, false});
    }
    for (std::size_t i : by_line_[l]) {
      value_spans_[l].push_back({amounts_[i].span.begin, amounts_[i].span.end});
    }
    std::sort(value_spans_[l].begin(), value_spans_[l].end());
  }
  std::vector<PairingLine> pairing(lines.size());
  for (std::size_t l = 0; l < lines.size(); ++l) {
    std::string rest;
    std::size_t at = 0;
    for (const auto& [b, e] : value_spans_[l]) {
      rest += lines[l].text.substr(at, b > at ? b - at : 0) + " ";
      at = std::max(at, e);
    }
    rest += lines[l].text.substr(std::min(at, lines[l].text.size()));
    const bool letters = HasLabelLetters(FoldString(rest));
    const bool amounts = !by_line_[l].empty();
    const bool dates = value_spans_[l].size() > by_line_[l].size();
    PairingLine& p = pairing[l];
    p.page = lines[l].page_index;
    p.folded = lines[l].folded.text;
    if (dates || (amounts && letters)) {
      p.kind = LineKind::kMixed;
    } else if (amounts) {
      p.kind = LineKind::kValuesOnly;
      p.value = amounts_[by_line_[l].back()].token.Value(DecimalMark::kUnknown);
    } else {
      p.kind = letters ? LineKind::kLabelOnly : LineKind::kNeutral;
    }
  }
  paired_ = PairColumnBlocks(pairing);
  // The nearest text that reads as a label of the value's kind labels it.
  for (AmountHit& a : amounts_) {
    for (const auto& [label, place] : LabelsFor(a.span)) {
      a.label = ClassifyAmountLabel(label);
      a.place = place;
      if (a.label.role != AmountRole::kNone) break;
    }
    if (a.label.role == AmountRole::kNone) a.place = LabelPlace::kNone;
  }
  // "VAT 25% on 14,349.90   3,587.48": the amount after a base ("on", "auf", "sur", ...)
  // carries the label; the base itself is not the tax.
  static const Pattern base_of(R"(\b(?:on|of|over|auf|von|uber|sur|de|su|sobre|op|over)\s*$)");
  for (std::size_t l = 0; l < lines.size(); ++l) {
    const auto& on_line = by_line_[l];
    for (std::size_t k = 0; k + 1 < on_line.size(); ++k) {
      AmountHit& base = amounts_[on_line[k]];
      AmountHit& next = amounts_[on_line[k + 1]];
      if (base.label.role == AmountRole::kNone || base.place != LabelPlace::kLeft) continue;
      const std::string before =
          FoldString(std::string_view(lines[l].text).substr(0, base.span.begin));
      if (!base_of.Find(CollapseSpaces(before))) continue;
      if (next.label.role == AmountRole::kNone) {
        next.label = base.label;
        next.place = LabelPlace::kLeft;
      }
      base.label = {};
      base.place = LabelPlace::kNone;
    }
  }
  for (DateHit& d : dates_) {
    DateLabel classified;
    LabelPlace place = LabelPlace::kNone;
    for (const auto& [label, where] : LabelsFor(d.span)) {
      classified = ClassifyDateLabel(label);
      place = where;
      if (classified.role != DateRole::kNone) break;
    }
    // A payment sentence names its due date well before it: "Zahlbar innerhalb 30 Tagen
    // netto bis 04.04.2013".
    if (classified.role == DateRole::kNone) {
      const DateLabel row = ClassifyDateLabel(
          FoldString(std::string_view(lines[d.span.line].text).substr(0, d.span.begin)));
      if (row.role == DateRole::kDueDate) {
        classified = row;
        place = LabelPlace::kLeft;
      }
    }
    d.role = classified.role;
    d.strength = classified.strength;
    // "vom 15.11.2024" dates the invoice only where the line names it ("Rechnung Nr. 5 vom
    // ..."); elsewhere it dates something else ("Version 2.6 vom ...").
    if (d.strength == 1) {
      const std::string before =
          FoldString(std::string_view(lines[d.span.line].text).substr(0, d.span.begin));
      if (NamesInvoice(before)) {
        d.strength = 2;
      } else {
        d.role = DateRole::kOther;
      }
    }
    d.place = d.role == DateRole::kNone ? LabelPlace::kNone : place;
  }
  std::erase_if(dates_,
                [](const DateHit& d) { return d.token.compact && d.role == DateRole::kNone; });
  language_ = DetectLanguage(folded_lines);
  Decide(options);
}

bool DocumentScan::LineHasValues(std::size_t line) const { return !value_spans_[line].empty(); }

std::vector<std::pair<std::string, LabelPlace>> DocumentScan::LabelsFor(const Span& span) const {
  std::vector<std::pair<std::string, LabelPlace>> out;
  const IndexedLine& il = index_.line(span.line);
  std::size_t left_begin = 0;
  for (const auto& [b, e] : value_spans_[span.line]) {
    if (e <= span.begin) left_begin = std::max(left_begin, e);
  }
  // The label in the value's own cell is the nearest; then the words left of it back to the
  // previous value.
  const std::size_t tab = span.begin == 0 ? std::string::npos : il.text.rfind('\t', span.begin - 1);
  const std::size_t cell_begin = tab == std::string::npos ? 0 : tab + 1;
  if (cell_begin > left_begin) {
    std::string cell =
        FoldString(std::string_view(il.text).substr(cell_begin, span.begin - cell_begin));
    if (HasLabelLetters(cell)) out.emplace_back(std::move(cell), LabelPlace::kLeft);
  }
  // A value alone in its cell is labelled by the cell before it ("Invoice date: | 18/06/2024"),
  // not by words further left in other columns.
  if (cell_begin >= 2 && cell_begin - 1 >= left_begin) {
    const std::size_t prev_tab = il.text.rfind('\t', cell_begin - 2);
    const std::size_t prev_begin =
        std::max(left_begin, prev_tab == std::string::npos ? 0 : prev_tab + 1);
    std::string cell =
        FoldString(std::string_view(il.text).substr(prev_begin, cell_begin - 1 - prev_begin));
    if (HasLabelLetters(cell)) out.emplace_back(std::move(cell), LabelPlace::kLeft);
  }
  std::string left = FoldString(LastWords(
      std::string_view(il.text).substr(left_begin, span.begin - left_begin), kLabelWords));
  if (HasLabelLetters(left) && (out.empty() || out.back().first != left)) {
    out.emplace_back(std::move(left), LabelPlace::kLeft);
  }
  if (auto above = AboveLabel(span)) out.emplace_back(std::move(*above), LabelPlace::kAbove);
  // Last, the whole line before the value: "Zahlbar innerhalb 30 Tagen netto bis 04.04.2013".
  return out;
}

std::optional<std::string> DocumentScan::AboveLabel(const Span& span) const {
  const IndexedLine& il = index_.line(span.line);
  // A value of a paired column block is labelled by its pair only (column_pairing.h).
  if (auto paired = paired_.find(span.line); paired != paired_.end()) {
    if (!paired->second) return std::nullopt;
    return index_.line(*paired->second).folded.text;
  }
  // No label on the left: the label may head the value's column on a line above.
  const domain::BoundingBox box = index_.Box(span);
  double skipped = 0;  // lines passed over ("RM" alone, specks)
  for (std::size_t back = 1; back <= 5 && back <= span.line; ++back) {
    const std::size_t l = span.line - back;
    const IndexedLine& above = index_.line(l);
    if (above.page_index != il.page_index) break;
    const domain::BoundingBox above_box = above.line->box;
    if (box.y0 - above_box.y1 > kAboveReach * il.height * (1 + skipped)) break;
    // Collect the words of that line over the value's column.
    const double pad = il.char_width;
    std::optional<std::size_t> first, last;
    for (std::size_t w = 0; w < above.line->words.size(); ++w) {
      const auto& wb = above.line->words[w].box;
      if (wb.x1 >= box.x0 - pad && wb.x0 <= box.x1 + pad) {
        if (!first) first = w;
        last = w;
      }
    }
    const std::string folded_line = FoldString(above.text);
    // "RM" alone, or specks of a scan: look higher.
    if ((!HasLabelLetters(folded_line) && !LineHasValues(l)) || IsSpeckLine(above.text)) {
      ++skipped;
      continue;
    }
    if (!first) {
      // A label-only line ending left of the value labels it ("TOTAL" over a wrapped amount).
      if (!LineHasValues(l) && above_box.x1 <= box.x1) return folded_line;
      return std::nullopt;
    }
    Span words{l, above.word_begin[*first],
               above.word_begin[*last] + above.line->words[*last].text.size()};
    const bool value_above = std::any_of(
        value_spans_[l].begin(), value_spans_[l].end(),
        [&](const auto& s) { return Overlaps(words.begin, words.end, s.first, s.second); });
    if (value_above) return std::nullopt;
    // Widen to the whole column cell: the tab-separated segment around those words.
    std::size_t b = above.text.rfind('\t', words.begin);
    b = b == std::string::npos ? 0 : b + 1;
    std::size_t e = above.text.find('\t', words.end);
    if (e == std::string::npos) e = above.text.size();
    const std::string cell = FoldString(std::string_view(above.text).substr(b, e - b));
    if (HasLabelLetters(cell)) return cell;
    return std::nullopt;
  }
  return std::nullopt;
}

void DocumentScan::Decide(const GenericOptions& options) {
  int dot = 0, comma = 0;
  for (const AmountHit& a : amounts_) {
    const DecimalMark e = a.token.Evidence();
    if (e == DecimalMark::kDot) ++dot;
    if (e == DecimalMark::kComma) ++comma;
  }
  if (dot != comma) mark_ = dot > comma ? DecimalMark::kDot : DecimalMark::kComma;

  int day_first = 0, month_first = 0;
  for (const DateHit& d : dates_) {
    if (d.token.dotted && d.token.day_first) ++day_first;
    const DateOrder e = d.token.Evidence();
    if (e == DateOrder::kDayFirst && !d.token.dotted) ++day_first;
    if (e == DateOrder::kMonthFirst) ++month_first;
  }
  if (day_first != month_first) {
    order_ = day_first > month_first ? DateOrder::kDayFirst : DateOrder::kMonthFirst;
    order_basis_ = OrderBasis::kDocument;
    return;
  }
  // No evidence in the dates themselves: the languages other than English are written
  // day-first everywhere; a country hint settles English too.
  if (language_ != Language::kUnknown && language_ != Language::kEnglish) {
    order_ = DateOrder::kDayFirst;
    order_basis_ = OrderBasis::kLanguage;
  } else if (!options.country_hint.empty()) {
    order_ = options.country_hint == "US" ? DateOrder::kMonthFirst : DateOrder::kDayFirst;
    order_basis_ = OrderBasis::kLanguage;
  }
}

}  // namespace invoicer::extract::generic
