#include "iadsim/tracking/siap.h"

#include <gtest/gtest.h>

namespace iadsim {
namespace {

KinematicSample S(double t, std::int64_t id, double x, double y, double vx = 10.0, double vy = 0.0) {
  KinematicSample s;
  s.time_s = t;
  s.id = id;
  s.p_m = {x, y, 0.0};
  s.v_mps = {vx, vy, 0.0};
  return s;
}

// Two static truths, A (id 1) at x = 0 and B (id 2) at x = 1000, both with v = (10, 0); four
// frames 1 s apart; threshold 100 m. The tracks, and what each frame gives by hand:
//   t0: 10 near A (10 m, v error |(3, 4)| = 5), 20 near B (20 m), 30 at x = 5000 (spurious)
//   t1: 10 near A (30 m), 11 near A (40 m): A held twice (primary 10), B untracked
//   t2: 11 on A (0 m), 20 on B (0 m)
//   t3: 20 near A (10 m), 10 near B (10 m): the two tracks have swapped truths
// Sums: J = 8, JT = 2+1+2+2 = 7, N = 3+2+2+2 = 9, NA = 8.
//   C = 7/8, A = 8/7, S = 1/9, PA = (10+20+30+40+0+0+10+10)/8 = 15 m, VA = 5/8 m/s.
//   Primary of A: 10, 10, 11, 20 -> 2 changes; of B: 20, -, 20, 10 -> 1 change. R = 3 / (7 * 1 s).
//   Longest runs: A 2 (track 10 at t0-t1), B 1 -> LS = 3/8. Swaps: track 10 A->B, track 20 B->A = 2.
std::vector<ScoringFrame> HandCase() {
  const std::vector<KinematicSample> truth = {S(0, 1, 0, 0), S(0, 2, 1000, 0), S(1, 1, 0, 0), S(1, 2, 1000, 0),
                                              S(2, 1, 0, 0), S(2, 2, 1000, 0), S(3, 1, 0, 0), S(3, 2, 1000, 0)};
  const std::vector<KinematicSample> tracks = {
      S(0, 10, 10, 0, 13, 4), S(0, 20, 1000, 20), S(0, 30, 5000, 0),  //
      S(1, 10, 0, 30),        S(1, 11, 0, -40),                       //
      S(2, 11, 0, 0),         S(2, 20, 1000, 0),                      //
      S(3, 20, 0, 10),        S(3, 10, 1000, 10)};
  return BuildScoringFrames(truth, tracks, 1e-3);
}

TEST(Siap, HandComputedCase) {
  const SiapResult r = ComputeSiap(HandCase(), SiapConfig{100.0});
  EXPECT_EQ(r.frames, 4);
  EXPECT_EQ(r.truth_steps, 8);
  EXPECT_EQ(r.tracked_truth_steps, 7);
  EXPECT_EQ(r.track_steps, 9);
  EXPECT_EQ(r.associated_track_steps, 8);
  EXPECT_DOUBLE_EQ(r.completeness, 7.0 / 8.0);
  EXPECT_DOUBLE_EQ(r.ambiguity, 8.0 / 7.0);
  EXPECT_DOUBLE_EQ(r.spuriousness, 1.0 / 9.0);
  EXPECT_DOUBLE_EQ(r.positional_accuracy_m, 15.0);
  EXPECT_DOUBLE_EQ(r.velocity_accuracy_mps, 0.625);
  EXPECT_EQ(r.track_number_changes, 3);
  EXPECT_DOUBLE_EQ(r.frame_interval_s, 1.0);
  EXPECT_DOUBLE_EQ(r.track_number_change_rate_per_s, 3.0 / 7.0);
  EXPECT_DOUBLE_EQ(r.longest_segment_fraction, 3.0 / 8.0);
  EXPECT_EQ(r.track_swaps, 2);
  EXPECT_EQ(r.truths, 2);
  EXPECT_EQ(r.tracks, 4);
}

TEST(Siap, ThresholdDecidesAssociation) {
  // With a 35 m threshold track 11 at t1 (40 m) and track 30 are spurious: NA = 7, N = 9.
  const SiapResult r = ComputeSiap(HandCase(), SiapConfig{35.0});
  EXPECT_EQ(r.associated_track_steps, 7);
  EXPECT_DOUBLE_EQ(r.spuriousness, 2.0 / 9.0);
  EXPECT_DOUBLE_EQ(r.ambiguity, 1.0);                       // 7 / 7
  EXPECT_DOUBLE_EQ(r.positional_accuracy_m, 80.0 / 7.0);   // 120 - 40 over 7
}

TEST(Siap, PerfectTrackingAndEmptyInput) {
  std::vector<KinematicSample> truth, tracks;
  for (int k = 0; k < 5; ++k) {
    truth.push_back(S(2.0 * k, 7, 100.0 * k, 0));
    tracks.push_back(S(2.0 * k, 3, 100.0 * k, 0));
  }
  const SiapResult r = ComputeSiap(BuildScoringFrames(truth, tracks, 1e-3), SiapConfig{});
  EXPECT_DOUBLE_EQ(r.completeness, 1.0);
  EXPECT_DOUBLE_EQ(r.ambiguity, 1.0);
  EXPECT_DOUBLE_EQ(r.spuriousness, 0.0);
  EXPECT_DOUBLE_EQ(r.positional_accuracy_m, 0.0);
  EXPECT_DOUBLE_EQ(r.longest_segment_fraction, 1.0);
  EXPECT_DOUBLE_EQ(r.frame_interval_s, 2.0);
  EXPECT_EQ(r.track_number_changes, 0);
  const SiapResult e = ComputeSiap({}, SiapConfig{});
  EXPECT_EQ(e.completeness, 0.0);
  EXPECT_EQ(e.ambiguity, 1.0);
  EXPECT_EQ(e.spuriousness, 0.0);
}

TEST(ScoringFrame, GroupsTimesWithinTolerance) {
  const std::vector<KinematicSample> truth = {S(0, 1, 0, 0), S(1, 1, 0, 0), S(2, 1, 0, 0)};
  const std::vector<KinematicSample> tracks = {S(0.0004, 5, 0, 0), S(1.5, 5, 0, 0)};
  const auto f = BuildScoringFrames(truth, tracks, 1e-3);
  ASSERT_EQ(f.size(), 4u);
  EXPECT_EQ(f[0].time_s, 0.0);
  EXPECT_EQ(f[0].truths.size(), 1u);
  EXPECT_EQ(f[0].tracks.size(), 1u);
  EXPECT_EQ(f[1].tracks.size(), 0u);
  EXPECT_EQ(f[2].time_s, 1.5);
  EXPECT_EQ(f[2].truths.size(), 0u);
  EXPECT_EQ(f[3].time_s, 2.0);
}

}  // namespace
}  // namespace iadsim
