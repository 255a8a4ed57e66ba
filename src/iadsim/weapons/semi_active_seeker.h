#pragma once
// Semi-active radar homing (SARH): a ground continuous-wave (CW) illuminator lights the target, the
// missile's seeker receives the target's echo, and holds the strongest echo inside its velocity gate.
//
// SeekerEcho power at the seeker (bistatic radar equation, linear SI):
//
//   P_r = P_t · G_t(θ_t) · G_r(θ_r) · λ² · σ / ((4π)³ · R_tx² · R_rx²)
//
//   P_t       illuminator CW power (W)
//   G_t(θ_t)  illuminator gain toward the target: peak gain × the illuminator's one-way pattern at θ_t,
//             the angle between the illuminator's boresight and the illuminator→target line
//   G_r(θ_r)  seeker gain toward the target: peak gain × the seeker's pattern at θ_r, the angle between
//             the seeker boresight and the missile→target line
//   λ = c / f wavelength (m), c = 299 792 458 m/s;  σ the target's RCS (m²), the caller's choice (the
//             monostatic RCS toward the illuminator: for small bistatic angles σ_b ≈ σ on the bisector)
//   R_tx      illuminator→target range (m);  R_rx  target→missile range (m)
// Patterns (as sensors/antenna_pattern.h, both planes the same beamwidth θ3, so a function of the total
// angle off boresight): Gaussian exp(−4 ln2 (θ/θ3)²) or sinc² [sin(πu)/(πu)]², u = 0.88589 θ/θ3; then
// max(pattern, sidelobe floor 10^(−SLL/10)). The floor stands for the average far sidelobes.
//
// Range-sum rate (bistatic Doppler): Ṙ = d(R_tx + R_rx)/dt = û_tx · v_target + û_rx · (v_target − v_missile),
// û_tx the unit vector illuminator→target, û_rx missile→target; the illuminator is at rest in the
// caller's frame (ECEF or ENU). The bistatic Doppler shift of the echo is f_D = −Ṙ/λ (6 GHz: 20 Hz per m/s).
// The seeker's velocity gate compares Ṙ, not f_D, so it is independent of the frequency.
//
// A pure CW illuminator gives NO range discrimination: the seeker separates targets only by angle (its
// own beam and field of view, the illuminator's beam) and by Doppler (the gate). Two aircraft in both
// beams and in the gate compete on power alone; the seeker holds the strongest.
//
// Valid range: far field, free space (no multipath, propagation or clutter loss, no noise: the echo
// is detectable when P_r ≥ the sensitivity), R_tx, R_rx > 0, σ > 0. Patterns in small-angle form
// (θ3 up to ~30°); far off boresight only the floor matters. The seeker's field of view is measured
// from the missile velocity (gimbal limit), or from the seeker boresight while the missile is at rest.
// Sources: NAWCWD TP 8347, EW and Radar Systems Engineering Handbook, §4-6 "Two-way radar equation
// (bistatic)" (the semi-active missile as the common bistatic radar); N. J. Willis, Bistatic Radar
// (2nd ed., 2005) and Skolnik (ed.), Radar Handbook, 2nd ed. (1990), ch. 25 "Bistatic radar" (Willis)
// for the bistatic Doppler −(1/λ) d(R_tx+R_rx)/dt; FM-CW patent US 4 241 347 (no range discrimination in CW).
// Every illuminator and seeker figure (5N62 / 5V28 class) is notional [U]: power, gains, beamwidths,
// frequency, gate width, sensitivity and the lock logic are not public (sarh-identification-ew.md §1.3).
#include <cstddef>
#include <optional>
#include <vector>

#include "iadsim/core/error.h"
#include "iadsim/geodesy/geodetic.h"
#include "iadsim/sensors/antenna_pattern.h"

namespace iadsim {

// CW illuminator (S-200-class 5N62 "Square Pair"); every default is notional [U].
struct IlluminatorConfig {
  double power_w = 2000;                    // CW power, W, > 0
  double gain_db = 40;                      // peak gain, dBi, > 0
  double beamwidth_rad = 0.01745;           // 3-dB beamwidth, both planes, (0, π/6]
  double frequency_hz = 6e9;                // > 0 (λ = c/f)
  BeamShape pattern = BeamShape::kGaussian; // gaussian | sinc²
  double sidelobe_level_db = 25;            // floor, dB BELOW the peak, [0, 80] (as AntennaPattern)
  // Every problem; paths: power, gain, beamwidth, frequency, pattern, sidelobe.
  Problems Validate() const;
};

// The missile's semi-active seeker (5V28 class); every default is notional [U].
struct SeekerConfig {
  double gain_db = 25;                      // peak gain, dBi, > 0
  double beamwidth_rad = 0.1047;            // 3-dB beamwidth, both planes, (0, π/2]
  BeamShape pattern = BeamShape::kGaussian; // gaussian | sinc²
  double sidelobe_level_db = 20;            // floor, dB below the peak, [0, 80]
  double field_of_view_rad = 0.5236;        // half-angle off the missile velocity (gimbal), (0, π/2]
  double doppler_gate_mps = 30;             // HALF-width of the velocity gate in range-sum rate, >= 0
  double sensitivity_dbw = -140;            // minimum echo power for detection and lock, dBW, finite
  enum class Lock { kBeforeLaunch, kAfterLaunch } lock = Lock::kBeforeLaunch;
  bool reacquire = true;                    // after a loss: search with the gate open, lock the strongest
  double lost_after_s = 1.0;                // no echo in the gate this long = lock lost, > 0
  // Every problem; paths: gain, beamwidth, pattern, sidelobe, field_of_view, doppler_gate, sensitivity,
  // lock, lost_after.
  Problems Validate() const;
};

// P_r = P_t G_t G_r λ² σ / ((4π)³ R_tx² R_rx²), all linear SI (W, m², m). Every input > 0 and finite
// (checked: a violation is a bug in the caller).
double BistaticReceivedPowerW(double pt_w, double gt_lin, double gr_lin, double wavelength_m, double rcs_m2,
                              double r_tx_m, double r_rx_m);

// Relative one-way power gain (linear, in [floor, 1]) of a circular beam at angle_rad off boresight:
// max(OneWayPatternGain(shape, angle, θ3), 10^(−sidelobe_level_db/10)), the formulas of
// sensors/antenna_pattern.h evaluated here (the weapons package does not link sensors).
double CircularBeamGain(BeamShape shape, double angle_rad, double beamwidth_rad, double sidelobe_level_db);

// One aircraft seen by the seeker; all vectors in one Cartesian frame (the caller uses ECEF or ENU).
struct EchoGeometry {
  Vec3 illuminator_p = Vec3::Zero();          // m; the illuminator is at rest in this frame
  Vec3 illuminator_boresight = Vec3::UnitX(); // where the illuminator points (normalised here), non-zero
  Vec3 target_p = Vec3::Zero();               // m
  Vec3 target_v = Vec3::Zero();               // m/s
  double rcs_m2 = 1.0;                        // > 0: the caller's choice (monostatic toward the illuminator)
  Vec3 missile_p = Vec3::Zero();              // m
  Vec3 missile_v = Vec3::Zero();              // m/s; zero = on the launcher (FOV from the boresight)
  Vec3 seeker_boresight = Vec3::UnitX();      // where the seeker points (normalised here), non-zero
};

struct SeekerEcho {
  std::size_t source = 0;            // caller's index (entity)
  double power_w = 0, power_dbw = 0; // received echo power at the seeker
  double range_sum_rate_mps = 0;     // d(R_tx + R_rx)/dt (the bistatic Doppler is -rate/lambda)
  double off_illuminator_rad = 0;    // angle of the target off the illuminator boresight
  double off_seeker_rad = 0;         // ... off the seeker boresight
  double off_velocity_rad = 0;       // ... off the missile velocity (the boresight when at rest)
  bool in_illuminator_beam = false;  // within the illuminator's half 3-dB beamwidth
  bool in_field_of_view = false;     // off_velocity <= field_of_view
  bool detectable = false;           // in FOV and power_dbw >= sensitivity
};

// The echo of one aircraft. Target and missile (and illuminator) must not coincide (checked).
SeekerEcho ComputeEcho(const IlluminatorConfig& illuminator, const SeekerConfig& seeker, const EchoGeometry& g,
                 std::size_t source);

// The seeker's lock logic (the missile side). Gate: |rate − gate_centre| ≤ doppler_gate (open while
// searching). Only detectable echoes count; ties in power go to the earlier echo in the vector, so
// pass echoes in a deterministic order (e.g. by entity id).
class SemiActiveSeeker {
 public:
  explicit SemiActiveSeeker(SeekerConfig config);
  enum class Change { kNone, kLocked, kCaptured, kLost, kReacquired };
  struct Result {
    Change change = Change::kNone;
    std::optional<std::size_t> held;      // the source held after this call
    std::optional<std::size_t> previous;  // kCaptured / kLost / kReacquired: the one held before
  };
  // Lock-on before launch at t_s: the gate is centred on the designated track's predicted range-sum
  // rate; the strongest detectable echo inside the gate is locked (kLocked). None: no lock (kNone),
  // the missile may still be launched and Update locks later with this gate (LOAL-like).
  Result LockBeforeLaunch(double t_s, double designated_rate_mps, const std::vector<SeekerEcho>& echoes);
  // One seeker update at t_s (non-decreasing):
  //  - locked: the strongest detectable echo in the gate is held (kNone if the same source, kCaptured
  //    if another one) and the gate centre follows its rate; no echo in the gate for lost_after_s
  //    (t_s − last time one was) → kLost, the gate stays where it was;
  //  - lost, reacquire on: the gate is open (any rate): the strongest detectable echo → kReacquired,
  //    the gate re-centres on it; lost, reacquire off: stays lost (kNone);
  //  - never locked (after-launch mode, or LOBL found nothing): the strongest detectable echo in the
  //    gate (centred by SetGateCentre or LockBeforeLaunch; 0 otherwise) → kLocked.
  // One change per call: a loss and a re-acquisition need two updates.
  Result Update(double t_s, const std::vector<SeekerEcho>& echoes);
  void SetGateCentre(double rate_mps);

  std::optional<std::size_t> held() const { return held_; }
  double gate_centre_mps() const { return gate_centre_mps_; }
  // True while the lock is lost and reacquire is on: the gate is open.
  bool searching() const { return lost_ && config_.reacquire; }
  // Whether a range-sum rate falls inside the gate now (always, while searching).
  bool InGate(double rate_mps) const;
  // 0 while locked; otherwise the time since the first call (launch) or since the loss was declared.
  double time_without_lock_s(double t_s) const;
  const SeekerConfig& config() const { return config_; }

 private:
  // The strongest detectable echo passing the gate (nullptr if none).
  const SeekerEcho* Strongest(const std::vector<SeekerEcho>& echoes, bool gate_open) const;
  void Hold(double t_s, const SeekerEcho& echo);

  SeekerConfig config_;
  std::optional<std::size_t> held_;
  double gate_centre_mps_ = 0.0;
  bool lost_ = false;
  std::optional<std::size_t> previous_;  // the source whose lock was lost (for kReacquired)
  double last_in_gate_s_ = 0.0;
  std::optional<double> without_lock_since_s_;
};

}  // namespace iadsim
