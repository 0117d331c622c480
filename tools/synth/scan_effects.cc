#include "synth/scan_effects.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <memory>

#include "common/error.h"

namespace invoicer::synth {
namespace {

struct PixDeleter {
  void operator()(Pix* pix) const { pixDestroy(&pix); }
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

struct PixaDeleter {
  void operator()(Pixa* pixa) const { pixaDestroy(&pixa); }
};
using PixaPtr = std::unique_ptr<Pixa, PixaDeleter>;

// leptonica allocates encoded output with malloc; the caller frees it.
std::string TakeBytes(l_uint8* data, size_t size) {
  std::string out(reinterpret_cast<const char*>(data), size);
  std::free(data);
  return out;
}

PixPtr ToPix(const GrayImage& image) {
  PixPtr pix(pixCreate(image.width, image.height, 8));
  if (!pix) return pix;
  l_uint32* data = pixGetData(pix.get());
  const l_int32 wpl = pixGetWpl(pix.get());
  for (int y = 0; y < image.height; ++y) {
    l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
    const std::uint8_t* src =
        image.pixels.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width);
    for (int x = 0; x < image.width; ++x) SET_DATA_BYTE(line, x, src[x]);
  }
  pixSetResolution(pix.get(), image.dpi, image.dpi);
  return pix;
}

GrayImage FromPix(Pix* pix, const GrayImage& like) {
  GrayImage image;
  image.width = static_cast<int>(pixGetWidth(pix));
  image.height = static_cast<int>(pixGetHeight(pix));
  image.dpi = like.dpi;
  image.bilevel = like.bilevel;
  image.pixels.resize(static_cast<std::size_t>(image.width) *
                      static_cast<std::size_t>(image.height));
  const l_uint32* data = pixGetData(pix);
  const l_int32 wpl = pixGetWpl(pix);
  for (int y = 0; y < image.height; ++y) {
    const l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
    std::uint8_t* dst =
        image.pixels.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width);
    for (int x = 0; x < image.width; ++x)
      dst[x] = static_cast<std::uint8_t>(GET_DATA_BYTE(line, x));
  }
  return image;
}

// 1 bpp for black-and-white pages (leptonica: 1 is black), 8 bpp grey otherwise.
PixPtr ForEncoding(const GrayImage& image) {
  PixPtr gray = ToPix(image);
  if (!gray || !image.bilevel) return gray;
  PixPtr binary(pixThresholdToBinary(gray.get(), 128));
  if (binary) pixSetResolution(binary.get(), image.dpi, image.dpi);
  return binary;
}

// Approximately normal noise in [-amplitude, amplitude] from four uniform draws.
int Noise(std::uint64_t bits, int amplitude) {
  int sum = 0;
  for (int i = 0; i < 4; ++i) {
    sum += static_cast<int>((bits >> (16 * i)) & 0xffff) - 0x8000;
  }
  return sum * amplitude / (4 * 0x8000);
}

}  // namespace

ScanLook PickScanLook(Rng& rng) {
  ScanLook look;
  look.dpi = rng.Pick({200, 200, 240, 300, 300});
  look.angle_degrees = rng.Chance(0.2) ? rng.Range(-0.3, 0.3) : rng.Range(-2.0, 2.0);
  look.paper = rng.Uniform(228, 255);
  look.ink = rng.Uniform(0, 70);
  look.blur = rng.Chance(0.5) ? 1 : 0;
  look.noise = rng.Uniform(4, 28);
  look.speckles = rng.Uniform(0, 400);
  look.bilevel = rng.Chance(0.15);
  look.threshold = rng.Uniform(140, 185);
  look.jpeg_quality = !look.bilevel && rng.Chance(0.6) ? rng.Uniform(55, 90) : 0;
  return look;
}

Result<GrayImage> Degrade(const GrayImage& clean, const ScanLook& look, Rng& rng) {
  GrayImage page = clean;
  std::array<std::uint8_t, 256> contrast{};
  for (int v = 0; v < 256; ++v) {
    contrast[static_cast<std::size_t>(v)] =
        static_cast<std::uint8_t>(look.ink + (look.paper - look.ink) * v / 255);
  }
  for (std::uint8_t& p : page.pixels) p = contrast[p];

  if (look.blur > 0) {
    PixPtr pix = ToPix(page);
    PixPtr blurred(pix ? pixBlockconvGray(pix.get(), nullptr, look.blur, look.blur) : nullptr);
    if (!blurred) return errors::Internal("leptonica could not blur the page");
    page = FromPix(blurred.get(), page);
  }

  for (std::uint8_t& p : page.pixels) {
    p = static_cast<std::uint8_t>(std::clamp(p + Noise(rng.Next(), look.noise), 0, 255));
  }
  for (int i = 0; i < look.speckles; ++i) {
    const int size = rng.Uniform(1, 3);
    const int x0 = rng.Uniform(0, page.width - size);
    const int y0 = rng.Uniform(0, page.height - size);
    const auto grey = static_cast<std::uint8_t>(rng.Uniform(look.ink, look.ink + 80));
    for (int y = y0; y < y0 + size; ++y) {
      for (int x = x0; x < x0 + size; ++x) {
        page.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(page.width) +
                    static_cast<std::size_t>(x)] = grey;
      }
    }
  }

  if (look.jpeg_quality > 0) {
    Result<std::string> jpeg = EncodeJpeg(page, look.jpeg_quality);
    if (!jpeg) return jpeg.error();
    l_int32 warnings = 0;
    PixPtr decoded(pixReadMemJpeg(reinterpret_cast<const l_uint8*>(jpeg->data()), jpeg->size(), 0,
                                  1, &warnings, 0));
    if (!decoded) return errors::Internal("leptonica could not decode its JPEG");
    page = FromPix(decoded.get(), page);
  }

  if (look.bilevel) {
    for (std::uint8_t& p : page.pixels) p = p < look.threshold ? 0 : 255;
    page.bilevel = true;
  }
  return page;
}

Result<std::string> EncodePng(const GrayImage& image) {
  PixPtr pix = ForEncoding(image);
  l_uint8* data = nullptr;
  size_t size = 0;
  if (!pix || pixWriteMemPng(&data, &size, pix.get(), 0.0f) != 0) {
    return errors::Internal("leptonica could not write a PNG");
  }
  return TakeBytes(data, size);
}

Result<std::string> EncodeJpeg(const GrayImage& image, int quality) {
  PixPtr pix = ToPix(image);
  l_uint8* data = nullptr;
  size_t size = 0;
  if (!pix || pixWriteMemJpeg(&data, &size, pix.get(), quality, 0) != 0) {
    return errors::Internal("leptonica could not write a JPEG");
  }
  return TakeBytes(data, size);
}

Result<std::string> EncodeTiff(const std::vector<GrayImage>& pages) {
  PixaPtr pixa(pixaCreate(static_cast<l_int32>(pages.size())));
  if (!pixa) return errors::Internal("leptonica could not allocate the TIFF pages");
  for (const GrayImage& page : pages) {
    PixPtr pix = ForEncoding(page);
    if (!pix || pixaAddPix(pixa.get(), pix.release(), L_INSERT) != 0) {
      return errors::Internal("leptonica could not add a TIFF page");
    }
  }
  l_uint8* data = nullptr;
  size_t size = 0;
  if (pixaWriteMemMultipageTiff(&data, &size, pixa.get()) != 0) {
    return errors::Internal("leptonica could not write a TIFF");
  }
  return TakeBytes(data, size);
}

}  // namespace invoicer::synth
