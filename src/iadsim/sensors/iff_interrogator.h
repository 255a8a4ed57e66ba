#pragma once
// An IFF / SSR interrogator on a surveillance radar's antenna: it asks its modes of every aircraft
// in its beam, range and line of sight, and decodes the replies.
//   - A transponder that is on, not failed and has the mode answers with its reply probability
//     (one draw per mode and look).
//   - Secure mode: a reply exists only when the transponder's key is one the interrogator holds;
//     which keys a unit holds is its side's setting (the interoperability matrix between allies).
//   - Mode 3/A and C form one reply pair; Mode C reports pressure altitude in 100 ft steps (Gillham
//     code; the geometric altitude stands for the pressure altitude here: standard atmosphere).
//   - Range: c/2 (t_reply - t_interrogation - 3 us): a transponder whose turnaround differs from
//     the nominal 3 us is misplaced by c/2 times the difference (150 m per us).
//   - Garbling: replies of two transponders closer in slant range than the reply train's length
//     (20.3 us, 3.04 km: ICAO Annex 10 vol. IV, 3.1.1.6) and inside the same interrogator beam
//     overlap and are lost in modes 1, 2, 3/A, C and secure (a conservative decoder that does not
//     de-garble); Mode S replies are selectively addressed (roll-call) and do not garble.
// Source of the reply formats and timing: ICAO Annex 10 vol. IV (SSR, Mode S); Stevens, Secondary
// Surveillance Radar, Artech House, 1988, ch. 4 (garbling). Secure-mode behaviour is notional.
#include <string>
#include <vector>

#include "iadsim/core/error.h"
#include "iadsim/core/ids.h"
#include "iadsim/core/rng.h"
#include "iadsim/core/time.h"
#include "iadsim/messages/iff_reply.h"
#include "iadsim/sensors/close_pairs.h"
#include "iadsim/world/transponder.h"

namespace iadsim {

struct IffConfig {
  bool enabled = false;
  SensorId id;
  bool mode1 = false, mode2 = false, mode3a = true, mode_c = true, mode_s = false, secure = false;  // asked
  std::vector<std::string> keys;       // secure-mode keys held (the unit's side's keys)
  double max_range_m = 300e3;          // > 0
  double range_sigma_m = 60.0;         // > 0
  double azimuth_sigma_rad = 0.005;    // > 0
  double beamwidth_rad = 0.045;        // interrogator 3 dB beam (garbling window), > 0; ~2.5 deg class
  double garble_range_m = 3043.0;      // 20.3 us reply train x c/2, >= 0 (0: no garbling)
  // The radar pairs each reply with its primary detection before delivering them (combined
  // plots, plot_combination.h); false: the replies go to C2 on their own.
  bool combine_plots = false;
  Problems Validate() const;
};

// One aircraft the interrogator illuminates, with its true geometry (sensor side only).
struct IffTarget {
  std::size_t source = 0;       // caller's index
  const Transponder* transponder = nullptr;
  SimTime time;                 // when the beam passes it
  double range_m = 0.0, azimuth_rad = 0.0;  // true, from the interrogator
  double altitude_m = 0.0;
  RandomStream* rng = nullptr;  // the (aircraft, look) stream
};

struct IffLookResult {
  std::vector<IffReply> replies;                             // in target order, then mode order
  std::vector<std::pair<std::size_t, std::size_t>> garbled;  // sources whose replies overlapped
};

// Scratch space of Interrogate, kept between calls (no allocation per sweep once it has grown).
struct IffScratch {
  struct Ranged {  // a garbling-mode reply: its geometry beside the target's index
    double range_m, azimuth_rad;
    std::size_t i;
  };
  std::vector<Ranged> order, sorted;
  std::vector<std::uint32_t> range_buckets;
  std::vector<char> garbled;
  ClosePairBuckets buckets;
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  std::vector<std::size_t> pair_start, pair_next;
};

// Interrogates the targets of one sweep. azimuth_offset_rad rotates the reported azimuths (the
// radar's north-alignment error); sensor_position fills the replies. *out is replaced.
void Interrogate(const IffConfig& config, const Geodetic& sensor_position, double azimuth_offset_rad,
                 const std::vector<IffTarget>& targets, IffLookResult* out, IffScratch* scratch);
IffLookResult Interrogate(const IffConfig& config, const Geodetic& sensor_position, double azimuth_offset_rad,
                          const std::vector<IffTarget>& targets);

}  // namespace iadsim
