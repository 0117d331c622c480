#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"

namespace invoicer::extract::templates {

// One capture group of a match: byte offsets into the subject; `matched` is false for a group
// that did not take part in the match (Python's None).
struct Capture {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool matched = false;
};

// The groups of one match; index 0 is the whole match.
using Captures = std::vector<Capture>;

// Whether a match checks that its subject is UTF-8 (PCRE2 would read invalid UTF-8 wrongly),
// or trusts a text checked once before (the check costs more than most matches).
enum class Utf8 { kCheck, kTrusted };

// A compiled regular expression written for Python's `re` module (the dialect of invoice2data
// templates), run by PCRE2 in UTF/UCP mode with JIT. The few syntax differences are
// translated (`\Z`, `\uXXXX`, `{,n}`, the `a`/`u`/`L` inline flags). Matching is bounded: a
// match limit, a depth limit and a heap limit stop catastrophic backtracking, which is
// reported as kUnreadableDocument instead of hanging. Immutable after Compile, so one
// instance may be matched from many threads at once (each call allocates its own match
// data). Errors: Compile -> kInvalidInput with PCRE2's message and offset; matching ->
// kUnreadableDocument on a resource limit or a subject that is not UTF-8.
class Regex {
 public:
  [[nodiscard]] static Result<Regex> Compile(std::string_view python_pattern,
                                             bool ignore_case = false);

  Regex(Regex&&) noexcept;
  Regex& operator=(Regex&&) noexcept;
  ~Regex();

  // The pattern as the template wrote it.
  const std::string& pattern() const { return pattern_; }
  // Number of capturing groups (named ones included), as Python's `Pattern.groups`.
  int capture_count() const { return capture_count_; }
  // Named groups and their numbers, in group-number order.
  const std::vector<std::pair<std::string, int>>& group_names() const { return group_names_; }

  // Python's `Pattern.search(subject, start)`: the first match at or after `start`.
  [[nodiscard]] Result<std::optional<Captures>> Search(std::string_view subject,
                                                       std::size_t start = 0,
                                                       Utf8 utf8 = Utf8::kCheck) const;
  // Python's `finditer`: every non-overlapping match left to right (empty matches included,
  // as Python 3.7+ does); `visit` returns false to stop early.
  [[nodiscard]] Status ForEachMatch(std::string_view subject,
                                    const std::function<bool(const Captures&)>& visit,
                                    Utf8 utf8 = Utf8::kCheck) const;

  // kUnreadableDocument unless `text` is valid UTF-8.
  [[nodiscard]] static Status CheckUtf8(std::string_view text);

 private:
  struct Code;
  explicit Regex(std::string pattern);
  [[nodiscard]] Result<bool> MatchAt(std::string_view subject, std::size_t start,
                                     std::uint32_t options, Captures& out) const;

  std::string pattern_;
  std::unique_ptr<Code> code_;
  int capture_count_ = 0;
  std::vector<std::pair<std::string, int>> group_names_;
};

}  // namespace invoicer::extract::templates
