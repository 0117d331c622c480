#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "synth/gray_image.h"
#include "synth/rng.h"

namespace invoicer::synth {

// How one scanned document looks: resolution, skew, paper and ink grey levels, optical
// blur, sensor noise and dust, JPEG compression, and black-and-white (thresholded) mode.
struct ScanLook {
  int dpi = 300;
  double angle_degrees = 0;
  int paper = 255;       // grey of the blank paper
  int ink = 0;           // grey of full black
  int blur = 0;          // box-blur half width in pixels (0 none)
  int noise = 0;         // amplitude of the grey noise
  int speckles = 0;      // dust spots per page
  int jpeg_quality = 0;  // 0: no JPEG round trip
  bool bilevel = false;
  int threshold = 160;
};

// A plausible scanner or phone-scan look, drawn from `rng`.
ScanLook PickScanLook(Rng& rng);

// The leptonica adapter for scanned variants: degrades a clean grey page into a scan
// (contrast, blur, noise, dust, JPEG artefacts, thresholding) and encodes pages as PNG,
// JPEG or multi-page TIFF (G4 for black-and-white, deflate for grey) with their resolution.
// Stateless functions; thread-safe. Errors: kInternal when leptonica fails.
[[nodiscard]] Result<GrayImage> Degrade(const GrayImage& clean, const ScanLook& look, Rng& rng);
[[nodiscard]] Result<std::string> EncodePng(const GrayImage& image);
[[nodiscard]] Result<std::string> EncodeJpeg(const GrayImage& image, int quality);
[[nodiscard]] Result<std::string> EncodeTiff(const std::vector<GrayImage>& pages);

}  // namespace invoicer::synth
