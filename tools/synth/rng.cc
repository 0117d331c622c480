#include "synth/rng.h"

#include <cassert>
#include <numeric>

namespace invoicer::synth {
namespace {

// SplitMix64's finaliser: spreads nearby seeds (1, 2, 3...) over the whole state space.
std::uint64_t Mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

}  // namespace

Rng::Rng(std::uint64_t seed, std::uint64_t stream) : engine_(Mix(Mix(seed) ^ stream)) {}

std::size_t Rng::Index(std::size_t n) {
  assert(n > 0);
  return static_cast<std::size_t>(Next() % n);
}

int Rng::Uniform(int lo, int hi) {
  assert(lo <= hi);
  const auto span = static_cast<std::uint64_t>(static_cast<std::int64_t>(hi) - lo + 1);
  return static_cast<int>(lo + static_cast<std::int64_t>(Next() % span));
}

std::int64_t Rng::Uniform64(std::int64_t lo, std::int64_t hi) {
  assert(lo <= hi);
  const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
  return lo + static_cast<std::int64_t>(Next() % span);
}

double Rng::Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

std::size_t Rng::Weighted(std::initializer_list<int> weights) {
  const int total = std::accumulate(weights.begin(), weights.end(), 0);
  assert(total > 0);
  int roll = Uniform(0, total - 1);
  std::size_t index = 0;
  for (const int w : weights) {
    if (roll < w) return index;
    roll -= w;
    ++index;
  }
  return weights.size() - 1;
}

}  // namespace invoicer::synth
