#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/result.h"
#include "extract/templates/compiled_template.h"
#include "extract/templates/date_parser.h"
#include "extract/templates/value.h"

namespace invoicer::extract::templates {

// A template file made ready, with notes on the features of it that were left out.
struct LoadedTemplate {
  std::unique_ptr<CompiledTemplate> compiled;
  std::vector<std::string> notes;
};

// Turns invoice2data template files (YAML or JSON) into CompiledTemplates, as invoice2data's
// loader and InvoiceTemplate read them: keywords (a list or one), exclude_keywords, issuer
// (the first keyword when absent), priority (5), fields (parsers regex/static/lines and the
// legacy shorthands: a regex or a list, `static_`, `sum_amount`, date and amount names),
// options, required_fields, and the lines and tables plugins. Templates with equal date
// options share one DateParser. Used by one thread at a time. Errors: kInvalidInput with the
// reason a file cannot be used (unreadable, invalid YAML/JSON, not a mapping, no keywords, an
// invalid keyword regex or options.replace). A field, lines rule or table that cannot work
// (an invalid regex, a missing start/end/line/body) is left out with a note instead.
class TemplateLoader {
 public:
  [[nodiscard]] Result<LoadedTemplate> LoadFile(const std::string& path);
  // `name` identifies the template in messages (its file path).
  [[nodiscard]] Result<LoadedTemplate> LoadDocument(const Value& document, const std::string& name);

 private:
  friend class TemplateBuilder;
  [[nodiscard]] Result<std::shared_ptr<const DateParser>> Dates(
      const std::vector<std::string>& formats, const std::vector<std::string>& languages);

  // Shared by the templates with the same formats and languages; immutable once built.
  std::map<std::string, std::shared_ptr<const DateParser>> dates_;
};

}  // namespace invoicer::extract::templates
