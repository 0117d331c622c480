#include "extract/pdf_reader.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-embedded-file.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <cmath>
#include <exception>
#include <mutex>

#include "domain/media_type.h"
#include "extract/line_builder.h"

namespace invoicer::extract {

namespace {

// Attachments larger than this are not read: an invoice XML is kilobytes to a few megabytes,
// and a compressed attachment could otherwise expand without bound in memory.
constexpr int kMaxAttachmentBytes = 64 * 1024 * 1024;
// A lower resolution than this makes OCR useless; a page that does not fit the pixel limit
// even here is refused.
constexpr int kMinRenderDpi = 50;
constexpr std::array<std::string_view, 3> kInvoiceAttachmentNames{
    "factur-x.xml", "zugferd-invoice.xml", "xrechnung.xml"};

// Poppler reports recoverable damage on stderr through its error callback; the adapter
// returns errors through Result instead, so the callback is silenced once per process.
void SilencePoppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
  });
}

std::string ToUtf8(const poppler::ustring& s) {
  const poppler::byte_array bytes = s.to_utf8();
  return {bytes.begin(), bytes.end()};
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// PDF text strings are UTF-16BE with a byte order mark or PDFDocEncoding (ASCII plus Latin-1
// like characters); poppler-cpp hands attachment names over as those raw bytes.
std::string PdfTextToUtf8(std::string_view raw) {
  std::string out;
  auto put = [&out](unsigned cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  };
  if (raw.size() >= 2 && static_cast<unsigned char>(raw[0]) == 0xFE &&
      static_cast<unsigned char>(raw[1]) == 0xFF) {
    // Names are short and outside the astral planes in practice; a surrogate pair is kept
    // as two replacement-free BMP code units, which is enough to compare file names.
    for (std::size_t i = 2; i + 1 < raw.size(); i += 2) {
      put((static_cast<unsigned>(static_cast<unsigned char>(raw[i])) << 8) |
          static_cast<unsigned char>(raw[i + 1]));
    }
    return out;
  }
  for (char c : raw) put(static_cast<unsigned char>(c));
  return out;
}

bool SameLine(const domain::BoundingBox& a, const domain::BoundingBox& b) {
  const double overlap = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
  return overlap >= 0.5 * std::min(a.y1 - a.y0, b.y1 - b.y0);
}

// Poppler cuts a word into several boxes where the font changes ("Total:" with a bold
// colon) and flags the cut with has_space_after() == false; a Word is the whole
// white-space-delimited token, so touching pieces on one line are joined again.
std::vector<Word> WordsOf(const std::vector<poppler::text_box>& boxes) {
  std::vector<Word> words;
  bool join_next = false;
  for (const poppler::text_box& tb : boxes) {
    if (tb.rotation() != 0) {
      join_next = false;  // vertical margin text is not part of the horizontal layout
      continue;
    }
    const poppler::rectf r = tb.bbox();
    Word w{ToUtf8(tb.text()), {r.left(), r.top(), r.right(), r.bottom()}, 1.0};
    const double slack = 0.3 * (w.box.y1 - w.box.y0);
    if (join_next && !words.empty() && SameLine(words.back().box, w.box) &&
        std::abs(w.box.x0 - words.back().box.x1) < slack) {
      words.back().text += w.text;
      words.back().box = UnionBox(words.back().box, w.box);
    } else {
      words.push_back(std::move(w));
    }
    join_next = !tb.has_space_after();
  }
  return words;
}

}  // namespace

struct PdfDocument::Impl {
  std::unique_ptr<poppler::document> doc;
  PdfLimits limits;

  Result<std::unique_ptr<poppler::page>> OpenPage(int number) const {
    if (number < 1 || number > doc->pages()) {
      return errors::UnreadableDocument("the PDF has no page " + std::to_string(number));
    }
    std::unique_ptr<poppler::page> page(doc->create_page(number - 1));
    if (!page) {
      return errors::UnreadableDocument("page " + std::to_string(number) +
                                        " of the PDF is damaged");
    }
    return page;
  }
};

PdfDocument::PdfDocument(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PdfDocument::PdfDocument(PdfDocument&&) noexcept = default;
PdfDocument& PdfDocument::operator=(PdfDocument&&) noexcept = default;
PdfDocument::~PdfDocument() = default;

Result<PdfDocument> PdfDocument::Open(std::string_view bytes, const PdfLimits& limits) {
  SilencePoppler();
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    return errors::UnreadableDocument("the PDF is larger than 2 GiB");
  }
  auto impl = std::make_unique<Impl>();
  impl->limits = limits;
  try {
    impl->doc.reset(poppler::document::load_from_raw_data(bytes.data(),
                                                          static_cast<int>(bytes.size())));
  } catch (const std::exception& e) {
    return errors::UnreadableDocument(std::string("the PDF could not be read: ") + e.what());
  }
  if (!impl->doc) {
    return errors::UnreadableDocument("not a readable PDF (damaged, truncated or not a PDF)");
  }
  if (impl->doc->is_locked()) {
    return errors::UnreadableDocument("the PDF is password protected");
  }
  const int pages = impl->doc->pages();
  if (pages <= 0) return errors::UnreadableDocument("the PDF has no pages");
  if (pages > limits.max_pages) {
    return errors::UnreadableDocument("the PDF has " + std::to_string(pages) +
                                      " pages, more than the limit of " +
                                      std::to_string(limits.max_pages));
  }
  return PdfDocument(std::move(impl));
}

int PdfDocument::page_count() const { return impl_->doc->pages(); }

Result<Page> PdfDocument::ReadPage(int number) const {
  auto page = impl_->OpenPage(number);
  if (!page) return std::move(page).error();
  Page out;
  out.number = number;
  try {
    const poppler::rectf rect = (*page)->page_rect();
    const auto orientation = (*page)->orientation();
    const bool turned = orientation == poppler::page::landscape ||
                        orientation == poppler::page::seascape;
    out.width = turned ? rect.height() : rect.width();
    out.height = turned ? rect.width() : rect.height();
    out.lines = GroupIntoLines(WordsOf((*page)->text_list()));
  } catch (const std::exception& e) {
    return errors::UnreadableDocument("page " + std::to_string(number) +
                                      " of the PDF could not be read: " + e.what());
  }
  return out;
}

Result<RasterImage> PdfDocument::RenderPage(int number, int dpi, bool grey) const {
  auto page = impl_->OpenPage(number);
  if (!page) return std::move(page).error();
  const poppler::rectf rect = (*page)->page_rect();
  // Pixels at `dpi` = area in points * (dpi / 72)^2; lower the resolution until it fits.
  const double area = std::max(1.0, rect.width() * rect.height());
  const double fit_dpi =
      72.0 * std::sqrt(static_cast<double>(impl_->limits.max_pixels) / area);
  const int use_dpi = std::min(dpi, static_cast<int>(std::floor(fit_dpi)));
  if (use_dpi < kMinRenderDpi) {
    return errors::UnreadableDocument("page " + std::to_string(number) +
                                      " is too large to render within the pixel limit");
  }
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing);
  renderer.set_image_format(grey ? poppler::image::format_gray8 : poppler::image::format_bgr24);
  poppler::image img;
  try {
    img = renderer.render_page(page->get(), use_dpi, use_dpi);
  } catch (const std::exception& e) {
    return errors::UnreadableDocument("page " + std::to_string(number) +
                                      " could not be rendered: " + e.what());
  }
  if (!img.is_valid() || img.width() <= 0 || img.height() <= 0) {
    return errors::UnreadableDocument("page " + std::to_string(number) +
                                      " could not be rendered");
  }
  RasterImage out;
  out.width = img.width();
  out.height = img.height();
  out.channels = grey ? 1 : 3;
  out.dpi = use_dpi;
  const auto row_bytes = static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.channels);
  out.pixels.resize(row_bytes * static_cast<std::size_t>(out.height));
  const char* data = img.const_data();
  for (int y = 0; y < out.height; ++y) {
    const auto* src = reinterpret_cast<const std::uint8_t*>(data) +
                      static_cast<std::size_t>(y) * static_cast<std::size_t>(img.bytes_per_row());
    std::uint8_t* dst = out.pixels.data() + static_cast<std::size_t>(y) * row_bytes;
    if (grey) {
      std::copy(src, src + row_bytes, dst);
    } else {
      // bgr24 holds blue, green, red; RasterImage holds red, green, blue.
      for (int x = 0; x < out.width; ++x) {
        dst[3 * x] = src[3 * x + 2];
        dst[3 * x + 1] = src[3 * x + 1];
        dst[3 * x + 2] = src[3 * x];
      }
    }
  }
  return out;
}

std::optional<PdfAttachment> PdfDocument::InvoiceAttachment() const {
  if (!impl_->doc->has_embedded_files()) return std::nullopt;
  std::optional<PdfAttachment> other;
  try {
    for (poppler::embedded_file* file : impl_->doc->embedded_files()) {
      if (file == nullptr || !file->is_valid()) continue;
      const std::string name = PdfTextToUtf8(file->name());
      const std::string lower = Lower(name);
      const bool is_named = std::find(kInvoiceAttachmentNames.begin(),
                                      kInvoiceAttachmentNames.end(),
                                      lower) != kInvoiceAttachmentNames.end();
      // poppler-cpp truncates UTF-16 file names at their first zero byte, leaving only the
      // byte order mark; such attachments are judged by their MIME type and content.
      const bool maybe_xml = lower.ends_with(".xml") || lower.empty() ||
                             file->mime_type().find("xml") != std::string::npos;
      if (!maybe_xml || (other && !is_named)) continue;
      if (file->size() > kMaxAttachmentBytes) continue;
      const poppler::byte_array data = file->data();
      if (data.size() > static_cast<std::size_t>(kMaxAttachmentBytes)) continue;
      std::string text(data.begin(), data.end());
      if (domain::SniffMediaType(text) != "application/xml") continue;
      if (is_named) return PdfAttachment{name, std::move(text)};
      other = PdfAttachment{name, std::move(text)};
    }
  } catch (const std::exception&) {
    // A damaged attachment is treated as absent: the visible text is still read.
  }
  return other;
}

}  // namespace invoicer::extract
