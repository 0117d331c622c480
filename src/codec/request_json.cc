#include "codec/request_json.h"

#include <algorithm>
#include <array>
#include <limits>
#include <nlohmann/json.hpp>

#include "common/money.h"
#include "domain/invoice.h"

namespace invoicer::codec {

namespace {

using Json = nlohmann::json;

// Request bodies are flat; deeper nesting is an attack on the parser, not a request.
constexpr int kMaxDepth = 8;
constexpr std::size_t kMaxLineItems = 1000;
constexpr std::size_t kMaxExportIds = 10000;
constexpr std::size_t kMaxReasonBytes = 2000;
constexpr std::array<std::string_view, 3> kPatchTopLevel{"review_version", "fields", "line_items"};
constexpr std::array<std::string_view, 5> kLineItemKeys{"description", "quantity", "unit_price",
                                                        "amount", "tax_rate"};

Error BadMember(std::string_view field, std::string message) {
  return errors::BadRequest(std::move(message)).With("field", std::string(field));
}

bool IsBlank(std::string_view body) {
  return body.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Parses without exceptions (nlohmann reports errors as a discarded value) and refuses
// anything but an object.
Result<Json> ParseObject(std::string_view body, bool blank_is_empty_object) {
  if (blank_is_empty_object && IsBlank(body)) return Json::object();
  bool too_deep = false;
  Json json;
  try {
    json = Json::parse(
        body.begin(), body.end(),
        [&too_deep](int depth, Json::parse_event_t, Json&) {
          if (depth > kMaxDepth) too_deep = true;
          return true;
        },
        /*allow_exceptions=*/false);
  } catch (const std::exception&) {
    return errors::BadRequest("the body is not valid JSON");
  }
  if (json.is_discarded()) return errors::BadRequest("the body is not valid JSON");
  if (too_deep) return errors::BadRequest("the body is nested too deeply");
  if (!json.is_object()) return errors::BadRequest("the body must be a JSON object");
  return json;
}

Result<std::optional<std::int64_t>> ReadVersion(const Json& body) {
  const auto it = body.find("review_version");
  if (it == body.end()) return std::optional<std::int64_t>();
  const auto bad = [] {
    return BadMember("review_version", "review_version must be a positive integer");
  };
  if (it->is_number_unsigned()) {
    const auto v = it->get<std::uint64_t>();
    if (v == 0 || v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      return bad();
    }
    return std::optional<std::int64_t>(static_cast<std::int64_t>(v));
  }
  if (it->is_number_integer() && it->get<std::int64_t>() >= 1) {
    return std::optional<std::int64_t>(it->get<std::int64_t>());
  }
  return bad();
}

Status OnlyKeys(const Json& body, std::initializer_list<std::string_view> allowed) {
  for (const auto& [key, value] : body.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      return BadMember(key, "unknown member '" + key + "'");
    }
  }
  return {};
}

// API.md: protected names win over unknown ones, so a body naming both gets
// PROTECTED_FIELD whatever the key order.
template <typename IsAllowed>
Status CheckNames(const Json& object, IsAllowed is_allowed) {
  for (const auto& [key, value] : object.items()) {
    if (!is_allowed(key) && domain::IsProtectedName(key)) return errors::ProtectedField(key);
  }
  for (const auto& [key, value] : object.items()) {
    if (!is_allowed(key)) return errors::UnknownField(key);
  }
  return {};
}

Status ReadFields(const Json& fields, domain::ReviewPatch& patch) {
  if (!fields.is_object()) return BadMember("fields", "fields must be a JSON object");
  if (auto names = CheckNames(fields,
                              [](const std::string& key) {
                                return !domain::IsProtectedName(key) &&
                                       domain::FindField(key) != nullptr;
                              });
      !names) {
    return names;
  }
  for (const auto& [key, value] : fields.items()) {
    if (value.is_null()) {
      patch.fields[key] = std::nullopt;
    } else if (value.is_string()) {
      patch.fields[key] = value.get<std::string>();
    } else {
      return errors::InvalidValue(
          key, key + " must be a JSON string (amounts as decimal strings like \"120.00\") or null");
    }
  }
  return {};
}

Result<std::optional<Decimal>> ReadItemNumber(const Json& value, const std::string& field) {
  if (value.is_null()) return std::optional<Decimal>();
  if (!value.is_string()) {
    return errors::InvalidValue(field, field + " must be a decimal string like \"12.50\"" +
                                           (value.is_number() ? ", not a JSON number" : ""));
  }
  auto parsed = Decimal::Parse(value.get<std::string>());
  if (!parsed) {
    return errors::InvalidValue(field, field + " must be a decimal string like \"12.50\"");
  }
  return std::optional<Decimal>(*parsed);
}

Result<domain::LineItem> ReadLineItem(const Json& item, std::size_t index) {
  const std::string prefix = "line_items[" + std::to_string(index) + "]";
  if (!item.is_object()) return errors::InvalidValue(prefix, prefix + " must be a JSON object");
  domain::LineItem out;
  for (const auto& [key, value] : item.items()) {
    const std::string field = prefix + "." + key;
    if (std::find(kLineItemKeys.begin(), kLineItemKeys.end(), key) == kLineItemKeys.end()) {
      return errors::UnknownField(field);
    }
    if (key == "description") {
      if (value.is_string()) {
        out.description = value.get<std::string>();
      } else if (!value.is_null()) {
        return errors::InvalidValue(field, field + " must be a JSON string");
      }
      continue;
    }
    auto number = ReadItemNumber(value, field);
    if (!number) return std::move(number).error();
    if (key == "quantity") out.quantity = *number;
    if (key == "unit_price") out.unit_price = *number;
    if (key == "amount") out.amount = *number;
    if (key == "tax_rate") out.tax_rate = *number;
  }
  return out;
}

Status ReadLineItems(const Json& items, domain::ReviewPatch& patch) {
  if (!items.is_array()) return BadMember("line_items", "line_items must be a JSON array");
  if (items.size() > kMaxLineItems) {
    return errors::InvalidValue(
        "line_items", "at most " + std::to_string(kMaxLineItems) + " line items are allowed");
  }
  std::vector<domain::LineItem> list;
  list.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    auto item = ReadLineItem(items[i], i);
    if (!item) return std::move(item).error();
    list.push_back(std::move(*item));
  }
  patch.line_items = std::move(list);
  return {};
}

nlohmann::ordered_json DetailToJson(const ErrorDetail& detail) {
  if (const auto* n = std::get_if<std::int64_t>(&detail)) return *n;
  if (const auto* list = std::get_if<std::vector<std::string>>(&detail)) return *list;
  return std::get<std::string>(detail);
}

}  // namespace

Result<PatchRequest> ParsePatchRequest(std::string_view body) {
  auto json = ParseObject(body, /*blank_is_empty_object=*/false);
  if (!json) return std::move(json).error();
  if (auto names = CheckNames(*json,
                              [](const std::string& key) {
                                return std::find(kPatchTopLevel.begin(), kPatchTopLevel.end(),
                                                 key) != kPatchTopLevel.end();
                              });
      !names) {
    return std::move(names).error();
  }
  PatchRequest out;
  auto version = ReadVersion(*json);
  if (!version) return std::move(version).error();
  out.review_version = *version;
  if (const auto it = json->find("fields"); it != json->end()) {
    if (auto ok = ReadFields(*it, out.patch); !ok) return std::move(ok).error();
  }
  if (const auto it = json->find("line_items"); it != json->end()) {
    if (auto ok = ReadLineItems(*it, out.patch); !ok) return std::move(ok).error();
  }
  return out;
}

Result<VersionRequest> ParseVersionRequest(std::string_view body) {
  auto json = ParseObject(body, /*blank_is_empty_object=*/true);
  if (!json) return std::move(json).error();
  if (auto ok = OnlyKeys(*json, {"review_version"}); !ok) return std::move(ok).error();
  auto version = ReadVersion(*json);
  if (!version) return std::move(version).error();
  return VersionRequest{*version};
}

Result<RejectRequest> ParseRejectRequest(std::string_view body) {
  auto json = ParseObject(body, /*blank_is_empty_object=*/true);
  if (!json) return std::move(json).error();
  if (auto ok = OnlyKeys(*json, {"review_version", "reason"}); !ok) return std::move(ok).error();
  auto version = ReadVersion(*json);
  if (!version) return std::move(version).error();
  RejectRequest out{*version, {}};
  if (const auto it = json->find("reason"); it != json->end() && !it->is_null()) {
    if (!it->is_string()) return BadMember("reason", "reason must be a JSON string");
    out.reason = it->get<std::string>();
    if (out.reason.size() > kMaxReasonBytes) {
      return BadMember("reason",
                       "reason is longer than " + std::to_string(kMaxReasonBytes) + " bytes");
    }
  }
  return out;
}

Result<ExportRequest> ParseExportRequest(std::string_view body) {
  auto json = ParseObject(body, /*blank_is_empty_object=*/false);
  if (!json) return std::move(json).error();
  if (auto ok = OnlyKeys(*json, {"format", "ids"}); !ok) return std::move(ok).error();
  ExportRequest out;
  const auto format = json->find("format");
  if (format == json->end() || !format->is_string() ||
      (*format != "csv" && *format != "json" && *format != "ubl")) {
    return BadMember("format", "format must be \"csv\", \"json\" or \"ubl\"");
  }
  out.format = format->get<std::string>();
  if (const auto ids = json->find("ids"); ids != json->end() && !ids->is_null()) {
    const auto bad = [] { return BadMember("ids", "ids must be a JSON array of invoice ids"); };
    if (!ids->is_array() || ids->size() > kMaxExportIds) return bad();
    std::vector<std::string> list;
    list.reserve(ids->size());
    for (const auto& id : *ids) {
      if (!id.is_string()) return bad();
      list.push_back(id.get<std::string>());
    }
    out.ids = std::move(list);
  }
  return out;
}

std::string ErrorToJson(const Error& error) {
  nlohmann::ordered_json details = nlohmann::ordered_json::object();
  for (const auto& [key, value] : error.details) details[key] = DetailToJson(value);
  nlohmann::ordered_json body;
  body["error"]["code"] = error.api_code.empty() ? std::string("INTERNAL") : error.api_code;
  body["error"]["message"] = error.message;
  body["error"]["details"] = std::move(details);
  // Replace, not throw, on invalid UTF-8: a message may quote a client's bytes.
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace invoicer::codec
