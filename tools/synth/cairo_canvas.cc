#include "synth/cairo_canvas.h"

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <array>
#include <cmath>
#include <cstring>
#include <mutex>

#include "common/error.h"

namespace invoicer::synth {
namespace {

constexpr double kPi = 3.14159265358979323846;

// One FreeType library for the process, never freed: cairo may release a font face (and so
// call our FT_Done_Face) after the canvas that made it is gone. FreeType wants face creation
// and destruction on one library serialised.
std::mutex& FreeTypeMutex() {
  static std::mutex mutex;
  return mutex;
}
FT_Library SharedLibrary() {
  static FT_Library library = [] {
    FT_Library lib = nullptr;
    FT_Init_FreeType(&lib);
    return lib;
  }();
  return library;
}

const cairo_user_data_key_t kFaceKey{};

void DoneFace(void* face) {
  std::lock_guard lock(FreeTypeMutex());
  FT_Done_Face(static_cast<FT_Face>(face));
}

struct FontFiles {
  std::string_view regular;
  std::string_view bold;
};

FontFiles FilesOf(FontFamily family) {
  switch (family) {
    case FontFamily::kDejaVuSans:
      return {"dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf"};
    case FontFamily::kDejaVuSerif:
      return {"dejavu/DejaVuSerif.ttf", "dejavu/DejaVuSerif-Bold.ttf"};
    case FontFamily::kDejaVuSansMono:
      return {"dejavu/DejaVuSansMono.ttf", "dejavu/DejaVuSansMono-Bold.ttf"};
    case FontFamily::kLiberationSans:
      return {"liberation/LiberationSans-Regular.ttf", "liberation/LiberationSans-Bold.ttf"};
    case FontFamily::kLiberationSerif:
      return {"liberation/LiberationSerif-Regular.ttf", "liberation/LiberationSerif-Bold.ttf"};
    case FontFamily::kLiberationMono:
      return {"liberation/LiberationMono-Regular.ttf", "liberation/LiberationMono-Bold.ttf"};
  }
  return {"dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf"};
}

constexpr std::string_view kFontRoot = "/usr/share/fonts/truetype/";
constexpr std::size_t kFamilies = 6;

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using ContextPtr = std::unique_ptr<cairo_t, ContextDeleter>;

cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void SetUnhinted(cairo_t* cr, cairo_antialias_t antialias) {
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias(options, antialias);
  cairo_set_font_options(cr, options);
  cairo_font_options_destroy(options);
}

Status CheckSurface(cairo_surface_t* surface, std::string_view what) {
  const cairo_status_t status = cairo_surface_status(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    return errors::Internal(std::string(what) + ": " + cairo_status_to_string(status));
  }
  return {};
}

void SetMetadata(cairo_surface_t* surface, const PdfInfo& info) {
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE,
                                 info.creation_date.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, info.creation_date.c_str());
  if (!info.creator.empty()) {
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, info.creator.c_str());
  }
}

}  // namespace

struct CairoCanvas::State {
  // [family][weight] cairo font faces, loaded on first use.
  mutable std::array<std::array<cairo_font_face_t*, 2>, kFamilies> faces{};
  SurfacePtr measure_surface;
  ContextPtr measure;

  ~State() {
    measure.reset();
    measure_surface.reset();
    for (auto& pair : faces) {
      for (cairo_font_face_t* face : pair) {
        if (face != nullptr) cairo_font_face_destroy(face);
      }
    }
  }

  cairo_font_face_t* Face(FontFamily family, FontWeight weight) const {
    return faces[static_cast<std::size_t>(family)][weight == FontWeight::kBold ? 1 : 0];
  }

  void Paint(cairo_t* cr, const PageDrawing& page, FontFamily family) const {
    for (const FilledBox& b : page.boxes) {
      cairo_set_source_rgb(cr, b.color.r, b.color.g, b.color.b);
      cairo_rectangle(cr, b.x, b.y, b.w, b.h);
      cairo_fill(cr);
    }
    for (const RuleLine& r : page.rules) {
      cairo_set_source_rgb(cr, r.color.r, r.color.g, r.color.b);
      cairo_set_line_width(cr, r.width);
      cairo_move_to(cr, r.x0, r.y0);
      cairo_line_to(cr, r.x1, r.y1);
      cairo_stroke(cr);
    }
    for (const TextRun& t : page.texts) {
      cairo_set_font_face(cr, Face(family, t.style.weight));
      cairo_set_font_size(cr, t.style.size);
      cairo_set_source_rgb(cr, t.style.color.r, t.style.color.g, t.style.color.b);
      cairo_move_to(cr, t.x, t.y);
      cairo_show_text(cr, t.text.c_str());
    }
  }
};

Result<std::unique_ptr<CairoCanvas>> CairoCanvas::Create() {
  auto state = std::make_unique<State>();
  for (std::size_t f = 0; f < kFamilies; ++f) {
    const FontFiles files = FilesOf(static_cast<FontFamily>(f));
    const std::array<std::string_view, 2> names{files.regular, files.bold};
    for (std::size_t w = 0; w < 2; ++w) {
      const std::string path = std::string(kFontRoot) + std::string(names[w]);
      FT_Face face = nullptr;
      {
        std::lock_guard lock(FreeTypeMutex());
        if (SharedLibrary() == nullptr ||
            FT_New_Face(SharedLibrary(), path.c_str(), 0, &face) != 0) {
          return errors::Unavailable(
              "font file " + path + " is missing (install fonts-dejavu-core and fonts-liberation)");
        }
      }
      cairo_font_face_t* cairo_face = cairo_ft_font_face_create_for_ft_face(face, 0);
      if (cairo_font_face_set_user_data(cairo_face, &kFaceKey, face, DoneFace) !=
          CAIRO_STATUS_SUCCESS) {
        cairo_font_face_destroy(cairo_face);
        DoneFace(face);
        return errors::Internal("cairo could not take the font " + path);
      }
      state->faces[f][w] = cairo_face;
    }
  }
  state->measure_surface.reset(cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1));
  state->measure.reset(cairo_create(state->measure_surface.get()));
  SetUnhinted(state->measure.get(), CAIRO_ANTIALIAS_GRAY);
  return std::unique_ptr<CairoCanvas>(new CairoCanvas(std::move(state)));
}

CairoCanvas::CairoCanvas(std::unique_ptr<State> state) : state_(std::move(state)) {}
CairoCanvas::~CairoCanvas() = default;

double CairoCanvas::Width(std::string_view text, FontFamily family, double size,
                          FontWeight weight) const {
  cairo_t* cr = state_->measure.get();
  cairo_set_font_face(cr, state_->Face(family, weight));
  cairo_set_font_size(cr, size);
  const std::string copy(text);
  cairo_text_extents_t extents;
  cairo_text_extents(cr, copy.c_str(), &extents);
  return extents.x_advance;
}

Result<std::string> CairoCanvas::RenderPdf(const Drawing& drawing, const PdfInfo& info) const {
  std::string bytes;
  SurfacePtr surface(
      cairo_pdf_surface_create_for_stream(AppendBytes, &bytes, drawing.width, drawing.height));
  if (Status s = CheckSurface(surface.get(), "cairo PDF surface"); !s) return s.error();
  SetMetadata(surface.get(), info);
  ContextPtr cr(cairo_create(surface.get()));
  SetUnhinted(cr.get(), CAIRO_ANTIALIAS_GRAY);
  for (const PageDrawing& page : drawing.pages) {
    state_->Paint(cr.get(), page, drawing.font);
    cairo_show_page(cr.get());
  }
  cr.reset();
  cairo_surface_finish(surface.get());
  if (Status s = CheckSurface(surface.get(), "cairo PDF output"); !s) return s.error();
  surface.reset();
  return bytes;
}

Result<GrayImage> CairoCanvas::RenderPage(const Drawing& drawing, int page, int dpi,
                                          double angle_degrees) const {
  const double scale = dpi / 72.0;
  GrayImage image;
  image.dpi = dpi;
  image.width = static_cast<int>(std::lround(drawing.width * scale));
  image.height = static_cast<int>(std::lround(drawing.height * scale));
  SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, image.width, image.height));
  if (Status s = CheckSurface(surface.get(), "cairo image surface"); !s) return s.error();
  ContextPtr cr(cairo_create(surface.get()));
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  SetUnhinted(cr.get(), CAIRO_ANTIALIAS_GRAY);
  cairo_scale(cr.get(), scale, scale);
  cairo_translate(cr.get(), drawing.width / 2, drawing.height / 2);
  cairo_rotate(cr.get(), angle_degrees * kPi / 180.0);
  cairo_translate(cr.get(), -drawing.width / 2, -drawing.height / 2);
  state_->Paint(cr.get(), drawing.pages[static_cast<std::size_t>(page)], drawing.font);
  cr.reset();
  cairo_surface_flush(surface.get());
  const unsigned char* data = cairo_image_surface_get_data(surface.get());
  const int stride = cairo_image_surface_get_stride(surface.get());
  image.pixels.resize(static_cast<std::size_t>(image.width) *
                      static_cast<std::size_t>(image.height));
  for (int y = 0; y < image.height; ++y) {
    const unsigned char* row = data + static_cast<std::ptrdiff_t>(y) * stride;
    std::uint8_t* out =
        image.pixels.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width);
    for (int x = 0; x < image.width; ++x) {
      std::uint32_t pixel = 0;
      std::memcpy(&pixel, row + static_cast<std::ptrdiff_t>(x) * 4, 4);
      const std::uint32_t r = (pixel >> 16) & 0xff;
      const std::uint32_t g = (pixel >> 8) & 0xff;
      const std::uint32_t b = pixel & 0xff;
      out[x] = static_cast<std::uint8_t>((r * 299 + g * 587 + b * 114) / 1000);
    }
  }
  return image;
}

Result<std::string> CairoCanvas::RenderImagePdf(const std::vector<ScanPage>& pages,
                                                const PdfInfo& info) const {
  std::string bytes;
  if (pages.empty()) return errors::Internal("an image PDF needs at least one page");
  const double first_w = pages.front().image.width * 72.0 / pages.front().image.dpi;
  const double first_h = pages.front().image.height * 72.0 / pages.front().image.dpi;
  SurfacePtr surface(cairo_pdf_surface_create_for_stream(AppendBytes, &bytes, first_w, first_h));
  if (Status s = CheckSurface(surface.get(), "cairo PDF surface"); !s) return s.error();
  SetMetadata(surface.get(), info);
  for (const ScanPage& page : pages) {
    const GrayImage& img = page.image;
    const double scale = 72.0 / img.dpi;
    cairo_pdf_surface_set_size(surface.get(), img.width * scale, img.height * scale);
    SurfacePtr raster(cairo_image_surface_create(CAIRO_FORMAT_RGB24, img.width, img.height));
    if (Status s = CheckSurface(raster.get(), "cairo image surface"); !s) return s.error();
    cairo_surface_flush(raster.get());
    unsigned char* data = cairo_image_surface_get_data(raster.get());
    const int stride = cairo_image_surface_get_stride(raster.get());
    for (int y = 0; y < img.height; ++y) {
      unsigned char* row = data + static_cast<std::ptrdiff_t>(y) * stride;
      for (int x = 0; x < img.width; ++x) {
        const std::uint32_t v =
            img.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(img.width) +
                       static_cast<std::size_t>(x)];
        const std::uint32_t pixel = (v << 16) | (v << 8) | v;
        std::memcpy(row + static_cast<std::ptrdiff_t>(x) * 4, &pixel, 4);
      }
    }
    cairo_surface_mark_dirty(raster.get());
    if (!page.jpeg.empty()) {
      // cairo embeds attached JPEG data as the image stream (DCTDecode) instead of pixels.
      // It reads the data when the PDF is finished below, while `pages` is still alive.
      cairo_surface_set_mime_data(raster.get(), CAIRO_MIME_TYPE_JPEG,
                                  reinterpret_cast<const unsigned char*>(page.jpeg.data()),
                                  page.jpeg.size(), nullptr, nullptr);
    }
    ContextPtr cr(cairo_create(surface.get()));
    cairo_scale(cr.get(), scale, scale);
    cairo_set_source_surface(cr.get(), raster.get(), 0, 0);
    cairo_paint(cr.get());
    cairo_show_page(cr.get());
  }
  cairo_surface_finish(surface.get());
  if (Status s = CheckSurface(surface.get(), "cairo PDF output"); !s) return s.error();
  surface.reset();
  return bytes;
}

}  // namespace invoicer::synth
