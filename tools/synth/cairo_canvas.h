#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "synth/drawing.h"
#include "synth/gray_image.h"
#include "synth/text_measurer.h"

namespace invoicer::synth {

// Fixed document metadata, so the same input gives the same bytes (no wall clock).
struct PdfInfo {
  std::string creation_date;  // ISO 8601, "2024-03-12T09:30:00Z"
  std::string creator;
};

// A page image that goes into an image-only PDF: the pixels and, when present, their JPEG
// encoding (embedded as is, as scanners do).
struct ScanPage {
  GrayImage image;
  std::string jpeg;
};

// The cairo adapter: measures text and renders Drawings with the DejaVu and Liberation
// TrueType fonts loaded from their files (never through font matching, so output does not
// depend on the machine's font configuration). Renders a Drawing to a text-layer PDF, one
// page to a grey raster (at a resolution and a small rotation, for scans), and page images to
// an image-only PDF. Owns its cairo and FreeType objects; not thread-safe (one per thread).
// Errors: kUnavailable when a font file is missing, kInternal when cairo fails.
class CairoCanvas final : public TextMeasurer {
 public:
  [[nodiscard]] static Result<std::unique_ptr<CairoCanvas>> Create();
  ~CairoCanvas() override;
  CairoCanvas(const CairoCanvas&) = delete;
  CairoCanvas& operator=(const CairoCanvas&) = delete;

  double Width(std::string_view text, FontFamily family, double size,
               FontWeight weight) const override;

  [[nodiscard]] Result<std::string> RenderPdf(const Drawing& drawing, const PdfInfo& info) const;
  // Page `page` at `dpi`, rotated by `angle_degrees` about its centre, on white.
  [[nodiscard]] Result<GrayImage> RenderPage(const Drawing& drawing, int page, int dpi,
                                             double angle_degrees) const;
  [[nodiscard]] Result<std::string> RenderImagePdf(const std::vector<ScanPage>& pages,
                                                   const PdfInfo& info) const;

 private:
  struct State;
  explicit CairoCanvas(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace invoicer::synth
