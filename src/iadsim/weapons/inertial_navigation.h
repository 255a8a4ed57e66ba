#pragma once
// Navigation error of a guided weapon: GNSS-aided, or inertial only after GNSS is lost.
//
// The horizontal position error is a circular normal (both axes N(0, σ²), independent) of
// circular error probable CEP: half of the errors fall inside a circle of radius CEP, and
//   σ = CEP / sqrt(2 ln 2) = 0.8493218 CEP,   |error| ~ Rayleigh(σ),  median |error| = CEP.
// With GNSS tracking the CEP is cep_gnss_m. After GNSS is lost the inertial solution drifts and
// its CEP grows linearly with the time since the loss (the "1 nmi/h" rating of an INS):
//   CEP(τ) = cep_at_loss + drift_mps · τ,   τ = t − t_loss >= 0 (s), CEP in m.
// 1 nmi/h = 1852 m / 3600 s = 0.5144 m/s, i.e. 30.9 m per minute, 154 m after 5 min.
// One weapon's error is one realisation: a direction and a Rayleigh multiplier drawn once, so its
// error grows along one line with time (a slowly varying bias, not white noise):
//   error(τ) = u · k · CEP(τ),  u a uniform unit vector, k ~ Rayleigh with median 1.
// Valid range: τ >= 0 up to the minutes of a weapon's free flight (the linear law is the usual
// rating; a real INS error is a Schuler oscillation plus a drift, which over a free flight of a few
// minutes the linear law approximates). GNSS, once lost, is not regained in this model.
// Sources: CEP of a circular normal: M. R. Driels, Weaponeering, 2nd ed., AIAA, 2013 (delivery
// accuracy); INS drift about 1 nmi/h for navigation grade: D. H. Titterton and J. L. Weston,
// Strapdown Inertial Navigation Technology, 2nd ed., IET, 2004 (error propagation), and the
// public figures gathered in shared/reference/sarh-identification-ew.md §3.1.
// The 5 m default CEP with GNSS (JDAM/SDB class) is unsourced [U].
#include <optional>

#include "iadsim/core/error.h"
#include "iadsim/core/rng.h"
#include "iadsim/geodesy/geodetic.h"

namespace iadsim {

struct NavigationConfig {
  double cep_gnss_m = 5.0;    // CEP with GNSS, m, [0, 1000] ([U]: JDAM-class figure unsourced)
  double drift_mps = 0.5144;  // INS CEP growth rate, m/s, [0, 100] (1 nmi/h = 0.5144 m/s)
  // Every problem; paths are the scenario keys: cep_gnss, ins_drift.
  Problems Validate() const;
};

// σ of each axis of a circular normal per metre of CEP: 1 / sqrt(2 ln 2).
inline constexpr double kCepToSigma = 0.8493218;

// CEP (m) of the inertial solution time_since_loss_s (>= 0) after GNSS was lost, starting from
// cep_at_loss_m (>= 0): cep_at_loss + drift_mps · τ.
double InsCepM(const NavigationConfig& c, double cep_at_loss_m, double time_since_loss_s);

// One realisation of the error process (see above). Deterministic per stream.
class NavigationError final {
 public:
  // Draws the direction (uniform in [0, 2π)) and the multiplier k = sqrt(ln(1/U) / ln 2), U uniform
  // in (0, 1] (Rayleigh of median 1): three or so draws from `rng`. `c` must be valid.
  NavigationError(const NavigationConfig& c, RandomStream& rng);
  // Horizontal error (east, north), m, at time t_s. gnss_lost_at_s: when GNSS was lost (nullopt:
  // never). Before the loss (or never lost): u · k · cep_gnss; after: u · k · CEP(t − t_loss) with
  // cep_at_loss = cep_gnss.
  Vec2 ErrorEn(std::optional<double> gnss_lost_at_s, double t_s) const;

  const Vec2& direction() const { return direction_; }
  double multiplier() const { return multiplier_; }

 private:
  NavigationConfig config_;
  Vec2 direction_ = Vec2::UnitX();
  double multiplier_ = 1.0;
};

}  // namespace iadsim
