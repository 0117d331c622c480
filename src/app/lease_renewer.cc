#include "app/lease_renewer.h"

#include <algorithm>

namespace invoicer::app {

LeaseRenewer::LeaseRenewer(store::InvoiceStore& store, const Clock& clock, store::Claim claim,
                           std::chrono::milliseconds lease, std::chrono::milliseconds interval,
                           Timestamp deadline)
    : store_(store),
      clock_(clock),
      claim_(std::move(claim)),
      lease_(lease),
      interval_(interval),
      deadline_(deadline),
      thread_([this] { Run(); }) {}

LeaseRenewer::~LeaseRenewer() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void LeaseRenewer::Run() {
  std::unique_lock lock(mu_);
  while (!cv_.wait_for(lock, interval_, [this] { return stop_; })) {
    lock.unlock();
    const Timestamp now = clock_.Now();
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - now);
    if (left.count() <= 0) return;  // the claim lapses at the deadline
    const Status renewed = store_.RenewClaim(claim_, std::min(lease_, left), now);
    lock.lock();
    // A lost claim cannot come back; the extraction's result will be refused by the store.
    if (!renewed && renewed.error().code == ErrorCode::kConflict) return;
  }
}

}  // namespace invoicer::app
