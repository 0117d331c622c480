#include "extract/templates/match_mapper.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <nlohmann/json.hpp>

namespace invoicer::extract::templates {

namespace {

using domain::FieldKind;
using domain::FieldValue;

// invoice2data's names that are ours under another name.
constexpr std::array<std::pair<std::string_view, std::string_view>, 13> kAliases{{
    {"partner_name", "vendor_name"},
    {"vat", "vendor_tax_id"},
    {"company_vat", "customer_tax_id"},
    {"invoice_number", "invoice_number"},
    {"date", "invoice_date"},
    {"date_due", "due_date"},
    {"amount", "total"},
    {"amount_untaxed", "subtotal"},
    {"amount_tax", "total_tax"},
    {"currency", "currency"},
    {"iban", "iban"},
    {"bic", "bic"},
    {"purchase_order_id", "purchase_order"},
}};

constexpr std::array<std::pair<std::string_view, std::string_view>, 22> kCurrencySymbols{{
    {"€", "EUR"},   {"EURO", "EUR"}, {"$", "USD"},   {"US$", "USD"}, {"£", "GBP"},   {"¥", "JPY"},
    {"₹", "INR"},   {"RS", "INR"},   {"RS.", "INR"}, {"ZŁ", "PLN"},  {"ZL", "PLN"},  {"FR.", "CHF"},
    {"R$", "BRL"},  {"A$", "AUD"},   {"AU$", "AUD"}, {"C$", "CAD"},  {"CA$", "CAD"}, {"HK$", "HKD"},
    {"₽", "RUB"}, {"₺", "TRY"},    {"₪", "ILS"},   {"KČ", "CZK"},
}};

std::string Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) s.remove_suffix(1);
  return std::string(s);
}

std::string UpperNoSpaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c)) == 0) {
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

std::optional<std::string> CurrencyCode(std::string_view text) {
  const std::string key = UpperNoSpaces(text);
  if (IsKnownCurrency(key)) return key;
  for (const auto& [symbol, code] : kCurrencySymbols) {
    if (key == UpperNoSpaces(symbol)) return std::string(code);
  }
  return std::nullopt;
}

nlohmann::ordered_json ToJson(const Value& v) {
  switch (v.kind) {
    case Value::Kind::kNull:
      return nullptr;
    case Value::Kind::kText:
      return v.text;
    case Value::Kind::kNumber:
      return v.number.ToString();
    case Value::Kind::kDate:
      return v.date.ToString();
    case Value::Kind::kBool:
      return v.flag;
    case Value::Kind::kList: {
      auto array = nlohmann::ordered_json::array();
      for (const Value& item : v.items) array.push_back(ToJson(item));
      return array;
    }
    case Value::Kind::kObject: {
      auto object = nlohmann::ordered_json::object();
      for (const auto& [name, member] : v.members) object[name] = ToJson(member);
      return object;
    }
  }
  return nullptr;
}

class Mapper {
 public:
  Mapper(const TemplateDef& def, const LayoutText& layout) : def_(def), layout_(layout) {}

  // Our value of `v` for a field of `kind`, located; nullopt when it does not convert.
  std::optional<FieldValue> Convert(const Value& v, FieldKind kind) const {
    if (v.kind == Value::Kind::kList) {
      if (v.items.empty()) return std::nullopt;
      auto first = Convert(v.items.front(), kind);
      if (first) first->confidence = std::min(first->confidence, kConfidenceAmbiguous);
      return first;
    }
    std::optional<std::string> text;
    double confidence = kConfidenceTemplate;
    switch (kind) {
      case FieldKind::kDate:
        if (v.kind == Value::Kind::kDate) {
          text = v.date.ToString();
          if (v.ambiguous) confidence = kConfidenceAmbiguous;
        } else if (v.kind == Value::Kind::kText) {
          if (auto parsed = def_.options.dates->Parse(v.text)) {
            text = parsed->date.ToString();
            if (parsed->ambiguous) confidence = kConfidenceAmbiguous;
          }
        }
        break;
      case FieldKind::kMoney:
        if (v.kind == Value::Kind::kNumber) {
          text = v.number.ToString();
        } else if (v.kind == Value::Kind::kText) {
          if (auto n = ParseNumber(v.text, def_.options.decimal_separator)) text = n->ToString();
        }
        break;
      case FieldKind::kCurrency:
        if (v.kind == Value::Kind::kText) text = CurrencyCode(v.text);
        break;
      case FieldKind::kIban:
      case FieldKind::kBic:
        if (v.kind == Value::Kind::kText) text = UpperNoSpaces(v.text);
        break;
      case FieldKind::kText:
        if (v.kind == Value::Kind::kText) text = Trim(v.text);
        if (v.kind == Value::Kind::kNumber) text = v.number.ToString();
        if (v.kind == Value::Kind::kDate) text = v.date.ToString();
        break;
    }
    if (!text || text->empty()) return std::nullopt;
    FieldValue field{*text, confidence, domain::FieldSource::kTemplate, 0, std::nullopt};
    Locate(v, field);
    return field;
  }

  void Locate(const Value& v, FieldValue& field) const {
    for (const TextSpan& span : v.spans) {
      const auto found = layout_.Locate(span.begin, span.end);
      if (!found) continue;
      if (field.page == 0) {
        field.page = found->first;
        field.bbox = found->second;
      } else if (field.page == found->first && field.bbox) {
        field.bbox = domain::BoundingBox{
            std::min(field.bbox->x0, found->second.x0), std::min(field.bbox->y0, found->second.y0),
            std::max(field.bbox->x1, found->second.x1), std::max(field.bbox->y1, found->second.y1)};
      }
    }
  }

  // partner_street, _street2, _street3 and "partner_zip partner_city", joined by ", ".
  std::optional<FieldValue> Address(const Value& output) const {
    Value joined = Value::Text("");
    std::vector<std::string> parts;
    auto part = [&](std::initializer_list<std::string_view> names) {
      std::string piece;
      for (std::string_view name : names) {
        const Value* v = output.Member(name);
        if (v == nullptr || v->kind != Value::Kind::kText || Trim(v->text).empty()) continue;
        piece += (piece.empty() ? "" : " ") + Trim(v->text);
        joined.spans.insert(joined.spans.end(), v->spans.begin(), v->spans.end());
      }
      if (!piece.empty()) parts.push_back(std::move(piece));
    };
    part({"partner_street"});
    part({"partner_street2"});
    part({"partner_street3"});
    part({"partner_zip", "partner_city"});
    if (parts.empty()) return std::nullopt;
    for (const std::string& p : parts) joined.text += (joined.text.empty() ? "" : ", ") + p;
    FieldValue field{joined.text, kConfidenceComposed, domain::FieldSource::kTemplate, 0,
                     std::nullopt};
    Locate(joined, field);
    return field;
  }

  std::optional<Decimal> Number(const Value& row, std::initializer_list<std::string_view> names) {
    for (std::string_view name : names) {
      const Value* v = row.Member(name);
      if (v == nullptr) continue;
      if (v->kind == Value::Kind::kNumber) return v->number;
      if (v->kind == Value::Kind::kText) {
        if (auto n = ParseNumber(v->text, def_.options.decimal_separator)) return n;
      }
    }
    return std::nullopt;
  }

  std::vector<domain::LineItem> LineItems(const Value& rows) {
    std::vector<domain::LineItem> items;
    for (const Value& row : rows.items) {
      if (row.kind != Value::Kind::kObject) continue;
      domain::LineItem item;
      for (std::string_view name : {"name", "description", "desc", "product"}) {
        const Value* v = row.Member(name);
        if (item.description.empty() && v != nullptr && v->kind == Value::Kind::kText) {
          item.description = Trim(v->text);
        }
      }
      item.quantity = Number(row, {"qty", "quantity"});
      item.unit_price = Number(row, {"price_unit", "unit_price", "unitprice", "price"});
      item.amount = Number(row, {"price_subtotal", "amount", "price_total", "total"});
      item.tax_rate = Number(row, {"line_tax_percent", "vat_rate", "tax_percent", "taxpercent"});
      if (!item.description.empty() || item.quantity || item.unit_price || item.amount) {
        items.push_back(std::move(item));
      }
    }
    return items;
  }

 private:
  const TemplateDef& def_;
  const LayoutText& layout_;
};

std::string_view OurName(std::string_view name) {
  for (const auto& [theirs, ours] : kAliases) {
    if (theirs == name) return ours;
  }
  const domain::FieldSpec* spec = domain::FindField(name);
  return spec != nullptr ? spec->name : std::string_view();
}

}  // namespace

TemplateMatch ToTemplateMatch(const Value& output, const TemplateDef& def,
                              const LayoutText& layout) {
  Mapper mapper(def, layout);
  TemplateMatch match;
  match.issuer = def.issuer;
  const bool currency_defaulted =
      !def.options.currency && std::none_of(def.fields.begin(), def.fields.end(),
                                            [](const FieldDef& f) { return f.name == "currency"; });
  auto extra = nlohmann::ordered_json::object();
  for (const auto& [name, value] : output.members) {
    if (name == "issuer") continue;  // names the vendor only when no field does (below)
    const std::string_view ours = OurName(name);
    const domain::FieldSpec* spec = ours.empty() ? nullptr : domain::FindField(ours);
    if (spec != nullptr && !match.fields.contains(ours)) {
      if (auto converted = mapper.Convert(value, spec->kind)) {
        if (name == "currency" && currency_defaulted && value.spans.empty()) {
          converted->confidence = kConfidenceDefault;
        }
        match.fields.emplace(std::string(ours), std::move(*converted));
        // A list was narrowed to its first value: keep all of them too.
        if (value.kind != Value::Kind::kList) continue;
      }
    }
    if (name == "lines" && value.kind == Value::Kind::kList) {
      match.line_items = mapper.LineItems(value);
    }
    extra[name] = ToJson(value);
  }
  if (!match.fields.contains("vendor_name")) {
    match.fields.emplace("vendor_name",
                         FieldValue{def.issuer, kConfidenceTemplate, domain::FieldSource::kTemplate,
                                    0, std::nullopt});
  }
  if (!match.fields.contains("vendor_address")) {
    if (auto address = mapper.Address(output)) match.fields.emplace("vendor_address", *address);
  }
  match.extra_fields_json = extra.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return match;
}

}  // namespace invoicer::extract::templates
