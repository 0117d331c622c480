#pragma once

#include <atomic>
#include <chrono>

#include "common/time.h"

namespace invoicer::testing {

// A clock that only moves when a test says so, for lease expiry without sleeping.
// Thread-safe.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(Timestamp start = FromUnixMillis(1'780'000'000'000)) : now_ms_(ToUnixMillis(start)) {}
  Timestamp Now() const override { return FromUnixMillis(now_ms_.load()); }
  void Advance(std::chrono::milliseconds d) { now_ms_ += d.count(); }

 private:
  std::atomic<std::int64_t> now_ms_;
};

}  // namespace invoicer::testing
