#include "test_files.h"

#include <fstream>
#include <sstream>

namespace invoicer::extract::testing {

namespace {

std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '(' || c == ')' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string Num(double v) {
  std::ostringstream ss;
  ss << v;
  return ss.str();
}

// Collects numbered objects and writes them with a correct xref table.
class PdfWriter {
 public:
  int Reserve() {
    objects_.emplace_back();
    return static_cast<int>(objects_.size());
  }
  void Set(int id, std::string body) { objects_[static_cast<std::size_t>(id - 1)] = std::move(body); }
  int Add(std::string body) {
    const int id = Reserve();
    Set(id, std::move(body));
    return id;
  }
  static std::string Stream(const std::string& dict_extra, const std::string& data) {
    return "<< /Length " + std::to_string(data.size()) + dict_extra + " >>\nstream\n" + data +
           "\nendstream";
  }
  std::string Finish(int root) const {
    std::string out = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects_.size(); ++i) {
      offsets.push_back(out.size());
      out += std::to_string(i + 1) + " 0 obj\n" + objects_[i] + "\nendobj\n";
    }
    const std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects_.size() + 1) + "\n0000000000 65535 f \n";
    for (std::size_t off : offsets) {
      char line[21];
      std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
      out += line;
    }
    out += "trailer\n<< /Size " + std::to_string(objects_.size() + 1) + " /Root " +
           std::to_string(root) + " 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return out;
  }

 private:
  std::vector<std::string> objects_;
};

std::string ContentOf(const PdfPage& page) {
  std::string c;
  for (const PdfText& t : page.texts) {
    c += "BT /F1 " + Num(t.size) + " Tf " + Num(t.x) + " " + Num(page.height - t.y - t.size) +
         " Td (" + Escape(t.text) + ") Tj ET\n";
  }
  return c;
}

constexpr const char* kFont = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                              "/Encoding /WinAnsiEncoding >>";

void Put16(std::string& s, std::uint16_t v) {
  s += static_cast<char>(v & 0xFF);
  s += static_cast<char>(v >> 8);
}
void Put32(std::string& s, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) s += static_cast<char>((v >> (8 * i)) & 0xFF);
}

std::uint32_t Crc32(const std::string& data) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (char ch : data) {
    crc ^= static_cast<std::uint8_t>(ch);
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

}  // namespace

std::string MakePdf(const std::vector<PdfPage>& pages,
                    const std::vector<PdfAttachmentSpec>& attachments) {
  PdfWriter w;
  const int catalog = w.Reserve();
  const int tree = w.Reserve();
  const int font = w.Add(kFont);
  std::string kids;
  for (const PdfPage& page : pages) {
    const int content = w.Add(PdfWriter::Stream("", ContentOf(page)));
    const int id = w.Add("<< /Type /Page /Parent " + std::to_string(tree) +
                         " 0 R /MediaBox [0 0 " + Num(page.width) + " " + Num(page.height) +
                         "] /Resources << /Font << /F1 " + std::to_string(font) +
                         " 0 R >> >> /Contents " + std::to_string(content) + " 0 R >>");
    kids += std::to_string(id) + " 0 R ";
  }
  w.Set(tree, "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) +
                  " >>");
  std::string names;
  for (const PdfAttachmentSpec& a : attachments) {
    std::string subtype;
    for (char c : a.mime) subtype += c == '/' ? std::string("#2F") : std::string(1, c);
    const int file = w.Add(PdfWriter::Stream(" /Type /EmbeddedFile /Subtype /" + subtype, a.data));
    const int spec = w.Add("<< /Type /Filespec /F (" + Escape(a.name) + ") /UF (" +
                           Escape(a.name) + ") /EF << /F " + std::to_string(file) + " 0 R >> >>");
    names += "(" + Escape(a.name) + ") " + std::to_string(spec) + " 0 R ";
  }
  std::string catalog_body = "<< /Type /Catalog /Pages " + std::to_string(tree) + " 0 R";
  if (!names.empty()) catalog_body += " /Names << /EmbeddedFiles << /Names [" + names + "] >> >>";
  w.Set(catalog, catalog_body + " >>");
  return w.Finish(catalog);
}

std::string MakePdfWithPages(int count, const std::string& text) {
  PdfWriter w;
  const int catalog = w.Reserve();
  const int tree = w.Reserve();
  const int font = w.Add(kFont);
  PdfPage page;
  page.texts.push_back({72, 72, 12, text});
  const int content = w.Add(PdfWriter::Stream("", ContentOf(page)));
  std::string kids;
  for (int i = 0; i < count; ++i) {
    const int id = w.Add("<< /Type /Page /Parent " + std::to_string(tree) +
                         " 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 " +
                         std::to_string(font) + " 0 R >> >> /Contents " +
                         std::to_string(content) + " 0 R >>");
    kids += std::to_string(id) + " 0 R ";
  }
  w.Set(tree, "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(count) + " >>");
  w.Set(catalog, "<< /Type /Catalog /Pages " + std::to_string(tree) + " 0 R >>");
  return w.Finish(catalog);
}

std::string MakeZeroPagePdf() {
  PdfWriter w;
  const int catalog = w.Reserve();
  const int tree = w.Add("<< /Type /Pages /Kids [] /Count 0 >>");
  w.Set(catalog, "<< /Type /Catalog /Pages " + std::to_string(tree) + " 0 R >>");
  return w.Finish(catalog);
}

std::string MakeScannedPdf(const GreyPicture& picture, double width, double height) {
  PdfWriter w;
  const int catalog = w.Reserve();
  const int tree = w.Reserve();
  const int image = w.Add(PdfWriter::Stream(
      " /Type /XObject /Subtype /Image /Width " + std::to_string(picture.width) + " /Height " +
          std::to_string(picture.height) + " /ColorSpace /DeviceGray /BitsPerComponent 8",
      std::string(picture.pixels.begin(), picture.pixels.end())));
  const int content = w.Add(
      PdfWriter::Stream("", "q " + Num(width) + " 0 0 " + Num(height) + " 0 0 cm /Im1 Do Q\n"));
  const int page = w.Add("<< /Type /Page /Parent " + std::to_string(tree) +
                         " 0 R /MediaBox [0 0 " + Num(width) + " " + Num(height) +
                         "] /Resources << /XObject << /Im1 " + std::to_string(image) +
                         " 0 R >> >> /Contents " + std::to_string(content) + " 0 R >>");
  w.Set(tree, "<< /Type /Pages /Kids [" + std::to_string(page) + " 0 R] /Count 1 >>");
  w.Set(catalog, "<< /Type /Catalog /Pages " + std::to_string(tree) + " 0 R >>");
  return w.Finish(catalog);
}

std::string MakeTiff(const std::vector<GreyPicture>& frames) {
  // Layout: the header, then per frame its pixel strip (padded to even) and its IFD of nine
  // LONG entries, each IFD pointing at the next one.
  constexpr std::uint32_t kIfdBytes = 2 + 9 * 12 + 4;
  std::vector<std::uint32_t> strips;
  std::vector<std::uint32_t> ifds;
  std::uint32_t offset = 8;
  for (const GreyPicture& p : frames) {
    strips.push_back(offset);
    offset += static_cast<std::uint32_t>(p.pixels.size() + p.pixels.size() % 2);
    ifds.push_back(offset);
    offset += kIfdBytes;
  }
  std::string out = "II";
  Put16(out, 42);
  Put32(out, ifds.empty() ? 0 : ifds.front());
  for (std::size_t f = 0; f < frames.size(); ++f) {
    const GreyPicture& p = frames[f];
    out.append(p.pixels.begin(), p.pixels.end());
    if (p.pixels.size() % 2 != 0) out += '\0';
    const std::pair<std::uint16_t, std::uint32_t> tags[] = {
        {256, static_cast<std::uint32_t>(p.width)}, {257, static_cast<std::uint32_t>(p.height)},
        {258, 8}, {259, 1}, {262, 1}, {273, strips[f]}, {277, 1},
        {278, static_cast<std::uint32_t>(p.height)},
        {279, static_cast<std::uint32_t>(p.pixels.size())}};
    Put16(out, static_cast<std::uint16_t>(std::size(tags)));
    for (const auto& [tag, value] : tags) {
      Put16(out, tag);
      Put16(out, 4);  // LONG
      Put32(out, 1);
      Put32(out, value);
    }
    Put32(out, f + 1 < frames.size() ? ifds[f + 1] : 0);
  }
  return out;
}

std::string WithPngSize(std::string png, std::uint32_t width, std::uint32_t height) {
  // Signature (8), chunk length (4), "IHDR" (4), width (4), height (4), ... CRC over type+data.
  auto put_be = [&png](std::size_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) png[at + static_cast<std::size_t>(i)] = static_cast<char>((v >> (24 - 8 * i)) & 0xFF);
  };
  put_be(16, width);
  put_be(20, height);
  put_be(29, Crc32(png.substr(12, 17)));
  return png;
}

std::string ReadFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace invoicer::extract::testing
