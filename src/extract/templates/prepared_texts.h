#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "common/result.h"
#include "extract/templates/compiled_template.h"
#include "extract/templates/prepared_text.h"

namespace invoicer::extract::templates {

// The prepared texts of one document, one per distinct set of input options, so that the
// templates sharing options (many do) prepare the document once. Lives for one Match call;
// not thread-safe. Errors: the preparing template's replace regex over the match limit.
class PreparedTexts {
 public:
  explicit PreparedTexts(std::string_view raw) : raw_(raw) {}
  std::string_view raw() const { return raw_; }
  [[nodiscard]] Result<const PreparedText*> For(const CompiledTemplate& compiled);

 private:
  std::string_view raw_;
  std::map<std::string, PreparedText, std::less<>> by_options_;
};

}  // namespace invoicer::extract::templates
