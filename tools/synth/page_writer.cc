#include "synth/page_writer.h"

namespace invoicer::synth {

PageWriter::PageWriter(const TextMeasurer& measurer, FontFamily family, double width, double height,
                       double margin)
    : measurer_(measurer),
      margin_(margin),
      bottom_reserve_(margin),
      top_(margin * 0.8),
      y_(margin * 0.8) {
  drawing_.width = width;
  drawing_.height = height;
  drawing_.font = family;
  drawing_.pages.emplace_back();
}

void PageWriter::EnsureSpace(double height) {
  if (y_ + height > Bottom()) NewPage();
}

void PageWriter::NewPage() {
  drawing_.pages.emplace_back();
  current_ = PageCount() - 1;
  y_ = top_;
  if (continuation_) continuation_(*this);
}

double PageWriter::Width(std::string_view text, const TextStyle& style) const {
  return measurer_.Width(text, drawing_.font, style.size, style.weight);
}

std::vector<std::string> PageWriter::Wrap(std::string_view text, double width,
                                          const TextStyle& style) const {
  std::vector<std::string> lines;
  std::string line;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find(' ', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(pos, end - pos);
    pos = end + 1;
    if (word.empty()) continue;
    const std::string candidate = line.empty() ? std::string(word) : line + " " + std::string(word);
    if (!line.empty() && Width(candidate, style) > width) {
      lines.push_back(line);
      line = std::string(word);
    } else {
      line = candidate;
    }
  }
  if (!line.empty() || lines.empty()) lines.push_back(line);
  return lines;
}

void PageWriter::Text(double x, double baseline, std::string_view text, const TextStyle& style) {
  if (text.empty()) return;
  drawing_.pages[static_cast<std::size_t>(current_)].texts.push_back(
      {x, baseline, style, std::string(text)});
}

void PageWriter::TextRight(double right, double baseline, std::string_view text,
                           const TextStyle& style) {
  Text(right - Width(text, style), baseline, text, style);
}

void PageWriter::TextCenter(double center, double baseline, std::string_view text,
                            const TextStyle& style) {
  Text(center - Width(text, style) / 2, baseline, text, style);
}

void PageWriter::Rule(double x0, double y0, double x1, double y1, double width, Rgb color) {
  drawing_.pages[static_cast<std::size_t>(current_)].rules.push_back(
      {x0, y0, x1, y1, width, color});
}

void PageWriter::Box(double x, double y, double w, double h, Rgb color) {
  drawing_.pages[static_cast<std::size_t>(current_)].boxes.push_back({x, y, w, h, color});
}

}  // namespace invoicer::synth
