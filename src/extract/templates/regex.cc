#define PCRE2_CODE_UNIT_WIDTH 8
#include "extract/templates/regex.h"

#include <pcre2.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace invoicer::extract::templates {

namespace {

// Bounds on one pcre2_match call. A template regex needs far less than this on an invoice;
// `(a+)+$` on a few dozen characters reaches the match limit within milliseconds.
constexpr std::uint32_t kMatchLimit = 2'000'000;
constexpr std::uint32_t kDepthLimit = 20'000;
constexpr std::uint32_t kHeapLimitKib = 64 * 1024;
constexpr std::size_t kJitStackStart = 64 * 1024;
constexpr std::size_t kJitStackMax = 2 * 1024 * 1024;

struct JitStackFree {
  void operator()(pcre2_jit_stack* stack) const { pcre2_jit_stack_free(stack); }
};
struct MatchContextFree {
  void operator()(pcre2_match_context* context) const { pcre2_match_context_free(context); }
};
struct MatchDataFree {
  void operator()(pcre2_match_data* data) const { pcre2_match_data_free(data); }
};
struct CompileContextFree {
  void operator()(pcre2_compile_context* context) const { pcre2_compile_context_free(context); }
};

// Each thread gets its own JIT stack: a JIT stack must not be used by two matches at once.
pcre2_jit_stack* ThreadJitStack(void*) {
  thread_local std::unique_ptr<pcre2_jit_stack, JitStackFree> stack(
      pcre2_jit_stack_create(kJitStackStart, kJitStackMax, nullptr));
  return stack.get();
}

// The one match context, shared by every match; pcre2_match only reads it.
pcre2_match_context* SharedMatchContext() {
  static const std::unique_ptr<pcre2_match_context, MatchContextFree> context = [] {
    std::unique_ptr<pcre2_match_context, MatchContextFree> c(pcre2_match_context_create(nullptr));
    pcre2_set_match_limit(c.get(), kMatchLimit);
    pcre2_set_depth_limit(c.get(), kDepthLimit);
    pcre2_set_heap_limit(c.get(), kHeapLimitKib);
    pcre2_jit_stack_assign(c.get(), ThreadJitStack, nullptr);
    return c;
  }();
  return context.get();
}

std::string PcreMessage(int code) {
  std::array<PCRE2_UCHAR, 256> buffer{};
  pcre2_get_error_message(code, buffer.data(), buffer.size());
  return std::string(reinterpret_cast<const char*>(buffer.data()));
}

bool IsHex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

// Rewrites the Python `re` constructs PCRE2 reads differently. Sets `ascii` when the pattern
// asks for ASCII-only classes with the `a` flag.
Result<std::string> TranslatePython(std::string_view in, bool& ascii) {
  std::string out;
  out.reserve(in.size() + 8);
  bool in_class = false;
  std::size_t class_start = 0;  // index in `in` just after '[' or '[^'
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c == '\\') {
      if (i + 1 >= in.size()) return errors::BadRequest("bad escape (end of pattern)");
      const char e = in[i + 1];
      const std::size_t digits = e == 'u' ? 4 : e == 'U' ? 8 : 0;
      if (digits > 0) {
        std::string hex(in.substr(i + 2, digits));
        if (hex.size() != digits || !std::all_of(hex.begin(), hex.end(), IsHex)) {
          return errors::BadRequest("bad escape \\" + std::string(1, e));
        }
        out += "\\x{" + hex + "}";
        i += 1 + digits;
      } else if (e == 'N' && i + 2 < in.size() && in[i + 2] == '{') {
        return errors::BadRequest("named Unicode escapes (\\N{...}) are not supported");
      } else if (e == 'Z' && !in_class) {
        out += "\\z";  // Python's \Z is the very end; PCRE2's \Z also allows a final newline.
        ++i;
      } else {
        out += c;
        out += e;
        ++i;
      }
      continue;
    }
    if (in_class) {
      if (c == ']' && i != class_start) {
        in_class = false;
      } else if (c == '[') {
        out += "\\[";  // Python has no POSIX classes: '[' in a set is a literal
        continue;
      }
      out += c;
      continue;
    }
    if (c == '[') {
      in_class = true;
      class_start = i + 1 + ((i + 1 < in.size() && in[i + 1] == '^') ? 1 : 0);
      out += c;
      continue;
    }
    if (c == '(' && in.substr(i, 2) == "(?") {
      // Inline flags such as (?ai) or (?a:...): PCRE2 has no a/u/L flags.
      std::size_t j = i + 2;
      while (j < in.size() && std::string_view("aiLmsux-").find(in[j]) != std::string_view::npos) {
        ++j;
      }
      if (j > i + 2 && j < in.size() && (in[j] == ')' || in[j] == ':')) {
        std::string kept;
        for (std::size_t k = i + 2; k < j; ++k) {
          if (in[k] == 'a') ascii = true;
          if (in[k] != 'a' && in[k] != 'u' && in[k] != 'L') kept += in[k];
        }
        if (in[j] == ')' && kept.empty()) {
          i = j;
          continue;
        }
        out += "(?" + kept + in[j];
        i = j;
        continue;
      }
    }
    if (c == '{' && i + 1 < in.size() && in[i + 1] == ',') {
      // Python reads {,n} as {0,n}; PCRE2 10.42 would take it literally.
      std::size_t j = i + 2;
      while (j < in.size() && std::isdigit(static_cast<unsigned char>(in[j])) != 0) ++j;
      if (j > i + 2 && j < in.size() && in[j] == '}') {
        out += "{0" + std::string(in.substr(i + 1, j - i));
        i = j;
        continue;
      }
    }
    out += c;
  }
  return out;
}

}  // namespace

struct Regex::Code {
  struct Free {
    void operator()(pcre2_code* code) const { pcre2_code_free(code); }
  };
  std::unique_ptr<pcre2_code, Free> code;
};

Regex::Regex(std::string pattern) : pattern_(std::move(pattern)), code_(std::make_unique<Code>()) {}
Regex::Regex(Regex&&) noexcept = default;
Regex& Regex::operator=(Regex&&) noexcept = default;
Regex::~Regex() = default;

Result<Regex> Regex::Compile(std::string_view python_pattern, bool ignore_case) {
  bool ascii = false;
  auto translated = TranslatePython(python_pattern, ascii);
  if (!translated) return translated.error();
  std::unique_ptr<pcre2_compile_context, CompileContextFree> context(
      pcre2_compile_context_create(nullptr));
  pcre2_set_newline(context.get(), PCRE2_NEWLINE_LF);
  std::uint32_t options = PCRE2_UTF | (ascii ? 0U : PCRE2_UCP);
  if (ignore_case) options |= PCRE2_CASELESS;
  int error_code = 0;
  PCRE2_SIZE error_offset = 0;
  pcre2_code* code =
      pcre2_compile(reinterpret_cast<PCRE2_SPTR>(translated->data()), translated->size(), options,
                    &error_code, &error_offset, context.get());
  if (code == nullptr) {
    return errors::BadRequest(PcreMessage(error_code) + " at offset " +
                              std::to_string(error_offset));
  }
  Regex regex{std::string(python_pattern)};
  regex.code_->code.reset(code);
  // Without JIT (an unsupported platform) the interpreter runs under the same limits.
  pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
  std::uint32_t captures = 0;
  pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &captures);
  regex.capture_count_ = static_cast<int>(captures);
  std::uint32_t name_count = 0;
  std::uint32_t entry_size = 0;
  PCRE2_SPTR table = nullptr;
  pcre2_pattern_info(code, PCRE2_INFO_NAMECOUNT, &name_count);
  pcre2_pattern_info(code, PCRE2_INFO_NAMEENTRYSIZE, &entry_size);
  pcre2_pattern_info(code, PCRE2_INFO_NAMETABLE, &table);
  for (std::uint32_t n = 0; n < name_count; ++n) {
    const PCRE2_SPTR entry = table + static_cast<std::size_t>(n) * entry_size;
    const int number = (entry[0] << 8) | entry[1];
    regex.group_names_.emplace_back(reinterpret_cast<const char*>(entry + 2), number);
  }
  std::sort(regex.group_names_.begin(), regex.group_names_.end(),
            [](const auto& a, const auto& b) { return a.second < b.second; });
  return regex;
}

namespace {

// Match data for this thread, reused across matches and grown for the pattern with the most
// groups seen so far (allocating it per match would cost more than most matches).
pcre2_match_data* ThreadMatchData(std::uint32_t pairs) {
  thread_local std::unique_ptr<pcre2_match_data, MatchDataFree> data;
  if (!data || pcre2_get_ovector_count(data.get()) < pairs) {
    data.reset(pcre2_match_data_create(std::max<std::uint32_t>(pairs, 32), nullptr));
  }
  return data.get();
}

}  // namespace

Result<bool> Regex::MatchAt(std::string_view subject, std::size_t start, std::uint32_t options,
                            Captures& out) const {
  pcre2_match_data* data = ThreadMatchData(static_cast<std::uint32_t>(capture_count_) + 1);
  const int rc = pcre2_match(code_->code.get(), reinterpret_cast<PCRE2_SPTR>(subject.data()),
                             subject.size(), start, options, data, SharedMatchContext());
  if (rc == PCRE2_ERROR_NOMATCH) return false;
  if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT ||
      rc == PCRE2_ERROR_JIT_STACKLIMIT) {
    return errors::UnreadableDocument("the regex /" + pattern_ + "/ exceeded the match limit (" +
                                      PcreMessage(rc) + ")");
  }
  if (rc < 0) {
    return errors::UnreadableDocument("the regex /" + pattern_ + "/ failed: " + PcreMessage(rc));
  }
  const PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(data);
  out.assign(static_cast<std::size_t>(capture_count_) + 1, Capture{});
  for (std::size_t g = 0; g < out.size() && g < static_cast<std::size_t>(rc); ++g) {
    if (ovector[2 * g] != PCRE2_UNSET) out[g] = Capture{ovector[2 * g], ovector[2 * g + 1], true};
  }
  return true;
}

Result<std::optional<Captures>> Regex::Search(std::string_view subject, std::size_t start,
                                              Utf8 utf8) const {
  Captures groups;
  auto found = MatchAt(subject, start, utf8 == Utf8::kTrusted ? PCRE2_NO_UTF_CHECK : 0U, groups);
  if (!found) return found.error();
  if (!*found) return std::optional<Captures>();
  return std::optional<Captures>(std::move(groups));
}

Status Regex::ForEachMatch(std::string_view subject,
                           const std::function<bool(const Captures&)>& visit, Utf8 utf8) const {
  std::size_t pos = 0;
  bool after_empty = false;
  // The first call checks that the whole subject is UTF-8; the later ones need not again.
  std::uint32_t checked = utf8 == Utf8::kTrusted ? PCRE2_NO_UTF_CHECK : 0U;
  Captures groups;
  while (pos <= subject.size()) {
    // After an empty match at `pos`, Python looks for the next match from the same position
    // but not an empty one there again.
    const std::uint32_t options = (after_empty ? PCRE2_NOTEMPTY_ATSTART : 0U) | checked;
    auto found = MatchAt(subject, pos, options, groups);
    checked = PCRE2_NO_UTF_CHECK;
    if (!found) return found.error();
    if (!*found || !visit(groups)) break;
    after_empty = groups[0].begin == groups[0].end;
    pos = groups[0].end;
  }
  return {};
}

Status Regex::CheckUtf8(std::string_view text) {
  static const Result<Regex> kAnything = Compile("");
  auto found = kAnything->Search(text);
  if (!found) return errors::UnreadableDocument("the text is not valid UTF-8");
  return {};
}

}  // namespace invoicer::extract::templates
