#pragma once

#include <optional>
#include <string_view>

#include "common/result.h"
#include "extract/templates/prepared_text.h"
#include "extract/templates/template_def.h"
#include "extract/templates/value.h"

namespace invoicer::extract::templates {

class PreparedTexts;

// One loaded invoice2data template, ready to test against a document and to extract from it
// as invoice2data's InvoiceTemplate does (prepare_input, matches_input, extract). Owns its
// definition; immutable, so safe to use from many threads. Errors: a regex over the match
// limit -> kUnreadableDocument naming the template file and the field (details "template",
// "field").
class CompiledTemplate {
 public:
  explicit CompiledTemplate(TemplateDef def) : def_(std::move(def)) {}

  const TemplateDef& def() const { return def_; }

  // The text after the template's options (remove_whitespace, remove_accents, lowercase,
  // replace), located back to `raw`.
  [[nodiscard]] Result<PreparedText> Prepare(std::string_view raw) const;

  // All keywords found and no exclude_keywords found. A keyword counts when it is found in
  // the raw text (invoice2data 0.4+) or in the prepared text (earlier versions, which the
  // templates written for remove_whitespace rely on).
  [[nodiscard]] Result<bool> Matches(PreparedTexts& texts) const;

  // invoice2data's `extract`: the output object (issuer, every field found, currency, lines,
  // tables) with invoice2data's names and types; nullopt when a required field is missing.
  [[nodiscard]] Result<std::optional<Value>> Extract(const PreparedText& text) const;

 private:
  Error Named(Error error, std::string_view field) const;

  TemplateDef def_;
};

}  // namespace invoicer::extract::templates
