#pragma once

#include <gtest/gtest.h>

#include <string_view>

#include "extract/generic/box_reader.h"
#include "extract/generic/generic_extractor.h"

namespace invoicer::extract::generic::testing {

// Extracts from plain text laid out as on the page (columns by spaces).
inline domain::ExtractionResult ExtractText(std::string_view text, GenericOptions options = {}) {
  auto doc = ReadPlainText(text);
  EXPECT_TRUE(doc.has_value());
  auto result = GenericExtractor(std::move(options)).Extract(*doc);
  EXPECT_TRUE(result.has_value());
  return result.has_value() ? *result : domain::ExtractionResult{};
}

// The same text as if a recogniser had read it from a scan (source kOcr).
inline domain::ExtractionResult ExtractOcrText(std::string_view text, GenericOptions options = {}) {
  auto doc = ReadPlainText(text);
  EXPECT_TRUE(doc.has_value());
  if (!doc) return {};
  doc->source = domain::FieldSource::kOcr;
  auto result = GenericExtractor(std::move(options)).Extract(*doc);
  EXPECT_TRUE(result.has_value());
  return result.has_value() ? *result : domain::ExtractionResult{};
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
