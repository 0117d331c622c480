#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/money.h"
#include "common/time.h"

namespace invoicer::extract::templates {

// A byte range of the document's original text that a value was read from.
struct TextSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// A value a template produced, in invoice2data's types: text, number (an exact Decimal, where
// Python has a float), date, boolean, null, list, or object (a line item row). Carries where
// it was read so the page and box can be found. A plain value type.
struct Value {
  enum class Kind { kNull, kText, kNumber, kDate, kBool, kList, kObject };

  Kind kind = Kind::kNull;
  std::string text;
  Decimal number;
  Date date;
  bool flag = false;
  std::vector<Value> items;                            // kList
  std::vector<std::pair<std::string, Value>> members;  // kObject, in insertion order
  std::vector<TextSpan> spans;                         // empty for static values
  bool ambiguous = false;  // a date read without a format whose day and month could swap

  Value();
  ~Value();
  Value(const Value&);
  Value(Value&&) noexcept;
  Value& operator=(const Value&);
  Value& operator=(Value&&) noexcept;

  static Value Text(std::string text, std::vector<TextSpan> spans = {});
  static Value Number(Decimal number, std::vector<TextSpan> spans = {});
  static Value DateOf(Date date, std::vector<TextSpan> spans = {});
  static Value Bool(bool flag);
  static Value List(std::vector<Value> items);
  static Value Object(std::vector<std::pair<std::string, Value>> members);

  // Python's truthiness: null, "", 0, false, [] and {} are false.
  bool Truthy() const;
  // The member of an object, or nullptr.
  const Value* Member(std::string_view name) const;
  Value* Member(std::string_view name);
  // Sets (or replaces, keeping its position) a member of an object, as a Python dict does.
  void Set(std::string name, Value value);
};

// Equality as Python compares the values (spans ignored; a number never equals a text).
bool SameValue(const Value& a, const Value& b);
// Python's `a < b` for two numbers, two dates or two texts; nullopt when they don't compare.
std::optional<bool> LessThan(const Value& a, const Value& b);

// invoice2data's parse_number: the decimal separator (at most once) marks the decimals; every
// other '.', ',', '\'' and white space is a thousands separator and dropped. Read straight into
// a Decimal. nullopt where Python's float() would fail ("12 EUR").
std::optional<Decimal> ParseNumber(std::string_view text, std::string_view decimal_separator);
// Python's int(): the number truncated toward zero.
Decimal TruncateToInteger(const Decimal& number);

}  // namespace invoicer::extract::templates
