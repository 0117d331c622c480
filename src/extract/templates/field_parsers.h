#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "extract/templates/prepared_text.h"
#include "extract/templates/template_def.h"
#include "extract/templates/value.h"

namespace invoicer::extract::templates {

// The building blocks of invoice2data's field parsers (parsers/regex.py, parsers/static.py,
// the `type` and `group` settings). Stateless functions; errors are the regexes'
// match-limit errors, which the caller names with the template and field.

// invoice2data's coerce_type of a captured text: int and float through ParseNumber (an empty
// text is 0), date through the template's DateParser. A null Value where Python would get
// None or raise.
Value Coerce(const Value& captured, ValueType type, const TemplateOptions& options);

// invoice2data's `group` over the values of a field (falsy values dropped first); nullopt
// where Python would fail (a sum of texts, a min of a date and a number).
std::optional<Value> ApplyGrouping(std::vector<Value> values, Grouping group);

// Whether a parser's result is kept (`value or value == 0.0`).
bool IsSet(const Value& value);

// The `regex` parser: every match of every regex (findall), the field's replace, type and
// group, duplicates dropped; one value, or a list when several differ. nullopt when nothing
// matched or a matching regex has more than one capturing group.
[[nodiscard]] Result<std::optional<Value>> ParseRegexField(const RegexParser& parser,
                                                           const PreparedText& text,
                                                           const TemplateOptions& options);

// A text Value for prepared-text bytes [begin, end), located in the original text.
Value CapturedText(const PreparedText& text, std::size_t begin, std::size_t end);

}  // namespace invoicer::extract::templates
