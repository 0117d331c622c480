#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "extract/document.h"
#include "extract/templates/template_set.h"

namespace invoicer::extract::templates::testing {

// The layout text of a document whose pages (separated by '\f') show `text` as written: every
// word gets a box one unit per character wide on a line one unit high, so that
// LayoutText::Build reproduces the text (columns kept; at most one blank line in a row; some
// line of each page must start in column 0) and Locate finds the words' boxes.
LayoutText LayoutOf(std::string_view text);

// A fresh directory under the system temp directory, removed with its files on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // Writes `content` to `name` (sub-directories created) and returns the full path.
  std::string Write(const std::string& name, std::string_view content) const;

 private:
  std::filesystem::path path_;
};

// Loads one template given as YAML text; asserts (gtest) that it loaded.
TemplateSet LoadYaml(const TempDir& dir, std::string_view yaml, const std::string& name = "t.yml");

// Matches `text` against `set`, failing the test on an error; nullopt when nothing matched.
std::optional<TemplateMatch> MatchText(const TemplateSet& set, std::string_view text);

// The value of one of our fields, or "<absent>".
std::string Field(const TemplateMatch& m, std::string_view name);

}  // namespace invoicer::extract::templates::testing
