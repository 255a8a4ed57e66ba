#pragma once
// Test sky for the unit tracker's tests: straight-line targets and a radar that turns truth into
// noisy polar detections through geodesy, independently of the tracker's code.
#include <algorithm>
#include <cstdint>
#include <cmath>
#include <numbers>
#include <vector>

#include "iadsim/core/angle.h"
#include "iadsim/core/rng.h"
#include "iadsim/tracking/tracker.h"

namespace iadsim {

inline constexpr double kTwoPiRad = 2.0 * std::numbers::pi;

// A target flying a straight line at constant velocity, in the tracker's ENU frame.
struct Truth {
  Vec3 p0, v;  // m at t = 0, m/s
  Vec3 At(SimTime t) const { return p0 + t.seconds() * v; }
};

// A test radar, independent of the tracker's code: it turns truth into noisy polar detections
// through geodesy (tracker ENU -> geodetic -> the radar's own ENU), with Pd = 1 for the targets
// it is given.
class TestRadar {
 public:
  // run: the noise stream's index (seeded runs of one test).
  TestRadar(const LocalFrame& tracker, const Geodetic& site, bool has_elevation = true, unsigned run = 0)
      : tracker_(tracker), own_(site), site_(site), has_elevation_(has_elevation), rng_{20240611, run, "tracker_test", "radar noise"} {}

  // A clockwise sweep from az_from to az_to taking `duration`, starting at `start`. Target: any
  // type with Vec3 At(SimTime) (tracker frame). codes: empty, or each target's Mode 3/A code, which
  // its detections carry (a combined plot, sensors/plot_combination.h).
  template <class Target = Truth>
  DetectionBatch Sweep(SimTime start, Duration duration, double az_from, double az_to, double max_range_m,
                       const std::vector<Target>& targets, const std::vector<std::uint16_t>& codes = {}) {
    DetectionBatch b;
    b.sensor = SensorId(7);
    b.sensor_position = site_;
    b.start = start;
    b.end = start + duration;
    b.az_from_rad = az_from;
    b.az_to_rad = az_to;
    b.max_range_m = max_range_m;
    const double width = az_to - az_from >= kTwoPiRad ? kTwoPiRad : WrapTwoPi(az_to - az_from);
    for (std::size_t i = 0; i < targets.size(); ++i) {
      const Target& target = targets[i];
      const double offset = WrapTwoPi(Seen(target.At(start)).azimuth_rad - az_from);
      if (offset > width) continue;
      const SimTime t = start + Duration::Seconds(duration.seconds() * offset / width);
      const Polar p = Seen(target.At(t));
      if (p.range_m > max_range_m) continue;
      Detection d;
      d.time = t;
      d.sensor = b.sensor;
      d.sensor_position = site_;
      d.has_elevation = has_elevation_;
      d.sigma_range_m = 30.0;
      d.sigma_azimuth_rad = 0.002;
      d.sigma_elevation_rad = 0.002;
      d.range_m = p.range_m + d.sigma_range_m * rng_.StandardNormal();
      d.azimuth_rad = WrapTwoPi(p.azimuth_rad + d.sigma_azimuth_rad * rng_.StandardNormal());
      d.elevation_rad = p.elevation_rad + d.sigma_elevation_rad * rng_.StandardNormal();
      if (!codes.empty()) d.mode3a_code = codes[i];
      b.detections.push_back(d);
    }
    std::sort(b.detections.begin(), b.detections.end(),
              [](const Detection& x, const Detection& y) { return x.time < y.time; });
    return b;
  }
  template <class Target = Truth>
  DetectionBatch FullScan(int k, double max_range_m, const std::vector<Target>& targets, double period_s = 10.0,
                          const std::vector<std::uint16_t>& codes = {}) {
    return Sweep(SimTime::Seconds(period_s * k), Duration::Seconds(period_s), 0.0, kTwoPiRad, max_range_m, targets,
                 codes);
  }
  Polar Seen(const Vec3& p_tracker) const {
    return PolarFromEnu(own_.EnuFromGeodetic(tracker_.GeodeticFromEnu(p_tracker)));
  }

 private:
  LocalFrame tracker_, own_;
  Geodetic site_;
  bool has_elevation_;
  RandomStream rng_;
};

}  // namespace iadsim
