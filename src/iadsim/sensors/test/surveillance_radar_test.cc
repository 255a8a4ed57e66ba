// Surveillance radar, exactness of the scan's fast paths: a sweep gives the same detections and
// IFF replies, to the last bit, whether or not its truth is asked for (two sorting paths), and an
// echo's SNR is RadarParameters::Snr at the aircraft's true range at the detection's time, to the
// last bit (the radar keeps SNR x R^4 per RCS instead of re-evaluating the radar equation).
#include "iadsim/sensors/surveillance_radar.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <numbers>

#include "iadsim/core/angle.h"

namespace iadsim {
namespace {

constexpr double kPi = std::numbers::pi;
const Geodetic kSite{35.44, 35.99, 85.0};

bool SameBits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

// n aircraft on straight routes over a 150 km disc (seeded), mixed Swerling cases and RCS.
World Crowd(int n) {
  World world;
  RandomStream rng(17);
  const LocalFrame frame(kSite);
  for (int i = 0; i < n; ++i) {
    const double r = 150e3 * std::sqrt(rng.Uniform01()), a = 2.0 * kPi * rng.Uniform01(), h = 2.0 * kPi * rng.Uniform01();
    const double alt = 1000.0 + 9000.0 * rng.Uniform01();
    const Vec3 p0(r * std::sin(a), r * std::cos(a), alt);
    const Vec3 p1 = p0 + 100e3 * Vec3(std::sin(h), std::cos(h), 0.0);
    Entity e;
    e.name = "c";
    e.name += std::to_string(i);
    e.signature = {1.0 + 0.5 * (i % 5), i % 5, std::nullopt};
    e.transponder.on = i % 4 != 0;
    e.transponder.mode3a = e.transponder.mode_c = true;
    RouteConfig route;
    Geodetic g0 = frame.GeodeticFromEnu(p0), g1 = frame.GeodeticFromEnu(p1);
    g0.alt_m = g1.alt_m = alt;
    route.waypoints = {{g0, 220.0}, {g1, 240.0}};
    e.route.emplace(route);
    world.Add(std::move(e));
  }
  return world;
}

RadarConfig Radar() {
  RadarConfig rc;
  rc.id = SensorId(1);
  rc.position = kSite;
  rc.radar = {3e9, 1e6, 38.0, 10e-6, 1, 500.0, 8.0, 1e-6};
  rc.azimuth_beamwidth_rad = rc.elevation_beamwidth_rad = 1.5 * kPi / 180.0;
  return rc;
}

// Expected false alarms a revolution, by hand for Radar(): cells of c·10 µs / 2 = 1498.96 m give
// ⌈300 km / 1498.96 m⌉ = 201 range cells; 8 sweeps of 45° in 1.5° beams, 30 each; elevation
// 1.085 rad (-0.035 to 1.05) in 1.5° beams, ⌈41.44⌉ = 42: 201 · 30 · 42 · 8 = 2,026,080 cells.
TEST(SurveillanceRadar, ValidateRefusesARadarDrownedInFalseAlarms) {
  RadarConfig rc = Radar();
  EXPECT_TRUE(rc.Validate().empty());
  EXPECT_DOUBLE_EQ(rc.sectors * ExpectedFalseAlarmsPerScan(rc.SectorCells(0), 1e-6), 2.02608);
  rc.radar.pfa = 0.049;  // 99,278 a revolution: accepted
  EXPECT_TRUE(rc.Validate().empty());
  rc.radar.pfa = 0.05;  // 101,304: refused
  Problems p = rc.Validate();
  ASSERT_EQ(p.size(), 1U);
  EXPECT_EQ(p[0].path, "pfa");
  EXPECT_NE(p[0].message.find("1.01e+05 false alarms a revolution"), std::string::npos) << p[0].message;
  // A picosecond pulse: 1.5e-4 m cells, 2.0e13 cells a revolution, counted without overflow.
  rc.radar.pfa = 1e-6;
  rc.radar.pulse_width_s = 1e-12;
  p = rc.Validate();
  ASSERT_EQ(p.size(), 1U);
  EXPECT_NE(p[0].message.find("range cells of 0.00015 m"), std::string::npos) << p[0].message;
  EXPECT_NE(p[0].message.find("2.02e+07 false alarms"), std::string::npos) << p[0].message;
  // Without false alarms drawn the count does not matter.
  rc.false_alarms = false;
  EXPECT_TRUE(rc.Validate().empty());
}

TEST(SurveillanceRadar, SweepWithAndWithoutTruthGivesTheSameBits) {
  const World world = Crowd(400);
  IffConfig iff;
  iff.enabled = true;
  SurveillanceRadar a(Radar(), iff, RandomStream(3)), b(Radar(), iff, RandomStream(3));
  DetectionBatch da, db;
  IffSweep ia, ib;
  SweepTruth truth;
  std::size_t detections = 0, replies = 0;
  for (std::uint64_t rev = 0; rev < 3; ++rev)
    for (int k = 0; k < 8; ++k) {
      const SimTime start = SimTime::Seconds(10.0 * static_cast<double>(rev));
      a.Sweep(world, start, rev, k, &da, &ia, &truth);
      b.Sweep(world, start, rev, k, &db, &ib, nullptr);
      ASSERT_EQ(da.detections.size(), db.detections.size());
      ASSERT_EQ(truth.sources.size(), da.detections.size());
      for (std::size_t i = 0; i < da.detections.size(); ++i) {
        const Detection &x = da.detections[i], &y = db.detections[i];
        EXPECT_EQ(x.time, y.time);
        EXPECT_TRUE(SameBits(x.range_m, y.range_m) && SameBits(x.azimuth_rad, y.azimuth_rad) &&
                    SameBits(x.elevation_rad, y.elevation_rad) && SameBits(x.snr_db, y.snr_db));
        if (i > 0) { EXPECT_LE(da.detections[i - 1].time, x.time); }  // in the beam's order
      }
      ASSERT_EQ(ia.replies.size(), ib.replies.size());
      for (std::size_t i = 0; i < ia.replies.size(); ++i)
        EXPECT_TRUE(SameBits(ia.replies[i].range_m, ib.replies[i].range_m) && ia.replies[i].time == ib.replies[i].time);
      detections += da.detections.size();
      replies += ia.replies.size();
    }
  EXPECT_GT(detections, 600u);  // most of 400 aircraft, 3 revolutions
  EXPECT_GT(replies, 600u);
}

TEST(SurveillanceRadar, EchoSnrIsTheRadarEquationAtTheTrueRange) {
  // Lone aircraft (no merging, no clutter, no jamming): the detection's SNR is its echo's.
  const World world = Crowd(60);
  RadarConfig rc = Radar();
  rc.false_alarms = false;
  SurveillanceRadar radar(rc, IffConfig{}, RandomStream(9));
  const LocalFrame frame(kSite);
  DetectionBatch batch;
  IffSweep sweep;
  SweepTruth truth;
  int checked = 0;
  for (int k = 0; k < 8; ++k) {
    radar.Sweep(world, SimTime(), 0, k, &batch, &sweep, &truth);
    for (std::size_t i = 0; i < batch.detections.size(); ++i) {
      if (truth.sources[i].size() != 1) continue;
      const EntityId id = truth.sources[i][0];
      const auto s = world.StateAt(id, batch.detections[i].time);
      ASSERT_TRUE(s);
      const double range_m = frame.EnuFromEcef(s->p_ecef).norm();
      const double snr = rc.radar.Snr(world.Get(id).signature.rcs_m2, range_m);
      EXPECT_TRUE(SameBits(batch.detections[i].snr_db, LinearToDb(snr))) << batch.detections[i].snr_db << " vs " << LinearToDb(snr);
      ++checked;
    }
  }
  EXPECT_GT(checked, 30);
}

}  // namespace
}  // namespace iadsim
