#include "extract/generic/pattern.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <cassert>

namespace invoicer::extract::generic {

namespace {
// Generous for the short lines this module matches, small enough that a pathological
// line fails fast.
constexpr std::uint32_t kMatchLimit = 200000;

struct CodeDeleter {
  void operator()(pcre2_code* code) const { pcre2_code_free(code); }
};
struct MatchDataDeleter {
  void operator()(pcre2_match_data* data) const { pcre2_match_data_free(data); }
};
struct ContextDeleter {
  void operator()(pcre2_match_context* context) const { pcre2_match_context_free(context); }
};
}  // namespace

struct Pattern::Impl {
  std::unique_ptr<pcre2_code, CodeDeleter> code;
  std::unique_ptr<pcre2_match_context, ContextDeleter> context;
  std::size_t group_count = 0;
};

std::string_view Pattern::Match::Group(std::string_view subject, std::size_t n) const {
  if (!Has(n)) return {};
  const auto& [b, e] = *groups[n - 1];
  return subject.substr(b, e - b);
}

Pattern::Pattern(std::string_view pattern, bool caseless) : impl_(std::make_unique<Impl>()) {
  int error_code = 0;
  PCRE2_SIZE error_offset = 0;
  std::uint32_t options = PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK;
  if (caseless) options |= PCRE2_CASELESS;
  impl_->code.reset(pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                                  options, &error_code, &error_offset, nullptr));
  assert(impl_->code != nullptr && "a constant pattern of the generic extractor is invalid");
  if (impl_->code == nullptr) return;
  // JIT is an optimisation: without it (unsupported platform) matching still works.
  pcre2_jit_compile(impl_->code.get(), PCRE2_JIT_COMPLETE);
  impl_->context.reset(pcre2_match_context_create(nullptr));
  pcre2_set_match_limit(impl_->context.get(), kMatchLimit);
  std::uint32_t count = 0;
  pcre2_pattern_info(impl_->code.get(), PCRE2_INFO_CAPTURECOUNT, &count);
  impl_->group_count = count;
}

Pattern::~Pattern() = default;
Pattern::Pattern(Pattern&&) noexcept = default;
Pattern& Pattern::operator=(Pattern&&) noexcept = default;

std::optional<Pattern::Match> Pattern::Find(std::string_view subject, std::size_t start) const {
  if (impl_->code == nullptr || start > subject.size()) return std::nullopt;
  std::unique_ptr<pcre2_match_data, MatchDataDeleter> data(
      pcre2_match_data_create_from_pattern(impl_->code.get(), nullptr));
  // Subjects are validated UTF-8 (the readers check), hence PCRE2_NO_UTF_CHECK.
  const int rc =
      pcre2_match(impl_->code.get(), reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(),
                  start, PCRE2_NO_UTF_CHECK, data.get(), impl_->context.get());
  if (rc < 0) return std::nullopt;
  const PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(data.get());
  Match m;
  m.begin = ovector[0];
  m.end = ovector[1];
  m.groups.resize(impl_->group_count);
  for (std::size_t i = 1; i <= impl_->group_count && i < static_cast<std::size_t>(rc); ++i) {
    if (ovector[2 * i] != PCRE2_UNSET) m.groups[i - 1] = {{ovector[2 * i], ovector[2 * i + 1]}};
  }
  return m;
}

std::vector<Pattern::Match> Pattern::FindAll(std::string_view subject) const {
  std::vector<Match> out;
  std::size_t start = 0;
  while (start <= subject.size()) {
    auto m = Find(subject, start);
    if (!m) break;
    if (m->end == m->begin) {
      // An empty match: step over one UTF-8 character so the loop progresses.
      std::size_t next = m->end + 1;
      while (next < subject.size() && (static_cast<unsigned char>(subject[next]) & 0xC0) == 0x80) {
        ++next;
      }
      start = next;
      continue;
    }
    start = m->end;
    out.push_back(std::move(*m));
  }
  return out;
}

}  // namespace invoicer::extract::generic
