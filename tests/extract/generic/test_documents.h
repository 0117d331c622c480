#pragma once

#include <gtest/gtest.h>

#include <string_view>

#include "extract/generic/box_reader.h"
#include "extract/generic/generic_extractor.h"

namespace invoicer::extract::generic::testing {

// Extracts from plain text laid out as on the page (columns by spaces), as a text layer
// (kText) or as if a recogniser had read it from a scan (kOcr).
inline domain::ExtractionResult ExtractText(
    std::string_view text, GenericOptions options = {},
    domain::FieldSource source = domain::FieldSource::kText) {
  auto doc = ReadPlainText(text);
  EXPECT_TRUE(doc.has_value());
  if (!doc) return {};
  doc->source = source;
  auto result = GenericExtractor(std::move(options)).Extract(*doc);
  EXPECT_TRUE(result.has_value());
  return result.has_value() ? *result : domain::ExtractionResult{};
}

inline domain::ExtractionResult ExtractOcrText(std::string_view text) {
  return ExtractText(text, {}, domain::FieldSource::kOcr);
}

// The value of a field, or "<absent>".
inline std::string Value(const domain::ExtractionResult& r, std::string_view field) {
  const auto it = r.fields.find(field);
  return it == r.fields.end() ? "<absent>" : it->second.value;
}

inline double Confidence(const domain::ExtractionResult& r, std::string_view field) {
  const auto it = r.fields.find(field);
  return it == r.fields.end() ? -1 : it->second.confidence;
}

}  // namespace invoicer::extract::generic::testing
