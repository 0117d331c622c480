#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "extract/templates/regex.h"

namespace invoicer::extract::templates {

// The replacement of Python's `re.sub(pattern, repl, ...)`, parsed once for its regex: literal
// text, `\1`, `\g<1>`, `\g<name>` and the character escapes `\n \t \r \f \v \a \b \\`
// (a group that did not match inserts nothing). Immutable; safe to share between threads.
class Replacement {
 public:
  // Errors: kInvalidInput for an unknown group, a bad escape (as Python raises) or text that
  // is not UTF-8.
  [[nodiscard]] static Result<Replacement> Parse(std::string_view repl, const Regex& regex);
  // The replacement text for one match of the regex in `subject`.
  std::string Expand(std::string_view subject, const Captures& groups) const;

 private:
  struct Piece {
    std::string literal;
    int group = -1;  // >= 0: insert that group's text
  };
  std::vector<Piece> pieces_;
};

}  // namespace invoicer::extract::templates
