#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace invoicer::extract::generic {

// One compiled PCRE2 regular expression (UTF mode, caseless unless asked otherwise, JIT
// when available, a match limit so no input can make a match run away). The patterns of
// this module are constants written here, so a pattern that does not compile is a bug and
// asserts. Owns its compiled code; immutable after construction, so one instance may be
// used by many threads at once (each call allocates its own match data). A match that hits
// the limit is treated as no match.
class Pattern {
 public:
  struct Match {
    std::size_t begin = 0;
    std::size_t end = 0;
    // Byte ranges of the capture groups 1..n; nullopt for a group that did not take part.
    std::vector<std::optional<std::pair<std::size_t, std::size_t>>> groups;

    std::string_view Group(std::string_view subject, std::size_t n) const;
    bool Has(std::size_t n) const { return n >= 1 && n <= groups.size() && groups[n - 1]; }
  };

  explicit Pattern(std::string_view pattern, bool caseless = true);
  ~Pattern();
  Pattern(Pattern&&) noexcept;
  Pattern& operator=(Pattern&&) noexcept;

  // The first match at or after byte `start`.
  std::optional<Match> Find(std::string_view subject, std::size_t start = 0) const;
  // Every non-overlapping match, left to right.
  std::vector<Match> FindAll(std::string_view subject) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace invoicer::extract::generic
