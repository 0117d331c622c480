#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"
#include "extract/templates/regex.h"
#include "extract/templates/replacement.h"

namespace invoicer::extract::templates {

// A document's text after a template's input options (invoice2data's `prepare_input`:
// remove_whitespace, remove_accents, lowercase, replace), which remembers for every byte the
// range of the original text it came from, so a match in the prepared text can still be
// located on the page. A value type; it borrows the original text until the first
// transformation copies it (the original must outlive an untransformed PreparedText). The
// original must be valid UTF-8 (Regex::CheckUtf8): matches on it skip the check.
class PreparedText {
 public:
  // The original text, unchanged (borrowed).
  static PreparedText Original(std::string_view text);

  std::string_view text() const { return transformed_ ? std::string_view(owned_) : original_; }
  // The original byte range [first, second) that prepared bytes [begin, end) came from.
  std::pair<std::size_t, std::size_t> ToOriginal(std::size_t begin, std::size_t end) const;

  // `re.sub(" +", "", text)`: every ASCII space removed.
  PreparedText RemoveSpaces() const;
  // NFKD, then the combining marks U+0300..U+0362 dropped ("é" -> "e", "ﬁ" -> "fi").
  PreparedText RemoveAccents() const;
  // Unicode lower case (full case mapping).
  PreparedText Lowercase() const;
  // `re.sub(regex, repl, text)`; nullopt when nothing matches (the text stays as it is).
  // Errors: the regex's match-limit error.
  [[nodiscard]] Result<std::optional<PreparedText>> Replace(const Regex& regex,
                                                            const Replacement& repl) const;

 private:
  struct Source {  // 32 bits: a document's text is far below 4 GiB
    std::uint32_t begin, end;
  };
  static Source Identity(std::size_t i) {
    return Source{static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + 1)};
  }
  Source SourceOf(std::size_t i) const { return transformed_ ? sources_[i] : Identity(i); }
  std::size_t SourceAt(std::size_t i) const {
    return i < text().size() ? SourceOf(i).begin : original_.size();
  }
  void Append(std::string_view bytes, Source source);
  // Appends `from`'s bytes [begin, end) with their sources.
  void AppendRange(const PreparedText& from, std::size_t begin, std::size_t end);
  PreparedText Fresh() const;

  std::string_view original_;
  bool transformed_ = false;
  std::string owned_;            // the text once transformed
  std::vector<Source> sources_;  // one per byte of owned_
};

}  // namespace invoicer::extract::templates
