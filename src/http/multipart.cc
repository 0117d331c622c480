#include "http/multipart.h"

#include "http/header_values.h"
#include "http/message.h"

namespace invoicer::http {

namespace {

constexpr std::size_t kMaxParts = 32;
constexpr std::size_t kMaxPartHeaderBytes = 8 * 1024;
constexpr std::size_t kMaxBoundary = 70;  // RFC 2046

Error Malformed(std::string message) {
  return errors::BadRequest("malformed multipart body: " + std::move(message));
}

// Reads the part's header block (up to the empty line) into the part.
Status ParsePartHeaders(std::string_view block, MultipartPart& part) {
  bool has_disposition = false;
  while (!block.empty()) {
    const std::size_t eol = block.find("\r\n");
    const std::string_view line = block.substr(0, eol);
    block = eol == std::string_view::npos ? std::string_view{} : block.substr(eol + 2);
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) return Malformed("bad part header");
    const std::string_view name = line.substr(0, colon);
    const std::string_view value = line.substr(colon + 1);
    if (EqualsIgnoreCase(name, "Content-Disposition")) {
      const auto parsed = ParseHeaderValue(value);
      if (!parsed || parsed->value != "form-data") return Malformed("bad Content-Disposition");
      const auto field = parsed->Param("name");
      if (!field) return Malformed("a part has no name");
      part.name = std::string(*field);
      part.filename = parsed->Filename();
      has_disposition = true;
    } else if (EqualsIgnoreCase(name, "Content-Type")) {
      const auto parsed = ParseHeaderValue(value);
      if (!parsed) return Malformed("bad part Content-Type");
      part.content_type = parsed->value;
    }
  }
  if (!has_disposition) return Malformed("a part has no Content-Disposition");
  return {};
}

}  // namespace

Result<std::vector<MultipartPart>> ParseMultipart(std::string_view body,
                                                  std::string_view boundary) {
  if (boundary.empty() || boundary.size() > kMaxBoundary) return Malformed("bad boundary");
  const std::string delimiter = "--" + std::string(boundary);
  const std::string inner_delimiter = "\r\n" + delimiter;

  // The first delimiter opens the body or follows the preamble's CRLF.
  std::size_t pos = 0;
  if (!body.starts_with(delimiter)) {
    pos = body.find(inner_delimiter);
    if (pos == std::string_view::npos) return Malformed("no boundary delimiter");
    pos += 2;
  }
  std::vector<MultipartPart> parts;
  while (true) {
    pos += delimiter.size();
    if (body.substr(pos).starts_with("--")) return parts;  // closing delimiter
    while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t')) ++pos;
    if (!body.substr(pos).starts_with("\r\n")) return Malformed("bad delimiter line");
    pos += 2;
    if (parts.size() == kMaxParts) return Malformed("too many parts");

    MultipartPart part;
    if (body.substr(pos).starts_with("\r\n")) {
      pos += 2;  // no headers at all
    } else {
      const std::size_t headers_end = body.find("\r\n\r\n", pos);
      if (headers_end == std::string_view::npos || headers_end - pos > kMaxPartHeaderBytes) {
        return Malformed("part headers are unterminated or too long");
      }
      if (auto ok = ParsePartHeaders(body.substr(pos, headers_end - pos), part); !ok) {
        return std::move(ok).error();
      }
      pos = headers_end + 4;
    }
    const std::size_t end = body.find(inner_delimiter, pos);
    if (end == std::string_view::npos) return Malformed("the body is truncated");
    part.body = body.substr(pos, end - pos);
    if (part.name.empty()) return Malformed("a part has no Content-Disposition");
    parts.push_back(std::move(part));
    pos = end + 2;
  }
}

}  // namespace invoicer::http
