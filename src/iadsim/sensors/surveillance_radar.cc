#include "iadsim/sensors/surveillance_radar.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "iadsim/core/angle.h"
#include "iadsim/sensors/detection_probability.h"
#include "iadsim/sensors/false_alarms.h"
#include "iadsim/sensors/pulse_integration.h"
#include "iadsim/sensors/measurement_accuracy.h"
#include "iadsim/sensors/plot_combination.h"
#include "iadsim/sensors/radar_equation.h"
#include "iadsim/sensors/radar_horizon.h"
#include "iadsim/sensors/resolution_cell.h"
#include "iadsim/world/rcs_table.h"

namespace iadsim {
namespace {
constexpr double kTwoPi = 2.0 * std::numbers::pi;
constexpr double kC = 299792458.0;
// Prefetch distances in Sweep (candidates ahead): the entity records, then their routes.
constexpr std::size_t kAhead = 48, kAheadRoute = 24;

void Positive(Problems& out, const char* path, double v, const char* unit) {
  if (!(v > 0.0) || !std::isfinite(v)) out.push_back({path, fmt::format("must be > 0 (got {} {})", v, unit)});
}
void Finite(Problems& out, const char* path, double v) {
  if (!std::isfinite(v)) out.push_back({path, fmt::format("must be a finite number (got {})", v)});
}

// PolarFromEnu (geodesy/geodetic.h), the same operations, with the azimuth wrapped without fmod.
Polar PolarOf(const Vec3& p) {
  Polar r;
  r.range_m = p.norm();
  r.azimuth_rad = WrapTwoPi(std::atan2(p.x(), p.y()));
  r.elevation_rad = std::atan2(p.z(), std::hypot(p.x(), p.y()));
  return r;
}

}  // namespace

double RadarConfig::RangeResolutionM() const {
  return range_resolution_m > 0.0 ? range_resolution_m : kC * radar.pulse_width_s / 2.0;
}

ScanSector RadarConfig::SectorCells(int sector) const {
  const double width = kTwoPi / sectors;
  ScanSector cells;
  cells.max_range_m = max_range_m;
  cells.range_resolution_m = RangeResolutionM();
  cells.azimuth_start_rad = width * sector;
  cells.azimuth_extent_rad = width;
  cells.azimuth_beamwidth_rad = std::min(azimuth_beamwidth_rad, width);
  if (measures_elevation) {
    cells.elevation_min_rad = min_elevation_rad;
    cells.elevation_extent_rad = max_elevation_rad - min_elevation_rad;
    cells.elevation_beamwidth_rad = std::min(elevation_beamwidth_rad, cells.elevation_extent_rad);
  } else {
    cells.elevation_extent_rad = cells.elevation_beamwidth_rad = elevation_beamwidth_rad;
  }
  return cells;
}

ReceiverEnvironment RadarConfig::Environment() const {
  ReceiverEnvironment env;
  env.pattern = {beam_shape, azimuth_beamwidth_rad, elevation_beamwidth_rad, sidelobe_level_db};
  env.clutter = clutter;
  env.strobe_jnr_db = strobe_jnr_db;
  return env;
}

Problems RadarConfig::Validate() const {
  Problems out = radar.Validate();
  if (noncoherent_pulses < 1 || noncoherent_pulses > 1000)
    out.push_back({"noncoherent_pulses", fmt::format("must be in [1, 1000] (got {})", noncoherent_pulses)});
  if (!(sidelobe_level_db >= 0.0 && sidelobe_level_db <= 80.0))
    out.push_back({"sidelobe_level", fmt::format("must be in [0, 80] dB below the peak (got {} dB)", sidelobe_level_db)});
  if (clutter)
    for (Problem p : clutter->Validate()) out.push_back({"clutter." + p.path, p.message});
  Positive(out, "scan_period", scan_period_s, "s");
  Positive(out, "max_range", max_range_m, "m");
  // Up to a fan beam's (a 2-D radar's elevation cover); 1e20 deg made the angle noise non-finite.
  for (const auto& [key, v] : {std::pair{"beamwidth", azimuth_beamwidth_rad}, std::pair{"elevation_beamwidth", elevation_beamwidth_rad}})
    if (!(v > 0.0 && v <= std::numbers::pi / 2.0))
      out.push_back({key, fmt::format("must be in (0, 90] deg (got {} deg)", v * 180.0 / std::numbers::pi)});
  if (!(range_resolution_m >= 0.0))
    out.push_back({"range_resolution", fmt::format("must be > 0, or 0 for c tau / 2 (got {} m)", range_resolution_m)});
  Finite(out, "range_bias", range_bias_m);
  Finite(out, "azimuth_bias", azimuth_bias_rad);
  Finite(out, "elevation_bias", elevation_bias_rad);
  Finite(out, "north_alignment_error", north_alignment_error_rad);
  if (sectors < 1 || sectors > 360) out.push_back({"sectors", fmt::format("must be in [1, 360] (got {})", sectors)});
  if (!(max_elevation_rad > min_elevation_rad)) out.push_back({"max_elevation", "must be above min_elevation"});
  if (const ScanSector cells = SectorCells(0); out.empty() && false_alarms && cells.Validate().empty()) {
    const double expected = sectors * ExpectedFalseAlarmsPerScan(cells, radar.pfa);  // every sweep has these cells
    if (!(expected <= kMaxFalseAlarmsPerRevolution))
      out.push_back({"pfa", fmt::format("with range cells of {:.3g} m (pulse_width or range_resolution) and these beams, "
                                        "pfa {:g} gives {:.3g} false alarms a revolution (Pfa x resolution cells); "
                                        "more than {:g} would drown the trackers in noise",
                                        RangeResolutionM(), radar.pfa, expected, kMaxFalseAlarmsPerRevolution)});
  }
  return out;
}

SurveillanceRadar::SurveillanceRadar(RadarConfig radar, IffConfig iff, RandomStream stream)
    : radar_(std::move(radar)),
      iff_(std::move(iff)),
      env_(radar_.Environment()),
      stream_(stream),
      frame_(radar_.position),
      position_ecef_(EcefFromGeodetic(radar_.position)),
      surface_ecef_(EcefFromGeodetic({radar_.position.lat_deg, radar_.position.lon_deg, 0.0})) {}

// RadarParameters::Snr(rcs, range) = RadarSnr(in) * coherent_pulses with RadarSnr = K / (r² r²),
// K = SNR x R^4 for that RCS; K is RadarSnr at 1 m (K / (1 x 1) = K exactly), kept for the last RCS
// seen, so the result is the same double without the two pow() of the dB terms per echo.
double SurveillanceRadar::Snr(double rcs_m2, double range_m) {
  if (!(rcs_m2 == snr_cache_rcs_m2_)) {
    const RadarParameters& r = radar_.radar;
    snr_cache_k_ = RadarSnr({r.peak_power_w, r.gain_db, r.gain_db, r.frequency_hz, r.pulse_width_s,
                             r.noise_temperature_k, r.losses_db, rcs_m2, 1.0});
    snr_cache_rcs_m2_ = rcs_m2;
  }
  IADSIM_CHECK(range_m > 0.0, "radar equation: range must be > 0");
  const double r2 = range_m * range_m;
  return snr_cache_k_ / (r2 * r2) * radar_.radar.coherent_pulses;
}

Duration SurveillanceRadar::sector_duration() const {
  return Duration::Seconds(radar_.scan_period_s / radar_.sectors);
}

// Sorts the aircraft within range at the revolution's start into the sectors of their azimuth.
// Their positions then are extrapolated from the state seen at their last look (one exact state
// per aircraft and revolution, at the moment the beam passes it); an aircraft not looked at in the
// last revolution is evaluated exactly.
void SurveillanceRadar::Bin(const World& world, SimTime revolution_start) {
  bins_.resize(static_cast<std::size_t>(radar_.sectors));
  for (std::vector<Candidate>& bin : bins_) bin.clear();
  last_seen_.resize(world.entities().size());
  const double max_range = std::max(radar_.max_range_m, iff_.enabled ? iff_.max_range_m : 0.0);
  const double width = kTwoPi / radar_.sectors;
  const Duration horizon = Duration::Seconds(1.5 * radar_.scan_period_s);
  for (const Entity& e : world.entities()) {
    if (!e.IsTarget() || e.destroyed) continue;
    const LastSeen& seen = last_seen_[e.id.value() - 1];
    Vec3 p_ecef;
    if (seen.valid && seen.time <= revolution_start && revolution_start - seen.time <= horizon) {
      p_ecef = seen.p_ecef + seen.v_ecef * (revolution_start - seen.time).seconds();
    } else {
      if (!world.MayBeWithin(e.id, revolution_start, position_ecef_, max_range * 1.01)) continue;
      const auto st = world.StateAt(e.id, revolution_start, StateParts::kNoLatLon);
      if (!st) continue;
      p_ecef = st->p_ecef;
    }
    const Vec3 p = frame_.EnuFromEcef(p_ecef);
    if (p.norm() > max_range * 1.01) continue;
    const double az = WrapTwoPi(std::atan2(p.x(), p.y()));  // PolarFromEnu's azimuth
    const int k = std::min(radar_.sectors - 1, static_cast<int>(az / width));
    bins_[static_cast<std::size_t>(k)].push_back({e.id, az});
  }
}

void SurveillanceRadar::AddFalseAlarms(std::uint64_t revolution, int sector, DetectionBatch* batch,
                                       SweepTruth* truth) const {
  if (!radar_.false_alarms) return;
  const double width = kTwoPi / radar_.sectors;
  const ScanSector cells = radar_.SectorCells(sector);
  RandomStream rng = stream_.Derive("false_alarms", revolution * 360 + static_cast<std::uint64_t>(sector));
  const double threshold = std::log(1.0 / radar_.radar.pfa);  // noise-normalised square-law threshold
  for (const FalseDetection& f : DrawFalseAlarms(cells, radar_.radar.pfa, rng)) {
    Detection d;
    d.time = batch->start + Duration::Seconds((f.azimuth_rad - cells.azimuth_start_rad) / width * sector_duration().seconds());
    d.sensor = radar_.id;
    d.sensor_position = radar_.position;
    d.has_elevation = radar_.measures_elevation;
    // A noise crossing: its level exceeds the threshold by an exponential excess (memoryless tail).
    const double level = threshold + rng.Exponential(1.0);
    d.snr_db = LinearToDb(level);
    d.sigma_range_m = RangeSigma(radar_.radar.pulse_width_s, level, radar_.range_sigma_floor_m);
    d.sigma_azimuth_rad = AngleSigma(radar_.azimuth_beamwidth_rad, level, radar_.angle_sigma_floor_rad);
    d.range_m = f.range_m;
    d.azimuth_rad = WrapTwoPi(f.azimuth_rad + radar_.north_alignment_error_rad);
    if (radar_.measures_elevation) {
      d.sigma_elevation_rad = AngleSigma(radar_.elevation_beamwidth_rad, level, radar_.angle_sigma_floor_rad);
      d.elevation_rad = f.elevation_rad;
    }
    batch->detections.push_back(d);
    if (truth) truth->sources.emplace_back();
  }
}

void SurveillanceRadar::Sweep(const World& world, SimTime revolution_start, std::uint64_t revolution,
                              int sector, DetectionBatch* batch, IffSweep* iff_sweep, SweepTruth* truth) {
  const double width = kTwoPi / radar_.sectors;
  const SimTime start = revolution_start + sector_duration() * sector;
  if (sector == 0 || bins_.empty()) Bin(world, revolution_start);
  batch->sensor = radar_.id;
  batch->sensor_position = radar_.position;
  batch->start = start;
  batch->end = start + sector_duration();
  // The sector as the radar reports it: rotated by its own alignment error.
  batch->az_from_rad = WrapTwoPi(width * sector + radar_.north_alignment_error_rad);
  batch->az_to_rad = WrapTwoPi(width * (sector + 1) + radar_.north_alignment_error_rad);
  batch->max_range_m = radar_.max_range_m;
  batch->detections.clear();
  iff_sweep->sensor = iff_.id;
  iff_sweep->sensor_position = radar_.position;
  iff_sweep->start = batch->start;
  iff_sweep->end = batch->end;
  iff_sweep->az_from_rad = batch->az_from_rad;
  iff_sweep->az_to_rad = batch->az_to_rad;
  iff_sweep->max_range_m = iff_.enabled ? iff_.max_range_m : 0.0;
  iff_sweep->secure_mode_asked = iff_.enabled && iff_.secure;
  iff_sweep->replies.clear();
  batch->strobes.clear();
  if (truth) truth->Clear();

  // Geometry of every aircraft of this sector at the moment the beam passes it.
  std::vector<Look>& looks = looks_;
  looks.clear();
  // Echoes inside the radar's coverage (merged by resolution cell below), made while each
  // aircraft's record is in cache; its Swerling case kept beside its look for the same reason.
  std::vector<Echo>& echoes = echoes_;
  std::vector<int>& swerling = swerling_;
  echoes.clear();
  swerling.clear();
  const std::vector<Candidate>& bin = bins_[static_cast<std::size_t>(sector)];
  // The antenna's smooth-earth horizon distance, once per sweep (World::InLineOfSight).
  const double horizon_m =
      world.terrain() ? 0.0 : SmoothEarthHorizonDistanceM(radar_.position.alt_m, world.line_of_sight().k_factor);
  for (std::size_t j = 0; j < bin.size(); ++j) {
    // Cache hints (no effect on results).
    if (j + kAhead < bin.size()) world.Prefetch(bin[j + kAhead].id, 0);
    if (j + kAheadRoute < bin.size()) world.Prefetch(bin[j + kAheadRoute].id, 1);
    const Candidate& c = bin[j];
    const SimTime t_hit = revolution_start + Duration::Seconds(c.azimuth_rad / kTwoPi * radar_.scan_period_s);
    const Entity& e = world.Get(c.id);
    // Latitude and longitude only for terrain masking and an aspect-dependent RCS; the rest of
    // the sweep reads the ECEF position, velocity and height.
    const bool lat_lon = world.terrain() || e.signature.table;
    auto s = world.StateAt(c.id, t_hit, lat_lon ? StateParts::kAll : StateParts::kNoLatLon);
    if (!s) {
      last_seen_[c.id.value() - 1].valid = false;
      continue;
    }
    last_seen_[c.id.value() - 1] = {t_hit, s->p_ecef, s->v_ecef, true};
    // The horizon test from the height and ECEF position (World::InLineOfSight's first step); when
    // that cannot decide (or over terrain), the two-point test, which needs the whole state.
    std::optional<bool> visible = world.InLineOfSightFromHeight(surface_ecef_, horizon_m, s->geo.alt_m, s->p_ecef);
    if (!visible) {
      if (!lat_lon) s = world.StateAt(c.id, t_hit);
      visible = world.InLineOfSight(radar_.position, s->geo);
    }
    if (!*visible) continue;
    looks.push_back({&e, *s, t_hit, PolarOf(frame_.EnuFromEcef(s->p_ecef)), stream_.Derive(e.name, revolution)});
    swerling.push_back(e.signature.swerling);
    const Look& l = looks.back();
    if (l.polar.range_m > radar_.max_range_m) continue;
    if (l.polar.elevation_rad < radar_.min_elevation_rad || l.polar.elevation_rad > radar_.max_elevation_rad) continue;
    // The echo's mean SNR, from the aspect the radar sees.
    const double rcs = e.signature.RcsSeenFrom(l.state.geo, l.state.p_ecef, l.state.v_ecef, position_ecef_);
    echoes.push_back({l.polar.range_m, l.polar.azimuth_rad, l.polar.elevation_rad, Snr(rcs, l.polar.range_m), looks.size() - 1});
  }
  const ResolutionLimits limits{radar_.RangeResolutionM(), radar_.azimuth_beamwidth_rad, radar_.elevation_beamwidth_rad,
                                radar_.measures_elevation};
  ResolvedEchoes& cells = cells_;
  ResolveEchoes(echoes, limits, &cells);
  for (std::size_t c = 0; c < cells.size(); ++c) {
    const Echo& centroid = cells.centroids[c];
    Look& l = looks[centroid.source];
    double interference = 0.0;  // (J + C/I) / N
    if (!world.jammers().empty())
      interference += JammingToNoise(world, radar_.radar, env_.pattern, radar_.position, frame_, l.time,
                                     centroid.azimuth_rad, centroid.elevation_rad);
    if (env_.clutter)
      interference += ClutterToNoise(*env_.clutter, radar_.radar, env_.pattern, radar_.RangeResolutionM(),
                                     radar_.position.alt_m, centroid.range_m, centroid.elevation_rad);
    const double snr = centroid.snr / (1.0 + interference);
    const auto model = static_cast<Swerling>(swerling[centroid.source]);
    const double pd = radar_.noncoherent_pulses == 1
                          ? DetectionProbability(model, snr, radar_.radar.pfa)
                          : NoncoherentDetectionProbability(model, snr, radar_.radar.pfa, radar_.noncoherent_pulses);
    if (!l.rng.Bernoulli(pd)) continue;
    Detection d;
    d.time = l.time;
    d.sensor = radar_.id;
    d.sensor_position = radar_.position;
    d.has_elevation = radar_.measures_elevation;
    d.sigma_range_m = RangeSigma(radar_.radar.pulse_width_s, snr, radar_.range_sigma_floor_m);
    d.sigma_azimuth_rad = AngleSigma(radar_.azimuth_beamwidth_rad, snr, radar_.angle_sigma_floor_rad);
    d.range_m = std::max(0.0, centroid.range_m + radar_.range_bias_m + l.rng.Normal(0.0, d.sigma_range_m));
    d.azimuth_rad = WrapTwoPi(centroid.azimuth_rad + radar_.north_alignment_error_rad + radar_.azimuth_bias_rad +
                              l.rng.Normal(0.0, d.sigma_azimuth_rad));
    if (radar_.measures_elevation) {
      d.sigma_elevation_rad = AngleSigma(radar_.elevation_beamwidth_rad, snr, radar_.angle_sigma_floor_rad);
      d.elevation_rad = centroid.elevation_rad + radar_.elevation_bias_rad + l.rng.Normal(0.0, d.sigma_elevation_rad);
    }
    d.snr_db = LinearToDb(snr);
    batch->detections.push_back(d);
    if (truth) {
      SweepTruth::Sources& ids = truth->sources.emplace_back();
      for (std::size_t k = cells.offsets[c]; k < cells.offsets[c + 1]; ++k)
        ids.push_back(looks[echoes[cells.sources[k]].source].entity->id);
    }
  }
  AddFalseAlarms(revolution, sector, batch, truth);
  if (!world.jammers().empty())
    batch->strobes = FindStrobes(world, radar_.radar, env_, radar_.position, frame_, batch->start, batch->end,
                                 width * sector, width, radar_.north_alignment_error_rad);
  // Detections in time order (the beam's order); merged cells take their strongest echo's time.
  // Ties keep their order: sorted on (time, index), the order std::stable_sort on the time gives,
  // then moved into place once (the records are large: no merge passes over them).
  std::vector<std::pair<std::int64_t, std::size_t>>& keys = sort_keys_;
  keys.clear();
  for (std::size_t i = 0; i < batch->detections.size(); ++i) keys.emplace_back(batch->detections[i].time.micros(), i);
  if (!std::is_sorted(keys.begin(), keys.end())) {
    std::sort(keys.begin(), keys.end());
    std::vector<Detection>& dets = detection_buffer_;
    dets.clear();
    for (const auto& [t, i] : keys) dets.push_back(batch->detections[i]);
    std::swap(batch->detections, dets);
    if (truth) {
      std::vector<SweepTruth::Sources> srcs;
      srcs.reserve(keys.size());
      for (const auto& [t, i] : keys) srcs.push_back(std::move(truth->sources[i]));
      truth->sources = std::move(srcs);
    }
  }

  if (!iff_.enabled) return;
  std::vector<IffTarget>& targets = iff_targets_;
  targets.clear();
  for (std::size_t i = 0; i < looks.size(); ++i)
    targets.push_back({i, &looks[i].entity->transponder, looks[i].time, looks[i].polar.range_m,
                       looks[i].polar.azimuth_rad, looks[i].state.geo.alt_m, &looks[i].rng});
  IffLookResult& r = iff_result_;
  Interrogate(iff_, radar_.position, radar_.north_alignment_error_rad, targets, &r, &iff_scratch_);
  std::swap(iff_sweep->replies, r.replies);
  if (iff_.combine_plots) CombinePlots(batch->detections, iff_sweep->replies);
  if (truth)
    for (const auto& [a, b] : r.garbled) truth->iff_garbled.emplace_back(looks[a].entity->id, looks[b].entity->id);
}

}  // namespace iadsim
