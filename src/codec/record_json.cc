#include "codec/record_json.h"

#include <nlohmann/json.hpp>
#include <utility>

namespace invoicer::codec {

namespace {

// Output keeps the key order of API.md; input accepts any order.
using Json = nlohmann::ordered_json;

Json FieldValueJson(const domain::FieldValue& f) {
  Json j = Json::object();
  j["value"] = f.value;
  j["confidence"] = f.confidence;
  j["source"] = std::string(domain::ToString(f.source));
  j["page"] = f.page > 0 ? Json(f.page) : Json(nullptr);
  j["bbox"] =
      f.bbox ? Json::array({f.bbox->x0, f.bbox->y0, f.bbox->x1, f.bbox->y1}) : Json(nullptr);
  return j;
}

Json FieldsJson(const domain::FieldMap& fields) {
  Json j = Json::object();
  for (const auto& [name, value] : fields) j[name] = FieldValueJson(value);
  return j;
}

Json LineItemsJson(const std::vector<domain::LineItem>& items) {
  Json j = Json::array();
  for (const auto& item : items) {
    Json o = Json::object();
    o["description"] = item.description;
    auto put = [&](const char* key, const std::optional<Decimal>& d) {
      if (d) o[key] = d->ToString();
    };
    put("quantity", item.quantity);
    put("unit_price", item.unit_price);
    put("amount", item.amount);
    put("tax_rate", item.tax_rate);
    j.push_back(std::move(o));
  }
  return j;
}

Json IssuesJson(const std::vector<domain::ValidationIssue>& issues) {
  Json j = Json::array();
  for (const auto& issue : issues) {
    Json o = Json::object();
    o["code"] = issue.code;
    o["severity"] = std::string(domain::ToString(issue.severity));
    o["message"] = issue.message;
    o["fields"] = issue.fields;
    j.push_back(std::move(o));
  }
  return j;
}

// A change value: plain text, or JSON text embedded as JSON (falls back to a string when
// the text does not parse, which only a bug could cause).
Json ChangeValueJson(const std::optional<std::string>& value, bool json) {
  if (!value) return nullptr;
  if (!json) return *value;
  Json parsed = Json::parse(*value, nullptr, false);
  return parsed.is_discarded() ? Json(*value) : parsed;
}

Json ChangesJson(const std::vector<domain::FieldChange>& changes) {
  Json j = Json::object();
  for (const auto& c : changes) {
    j[c.field] =
        Json::array({ChangeValueJson(c.old_value, c.json), ChangeValueJson(c.new_value, c.json)});
  }
  return j;
}

// Writes one JSON object into a string, key by key, without building a document: records
// are the hot path of every read (a list page is 50 of them). Keys are ours (plain ASCII);
// string values are escaped by nlohmann, invalid UTF-8 replaced.
class ObjectWriter {
 public:
  explicit ObjectWriter(std::string& out) : out_(out) { out_ += '{'; }
  void Close() { out_ += '}'; }

  ObjectWriter& Key(std::string_view key) {
    if (!first_) out_ += ',';
    first_ = false;
    out_ += '"';
    out_ += key;
    out_ += "\":";
    return *this;
  }
  void String(std::string_view value) {
    out_ += Json(value).dump(-1, ' ', false, Json::error_handler_t::replace);
  }
  void OptString(const std::optional<std::string>& value) {
    if (value) {
      String(*value);
    } else {
      Null();
    }
  }
  void Int(std::int64_t value) { out_ += std::to_string(value); }
  void OptInt(const std::optional<std::int64_t>& value) {
    if (value) {
      Int(*value);
    } else {
      Null();
    }
  }
  void Bool(bool value) { out_ += value ? "true" : "false"; }
  void Null() { out_ += "null"; }
  // `json` is one JSON value already encoded.
  void Raw(std::string_view json) { out_ += json; }

 private:
  std::string& out_;
  bool first_ = true;
};

// The content of a record as JSON text (the stores' encoding).
struct ContentText {
  std::string_view fields;
  std::string_view line_items;
  std::string_view extra_fields;
  std::string_view issues;
};

void AppendRecord(std::string& out, const domain::Invoice& inv, const ContentText& content) {
  ObjectWriter j(out);
  j.Key("id").String(inv.id.str());
  j.Key("created_at").String(FormatRfc3339(inv.created_at));
  j.Key("updated_at").String(FormatRfc3339(inv.updated_at));
  j.Key("processing_state").String(domain::ToString(inv.state));
  j.Key("review_version").Int(inv.review_version);
  j.Key("needs_review").Bool(inv.needs_review);
  j.Key("document");
  ObjectWriter doc(out);
  doc.Key("sha256").String(inv.document.sha256);
  doc.Key("media_type").String(inv.document.media_type);
  doc.Key("filename").String(inv.document.filename);
  doc.Key("size_bytes").Int(inv.document.size_bytes);
  doc.Key("pages").OptInt(inv.document.pages ? std::optional<std::int64_t>(*inv.document.pages)
                                          : std::nullopt);
  doc.Close();
  j.Key("fields").Raw(content.fields);
  j.Key("extra_fields").Raw(content.extra_fields);
  j.Key("line_items").Raw(content.line_items);
  j.Key("validation");
  ObjectWriter validation(out);
  validation.Key("issues").Raw(content.issues);
  validation.Close();
  j.Key("extraction");
  ObjectWriter extraction(out);
  extraction.Key("method").OptString(inv.extraction.method.empty()
                                      ? std::nullopt
                                      : std::optional<std::string>(inv.extraction.method));
  extraction.Key("attempts").Int(inv.extraction.attempts);
  extraction.Key("duration_ms").OptInt(inv.extraction.duration_ms);
  extraction.Key("error").OptString(inv.extraction.error);
  extraction.Close();
  if (inv.review_lease) {
    j.Key("review_lease");
    ObjectWriter lease(out);
    lease.Key("holder").String(inv.review_lease->holder);
    lease.Key("expires_at").String(FormatRfc3339(inv.review_lease->expires_at));
    lease.Close();
  }
  if (inv.reject_reason) j.Key("reject_reason").String(*inv.reject_reason);
  j.Close();
}

void AppendRecord(std::string& out, const domain::InvoiceView& view) {
  AppendRecord(out, view.head,
               {view.fields_json, view.line_items_json, view.head.extra_fields_json,
                view.issues_json});
}

Error Malformed(std::string_view what) {
  return errors::BadRequest("malformed " + std::string(what));
}

// Parses `text` and hands the document to `decode`; any nlohmann exception (a wrong type
// that slipped past the explicit checks) becomes the same BAD_REQUEST.
template <typename T, typename Decode>
Result<T> ParseWith(std::string_view text, std::string_view what, Decode decode) {
  const nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded()) return Malformed(what);
  try {
    return decode(doc);
  } catch (const nlohmann::json::exception&) {
    return Malformed(what);
  }
}

// Money and quantities are decimal strings; a JSON number is INVALID_VALUE (API.md), named
// like "line_items[2].amount".
Result<std::optional<Decimal>> OptionalDecimal(const nlohmann::json& item, std::size_t index,
                                               const char* key) {
  const auto it = item.find(key);
  if (it == item.end() || it->is_null()) return std::optional<Decimal>();
  const std::string name = "line_items[" + std::to_string(index) + "]." + key;
  if (!it->is_string()) return errors::InvalidValue(name, name + " must be a decimal string");
  auto d = Decimal::Parse(it->get_ref<const std::string&>());
  if (!d) return errors::InvalidValue(name, name + " is not a decimal");
  return std::optional<Decimal>(*d);
}

Result<domain::FieldValue> DecodeFieldValue(const nlohmann::json& j) {
  if (!j.is_object() || !j.contains("value") || !j["value"].is_string()) {
    return Malformed("field value");
  }
  domain::FieldValue f;
  f.value = j["value"].get<std::string>();
  if (j.contains("confidence") && j["confidence"].is_number()) {
    f.confidence = j["confidence"].get<double>();
  }
  if (j.contains("source") && j["source"].is_string()) {
    auto source = domain::ParseSource(j["source"].get<std::string>());
    if (!source) return Malformed("field source");
    f.source = *source;
  }
  if (j.contains("page") && j["page"].is_number_integer()) f.page = j["page"].get<int>();
  if (j.contains("bbox") && j["bbox"].is_array()) {
    const auto& b = j["bbox"];
    if (b.size() != 4) return Malformed("bbox");
    for (const auto& v : b) {
      if (!v.is_number()) return Malformed("bbox");
    }
    f.bbox = domain::BoundingBox{b[0].get<double>(), b[1].get<double>(), b[2].get<double>(),
                                 b[3].get<double>()};
  }
  return f;
}

std::optional<std::string> DecodeChangeValue(const Json& v, bool& json) {
  if (v.is_null()) return std::nullopt;
  if (v.is_string()) return v.get<std::string>();
  json = true;
  return v.dump();
}

// Text from extractors may hold invalid UTF-8; replace it rather than throw.
std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

}  // namespace

std::string FieldsToJson(const domain::FieldMap& fields) { return Dump(FieldsJson(fields)); }

Result<domain::FieldMap> FieldsFromJson(std::string_view json) {
  return ParseWith<domain::FieldMap>(json, "fields",
                                     [](const nlohmann::json& doc) -> Result<domain::FieldMap> {
                                       if (!doc.is_object()) return Malformed("fields");
                                       domain::FieldMap out;
                                       for (const auto& [name, value] : doc.items()) {
                                         auto f = DecodeFieldValue(value);
                                         if (!f) return std::move(f).error();
                                         out.emplace(name, std::move(*f));
                                       }
                                       return out;
                                     });
}

std::string LineItemsToJson(const std::vector<domain::LineItem>& items) {
  return Dump(LineItemsJson(items));
}

Result<std::vector<domain::LineItem>> LineItemsFromJson(std::string_view json) {
  using Items = std::vector<domain::LineItem>;
  return ParseWith<Items>(json, "line_items", [](const nlohmann::json& doc) -> Result<Items> {
    if (!doc.is_array()) return Malformed("line_items");
    Items out;
    for (std::size_t index = 0; index < doc.size(); ++index) {
      const auto& j = doc[index];
      if (!j.is_object()) return Malformed("line item");
      domain::LineItem item;
      if (j.contains("description")) {
        if (!j["description"].is_string()) return Malformed("line item description");
        item.description = j["description"].get<std::string>();
      }
      std::optional<Decimal>* targets[] = {&item.quantity, &item.unit_price, &item.amount,
                                           &item.tax_rate};
      const char* keys[] = {"quantity", "unit_price", "amount", "tax_rate"};
      for (std::size_t k = 0; k < 4; ++k) {
        auto d = OptionalDecimal(j, index, keys[k]);
        if (!d) return std::move(d).error();
        *targets[k] = *d;
      }
      out.push_back(std::move(item));
    }
    return out;
  });
}

std::string IssuesToJson(const std::vector<domain::ValidationIssue>& issues) {
  return Dump(IssuesJson(issues));
}

Result<std::vector<domain::ValidationIssue>> IssuesFromJson(std::string_view json) {
  using Issues = std::vector<domain::ValidationIssue>;
  return ParseWith<Issues>(json, "issues", [](const nlohmann::json& doc) -> Result<Issues> {
    if (!doc.is_array()) return Malformed("issues");
    Issues out;
    for (const auto& j : doc) {
      if (!j.is_object() || !j.contains("code") || !j["code"].is_string()) {
        return Malformed("issue");
      }
      domain::ValidationIssue issue;
      issue.code = j["code"].get<std::string>();
      const std::string severity = j.value("severity", std::string("error"));
      if (severity != "error" && severity != "warning") return Malformed("issue severity");
      issue.severity = severity == "error" ? domain::Severity::kError : domain::Severity::kWarning;
      issue.message = j.value("message", std::string());
      if (j.contains("fields")) issue.fields = j["fields"].get<std::vector<std::string>>();
      out.push_back(std::move(issue));
    }
    return out;
  });
}

std::string ChangesToJson(const std::vector<domain::FieldChange>& changes) {
  return Dump(ChangesJson(changes));
}

Result<std::vector<domain::FieldChange>> ChangesFromJson(std::string_view json) {
  using Changes = std::vector<domain::FieldChange>;
  const Json doc = Json::parse(json, nullptr, false);  // ordered: keeps the changes' order
  if (doc.is_discarded() || !doc.is_object()) return Malformed("changes");
  Changes out;
  for (const auto& [field, pair] : doc.items()) {
    if (!pair.is_array() || pair.size() != 2) return Malformed("changes");
    domain::FieldChange change;
    change.field = field;
    change.old_value = DecodeChangeValue(pair[0], change.json);
    change.new_value = DecodeChangeValue(pair[1], change.json);
    out.push_back(std::move(change));
  }
  return out;
}

std::string CanonicalObjectJson(std::string_view json) {
  const Json parsed = Json::parse(json, nullptr, false);
  return parsed.is_object() ? Dump(parsed) : "{}";
}

std::string InvoiceToJson(const domain::Invoice& invoice) {
  const std::string fields = FieldsToJson(invoice.fields);
  const std::string line_items = LineItemsToJson(invoice.line_items);
  const std::string issues = IssuesToJson(invoice.issues);
  std::string out;
  AppendRecord(out, invoice, {fields, line_items, invoice.extra_fields_json, issues});
  return out;
}

std::string InvoiceToJson(const domain::InvoiceView& view) {
  std::string out;
  AppendRecord(out, view);
  return out;
}

std::string InvoiceListToJson(const std::vector<domain::InvoiceView>& items,
                              const std::optional<std::string>& next) {
  std::string out;
  out.reserve(items.size() * 2048 + 64);
  out += "{\"items\":[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    AppendRecord(out, items[i]);
  }
  out += "],\"next\":";
  out += next ? Json(*next).dump() : "null";
  out += '}';
  return out;
}

std::string InvoiceArrayToJson(const std::vector<domain::Invoice>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    out += InvoiceToJson(items[i]);
  }
  out += ']';
  return out;
}

std::string HistoryToJson(const std::vector<domain::HistoryEntry>& entries) {
  Json items = Json::array();
  for (const auto& e : entries) {
    Json o = Json::object();
    o["at"] = FormatRfc3339(e.at);
    o["actor"] = e.actor;
    o["action"] = e.action;
    o["from_state"] =
        e.from_state ? Json(std::string(domain::ToString(*e.from_state))) : Json(nullptr);
    o["to_state"] = e.to_state ? Json(std::string(domain::ToString(*e.to_state))) : Json(nullptr);
    o["review_version"] = e.review_version;
    o["changes"] = ChangesJson(e.changes);
    items.push_back(std::move(o));
  }
  return Dump(Json{{"items", std::move(items)}});
}

}  // namespace invoicer::codec
