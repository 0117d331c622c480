#include "app/extraction_workers.h"

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "fakes/fake_clock.h"
#include "fakes/test_extractor.h"
#include "spy_store.h"
#include "store/sqlite/sqlite_invoice_store.h"
#include "temp_dir.h"

namespace invoicer::app {
namespace {

using domain::ProcessingState;
using std::chrono::milliseconds;
using std::chrono::seconds;

std::string Pdf(int n) { return "%PDF-1.4\n% document " + std::to_string(n) + "\n%%EOF\n"; }

class ExtractionWorkersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = store::OpenSqliteStore(dir_.File("invoicer.db"));
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
    ASSERT_TRUE(store_->Migrate());
    spy_ = std::make_unique<testing::SpyStore>(*store_);
    ServiceOptions options;
    options.extraction_lease = seconds(60);
    service_ = std::make_unique<InvoiceService>(*spy_, extractor_, clock_, metrics_, options);
  }

  std::unique_ptr<ExtractionWorkers> MakeWorkers(WorkerOptions options) {
    return std::make_unique<ExtractionWorkers>(
        *service_, std::move(options),
        [this](std::string_view, const Error& error) {
          std::lock_guard lock(errors_mu_);
          errors_.push_back(error.message);
        });
  }

  domain::Invoice Upload(int n) {
    auto outcome = service_->Upload(Caller{"scanner", store::Role::kIngest}, Pdf(n), "a.pdf");
    EXPECT_TRUE(outcome);
    return outcome->invoice;
  }

  // Waits for the workers' writes until every one of `invoices` is in `state`.
  bool WaitAllIn(const std::vector<domain::Invoice>& invoices, ProcessingState state) {
    return spy_->WaitUntil([&] { return AllIn(invoices, state); }, seconds(20));
  }

  bool AllIn(const std::vector<domain::Invoice>& invoices, ProcessingState state) {
    return std::all_of(invoices.begin(), invoices.end(), [&](const auto& invoice) {
      auto current = store_->Get(invoice.id);
      return current && current->state == state;
    });
  }

  testing::TempDir dir_;
  testing::FakeClock clock_;
  testing::TestExtractor extractor_;
  Metrics metrics_;
  std::unique_ptr<store::InvoiceStore> store_;
  std::unique_ptr<testing::SpyStore> spy_;  // the service's store: lets tests wait for writes
  std::unique_ptr<InvoiceService> service_;
  std::mutex errors_mu_;
  std::vector<std::string> errors_;  // what the workers reported, guarded by errors_mu_
};

TEST_F(ExtractionWorkersTest, ExtractsUploadsWithoutAnyoneCallingExtract) {
  WorkerOptions options;
  options.threads = 2;
  options.poll_interval = seconds(600);  // so only the upload's wake-up can start the work
  auto workers = MakeWorkers(options);
  service_->SetUploadListener([&] { workers->Notify(); });
  workers->Start();
  std::vector<domain::Invoice> uploaded;
  for (int i = 0; i < 6; ++i) uploaded.push_back(Upload(i));
  EXPECT_TRUE(WaitAllIn(uploaded, ProcessingState::kExtracted));
  workers->Stop();
  EXPECT_EQ(extractor_.calls(), 6);
  const auto history = store_->History(uploaded[0].id);
  ASSERT_TRUE(history);
  EXPECT_TRUE(history->back().actor.starts_with("worker-"));
}

TEST_F(ExtractionWorkersTest, PollsForInvoicesStoredByAnotherProcess) {
  WorkerOptions options;
  options.threads = 1;
  options.poll_interval = milliseconds(10);
  auto workers = MakeWorkers(options);
  workers->Start();
  // No upload listener: as if another process had stored them.
  const std::vector<domain::Invoice> uploaded{Upload(1), Upload(2)};
  EXPECT_TRUE(WaitAllIn(uploaded, ProcessingState::kExtracted));
}

TEST_F(ExtractionWorkersTest, RecoversAClaimWhoseExtractorDiedAndExtractsItAgain) {
  const domain::Invoice invoice = Upload(1);
  auto claim = store_->ClaimNextPending(store::Actor{"dead"}, seconds(60), clock_.Now());
  ASSERT_TRUE(claim && *claim);
  clock_.Advance(seconds(61));
  WorkerOptions options;
  options.threads = 1;
  options.poll_interval = seconds(600);
  options.recovery_interval = milliseconds(10);
  auto workers = MakeWorkers(options);
  workers->Start();
  EXPECT_TRUE(WaitAllIn({invoice}, ProcessingState::kExtracted));
  workers->Stop();
  EXPECT_EQ(store_->Get(invoice.id)->extraction.attempts, 2);
}

TEST_F(ExtractionWorkersTest, StopLetsTheRunningExtractionFinish) {
  WorkerOptions options;
  options.threads = 1;
  options.poll_interval = seconds(600);
  auto workers = MakeWorkers(options);
  service_->SetUploadListener([&] { workers->Notify(); });
  extractor_.Hold();
  workers->Start();
  const domain::Invoice invoice = Upload(1);
  extractor_.WaitEntered(1);
  std::thread stopper([&] { workers->Stop(); });
  extractor_.Release();
  stopper.join();
  EXPECT_TRUE(AllIn({invoice}, ProcessingState::kExtracted));
  std::lock_guard lock(errors_mu_);
  EXPECT_TRUE(errors_.empty());
}

}  // namespace
}  // namespace invoicer::app
