#pragma once

#include <atomic>
#include <string>

#include "store/invoice_store.h"

namespace invoicer::testing {

// An InvoiceStore that forwards to a real one until the test switches it "down"; then
// every call fails with UNAVAILABLE, as a store that is unreachable or locked would.
// Borrows the real store. Thread-safe.
class SwitchableStore final : public store::InvoiceStore {
 public:
  explicit SwitchableStore(store::InvoiceStore& inner) : inner_(inner) {}
  void SetDown(bool down) { down_ = down; }

  Result<int> Migrate() override {
    return Call([&] { return inner_.Migrate(); });
  }
  Status Ping() override {
    return Call([&] { return inner_.Ping(); });
  }
  Result<store::CreateOutcome> CreateInvoice(const store::NewDocument& doc,
                                             const store::Actor& actor, Timestamp now) override {
    return Call([&] { return inner_.CreateInvoice(doc, actor, now); });
  }
  Result<store::Invoice> Get(const InvoiceId& id) override {
    return Call([&] { return inner_.Get(id); });
  }
  Result<domain::InvoiceView> GetView(const InvoiceId& id) override {
    return Call([&] { return inner_.GetView(id); });
  }
  Result<store::StoredDocument> GetDocument(const InvoiceId& id) override {
    return Call([&] { return inner_.GetDocument(id); });
  }
  Result<store::ListPage> List(const store::ListQuery& query) override {
    return Call([&] { return inner_.List(query); });
  }
  Result<std::vector<store::HistoryEntry>> History(const InvoiceId& id) override {
    return Call([&] { return inner_.History(id); });
  }
  Result<std::map<store::ProcessingState, std::int64_t>> CountByState() override {
    return Call([&] { return inner_.CountByState(); });
  }
  Result<std::vector<std::string>> FindDuplicates(const InvoiceId& id, std::string_view vendor_name,
                                                  std::string_view invoice_number) override {
    return Call([&] { return inner_.FindDuplicates(id, vendor_name, invoice_number); });
  }
  Result<store::Claim> ClaimForExtraction(const InvoiceId& id, const store::Actor& worker,
                                          std::chrono::milliseconds lease, bool force,
                                          Timestamp now) override {
    return Call([&] { return inner_.ClaimForExtraction(id, worker, lease, force, now); });
  }
  Result<std::optional<store::Claim>> ClaimNextPending(const store::Actor& worker,
                                                       std::chrono::milliseconds lease,
                                                       Timestamp now) override {
    return Call([&] { return inner_.ClaimNextPending(worker, lease, now); });
  }
  Status RenewClaim(const store::Claim& claim, std::chrono::milliseconds lease,
                    Timestamp now) override {
    return Call([&] { return inner_.RenewClaim(claim, lease, now); });
  }
  Result<store::Invoice> SetExtractionResult(const store::Claim& claim,
                                             const store::ExtractionOutcome& outcome,
                                             const store::Actor& worker, Timestamp now) override {
    return Call([&] { return inner_.SetExtractionResult(claim, outcome, worker, now); });
  }
  Result<store::Invoice> FailExtraction(const store::Claim& claim, std::string_view error,
                                        std::int64_t duration_ms, const store::Actor& worker,
                                        Timestamp now) override {
    return Call([&] { return inner_.FailExtraction(claim, error, duration_ms, worker, now); });
  }
  Result<int> RecoverExpiredClaims(Timestamp now, int max_attempts) override {
    return Call([&] { return inner_.RecoverExpiredClaims(now, max_attempts); });
  }
  Result<store::Invoice> UpdateWithReviewVersion(const InvoiceId& id,
                                                 const store::ReviewUpdate& update,
                                                 std::int64_t expected_version,
                                                 const store::Actor& actor,
                                                 Timestamp now) override {
    return Call(
        [&] { return inner_.UpdateWithReviewVersion(id, update, expected_version, actor, now); });
  }
  Result<store::Invoice> Transition(const InvoiceId& id, const store::TransitionRequest& request,
                                    const store::Actor& actor, Timestamp now) override {
    return Call([&] { return inner_.Transition(id, request, actor, now); });
  }
  Result<std::optional<store::Invoice>> LeaseNextForReview(const store::Actor& holder,
                                                           std::chrono::milliseconds lease,
                                                           Timestamp now) override {
    return Call([&] { return inner_.LeaseNextForReview(holder, lease, now); });
  }
  Result<std::vector<store::Invoice>> ExportValidated(
      const std::optional<std::vector<InvoiceId>>& ids, const store::Actor& actor,
      Timestamp now) override {
    return Call([&] { return inner_.ExportValidated(ids, actor, now); });
  }
  Status CreateToken(const store::TokenRecord& token) override {
    return Call([&] { return inner_.CreateToken(token); });
  }
  Result<std::optional<store::TokenRecord>> FindActiveToken(std::string_view token_hash) override {
    return Call([&] { return inner_.FindActiveToken(token_hash); });
  }
  Result<std::vector<store::TokenRecord>> ListTokens() override {
    return Call([&] { return inner_.ListTokens(); });
  }
  Status RevokeToken(std::string_view name, Timestamp now) override {
    return Call([&] { return inner_.RevokeToken(name, now); });
  }

 private:
  template <typename F>
  auto Call(F f) -> decltype(f()) {
    if (down_) return errors::Unavailable("database is locked");
    return f();
  }

  store::InvoiceStore& inner_;
  std::atomic<bool> down_{false};
};

}  // namespace invoicer::testing
