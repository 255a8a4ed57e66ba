#include "iadsim/weapons/semi_active_seeker.h"

#include "iadsim/c2/capture_zone.h"
#include "iadsim/sensors/radar_equation.h"
#include "iadsim/sensors/radar_parameters.h"

#include <Eigen/Geometry>
#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>
#include <utility>

namespace iadsim {
namespace {


double DegFromRad(double rad) { return rad * 180.0 / std::numbers::pi; }

bool ValidShape(BeamShape s) { return s == BeamShape::kGaussian || s == BeamShape::kSinc; }

// Angle between two non-zero vectors, atan2(|a×b|, a·b): accurate near 0 and π.
double AngleBetween(const Vec3& a, const Vec3& b) { return std::atan2(a.cross(b).norm(), a.dot(b)); }

double LinFromDb(double db) { return std::pow(10.0, db / 10.0); }

}  // namespace

Problems IlluminatorConfig::Validate() const {
  Problems problems;
  if (!(power_w > 0.0 && power_w <= kMaxPeakPowerW)) {
    problems.push_back({"power", fmt::format("must be in (0, {:g} GW] (got {} W)", kMaxPeakPowerW / 1e9, power_w)});
  }
  if (!(gain_db > 0.0 && gain_db <= kMaxAntennaGainDb)) {
    problems.push_back({"gain", fmt::format("must be in (0, {:g}] dB (got {} dB)", kMaxAntennaGainDb, gain_db)});
  }
  if (!(beamwidth_rad > 0.0 && beamwidth_rad <= std::numbers::pi / 6.0)) {
    problems.push_back(
        {"beamwidth", "must be in (0, 30] deg (got " + std::to_string(DegFromRad(beamwidth_rad)) + " deg)"});
  }
  if (!(frequency_hz > 0.0 && std::isfinite(frequency_hz))) {
    problems.push_back({"frequency", "must be > 0 Hz (got " + std::to_string(frequency_hz) + " Hz)"});
  }
  if (!ValidShape(pattern)) problems.push_back({"pattern", "must be gaussian or sinc2"});
  if (!(sidelobe_level_db >= 0.0 && sidelobe_level_db <= 80.0)) {
    problems.push_back({"sidelobe", "must be in [0, 80] dB below the peak, i.e. in [-80, 0] dB (got " +
                                        std::to_string(-sidelobe_level_db) + " dB)"});
  }
  return problems;
}

Problems SeekerConfig::Validate() const {
  Problems problems;
  if (!(gain_db > 0.0 && gain_db <= kMaxAntennaGainDb)) {
    problems.push_back({"gain", fmt::format("must be in (0, {:g}] dB (got {} dB)", kMaxAntennaGainDb, gain_db)});
  }
  if (!(beamwidth_rad > 0.0 && beamwidth_rad <= std::numbers::pi / 2.0)) {
    problems.push_back(
        {"beamwidth", "must be in (0, 90] deg (got " + std::to_string(DegFromRad(beamwidth_rad)) + " deg)"});
  }
  if (!ValidShape(pattern)) problems.push_back({"pattern", "must be gaussian or sinc2"});
  if (!(sidelobe_level_db >= 0.0 && sidelobe_level_db <= 80.0)) {
    problems.push_back({"sidelobe", "must be in [0, 80] dB below the peak, i.e. in [-80, 0] dB (got " +
                                        std::to_string(-sidelobe_level_db) + " dB)"});
  }
  if (!(field_of_view_rad > 0.0 && field_of_view_rad <= std::numbers::pi / 2.0)) {
    problems.push_back({"field_of_view", "must be in (0, 90] deg (got " +
                                             std::to_string(DegFromRad(field_of_view_rad)) + " deg)"});
  }
  if (!(doppler_gate_mps >= 0.0 && std::isfinite(doppler_gate_mps))) {
    problems.push_back(
        {"doppler_gate", "must be >= 0 m/s (got " + std::to_string(doppler_gate_mps) + " m/s)"});
  }
  if (!std::isfinite(sensitivity_dbw)) {
    problems.push_back({"sensitivity", "must be a finite power in dBW (got " + std::to_string(sensitivity_dbw) + ")"});
  }
  if (lock != Lock::kBeforeLaunch && lock != Lock::kAfterLaunch) {
    problems.push_back({"lock", "must be before_launch or after_launch"});
  }
  if (!(lost_after_s > 0.0 && std::isfinite(lost_after_s))) {
    problems.push_back({"lost_after", "must be > 0 s (got " + std::to_string(lost_after_s) + " s)"});
  }
  return problems;
}

double BistaticReceivedPowerW(double pt_w, double gt_lin, double gr_lin, double wavelength_m, double rcs_m2,
                              double r_tx_m, double r_rx_m) {
  const auto positive = [](double x) { return x > 0.0 && std::isfinite(x); };
  IADSIM_CHECK(positive(pt_w) && positive(gt_lin) && positive(gr_lin) && positive(wavelength_m) &&
                   positive(rcs_m2) && positive(r_tx_m) && positive(r_rx_m),
               "bistatic radar equation: every input must be > 0 and finite");
  const double four_pi = 4.0 * std::numbers::pi;
  return pt_w * gt_lin * gr_lin * wavelength_m * wavelength_m * rcs_m2 /
         (four_pi * four_pi * four_pi * r_tx_m * r_tx_m * r_rx_m * r_rx_m);
}

double CircularBeamGain(BeamShape shape, double angle_rad, double beamwidth_rad, double sidelobe_level_db) {
  IADSIM_CHECK(beamwidth_rad > 0.0 && std::isfinite(beamwidth_rad), "beam gain: beamwidth must be > 0");
  IADSIM_CHECK(std::isfinite(angle_rad), "beam gain: angle must be finite");
  return std::max(OneWayPatternGain(shape, angle_rad, beamwidth_rad), LinFromDb(-sidelobe_level_db));
}

SeekerEcho ComputeEcho(const IlluminatorConfig& illuminator, const SeekerConfig& seeker, const EchoGeometry& g,
                 std::size_t source) {
  const Vec3 tx = g.target_p - g.illuminator_p;  // illuminator -> target
  const Vec3 rx = g.target_p - g.missile_p;      // missile -> target
  const double r_tx = tx.norm();
  const double r_rx = rx.norm();
  IADSIM_CHECK(r_tx > 0.0 && r_rx > 0.0, "echo: the target coincides with the illuminator or the missile");
  IADSIM_CHECK(g.illuminator_boresight.norm() > 0.0 && g.seeker_boresight.norm() > 0.0,
               "echo: boresight vectors must be non-zero");

  SeekerEcho e;
  e.source = source;
  e.off_illuminator_rad = AngleBetween(g.illuminator_boresight, tx);
  e.off_seeker_rad = AngleBetween(g.seeker_boresight, rx);
  const bool at_rest = g.missile_v.squaredNorm() == 0.0;
  e.off_velocity_rad = AngleBetween(at_rest ? g.seeker_boresight : g.missile_v, rx);

  const double gt = LinFromDb(illuminator.gain_db) *
                    CircularBeamGain(illuminator.pattern, e.off_illuminator_rad, illuminator.beamwidth_rad,
                                     illuminator.sidelobe_level_db);
  const double gr = LinFromDb(seeker.gain_db) *
                    CircularBeamGain(seeker.pattern, e.off_seeker_rad, seeker.beamwidth_rad, seeker.sidelobe_level_db);
  const double wavelength_m = kSpeedOfLightMps / illuminator.frequency_hz;
  e.power_w = BistaticReceivedPowerW(illuminator.power_w, gt, gr, wavelength_m, g.rcs_m2, r_tx, r_rx);
  e.power_dbw = 10.0 * std::log10(e.power_w);

  // d|tx|/dt = û_tx · v_target (illuminator at rest); d|rx|/dt = û_rx · (v_target − v_missile).
  e.range_sum_rate_mps = RangeSumRate(g.illuminator_p, g.target_p, g.target_v, g.missile_p, g.missile_v);

  e.in_illuminator_beam = e.off_illuminator_rad <= 0.5 * illuminator.beamwidth_rad;
  e.in_field_of_view = e.off_velocity_rad <= seeker.field_of_view_rad;
  e.detectable = e.in_field_of_view && e.power_dbw >= seeker.sensitivity_dbw;
  return e;
}

SemiActiveSeeker::SemiActiveSeeker(SeekerConfig config) : config_(std::move(config)) {
  IADSIM_CHECK(config_.Validate().empty(), "semi-active seeker: invalid configuration");
}

void SemiActiveSeeker::SetGateCentre(double rate_mps) {
  IADSIM_CHECK(std::isfinite(rate_mps), "seeker: gate centre must be finite");
  gate_centre_mps_ = rate_mps;
}

bool SemiActiveSeeker::InGate(double rate_mps) const {
  return searching() || std::abs(rate_mps - gate_centre_mps_) <= config_.doppler_gate_mps;
}

const SeekerEcho* SemiActiveSeeker::Strongest(const std::vector<SeekerEcho>& echoes, bool gate_open) const {
  const SeekerEcho* best = nullptr;
  for (const SeekerEcho& e : echoes) {
    if (!e.detectable) continue;
    if (!gate_open && std::abs(e.range_sum_rate_mps - gate_centre_mps_) > config_.doppler_gate_mps) continue;
    if (best == nullptr || e.power_w > best->power_w) best = &e;
  }
  return best;
}

void SemiActiveSeeker::Hold(double t_s, const SeekerEcho& echo) {
  held_ = echo.source;
  gate_centre_mps_ = echo.range_sum_rate_mps;
  last_in_gate_s_ = t_s;
  lost_ = false;
  without_lock_since_s_.reset();
}

SemiActiveSeeker::Result SemiActiveSeeker::LockBeforeLaunch(double t_s, double designated_rate_mps,
                                                            const std::vector<SeekerEcho>& echoes) {
  IADSIM_CHECK(std::isfinite(t_s), "seeker: time must be finite");
  held_.reset();
  previous_.reset();
  lost_ = false;
  SetGateCentre(designated_rate_mps);
  Result result;
  if (const SeekerEcho* best = Strongest(echoes, /*gate_open=*/false)) {
    Hold(t_s, *best);
    result.change = Change::kLocked;
  } else {
    without_lock_since_s_ = t_s;
  }
  result.held = held_;
  return result;
}

SemiActiveSeeker::Result SemiActiveSeeker::Update(double t_s, const std::vector<SeekerEcho>& echoes) {
  IADSIM_CHECK(std::isfinite(t_s), "seeker: time must be finite");
  if (!without_lock_since_s_ && !held_) without_lock_since_s_ = t_s;  // first call, never locked
  Result result;
  if (held_) {
    const std::size_t before = *held_;
    if (const SeekerEcho* best = Strongest(echoes, /*gate_open=*/false)) {
      Hold(t_s, *best);
      if (best->source != before) {
        result.change = Change::kCaptured;
        result.previous = before;
      }
    } else if (t_s - last_in_gate_s_ >= config_.lost_after_s) {
      held_.reset();
      lost_ = true;
      without_lock_since_s_ = t_s;
      result.change = Change::kLost;
      result.previous = before;
      previous_ = before;
    }
  } else if (lost_) {
    if (config_.reacquire) {
      if (const SeekerEcho* best = Strongest(echoes, /*gate_open=*/true)) {
        Hold(t_s, *best);
        result.change = Change::kReacquired;
        result.previous = previous_;
      }
    }
  } else if (const SeekerEcho* best = Strongest(echoes, /*gate_open=*/false)) {
    Hold(t_s, *best);
    result.change = Change::kLocked;
  }
  result.held = held_;
  return result;
}

double SemiActiveSeeker::time_without_lock_s(double t_s) const {
  if (held_ || !without_lock_since_s_) return 0.0;
  const double dt = t_s - *without_lock_since_s_;
  return dt > 0.0 ? dt : 0.0;
}

}  // namespace iadsim
