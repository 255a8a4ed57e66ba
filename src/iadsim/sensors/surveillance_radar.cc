#include "iadsim/sensors/surveillance_radar.h"

#include <fmt/format.h>

#include <cmath>
#include <numbers>

#include "iadsim/core/angle.h"
#include "iadsim/sensors/detection_probability.h"
#include "iadsim/sensors/measurement_accuracy.h"
#include "iadsim/sensors/radar_horizon.h"

namespace iadsim {
namespace {
constexpr double kTwoPi = 2.0 * std::numbers::pi;

void Positive(Problems& out, const char* path, double v, const char* unit) {
  if (!(v > 0.0) || !std::isfinite(v)) out.push_back({path, fmt::format("must be > 0 (got {} {})", v, unit)});
}
}  // namespace

Problems RadarConfig::Validate() const {
  Problems out = radar.Validate();
  Positive(out, "scan_period", scan_period_s, "s");
  Positive(out, "max_range", max_range_m, "m");
  Positive(out, "beamwidth", azimuth_beamwidth_rad, "rad");
  if (sectors < 1 || sectors > 360) out.push_back({"sectors", fmt::format("must be in [1, 360] (got {})", sectors)});
  if (!(max_elevation_rad > min_elevation_rad))
    out.push_back({"max_elevation", "must be above min_elevation"});
  return out;
}

Problems IffConfig::Validate() const {
  Problems out;
  if (!enabled) return out;
  Positive(out, "max_range", max_range_m, "m");
  Positive(out, "range_sigma", range_sigma_m, "m");
  Positive(out, "azimuth_sigma", azimuth_sigma_rad, "rad");
  if (secure && keys.empty()) out.push_back({"modes", "secure mode asked but the side holds no key"});
  return out;
}

SurveillanceRadar::SurveillanceRadar(RadarConfig radar, IffConfig iff, RandomStream stream)
    : radar_(std::move(radar)), iff_(std::move(iff)), stream_(stream), frame_(radar_.position) {}

Duration SurveillanceRadar::sector_duration() const {
  return Duration::Seconds(radar_.scan_period_s / radar_.sectors);
}

void SurveillanceRadar::Sweep(const World& world, SimTime revolution_start, std::uint64_t revolution,
                              int sector, DetectionBatch* batch, IffSweep* iff_sweep,
                              std::vector<EntityId>* detected) {
  const double width = kTwoPi / radar_.sectors;
  const SimTime start = revolution_start + sector_duration() * sector;
  batch->sensor = radar_.id;
  batch->sensor_position = radar_.position;
  batch->start = start;
  batch->end = start + sector_duration();
  // The sector as the radar reports it: rotated by its own alignment error.
  batch->az_from_rad = WrapTwoPi(width * sector + radar_.north_alignment_error_rad);
  batch->az_to_rad = WrapTwoPi(width * (sector + 1) + radar_.north_alignment_error_rad);
  batch->max_range_m = radar_.max_range_m;
  batch->detections.clear();
  if (detected) detected->clear();
  iff_sweep->sensor = iff_.id;
  iff_sweep->sensor_position = radar_.position;
  iff_sweep->start = batch->start;
  iff_sweep->end = batch->end;
  iff_sweep->az_from_rad = batch->az_from_rad;
  iff_sweep->az_to_rad = batch->az_to_rad;
  iff_sweep->max_range_m = iff_.enabled ? iff_.max_range_m : 0.0;
  iff_sweep->secure_mode_asked = iff_.enabled && iff_.secure;
  iff_sweep->replies.clear();

  const double max_range = std::max(radar_.max_range_m, iff_.enabled ? iff_.max_range_m : 0.0);
  world.ForEachAircraft(start, [&](const Entity& e, const EntityState& s0) {
    const Vec3 p0 = frame_.EnuFromEcef(s0.p_ecef);
    if (p0.norm() > max_range * 1.01) return;
    const double az = PolarFromEnu(p0).azimuth_rad;
    const double offset = az - width * sector;
    if (offset < 0.0 || offset >= width) return;
    const SimTime t_hit = start + Duration::Seconds(offset / kTwoPi * radar_.scan_period_s);
    const auto s = world.StateAt(e.id, t_hit);
    if (!s) return;
    const Vec3 p = frame_.EnuFromEcef(s->p_ecef);
    if (!AboveRadarHorizon(radar_.position.alt_m, s->geo.alt_m, Inverse(radar_.position, s->geo).distance_m))
      return;
    RandomStream rng = stream_.Derive(e.name, revolution);
    const std::size_t before = batch->detections.size();
    Look(e, *s, t_hit, p, rng, batch);
    if (detected && batch->detections.size() > before) detected->push_back(e.id);
    if (iff_.enabled) Interrogate(e, *s, t_hit, p, rng, iff_sweep);
  });
}

void SurveillanceRadar::Look(const Entity& e, const EntityState& /*s*/, SimTime t, const Vec3& p_enu,
                             RandomStream& rng, DetectionBatch* batch) const {
  const Polar pol = PolarFromEnu(p_enu);
  if (pol.range_m > radar_.max_range_m) return;
  if (pol.elevation_rad < radar_.min_elevation_rad || pol.elevation_rad > radar_.max_elevation_rad) return;
  const double snr = radar_.radar.Snr(e.signature.rcs_m2, pol.range_m);
  const double pd = DetectionProbability(static_cast<Swerling>(e.signature.swerling), snr, radar_.radar.pfa);
  if (!rng.Bernoulli(pd)) return;
  Detection d;
  d.time = t;
  d.sensor = radar_.id;
  d.sensor_position = radar_.position;
  d.sigma_range_m = RangeSigma(radar_.radar.pulse_width_s, snr, radar_.range_sigma_floor_m);
  d.sigma_azimuth_rad = AngleSigma(radar_.azimuth_beamwidth_rad, snr, radar_.angle_sigma_floor_rad);
  d.sigma_elevation_rad = AngleSigma(radar_.elevation_beamwidth_rad, snr, radar_.angle_sigma_floor_rad);
  d.range_m = std::max(0.0, pol.range_m + rng.Normal(0.0, d.sigma_range_m));
  d.azimuth_rad = WrapTwoPi(pol.azimuth_rad + radar_.north_alignment_error_rad + rng.Normal(0.0, d.sigma_azimuth_rad));
  d.elevation_rad = pol.elevation_rad + rng.Normal(0.0, d.sigma_elevation_rad);
  d.snr_db = LinearToDb(snr);
  batch->detections.push_back(d);
}

void SurveillanceRadar::Interrogate(const Entity& e, const EntityState& s, SimTime t, const Vec3& p_enu,
                                    RandomStream& rng, IffSweep* sweep) const {
  const Transponder& x = e.transponder;
  const Polar pol = PolarFromEnu(p_enu);
  if (!x.on || pol.range_m > iff_.max_range_m) return;
  auto reply = [&](IffMode mode) {
    IffReply r;
    r.time = t;
    r.sensor = iff_.id;
    r.sensor_position = radar_.position;
    r.mode = mode;
    r.sigma_range_m = iff_.range_sigma_m;
    r.sigma_azimuth_rad = iff_.azimuth_sigma_rad;
    r.range_m = std::max(0.0, pol.range_m + rng.Normal(0.0, r.sigma_range_m));
    r.azimuth_rad = WrapTwoPi(pol.azimuth_rad + radar_.north_alignment_error_rad + rng.Normal(0.0, r.sigma_azimuth_rad));
    return r;
  };
  // Modes 3/A and C are answered in one reply pair; each mode draws its own reply probability.
  if (iff_.mode3a && x.mode3a && rng.Bernoulli(x.reply_probability)) {
    IffReply r = reply(IffMode::kMode3A);
    r.code = x.code_3a;
    if (iff_.mode_c && x.mode_c) r.pressure_alt_m = s.geo.alt_m;
    sweep->replies.push_back(r);
  }
  if (iff_.secure && !x.secure_key.empty() && rng.Bernoulli(x.reply_probability)) {
    for (const auto& key : iff_.keys) {
      if (key != x.secure_key) continue;
      IffReply r = reply(IffMode::kSecure);
      r.authenticated = true;
      r.key = key;
      sweep->replies.push_back(r);
    }
  }
}

}  // namespace iadsim
