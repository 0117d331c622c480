#include "extract/hybrid_check.h"

#include <algorithm>
#include <cctype>

#include "extract/generic/amounts.h"

namespace invoicer::extract {

namespace {

bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Upper-case letters and digits plus punctuation, without white space: a number printed as
// "RE 2024 / 17" or broken over two lines still matches "RE2024/17".
std::string Squeeze(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (!std::isspace(static_cast<unsigned char>(c))) {
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

// True when `needle` occurs in `haystack` not glued to further letters or digits of the same
// kind at either end ("4711" is not found in "47110").
bool ContainsToken(std::string_view haystack, std::string_view needle) {
  for (std::size_t at = haystack.find(needle); at != std::string_view::npos;
       at = haystack.find(needle, at + 1)) {
    const std::size_t end = at + needle.size();
    const bool glued_before = at > 0 && std::isdigit(static_cast<unsigned char>(needle.front())) &&
                              std::isdigit(static_cast<unsigned char>(haystack[at - 1]));
    const bool glued_after = end < haystack.size() &&
                             std::isdigit(static_cast<unsigned char>(needle.back())) &&
                             std::isdigit(static_cast<unsigned char>(haystack[end]));
    if (!glued_before && !glued_after) return true;
  }
  return false;
}

bool ShowsAmount(std::string_view text, const Decimal& amount) {
  const Decimal wanted = amount.Abs();
  for (const generic::AmountToken& token : generic::FindAmounts(text)) {
    if ((token.dot && token.dot->Abs() == wanted) || (token.comma && token.comma->Abs() == wanted)) {
      return true;
    }
  }
  return false;
}

domain::ValidationIssue Mismatch(std::string field, const std::string& value) {
  return domain::ValidationIssue{
      "EINVOICE_MISMATCH", domain::Severity::kError,
      "the printed invoice does not show the " + field + " of its XML (" + value + ")", {field}};
}

}  // namespace

std::vector<domain::ValidationIssue> CheckPrintedAgainstXml(const domain::FieldMap& xml_fields,
                                                            std::string_view printed_text) {
  std::vector<domain::ValidationIssue> issues;
  if (std::all_of(printed_text.begin(), printed_text.end(),
                  [](char c) { return !IsAlnum(c); })) {
    return issues;
  }
  if (auto it = xml_fields.find("invoice_number"); it != xml_fields.end()) {
    const std::string number = Squeeze(it->second.value);
    if (!number.empty() && !ContainsToken(Squeeze(printed_text), number)) {
      issues.push_back(Mismatch("invoice_number", it->second.value));
    }
  }
  if (auto it = xml_fields.find("total"); it != xml_fields.end()) {
    auto total = Decimal::Parse(it->second.value);
    if (total && !ShowsAmount(printed_text, *total)) {
      issues.push_back(Mismatch("total", it->second.value));
    }
  }
  return issues;
}

}  // namespace invoicer::extract
