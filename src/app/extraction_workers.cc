#include "app/extraction_workers.h"

namespace invoicer::app {

ExtractionWorkers::ExtractionWorkers(InvoiceService& service, WorkerOptions options,
                                     ErrorSink on_error)
    : service_(service), options_(std::move(options)), on_error_(std::move(on_error)) {}

ExtractionWorkers::~ExtractionWorkers() { Stop(); }

void ExtractionWorkers::Start() {
  std::lock_guard lock(mu_);
  if (!threads_.empty() || stop_) return;
  threads_.emplace_back([this] { RecoveryLoop(); });
  for (int i = 1; i <= options_.threads; ++i) {
    threads_.emplace_back([this, name = options_.name_prefix + "-" + std::to_string(i)] {
      WorkLoop(name);
    });
  }
}

void ExtractionWorkers::Notify() {
  {
    std::lock_guard lock(mu_);
    ++generation_;
  }
  cv_.notify_all();
}

void ExtractionWorkers::Stop() {
  std::vector<std::thread> threads;
  {
    std::lock_guard lock(mu_);
    stop_ = true;
    threads.swap(threads_);
  }
  cv_.notify_all();
  for (auto& t : threads) t.join();
}

void ExtractionWorkers::WorkLoop(const std::string& name) {
  const store::Actor actor{name};
  std::unique_lock lock(mu_);
  while (!stop_) {
    const std::uint64_t seen = generation_;
    lock.unlock();
    auto claimed = service_.ExtractNextPending(actor);
    if (!claimed) on_error_("background extraction", claimed.error());
    lock.lock();
    // After a claimed invoice there may be more: look again at once. Otherwise sleep
    // until an upload, the poll interval, or stop.
    if (claimed && *claimed) continue;
    cv_.wait_for(lock, options_.poll_interval, [&] { return stop_ || generation_ != seen; });
  }
}

void ExtractionWorkers::RecoveryLoop() {
  std::unique_lock lock(mu_);
  while (!stop_) {
    lock.unlock();
    auto recovered = service_.RecoverExpiredClaims();
    if (!recovered) on_error_("claim recovery", recovered.error());
    if (recovered && *recovered > 0) Notify();
    lock.lock();
    cv_.wait_for(lock, options_.recovery_interval, [&] { return stop_; });
  }
}

}  // namespace invoicer::app
