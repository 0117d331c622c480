#include "http/header_values.h"

#include <charconv>

#include "http/message.h"
#include "http/url.h"

namespace invoicer::http {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// RFC 8187 ext-value: charset'language'percent-encoded; only UTF-8 is accepted.
std::optional<std::string> DecodeExtValue(std::string_view text) {
  const std::size_t first = text.find('\'');
  if (first == std::string_view::npos) return std::nullopt;
  const std::size_t second = text.find('\'', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  if (Lower(text.substr(0, first)) != "utf-8") return std::nullopt;
  return PercentDecode(text.substr(second + 1));
}

}  // namespace

std::optional<std::string_view> HeaderValue::Param(std::string_view name) const {
  for (const auto& [key, value] : params) {
    if (key == name) return std::string_view(value);
  }
  return std::nullopt;
}

std::optional<std::string> HeaderValue::Filename() const {
  if (const auto ext = Param("filename*")) {
    if (auto decoded = DecodeExtValue(*ext)) return decoded;
  }
  if (const auto plain = Param("filename")) return std::string(*plain);
  return std::nullopt;
}

std::optional<HeaderValue> ParseHeaderValue(std::string_view text) {
  HeaderValue out;
  const std::size_t semi = text.find(';');
  out.value = Lower(Trim(text.substr(0, semi)));
  std::size_t i = semi == std::string_view::npos ? text.size() : semi;
  while (i < text.size()) {
    while (i < text.size() && (IsSpace(text[i]) || text[i] == ';')) ++i;
    if (i >= text.size()) break;
    const std::size_t name_start = i;
    while (i < text.size() && text[i] != '=' && text[i] != ';') ++i;
    std::string name = Lower(Trim(text.substr(name_start, i - name_start)));
    std::string value;
    if (i < text.size() && text[i] == '=') {
      ++i;
      while (i < text.size() && IsSpace(text[i])) ++i;
      if (i < text.size() && text[i] == '"') {
        ++i;
        bool closed = false;
        while (i < text.size()) {
          const char c = text[i++];
          if (c == '"') {
            closed = true;
            break;
          }
          if (c == '\\' && i < text.size()) {
            value.push_back(text[i++]);
          } else {
            value.push_back(c);
          }
        }
        if (!closed) return std::nullopt;
      } else {
        const std::size_t value_start = i;
        while (i < text.size() && text[i] != ';') ++i;
        value = std::string(Trim(text.substr(value_start, i - value_start)));
      }
    }
    if (!name.empty()) out.params.emplace_back(std::move(name), std::move(value));
  }
  return out;
}

std::optional<std::string_view> BearerToken(std::string_view authorization) {
  authorization = Trim(authorization);
  constexpr std::string_view kScheme = "bearer";
  if (authorization.size() <= kScheme.size() ||
      !EqualsIgnoreCase(authorization.substr(0, kScheme.size()), kScheme) ||
      !IsSpace(authorization[kScheme.size()])) {
    return std::nullopt;
  }
  const std::string_view token = Trim(authorization.substr(kScheme.size()));
  if (token.empty() || token.find_first_of(" \t") != std::string_view::npos) return std::nullopt;
  return token;
}

Result<std::optional<std::int64_t>> ParseIfMatch(std::optional<std::string_view> header) {
  if (!header) return std::optional<std::int64_t>();
  std::string_view tag = Trim(*header);
  if (tag.size() >= 2 && tag.front() == '"' && tag.back() == '"') {
    tag = tag.substr(1, tag.size() - 2);
  }
  std::int64_t version = 0;
  const auto [end, ec] = std::from_chars(tag.data(), tag.data() + tag.size(), version);
  if (tag.empty() || ec != std::errc() || end != tag.data() + tag.size() || version < 1) {
    return errors::BadRequest("If-Match must be the record's ETag, like \"3\"")
        .With("parameter", std::string("If-Match"));
  }
  return std::optional<std::int64_t>(version);
}

std::string AttachmentDisposition(std::string_view filename) {
  std::string fallback;
  for (const char c : filename) {
    const auto byte = static_cast<unsigned char>(c);
    fallback.push_back(byte < 0x20 || byte >= 0x7F || c == '"' || c == '\\' ? '_' : c);
  }
  return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + PercentEncode(filename);
}

}  // namespace invoicer::http
