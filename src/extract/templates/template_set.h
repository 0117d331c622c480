#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/invoice.h"
#include "extract/document.h"

namespace invoicer::extract::templates {

// A template file that was not loaded (`loaded` false: invalid YAML/JSON, no keywords, an
// invalid keyword regex or options.replace), or that was loaded with something left out
// (`loaded` true, one entry each: a field's `area`, an unknown parser, a field or lines rule
// whose regex is invalid...). A file that loads cleanly has no entry.
struct LoadProblem {
  std::string file;
  std::string reason;
  bool loaded = false;
};

// What the best matching template extracted from a document.
struct TemplateMatch {
  std::string issuer;
  // Our field names (domain::AllFields), source kTemplate, with page and box located through
  // LayoutText::Locate where the value came from the text.
  domain::FieldMap fields;
  std::vector<domain::LineItem> line_items;
  // A JSON object with every template field that has no name of ours, in invoice2data's value
  // types: dates "YYYY-MM-DD", numbers as decimal strings, lines as arrays of objects.
  std::string extra_fields_json = "{}";
};

class CompiledTemplate;

// A set of issuer templates compatible with invoice2data (YAML or JSON files), compiled once
// and then matched against documents' layout text. The set owns its compiled templates;
// it is immutable after loading, so one instance may be used by many threads at once (each
// Match call uses its own PCRE2 match data). Loading never fails because of one bad file:
// invalid YAML, an invalid regex or an unsupported feature is recorded in problems() and the
// other files still load. Errors: LoadDirectory on a missing directory -> kInvalidInput;
// Match with a regex that exceeds the PCRE2 match limit -> kUnreadableDocument naming the
// template and the field in the message and in the details "template" and "field" (a
// catastrophic pattern fails fast, it never hangs); Match on text that is not UTF-8 ->
// kUnreadableDocument.
class TemplateSet {
 public:
  TemplateSet();
  ~TemplateSet();
  TemplateSet(TemplateSet&&) noexcept;
  TemplateSet& operator=(TemplateSet&&) noexcept;

  // Every .yml, .yaml and .json file under `dir`, recursively, in path order.
  [[nodiscard]] static Result<TemplateSet> LoadDirectory(const std::string& dir);
  [[nodiscard]] static Result<TemplateSet> LoadFiles(const std::vector<std::string>& files);

  const std::vector<LoadProblem>& problems() const { return problems_; }
  // The number of templates loaded (partly supported ones included); every file given is
  // either loaded or has a problem with `loaded` false.
  std::size_t size() const { return templates_.size(); }

  // The best matching template (all keywords present, no exclude_keywords present, highest
  // priority, then file order) applied to the text; nullopt when none matches or, as in
  // invoice2data, the matching template does not find its required fields.
  [[nodiscard]] Result<std::optional<TemplateMatch>> Match(const LayoutText& text) const;

 private:
  std::vector<std::unique_ptr<CompiledTemplate>> templates_;
  std::vector<LoadProblem> problems_;
};

}  // namespace invoicer::extract::templates
