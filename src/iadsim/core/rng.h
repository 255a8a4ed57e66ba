#pragma once
// Random streams. One master seed per run; each (replication, component, purpose) gets its own
// stream whose key is a hash of those names, so adding a radar does not change the draws of
// another, and two variants of a scenario can share random numbers for a paired comparison.
//
// Generator: Philox4x32-10, a counter-based generator (Salmon, Moraes, Dror & Shaw, "Parallel
// random numbers: as easy as 1, 2, 3", SC'11). It passes TestU01 BigCrush. The distributions below
// are our own code: the standard library's differ between implementations, ours do not.
#include <array>
#include <cstdint>
#include <string_view>

namespace iadsim {

// The Philox4x32-10 block function: 4 x 32-bit counter and 2 x 32-bit key -> 4 x 32 random bits.
std::array<std::uint32_t, 4> Philox4x32_10(std::array<std::uint32_t, 4> counter,
                                           std::array<std::uint32_t, 2> key);

// 64-bit FNV-1a followed by the SplitMix64 finaliser: a stable hash of a name.
std::uint64_t StableHash(std::string_view text, std::uint64_t seed = 0);

class RandomStream final {
 public:
  // The stream of (master_seed, replication, component, purpose).
  RandomStream(std::uint64_t master_seed, std::uint64_t replication, std::string_view component,
               std::string_view purpose);
  // A stream from an explicit 64-bit key (for tests and derived streams).
  explicit RandomStream(std::uint64_t key);

  std::uint32_t NextU32();
  std::uint64_t NextU64();
  // Uniform on [0, 1), 53 random bits.
  double Uniform01();
  double Uniform(double a, double b) { return a + (b - a) * Uniform01(); }
  // Standard normal by the Box-Muller transform (both values of a pair are used).
  double StandardNormal();
  double Normal(double mean, double sd) { return mean + sd * StandardNormal(); }
  // Exponential with the given mean, by inversion.
  double Exponential(double mean);
  bool Bernoulli(double p) { return Uniform01() < p; }
  // Poisson(mean): inversion for mean < 30, else the normal approximation with continuity
  // correction rounded and clamped at 0 (error in the cdf < 1% for mean >= 30).
  std::uint64_t Poisson(double mean);
  // Uniform integer in [0, n), without modulo bias.
  std::uint64_t Below(std::uint64_t n);

  // An independent stream for a sub-purpose and an index (e.g. one target, one look), derived
  // from this stream's key only: the draws of one target do not shift when another is added.
  RandomStream Derive(std::string_view name, std::uint64_t index) const;

  std::uint64_t key() const { return (std::uint64_t{key_[1]} << 32) | key_[0]; }

 private:
  void Refill();
  std::array<std::uint32_t, 2> key_{};
  std::uint64_t counter_ = 0;
  std::array<std::uint32_t, 4> block_{};
  int used_ = 4;
  bool has_spare_normal_ = false;
  double spare_normal_ = 0.0;
};

}  // namespace iadsim
