#include "extract/templates/prepared_text.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace invoicer::extract::templates {

namespace {

// Applies `map` to each code point of `text`; `map` appends the code point's replacement to
// `out` (the raw bytes are passed for the unchanged case).
template <typename Map>
void ForEachCodePoint(std::string_view text, Map&& map) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  std::int32_t i = 0;
  while (i < length) {
    const std::int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    map(c, static_cast<std::size_t>(start), static_cast<std::size_t>(i));
  }
}

std::string ToUtf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

}  // namespace

PreparedText PreparedText::Original(std::string_view text) {
  PreparedText p;
  p.original_ = text;
  return p;
}

std::pair<std::size_t, std::size_t> PreparedText::ToOriginal(std::size_t begin,
                                                             std::size_t end) const {
  if (begin >= end) {
    const std::size_t at = SourceAt(begin);
    return {at, at};
  }
  return {SourceOf(begin).begin, SourceOf(end - 1).end};
}

PreparedText PreparedText::Fresh() const {
  PreparedText p;
  p.original_ = original_;
  p.transformed_ = true;
  p.owned_.reserve(text().size());
  p.sources_.reserve(text().size());
  return p;
}

void PreparedText::Append(std::string_view bytes, Source source) {
  owned_.append(bytes);
  sources_.insert(sources_.end(), bytes.size(), source);
}

void PreparedText::AppendRange(const PreparedText& from, std::size_t begin, std::size_t end) {
  if (begin >= end) return;
  owned_.append(from.text().substr(begin, end - begin));
  if (from.transformed_) {
    sources_.insert(sources_.end(), from.sources_.begin() + static_cast<std::ptrdiff_t>(begin),
                    from.sources_.begin() + static_cast<std::ptrdiff_t>(end));
  } else {
    for (std::size_t i = begin; i < end; ++i) sources_.push_back(Identity(i));
  }
}

PreparedText PreparedText::RemoveSpaces() const {
  PreparedText out = Fresh();
  const std::string_view in = text();
  std::size_t run = 0;  // the start of the current run of kept bytes
  for (std::size_t i = 0; i <= in.size(); ++i) {
    if (i == in.size() || in[i] == ' ') {
      out.AppendRange(*this, run, i);
      run = i + 1;
    }
  }
  return out;
}

PreparedText PreparedText::RemoveAccents() const {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  PreparedText out = Fresh();
  const std::string_view in = text();
  std::size_t run = 0;  // ASCII is kept as is, a run at a time
  ForEachCodePoint(in, [&](UChar32 c, std::size_t begin, std::size_t end) {
    if (c >= 0 && c < 0x80) return;
    out.AppendRange(*this, run, begin);
    run = end;
    const Source source{SourceOf(begin).begin, SourceOf(end - 1).end};
    UErrorCode local = U_ZERO_ERROR;
    const icu::UnicodeString decomposed = U_SUCCESS(status) && c >= 0
                                              ? nfkd->normalize(icu::UnicodeString(c), local)
                                              : icu::UnicodeString();
    if (c < 0 || U_FAILURE(status) || U_FAILURE(local)) {
      out.Append(in.substr(begin, end - begin), source);
      return;
    }
    icu::UnicodeString kept;
    for (std::int32_t k = 0; k < decomposed.length();) {
      const UChar32 d = decomposed.char32At(k);
      if (d < 0x300 || d > 0x362) kept.append(d);
      k += U16_LENGTH(d);
    }
    out.Append(ToUtf8(kept), source);
  });
  out.AppendRange(*this, run, in.size());
  return out;
}

PreparedText PreparedText::Lowercase() const {
  PreparedText out = Fresh();
  const std::string_view in = text();
  std::size_t run = 0;
  auto flush = [&](std::size_t end) {
    const std::size_t from = out.owned_.size();
    out.AppendRange(*this, run, end);
    for (std::size_t i = from; i < out.owned_.size(); ++i) {
      const char c = out.owned_[i];
      if (c >= 'A' && c <= 'Z') out.owned_[i] = static_cast<char>(c - 'A' + 'a');
    }
  };
  ForEachCodePoint(in, [&](UChar32 c, std::size_t begin, std::size_t end) {
    if (c >= 0 && c < 0x80) return;
    flush(begin);
    run = end;
    const Source source{SourceOf(begin).begin, SourceOf(end - 1).end};
    if (c < 0) {
      out.Append(in.substr(begin, end - begin), source);
      return;
    }
    icu::UnicodeString s(c);
    out.Append(ToUtf8(s.toLower(icu::Locale::getRoot())), source);
  });
  flush(in.size());
  return out;
}

Result<std::optional<PreparedText>> PreparedText::Replace(const Regex& regex,
                                                          const Replacement& repl) const {
  const std::string_view in = text();
  std::optional<PreparedText> out;
  std::size_t copied = 0;
  auto status = regex.ForEachMatch(
      in,
      [&](const Captures& groups) {
        if (!out) out = Fresh();
        const Capture& m = groups[0];
        out->AppendRange(*this, copied, m.begin);
        const auto [begin, end] = ToOriginal(m.begin, m.end);
        out->Append(repl.Expand(in, groups),
                    Source{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)});
        copied = m.end;
        return true;
      },
      Utf8::kTrusted);
  if (!status) return status.error();
  if (out) out->AppendRange(*this, copied, in.size());
  return out;
}

}  // namespace invoicer::extract::templates
