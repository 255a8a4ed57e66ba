#include "iadsim/sensors/radar_environment.h"

#include <fmt/format.h>

#include <cmath>
#include <numbers>

#include "iadsim/core/angle.h"
#include "iadsim/sensors/clutter.h"
#include "iadsim/sensors/jamming.h"
#include "iadsim/world/line_of_sight.h"

namespace iadsim {
namespace {

constexpr double kTwoPi = 2.0 * std::numbers::pi;

double ReceiverBandwidthHz(const RadarParameters& radar) { return 1.0 / radar.pulse_width_s; }

// gain_db: the jammer antenna's gain toward the radar (its beam, if it has one).
NoiseJammer AsNoiseJammer(const Jammer& j, double gain_db) { return {j.power_w, gain_db, j.bandwidth_hz, j.losses_db}; }

// A radiating jammer in line of sight, as the radar sees it at one moment.
struct JammerSeen {
  std::size_t index;  // into world.jammers()
  Polar polar;        // from the radar, in its ENU frame
  double gain_db;     // the jammer's antenna gain toward the radar
};

std::vector<JammerSeen> VisibleJammers(const World& world, const Geodetic& radar_position, const LocalFrame& frame,
                                       SimTime t) {
  std::vector<JammerSeen> out;
  const Vec3 radar_ecef = EcefFromGeodetic(radar_position);
  for (std::size_t i = 0; i < world.jammers().size(); ++i) {
    const Jammer& j = world.jammers()[i];
    if (j.band != JammerBand::kRadar) continue;  // aimed at other receivers
    const auto s = world.JammerState(i, t);
    if (!s || !world.InLineOfSight(radar_position, s->geo)) continue;
    out.push_back({i, PolarFromEnu(frame.EnuFromEcef(s->p_ecef)), j.GainTowardDb(s->geo, radar_ecef)});
  }
  return out;
}

double JammingToNoise(const World& world, const RadarParameters& radar, const AntennaPattern& pattern,
                      const std::vector<JammerSeen>& seen, double beam_azimuth_rad, double beam_elevation_rad) {
  double jnr = 0.0;
  const double br = ReceiverBandwidthHz(radar);
  for (const JammerSeen& j : seen) {
    const Polar& p = j.polar;
    const double gain_db = radar.gain_db + pattern.GainDb(RemainderTwoPi(p.azimuth_rad - beam_azimuth_rad),
                                                          p.elevation_rad - beam_elevation_rad);
    const double j_w = JammerPowerAtRadarW(AsNoiseJammer(world.jammers()[j.index], j.gain_db), std::max(p.range_m, 1.0), gain_db,
                                           radar.frequency_hz, br);
    jnr += JammerToNoise(j_w, radar.noise_temperature_k, br);
  }
  return jnr;
}

}  // namespace

Problems ClutterSetting::Validate() const {
  Problems out;
  if (!(gamma_db >= -60.0 && gamma_db <= 0.0)) out.push_back({"gamma", fmt::format("must be in [-60, 0] dB (got {} dB)", gamma_db)});
  if (!(improvement_db >= 0.0 && improvement_db <= 80.0))
    out.push_back({"improvement", fmt::format("must be in [0, 80] dB (got {} dB)", improvement_db)});
  return out;
}

double JammingToNoise(const World& world, const RadarParameters& radar, const AntennaPattern& pattern,
                      const Geodetic& radar_position, const LocalFrame& frame, SimTime t, double beam_azimuth_rad,
                      double beam_elevation_rad) {
  return JammingToNoise(world, radar, pattern, VisibleJammers(world, radar_position, frame, t), beam_azimuth_rad,
                        beam_elevation_rad);
}

double ClutterToNoise(const ClutterSetting& clutter, const RadarParameters& radar, const AntennaPattern& pattern,
                      double range_resolution_m, double antenna_height_m, double range_m, double elevation_rad) {
  if (elevation_rad > pattern.elevation_beamwidth_rad) return 0.0;  // above the lowest beam
  const double ka = kStandardKFactor * kEarthRadiusM;
  const double h = std::max(antenna_height_m, 1.0);
  if (range_m <= h || range_m >= std::sqrt(2.0 * ka * h)) return 0.0;  // beyond the ground horizon
  const double grazing = std::asin(h / range_m) - range_m / (2.0 * ka);
  if (!(grazing > 0.0)) return 0.0;
  ClutterCell cell;
  cell.gamma_db = clutter.gamma_db;
  cell.grazing_rad = std::min(grazing, 1.5);
  cell.range_resolution_m = range_resolution_m;
  cell.azimuth_beamwidth_rad = pattern.azimuth_beamwidth_rad;
  cell.elevation_beamwidth_rad = pattern.elevation_beamwidth_rad;
  return radar.Snr(ClutterRcsM2(cell, range_m), range_m) / DbToLinear(clutter.improvement_db);
}

std::vector<Strobe> FindStrobes(const World& world, const RadarParameters& radar, const ReceiverEnvironment& env,
                                const Geodetic& radar_position, const LocalFrame& frame, SimTime t0, SimTime t1,
                                double az_from_rad, double width_rad, double azimuth_offset_rad) {
  std::vector<Strobe> out;
  if (world.jammers().empty()) return out;
  // The elevation of the strongest jammer stands for the beam's (a stacked-beam radar has a beam there).
  const double step = env.pattern.azimuth_beamwidth_rad / 2.0;
  const int n = std::max(1, static_cast<int>(std::ceil(width_rad / step)));
  const double threshold = DbToLinear(env.strobe_jnr_db);
  double w = 0.0, wa = 0.0, first = 0.0, peak = 0.0;
  int run = 0;
  auto close = [&](int end_index) {
    if (run == 0) return;
    Strobe s;
    const double centre = wa / w;
    s.time = t0 + Duration::Seconds((centre - az_from_rad) / width_rad * (t1 - t0).seconds());
    s.azimuth_rad = WrapTwoPi(centre + azimuth_offset_rad);
    s.width_rad = (end_index - first) * step;
    s.peak_jnr_db = LinearToDb(peak);
    out.push_back(s);
    w = wa = peak = 0.0;
    run = 0;
  };
  for (int k = 0; k < n; ++k) {
    const double az = az_from_rad + (k + 0.5) * step;
    const SimTime t = t0 + Duration::Seconds((k + 0.5) / n * (t1 - t0).seconds());
    const std::vector<JammerSeen> seen = VisibleJammers(world, radar_position, frame, t);
    double best_el = 0.0, best = -1.0;
    for (const JammerSeen& j : seen) {
      const double g = env.pattern.Gain(RemainderTwoPi(j.polar.azimuth_rad - az), 0.0);
      if (g > best) best = g, best_el = j.polar.elevation_rad;
    }
    const double jnr = JammingToNoise(world, radar, env.pattern, seen, az, best_el);
    if (jnr >= threshold) {
      if (run == 0) first = k;
      ++run;
      w += jnr;
      wa += jnr * az;
      peak = std::max(peak, jnr);
    } else {
      close(k);
    }
  }
  close(n);
  return out;
}

}  // namespace iadsim
