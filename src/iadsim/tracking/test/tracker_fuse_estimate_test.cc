// Tracker::FuseEstimate: the estimate of a live track replaced at t >= its time (time becomes t),
// or, for t earlier, predicted forward by hand-written CV matrices:
//   F = [I dt I; 0 I],  Q = q [dt^3/3 I, dt^2/2 I; dt^2/2 I, dt I]   (Bar-Shalom et al. 2001, 6.2.2)
// and its id, status, hits and look history kept.
#include <gtest/gtest.h>

#include "iadsim/tracking/tracker.h"

namespace iadsim {
namespace {

const Geodetic kOrigin{34.0, 36.0, 0.0};

Tracker OneTrack() {
  TrackerConfig config;
  config.origin = kOrigin;
  config.process_noise_q = 2.0;
  Tracker tracker(config);
  for (int k = 0; k < 3; ++k) {
    DetectionBatch b;
    b.sensor = SensorId(1);
    b.sensor_position = kOrigin;
    b.start = SimTime() + Duration::Seconds(10.0 * k);
    b.end = b.start;
    b.az_from_rad = 0.0;
    b.az_to_rad = 6.28;
    b.max_range_m = 200e3;
    const Polar polar = PolarFromEnu(Vec3(10e3, 50e3, 5000.0));
    Detection d;
    d.time = b.start;
    d.sensor = b.sensor;
    d.sensor_position = kOrigin;
    d.range_m = polar.range_m;
    d.azimuth_rad = polar.azimuth_rad;
    d.elevation_rad = polar.elevation_rad;
    d.sigma_range_m = 50.0;
    d.sigma_azimuth_rad = d.sigma_elevation_rad = 0.002;
    b.detections.push_back(d);
    tracker.Process(b);
  }
  return tracker;
}

StateCov Spd() {
  StateCov P = StateCov::Identity();
  P.diagonal() << 100.0, 200.0, 300.0, 4.0, 5.0, 6.0;
  P(0, 3) = P(3, 0) = 10.0;
  return P;
}

TEST(TrackerFuseEstimate, ReplacesAtALaterTimeAndKeepsTheHistory) {
  Tracker tracker = OneTrack();
  ASSERT_EQ(tracker.tracks().size(), 1u);
  const TrackState before = tracker.tracks()[0];
  ASSERT_EQ(before.status, TrackStatus::kConfirmed);
  StateVec x;
  x << 1.0, 2.0, 3.0, 4.0, 5.0, 6.0;
  const SimTime t = before.time + Duration::Seconds(2.5);
  tracker.FuseEstimate(before.id, t, x, Spd());
  const TrackState& after = tracker.tracks()[0];
  EXPECT_EQ(after.time, t);
  EXPECT_EQ(after.x, x);
  EXPECT_EQ(after.P, Spd());
  EXPECT_EQ(after.id, before.id);
  EXPECT_EQ(after.status, before.status);
  EXPECT_EQ(after.hits, 3);
  EXPECT_EQ(after.looks, before.looks);
  EXPECT_EQ(after.look_history, before.look_history);
  EXPECT_EQ(after.consecutive_misses, before.consecutive_misses);
}

TEST(TrackerFuseEstimate, AnOlderEstimateIsPredictedToTheTracksTime) {
  Tracker tracker = OneTrack();
  const TrackState before = tracker.tracks()[0];
  StateVec x;
  x << 1000.0, 2000.0, 3000.0, 40.0, -50.0, 6.0;
  const double dt = 4.0, q = 2.0;
  tracker.FuseEstimate(before.id, before.time - Duration::Seconds(dt), x, Spd());
  const TrackState& after = tracker.tracks()[0];
  EXPECT_EQ(after.time, before.time);
  // By hand: x + dt v = (1160, 1800, 3024); P_ee = 100 + 2 dt 10 + dt^2 4 + q dt^3/3 = 286.666...
  EXPECT_DOUBLE_EQ(after.x(0), 1160.0);
  EXPECT_DOUBLE_EQ(after.x(1), 1800.0);
  EXPECT_DOUBLE_EQ(after.x(2), 3024.0);
  EXPECT_DOUBLE_EQ(after.x(3), 40.0);
  EXPECT_NEAR(after.P(0, 0), 100.0 + 2 * dt * 10.0 + dt * dt * 4.0 + q * dt * dt * dt / 3.0, 1e-9);
  EXPECT_NEAR(after.P(0, 3), 10.0 + dt * 4.0 + q * dt * dt / 2.0, 1e-9);   // 30
  EXPECT_NEAR(after.P(3, 3), 4.0 + q * dt, 1e-9);                          // 12
  EXPECT_NEAR(after.P(1, 1), 200.0 + dt * dt * 5.0 + q * dt * dt * dt / 3.0, 1e-9);
  EXPECT_EQ(after.look_history, before.look_history);
}

}  // namespace
}  // namespace iadsim
