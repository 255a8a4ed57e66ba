#pragma once
// An engagement (fire-control) radar: a pencil beam pointed at a designated position.
//
// One look at time t toward a pointing position (the fire-control track's prediction, never the
// truth): every aircraft inside the main beam (off-axis angle < beamwidth) and the range gate
// in line of sight (terrain when the scenario has one) returns an echo with the monostatic radar
// equation and its aspect RCS (world/rcs_table.h), reduced by the two-way Gaussian beam-shape
// loss  G(theta)^2/G0^2 = exp(-2 * 4 ln2 (theta/theta_3dB)^2)  (Barton 2005, sec. 5.2); detection is
// drawn with the exact Pd for the target's Swerling case; the strongest detected echo gives the
// measurement, with SNR-dependent noise (measurement_accuracy.h). A large aircraft near the
// designated one therefore captures the beam: that is physics, not a scripted outcome.
#include <optional>
#include <string>

#include "iadsim/core/error.h"
#include "iadsim/core/ids.h"
#include "iadsim/core/rng.h"
#include "iadsim/messages/detection.h"
#include "iadsim/sensors/radar_parameters.h"
#include "iadsim/world/world.h"

namespace iadsim {

struct EngagementRadarConfig {
  std::string name;
  SensorId id;
  Geodetic position;
  RadarParameters radar{10e9, 100e3, 40.0, 1e-6, 1, 600, 8.0, 1e-6};  // see radar_parameters.h
  double beamwidth_rad = 0.0175;  // 3-dB beamwidth, both planes
  double max_range_m = 200e3;
  double range_gate_m = 3000.0;   // half-width of the range gate about the predicted range
  int channels = 6;               // targets tracked at once
  double update_interval_s = 0.5; // time between looks at one target
  double range_sigma_floor_m = 5.0;
  double angle_sigma_floor_rad = 0.0003;
  Problems Validate() const;
};

class EngagementRadar final {
 public:
  EngagementRadar(EngagementRadarConfig config, RandomStream stream);
  const EngagementRadarConfig& config() const { return config_; }
  // One look toward `pointing_ecef` at time t; `look` numbers the looks (for the random streams).
  std::optional<Detection> Look(const World& world, SimTime t, const Vec3& pointing_ecef, std::uint64_t look);

 private:
  EngagementRadarConfig config_;
  RandomStream stream_;
  LocalFrame frame_;
  Vec3 position_ecef_;
  Vec3 surface_ecef_;  // the radar's point at zero height (for World::InLineOfSight's bound)
};

}  // namespace iadsim
