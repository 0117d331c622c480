#include "extract/templates/field_parsers.h"

#include <cctype>

namespace invoicer::extract::templates {

namespace {

std::string Stripped(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) {
    text.remove_suffix(1);
  }
  return std::string(text);
}

std::vector<TextSpan> AllSpans(const std::vector<Value>& values) {
  std::vector<TextSpan> spans;
  for (const Value& v : values) spans.insert(spans.end(), v.spans.begin(), v.spans.end());
  return spans;
}

// Python's str() of a value, as `join` writes it.
std::string Str(const Value& v) {
  switch (v.kind) {
    case Value::Kind::kText:
      return v.text;
    case Value::Kind::kNumber:
      return v.number.ToString();
    case Value::Kind::kDate:
      return v.date.ToString();
    case Value::Kind::kBool:
      return v.flag ? "True" : "False";
    default:
      return "None";
  }
}

}  // namespace

Value CapturedText(const PreparedText& text, std::size_t begin, std::size_t end) {
  const auto [from, to] = text.ToOriginal(begin, end);
  return Value::Text(std::string(text.text().substr(begin, end - begin)), {TextSpan{from, to}});
}

Value Coerce(const Value& captured, ValueType type, const TemplateOptions& options) {
  if (captured.kind != Value::Kind::kText) return captured;
  if (type == ValueType::kDate) {
    const auto parsed = options.dates->Parse(captured.text);
    if (!parsed) return Value{};
    Value date = Value::DateOf(parsed->date, captured.spans);
    date.ambiguous = parsed->ambiguous;
    return date;
  }
  if (Stripped(captured.text).empty()) return Value::Number(Decimal(), captured.spans);
  const auto number = ParseNumber(captured.text, options.decimal_separator);
  if (!number) return Value{};
  return Value::Number(type == ValueType::kInt ? TruncateToInteger(*number) : *number,
                       captured.spans);
}

bool IsSet(const Value& value) {
  return value.Truthy() || value.kind == Value::Kind::kNumber || value.kind == Value::Kind::kBool;
}

std::optional<Value> ApplyGrouping(std::vector<Value> values, Grouping group) {
  std::erase_if(values, [](const Value& v) { return !v.Truthy(); });
  if (values.empty()) return Value::List({});
  switch (group) {
    case Grouping::kFirst:
      return values.front();
    case Grouping::kLast:
      return values.back();
    case Grouping::kJoin: {
      std::string joined;
      for (const Value& v : values) joined += (joined.empty() ? "" : " ") + Str(v);
      return Value::Text(std::move(joined), AllSpans(values));
    }
    case Grouping::kSum: {
      Decimal sum;
      for (const Value& v : values) {
        if (v.kind != Value::Kind::kNumber) return std::nullopt;
        auto next = sum.Add(v.number);
        if (!next) return std::nullopt;
        sum = *next;
      }
      return Value::Number(sum, AllSpans(values));
    }
    case Grouping::kMin:
    case Grouping::kMax: {
      std::size_t best = 0;
      for (std::size_t i = 1; i < values.size(); ++i) {
        const auto less = group == Grouping::kMin ? LessThan(values[i], values[best])
                                                  : LessThan(values[best], values[i]);
        if (!less) return std::nullopt;
        if (*less) best = i;
      }
      return values[best];
    }
  }
  return std::nullopt;
}

Result<std::optional<Value>> ParseRegexField(const RegexParser& parser, const PreparedText& text,
                                             const TemplateOptions& options) {
  std::vector<Value> found;
  for (const Regex& regex : parser.regexes) {
    bool several_groups = false;
    auto status = regex.ForEachMatch(
        text.text(),
        [&](const Captures& groups) {
          if (regex.capture_count() > 1) {
            several_groups = true;  // findall gives tuples; invoice2data gives up on the field
            return false;
          }
          const Capture& c = groups[regex.capture_count() == 1 ? 1 : 0];
          found.push_back(c.matched ? CapturedText(text, c.begin, c.end) : Value::Text("", {}));
          return true;
        },
        Utf8::kTrusted);
    if (!status) return status.error();
    if (several_groups) return std::optional<Value>();
  }
  for (Value& value : found) {
    for (const Substitution& s : parser.replace) {
      const PreparedText captured = PreparedText::Original(value.text);
      auto replaced = captured.Replace(s.pattern, s.replacement);
      if (!replaced) return replaced.error();
      if (*replaced) value.text = std::string((*replaced)->text());
    }
    if (parser.type) value = Coerce(value, *parser.type, options);
  }
  std::optional<Value> grouped;
  if (parser.group) {
    grouped = ApplyGrouping(std::move(found), *parser.group);
    if (!grouped) return std::optional<Value>();
    if (grouped->kind != Value::Kind::kList) return grouped;
    found = std::move(grouped->items);
  }
  std::vector<Value> unique;
  for (Value& value : found) {
    const bool seen = std::any_of(unique.begin(), unique.end(),
                                  [&](const Value& u) { return SameValue(u, value); });
    if (!seen) unique.push_back(std::move(value));
  }
  if (unique.empty()) return std::optional<Value>();
  if (unique.size() == 1) return std::optional<Value>(std::move(unique.front()));
  return std::optional<Value>(Value::List(std::move(unique)));
}

}  // namespace invoicer::extract::templates
