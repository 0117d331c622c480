#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>

#include "extract/extractor.h"

namespace invoicer::testing {

// A deterministic extractor for tests (a test double, not the engine): it derives the
// fields from the document bytes, so every document gives a valid, confident invoice,
// unless the bytes contain "FAIL-EXTRACTION" (then kUnreadableDocument).
// Races are made reproducible with a gate: while Hold() is in force, Extract blocks until
// Release(), and Entered() reports how many extractions are waiting at the gate.
// Thread-safe.
class TestExtractor final : public extract::Extractor {
 public:
  Result<domain::ExtractionResult> Extract(const extract::DocumentInput& doc) override {
    {
      std::unique_lock lock(mu_);
      ++entered_;
      cv_.notify_all();
      cv_.wait(lock, [&] { return !held_; });
      ++calls_;
    }
    if (doc.bytes.find("FAIL-EXTRACTION") != std::string_view::npos) {
      return errors::UnreadableDocument("test extractor: the document asked to fail");
    }
    domain::ExtractionResult r;
    r.method = "test";
    r.pages = 1;
    const std::string number = "INV-" + std::to_string(doc.bytes.size());
    auto put = [&](std::string name, std::string value) {
      r.fields[std::move(name)] =
          domain::FieldValue{std::move(value), 0.99, domain::FieldSource::kText, 1,
                             domain::BoundingBox{10, 10, 100, 20}};
    };
    put("vendor_name", "Test Vendor GmbH");
    put("invoice_number", number);
    put("invoice_date", "2026-01-15");
    put("currency", "EUR");
    put("subtotal", "100.00");
    put("total_tax", "19.00");
    put("total", "119.00");
    return r;
  }

  void Hold() {
    std::lock_guard lock(mu_);
    held_ = true;
  }
  void Release() {
    std::lock_guard lock(mu_);
    held_ = false;
    cv_.notify_all();
  }
  // Blocks until at least `n` extractions have reached the gate.
  void WaitEntered(int n) {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return entered_ >= n; });
  }
  int calls() const {
    std::lock_guard lock(mu_);
    return calls_;
  }

 private:
  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool held_ = false;
  int entered_ = 0;
  int calls_ = 0;
};

}  // namespace invoicer::testing
