#pragma once
// A platform's navigation solution over a run (an attacker or a weapon): GNSS-aided while its
// receiver tracks, inertial from the moment it loses GNSS, reset by a radar fix. The error is the
// realisation of weapons/inertial_navigation.h's law, one direction u and one Rayleigh multiplier k
// per platform:
//   tracking:                 e = u k cep_gnss
//   inertial since t0 from e0: e = e0 + u k drift (t − t0)   (e0: the error when GNSS was lost,
//                                                            a fix's error, or the carrier's error
//                                                            handed to a weapon)
// so that, lost from GNSS tracking, |e| = k (cep_gnss + drift τ): the CEP grows as CEP(τ).
#include "iadsim/weapons/inertial_navigation.h"

namespace iadsim {

class NavigationSolution final {
 public:
  // gnss_tracking: whether it starts GNSS-aided; if not, inertial from start_s with initial_error_en.
  NavigationSolution(const NavigationConfig& c, RandomStream& rng, double start_s, bool gnss_tracking,
                     const Vec2& initial_error_en = Vec2::Zero());
  bool gnss_tracking() const { return tracking_; }
  void GnssLost(double t_s);
  void GnssRegained();
  // A position fix of error fix_error_en at t_s (inertial from there while GNSS is lost).
  void Fix(double t_s, const Vec2& fix_error_en);
  Vec2 ErrorEn(double t_s) const;

 private:
  NavigationConfig config_;
  NavigationError draw_;
  bool tracking_ = true;
  double since_s_ = 0.0;
  Vec2 base_en_ = Vec2::Zero();
};

}  // namespace iadsim
