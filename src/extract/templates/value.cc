#include "extract/templates/value.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace invoicer::extract::templates {

Value::Value() = default;
Value::~Value() = default;
Value::Value(const Value&) = default;
Value::Value(Value&&) noexcept = default;
Value& Value::operator=(const Value&) = default;
Value& Value::operator=(Value&&) noexcept = default;

Value Value::Text(std::string text, std::vector<TextSpan> spans) {
  Value v;
  v.kind = Kind::kText;
  v.text = std::move(text);
  v.spans = std::move(spans);
  return v;
}

Value Value::Number(Decimal number, std::vector<TextSpan> spans) {
  Value v;
  v.kind = Kind::kNumber;
  v.number = number;
  v.spans = std::move(spans);
  return v;
}

Value Value::DateOf(Date date, std::vector<TextSpan> spans) {
  Value v;
  v.kind = Kind::kDate;
  v.date = date;
  v.spans = std::move(spans);
  return v;
}

Value Value::Bool(bool flag) {
  Value v;
  v.kind = Kind::kBool;
  v.flag = flag;
  return v;
}

Value Value::List(std::vector<Value> items) {
  Value v;
  v.kind = Kind::kList;
  v.items = std::move(items);
  return v;
}

Value Value::Object(std::vector<std::pair<std::string, Value>> members) {
  Value v;
  v.kind = Kind::kObject;
  v.members = std::move(members);
  return v;
}

bool Value::Truthy() const {
  switch (kind) {
    case Kind::kNull:
      return false;
    case Kind::kText:
      return !text.empty();
    case Kind::kNumber:
      return !number.IsZero();
    case Kind::kDate:
      return true;
    case Kind::kBool:
      return flag;
    case Kind::kList:
      return !items.empty();
    case Kind::kObject:
      return !members.empty();
  }
  return false;
}

const Value* Value::Member(std::string_view name) const {
  for (const auto& [key, value] : members) {
    if (key == name) return &value;
  }
  return nullptr;
}

Value* Value::Member(std::string_view name) {
  for (auto& [key, value] : members) {
    if (key == name) return &value;
  }
  return nullptr;
}

void Value::Set(std::string name, Value value) {
  if (Value* existing = Member(name)) {
    *existing = std::move(value);
  } else {
    members.emplace_back(std::move(name), std::move(value));
  }
}

bool SameValue(const Value& a, const Value& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case Value::Kind::kNull:
      return true;
    case Value::Kind::kText:
      return a.text == b.text;
    case Value::Kind::kNumber:
      return a.number == b.number;
    case Value::Kind::kDate:
      return a.date == b.date;
    case Value::Kind::kBool:
      return a.flag == b.flag;
    case Value::Kind::kList:
      return std::equal(a.items.begin(), a.items.end(), b.items.begin(), b.items.end(), SameValue);
    case Value::Kind::kObject:
      return std::equal(a.members.begin(), a.members.end(), b.members.begin(), b.members.end(),
                        [](const auto& x, const auto& y) {
                          return x.first == y.first && SameValue(x.second, y.second);
                        });
  }
  return false;
}

std::optional<bool> LessThan(const Value& a, const Value& b) {
  if (a.kind != b.kind) return std::nullopt;
  switch (a.kind) {
    case Value::Kind::kNumber:
      return a.number < b.number;
    case Value::Kind::kDate:
      return a.date < b.date;
    case Value::Kind::kText:
      return a.text < b.text;  // UTF-8 byte order is code point order, as Python compares
    default:
      return std::nullopt;
  }
}

namespace {

// The length of a white-space character at `i` (Python's \s: ASCII and Unicode spaces), or 0.
std::size_t WhiteSpaceAt(std::string_view s, std::size_t i) {
  static constexpr std::array<std::string_view, 8> kUnicodeSpaces{
      "\xC2\xA0",      // no-break space
      "\xC2\x85",      // next line
      "\xE2\x80\xAF",  // narrow no-break space (French thousands)
      "\xE2\x81\x9F",  // medium mathematical space
      "\xE3\x80\x80",  // ideographic space
      "\xE1\x9A\x80",  // ogham space mark
      "\xE2\x80\xA8",  // line separator
      "\xE2\x80\xA9",  // paragraph separator
  };
  if (std::isspace(static_cast<unsigned char>(s[i])) != 0) return 1;
  // U+2000..U+200A, the typographic spaces.
  if (s.substr(i, 2) == "\xE2\x80" && i + 2 < s.size() &&
      static_cast<unsigned char>(s[i + 2]) >= 0x80 &&
      static_cast<unsigned char>(s[i + 2]) <= 0x8A) {
    return 3;
  }
  for (std::string_view space : kUnicodeSpaces) {
    if (s.substr(i, space.size()) == space) return space.size();
  }
  return 0;
}

bool AllDigits(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

}  // namespace

std::optional<Decimal> ParseNumber(std::string_view text, std::string_view decimal_separator) {
  if (decimal_separator.empty()) decimal_separator = ".";
  std::size_t separators = 0;
  for (std::size_t at = text.find(decimal_separator); at != std::string_view::npos;
       at = text.find(decimal_separator, at + decimal_separator.size())) {
    ++separators;
  }
  if (separators > 1) return std::nullopt;  // invoice2data asserts on this
  std::string kept;
  for (std::size_t i = 0; i < text.size();) {
    if (text.substr(i, decimal_separator.size()) == decimal_separator) {
      kept += '|';
      i += decimal_separator.size();
    } else if (text[i] == '.' || text[i] == ',' || text[i] == '\'') {
      ++i;
    } else if (const std::size_t space = WhiteSpaceAt(text, i); space > 0) {
      i += space;
    } else {
      kept += text[i++];
    }
  }
  // What Python's float() accepts of the rest: [sign] digits [. digits].
  std::string_view body(kept);
  bool negative = false;
  if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
    negative = body[0] == '-';
    body.remove_prefix(1);
  }
  const std::size_t bar = body.find('|');
  const std::string_view whole = body.substr(0, bar);
  const std::string_view fraction =
      bar == std::string_view::npos ? std::string_view() : body.substr(bar + 1);
  if ((whole.empty() && fraction.empty()) || !AllDigits(whole) || !AllDigits(fraction)) {
    return std::nullopt;
  }
  std::string canonical = negative ? "-" : "";
  canonical += whole.empty() ? "0" : std::string(whole);
  if (!fraction.empty()) canonical += "." + std::string(fraction);
  auto parsed = Decimal::Parse(canonical);
  if (!parsed) return std::nullopt;
  return *parsed;
}

Decimal TruncateToInteger(const Decimal& number) {
  std::string text = number.ToString();
  if (const std::size_t dot = text.find('.'); dot != std::string::npos) text.resize(dot);
  auto parsed = Decimal::Parse(text);
  return parsed ? *parsed : Decimal();
}

}  // namespace invoicer::extract::templates
