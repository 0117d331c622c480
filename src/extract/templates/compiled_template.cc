#include "extract/templates/compiled_template.h"

#include <algorithm>

#include "extract/templates/field_parsers.h"
#include "extract/templates/lines_parser.h"
#include "extract/templates/prepared_texts.h"

namespace invoicer::extract::templates {

namespace {

Result<bool> FoundIn(const Regex& keyword, std::string_view text) {
  auto found = keyword.Search(text, 0, Utf8::kTrusted);
  if (!found) return found.error();
  return found->has_value();
}

}  // namespace

Error CompiledTemplate::Named(Error error, std::string_view field) const {
  error.message = "template " + def_.file + ", " + std::string(field) + ": " + error.message;
  error.With("template", def_.file).With("field", std::string(field));
  return error;
}

Result<PreparedText> CompiledTemplate::Prepare(std::string_view raw) const {
  const TemplateOptions& o = def_.options;
  PreparedText text = PreparedText::Original(raw);
  if (o.remove_whitespace) text = text.RemoveSpaces();
  if (o.remove_accents) text = text.RemoveAccents();
  if (o.lowercase) text = text.Lowercase();
  for (const Substitution& s : o.replace) {
    auto replaced = text.Replace(s.pattern, s.replacement);
    if (!replaced) return Named(replaced.error(), "options.replace");
    if (*replaced) text = std::move(**replaced);
  }
  return text;
}

Result<bool> CompiledTemplate::Matches(PreparedTexts& texts) const {
  const TemplateOptions& o = def_.options;
  const bool transforms =
      o.remove_whitespace || o.remove_accents || o.lowercase || !o.replace.empty();
  auto found = [&](const Regex& keyword, std::string_view field) -> Result<bool> {
    auto in_raw = FoundIn(keyword, texts.raw());
    if (!in_raw) return Named(in_raw.error(), field);
    if (*in_raw || !transforms) return *in_raw;
    auto prepared = texts.For(*this);
    if (!prepared) return prepared.error();
    auto in_prepared = FoundIn(keyword, (*prepared)->text());
    if (!in_prepared) return Named(in_prepared.error(), field);
    return *in_prepared;
  };
  for (const Regex& keyword : def_.keywords) {
    auto f = found(keyword, "keywords");
    if (!f) return f.error();
    if (!*f) return false;
  }
  for (const Regex& keyword : def_.exclude_keywords) {
    auto f = found(keyword, "exclude_keywords");
    if (!f) return f.error();
    if (*f) return false;
  }
  return true;
}

Result<std::optional<Value>> CompiledTemplate::Extract(const PreparedText& text) const {
  const TemplateOptions& options = def_.options;
  Value output = Value::Object({});
  output.Set("issuer", Value::Text(def_.issuer));
  for (const FieldDef& field : def_.fields) {
    std::optional<Value> value;
    if (const auto* regex = std::get_if<RegexParser>(&field.parser)) {
      auto parsed = ParseRegexField(*regex, text, options);
      if (!parsed) return Named(parsed.error(), "field " + field.name);
      value = std::move(*parsed);
    } else if (const auto* fixed = std::get_if<StaticParser>(&field.parser)) {
      if (fixed->always || IsSet(fixed->value)) value = fixed->value;
    } else {
      auto rows = ParseLines(std::get<LinesParser>(field.parser), text, options);
      if (!rows) return Named(rows.error(), "field " + field.name);
      value = std::move(*rows);
    }
    if (value && (IsSet(*value) || std::holds_alternative<StaticParser>(field.parser))) {
      output.Set(field.name, std::move(*value));
    }
  }
  // invoice2data always reports the options' currency (EUR by default); a currency field is
  // kept when the template states no currency, so that the document's own currency wins over
  // the default.
  const Value* currency_field = output.Member("currency");
  if (options.currency || currency_field == nullptr) {
    output.Set("currency", Value::Text(options.currency.value_or("EUR")));
  }
  if (def_.lines_plugin) {
    auto rows = ParseLines(*def_.lines_plugin, text, options);
    if (!rows) return Named(rows.error(), "lines");
    if (rows->Truthy()) output.Set("lines", std::move(*rows));
  }
  if (auto s = ParseTables(def_.tables, text, options, output); !s) {
    return Named(s.error(), "tables");
  }
  for (const std::string& required : def_.required_fields) {
    if (output.Member(required) == nullptr) return std::optional<Value>();
  }
  return std::optional<Value>(std::move(output));
}

}  // namespace invoicer::extract::templates
