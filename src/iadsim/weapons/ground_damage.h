#pragma once
// Damage to ground targets: the cookie-cutter damage function and the circular-normal miss.
//
// Cookie cutter: a target is destroyed when the miss distance is within the lethal radius r,
// and untouched otherwise:  kill ⇔ |miss| <= r  (m).
// Circular-normal miss of circular error probable CEP (both horizontal axes N(0, σ²),
// σ = CEP / sqrt(2 ln 2) = 0.8493218 CEP, weapons/inertial_navigation.h kCepToSigma): |miss| is
// Rayleigh(σ), so the single-shot kill probability with no aiming bias is
//   Pk = P(|miss| <= r) = 1 − exp(−r² / (2σ²)) = 1 − 2^(−(r/CEP)²)
// e.g. r = CEP → 0.5, r = 2 CEP → 0.9375, r = CEP/2 → 1 − 2^(−1/4) = 0.1591.
// Valid range: r >= 0, CEP >= 0 (CEP = 0: every miss is 0, Pk = 1); no aiming bias (a bias is
// added by the caller to the drawn miss), a point target, a sharp lethal radius (no
// Carleton or lognormal damage function).
// Sources: M. R. Driels, Weaponeering: Conventional Weapon System Effectiveness, 2nd ed., AIAA,
// 2013 (cookie-cutter damage function, circular normal delivery error, CEP); the closed form is
// the Rayleigh distribution's cdf.
#include "iadsim/core/rng.h"
#include "iadsim/geodesy/geodetic.h"

namespace iadsim {

// Pk = 1 − 2^(−(r/CEP)²), dimensionless in [0, 1]; lethal_radius_m >= 0, cep_m >= 0.
double CircularNormalKillProbability(double lethal_radius_m, double cep_m);
// Cookie cutter: miss_m <= lethal_radius_m (both >= 0, m).
bool CookieCutterKill(double miss_m, double lethal_radius_m);
// One miss (east, north), m: each axis Normal(0, σ = CEP · kCepToSigma), two standard normal
// draws from `rng` (east first). cep_m >= 0.
Vec2 DrawCircularNormalMiss(double cep_m, RandomStream& rng);

}  // namespace iadsim
