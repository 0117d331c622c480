#include "extract/templates/template_loader.h"

#include <fstream>
#include <sstream>

#include "extract/templates/template_document.h"

namespace invoicer::extract::templates {

namespace {

bool IsDateName(std::string_view name) {
  return name.starts_with("date") || name.ends_with("date");
}

}  // namespace

// Builds one TemplateDef from its document, collecting notes; the first error stops it.
class TemplateBuilder {
 public:
  TemplateBuilder(TemplateLoader& loader, std::string name) : loader_(loader) {
    def_.file = std::move(name);
  }

  Result<LoadedTemplate> Build(const Value& doc);

 private:
  Result<Regex> Compile(const std::string& pattern, std::string_view where) {
    auto regex = Regex::Compile(pattern);
    if (!regex) {
      return errors::BadRequest(std::string(where) + ": invalid regex /" + pattern +
                                "/: " + regex.error().message);
    }
    return regex;
  }
  Result<std::vector<Regex>> CompileAll(const Value* v, std::string_view where) {
    std::vector<Regex> out;
    for (const std::string& pattern : ScalarTexts(v)) {
      auto regex = Compile(pattern, where);
      if (!regex) return regex.error();
      out.push_back(std::move(*regex));
    }
    return out;
  }
  Result<std::vector<Substitution>> Substitutions(const Value* v, std::string_view where);
  Status Options(const Value* options);
  Status Field(const std::string& name, const Value& spec);
  Status RegexField(const std::string& name, const Value& spec, bool shorthand);
  Result<LinesParser> Lines(const Value& spec, std::string_view where);
  Result<LinesRule> LinesRuleOf(const Value& spec, std::string_view where);
  void Tables(const Value& tables);
  std::vector<std::pair<std::string, ValueType>> Types(const Value* types, std::string_view where);
  void Note(std::string note) { notes_.push_back(std::move(note)); }

  TemplateLoader& loader_;
  TemplateDef def_;
  std::vector<std::string> notes_;
};

Result<std::vector<Substitution>> TemplateBuilder::Substitutions(const Value* v,
                                                                 std::string_view where) {
  std::vector<Substitution> out;
  if (v == nullptr || v->kind != Value::Kind::kList) return out;
  const std::vector<Value> pairs = ReplacePairs(v);
  if (pairs.size() != (IsReplacePair(*v) ? 1U : v->items.size())) {
    return errors::BadRequest(std::string(where) +
                              ": each replace must be a [pattern, replacement] pair");
  }
  for (const Value& pair : pairs) {
    auto pattern = Compile(pair.items[0].text, where);
    if (!pattern) return pattern.error();
    auto repl = Replacement::Parse(pair.items[1].text, *pattern);
    if (!repl) {
      return errors::BadRequest(std::string(where) + ": invalid replacement '" +
                                pair.items[1].text + "': " + repl.error().message);
    }
    out.push_back(Substitution{std::move(*pattern), std::move(*repl)});
  }
  return out;
}

Status TemplateBuilder::Options(const Value* options) {
  TemplateOptions& o = def_.options;
  std::vector<std::string> formats;
  std::vector<std::string> languages;
  if (options != nullptr && options->kind == Value::Kind::kObject) {
    if (auto currency = ScalarText(options->Member("currency"))) o.currency = *currency;
    if (auto separator = ScalarText(options->Member("decimal_separator"))) {
      o.decimal_separator = *separator;
    }
    auto flag = [&](std::string_view key) {
      const Value* v = options->Member(key);
      return v != nullptr && v->Truthy();
    };
    o.remove_whitespace = flag("remove_whitespace");
    o.remove_accents = flag("remove_accents");
    o.lowercase = flag("lowercase");
    auto replace = Substitutions(options->Member("replace"), "options.replace");
    if (!replace) return replace.error();
    o.replace = std::move(*replace);
    o.prepare_key = std::string(o.remove_whitespace ? "w" : "-") + (o.remove_accents ? "a" : "-") +
                    (o.lowercase ? "l" : "-");
    for (const Value& pair : ReplacePairs(options->Member("replace"))) {
      o.prepare_key += '\x1e' + pair.items[0].text + '\x1f' + pair.items[1].text;
    }
    formats = ScalarTexts(options->Member("date_formats"));
    for (std::string& language : ScalarTexts(options->Member("languages"))) {
      if (language.size() == 2) {
        languages.push_back(std::move(language));
      } else {
        Note("options.languages: '" + language + "' is not a two-letter code; ignored");
      }
    }
  }
  auto dates = loader_.Dates(formats, languages);
  if (!dates) return dates.error();
  for (const std::string& format : (*dates)->ignored_formats()) {
    Note("options.date_formats: '" + format + "' is not a valid strptime format; ignored");
  }
  o.dates = std::move(*dates);
  return {};
}

std::vector<std::pair<std::string, ValueType>> TemplateBuilder::Types(const Value* types,
                                                                      std::string_view where) {
  std::vector<std::pair<std::string, ValueType>> out;
  if (types == nullptr || types->kind != Value::Kind::kObject) return out;
  for (const auto& [name, type] : types->members) {
    if (auto t = ValueTypeNamed(type.text)) {
      out.emplace_back(name, *t);
    } else {
      Note(std::string(where) + ": unknown type '" + type.text + "' for '" + name + "'; ignored");
    }
  }
  return out;
}

Result<LinesRule> TemplateBuilder::LinesRuleOf(const Value& spec, std::string_view where) {
  const std::string at(where);
  for (const char* required : {"start", "end", "line"}) {
    if (ScalarTexts(spec.Member(required)).empty()) {
      return errors::BadRequest(at + ": the '" + required + "' regex is missing");
    }
  }
  if (spec.Member("area") != nullptr) {
    Note(at + ": 'area' is not supported; the whole text is searched");
  }
  auto start = Compile(ScalarTexts(spec.Member("start")).front(), at + ".start");
  if (!start) return start.error();
  auto end = Compile(ScalarTexts(spec.Member("end")).front(), at + ".end");
  if (!end) return end.error();
  auto separator =
      Compile(ScalarText(spec.Member("line_separator")).value_or("\\n"), at + ".line_separator");
  if (!separator) return separator.error();
  LinesRule rule{std::move(*start), std::move(*end), std::move(*separator), {}, {}, {}, {}, {}};
  const std::pair<const char*, std::vector<Regex>*> lists[] = {{"line", &rule.line},
                                                               {"first_line", &rule.first_line},
                                                               {"last_line", &rule.last_line},
                                                               {"skip_line", &rule.skip_line}};
  for (const auto& [key, target] : lists) {
    auto regexes = CompileAll(spec.Member(key), at + "." + key);
    if (!regexes) return regexes.error();
    *target = std::move(*regexes);
  }
  rule.types = Types(spec.Member("types"), at + ".types");
  return rule;
}

Result<LinesParser> TemplateBuilder::Lines(const Value& spec, std::string_view where) {
  LinesParser parser;
  std::vector<const Value*> rules;
  if (spec.kind == Value::Kind::kList) {
    for (const Value& rule : spec.items) rules.push_back(&rule);
  } else if (const Value* listed = spec.Member("rules"); listed != nullptr) {
    for (const Value& rule : listed->items) rules.push_back(&rule);
  } else {
    rules.push_back(&spec);
  }
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const std::string at =
        rules.size() == 1 ? std::string(where) : std::string(where) + "[" + std::to_string(i) + "]";
    auto rule =
        rules[i]->kind == Value::Kind::kObject
            ? LinesRuleOf(*rules[i], at)
            : Result<LinesRule>(errors::BadRequest(at + ": a lines rule must be a mapping"));
    if (!rule && rules.size() == 1) return rule.error();
    if (!rule) {
      Note(rule.error().message + "; this rule is left out");
      continue;
    }
    parser.rules.push_back(std::move(*rule));
  }
  if (parser.rules.empty()) return errors::BadRequest(std::string(where) + ": no usable rules");
  return parser;
}

Status TemplateBuilder::RegexField(const std::string& name, const Value& spec, bool shorthand) {
  const std::string at = "field " + name;
  RegexParser parser;
  std::string out_name = name;
  if (shorthand) {
    // The legacy syntax types a field by its name.
    if (name.starts_with("sum_amount") && spec.kind == Value::Kind::kList) {
      out_name = name.substr(4);
      parser.type = ValueType::kFloat;
      parser.group = Grouping::kSum;
    } else if (IsDateName(name)) {
      parser.type = ValueType::kDate;
    } else if (name.starts_with("amount")) {
      parser.type = ValueType::kFloat;
    }
  } else {
    if (const Value* type = spec.Member("type")) {
      parser.type = ValueTypeNamed(type->text);
      if (!parser.type) Note(at + ": unknown type '" + type->text + "'; ignored");
    }
    if (const Value* group = spec.Member("group")) {
      parser.group = GroupingNamed(group->text);
      if (!parser.group) {
        Note(at + ": unsupported group '" + group->text + "'; invoice2data drops the field");
        return {};
      }
    }
    auto replace = Substitutions(spec.Member("replace"), at + ".replace");
    if (!replace) return replace.error();
    parser.replace = std::move(*replace);
  }
  auto regexes = CompileAll(shorthand ? &spec : spec.Member("regex"), at);
  if (!regexes) return regexes.error();
  for (const Regex& regex : *regexes) {
    if (regex.capture_count() > 1) {
      Note(at + ": /" + regex.pattern() + "/ has " + std::to_string(regex.capture_count()) +
           " capturing groups; invoice2data drops the field when it matches");
    }
  }
  parser.regexes = std::move(*regexes);
  def_.fields.push_back(FieldDef{out_name, std::move(parser)});
  return {};
}

Status TemplateBuilder::Field(const std::string& name, const Value& spec) {
  const std::string at = "field " + name;
  if (spec.kind != Value::Kind::kObject) {
    if (name.starts_with("static_")) {
      def_.fields.push_back(FieldDef{name.substr(7), StaticParser{spec, true}});
      return {};
    }
    return RegexField(name, spec, true);
  }
  if (spec.Member("area") != nullptr) {
    Note(at + ": 'area' is not supported; the whole text is searched");
  }
  const auto parser = ScalarText(spec.Member("parser"));
  if (!parser) {
    Note(at + ": no parser given; ignored, as invoice2data does");
    return {};
  }
  if (*parser == "regex") {
    if (spec.Member("regex") == nullptr) {
      Note(at + ": no regex given; ignored");
      return {};
    }
    return RegexField(name, spec, false);
  }
  if (*parser == "static") {
    const Value* value = spec.Member("value");
    if (value == nullptr) {
      Note(at + ": no static value given; ignored");
      return {};
    }
    def_.fields.push_back(FieldDef{name, StaticParser{*value, false}});
    return {};
  }
  if (*parser == "lines") {
    auto lines = Lines(spec, at);
    if (!lines) return lines.error();
    def_.fields.push_back(FieldDef{name, std::move(*lines)});
    return {};
  }
  Note(at + ": unknown parser '" + *parser + "'; ignored");
  return {};
}

void TemplateBuilder::Tables(const Value& tables) {
  std::vector<const Value*> entries;
  if (tables.kind == Value::Kind::kList) {
    for (const Value& t : tables.items) entries.push_back(&t);
  } else {
    entries.push_back(&tables);
  }
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Value& t = *entries[i];
    const std::string at = "tables[" + std::to_string(i) + "]";
    std::vector<Regex> parts;
    for (const char* key : {"start", "end", "body", "line_separator"}) {
      const auto pattern = key == std::string_view("line_separator")
                               ? ScalarText(t.Member(key)).value_or("\\n")
                               : ScalarText(t.Member(key));
      auto regex =
          pattern ? Compile(*pattern, at + "." + key)
                  : Result<Regex>(errors::BadRequest(at + ": the '" + key + "' regex is missing"));
      if (!regex) {
        Note(regex.error().message + "; this table is left out");
        break;
      }
      parts.push_back(std::move(*regex));
    }
    if (parts.size() != 4) continue;
    TableRule rule{std::move(parts[0]),
                   std::move(parts[1]),
                   std::move(parts[2]),
                   std::move(parts[3]),
                   Types(t.Member("types"), at + ".types"),
                   {}};
    if (const Value* fields = t.Member("fields"); fields != nullptr) {
      for (const auto& [name, settings] : fields->members) {
        if (auto type = ValueTypeNamed(ScalarText(settings.Member("type")).value_or(""))) {
          rule.types.emplace_back(name, *type);
        }
        if (auto group = GroupingNamed(ScalarText(settings.Member("group")).value_or(""))) {
          rule.groups.emplace_back(name, *group);
        }
      }
    }
    def_.tables.push_back(std::move(rule));
  }
}

Result<LoadedTemplate> TemplateBuilder::Build(const Value& doc) {
  if (doc.kind != Value::Kind::kObject) {
    return errors::BadRequest("the template is not a mapping");
  }
  const std::vector<std::string> keywords = ScalarTexts(doc.Member("keywords"));
  if (keywords.empty()) return errors::BadRequest("the template has no keywords");
  auto compiled_keywords = CompileAll(doc.Member("keywords"), "keywords");
  if (!compiled_keywords) return compiled_keywords.error();
  def_.keywords = std::move(*compiled_keywords);
  auto excluded = CompileAll(doc.Member("exclude_keywords"), "exclude_keywords");
  if (!excluded) return excluded.error();
  def_.exclude_keywords = std::move(*excluded);
  def_.issuer = ScalarText(doc.Member("issuer")).value_or(keywords.front());
  if (const Value* priority = doc.Member("priority"); priority != nullptr) {
    if (priority->kind == Value::Kind::kNumber) {
      def_.priority = static_cast<int>(TruncateToInteger(priority->number).units());
    } else {
      Note("priority '" + priority->text + "' is not a number; 5 is used");
    }
  }
  if (auto s = Options(doc.Member("options")); !s) return s.error();
  // A field that cannot work (an invalid regex, a lines rule without its end) is left out
  // with a note; invoice2data would fail on it each time the template is used.
  if (const Value* fields = doc.Member("fields"); fields != nullptr) {
    for (const auto& [name, spec] : fields->members) {
      if (auto s = Field(name, spec); !s) Note(s.error().message + "; the field is left out");
    }
  }
  if (const Value* lines = doc.Member("lines"); lines != nullptr) {
    auto parser = Lines(*lines, "lines");
    if (parser) {
      def_.lines_plugin = std::move(*parser);
    } else {
      Note(parser.error().message + "; the lines plugin is left out");
    }
  }
  if (const Value* tables = doc.Member("tables"); tables != nullptr) Tables(*tables);
  if (doc.Member("camelot") != nullptr) {
    Note("the camelot plugin (PDF table detection) is not supported; ignored");
  }
  if (const Value* required = doc.Member("required_fields"); required != nullptr) {
    def_.required_fields = ScalarTexts(required);
  } else {
    def_.required_fields = {"date", "amount", "invoice_number", "issuer"};
  }
  return LoadedTemplate{std::make_unique<CompiledTemplate>(std::move(def_)), std::move(notes_)};
}

Result<std::shared_ptr<const DateParser>> TemplateLoader::Dates(
    const std::vector<std::string>& formats, const std::vector<std::string>& languages) {
  std::string key;
  for (const std::string& f : formats) key += f + '\x1f';
  key += '\x1e';
  for (const std::string& l : languages) key += l + '\x1f';
  if (auto it = dates_.find(key); it != dates_.end()) return it->second;
  auto parser = DateParser::Create(formats, languages);
  if (!parser) return parser.error();
  auto shared = std::make_shared<const DateParser>(std::move(*parser));
  dates_.emplace(std::move(key), shared);
  return std::shared_ptr<const DateParser>(std::move(shared));
}

Result<LoadedTemplate> TemplateLoader::LoadDocument(const Value& document,
                                                    const std::string& name) {
  return TemplateBuilder(*this, name).Build(document);
}

Result<LoadedTemplate> TemplateLoader::LoadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return errors::BadRequest("cannot read the file");
  std::ostringstream content;
  content << in.rdbuf();
  const bool json = path.size() >= 5 && path.compare(path.size() - 5, 5, ".json") == 0;
  auto document = ParseTemplateDocument(content.str(), json);
  if (!document) return document.error();
  return LoadDocument(*document, path);
}

}  // namespace invoicer::extract::templates
