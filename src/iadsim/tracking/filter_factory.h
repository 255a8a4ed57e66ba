#pragma once
// Building a track filter from a configuration: the motion model (cv, ca, ct, ctw, imm), the
// algorithm (kf, ekf, ukf), the dimension, the noise, and the initiation of a new track.
// Single-point initiation: the position from the first measurement (the unbiased converted
// position if polar; measurement_models.h), velocity 0 with standard deviation
// initial_speed_sigma_mps per axis, acceleration 0 +/- initial_acceleration_sigma_mps2 (CA),
// turn rate 0 +/- initial_turn_rate_sigma_radps (CTw). A 2-D measurement for a 3-D filter puts
// the target at the sensor's height (polar) or at z = 0 (Cartesian), +/- unknown_height_sigma_m.
// Two-point differencing (Bar-Shalom, Li & Kirubarajan 2001, sec. 5.5.3): with positions p1, p2
// (covariances R1, R2) at t1 < t2, T = t2 - t1:
//   x = [p2, (p2 - p1)/T],  P = [R2, R2/T; R2/T, (R1 + R2)/T^2]   (the state at t2)
#include <string>
#include <string_view>
#include <vector>

#include "iadsim/core/error.h"
#include "iadsim/tracking/track_filter.h"
#include "iadsim/tracking/unscented_filter.h"

namespace iadsim {

enum class MotionModelName { kCv, kCa, kCt, kCtw, kImm };
enum class FilterAlgorithm { kKf, kEkf, kUkf };

// "cv", "ca", "ct", "ctw", "imm" (exact, lower case). Anything else throws a ScenarioError whose
// problem names key_path and lists the accepted names.
MotionModelName ParseMotionModelName(std::string_view text, std::string_view key_path = "model");
// "kf", "ekf", "ukf", likewise.
FilterAlgorithm ParseFilterAlgorithm(std::string_view text, std::string_view key_path = "filter");
std::string_view ToString(MotionModelName name);
std::string_view ToString(FilterAlgorithm algorithm);

struct ImmModeSpec {
  MotionModelName model = MotionModelName::kCv;  // cv, ca, ct or ctw (not imm)
  double process_noise = 1.0;    // m^2/s^3 (cv, ct, ctw) or m^2/s^5 (ca); [0, 1e6]
  double turn_rate_radps = 0.0;  // ct: known turn rate, rad/s, |w| <= 1
};

struct FilterSpec {
  MotionModelName model = MotionModelName::kCv;
  FilterAlgorithm filter = FilterAlgorithm::kKf;  // kf: linear models only (not ctw)
  int dims = 3;                                   // 2 or 3
  double process_noise = 1.0;    // m^2/s^3 (cv, ct, ctw) or m^2/s^5 (ca); [0, 1e6]
  double turn_rate_radps = 0.0;  // ct: the known turn rate, rad/s, positive counter-clockwise, |w| <= 1
  double turn_rate_noise = 1e-4;  // ctw: turn-rate PSD, rad^2/s^3, [0, 1]
  std::vector<ImmModeSpec> imm_models;                // imm: 2..8 modes
  std::vector<std::vector<double>> imm_transition;    // imm: r x r, p_ij >= 0, rows sum to 1 (1e-6)
  std::vector<double> imm_initial_probabilities;      // imm: r values summing to 1; empty = uniform
  double initial_speed_sigma_mps = 300.0;             // (0, 1e4]
  double initial_acceleration_sigma_mps2 = 30.0;      // ca: (0, 1e3]
  double initial_turn_rate_sigma_radps = 0.1;         // ctw: (0, 1]
  double unknown_height_sigma_m = 5000.0;             // 3-D filter, 2-D measurement: (0, 1e5]
  UkfParameters ukf;                                  // ukf only

  // Every problem, with the key path relative to the spec (e.g. "imm_transition[1]").
  Problems Validate() const;
};

// The named models of `iadsim track --model` and of a unit's tracker (scenario key
// units[].tracker.model), with process noise q (m^2/s^3; m^2/s^5 for ca):
//   cv   constant velocity;  ca  constant acceleration;
//   ct   coordinated turn with an unknown, estimated turn rate (ctw, EKF);
//   imm  two constant-velocity modes, quiet (q) and manoeuvring (100 q), 5 % switching per step.
// Sets the model fields of *spec (and the filter, for ct); false for any other name.
bool SetNamedTrackModel(std::string_view name, double q, FilterSpec* spec);

// A filter with the prior [p, v] (dims each), covariance Ppv (2 dims x 2 dims), extended to the
// model's state (acceleration, turn rate: 0 with their initial sigmas); for an IMM every mode
// starts from the prior with the initial mode probabilities. Throws as MakeFilter.
std::unique_ptr<TrackFilter> MakeFilterFromPrior(const FilterSpec& spec, const VecX& xpv, const MatX& Ppv);

// A filter initiated at one measurement (the filter's time is m.time_s). Throws ScenarioError
// when spec.Validate() finds a problem. A bearing-only first measurement cannot initiate (a bug).
std::unique_ptr<TrackFilter> MakeFilter(const FilterSpec& spec, const Measurement& first);
// A filter initiated by two-point differencing, at time m2.time_s > m1.time_s.
std::unique_ptr<TrackFilter> MakeFilterTwoPoint(const FilterSpec& spec, const Measurement& m1,
                                                const Measurement& m2);

}  // namespace iadsim
