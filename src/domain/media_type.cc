#include "domain/media_type.h"

#include <array>

namespace invoicer::domain {

namespace {

// A PDF may carry junk (a mail header, a BOM) before its header; readers accept the
// header within the first 1024 bytes, and so do we.
constexpr std::size_t kPdfHeaderWindow = 1024;
// The root start tag of an e-invoice carries many namespace declarations; a prolog
// (declaration, comments) plus root tag larger than this is not one we accept.
constexpr std::size_t kXmlPrologWindow = 64 * 1024;

struct EInvoiceRoot {
  std::string_view local_name;
  std::string_view namespace_uri;
};
constexpr std::array<EInvoiceRoot, 4> kEInvoiceRoots{{
    {"Invoice", "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"},
    {"CreditNote", "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"},
    {"CrossIndustryInvoice", "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"},
    {"CrossIndustryDocument", "urn:ferd:CrossIndustryDocument:invoice:1p0"},
}};

bool IsXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool IsNameChar(char c) {
  return c != '\0' && !IsXmlSpace(c) && c != '>' && c != '/' && c != '=' && c != '<' && c != '"' &&
         c != '\'' && c != '?' && c != '!';
}

// A tiny cursor over the prolog. Only what is needed to find the root element: no entity
// expansion, no DOCTYPE (a document with one is refused, which also keeps XXE-style
// payloads out of the extractors).
class XmlCursor {
 public:
  explicit XmlCursor(std::string_view text) : text_(text) {}

  bool AtEnd() const { return pos_ >= text_.size(); }
  bool StartsWith(std::string_view s) const { return text_.substr(pos_).starts_with(s); }
  void SkipSpace() {
    while (!AtEnd() && IsXmlSpace(text_[pos_])) ++pos_;
  }
  // Moves past the next `end`; false when it does not occur.
  bool SkipPast(std::string_view end) {
    const std::size_t at = text_.find(end, pos_);
    if (at == std::string_view::npos) return false;
    pos_ = at + end.size();
    return true;
  }
  std::string_view Name() {
    const std::size_t start = pos_;
    while (!AtEnd() && IsNameChar(text_[pos_])) ++pos_;
    return text_.substr(start, pos_ - start);
  }
  bool Consume(char c) {
    if (AtEnd() || text_[pos_] != c) return false;
    ++pos_;
    return true;
  }
  std::optional<std::string_view> QuotedValue() {
    if (AtEnd() || (text_[pos_] != '"' && text_[pos_] != '\'')) return std::nullopt;
    const char quote = text_[pos_++];
    const std::size_t end = text_.find(quote, pos_);
    if (end == std::string_view::npos) return std::nullopt;
    const std::string_view value = text_.substr(pos_, end - pos_);
    pos_ = end + 1;
    return value;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

// Skips the BOM, XML declaration, processing instructions, comments and white space.
// False when the prolog is malformed or holds a DOCTYPE.
bool SkipProlog(XmlCursor& cursor) {
  if (cursor.StartsWith("\xEF\xBB\xBF")) cursor.SkipPast("\xEF\xBB\xBF");
  while (true) {
    cursor.SkipSpace();
    if (cursor.StartsWith("<?")) {
      if (!cursor.SkipPast("?>")) return false;
    } else if (cursor.StartsWith("<!--")) {
      if (!cursor.SkipPast("-->")) return false;
    } else {
      return cursor.StartsWith("<") && !cursor.StartsWith("<!");
    }
  }
}

// Reads the root start tag: its qualified name and the namespace its prefix is bound to.
bool IsEInvoiceRoot(std::string_view text) {
  XmlCursor cursor(text.substr(0, kXmlPrologWindow));
  if (!SkipProlog(cursor) || !cursor.Consume('<')) return false;
  const std::string_view qname = cursor.Name();
  const std::size_t colon = qname.find(':');
  const std::string_view prefix =
      colon == std::string_view::npos ? std::string_view{} : qname.substr(0, colon);
  const std::string_view local = colon == std::string_view::npos ? qname : qname.substr(colon + 1);
  const std::string wanted_attr =
      prefix.empty() ? std::string("xmlns") : "xmlns:" + std::string(prefix);
  std::optional<std::string_view> namespace_uri;
  while (true) {
    cursor.SkipSpace();
    if (cursor.AtEnd()) return false;
    if (cursor.StartsWith(">") || cursor.StartsWith("/>")) break;
    const std::string_view attr = cursor.Name();
    if (attr.empty()) return false;
    cursor.SkipSpace();
    if (!cursor.Consume('=')) return false;
    cursor.SkipSpace();
    const auto value = cursor.QuotedValue();
    if (!value) return false;
    if (attr == wanted_attr) namespace_uri = *value;
  }
  if (!namespace_uri) return false;
  for (const auto& root : kEInvoiceRoots) {
    if (root.local_name == local && root.namespace_uri == *namespace_uri) return true;
  }
  return false;
}

}  // namespace

std::optional<std::string> SniffMediaType(std::string_view bytes) {
  if (bytes.starts_with("\x89PNG\r\n\x1A\n")) return "image/png";
  if (bytes.starts_with("\xFF\xD8\xFF")) return "image/jpeg";
  if (bytes.starts_with(std::string_view("II*\0", 4)) ||
      bytes.starts_with(std::string_view("MM\0*", 4))) {
    return "image/tiff";
  }
  if (bytes.substr(0, kPdfHeaderWindow).find("%PDF-") != std::string_view::npos) {
    return "application/pdf";
  }
  if (IsEInvoiceRoot(bytes)) return "application/xml";
  return std::nullopt;
}

std::string_view ExtensionFor(std::string_view media_type) {
  if (media_type == "application/pdf") return "pdf";
  if (media_type == "image/png") return "png";
  if (media_type == "image/jpeg") return "jpg";
  if (media_type == "image/tiff") return "tif";
  if (media_type == "application/xml") return "xml";
  return "bin";
}

}  // namespace invoicer::domain
