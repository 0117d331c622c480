#pragma once

#include "common/result.h"
#include "extract/templates/prepared_text.h"
#include "extract/templates/template_def.h"
#include "extract/templates/value.h"

namespace invoicer::extract::templates {

// invoice2data's line-oriented parsers: the `lines` parser and plugin (parsers/lines.py) and
// the `tables` plugin (plugins/tables.py). Stateless functions over the prepared text; the
// errors are the regexes' match-limit errors.

// The rows of every block between `start` and `end`, for each rule set in turn: a row begins
// at a `first_line` (or a `line` when neither first_line nor last_line is given), collects
// the `line`s after it (repeated groups joined with a newline) and ends at a `last_line` or
// the next first line; `skip_line` lines are ignored. A list of objects, `types` applied.
[[nodiscard]] Result<Value> ParseLines(const LinesParser& parser, const PreparedText& text,
                                       const TemplateOptions& options);

// The `tables` plugin: for each table, the body between `start` and `end` (each searched in
// the whole text), every line matched against `body`, named groups collected (dates and
// `amount*` converted by name, others by `types`; repeated fields become lists, then
// `fields: {name: {group}}` applied) and merged into `output`, overwriting.
[[nodiscard]] Status ParseTables(const std::vector<TableRule>& tables, const PreparedText& text,
                                 const TemplateOptions& options, Value& output);

}  // namespace invoicer::extract::templates
