#include "iadsim/core/rng.h"

#include <cmath>
#include <numbers>

namespace iadsim {
namespace {

std::uint64_t SplitMix64(std::uint64_t z) {
  z += 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// One Philox4x32 round (constants from Salmon et al. 2011, table 2).
void PhiloxRound(std::array<std::uint32_t, 4>& c, const std::array<std::uint32_t, 2>& k) {
  constexpr std::uint64_t kM0 = 0xD2511F53, kM1 = 0xCD9E8D57;
  const std::uint64_t p0 = kM0 * c[0];
  const std::uint64_t p1 = kM1 * c[2];
  c = {static_cast<std::uint32_t>(p1 >> 32) ^ c[1] ^ k[0], static_cast<std::uint32_t>(p1),
       static_cast<std::uint32_t>(p0 >> 32) ^ c[3] ^ k[1], static_cast<std::uint32_t>(p0)};
}

}  // namespace

std::array<std::uint32_t, 4> Philox4x32_10(std::array<std::uint32_t, 4> counter,
                                           std::array<std::uint32_t, 2> key) {
  for (int round = 0; round < 10; ++round) {
    PhiloxRound(counter, key);
    key[0] += 0x9E3779B9u;
    key[1] += 0xBB67AE85u;
  }
  return counter;
}

std::uint64_t StableHash(std::string_view text, std::uint64_t seed) {
  std::uint64_t h = 0xCBF29CE484222325ull ^ SplitMix64(seed);
  for (unsigned char ch : text) {
    h ^= ch;
    h *= 0x100000001B3ull;
  }
  return SplitMix64(h);
}

RandomStream::RandomStream(std::uint64_t master_seed, std::uint64_t replication,
                           std::string_view component, std::string_view purpose)
    : RandomStream(StableHash(purpose, StableHash(component, SplitMix64(master_seed) ^
                                                                 SplitMix64(~replication)))) {}

RandomStream::RandomStream(std::uint64_t key)
    : key_{static_cast<std::uint32_t>(key), static_cast<std::uint32_t>(key >> 32)} {}

RandomStream RandomStream::Derive(std::string_view name, std::uint64_t index) const {
  return RandomStream(StableHash(name, key() ^ SplitMix64(index)));
}

void RandomStream::Refill() {
  std::array<std::uint32_t, 4> c{static_cast<std::uint32_t>(counter_),
                                 static_cast<std::uint32_t>(counter_ >> 32), 0x6A09E667u, 0xBB67AE85u};
  block_ = Philox4x32_10(c, key_);
  ++counter_;
  used_ = 0;
}

std::uint32_t RandomStream::NextU32() {
  if (used_ == 4) Refill();
  return block_[used_++];
}

std::uint64_t RandomStream::NextU64() {
  const std::uint64_t hi = NextU32();
  return (hi << 32) | NextU32();
}

double RandomStream::Uniform01() { return static_cast<double>(NextU64() >> 11) * 0x1.0p-53; }

double RandomStream::StandardNormal() {
  if (has_spare_normal_) {
    has_spare_normal_ = false;
    return spare_normal_;
  }
  double u1 = Uniform01();
  while (u1 <= 0.0) u1 = Uniform01();
  const double u2 = Uniform01();
  const double r = std::sqrt(-2.0 * std::log(u1));
  const double theta = 2.0 * std::numbers::pi * u2;
  spare_normal_ = r * std::sin(theta);
  has_spare_normal_ = true;
  return r * std::cos(theta);
}

double RandomStream::Exponential(double mean) {
  double u = Uniform01();
  while (u <= 0.0) u = Uniform01();
  return -mean * std::log(u);
}

std::uint64_t RandomStream::Poisson(double mean) {
  if (mean <= 0.0) return 0;
  if (mean < 30.0) {
    const double limit = std::exp(-mean);
    std::uint64_t k = 0;
    double prod = Uniform01();
    while (prod > limit) {
      ++k;
      prod *= Uniform01();
    }
    return k;
  }
  const double x = std::round(mean + std::sqrt(mean) * StandardNormal());
  return x < 0.0 ? 0 : static_cast<std::uint64_t>(x);
}

std::uint64_t RandomStream::Below(std::uint64_t n) {
  if (n <= 1) return 0;
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
  std::uint64_t x = NextU64();
  while (x >= limit) x = NextU64();
  return x % n;
}

}  // namespace iadsim
