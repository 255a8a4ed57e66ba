// The track indexes are supersets of the exact pre-gate: over seeded random batches — 300 tracks
// within 300 km of a 2-D or 3-D radar (away from the tracker origin) or spread over the whole area,
// any velocity up to 600 m/s, covariances from 1 m to 30 km, track times up to 20 s before a
// 1.25 s plot window, plots near a track or anywhere — every pair the pre-gate keeps
// (PolarPreGateRejects / PositionPreGateRejects false) is among the index's candidates, which come
// sorted and unique; and the index is worth having (most tracks are not candidates). Hand cases
// check the bounds on numbers worked out by hand and the azimuth window across +-180 degrees.
#include "iadsim/tracking/track_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "iadsim/core/rng.h"
#include "iadsim/tracking/chi_square_gate.h"

namespace iadsim {
namespace {

const LocalFrame kFrame(Geodetic{50.0, 15.0, 0.0});
const SimTime kT0 = SimTime::Micros(1000000000);

PreGateTrack RandomTrack(RandomStream& rng, const Vec3& center) {
  StateVec x;
  for (int i = 0; i < 2; ++i) x(i) = center(i) + rng.Uniform(-300e3, 300e3);
  x(2) = rng.Uniform(0.0, 15e3);
  for (int i = 3; i < 6; ++i) x(i) = rng.Uniform(-350.0, 350.0) * (i == 5 ? 0.1 : 1.0);
  Eigen::Matrix<double, 6, 6> A;
  const double scale = std::pow(10.0, rng.Uniform(0.0, 4.5));
  for (int i = 0; i < 36; ++i) A(i / 6, i % 6) = rng.Normal(0.0, 1.0) * (i / 6 < 3 ? scale : scale / 10.0);
  const StateCov P = A * A.transpose() + 1e-3 * StateCov::Identity();
  const SimTime t = kT0 - Duration::Micros(static_cast<std::int64_t>(rng.Uniform(0.0, 20.0) * 1e6));
  return PreGateTrack::Of(t, x, P);
}

// A radar (3-D on even batches, 2-D on odd ones) within a few degrees of the frame's origin and 300
// random tracks around it.
std::pair<PolarMeasurementModel, std::vector<PreGateTrack>> RandomRadarBatch(RandomStream& rng, int batch) {
  const PolarMeasurementModel m(kFrame, Geodetic{50.0 + rng.Uniform(-2, 2), 15.0 + rng.Uniform(-3, 3), 100.0},
                                batch % 2 == 0);
  std::vector<PreGateTrack> tracks;
  for (int k = 0; k < 300; ++k) tracks.push_back(RandomTrack(rng, m.sensor_enu()));
  return {m, tracks};
}

bool SortedUnique(const std::vector<int>& v) {
  return std::adjacent_find(v.begin(), v.end(), [](int a, int b) { return a >= b; }) == v.end();
}

TEST(PolarTrackIndex, CandidatesAreASupersetOfThePreGate) {
  RandomStream rng(2026, 0, "test", "polar-track-index");
  const double q = 50.0;
  long kept = 0, candidates = 0, pairs = 0;
  for (int batch = 0; batch < 60; ++batch) {
    const auto [m, tracks] = RandomRadarBatch(rng, batch);
    const double gate = ChiSquareGate(m.dimension(), 0.999);
    const SimTime from = kT0, to = kT0 + Duration::Micros(1250000);
    PolarTrackIndex index(/*min_tracks=*/0);
    index.Build(tracks, {}, q, m, from, to, gate);
    std::vector<int> near;
    for (int p = 0; p < 200; ++p) {
      const PolarPlot plot = [&] {
        PolarPlot pl{from + Duration::Micros(static_cast<std::int64_t>(rng.Uniform(0.0, 1.25e6))), 0, 0,
                     rng.Uniform(10, 300), rng.Uniform(1e-3, 2e-2)};
        const PreGateTrack& t = tracks[rng.Below(tracks.size())];
        const Vec3 p_s = m.SensorFromTracker(t.p_enu + (pl.time - t.time).seconds() * t.v_enu);
        const bool close = rng.Bernoulli(0.7);
        const double spread = close ? rng.Uniform(0.0, 3.0) : rng.Uniform(0.0, 300.0);
        const double sd = std::sqrt(t.tr_pp);
        pl.range_m = std::max(1.0, p_s.norm() + rng.Normal(0.0, spread * (pl.sigma_range_m + sd)));
        pl.azimuth_rad = std::atan2(p_s.x(), p_s.y()) +
                         rng.Normal(0.0, spread * (pl.sigma_azimuth_rad + sd / std::max(1.0, p_s.norm())));
        if (pl.azimuth_rad < 0) pl.azimuth_rad += 2.0 * M_PI;
        return pl;
      }();
      index.Candidates(plot, &near);
      ASSERT_TRUE(SortedUnique(near));
      candidates += static_cast<long>(near.size());
      for (int k = 0; k < static_cast<int>(tracks.size()); ++k) {
        ++pairs;
        if (PolarPreGateRejects(tracks[k], q, m, plot, gate)) continue;
        ++kept;
        ASSERT_TRUE(std::binary_search(near.begin(), near.end(), k)) << "batch " << batch << " plot " << p << " track " << k;
      }
    }
  }
  EXPECT_GT(kept, 20000);              // the test reaches the gate's edge often
  EXPECT_LT(candidates, pairs / 4);  // and the index leaves out most tracks (many are kilometres wide here)
}

// A rotating radar's batch: plots in one sector (45 deg, or up to 170 deg, across north too),
// the index culled to their arc (PlotAzimuths): still a superset of the pre-gate for every plot
// of the batch, and most tracks outside the arc are not even indexed.
TEST(PolarTrackIndex, CulledToThePlotsArcStillASupersetOfThePreGate) {
  RandomStream rng(2026, 0, "test", "polar-track-index-arc");
  const double q = 50.0;
  long kept = 0, candidates = 0, pairs = 0, fallback = 0;
  for (int batch = 0; batch < 60; ++batch) {
    const auto [m, tracks] = RandomRadarBatch(rng, batch);
    const double gate = ChiSquareGate(m.dimension(), 0.999);
    const SimTime from = kT0, to = kT0 + Duration::Micros(1250000);
    const double sector_from = batch % 3 == 0 ? 2.0 * M_PI - 0.3 : rng.Uniform(0.0, 2.0 * M_PI);
    const double width = batch % 5 == 0 ? rng.Uniform(0.5, 3.0) : M_PI / 4.0;
    // Plots: near tracks whose azimuth is in the sector (with noise, so some fall just outside it).
    std::vector<PolarPlot> plots;
    for (int tries = 0; plots.size() < 150 && tries < 20000; ++tries) {
      PolarPlot pl{from + Duration::Micros(static_cast<std::int64_t>(rng.Uniform(0.0, 1.25e6))), 0, 0,
                   rng.Uniform(10, 300), rng.Uniform(1e-3, 2e-2)};
      const PreGateTrack& t = tracks[rng.Below(tracks.size())];
      const Vec3 p_s = m.SensorFromTracker(t.p_enu + (pl.time - t.time).seconds() * t.v_enu);
      const double az = std::atan2(p_s.x(), p_s.y());
      if (std::remainder(az - sector_from - width / 2, 2.0 * M_PI) > width / 2 + 0.02 ||
          std::remainder(az - sector_from - width / 2, 2.0 * M_PI) < -width / 2 - 0.02)
        continue;
      const double sd = std::sqrt(t.tr_pp);
      const double spread = rng.Bernoulli(0.7) ? rng.Uniform(0.0, 3.0) : rng.Uniform(0.0, 30.0);
      pl.range_m = std::max(1.0, p_s.norm() + rng.Normal(0.0, spread * (pl.sigma_range_m + sd)));
      pl.azimuth_rad = az + rng.Normal(0.0, spread * (pl.sigma_azimuth_rad + sd / std::max(1.0, p_s.norm())));
      plots.push_back(pl);
    }
    ASSERT_GE(plots.size(), 20u);
    PlotAzimuths arc;
    for (const PolarPlot& pl : plots) arc.Add(pl.azimuth_rad, pl.sigma_azimuth_rad);
    PolarTrackIndex index(/*min_tracks=*/0), all(/*min_tracks=*/0);
    index.Build(tracks, {}, q, m, from, to, gate, &arc);
    all.Build(tracks, {}, q, m, from, to, gate);
    std::vector<int> near, near_all;
    for (const PolarPlot& plot : plots) {
      index.Candidates(plot, &near);
      all.Candidates(plot, &near_all);
      ASSERT_TRUE(SortedUnique(near));
      fallback += near.size() == tracks.size();
      candidates += static_cast<long>(near.size());
      for (int k = 0; k < static_cast<int>(tracks.size()); ++k) {
        ++pairs;
        if (PolarPreGateRejects(tracks[k], q, m, plot, gate)) continue;
        ++kept;
        ASSERT_TRUE(std::binary_search(near.begin(), near.end(), k)) << "batch " << batch << " track " << k;
      }
      // What the cull leaves out, the uncut index's own test leaves out too: the same candidates.
      ASSERT_EQ(near, near_all) << "batch " << batch;
    }
    // A plot outside a culled arc (not given to Build) gets every track.
    if (arc.half_width_rad() < 1.0) {
      PolarPlot away = plots.front();
      away.azimuth_rad = arc.middle_rad() + M_PI;
      index.Candidates(away, &near);
      EXPECT_EQ(near.size(), tracks.size());
    }
  }
  EXPECT_GT(kept, 5000);
  EXPECT_EQ(fallback, 0);
  EXPECT_LT(candidates, pairs / 4);
}

// After a batch changes the tracks (some dropped, some updated, new ones started), Refresh gives,
// for every plot, exactly the candidates of an index built again over the new tracks with the same
// window, arc and gate; with fewer tracks than min_tracks at Build, every new track.
TEST(PolarTrackIndex, RefreshedAsBuiltAgain) {
  RandomStream rng(2026, 0, "test", "polar-track-index-refresh");
  const double q = 50.0;
  long compared = 0, nonempty = 0;
  for (int batch = 0; batch < 60; ++batch) {
    const auto [m, tracks] = RandomRadarBatch(rng, batch);
    const double gate = ChiSquareGate(3, 0.999);  // the radar's, also covering 2-D plots
    const SimTime from = kT0, to = kT0 + Duration::Micros(1250000);
    const double middle = rng.Uniform(0.0, 2.0 * M_PI), half = batch % 4 == 0 ? 3.5 : M_PI / 8.0;
    auto random_plot = [&] {
      const PreGateTrack& t = tracks[rng.Below(tracks.size())];
      PolarPlot pl{from + Duration::Micros(static_cast<std::int64_t>(rng.Uniform(0.0, 1.25e6))), 0, 0,
                   rng.Uniform(10, 300), rng.Uniform(1e-3, 2e-2)};
      const Vec3 p_s = m.SensorFromTracker(t.p_enu + (pl.time - t.time).seconds() * t.v_enu);
      pl.range_m = std::max(1.0, p_s.norm() + rng.Normal(0.0, 3.0 * (pl.sigma_range_m + std::sqrt(t.tr_pp))));
      pl.azimuth_rad = middle + rng.Uniform(-half, half);
      return pl;
    };
    std::vector<PolarPlot> plots;
    PlotAzimuths arc;
    for (int p = 0; p < 100; ++p) {
      plots.push_back(random_plot());
      arc.Add(plots.back().azimuth_rad, plots.back().sigma_azimuth_rad);
    }
    const int min_tracks = batch % 10 == 9 ? 400 : 0;  // some batches: too few tracks for an index
    PolarTrackIndex refreshed(min_tracks), rebuilt(min_tracks);
    refreshed.Build(tracks, {}, q, m, from, to, gate, &arc);
    // The batch: 5 % dropped, 10 % updated (a new summary), then 15 new tracks.
    std::vector<PreGateTrack> after;
    std::vector<int> new_of_old, fresh;
    for (const PreGateTrack& t : tracks) {
      if (rng.Bernoulli(0.05)) {
        new_of_old.push_back(-1);
        continue;
      }
      new_of_old.push_back(static_cast<int>(after.size()));
      if (rng.Bernoulli(0.1)) {
        fresh.push_back(static_cast<int>(after.size()));
        after.push_back(RandomTrack(rng, m.sensor_enu()));
      } else {
        after.push_back(t);
      }
    }
    for (int k = 0; k < 15; ++k) {
      fresh.push_back(static_cast<int>(after.size()));
      after.push_back(RandomTrack(rng, m.sensor_enu()));
    }
    refreshed.Refresh(after, new_of_old, fresh);
    rebuilt.Build(after, {}, q, m, from, to, gate, &arc);
    std::vector<int> a, b;
    for (const PolarPlot& plot : plots) {
      refreshed.Candidates(plot, &a);
      rebuilt.Candidates(plot, &b);
      ASSERT_EQ(a, b) << "batch " << batch;
      if (min_tracks > 0) {
        ASSERT_EQ(a.size(), after.size());
      }
      ++compared;
      nonempty += !a.empty() && a.size() < after.size();
    }
  }
  EXPECT_EQ(compared, 6000);
  EXPECT_GT(nonempty, 1000);  // the index prunes, and what it keeps is compared
}

TEST(PlotAzimuths, ArcAcrossNorth) {
  PlotAzimuths arc;
  arc.Add(6.2, 1e-3);  // 355.2 deg
  arc.Add(0.1, 2e-3);  // 5.7 deg: the arc goes through north
  arc.Add(0.0, 1e-3);
  EXPECT_NEAR(arc.half_width_rad(), 0.5 * (0.1 + 2.0 * M_PI - 6.2), 1e-12);
  EXPECT_NEAR(std::remainder(arc.middle_rad(), 2.0 * M_PI), 0.5 * (0.1 - (2.0 * M_PI - 6.2)), 1e-12);
  EXPECT_TRUE(arc.Covers(6.25, 1e-3));
  EXPECT_TRUE(arc.Covers(0.1 - 2.0 * M_PI, 2e-3));  // any branch
  EXPECT_FALSE(arc.Covers(0.11, 1e-3));
  EXPECT_FALSE(arc.Covers(6.19, 1e-3));
  EXPECT_FALSE(arc.Covers(0.05, 3e-3));  // a wider sigma than any plot's
}

TEST(PositionTrackIndex, CandidatesAreASupersetOfThePreGate) {
  RandomStream rng(2026, 0, "test", "position-track-index");
  const double q = 50.0;
  long kept = 0, candidates = 0, pairs = 0;
  for (int batch = 0; batch < 60; ++batch) {
    std::vector<PreGateTrack> tracks;
    std::vector<char> include;
    for (int k = 0; k < 300; ++k) {
      tracks.push_back(RandomTrack(rng, Vec3::Zero()));
      include.push_back(rng.Bernoulli(0.8));
    }
    const double gate = ChiSquareGate(3, 0.999);
    const SimTime from = kT0 - Duration::Micros(2000000), to = kT0 + Duration::Micros(1000000);
    PositionTrackIndex index(/*min_tracks=*/0);
    index.Build(tracks, include, q, from, to, gate);
    std::vector<int> near;
    for (int p = 0; p < 200; ++p) {
      const SimTime t = from + Duration::Micros(static_cast<std::int64_t>(rng.Uniform(0.0, 3e6)));
      const PreGateTrack& tr = tracks[rng.Below(tracks.size())];
      const double sh = rng.Uniform(5.0, 300.0), sv = rng.Uniform(5.0, 100.0);
      const double trace_R = 2.0 * (sh * sh + 1.0) + sv * sv + 1.0;
      const double spread = (rng.Bernoulli(0.7) ? rng.Uniform(0.0, 3.0) : rng.Uniform(0.0, 300.0)) *
                            std::sqrt(tr.tr_pp + trace_R);
      Vec3 z = tr.p_enu + (t - tr.time).seconds() * tr.v_enu;
      for (int i = 0; i < 3; ++i) z(i) += rng.Normal(0.0, spread);
      index.Candidates(t, z, trace_R, &near);
      ASSERT_TRUE(SortedUnique(near));
      candidates += static_cast<long>(near.size());
      for (int k = 0; k < static_cast<int>(tracks.size()); ++k) {
        ++pairs;
        if (!include[k]) {
          ASSERT_FALSE(std::binary_search(near.begin(), near.end(), k));
          continue;
        }
        if (PositionPreGateRejects(tracks[k], q, t, z, trace_R, gate)) continue;
        ++kept;
        ASSERT_TRUE(std::binary_search(near.begin(), near.end(), k)) << "batch " << batch << " report " << p;
      }
    }
  }
  EXPECT_GT(kept, 20000);
  EXPECT_LT(candidates, pairs / 10);
}

// One track 100 km north of a sensor at the tracker origin, tr(P_pp) = 3e4 m^2, no velocity
// uncertainty, q = 0, gate 9 (g = 9 * 1.0001 = 9.0009):
//   reach e = sqrt(g * 3e4 * (1 + 1e-7)) = 519.641 m
//   range bound (sr = 10 m):    e + sqrt(g) 10 = 519.641 + 30.001 = 549.643 m (+ 0.03 m tolerance);
//                               the pre-gate itself keeps up to sqrt(g (3e4 + 100)) = 520.507 m
//   azimuth bound (saz = 1 mrad): e / 1e5 + sqrt(g) 1e-3 = 5.1964 + 3.0001 = 8.1966 mrad (+ 1 urad)
PreGateTrack HandTrack(const Vec3& v_enu) {
  PreGateTrack t;
  t.time = kT0;
  t.p_enu = Vec3(0.0, 100e3, 0.0);
  t.v_enu = v_enu;
  t.tr_pp = 3e4;
  return t;
}

std::vector<int> PolarOne(const PreGateTrack& t, SimTime from, SimTime to, const PolarPlot& plot) {
  const PolarMeasurementModel m(kFrame, Geodetic{50.0, 15.0, 0.0}, false);
  PolarTrackIndex index(/*min_tracks=*/0);
  index.Build({t}, {}, 0.0, m, from, to, 9.0);
  std::vector<int> near;
  index.Candidates(plot, &near);
  return near;
}

TEST(PolarTrackIndex, HandBounds) {
  const PreGateTrack t = HandTrack(Vec3::Zero());
  auto at = [&](double range_m, double az_rad) { return PolarPlot{kT0, range_m, az_rad, 10.0, 1e-3}; };
  EXPECT_EQ(PolarOne(t, kT0, kT0, at(100e3 + 549.5, 0.0)).size(), 1u);
  EXPECT_EQ(PolarOne(t, kT0, kT0, at(100e3 + 549.8, 0.0)).size(), 0u);
  EXPECT_EQ(PolarOne(t, kT0, kT0, at(100e3 - 549.5, 0.0)).size(), 1u);
  EXPECT_EQ(PolarOne(t, kT0, kT0, at(100e3 - 549.8, 0.0)).size(), 0u);
  EXPECT_EQ(PolarOne(t, kT0, kT0, at(100e3, 8.19e-3)).size(), 1u);
  EXPECT_EQ(PolarOne(t, kT0, kT0, at(100e3, 8.21e-3)).size(), 0u);
  EXPECT_EQ(PolarOne(t, kT0, kT0, at(100e3, 2.0 * M_PI - 8.19e-3)).size(), 1u);  // through north
  EXPECT_EQ(PolarOne(t, kT0, kT0, at(100e3, 2.0 * M_PI - 8.21e-3)).size(), 0u);
  // A plot outside the index's time window gets every track.
  EXPECT_EQ(PolarOne(t, kT0, kT0, PolarPlot{kT0 + Duration::Micros(1), 50e3, 3.0, 10.0, 1e-3}).size(), 1u);
}

// Below kIndexMinTracks the index is not built: every track is a candidate (the pre-gate then
// decides, with the same result); from kIndexMinTracks on, it prunes as above.
TEST(PolarTrackIndex, FewTracksAreAllCandidates) {
  const PolarMeasurementModel m(kFrame, Geodetic{50.0, 15.0, 0.0}, false);
  const PolarPlot far{kT0, 100e3 + 549.8, 0.0, 10.0, 1e-3};  // pruned in HandBounds
  std::vector<int> near;
  PolarTrackIndex few;
  const std::vector<PreGateTrack> some(kIndexMinTracks - 1, HandTrack(Vec3::Zero()));
  few.Build(some, {}, 0.0, m, kT0, kT0, 9.0);
  few.Candidates(far, &near);
  EXPECT_EQ(near.size(), some.size());
  EXPECT_TRUE(std::is_sorted(near.begin(), near.end()));
  PolarTrackIndex enough;
  enough.Build(std::vector<PreGateTrack>(kIndexMinTracks, HandTrack(Vec3::Zero())), {}, 0.0, m, kT0, kT0, 9.0);
  enough.Candidates(far, &near);
  EXPECT_TRUE(near.empty());
}

// Tracks too uncertain, or too close, for an azimuth window (bound above kWideAzimuthRad) are found
// through their range: two tracks due north, tr(P_pp) = 1e7 m^2 at 50 km (e = 9487.308 m, range
// bound with sr = 10 m 9517.309 m, azimuth bound 9487.308 / 5e4 + 3.0001e-3 = 0.1927 rad) and
// 1e5 m^2 at 10 km (e = 948.731 m, range bound 978.732 m, azimuth bound 0.0979 rad), each in its
// tier of range reach; a plot with no finite range is tested against every wide track.
TEST(PolarTrackIndex, WideTracksByRange) {
  const PolarMeasurementModel m(kFrame, Geodetic{50.0, 15.0, 0.0}, false);
  std::vector<PreGateTrack> tracks(2, HandTrack(Vec3::Zero()));
  tracks[0].p_enu = Vec3(0.0, 50e3, 0.0);
  tracks[0].tr_pp = 1e7;
  tracks[1].p_enu = Vec3(0.0, 10e3, 0.0);
  tracks[1].tr_pp = 1e5;
  PolarTrackIndex index(/*min_tracks=*/0);
  index.Build(tracks, {}, 0.0, m, kT0, kT0, 9.0);
  auto near = [&](double range_m, double az_rad) {
    std::vector<int> out;
    index.Candidates(PolarPlot{kT0, range_m, az_rad, 10.0, 1e-3}, &out);
    return out;
  };
  EXPECT_EQ(near(50e3 + 9517.2, 0.1), std::vector<int>{0});
  EXPECT_EQ(near(50e3 + 9517.5, 0.1), std::vector<int>{});
  EXPECT_EQ(near(50e3 - 9517.2, 0.1), std::vector<int>{0});
  EXPECT_EQ(near(50e3, 0.1926), std::vector<int>{0});
  EXPECT_EQ(near(50e3, 0.1929), std::vector<int>{});
  EXPECT_EQ(near(10e3 + 978.6, 0.09), std::vector<int>{1});
  EXPECT_EQ(near(10e3 + 978.9, 0.09), std::vector<int>{});
  EXPECT_EQ(near(10e3 - 978.6, -0.09), std::vector<int>{1});
  EXPECT_EQ(near(NAN, 0.09), (std::vector<int>{0, 1}));
}

TEST(PolarTrackIndex, HandBoundsWithMotion) {
  // 300 m/s east (across the line of sight), window kT0 +- 1 s, plot at kT0 + 1 s (D = 1 s, d = 300 m):
  // the reach grows with m = 1 s only through the (zero) velocity traces, so e = 519.641 m;
  //   range bound 519.641 + 300 + 30.001 = 849.643 m;
  //   azimuth bound 519.641 / (1e5 - 300) + (pi/2) 300 / 1e5 + 3.0001e-3 = 5.2121 + 4.7124 + 3.0001
  //   = 12.9246 mrad.
  const PreGateTrack t = HandTrack(Vec3(300.0, 0.0, 0.0));
  const SimTime from = kT0 - Duration::Micros(1000000), to = kT0 + Duration::Micros(1000000);
  auto at = [&](double range_m, double az_rad) { return PolarPlot{to, range_m, az_rad, 10.0, 1e-3}; };
  EXPECT_EQ(PolarOne(t, from, to, at(100e3 + 849.5, 0.0)).size(), 1u);
  EXPECT_EQ(PolarOne(t, from, to, at(100e3 + 849.8, 0.0)).size(), 0u);
  EXPECT_EQ(PolarOne(t, from, to, at(100e3, 12.92e-3)).size(), 1u);
  EXPECT_EQ(PolarOne(t, from, to, at(100e3, 12.94e-3)).size(), 0u);
  // At the window's middle (D = 0) the same track has the static bounds.
  EXPECT_EQ(PolarOne(t, from, to, PolarPlot{kT0, 100e3, 8.21e-3, 10.0, 1e-3}).size(), 0u);
}

TEST(PolarTrackIndex, WindowAcrossSouth) {
  // Two tracks 100 km from the sensor at azimuths +179.9 and -179.9 deg (0.2 deg apart across
  // south), tight covariances (e = 30 m: 0.3 mrad), plots with saz = 2.5 mrad (bound 7.8 mrad =
  // 0.45 deg): a plot at 180 deg gets both, one at 179.5 deg only the first, 180.5 only the second.
  const PolarMeasurementModel m(kFrame, Geodetic{50.0, 15.0, 0.0}, false);
  std::vector<PreGateTrack> tracks(2);
  const double a = 179.9 * M_PI / 180.0;
  for (int k = 0; k < 2; ++k) {
    tracks[k].time = kT0;
    tracks[k].p_enu = Vec3((k == 0 ? 1.0 : -1.0) * 100e3 * std::sin(a), 100e3 * std::cos(a), 0.0);
    tracks[k].v_enu = Vec3::Zero();
    tracks[k].tr_pp = 100.0;  // e = 30 m: 0.3 mrad at 100 km
  }
  PolarTrackIndex index(/*min_tracks=*/0);
  index.Build(tracks, {}, 0.0, m, kT0, kT0, 9.0);
  std::vector<int> near;
  index.Candidates(PolarPlot{kT0, 100e3, M_PI, 10.0, 2.5e-3}, &near);
  EXPECT_EQ(near, (std::vector<int>{0, 1}));
  index.Candidates(PolarPlot{kT0, 100e3, 179.5 * M_PI / 180.0, 10.0, 2.5e-3}, &near);
  EXPECT_EQ(near, (std::vector<int>{0}));
  index.Candidates(PolarPlot{kT0, 100e3, 180.5 * M_PI / 180.0, 10.0, 2.5e-3}, &near);
  EXPECT_EQ(near, (std::vector<int>{1}));
}

TEST(PositionTrackIndex, HandBounds) {
  // Same track, moving 300 m/s east, window kT0 +- 1 s; a report at kT0 + 1 s with tr_R = 3e4:
  //   bound e + 300 + sqrt(9.0009 * 3e4) = 519.641 + 300 + 519.641 = 1339.28 m from q = (0, 100 km, 0)
  //   (the pre-gate keeps within sqrt(9.0009 * 6e4) = 734.9 m of the track's position then).
  const PreGateTrack t = HandTrack(Vec3(300.0, 0.0, 0.0));
  const SimTime from = kT0 - Duration::Micros(1000000), to = kT0 + Duration::Micros(1000000);
  PositionTrackIndex index(/*min_tracks=*/0);
  index.Build({t}, {}, 0.0, from, to, 9.0);
  std::vector<int> near;
  index.Candidates(to, Vec3(0.0, 100e3 + 1339.0, 0.0), 3e4, &near);
  EXPECT_EQ(near.size(), 1u);
  index.Candidates(to, Vec3(0.0, 100e3 + 1339.5, 0.0), 3e4, &near);
  EXPECT_EQ(near.size(), 0u);
  index.Candidates(to, Vec3(-1339.0, 100e3, 0.0), 3e4, &near);  // west, through the sorted window
  EXPECT_EQ(near.size(), 1u);
  index.Candidates(to, Vec3(-1339.5, 100e3, 0.0), 3e4, &near);
  EXPECT_EQ(near.size(), 0u);
  // Left out by `include`.
  index.Build({t}, {0}, 0.0, from, to, 9.0);
  index.Candidates(to, Vec3(0.0, 100e3, 0.0), 3e4, &near);
  EXPECT_EQ(near.size(), 0u);
}

}  // namespace
}  // namespace iadsim
