#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <random>

namespace invoicer::synth {

// The generator's only source of randomness: a 64-bit Mersenne Twister seeded from a
// (seed, stream) pair, so each document and each purpose (content, scan look) has its own
// reproducible stream whatever order documents are made in. Ranges are mapped from the raw
// engine output by this class (not by <random>'s distributions, whose algorithms differ
// between standard libraries), so a seed gives the same corpus everywhere.
// A value type; not thread-safe (one per thread).
class Rng {
 public:
  Rng(std::uint64_t seed, std::uint64_t stream);

  std::uint64_t Next() { return engine_(); }
  // Uniform in [lo, hi], both inclusive; lo <= hi.
  int Uniform(int lo, int hi);
  std::int64_t Uniform64(std::int64_t lo, std::int64_t hi);
  // Uniform in [0, n); n > 0.
  std::size_t Index(std::size_t n);
  // Uniform in [0, 1).
  double Unit();
  double Range(double lo, double hi) { return lo + (hi - lo) * Unit(); }
  bool Chance(double probability) { return Unit() < probability; }
  // An index drawn with the given relative weights (at least one positive).
  std::size_t Weighted(std::initializer_list<int> weights);

  // A uniformly chosen element (by value) of any sized range with begin().
  template <typename Container>
  auto Pick(const Container& items) {
    auto it = std::begin(items);
    std::advance(it, static_cast<std::ptrdiff_t>(Index(std::size(items))));
    return *it;
  }
  template <typename T>
  T Pick(std::initializer_list<T> items) {
    return *(items.begin() + static_cast<std::ptrdiff_t>(Index(items.size())));
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace invoicer::synth
