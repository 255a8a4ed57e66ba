#pragma once
// The chi-square validation gate: a measurement is inside the gate of a track when its normalised
// innovation squared d^2 = nu^T S^-1 nu is at most the threshold g with
//   P(chi2_dof <= g) = probability,       i.e. g = F^-1_chi2(dof)(probability)
// so a measurement of the track falls inside with that probability when the filter is consistent.
// dof: the measurement dimension (>= 1); probability in (0, 1). Example: dof 3, P = 0.99 ->
// 11.345. Source: Bar-Shalom & Fortmann, Tracking and Data Association, Academic Press 1988,
// ch. 2 (the validation region). The quantile is computed with Boost.Math.
namespace iadsim {

double ChiSquareGate(int dof, double probability);

}  // namespace iadsim
