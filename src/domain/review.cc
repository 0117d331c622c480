#include "domain/review.h"

#include <algorithm>
#include <cctype>

#include "domain/validate.h"

namespace invoicer::domain {

namespace {

// Longer text is not a field value but a paste accident; the cap keeps records small.
constexpr std::size_t kMaxTextBytes = 2000;
// API.md: unit prices and quantities have at most 6 decimals.
constexpr int kMaxItemScale = 6;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string Trimmed(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return std::string(text);
}

// Upper-case ASCII with every space removed (IBAN "de89 3704 ..." -> "DE893704...").
std::string Compact(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (!IsSpace(c)) out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  return out;
}

bool IsUpperAlpha(char c) { return c >= 'A' && c <= 'Z'; }
bool IsUpperAlnum(char c) { return IsUpperAlpha(c) || (c >= '0' && c <= '9'); }

// ISO 9362: 4 letters bank, 2 letters country, 2 alphanumerics location, optional 3 branch.
bool IsValidBic(std::string_view bic) {
  if (bic.size() != 8 && bic.size() != 11) return false;
  return std::all_of(bic.begin(), bic.begin() + 6, IsUpperAlpha) &&
         std::all_of(bic.begin() + 6, bic.end(), IsUpperAlnum);
}

Status CheckScale(std::string_view field, const Decimal& d, int max_scale) {
  if (d.SignificantScale() <= max_scale) return {};
  return errors::InvalidValue(
      field, std::string(field) + " has more than " + std::to_string(max_scale) + " decimals");
}

// Money is rescaled to exactly the currency's decimals ("120" EUR -> "120.00") so that
// stored amounts look alike.
Result<std::string> CheckMoney(std::string_view field, std::string_view text, int scale) {
  auto d = Decimal::Parse(text);
  if (!d) {
    return errors::InvalidValue(field, std::string(field) + " must be a decimal like 1234.50");
  }
  if (auto ok = CheckScale(field, *d, scale); !ok) return std::move(ok).error();
  auto rescaled = d->RescaledHalfEven(scale);
  if (!rescaled) return errors::InvalidValue(field, std::string(field) + " is too large");
  return rescaled->ToString();
}

Result<std::string> CheckValue(const FieldSpec& spec, std::string_view raw, int money_scale) {
  const std::string field(spec.name);
  switch (spec.kind) {
    case FieldKind::kText: {
      std::string text = Trimmed(raw);
      if (text.empty())
        return errors::InvalidValue(field, field + " is empty; use null to remove it");
      if (text.size() > kMaxTextBytes) return errors::InvalidValue(field, field + " is too long");
      return text;
    }
    case FieldKind::kDate: {
      auto date = Date::Parse(Trimmed(raw));
      if (!date) return errors::InvalidValue(field, field + " must be a real date YYYY-MM-DD");
      return date->ToString();
    }
    case FieldKind::kMoney:
      return CheckMoney(field, Trimmed(raw), money_scale);
    case FieldKind::kCurrency: {
      std::string code = Compact(raw);
      if (!IsKnownCurrency(code)) {
        return errors::InvalidValue(field, field + " must be an ISO 4217 code like EUR");
      }
      return code;
    }
    case FieldKind::kIban: {
      std::string iban = Compact(raw);
      if (!IsValidIban(iban)) return errors::InvalidValue(field, "not a valid IBAN");
      return iban;
    }
    case FieldKind::kBic: {
      std::string bic = Compact(raw);
      if (!IsValidBic(bic)) return errors::InvalidValue(field, "not a valid BIC");
      return bic;
    }
  }
  return errors::Internal("unknown field kind");
}

// The currency whose decimals bound the money fields: the patch's own when it sets one
// (a removal leaves none), else the record's.
int MoneyScale(const ReviewPatch& patch, std::optional<std::string_view> current_currency) {
  if (const auto it = patch.fields.find("currency"); it != patch.fields.end()) {
    return it->second ? CurrencyExponent(Compact(*it->second)) : 2;
  }
  return current_currency ? CurrencyExponent(*current_currency) : 2;
}

Status CheckLineItem(const LineItem& item, std::size_t index, int money_scale) {
  const std::string prefix = "line_items[" + std::to_string(index) + "].";
  const struct {
    const std::optional<Decimal>* value;
    const char* name;
    int max_scale;
  } parts[] = {{&item.quantity, "quantity", kMaxItemScale},
               {&item.unit_price, "unit_price", kMaxItemScale},
               {&item.amount, "amount", money_scale},
               {&item.tax_rate, "tax_rate", kMaxItemScale}};
  for (const auto& part : parts) {
    if (!*part.value) continue;
    if (auto ok = CheckScale(prefix + part.name, **part.value, part.max_scale); !ok) {
      return std::move(ok).error();
    }
  }
  if (item.description.size() > kMaxTextBytes) {
    return errors::InvalidValue(prefix + "description", prefix + "description is too long");
  }
  return {};
}

}  // namespace

Result<ReviewPatch> CheckPatch(const ReviewPatch& patch,
                               std::optional<std::string_view> current_currency) {
  const int money_scale = MoneyScale(patch, current_currency);
  ReviewPatch out;
  for (const auto& [name, value] : patch.fields) {
    if (IsProtectedName(name)) return errors::ProtectedField(name);
    const FieldSpec* spec = FindField(name);
    if (spec == nullptr) return errors::UnknownField(name);
    if (!value) {
      out.fields.emplace(name, std::nullopt);
      continue;
    }
    auto checked = CheckValue(*spec, *value, money_scale);
    if (!checked) return std::move(checked).error();
    out.fields.emplace(name, std::move(*checked));
  }
  if (patch.line_items) {
    for (std::size_t i = 0; i < patch.line_items->size(); ++i) {
      if (auto ok = CheckLineItem((*patch.line_items)[i], i, money_scale); !ok) {
        return std::move(ok).error();
      }
    }
    out.line_items = patch.line_items;
  }
  return out;
}

Invoice ApplyPatch(const Invoice& current, const ReviewPatch& patch,
                   std::vector<FieldChange>& changes,
                   std::string (*line_items_json)(const std::vector<LineItem>&)) {
  Invoice next = current;
  for (const auto& [name, value] : patch.fields) {
    const auto it = next.fields.find(name);
    std::optional<std::string> old_value;
    if (it != next.fields.end()) old_value = it->second.value;
    if (!value) {
      if (it != next.fields.end()) next.fields.erase(it);
    } else {
      // A reviewer who sends the value unchanged confirms it: it becomes the human's.
      next.fields[name] = FieldValue{*value, 1.0, FieldSource::kHuman, 0, std::nullopt};
    }
    if (old_value != value) changes.push_back(FieldChange{name, old_value, value, false});
  }
  if (patch.line_items && *patch.line_items != current.line_items) {
    changes.push_back(FieldChange{"line_items", line_items_json(current.line_items),
                                  line_items_json(*patch.line_items), true});
    next.line_items = *patch.line_items;
  }
  return next;
}

}  // namespace invoicer::domain
