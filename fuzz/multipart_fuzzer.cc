// Fuzzes the HTTP upload path's parsers (src/http): the input's first line is a Content-Type
// header value and the rest is the body, parsed as the upload handler does (ParseHeaderValue,
// the boundary parameter, ParseMultipart, each part's file name). The first line also goes
// through the other header and URL parsers (If-Match, Authorization, query strings, percent
// escapes). Parts must borrow from the body; a file name must survive the Content-Disposition
// the document download sends back.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "http/header_values.h"
#include "http/multipart.h"
#include "http/url.h"

namespace http = invoicer::http;

namespace {

bool Within(std::string_view inner, std::string_view outer) {
  const std::less_equal<const char*> le;
  return inner.empty() ||
         (le(outer.data(), inner.data()) && le(inner.data() + inner.size(), outer.data() + outer.size()));
}

void CheckDownloadName(const std::string& filename) {
  if (filename.find('\0') != std::string::npos) return;  // PercentDecode refuses a NUL byte
  const auto disposition = http::ParseHeaderValue(http::AttachmentDisposition(filename));
  FUZZ_CHECK(disposition.has_value());
  FUZZ_CHECK(disposition->Filename() == filename);
}

void Upload(std::string_view content_type, std::string_view body) {
  const auto type = http::ParseHeaderValue(content_type);
  if (!type) return;
  if (const auto name = type->Filename()) CheckDownloadName(*name);
  const auto boundary = type->Param("boundary");
  if (!boundary) return;
  auto parts = http::ParseMultipart(body, *boundary);
  if (!parts) return;
  FUZZ_CHECK(parts->size() <= 32);
  for (const http::MultipartPart& part : *parts) {
    FUZZ_CHECK(Within(part.body, body));
    if (part.filename) CheckDownloadName(*part.filename);
  }
}

void OtherHeaders(std::string_view line) {
  (void)http::ParseIfMatch(line);
  (void)http::BearerToken(line);
  (void)http::QueryParams::Parse(line);
  // A raw NUL byte passes PercentDecode; only an escaped one (%00) is refused.
  const auto decoded = http::PercentDecode(line, true);
  if (decoded && decoded->find('\0') == std::string::npos) {
    FUZZ_CHECK(http::PercentDecode(http::PercentEncode(*decoded)) == *decoded);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t eol = input.find('\n');
  const std::string_view header = input.substr(0, eol);
  const std::string_view body = eol == std::string_view::npos ? std::string_view{} : input.substr(eol + 1);
  Upload(header, body);
  OtherHeaders(header);
  return 0;
}
