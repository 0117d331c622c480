#include "extract/templates/lines_parser.h"

#include <algorithm>
#include <cctype>

#include "extract/templates/field_parsers.h"

namespace invoicer::extract::templates {

namespace {

using Piece = std::pair<std::size_t, std::size_t>;  // [begin, end) in the prepared text

// Python's re.split(separator, text[begin:end]) as absolute ranges.
Result<std::vector<Piece>> Split(const Regex& separator, std::string_view all, std::size_t begin,
                                 std::size_t end) {
  std::vector<Piece> pieces;
  std::size_t from = begin;
  auto status = separator.ForEachMatch(
      all.substr(begin, end - begin),
      [&](const Captures& g) {
        pieces.emplace_back(from, begin + g[0].begin);
        from = begin + g[0].end;
        return true;
      },
      Utf8::kTrusted);
  if (!status) return status.error();
  pieces.emplace_back(from, end);
  return pieces;
}

// invoice2data skips a line that is empty or only line breaks.
bool IsBlank(std::string_view line) {
  return std::all_of(line.begin(), line.end(), [](char c) { return c == '\n' || c == '\r'; });
}

// The first of `patterns` found in the line, or nullopt.
Result<std::optional<std::pair<const Regex*, Captures>>> FirstMatch(
    const std::vector<Regex>& patterns, std::string_view line) {
  for (const Regex& pattern : patterns) {
    auto found = pattern.Search(line, 0, Utf8::kTrusted);
    if (!found) return found.error();
    if (*found) return std::optional(std::make_pair(&pattern, std::move(**found)));
  }
  return std::optional<std::pair<const Regex*, Captures>>();
}

// A named group's text, white space stripped, located; "" for a group that did not match.
Value GroupValue(const PreparedText& text, std::size_t line_begin, const Capture& c) {
  if (!c.matched) return Value::Text("", {});
  std::size_t b = line_begin + c.begin;
  std::size_t e = line_begin + c.end;
  const std::string_view all = text.text();
  while (b < e && std::isspace(static_cast<unsigned char>(all[b])) != 0) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(all[e - 1])) != 0) --e;
  return CapturedText(text, b, e);
}

// parse_current_row: each named group appended to the row's value, after a newline.
void AppendGroups(Value& row, const Regex& regex, const Captures& groups, const PreparedText& text,
                  std::size_t line_begin) {
  for (const auto& [name, number] : regex.group_names()) {
    Value piece = GroupValue(text, line_begin, groups[static_cast<std::size_t>(number)]);
    Value* existing = row.Member(name);
    if (existing == nullptr) {
      row.Set(name, std::move(piece));
      continue;
    }
    if (!existing->text.empty()) existing->text += '\n';
    existing->text += piece.text;
    existing->spans.insert(existing->spans.end(), piece.spans.begin(), piece.spans.end());
  }
}

Status ParseBlock(const LinesRule& rule, const PreparedText& text, std::size_t begin,
                  std::size_t end, std::vector<Value>& rows) {
  const bool implicit_first = rule.first_line.empty() && rule.last_line.empty();
  const std::vector<Regex>& first_line = implicit_first ? rule.line : rule.first_line;
  auto pieces = Split(rule.line_separator, text.text(), begin, end);
  if (!pieces) return pieces.error();
  Value row = Value::Object({});
  bool in_row = false;
  for (const auto& [line_begin, line_end] : *pieces) {
    const std::string_view line = text.text().substr(line_begin, line_end - line_begin);
    if (IsBlank(line)) continue;
    auto skip = FirstMatch(rule.skip_line, line);
    if (!skip) return skip.error();
    if (*skip) continue;
    auto first = FirstMatch(first_line, line);
    if (!first) return first.error();
    if (*first) {
      if (!row.members.empty()) rows.push_back(std::move(row));
      row = Value::Object({});
      AppendGroups(row, *(*first)->first, (*first)->second, text, line_begin);
      in_row = true;
      continue;
    }
    if (!in_row) continue;
    auto last = FirstMatch(rule.last_line, line);
    if (!last) return last.error();
    if (*last) {
      AppendGroups(row, *(*last)->first, (*last)->second, text, line_begin);
      if (!row.members.empty()) rows.push_back(std::move(row));
      row = Value::Object({});
      in_row = false;
      continue;
    }
    auto body = FirstMatch(rule.line, line);
    if (!body) return body.error();
    if (*body) AppendGroups(row, *(*body)->first, (*body)->second, text, line_begin);
  }
  if (!row.members.empty()) rows.push_back(std::move(row));
  return {};
}

bool IsDateName(std::string_view name) {
  return name.starts_with("date") || name.ends_with("date");
}

}  // namespace

Result<Value> ParseLines(const LinesParser& parser, const PreparedText& text,
                         const TemplateOptions& options) {
  std::vector<Value> all_rows;
  const std::string_view all = text.text();
  for (const LinesRule& rule : parser.rules) {
    std::vector<Value> rows;
    std::size_t pos = 0;
    while (pos <= all.size()) {
      auto start = rule.start.Search(all.substr(pos), 0, Utf8::kTrusted);
      if (!start) return start.error();
      if (!*start) break;
      const std::size_t block_begin = pos + (**start)[0].end;
      auto end = rule.end.Search(all.substr(block_begin), 0, Utf8::kTrusted);
      if (!end) return end.error();
      if (!*end) break;
      if (auto s = ParseBlock(rule, text, block_begin, block_begin + (**end)[0].begin, rows); !s) {
        return s.error();
      }
      const std::size_t next = block_begin + (**end)[0].end;
      if (next == pos) break;  // both matched empty: invoice2data would loop forever
      pos = next;
    }
    for (Value& row : rows) {
      for (auto& [name, value] : row.members) {
        for (const auto& [typed, type] : rule.types) {
          if (typed == name) value = Coerce(value, type, options);
        }
      }
      all_rows.push_back(std::move(row));
    }
  }
  return Value::List(std::move(all_rows));
}

Status ParseTables(const std::vector<TableRule>& tables, const PreparedText& text,
                   const TemplateOptions& options, Value& output) {
  const std::string_view all = text.text();
  for (const TableRule& table : tables) {
    auto start = table.start.Search(all, 0, Utf8::kTrusted);
    if (!start) return start.error();
    auto end = table.end.Search(all, 0, Utf8::kTrusted);
    if (!end) return end.error();
    if (!*start || !*end) continue;
    const std::size_t body_begin = (**start)[0].end;
    const std::size_t body_end = std::max(body_begin, (**end)[0].begin);
    auto pieces = Split(table.line_separator, all, body_begin, body_end);
    if (!pieces) return pieces.error();
    Value found = Value::Object({});
    bool failed = false;
    for (const auto& [line_begin, line_end] : *pieces) {
      const std::string_view line = all.substr(line_begin, line_end - line_begin);
      if (IsBlank(line) || std::all_of(line.begin(), line.end(), [](char c) {
            return std::isspace(static_cast<unsigned char>(c)) != 0;
          })) {
        continue;
      }
      auto match = table.body.Search(line, 0, Utf8::kTrusted);
      if (!match) return match.error();
      if (!*match) continue;
      for (const auto& [name, number] : table.body.group_names()) {
        const Capture& c = (**match)[static_cast<std::size_t>(number)];
        Value value =
            c.matched ? CapturedText(text, line_begin + c.begin, line_begin + c.end) : Value{};
        if (IsDateName(name)) {
          value = Coerce(value, ValueType::kDate, options);
          if (value.kind != Value::Kind::kDate) failed = true;  // the table is dropped
        } else if (name.starts_with("amount")) {
          value = Coerce(value, ValueType::kFloat, options);
        } else {
          for (const auto& [typed, type] : table.types) {
            if (typed == name) value = Coerce(value, type, options);
          }
        }
        if (Value* existing = found.Member(name)) {
          if (existing->kind != Value::Kind::kList) *existing = Value::List({*existing});
          existing->items.push_back(std::move(value));
        } else {
          found.Set(name, std::move(value));
        }
      }
      if (failed) break;
    }
    if (failed) continue;
    for (const auto& [name, group] : table.groups) {
      Value* values = found.Member(name);
      if (values == nullptr) continue;
      std::vector<Value> items =
          values->kind == Value::Kind::kList ? values->items : std::vector<Value>{*values};
      if (auto grouped = ApplyGrouping(std::move(items), group)) *values = std::move(*grouped);
    }
    for (auto& [name, value] : found.members) output.Set(name, std::move(value));
  }
  return {};
}

}  // namespace invoicer::extract::templates
