#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "extract/templates/date_parser.h"
#include "extract/templates/regex.h"
#include "extract/templates/replacement.h"
#include "extract/templates/value.h"

namespace invoicer::extract::templates {

// The parsed form of one invoice2data template, as the loader builds it and the
// extraction reads it. Plain data; immutable once loaded.

enum class ValueType { kInt, kFloat, kDate };
enum class Grouping { kSum, kMin, kMax, kFirst, kLast, kJoin };

// One `re.sub(pattern, repl, ...)` step (options.replace, a field's replace).
struct Substitution {
  Regex pattern;
  Replacement replacement;
};

struct TemplateOptions {
  std::optional<std::string> currency;  // as the template states it; invoice2data defaults EUR
  std::string decimal_separator = ".";
  bool remove_whitespace = false;
  bool remove_accents = false;
  bool lowercase = false;
  std::vector<Substitution> replace;
  // Shared between the templates that have the same date_formats and languages.
  std::shared_ptr<const DateParser> dates;
  // Equal for templates whose input options prepare a text the same way.
  std::string prepare_key;
};

// `parser: regex`, and the legacy shorthand (a regex or a list of regexes as the field).
struct RegexParser {
  std::vector<Regex> regexes;
  std::optional<ValueType> type;
  std::optional<Grouping> group;
  std::vector<Substitution> replace;  // applied to each captured value
};

// `parser: static` and the legacy `static_` fields.
struct StaticParser {
  Value value;
  bool always = false;  // legacy `static_`: set even when the value is empty
};

// One set of line rules (`start`, `end`, `line`, `first_line`, `last_line`, `skip_line`).
struct LinesRule {
  Regex start;
  Regex end;
  Regex line_separator;
  std::vector<Regex> line;
  std::vector<Regex> first_line;  // empty: none given
  std::vector<Regex> last_line;
  std::vector<Regex> skip_line;
  std::vector<std::pair<std::string, ValueType>> types;
};

// `parser: lines` and the `lines` plugin: rows from one or more rule sets, concatenated.
struct LinesParser {
  std::vector<LinesRule> rules;
};

// One entry of the `tables` plugin.
struct TableRule {
  Regex start;
  Regex end;
  Regex body;
  Regex line_separator;
  std::vector<std::pair<std::string, ValueType>> types;
  std::vector<std::pair<std::string, Grouping>> groups;
};

struct FieldDef {
  std::string name;  // the output name (prefixes `static_` and `sum_` removed)
  std::variant<RegexParser, StaticParser, LinesParser> parser;
};

struct TemplateDef {
  std::string file;
  std::string issuer;
  int priority = 5;  // invoice2data's default
  std::vector<Regex> keywords;
  std::vector<Regex> exclude_keywords;
  std::vector<FieldDef> fields;
  std::optional<LinesParser> lines_plugin;
  std::vector<TableRule> tables;
  std::vector<std::string> required_fields;
  TemplateOptions options;
};

}  // namespace invoicer::extract::templates
