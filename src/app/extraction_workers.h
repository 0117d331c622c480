#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "app/invoice_service.h"

namespace invoicer::app {

struct WorkerOptions {
  int threads = 2;  // extraction threads; 0 runs only the recovery loop
  // How often an idle worker looks for PENDING invoices that another process stored.
  std::chrono::milliseconds poll_interval{std::chrono::seconds(2)};
  // How often expired extraction claims are returned to PENDING.
  std::chrono::milliseconds recovery_interval{std::chrono::seconds(10)};
  std::string name_prefix = "worker";  // actor names are "<prefix>-<n>"
};

// Background extraction: `threads` threads that claim PENDING invoices one at a time
// through InvoiceService::ExtractNextPending, sleeping on a condition variable between
// rounds (woken by Notify, e.g. after an upload in this process, or by the poll interval
// for uploads through other processes), plus one thread that recovers expired claims.
// Borrows the service, which must outlive it. Start once; Stop (or the destructor) wakes
// every thread and joins them, after the extraction each is running has finished.
// Thread-safe: Notify and Stop may be called from any thread. Errors of the service are
// handed to `on_error` (logging) and the loops go on.
class ExtractionWorkers {
 public:
  using ErrorSink = std::function<void(std::string_view what, const Error& error)>;

  ExtractionWorkers(InvoiceService& service, WorkerOptions options, ErrorSink on_error);
  ~ExtractionWorkers();
  ExtractionWorkers(const ExtractionWorkers&) = delete;
  ExtractionWorkers& operator=(const ExtractionWorkers&) = delete;

  void Start();
  // New work may be waiting: wakes the idle workers now.
  void Notify();
  void Stop();

 private:
  void WorkLoop(const std::string& name);
  void RecoveryLoop();

  InvoiceService& service_;
  const WorkerOptions options_;
  const ErrorSink on_error_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::uint64_t generation_ = 0;  // bumped by Notify
  bool stop_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace invoicer::app
