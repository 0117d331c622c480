#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "synth/drawing.h"
#include "synth/text_measurer.h"

namespace invoicer::synth {

// Builds a Drawing page by page: places text (left, right or centre aligned), rules and
// boxes on the current page, measures and wraps text, and keeps a vertical cursor that
// flows onto a new page (running the continuation hook, e.g. a short header) when a block
// does not fit above the content bottom. Borrows the measurer; single-threaded.
class PageWriter {
 public:
  PageWriter(const TextMeasurer& measurer, FontFamily family, double width, double height,
             double margin);

  double PageWidth() const { return drawing_.width; }
  double PageHeight() const { return drawing_.height; }
  double Left() const { return margin_; }
  double Right() const { return drawing_.width - margin_; }
  double ContentWidth() const { return Right() - Left(); }
  // The lowest y the flowing content may reach on a page (above the footer).
  double Bottom() const { return drawing_.height - bottom_reserve_; }
  void SetBottomReserve(double points) { bottom_reserve_ = points; }

  double y() const { return y_; }
  void SetY(double y) { y_ = y; }
  void Advance(double dy) { y_ += dy; }
  // Starts a new page unless `height` more points fit on this one.
  void EnsureSpace(double height);
  void NewPage();
  void SetContinuation(std::function<void(PageWriter&)> hook) { continuation_ = std::move(hook); }

  int PageCount() const { return static_cast<int>(drawing_.pages.size()); }
  int CurrentPage() const { return current_; }
  // Draws on another page (footers, page numbers after the flow is done).
  void SelectPage(int index) { current_ = index; }

  double Width(std::string_view text, const TextStyle& style) const;
  // Greedy word wrap to `width`; a word longer than the width stays on its own line.
  std::vector<std::string> Wrap(std::string_view text, double width, const TextStyle& style) const;

  void Text(double x, double baseline, std::string_view text, const TextStyle& style);
  void TextRight(double right, double baseline, std::string_view text, const TextStyle& style);
  void TextCenter(double center, double baseline, std::string_view text, const TextStyle& style);
  void Rule(double x0, double y0, double x1, double y1, double width, Rgb color);
  void Box(double x, double y, double w, double h, Rgb color);

  Drawing Finish() { return std::move(drawing_); }

 private:
  const TextMeasurer& measurer_;
  Drawing drawing_;
  double margin_;
  double bottom_reserve_;
  double top_;
  double y_;
  int current_ = 0;
  std::function<void(PageWriter&)> continuation_;
};

}  // namespace invoicer::synth
