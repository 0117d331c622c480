// Durable PATCH-like writes per second through the SQLite store's group commit.
//
// For each thread count, a fresh database gets one extracted invoice per thread; every
// thread then repeats read -> UpdateWithReviewVersion(fresh version) on its own invoice
// for the given time. With one thread every write is its own COMMIT (one fsync); with more,
// the writer thread commits the queued writes together. Prints writes/s and latency.
//
//   store_bench [seconds per run = 3] [thread counts = 1,4,16,32,64]
#include <stdlib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <latch>
#include <string>
#include <thread>
#include <vector>

#include "store/sqlite/sqlite_invoice_store.h"

namespace {

using invoicer::SystemClock;
using invoicer::store::Actor;
using invoicer::store::InvoiceStore;
using Clock = std::chrono::steady_clock;

invoicer::domain::FieldValue Field(std::string value) {
  return {std::move(value), 0.95, invoicer::domain::FieldSource::kText, 1, std::nullopt};
}

// One extracted invoice, ready for edits.
invoicer::InvoiceId MakeInvoice(InvoiceStore& store, int n) {
  const SystemClock clock;
  const std::string bytes = "bench document " + std::to_string(n);
  invoicer::store::NewDocument doc{
      bytes, std::string(64 - std::to_string(n).size(), '0') + std::to_string(n), "application/pdf",
      "bench.pdf", 1};
  auto created = store.CreateInvoice(doc, Actor{"bench"}, clock.Now());
  auto claim = store.ClaimForExtraction(created->invoice.id, Actor{"bench"},
                                        std::chrono::minutes(5), false, clock.Now());
  invoicer::store::ExtractionOutcome outcome;
  outcome.result.fields["vendor_name"] = Field("ACME GmbH");
  outcome.result.fields["invoice_number"] = Field("INV-" + std::to_string(n));
  outcome.result.fields["total"] = Field("119.00");
  auto done = store.SetExtractionResult(*claim, outcome, Actor{"bench"}, clock.Now());
  return done->id;
}

struct Figures {
  double writes_per_second = 0;
  double p50_ms = 0;
  double p99_ms = 0;
};

Figures Run(const std::string& dir, int threads, std::chrono::seconds duration) {
  const std::string path = dir + "/bench-" + std::to_string(threads) + ".db";
  auto opened = invoicer::store::OpenSqliteStore(path);
  if (!opened || !(*opened)->Migrate()) {
    std::fprintf(stderr, "cannot open %s\n", path.c_str());
    std::exit(1);
  }
  InvoiceStore& store = **opened;
  std::vector<invoicer::InvoiceId> ids;
  for (int t = 0; t < threads; ++t) ids.push_back(MakeInvoice(store, t));

  std::latch start(threads + 1);
  std::atomic<bool> stop{false};
  std::vector<std::vector<double>> latencies(static_cast<std::size_t>(threads));
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      const SystemClock clock;
      auto& mine = latencies[static_cast<std::size_t>(t)];
      start.arrive_and_wait();
      for (int i = 0; !stop.load(std::memory_order_relaxed); ++i) {
        auto current = store.Get(ids[static_cast<std::size_t>(t)]);
        invoicer::store::ReviewUpdate update;
        update.fields = current->fields;
        update.fields["payment_terms"] = Field("net " + std::to_string(i));
        update.changes.push_back({"payment_terms", std::nullopt, "net " + std::to_string(i)});
        const auto began = Clock::now();
        auto written = store.UpdateWithReviewVersion(current->id, update, current->review_version,
                                                     Actor{"bench"}, clock.Now());
        if (!written) {
          std::fprintf(stderr, "write failed: %s\n", written.error().message.c_str());
          std::exit(1);
        }
        mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - began).count());
      }
    });
  }
  start.arrive_and_wait();
  const auto began = Clock::now();
  std::this_thread::sleep_for(duration);  // the measuring window, not synchronisation
  stop = true;
  for (auto& w : workers) w.join();
  const double seconds = std::chrono::duration<double>(Clock::now() - began).count();

  std::vector<double> all;
  for (const auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  std::sort(all.begin(), all.end());
  Figures f;
  f.writes_per_second = static_cast<double>(all.size()) / seconds;
  if (!all.empty()) {
    f.p50_ms = all[all.size() / 2];
    f.p99_ms = all[std::min(all.size() - 1, all.size() * 99 / 100)];
  }
  return f;
}

std::vector<int> ParseCounts(const char* text) {
  std::vector<int> counts;
  std::string s(text);
  std::size_t pos = 0;
  while (pos <= s.size()) {
    const std::size_t comma = std::min(s.find(',', pos), s.size());
    counts.push_back(std::max(1, std::atoi(s.substr(pos, comma - pos).c_str())));
    pos = comma + 1;
  }
  return counts;
}

}  // namespace

int main(int argc, char** argv) {
  const std::chrono::seconds duration(argc > 1 ? std::max(1, std::atoi(argv[1])) : 3);
  const std::vector<int> counts = ParseCounts(argc > 2 ? argv[2] : "1,4,16,32,64");
  std::string dir = (std::filesystem::temp_directory_path() / "store-bench-XXXXXX").string();
  if (mkdtemp(dir.data()) == nullptr) {
    std::perror("mkdtemp");
    return 1;
  }
  std::printf("durable PATCH-like writes (WAL, synchronous=FULL, group commit), %llds each\n",
              static_cast<long long>(duration.count()));
  std::printf("%8s %12s %10s %10s\n", "threads", "writes/s", "p50 ms", "p99 ms");
  for (int threads : counts) {
    const Figures f = Run(dir, threads, duration);
    std::printf("%8d %12.0f %10.2f %10.2f\n", threads, f.writes_per_second, f.p50_ms, f.p99_ms);
    std::fflush(stdout);
  }
  std::filesystem::remove_all(dir);
  return 0;
}
