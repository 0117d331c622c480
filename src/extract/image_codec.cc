#include "extract/image_codec.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>
#include <numbers>

namespace invoicer::extract {

namespace {

// pixDeskew's defaults (Leptonica skew.c): binarisation threshold, reductions and angles of the
// skew search, and the smallest skew worth a rotation and its least confidence.
constexpr int kSkewThreshold = 130;
constexpr l_int32 kSkewSweepReduction = 4;
constexpr l_int32 kSkewSearchReduction = 2;
constexpr l_float32 kSkewSweepRange = 7.0F;
constexpr l_float32 kSkewSweepDelta = 1.0F;
constexpr l_float32 kSkewMinSearchDelta = 0.01F;
constexpr l_float32 kMinDeskewAngle = 0.1F;
constexpr l_float32 kMinSkewConfidence = 3.0F;
constexpr auto kDegreeInRadians = static_cast<l_float32>(std::numbers::pi / 180);

struct PixDeleter {
  void operator()(Pix* pix) const { pixDestroy(&pix); }
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

// Leptonica prints every failure on stderr; the codec reports failures through Result, so
// its messages are switched off once per process.
void SilenceLeptonica() {
  static std::once_flag once;
  std::call_once(once, [] { setMsgSeverity(L_SEVERITY_NONE); });
}

const l_uint8* Data(std::string_view bytes) {
  return reinterpret_cast<const l_uint8*>(bytes.data());
}

Result<int> Format(std::string_view bytes) {
  l_int32 format = IFF_UNKNOWN;
  if (bytes.size() < 12 || findFileFormatBuffer(Data(bytes), &format) != 0 ||
      (format != IFF_PNG && format != IFF_JFIF_JPEG && !L_FORMAT_IS_TIFF(format))) {
    return errors::UnreadableDocument("not a PNG, JPEG or TIFF image");
  }
  return format;
}

Status CheckPixels(l_int32 width, l_int32 height, int index, const ImageLimits& limits) {
  const std::string page = "image page " + std::to_string(index + 1);
  if (width <= 0 || height <= 0) return errors::UnreadableDocument(page + " has no pixels");
  const std::int64_t pixels = static_cast<std::int64_t>(width) * height;
  if (pixels > limits.max_pixels) {
    return errors::UnreadableDocument(page + " has " + std::to_string(width) + "x" +
                                      std::to_string(height) + " pixels, more than the limit of " +
                                      std::to_string(limits.max_pixels));
  }
  return {};
}

// Reads the header of page `index` and checks it against the limits.
Status CheckHeader(std::string_view bytes, int format, int index, const ImageLimits& limits) {
  l_int32 w = 0, h = 0, bps = 0, spp = 0, res = 0, cmap = 0, fmt = 0;
  const bool ok = L_FORMAT_IS_TIFF(format)
                      ? readHeaderMemTiff(Data(bytes), bytes.size(), index, &w, &h, &bps, &spp,
                                          &res, &cmap, &fmt) == 0
                      : pixReadHeaderMem(Data(bytes), bytes.size(), &fmt, &w, &h, &bps, &spp,
                                         &cmap) == 0;
  if (!ok) return errors::UnreadableDocument("the image header is damaged");
  return CheckPixels(w, h, index, limits);
}

// Leptonica packs 8-bit pixels four to a 32-bit word, the leftmost in the most significant
// byte; whole words are converted at once (pages have millions of pixels), the rest of the
// line pixel by pixel. Each returns the position after the line in the byte buffer.
const std::uint8_t* PackGreyLine(const std::uint8_t* src, l_int32 width, l_uint32* line) {
  l_int32 x = 0;
  for (; x + 4 <= width; x += 4, src += 4) {
    line[x / 4] = static_cast<l_uint32>(src[0]) << 24 | static_cast<l_uint32>(src[1]) << 16 |
                  static_cast<l_uint32>(src[2]) << 8 | static_cast<l_uint32>(src[3]);
  }
  for (; x < width; ++x) SET_DATA_BYTE(line, x, *src++);
  return src;
}

std::uint8_t* UnpackGreyLine(const l_uint32* line, l_int32 width, std::uint8_t* dst) {
  l_int32 x = 0;
  for (; x + 4 <= width; x += 4, dst += 4) {
    const l_uint32 word = line[x / 4];
    dst[0] = static_cast<std::uint8_t>(word >> 24);
    dst[1] = static_cast<std::uint8_t>(word >> 16);
    dst[2] = static_cast<std::uint8_t>(word >> 8);
    dst[3] = static_cast<std::uint8_t>(word);
  }
  for (; x < width; ++x) *dst++ = static_cast<std::uint8_t>(GET_DATA_BYTE(line, x));
  return dst;
}

// A 1-bit Pix of the grey picture: pixels darker than `threshold` set (black), as
// pixConvertTo1 makes it, 32 pixels to a word with the leftmost in the most significant bit.
PixPtr Thresholded(const RasterImage& grey, int threshold) {
  PixPtr pix(pixCreate(grey.width, grey.height, 1));
  if (!pix) return pix;
  const l_int32 wpl = pixGetWpl(pix.get());
  l_uint32* data = pixGetData(pix.get());
  const auto width = static_cast<std::size_t>(grey.width);
  for (std::size_t y = 0; y < static_cast<std::size_t>(grey.height); ++y) {
    const std::uint8_t* src = grey.pixels.data() + y * width;
    l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
    for (std::size_t x = 0; x < width; x += 32) {
      const std::size_t n = std::min<std::size_t>(32, width - x);
      l_uint32 word = 0;
      for (std::size_t i = 0; i < n; ++i) {
        word |= static_cast<l_uint32>(src[x + i] < threshold) << (31 - i);
      }
      line[x / 32] = word;
    }
  }
  return pix;
}

RasterImage FromPix(Pix* pix, bool grey) {
  RasterImage out;
  out.width = pixGetWidth(pix);
  out.height = pixGetHeight(pix);
  out.channels = grey ? 1 : 3;
  out.dpi = pixGetXRes(pix);
  out.pixels.resize(static_cast<std::size_t>(out.PixelCount()) *
                    static_cast<std::size_t>(out.channels));
  const l_int32 wpl = pixGetWpl(pix);
  l_uint32* data = pixGetData(pix);
  std::uint8_t* dst = out.pixels.data();
  for (l_int32 y = 0; y < out.height; ++y) {
    const l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
    if (grey) {
      dst = UnpackGreyLine(line, out.width, dst);
      continue;
    }
    for (l_int32 x = 0; x < out.width; ++x) {
      l_int32 r = 0, g = 0, b = 0;
      extractRGBValues(line[x], &r, &g, &b);
      *dst++ = static_cast<std::uint8_t>(r);
      *dst++ = static_cast<std::uint8_t>(g);
      *dst++ = static_cast<std::uint8_t>(b);
    }
  }
  return out;
}

PixPtr ToPix(const RasterImage& image) {
  const bool grey = image.channels == 1;
  PixPtr pix(pixCreate(image.width, image.height, grey ? 8 : 32));
  if (!pix) return pix;
  pixSetResolution(pix.get(), image.dpi, image.dpi);
  const l_int32 wpl = pixGetWpl(pix.get());
  l_uint32* data = pixGetData(pix.get());
  const std::uint8_t* src = image.pixels.data();
  for (l_int32 y = 0; y < image.height; ++y) {
    l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
    if (grey) {
      src = PackGreyLine(src, image.width, line);
      continue;
    }
    for (l_int32 x = 0; x < image.width; ++x) {
      composeRGBPixel(src[0], src[1], src[2], &line[x]);
      src += 3;
    }
  }
  return pix;
}

// Normalises any decoded depth to 8-bit grey or 32-bit RGB; transparent parts become white
// (a transparent PNG background is usually black underneath).
PixPtr Normalised(PixPtr pix, bool grey) {
  if (pixGetDepth(pix.get()) == 32 && pixGetSpp(pix.get()) == 4) {
    pix.reset(pixAlphaBlendUniform(pix.get(), 0xffffff00));
    if (!pix) return pix;
  }
  return PixPtr(grey ? pixConvertTo8(pix.get(), 0) : pixConvertTo32(pix.get()));
}

}  // namespace

Result<int> ImageCodec::PageCount(std::string_view bytes, const ImageLimits& limits) {
  SilenceLeptonica();
  auto format = Format(bytes);
  if (!format) return std::move(format).error();
  if (!L_FORMAT_IS_TIFF(*format)) return 1;
  int pages = 0;
  l_int32 w = 0, h = 0, bps = 0, spp = 0, res = 0, cmap = 0, fmt = 0;
  while (readHeaderMemTiff(Data(bytes), bytes.size(), pages, &w, &h, &bps, &spp, &res, &cmap,
                           &fmt) == 0) {
    if (++pages > limits.max_pages) {
      return errors::UnreadableDocument("the TIFF has more pages than the limit of " +
                                        std::to_string(limits.max_pages));
    }
  }
  if (pages == 0) return errors::UnreadableDocument("the TIFF has no readable page");
  return pages;
}

Result<RasterImage> ImageCodec::DecodePage(std::string_view bytes, int index, bool grey,
                                           const ImageLimits& limits) {
  SilenceLeptonica();
  auto format = Format(bytes);
  if (!format) return std::move(format).error();
  if (Status s = CheckHeader(bytes, *format, index, limits); !s) return std::move(s).error();
  PixPtr pix(L_FORMAT_IS_TIFF(*format) ? pixReadMemTiff(Data(bytes), bytes.size(), index)
                                       : pixReadMem(Data(bytes), bytes.size()));
  if (!pix) return errors::UnreadableDocument("the image data is damaged or truncated");
  // The header may understate what the decoder produced; the limit holds for the pixels.
  if (Status s = CheckPixels(pixGetWidth(pix.get()), pixGetHeight(pix.get()), index, limits); !s) {
    return std::move(s).error();
  }
  PixPtr norm = Normalised(std::move(pix), grey);
  if (!norm) return errors::UnreadableDocument("the image has an unsupported pixel format");
  return FromPix(norm.get(), grey);
}

Result<std::vector<RasterImage>> ImageCodec::DecodeAll(std::string_view bytes, bool grey,
                                                       const ImageLimits& limits) {
  auto count = PageCount(bytes, limits);
  if (!count) return std::move(count).error();
  std::vector<RasterImage> pages;
  for (int i = 0; i < *count; ++i) {
    auto page = DecodePage(bytes, i, grey, limits);
    if (!page) return std::move(page).error();
    pages.push_back(std::move(*page));
  }
  return pages;
}

Result<std::string> ImageCodec::EncodePng(const RasterImage& image) {
  SilenceLeptonica();
  PixPtr pix = ToPix(image);
  l_uint8* data = nullptr;
  std::size_t size = 0;
  if (!pix || pixWriteMemPng(&data, &size, pix.get(), 0.0f) != 0 || data == nullptr) {
    return errors::Internal("PNG encoding failed");
  }
  std::string out(reinterpret_cast<const char*>(data), size);
  lept_free(data);
  return out;
}

RasterImage ImageCodec::Scaled(const RasterImage& grey, double factor) {
  PixPtr pix = ToPix(grey);
  if (!pix) return grey;
  const auto f = static_cast<l_float32>(factor);
  PixPtr scaled(pixScaleGrayLI(pix.get(), f, f));
  if (!scaled) return grey;
  RasterImage out = FromPix(scaled.get(), true);
  out.dpi = static_cast<int>(grey.dpi * factor);
  return out;
}

RasterImage ImageCodec::Cropped(const RasterImage& image, int x, int y, int width, int height) {
  RasterImage out;
  out.channels = image.channels;
  out.dpi = image.dpi;
  const int x0 = std::clamp(x, 0, image.width), y0 = std::clamp(y, 0, image.height);
  const int x1 = std::clamp(x + width, x0, image.width);
  const int y1 = std::clamp(y + height, y0, image.height);
  if (x1 == x0 || y1 == y0) return out;
  out.width = x1 - x0;
  out.height = y1 - y0;
  const auto channels = static_cast<std::size_t>(image.channels);
  const std::size_t row = static_cast<std::size_t>(out.width) * channels;
  const std::size_t stride = static_cast<std::size_t>(image.width) * channels;
  out.pixels.resize(row * static_cast<std::size_t>(out.height));
  for (std::size_t r = 0; r < static_cast<std::size_t>(out.height); ++r) {
    const std::size_t from = (static_cast<std::size_t>(y0) + r) * stride +
                             static_cast<std::size_t>(x0) * channels;
    std::copy_n(image.pixels.data() + from, row, out.pixels.data() + r * row);
  }
  return out;
}

RasterImage ImageCodec::Deskewed(const RasterImage& grey) {
  // Leptonica's pixDeskew with its defaults, in steps so that a page without skew is neither
  // copied into a Pix nor back: the grey picture is thresholded at 130 straight from its
  // bytes, the skew searched on that (sweep at 4x reduction, binary search at 2x), and only a
  // skew of at least 0.1 degree found with confidence is undone (area-mapped rotation).
  if (grey.channels != 1 || grey.pixels.empty()) return grey;
  PixPtr binary = Thresholded(grey, kSkewThreshold);
  if (!binary) return grey;
  l_float32 angle = 0, confidence = 0;
  if (pixFindSkewSweepAndSearch(binary.get(), &angle, &confidence, kSkewSweepReduction,
                                kSkewSearchReduction, kSkewSweepRange, kSkewSweepDelta,
                                kSkewMinSearchDelta) != 0 ||
      std::abs(angle) < kMinDeskewAngle || confidence < kMinSkewConfidence) {
    return grey;
  }
  PixPtr pix = ToPix(grey);
  if (!pix) return grey;
  const l_float32 radians = kDegreeInRadians * angle;
  PixPtr rotated(pixRotate(pix.get(), radians, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
  if (!rotated) return grey;
  RasterImage out = FromPix(rotated.get(), true);
  out.dpi = grey.dpi;
  return out;
}

}  // namespace invoicer::extract
