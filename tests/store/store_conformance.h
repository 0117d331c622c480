#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "fakes/fake_clock.h"
#include "store/invoice_store.h"

namespace invoicer::store::testing {

// One fresh, empty database for one test. Open() may be called more than once: every call
// gives another handle (another "process") on the same database. The harness deletes the
// database when destroyed; handles must be gone by then.
class StoreHarness {
 public:
  virtual ~StoreHarness() = default;
  [[nodiscard]] virtual Result<std::unique_ptr<InvoiceStore>> Open() = 0;
};

// How the conformance suite makes harnesses for one InvoiceStore implementation.
struct StoreFactory {
  std::string name;  // the suite's parameter name, e.g. "Sqlite"
  std::function<std::unique_ptr<StoreHarness>()> make;
};

// Names the parameter in gtest's output.
inline void PrintTo(const StoreFactory& factory, std::ostream* os) { *os << factory.name; }

// The behavioural contract of InvoiceStore (invoice_store.h, API.md), run on every
// implementation: instantiate with
//   INSTANTIATE_TEST_SUITE_P(Sqlite, StoreConformanceTest, ::testing::Values(factory),
//                            StoreConformanceTest::ParamName);
// Time comes from a FakeClock, so leases expire without sleeping.
class StoreConformanceTest : public ::testing::TestWithParam<StoreFactory> {
 public:
  static std::string ParamName(const ::testing::TestParamInfo<StoreFactory>& info) {
    return info.param.name;
  }

 protected:
  void SetUp() override;
  void TearDown() override;

  // A new database and a migrated handle on it (replaces harness_ and store_).
  void Reset();
  // Another migrated handle on the current database.
  std::unique_ptr<InvoiceStore> OpenAnother();

  // Uploads `content` (a new document unless the content was used before).
  domain::Invoice Upload(const std::string& content, const std::string& filename = "a.pdf");
  Claim ClaimOk(const domain::Invoice& inv, bool force = false);
  // Claims and stores a confident extraction with these fields (vendor and number set).
  domain::Invoice Extract(const domain::Invoice& inv, const std::string& vendor,
                          const std::string& number, double confidence = 0.99,
                          bool needs_review = false);
  // A fresh invoice driven to `state` through the store's own operations. `last_claim`
  // receives the claim made on the way (if any).
  domain::Invoice DriveTo(domain::ProcessingState state,
                          std::optional<Claim>* last_claim = nullptr);
  domain::Invoice Validate(const domain::Invoice& inv);
  domain::Invoice MustGet(const InvoiceId& id);
  std::vector<HistoryEntry> MustHistory(const InvoiceId& id);

  static constexpr std::chrono::milliseconds kLease{std::chrono::minutes(5)};
  static constexpr std::chrono::milliseconds kReviewLease{std::chrono::minutes(15)};

  invoicer::testing::FakeClock clock_;
  std::unique_ptr<StoreHarness> harness_;
  std::unique_ptr<InvoiceStore> store_;
  int uploads_ = 0;
};

}  // namespace invoicer::store::testing
