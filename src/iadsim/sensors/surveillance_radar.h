#pragma once
// A rotating surveillance radar (2-D or 3-D) with an IFF interrogator on the same antenna.
//
// Each revolution, the aircraft inside the instrumented range are sorted into the sectors their
// azimuth falls in at the revolution's start (extrapolated from their last look); each is looked at
// once, at its exact state when the beam passes it.
// For every aircraft the beam passes:
//   - line of sight (World::InLineOfSight: the terrain when the scenario has one, else a smooth
//     4/3 earth);
//   - mean RCS from the aspect (world/rcs_table.h) and mean SNR from the monostatic radar equation
//     (radar_parameters.h);
//   - resolution: echoes closer than the range resolution and the beamwidths merge into one
//     detection at their power-weighted centroid with their summed power (resolution_cell.h); the
//     merge is reported, as truth, for after-action analysis;
//   - the receiver's noise raised by jamming and ground clutter (radar_environment.h): the cell's
//     SNR becomes S / (N + J + C/I);
//   - detection drawn with the exact Pd of the strongest echo's Swerling case at the radar's Pfa,
//     for noncoherent_pulses hits integrated (pulse_integration.h; 1 = one pulse);
//   - false alarms: a Poisson number of detections with mean Pfa x cells swept, uniform over the
//     sector's range, azimuth and (3-D) elevation cells (false_alarms.h);
//   - jamming strobes: bearing-only reports where J/N exceeds the strobe threshold;
//   - measured range, azimuth and (3-D only) elevation with Gaussian noise whose sigma follows from
//     the SNR and the beamwidth (measurement_accuracy.h), plus the radar's fixed biases: range,
//     azimuth, elevation, and the north-alignment error of the whole radar (which also rotates the
//     sector it reports having swept).
// The IFF interrogator is iff_interrogator.h; with combine_plots its replies are paired with the
// sweep's detections before delivery (plot_combination.h: combined plots carry a Mode 3/A code).
// Randomness: one stream per (radar, aircraft, revolution), so adding an aircraft does not change
// the draws of another; a merged cell draws from its strongest echo's stream.
// Cost per revolution (bench/README.md, radar_scan_bench): one exact route evaluation per aircraft
// in range, at the moment the beam passes it; the line of sight bounded from its ECEF position
// before any exact test (World::InLineOfSight, fixed-observer overload); SNR from K = SNR R^4 kept
// per RCS; azimuth wrapping without fmod/remainder (core/angle.h); the entities' records and
// routes asked of memory ahead of their turn (World::Prefetch); the antenna's horizon distance
// once per sweep; close pairs (IFF garbling, resolution) through azimuth buckets (close_pairs.h)
// over a bucket sort by range (range_sort.h); detections put in time order by sorting keys, the
// records moved once. Every one of these gives the same doubles and the same order as the plain
// computation, so a run's outputs do not depend on them.
#include <boost/container/small_vector.hpp>

#include <optional>
#include <string>
#include <vector>

#include "iadsim/core/error.h"
#include "iadsim/core/ids.h"
#include "iadsim/core/rng.h"
#include "iadsim/messages/detection.h"
#include "iadsim/messages/iff_reply.h"
#include "iadsim/sensors/false_alarms.h"
#include "iadsim/sensors/iff_interrogator.h"
#include "iadsim/sensors/radar_environment.h"
#include "iadsim/sensors/radar_parameters.h"
#include "iadsim/sensors/resolution_cell.h"
#include "iadsim/world/world.h"

namespace iadsim {

struct RadarConfig {
  std::string name;
  SensorId id;
  Geodetic position;                 // antenna phase centre
  RadarParameters radar;             // transmitter, antenna gain, receiver, Pfa
  double scan_period_s = 10.0;       // one revolution, > 0
  int sectors = 8;                   // sweeps per revolution delivered as batches, [1, 360]
  double max_range_m = 300e3;        // instrumented range, > 0
  bool measures_elevation = true;    // false: a 2-D radar (range and azimuth only)
  double min_elevation_rad = -0.035; // coverage in elevation
  double max_elevation_rad = 1.05;
  double azimuth_beamwidth_rad = 0.0175;    // 3 dB, > 0
  double elevation_beamwidth_rad = 0.0175;  // 3 dB, > 0 (3-D: the stacked beams' width)
  double range_resolution_m = 0.0;   // > 0; 0 = c tau / 2 of the pulse (uncompressed)
  double range_sigma_floor_m = 30.0;
  double angle_sigma_floor_rad = 0.001;
  double range_bias_m = 0.0;               // added to every measured range
  double azimuth_bias_rad = 0.0;           // added to every measured azimuth
  double elevation_bias_rad = 0.0;         // added to every measured elevation
  double north_alignment_error_rad = 0.0;  // a misaligned radar reports azimuths rotated by this
  int noncoherent_pulses = 1;        // hits per look integrated non-coherently (square law), [1, 1000]
  bool false_alarms = true;          // draw Poisson false alarms from Pfa and the cells swept
  BeamShape beam_shape = BeamShape::kSinc;
  double sidelobe_level_db = 30.0;   // antenna sidelobe floor, dB below the peak, [0, 80]
  std::optional<ClutterSetting> clutter;  // ground clutter at the site; none: no clutter
  double strobe_jnr_db = 13.0;       // jamming shows as a strobe above this J/N
  double RangeResolutionM() const;
  // The resolution cells that sweep k of a revolution tests for false alarms (false_alarms.h).
  ScanSector SectorCells(int sector) const;
  ReceiverEnvironment Environment() const;
  // Also refuses a radar whose Pfa and cells give more than kMaxFalseAlarmsPerRevolution expected
  // false alarms a revolution (a picosecond pulse, a Pfa of 0.1): a run would spend its time and
  // memory on noise.
  Problems Validate() const;
};
inline constexpr double kMaxFalseAlarmsPerRevolution = 1e5;

// What happened in a sweep, as truth: for after-action analysis only; never sent to perception.
struct SweepTruth {
  // The aircraft behind one detection, strongest first (empty: a false alarm); one or two held
  // inline, without an allocation per detection.
  using Sources = boost::container::small_vector<EntityId, 2>;
  std::vector<Sources> sources;  // per detection
  std::vector<std::pair<EntityId, EntityId>> iff_garbled;  // aircraft whose IFF replies overlapped
  void Clear() { sources.clear(); iff_garbled.clear(); }
};

class SurveillanceRadar final {
 public:
  SurveillanceRadar(RadarConfig radar, IffConfig iff, RandomStream stream);
  const RadarConfig& config() const { return radar_; }
  const IffConfig& iff() const { return iff_; }
  Duration sector_duration() const;
  // Sweeps sector k of revolution r (k in [0, sectors)), which starts at revolution_start + k T/sectors
  // with the beam at azimuth 2 pi k / sectors (true north). Fills the detection batch and the IFF
  // sweep, and (when given) the sweep's truth. Sectors must be swept in order, each revolution from 0.
  void Sweep(const World& world, SimTime revolution_start, std::uint64_t revolution, int sector,
             DetectionBatch* batch, IffSweep* iff_sweep, SweepTruth* truth = nullptr);

 private:
  struct Candidate {
    EntityId id;
    double azimuth_rad;
  };
  // One aircraft in the beam: its geometry from the radar and its own random stream.
  struct Look {
    const Entity* entity;
    EntityState state;  // latitude and longitude NaN unless terrain or an RCS table needs them (Sweep)
    SimTime time;
    Polar polar;
    RandomStream rng;
  };
  void Bin(const World& world, SimTime revolution_start);
  double Snr(double rcs_m2, double range_m);
  void AddFalseAlarms(std::uint64_t revolution, int sector, DetectionBatch* batch, SweepTruth* truth) const;
  RadarConfig radar_;
  IffConfig iff_;
  ReceiverEnvironment env_;
  RandomStream stream_;
  LocalFrame frame_;
  Vec3 position_ecef_;
  Vec3 surface_ecef_;  // the antenna's ground point (height 0), for World::InLineOfSight
  double snr_cache_rcs_m2_ = -1.0, snr_cache_k_ = 0.0;  // Snr(): K = SNR x R^4 of the last RCS
  struct LastSeen {
    SimTime time;
    Vec3 p_ecef = Vec3::Zero(), v_ecef = Vec3::Zero();
    bool valid = false;
  };
  std::vector<std::vector<Candidate>> bins_;  // per sector, of the current revolution
  std::vector<LastSeen> last_seen_;           // per entity (id - 1): its state at its last look
  // Buffers of Sweep, kept between calls (no allocation per sweep once they have grown).
  std::vector<Look> looks_;
  std::vector<IffTarget> iff_targets_;
  std::vector<std::pair<std::int64_t, std::size_t>> sort_keys_;  // detections by (time, index)
  std::vector<Detection> detection_buffer_;
  std::vector<Echo> echoes_;
  std::vector<int> swerling_;
  ResolvedEchoes cells_;
  IffLookResult iff_result_;
  IffScratch iff_scratch_;
};

}  // namespace iadsim
