#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "common/time.h"
#include "store/invoice_store.h"

namespace invoicer::app {

// Keeps an extraction claim alive while the extractor works: a thread that calls
// `InvoiceStore::RenewClaim` every `interval` until the renewer is destroyed, never past
// `deadline` (the claim is renewed at most up to it and then left to lapse, so an extractor
// that hangs cannot keep its invoice in PROCESSING). It stops on its own at the deadline
// and once the claim is lost (kConflict: the lease expired and was recovered); other
// failures (a busy store) are retried at the next tick. Borrows the store and clock, which
// must outlive it. Construction starts the thread, destruction stops and joins it.
class LeaseRenewer {
 public:
  LeaseRenewer(store::InvoiceStore& store, const Clock& clock, store::Claim claim,
               std::chrono::milliseconds lease, std::chrono::milliseconds interval,
               Timestamp deadline);
  ~LeaseRenewer();
  LeaseRenewer(const LeaseRenewer&) = delete;
  LeaseRenewer& operator=(const LeaseRenewer&) = delete;

 private:
  void Run();

  store::InvoiceStore& store_;
  const Clock& clock_;
  const store::Claim claim_;
  const std::chrono::milliseconds lease_;
  const std::chrono::milliseconds interval_;
  const Timestamp deadline_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;  // last: started once every other member is ready
};

}  // namespace invoicer::app
