#include "extract/templates/template_document.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>
#include <nlohmann/json.hpp>

namespace invoicer::extract::templates {

namespace {

constexpr int kMaxDepth = 64;
constexpr std::size_t kMaxNodes = 200'000;

bool Digits(std::string_view s, bool allow_underscore) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [&](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0 || (allow_underscore && c == '_');
  });
}

std::string WithoutUnderscores(std::string_view s) {
  std::string out;
  std::copy_if(s.begin(), s.end(), std::back_inserter(out), [](char c) { return c != '_'; });
  return out;
}

// PyYAML's implicit resolvers (YAML 1.1) for the plain scalars templates use.
Value ResolvePlain(const std::string& s) {
  static constexpr std::array<std::string_view, 9> kTrue{"yes",  "Yes", "YES", "true", "True",
                                                         "TRUE", "on",  "On",  "ON"};
  static constexpr std::array<std::string_view, 9> kFalse{"no",    "No",  "NO",  "false", "False",
                                                          "FALSE", "off", "Off", "OFF"};
  Value v;
  v.text = s;
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return v;
  if (std::find(kTrue.begin(), kTrue.end(), s) != kTrue.end() ||
      std::find(kFalse.begin(), kFalse.end(), s) != kFalse.end()) {
    v.kind = Value::Kind::kBool;
    v.flag = std::find(kTrue.begin(), kTrue.end(), s) != kTrue.end();
    return v;
  }
  std::string_view body(s);
  const bool negative = body.front() == '-';
  if (body.front() == '-' || body.front() == '+') body.remove_prefix(1);
  const std::size_t dot = body.find('.');
  const std::string_view whole = body.substr(0, dot);
  const std::string_view fraction =
      dot == std::string_view::npos ? std::string_view() : body.substr(dot + 1);
  const bool is_int = dot == std::string_view::npos &&
                      (whole == "0" || (Digits(whole, true) && whole.front() != '0'));
  const bool is_float = dot != std::string_view::npos && (whole.empty() || Digits(whole, true)) &&
                        (fraction.empty() || Digits(fraction, true)) &&
                        !(whole.empty() && fraction.empty());
  if (is_int || is_float) {
    std::string canonical = (negative ? "-" : "") + WithoutUnderscores(whole.empty() ? "0" : whole);
    const std::string decimals = WithoutUnderscores(fraction);
    if (!decimals.empty()) canonical += "." + decimals;
    if (auto number = Decimal::Parse(canonical)) {
      v.kind = Value::Kind::kNumber;
      v.number = *number;
      return v;
    }
  }
  // A date: YYYY-M-D.
  const std::size_t d1 = s.find('-');
  const std::size_t d2 = d1 == std::string::npos ? d1 : s.find('-', d1 + 1);
  if (d1 == 4 && d2 != std::string::npos && d2 - d1 >= 2 && d2 - d1 <= 3 && s.size() - d2 >= 2 &&
      s.size() - d2 <= 3 && Digits(s.substr(0, 4), false) &&
      Digits(s.substr(d1 + 1, d2 - d1 - 1), false) && Digits(s.substr(d2 + 1), false)) {
    auto date = Date::FromYmd(std::stoi(s.substr(0, 4)),
                              static_cast<unsigned>(std::stoi(s.substr(d1 + 1, d2 - d1 - 1))),
                              static_cast<unsigned>(std::stoi(s.substr(d2 + 1))));
    if (date) {
      v.kind = Value::Kind::kDate;
      v.date = *date;
      return v;
    }
  }
  v.kind = Value::Kind::kText;
  return v;
}

struct Budget {
  std::size_t nodes = 0;
};

Result<Value> FromYaml(const YAML::Node& node, int depth, Budget& budget) {
  if (depth > kMaxDepth || ++budget.nodes > kMaxNodes) {
    return errors::BadRequest("the document is nested or aliased too deeply");
  }
  if (node.IsNull()) return Value{};
  if (node.IsScalar()) {
    if (node.Tag() == "?") return ResolvePlain(node.Scalar());
    return Value::Text(node.Scalar());
  }
  if (node.IsSequence()) {
    Value list = Value::List({});
    for (const YAML::Node& item : node) {
      auto v = FromYaml(item, depth + 1, budget);
      if (!v) return v;
      list.items.push_back(std::move(*v));
    }
    return list;
  }
  Value object = Value::Object({});
  for (const auto& entry : node) {
    if (!entry.first.IsScalar()) continue;
    auto v = FromYaml(entry.second, depth + 1, budget);
    if (!v) return v;
    object.Set(entry.first.Scalar(), std::move(*v));
  }
  return object;
}

Value FromJson(const nlohmann::ordered_json& j) {
  switch (j.type()) {
    case nlohmann::ordered_json::value_t::object: {
      Value object = Value::Object({});
      for (const auto& [key, item] : j.items()) object.Set(key, FromJson(item));
      return object;
    }
    case nlohmann::ordered_json::value_t::array: {
      Value list = Value::List({});
      for (const auto& item : j) list.items.push_back(FromJson(item));
      return list;
    }
    case nlohmann::ordered_json::value_t::string:
      return Value::Text(j.get<std::string>());
    case nlohmann::ordered_json::value_t::boolean: {
      Value v = Value::Bool(j.get<bool>());
      v.text = j.dump();
      return v;
    }
    case nlohmann::ordered_json::value_t::number_integer:
    case nlohmann::ordered_json::value_t::number_unsigned:
    case nlohmann::ordered_json::value_t::number_float: {
      Value v = ResolvePlain(j.dump());
      if (v.kind != Value::Kind::kNumber) v.kind = Value::Kind::kText;
      return v;
    }
    default:
      return Value{};
  }
}

}  // namespace

Result<Value> ParseTemplateDocument(std::string_view content, bool json) {
  if (json) {
    try {
      return FromJson(nlohmann::ordered_json::parse(content));
    } catch (const nlohmann::json::exception& e) {
      return errors::BadRequest(std::string("invalid JSON: ") + e.what());
    }
  }
  try {
    Budget budget;
    return FromYaml(YAML::Load(std::string(content)), 0, budget);
  } catch (const YAML::Exception& e) {
    return errors::BadRequest("invalid YAML at line " + std::to_string(e.mark.line + 1) +
                              ", column " + std::to_string(e.mark.column + 1) + ": " + e.msg);
  } catch (const std::exception& e) {
    return errors::BadRequest(std::string("invalid YAML: ") + e.what());
  }
}

std::optional<std::string> ScalarText(const Value* v) {
  if (v == nullptr || v->kind == Value::Kind::kNull || v->kind == Value::Kind::kList ||
      v->kind == Value::Kind::kObject) {
    return std::nullopt;
  }
  return v->text;
}

std::vector<std::string> ScalarTexts(const Value* v) {
  std::vector<std::string> out;
  if (v == nullptr) return out;
  if (v->kind == Value::Kind::kList) {
    for (const Value& item : v->items) {
      if (auto t = ScalarText(&item)) out.push_back(*t);
    }
  } else if (auto t = ScalarText(v)) {
    out.push_back(*t);
  }
  return out;
}

std::optional<ValueType> ValueTypeNamed(std::string_view name) {
  if (name == "int") return ValueType::kInt;
  if (name == "float") return ValueType::kFloat;
  if (name == "date" || name == "datetime") return ValueType::kDate;
  return std::nullopt;
}

std::optional<Grouping> GroupingNamed(std::string_view name) {
  if (name == "sum") return Grouping::kSum;
  if (name == "min") return Grouping::kMin;
  if (name == "max") return Grouping::kMax;
  if (name == "first") return Grouping::kFirst;
  if (name == "last") return Grouping::kLast;
  if (name == "join") return Grouping::kJoin;
  return std::nullopt;
}

bool IsReplacePair(const Value& v) {
  return v.kind == Value::Kind::kList && v.items.size() == 2 && ScalarText(&v.items[0]) &&
         ScalarText(&v.items[1]);
}

std::vector<Value> ReplacePairs(const Value* v) {
  if (v == nullptr || v->kind != Value::Kind::kList) return {};
  if (IsReplacePair(*v)) return {*v};
  std::vector<Value> pairs;
  std::copy_if(v->items.begin(), v->items.end(), std::back_inserter(pairs), IsReplacePair);
  return pairs;
}

}  // namespace invoicer::extract::templates
