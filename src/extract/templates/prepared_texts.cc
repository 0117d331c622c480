#include "extract/templates/prepared_texts.h"

namespace invoicer::extract::templates {

Result<const PreparedText*> PreparedTexts::For(const CompiledTemplate& compiled) {
  const std::string& key = compiled.def().options.prepare_key;
  if (auto it = by_options_.find(key); it != by_options_.end()) return &it->second;
  auto prepared = compiled.Prepare(raw_);
  if (!prepared) return prepared.error();
  return &by_options_.emplace(key, std::move(*prepared)).first->second;
}

}  // namespace invoicer::extract::templates
