#include "extract/generic/party_text.h"

#include <algorithm>
#include <cctype>

#include "extract/generic/text_fold.h"

namespace invoicer::extract::generic {

int Letters(std::string_view text) {
  int n = 0;
  for (const char c : text) {
    if (std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) ++n;
  }
  return n;
}

int Digits(std::string_view text) {
  return static_cast<int>(std::count_if(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  }));
}

bool IsNumberLine(std::string_view text) {
  const std::string trimmed = CollapseSpaces(text);
  const bool one_token = trimmed.find(' ') == std::string::npos;
  return Letters(text) < 2 || (one_token && Digits(text) >= 5 && Digits(text) > Letters(text));
}

std::string Trimmed(std::string_view text) {
  std::string s = CollapseSpaces(text);
  while (!s.empty() &&
         (s.front() == ':' || s.front() == '-' || s.front() == '*' || s.front() == ' '))
    s.erase(0, 1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '*' || s.back() == ':')) s.pop_back();
  return s;
}

bool EndsOpen(std::string_view text) {
  const std::string folded = FoldString(text);
  return !folded.empty() &&
         (folded.back() == '&' || folded.back() == '-' || folded.back() == ',' ||
          folded.ends_with(" and") || folded.ends_with(" und") || folded.ends_with(" et") ||
          folded.ends_with(" y") || folded.ends_with(" e") || folded.ends_with(" en"));
}

std::vector<Cell> Cells(const LayoutIndex& index, std::size_t l) {
  const IndexedLine& il = index.line(l);
  std::vector<Cell> out;
  std::size_t seg = 0;
  while (seg < il.text.size()) {
    std::size_t end = il.text.find('\t', seg);
    if (end == std::string::npos) end = il.text.size();
    const Span span{l, seg, end};
    out.push_back({span, index.Box(span).x0});
    seg = end + 1;
  }
  return out;
}

Piece MakePiece(const LayoutIndex& index, const Span& span) {
  return {span, Trimmed(index.Text(span))};
}

void PutPieces(const LayoutIndex& index, domain::FieldMap& fields, const char* name,
               const std::vector<Piece>& pieces, double confidence) {
  if (pieces.empty() || fields.contains(name)) return;
  std::vector<Span> spans;
  std::string value;
  for (const Piece& p : pieces) {
    if (p.text.empty()) continue;
    spans.push_back(p.span);
    if (!value.empty()) value += "\n";
    value += p.text;
  }
  if (value.empty()) return;
  fields[name] = index.MakeField(spans, value, confidence);
}

}  // namespace invoicer::extract::generic
