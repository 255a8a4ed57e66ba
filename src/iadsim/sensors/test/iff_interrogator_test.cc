// IFF interrogation: the secure-mode key matrix, silent failed/off transponders, garbling of replies
// that overlap in range inside one beam (Mode S excepted), the turnaround range error
// c/2 (t - 3 us) and Mode C in 100 ft steps. References: ICAO Annex 10 vol. IV figures quoted in
// iff_interrogator.h, hand arithmetic, and 99 % bounds on sample means.
#include "iadsim/sensors/iff_interrogator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace iadsim {
namespace {

constexpr double kC = 299792458.0;

Transponder AllModes(const std::string& key) {
  Transponder x;
  x.on = true;
  x.mode1 = x.mode2 = x.mode3a = x.mode_c = x.mode_s = true;
  x.code_1 = 37;
  x.code_2 = 1234;
  x.code_3a = 2000;
  x.mode_s_address = 0xABC123;
  x.secure_key = key;
  x.reply_probability = 1.0;
  return x;
}

IffConfig AskAll(std::vector<std::string> keys) {
  IffConfig c;
  c.enabled = true;
  c.mode1 = c.mode2 = c.mode3a = c.mode_c = c.mode_s = c.secure = true;
  c.keys = std::move(keys);
  return c;
}

int Count(const IffLookResult& r, IffMode mode) {
  int n = 0;
  for (const IffReply& x : r.replies) n += x.mode == mode;
  return n;
}

TEST(IffInterrogator, SecureReplyOnlyWithAKeyTheInterrogatorHolds) {
  const IffConfig c = AskAll({"a"});
  EXPECT_TRUE(c.Validate().empty());
  RandomStream rng(1);
  for (const auto& [key, authenticated] : {std::pair<std::string, int>{"b", 0}, {"a", 1}}) {
    const Transponder x = AllModes(key);
    const auto r = Interrogate(c, Geodetic{}, 0.0, {{0, &x, SimTime(), 50e3, 1.0, 3000.0, &rng}});
    EXPECT_EQ(Count(r, IffMode::kSecure), authenticated) << key;
    for (const IffReply& rep : r.replies)
      if (rep.mode == IffMode::kSecure) {
        EXPECT_TRUE(rep.authenticated);
        EXPECT_EQ(rep.key, "a");
      }
    // The open modes answer either way.
    EXPECT_EQ(Count(r, IffMode::kMode1), 1);
    EXPECT_EQ(Count(r, IffMode::kMode2), 1);
    EXPECT_EQ(Count(r, IffMode::kMode3A), 1);
    EXPECT_EQ(Count(r, IffMode::kModeS), 1);
  }
  // Several keys held (an allied interoperability matrix): key b authenticates at {a, b}.
  const Transponder xb = AllModes("b");
  const auto r = Interrogate(AskAll({"a", "b"}), Geodetic{}, 0.0, {{0, &xb, SimTime(), 50e3, 1.0, 3000.0, &rng}});
  EXPECT_EQ(Count(r, IffMode::kSecure), 1);
  // A secure-only interrogator without keys is a configuration error.
  IffConfig nokeys = AskAll({});
  ASSERT_EQ(nokeys.Validate().size(), 1u);
  EXPECT_EQ(nokeys.Validate()[0].path, "modes");
}

TEST(IffInterrogator, FailedOrSwitchedOffTransponderIsSilent) {
  RandomStream rng(2);
  Transponder failed = AllModes("a");
  failed.failed = true;
  Transponder off = AllModes("a");
  off.on = false;
  const auto r = Interrogate(AskAll({"a"}), Geodetic{}, 0.0,
                             {{0, &failed, SimTime(), 50e3, 1.0, 3000.0, &rng}, {1, &off, SimTime(), 80e3, 2.0, 3000.0, &rng}});
  EXPECT_TRUE(r.replies.empty());
  EXPECT_TRUE(r.garbled.empty());
}

TEST(IffInterrogator, CodesAndModeCAltitudeIn100FtSteps) {
  RandomStream rng(3);
  const Transponder x = AllModes("a");
  // 10 000 m = 32 808.4 ft -> 32 800 ft = 9 997.44 m; 1 250 m = 4 101.0 ft -> 4 100 ft = 1 249.68 m.
  for (const auto& [alt, expected] : {std::pair{10000.0, 9997.44}, std::pair{1250.0, 1249.68}, std::pair{1234.0, 1219.2}}) {
    const auto r = Interrogate(AskAll({"a"}), Geodetic{}, 0.0, {{0, &x, SimTime(), 50e3, 1.0, alt, &rng}});
    for (const IffReply& rep : r.replies) {
      if (rep.mode == IffMode::kMode3A || rep.mode == IffMode::kModeS) {
        ASSERT_TRUE(rep.pressure_alt_m.has_value());
        EXPECT_NEAR(*rep.pressure_alt_m, expected, 1e-6);
        EXPECT_EQ(rep.code, 2000);
      }
      if (rep.mode == IffMode::kModeS) {
        EXPECT_EQ(rep.address, 0xABC123u);
      }
      if (rep.mode == IffMode::kMode1) {
        EXPECT_EQ(rep.code, 37);
      }
      if (rep.mode == IffMode::kMode2) {
        EXPECT_EQ(rep.code, 1234);
      }
    }
  }
}

TEST(IffInterrogator, GarblingInsideTheReplyTrainLengthMode_S_Survives) {
  // Two transponders in the same beam (0.01 rad apart, beam 0.045 rad), 2 km apart in slant range:
  // closer than the 3.04 km reply train, their replies overlap.
  const Transponder x1 = AllModes("a");
  Transponder x2 = AllModes("a");
  x2.mode_s_address = 0x123456;
  RandomStream r1(4), r2(5);
  const IffConfig c = AskAll({"a"});
  auto look = [&](double gap_m) {
    return Interrogate(c, Geodetic{}, 0.0,
                       {{7, &x1, SimTime(), 60e3, 1.00, 3000.0, &r1}, {9, &x2, SimTime(), 60e3 + gap_m, 1.01, 3000.0, &r2}});
  };
  const auto close = look(2000.0);
  EXPECT_EQ(Count(close, IffMode::kMode1), 0);
  EXPECT_EQ(Count(close, IffMode::kMode2), 0);
  EXPECT_EQ(Count(close, IffMode::kMode3A), 0);
  EXPECT_EQ(Count(close, IffMode::kSecure), 0);
  EXPECT_EQ(Count(close, IffMode::kModeS), 2);  // selectively addressed: both survive
  ASSERT_EQ(close.garbled.size(), 1u);
  EXPECT_EQ(close.garbled[0], (std::pair<std::size_t, std::size_t>{7, 9}));

  const auto apart = look(4000.0);
  EXPECT_EQ(Count(apart, IffMode::kMode3A), 2);
  EXPECT_EQ(Count(apart, IffMode::kSecure), 2);
  EXPECT_EQ(Count(apart, IffMode::kModeS), 2);
  EXPECT_TRUE(apart.garbled.empty());

  // 2 km apart in range but in different beams (0.1 rad apart): no garbling.
  const auto other_beam = Interrogate(c, Geodetic{}, 0.0,
                                      {{7, &x1, SimTime(), 60e3, 1.0, 3000.0, &r1}, {9, &x2, SimTime(), 62e3, 1.1, 3000.0, &r2}});
  EXPECT_EQ(Count(other_beam, IffMode::kMode3A), 2);
  EXPECT_TRUE(other_beam.garbled.empty());
}

TEST(IffInterrogator, TurnaroundOf4usBiasesRangeBy150m) {
  // c/2 * (4 - 3) us = 149.896 m. Mean of n draws of (range - truth) within a 99 % bound
  // 2.576 sigma / sqrt(n), sigma = 60 m.
  Transponder x = AllModes("");
  x.mode1 = x.mode2 = x.mode_s = false;
  x.turnaround_us = 4.0;
  x.reply_probability = 0.98;
  IffConfig c;
  c.enabled = true;
  const int n = 4000;
  double sum = 0.0;
  int count = 0;
  for (int i = 0; i < n; ++i) {
    RandomStream rng = RandomStream(42).Derive("look", static_cast<std::uint64_t>(i));
    const auto r = Interrogate(c, Geodetic{}, 0.0, {{0, &x, SimTime(), 100e3, 2.0, 5000.0, &rng}});
    for (const IffReply& rep : r.replies) {
      sum += rep.range_m - 100e3;
      ++count;
      EXPECT_DOUBLE_EQ(rep.sigma_range_m, 60.0);
    }
  }
  // Each look answers with probability 0.98: the count is binomial (99 % bound +-2.576 sd).
  const double sd = std::sqrt(n * 0.98 * 0.02);
  EXPECT_NEAR(count, 0.98 * n, 2.576 * sd);
  const double expected = kC / 2.0 * 1e-6;
  EXPECT_NEAR(expected, 149.896229, 1e-6);
  EXPECT_NEAR(sum / count, expected, 2.576 * 60.0 / std::sqrt(count));
}

TEST(IffInterrogator, ModeSOnlyTransponderDoesNotGarbleOthers) {
  // A Mode S-only transponder answers only selectively addressed (roll-call) interrogations: its
  // reply never overlaps a Mode 3/A reply train, so a 3/A transponder 2 km from it keeps its reply.
  Transponder civil = AllModes("");
  civil.mode1 = civil.mode2 = civil.mode_s = false;
  Transponder s_only;
  s_only.on = true;
  s_only.mode_s = s_only.mode_c = true;
  s_only.mode_s_address = 0x3C6544;
  s_only.reply_probability = 1.0;
  IffConfig c;
  c.enabled = true;
  c.mode_s = true;  // asks 3/A, C and S
  RandomStream r1(6), r2(7);
  const auto r = Interrogate(c, Geodetic{}, 0.0,
                             {{0, &civil, SimTime(), 60e3, 1.0, 3000.0, &r1}, {1, &s_only, SimTime(), 62e3, 1.0, 3000.0, &r2}});
  EXPECT_EQ(Count(r, IffMode::kMode3A), 1);
  EXPECT_EQ(Count(r, IffMode::kModeS), 1);
  EXPECT_TRUE(r.garbled.empty());
}

// A crowd of transponders (sources numbered in a scrambled order, some of them far apart): the
// garbled pairs are every pair closer than the reply train in range and than the beam in azimuth
// (an O(n^2) reference over all pairs), each once as (smaller source, larger source), sorted.
TEST(IffInterrogator, GarbledPairsOfACrowdAreEveryClosePairSorted) {
  const IffConfig c = AskAll({"a"});
  for (std::size_t stride : {1u, 7u, 1000u}) {  // 1000: sources far beyond the target count
    RandomStream place(21);
    const Transponder x = AllModes("a");
    std::vector<std::unique_ptr<RandomStream>> streams;
    std::vector<IffTarget> targets;
    for (std::size_t i = 0; i < 300; ++i) {
      streams.push_back(std::make_unique<RandomStream>(100 + i));
      const std::size_t source = ((i * 131) % 300) * stride;
      targets.push_back({source, &x, SimTime(), place.Uniform(50e3, 80e3), place.Uniform(0.0, 0.5), 3000.0, streams.back().get()});
    }
    std::vector<std::pair<std::size_t, std::size_t>> expected;
    for (std::size_t i = 0; i < targets.size(); ++i)
      for (std::size_t j = i + 1; j < targets.size(); ++j)
        if (std::abs(targets[i].range_m - targets[j].range_m) < c.garble_range_m &&
            std::abs(targets[i].azimuth_rad - targets[j].azimuth_rad) < c.beamwidth_rad)
          expected.emplace_back(std::min(targets[i].source, targets[j].source), std::max(targets[i].source, targets[j].source));
    std::sort(expected.begin(), expected.end());
    ASSERT_GT(expected.size(), 100u);
    EXPECT_EQ(Interrogate(c, Geodetic{}, 0.0, targets).garbled, expected) << "stride " << stride;
  }
}

}  // namespace
}  // namespace iadsim
