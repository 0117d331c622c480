#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>

#include "store/invoice_store.h"

namespace invoicer::testing {

// An InvoiceStore that forwards every call to a real one and lets a test wait for what
// background threads did through it: a claim renewal at (fake) time `t` or later, or any
// condition that a write makes true. Thread-safe.
class SpyStore final : public store::InvoiceStore {
 public:
  explicit SpyStore(store::InvoiceStore& inner) : inner_(inner) {}

  // Blocks until `condition` holds, checking it now and again after every write through this
  // store; false if it still does not hold after `limit` (a failed test, not a timing).
  bool WaitUntil(const std::function<bool()>& condition, std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    std::unique_lock lock(mu_);
    while (true) {
      const std::uint64_t seen = writes_;
      lock.unlock();
      if (condition()) return true;
      lock.lock();
      if (!cv_.wait_until(lock, deadline, [&] { return writes_ != seen; })) return false;
    }
  }

  // Blocks until RenewClaim succeeded with `now >= t`.
  void WaitForRenewalAtOrAfter(Timestamp t) {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return last_renewal_ >= t; });
  }

  Status RenewClaim(const store::Claim& claim, std::chrono::milliseconds lease,
                    Timestamp now) override {
    Status s = inner_.RenewClaim(claim, lease, now);
    if (s) {
      std::lock_guard lock(mu_);
      last_renewal_ = std::max(last_renewal_, now);
      cv_.notify_all();
    }
    return s;
  }

  Result<int> Migrate() override { return inner_.Migrate(); }
  Status Ping() override { return inner_.Ping(); }
  Result<store::CreateOutcome> CreateInvoice(const store::NewDocument& doc,
                                             const store::Actor& actor, Timestamp now) override {
    return Wrote(inner_.CreateInvoice(doc, actor, now));
  }
  Result<domain::Invoice> Get(const InvoiceId& id) override { return inner_.Get(id); }
  Result<domain::InvoiceView> GetView(const InvoiceId& id) override { return inner_.GetView(id); }
  Result<store::StoredDocument> GetDocument(const InvoiceId& id) override {
    return inner_.GetDocument(id);
  }
  Result<store::ListPage> List(const store::ListQuery& query) override {
    return inner_.List(query);
  }
  Result<std::vector<store::HistoryEntry>> History(const InvoiceId& id) override {
    return inner_.History(id);
  }
  Result<std::map<domain::ProcessingState, std::int64_t>> CountByState() override {
    return inner_.CountByState();
  }
  Result<std::vector<std::string>> FindDuplicates(const InvoiceId& id, std::string_view vendor,
                                                  std::string_view number) override {
    return inner_.FindDuplicates(id, vendor, number);
  }
  Result<store::Claim> ClaimForExtraction(const InvoiceId& id, const store::Actor& worker,
                                          std::chrono::milliseconds lease, bool force,
                                          Timestamp now) override {
    return Wrote(inner_.ClaimForExtraction(id, worker, lease, force, now));
  }
  Result<std::optional<store::Claim>> ClaimNextPending(const store::Actor& worker,
                                                       std::chrono::milliseconds lease,
                                                       Timestamp now) override {
    return Wrote(inner_.ClaimNextPending(worker, lease, now));
  }
  Result<domain::Invoice> SetExtractionResult(const store::Claim& claim,
                                              const store::ExtractionOutcome& outcome,
                                              const store::Actor& worker, Timestamp now) override {
    return Wrote(inner_.SetExtractionResult(claim, outcome, worker, now));
  }
  Result<domain::Invoice> FailExtraction(const store::Claim& claim, std::string_view error,
                                         std::int64_t duration_ms, const store::Actor& worker,
                                         Timestamp now) override {
    return Wrote(inner_.FailExtraction(claim, error, duration_ms, worker, now));
  }
  Result<int> RecoverExpiredClaims(Timestamp now, int max_attempts) override {
    return Wrote(inner_.RecoverExpiredClaims(now, max_attempts));
  }
  Result<domain::Invoice> UpdateWithReviewVersion(const InvoiceId& id,
                                                  const store::ReviewUpdate& update,
                                                  std::int64_t expected_version,
                                                  const store::Actor& actor,
                                                  Timestamp now) override {
    return Wrote(inner_.UpdateWithReviewVersion(id, update, expected_version, actor, now));
  }
  Result<domain::Invoice> Transition(const InvoiceId& id, const store::TransitionRequest& request,
                                     const store::Actor& actor, Timestamp now) override {
    return Wrote(inner_.Transition(id, request, actor, now));
  }
  Result<std::optional<domain::Invoice>> LeaseNextForReview(const store::Actor& holder,
                                                            std::chrono::milliseconds lease,
                                                            Timestamp now) override {
    return Wrote(inner_.LeaseNextForReview(holder, lease, now));
  }
  Result<std::vector<domain::Invoice>> ExportValidated(
      const std::optional<std::vector<InvoiceId>>& ids, const store::Actor& actor,
      Timestamp now) override {
    return Wrote(inner_.ExportValidated(ids, actor, now));
  }
  Status CreateToken(const store::TokenRecord& token) override { return inner_.CreateToken(token); }
  Result<std::optional<store::TokenRecord>> FindActiveToken(std::string_view hash) override {
    return inner_.FindActiveToken(hash);
  }
  Result<std::vector<store::TokenRecord>> ListTokens() override { return inner_.ListTokens(); }
  Status RevokeToken(std::string_view name, Timestamp now) override {
    return inner_.RevokeToken(name, now);
  }

 private:
  // Counts a write and wakes the waiters; returns its result.
  template <typename T>
  T Wrote(T result) {
    {
      std::lock_guard lock(mu_);
      ++writes_;
    }
    cv_.notify_all();
    return result;
  }

  store::InvoiceStore& inner_;
  std::mutex mu_;
  std::condition_variable cv_;
  Timestamp last_renewal_{};  // guarded by mu_
  std::uint64_t writes_ = 0;  // guarded by mu_
};

}  // namespace invoicer::testing
