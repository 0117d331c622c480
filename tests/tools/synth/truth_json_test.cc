#include "synth/truth_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "synth/invoice_generator.h"

namespace invoicer::synth {
namespace {

Decimal Amount(const nlohmann::json& value) {
  return Decimal::Parse(value.get<std::string>()).value();
}

TEST(SynthTruthJsonTest, WritesTheCorpusTruthFieldsAsStrings) {
  const std::set<std::string> known = {"invoice_number",
                                       "invoice_date",
                                       "due_date",
                                       "currency",
                                       "vendor_name",
                                       "vendor_address",
                                       "vendor_tax_id",
                                       "customer_name",
                                       "customer_address",
                                       "customer_tax_id",
                                       "purchase_order",
                                       "subtotal",
                                       "total_tax",
                                       "total",
                                       "amount_due",
                                       "iban",
                                       "bic",
                                       "payment_terms",
                                       "line_items"};
  for (std::uint64_t i = 0; i < 200; ++i) {
    const nlohmann::json truth =
        nlohmann::json::parse(TruthJson(GenerateInvoice(1, i, kMaxLineItems)));
    for (const auto& [key, value] : truth.items()) {
      EXPECT_TRUE(known.contains(key)) << key;
      if (key != "line_items") {
        EXPECT_TRUE(value.is_string()) << key;
      }
    }
    for (const char* key : {"invoice_number", "invoice_date", "currency", "vendor_name", "total"}) {
      EXPECT_TRUE(truth.contains(key)) << i << " " << key;
    }
    EXPECT_TRUE(Date::Parse(truth["invoice_date"].get<std::string>()).has_value());
    if (truth.contains("due_date")) {
      EXPECT_TRUE(Date::Parse(truth["due_date"].get<std::string>()).has_value());
    }
    EXPECT_TRUE(IsKnownCurrency(truth["currency"].get<std::string>()));
  }
}

TEST(SynthTruthJsonTest, AddsUpLineItemsSubtotalTaxAndTotal) {
  for (std::uint64_t i = 0; i < 300; ++i) {
    const nlohmann::json truth =
        nlohmann::json::parse(TruthJson(GenerateInvoice(2, i, kMaxLineItems)));
    Decimal lines;
    ASSERT_FALSE(truth["line_items"].empty());
    for (const nlohmann::json& item : truth["line_items"]) {
      lines = lines.Add(Amount(item["amount"])).value();
      for (const auto& [key, value] : item.items()) EXPECT_TRUE(value.is_string()) << key;
    }
    EXPECT_EQ(lines, Amount(truth["subtotal"])) << i;
    EXPECT_EQ(Amount(truth["subtotal"]).Add(Amount(truth["total_tax"])).value(),
              Amount(truth["total"]))
        << i;
  }
}

}  // namespace
}  // namespace invoicer::synth
