#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "extract/templates/template_def.h"
#include "extract/templates/value.h"

namespace invoicer::extract::templates {

// Reads a template file's YAML or JSON into a Value tree with the types Python would see:
// YAML plain scalars resolved as PyYAML's SafeLoader does (null, yes/no/true/false/on/off,
// integers, floats, dates, else text), quoted scalars and JSON strings as text, mappings as
// objects in file order (a repeated key replaces the earlier value, as in a Python dict).
// Every scalar also keeps its source text in `text` (a regex written as `regex: 94538` is
// still "94538"). Errors: kInvalidInput with the parser's message and position, and for
// documents nested or aliased beyond sane limits (alias bombs).
[[nodiscard]] Result<Value> ParseTemplateDocument(std::string_view content, bool json);

// Reading the tree the way invoice2data reads the Python objects:
// A scalar's text (a regex written as a number is still its text); nullopt for null, lists
// and mappings (and for a missing node, nullptr).
std::optional<std::string> ScalarText(const Value* v);
// One text or a list of texts, as invoice2data accepts almost everywhere.
std::vector<std::string> ScalarTexts(const Value* v);
// `type: int|float|date|datetime` and `group: sum|min|max|first|last|join`.
std::optional<ValueType> ValueTypeNamed(std::string_view name);
std::optional<Grouping> GroupingNamed(std::string_view name);
// A `replace` setting's [pattern, replacement] pairs: one pair, or a list of them (entries
// that are not pairs are not returned).
bool IsReplacePair(const Value& v);
std::vector<Value> ReplacePairs(const Value* v);

}  // namespace invoicer::extract::templates
