#include "extract/templates/template_set.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "extract/templates/compiled_template.h"
#include "extract/templates/match_mapper.h"
#include "extract/templates/prepared_texts.h"
#include "extract/templates/template_loader.h"

namespace invoicer::extract::templates {

namespace {

bool IsTemplateFile(const std::filesystem::path& path) {
  const std::string ext = path.extension().string();
  return ext == ".yml" || ext == ".yaml" || ext == ".json";
}

}  // namespace

TemplateSet::TemplateSet() = default;
TemplateSet::~TemplateSet() = default;
TemplateSet::TemplateSet(TemplateSet&&) noexcept = default;
TemplateSet& TemplateSet::operator=(TemplateSet&&) noexcept = default;

Result<TemplateSet> TemplateSet::LoadDirectory(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return errors::BadRequest("the templates directory " + dir + " does not exist");
  }
  std::vector<std::string> files;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec) && IsTemplateFile(it->path())) files.push_back(it->path().string());
  }
  if (ec)
    return errors::BadRequest("cannot list the templates directory " + dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  return LoadFiles(files);
}

Result<TemplateSet> TemplateSet::LoadFiles(const std::vector<std::string>& files) {
  TemplateSet set;
  TemplateLoader loader;
  for (const std::string& file : files) {
    auto loaded = loader.LoadFile(file);
    if (!loaded) {
      set.problems_.push_back(LoadProblem{file, loaded.error().message, false});
      continue;
    }
    for (std::string& note : loaded->notes) {
      set.problems_.push_back(LoadProblem{file, std::move(note), true});
    }
    set.templates_.push_back(std::move(loaded->compiled));
  }
  // Highest priority first; equal priorities keep the file order, as invoice2data tries them.
  std::stable_sort(set.templates_.begin(), set.templates_.end(), [](const auto& a, const auto& b) {
    return a->def().priority > b->def().priority;
  });
  return set;
}

Result<std::optional<TemplateMatch>> TemplateSet::Match(const LayoutText& text) const {
  if (auto valid = Regex::CheckUtf8(text.text()); !valid) return valid.error();
  PreparedTexts prepared(text.text());
  for (const auto& candidate : templates_) {
    auto matches = candidate->Matches(prepared);
    if (!matches) return matches.error();
    if (!*matches) continue;
    // invoice2data uses the first matching template and stops there, whether or not it
    // finds the required fields.
    auto input = prepared.For(*candidate);
    if (!input) return input.error();
    auto output = candidate->Extract(**input);
    if (!output) return output.error();
    if (!*output) return std::optional<TemplateMatch>();
    return std::optional<TemplateMatch>(ToTemplateMatch(**output, candidate->def(), text));
  }
  return std::optional<TemplateMatch>();
}

}  // namespace invoicer::extract::templates
