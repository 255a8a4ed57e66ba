#include "iadsim/sensors/engagement_radar.h"


#include <fmt/format.h>

#include <cmath>
#include <numbers>

#include "iadsim/core/angle.h"
#include "iadsim/sensors/detection_probability.h"
#include "iadsim/sensors/measurement_accuracy.h"
#include "iadsim/sensors/radar_horizon.h"

namespace iadsim {

Problems EngagementRadarConfig::Validate() const {
  Problems out = radar.Validate();
  auto positive = [&](const char* path, double v, const char* unit) {
    if (!(v > 0.0) || !std::isfinite(v)) out.push_back({path, fmt::format("must be > 0 (got {} {})", v, unit)});
  };
  positive("beamwidth", beamwidth_rad, "rad");
  positive("max_range", max_range_m, "m");
  positive("range_gate", range_gate_m, "m");
  positive("update_interval", update_interval_s, "s");
  if (channels < 1) out.push_back({"channels", fmt::format("must be >= 1 (got {})", channels)});
  return out;
}

EngagementRadar::EngagementRadar(EngagementRadarConfig config, RandomStream stream)
    : config_(std::move(config)), stream_(stream), frame_(config_.position), position_ecef_(EcefFromGeodetic(config_.position)),
      surface_ecef_(EcefFromGeodetic({config_.position.lat_deg, config_.position.lon_deg, 0.0})) {}

std::optional<Detection> EngagementRadar::Look(const World& world, SimTime t, const Vec3& pointing_ecef,
                                               std::uint64_t look) {
  const Vec3 axis = frame_.EnuFromEcef(pointing_ecef);
  const double predicted_range = axis.norm();
  std::optional<Detection> best;
  // Only a target within the range gate and the beam can be seen: within |range − predicted| +
  // range · off-axis angle of the pointing point.
  const double reach = config_.range_gate_m + (predicted_range + config_.range_gate_m) * config_.beamwidth_rad + 100.0;
  world.ForEachTargetNear(t, pointing_ecef, reach, [&](const Entity& e, const EntityState& s) {
    const Vec3 p = frame_.EnuFromEcef(s.p_ecef);
    const double range = p.norm();
    if (range > config_.max_range_m || std::abs(range - predicted_range) > config_.range_gate_m) return;
    const double off_axis = std::acos(std::clamp(p.dot(axis) / (range * predicted_range), -1.0, 1.0));
    if (off_axis > config_.beamwidth_rad) return;
    if (!world.InLineOfSight(config_.position, surface_ecef_, s.geo, s.p_ecef)) return;
    const double x = off_axis / config_.beamwidth_rad;
    const double beam_loss = std::exp(-2.0 * 4.0 * std::numbers::ln2 * x * x);
    const double rcs = e.signature.RcsSeenFrom(s.geo, s.p_ecef, s.v_ecef, position_ecef_);
    const double snr = config_.radar.Snr(rcs, range) * beam_loss;
    RandomStream rng = stream_.Derive(e.name, look);
    if (!rng.Bernoulli(DetectionProbability(static_cast<Swerling>(e.signature.swerling), snr, config_.radar.pfa))) return;
    if (best && best->snr_db >= LinearToDb(snr)) return;
    const Polar pol = PolarFromEnu(p);
    Detection d;
    d.time = t;
    d.sensor = config_.id;
    d.sensor_position = config_.position;
    d.snr_db = LinearToDb(snr);
    d.sigma_range_m = RangeSigma(config_.radar.pulse_width_s, snr, config_.range_sigma_floor_m);
    d.sigma_azimuth_rad = AngleSigma(config_.beamwidth_rad, snr, config_.angle_sigma_floor_rad);
    d.sigma_elevation_rad = d.sigma_azimuth_rad;
    d.range_m = range + rng.Normal(0.0, d.sigma_range_m);
    d.azimuth_rad = WrapTwoPi(pol.azimuth_rad + rng.Normal(0.0, d.sigma_azimuth_rad));
    d.elevation_rad = pol.elevation_rad + rng.Normal(0.0, d.sigma_elevation_rad);
    best = d;
  });
  return best;
}

}  // namespace iadsim
