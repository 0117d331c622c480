#include "extract/generic/box_reader.h"

#include <algorithm>
#include <charconv>
#include <string>
#include <vector>

#include "extract/generic/layout_index.h"
#include "extract/generic/text_fold.h"

namespace invoicer::extract::generic {

namespace {

using domain::BoundingBox;

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\r'; }

// Splits a box's text into words and gives each a box interpolated along the text box by
// character position, so the words of a long box keep their approximate x positions.
void AddWords(std::string_view text, const BoundingBox& box, std::vector<Word>& out) {
  const double char_count = static_cast<double>(CharCount(text));
  if (char_count == 0) return;
  const double width = box.x1 - box.x0;
  std::size_t i = 0;
  double chars_before = 0;
  while (i < text.size()) {
    if (IsSpace(text[i])) {
      ++i;
      chars_before += 1;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && !IsSpace(text[end])) ++end;
    const std::string_view word = text.substr(i, end - i);
    const double chars = static_cast<double>(CharCount(word));
    Word w;
    w.text = std::string(word);
    w.box = {box.x0 + width * chars_before / char_count, box.y0,
             box.x0 + width * (chars_before + chars) / char_count, box.y1};
    out.push_back(std::move(w));
    chars_before += chars;
    i = end;
  }
}

struct TextBox {
  BoundingBox box;
  std::vector<Word> words;
};

double VerticalOverlap(const BoundingBox& a, const BoundingBox& b) {
  return std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
}

bool HorizontalOverlap(const BoundingBox& a, const BoundingBox& b) {
  return std::min(a.x1, b.x1) - std::max(a.x0, b.x0) > 0;
}

// Groups text boxes into visual lines: a box joins a line when it overlaps the line's last
// box vertically by at least half the smaller height (tolerates slightly skewed scans) and
// does not overlap any of the line's boxes horizontally (a second transcription of the same
// text stays a separate line).
std::vector<Line> GroupIntoLines(std::vector<TextBox> boxes) {
  std::stable_sort(boxes.begin(), boxes.end(),
                   [](const TextBox& a, const TextBox& b) { return a.box.y0 < b.box.y0; });
  struct Building {
    std::vector<const TextBox*> members;
  };
  std::vector<Building> building;
  for (const TextBox& tb : boxes) {
    Building* target = nullptr;
    for (auto it = building.rbegin(); it != building.rend() && target == nullptr; ++it) {
      const BoundingBox& last = it->members.back()->box;
      const double min_height = std::min(last.y1 - last.y0, tb.box.y1 - tb.box.y0);
      if (VerticalOverlap(last, tb.box) < 0.5 * min_height) continue;
      const bool collides = std::any_of(it->members.begin(), it->members.end(),
                                        [&](auto* m) { return HorizontalOverlap(m->box, tb.box); });
      if (!collides) target = &*it;
    }
    if (target == nullptr) {
      building.push_back({});
      target = &building.back();
    }
    target->members.push_back(&tb);
  }
  std::vector<Line> lines;
  for (auto& b : building) {
    std::sort(b.members.begin(), b.members.end(),
              [](const TextBox* x, const TextBox* y) { return x->box.x0 < y->box.x0; });
    Line line;
    line.box = b.members.front()->box;
    for (const TextBox* m : b.members) {
      line.box = UnionBox(line.box, m->box);
      line.words.insert(line.words.end(), m->words.begin(), m->words.end());
    }
    if (!line.words.empty()) lines.push_back(std::move(line));
  }
  std::stable_sort(lines.begin(), lines.end(),
                   [](const Line& a, const Line& b) { return a.box.y0 < b.box.y0; });
  return lines;
}

}  // namespace

Result<TextDocument> ReadBoxText(std::string_view csv) {
  if (!IsValidUtf8(csv)) return errors::BadRequest("box text is not valid UTF-8");
  std::vector<TextBox> boxes;
  const auto lines = SplitLines(csv);
  for (std::size_t n = 0; n < lines.size(); ++n) {
    std::string_view rest = lines[n];
    if (CollapseSpaces(rest).empty()) continue;
    int coords[8] = {};
    for (int& c : coords) {
      while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
      const auto [ptr, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), c);
      const std::size_t used = static_cast<std::size_t>(ptr - rest.data());
      if (ec != std::errc() || used >= rest.size() || rest[used] != ',') {
        return errors::BadRequest("box text line " + std::to_string(n + 1) +
                                  ": expected x1,y1,x2,y2,x3,y3,x4,y4,TEXT");
      }
      rest.remove_prefix(used + 1);
    }
    TextBox tb;
    tb.box = {static_cast<double>(std::min({coords[0], coords[2], coords[4], coords[6]})),
              static_cast<double>(std::min({coords[1], coords[3], coords[5], coords[7]})),
              static_cast<double>(std::max({coords[0], coords[2], coords[4], coords[6]})),
              static_cast<double>(std::max({coords[1], coords[3], coords[5], coords[7]}))};
    AddWords(rest, tb.box, tb.words);
    if (!tb.words.empty()) boxes.push_back(std::move(tb));
  }
  Page page;
  page.number = 1;
  for (const TextBox& tb : boxes) {
    page.width = std::max(page.width, tb.box.x1);
    page.height = std::max(page.height, tb.box.y1);
  }
  page.lines = GroupIntoLines(std::move(boxes));
  TextDocument doc;
  doc.source = domain::FieldSource::kOcr;
  doc.pages.push_back(std::move(page));
  return doc;
}

Result<TextDocument> ReadPlainText(std::string_view text) {
  if (!IsValidUtf8(text)) return errors::BadRequest("text is not valid UTF-8");
  TextDocument doc;
  doc.source = domain::FieldSource::kText;
  doc.pages.emplace_back();
  int row = 0;
  std::size_t max_columns = 0;
  auto finish_page = [&](Page& page) {
    page.width = static_cast<double>(max_columns) * kCharWidth;
    page.height = static_cast<double>(row) * kLineHeight;
  };
  for (std::string_view raw : SplitLines(text)) {
    std::size_t ff;
    while ((ff = raw.find('\f')) != std::string_view::npos) {
      // A form feed ends the page; text after it starts the next one.
      finish_page(doc.pages.back());
      Page next;
      next.number = doc.pages.back().number + 1;
      doc.pages.push_back(std::move(next));
      row = 0;
      max_columns = 0;
      raw.remove_prefix(ff + 1);
    }
    Line line;
    std::size_t column = 0;
    std::size_t i = 0;
    while (i < raw.size()) {
      if (raw[i] == '\t') {
        column = (column / 8 + 1) * 8;
        ++i;
        continue;
      }
      if (IsSpace(raw[i])) {
        ++column;
        ++i;
        continue;
      }
      std::size_t end = i;
      while (end < raw.size() && !IsSpace(raw[end]) && raw[end] != '\t') ++end;
      const std::string_view word = raw.substr(i, end - i);
      const std::size_t chars = CharCount(word);
      Word w;
      w.text = std::string(word);
      const double y0 = static_cast<double>(row) * kLineHeight;
      w.box = {static_cast<double>(column) * kCharWidth, y0,
               static_cast<double>(column + chars) * kCharWidth, y0 + kLineHeight * 0.8};
      line.words.push_back(std::move(w));
      column += chars;
      i = end;
    }
    max_columns = std::max(max_columns, column);
    if (!line.words.empty()) {
      line.box = line.words.front().box;
      for (const Word& w : line.words) line.box = UnionBox(line.box, w.box);
      doc.pages.back().lines.push_back(std::move(line));
    }
    ++row;
  }
  finish_page(doc.pages.back());
  return doc;
}

}  // namespace invoicer::extract::generic
