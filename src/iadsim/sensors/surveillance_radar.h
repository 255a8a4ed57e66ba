#pragma once
// A rotating surveillance radar with an IFF interrogator on the same antenna.
//
// Each sweep of a sector: for every aircraft whose azimuth the beam crosses,
//   - line of sight over a smooth 4/3 effective earth (radar_horizon.h); geoid and terrain ignored
//     in this version (height above the ellipsoid stands for height above the sea);
//   - SNR from the monostatic radar equation (radar_equation.h) with the target's mean RCS;
//   - detection drawn with the exact single-pulse Pd for the target's Swerling case at the
//     radar's Pfa (detection_probability.h);
//   - range, azimuth and elevation with Gaussian noise whose sigma follows from the SNR
//     (measurement_accuracy.h), and the azimuth rotated by the radar's north-alignment error.
// The interrogator asks its modes of every aircraft in its range and line of sight; a transponder
// that is on and has the mode answers with its reply probability; a secure-mode reply is decoded
// only when the transponder's key is one of the interrogator's keys.
// Randomness: one stream per (radar, aircraft, look), so adding an aircraft does not change the
// draws of another.
#include <string>
#include <vector>

#include "iadsim/core/error.h"
#include "iadsim/core/ids.h"
#include "iadsim/core/rng.h"
#include "iadsim/messages/detection.h"
#include "iadsim/messages/iff_reply.h"
#include "iadsim/sensors/radar_parameters.h"
#include "iadsim/world/world.h"

namespace iadsim {

struct RadarConfig {
  std::string name;
  SensorId id;
  Geodetic position;                 // antenna phase centre
  RadarParameters radar;             // transmitter, antenna gain, receiver, Pfa
  double scan_period_s = 10.0;       // one revolution, > 0
  int sectors = 8;                   // sweeps per revolution delivered as batches, >= 1
  double max_range_m = 300e3;        // instrumented range, > 0
  double min_elevation_rad = -0.035; // coverage in elevation
  double max_elevation_rad = 1.05;
  double azimuth_beamwidth_rad = 0.0175;
  double elevation_beamwidth_rad = 0.0175;
  double range_sigma_floor_m = 30.0;
  double angle_sigma_floor_rad = 0.001;
  double north_alignment_error_rad = 0.0;  // a misaligned radar reports azimuths rotated by this
  Problems Validate() const;
};

struct IffConfig {
  bool enabled = false;
  SensorId id;
  bool mode3a = true, mode_c = true, secure = false;  // the modes it asks
  std::vector<std::string> keys;  // secure-mode keys held
  double max_range_m = 300e3;
  double range_sigma_m = 60.0;
  double azimuth_sigma_rad = 0.005;
  Problems Validate() const;
};

class SurveillanceRadar final {
 public:
  SurveillanceRadar(RadarConfig radar, IffConfig iff, RandomStream stream);
  const RadarConfig& config() const { return radar_; }
  const IffConfig& iff() const { return iff_; }
  Duration sector_duration() const;
  // Sweeps sector k of revolution r (k in [0, sectors)), which starts at scan_start + k * T/sectors
  // with the beam at azimuth 2 pi k / sectors (true north). Fills the detection batch and the IFF sweep.
  // `detected`, when given, receives the entity behind each detection, in the same order: truth,
  // for after-action analysis only; it never travels with the batch.
  void Sweep(const World& world, SimTime revolution_start, std::uint64_t revolution, int sector,
             DetectionBatch* batch, IffSweep* iff_sweep, std::vector<EntityId>* detected = nullptr);

 private:
  void Look(const Entity& e, const EntityState& s, SimTime t, const Vec3& p_enu, RandomStream& rng,
            DetectionBatch* batch) const;
  void Interrogate(const Entity& e, const EntityState& s, SimTime t, const Vec3& p_enu, RandomStream& rng,
                   IffSweep* sweep) const;
  RadarConfig radar_;
  IffConfig iff_;
  RandomStream stream_;
  LocalFrame frame_;
};

}  // namespace iadsim
