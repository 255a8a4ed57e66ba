#pragma once
// One-way power patterns of a radar antenna, normalised to 1 on boresight, parameterised by the
// 3 dB (half-power) beamwidth θ3, with a sidelobe floor, and the beam-shape (scan) loss.
//
//   sinc² (uniformly illuminated aperture of width D):  G(θ) = [sin(π u) / (π u)]²,
//       u = (D/λ) θ = 0.88589 θ / θ3, since θ3 = 0.88589 λ/D (the half-power point of sinc², the
//       "0.886 λ/D" rule). First null at θ = λ/D = θ3 / 0.88589, first sidelobe −13.26 dB.
//   Gaussian:  G(θ) = exp(−4 ln 2 · (θ/θ3)²)   (exactly −3.01 dB at θ = θ3/2; no nulls).
//   Sidelobe floor: G_floor = 10^(−SLL/10) with SLL in dB below the peak; the pattern returned is
//   max(G, G_floor), which stands for the average far-sidelobe level (a real pattern wanders
//   around it) and is what a sidelobe jammer sees.
//   2-D pattern: the product of the azimuth and elevation cuts, G(θaz) · G(θel), then the floor.
//
// θ is the angle off boresight in the plane of the cut (rad), small-angle form (θ in place of
// sin θ): valid for beamwidths below about 10° and angles within a few beamwidths; beyond, only the
// floor matters.
//
// Beam-shape (scan) loss: a scanning radar integrates the pulses that fall between the half-power
// points, whose echoes follow the two-way pattern G²; relative to all of them at the beam peak the
// loss is
//   L = 1 / mean(G²(θ)) over θ ∈ [−w θ3/2, w θ3/2]   (w = 1: between the 3 dB points)
// For a Gaussian beam and w = 1, in one dimension, mean(G²) = √(π / (8 ln 2)) · erf(√(2 ln 2)),
// L = 1.67 dB: Blake's 1.6 dB (Blake, Radar Range-Performance Analysis, 1980; Skolnik, Introduction
// to Radar Systems, 3rd ed., ch. 2). Double it (in dB) for a beam scanned in two dimensions.
// Sources: Skolnik (2001), ch. 9 (aperture illumination, sinc pattern); Balanis, Antenna Theory,
// 3rd ed., ch. 12 (uniform aperture, 0.886 λ/D); Blake (1980).
#include <cstdint>

#include "iadsim/core/error.h"

namespace iadsim {

enum class BeamShape : std::uint8_t { kSinc, kGaussian };

// The half-power beamwidth of sinc² in units of λ/D: 2 x₃/π with sinc²(x₃) = 1/2, x₃ = 1.3915574.
inline constexpr double kSincBeamwidthFactor = 0.8858929;

// One-way relative power gain (linear, ≤ 1) of one cut at angle_rad off boresight, no floor.
double OneWayPatternGain(BeamShape shape, double angle_rad, double beamwidth_rad);

struct AntennaPattern {
  BeamShape shape = BeamShape::kSinc;
  double azimuth_beamwidth_rad = 0.0174533;    // θ3 in azimuth, (0, π/6]
  double elevation_beamwidth_rad = 0.0174533;  // θ3 in elevation, (0, π/6]
  double sidelobe_level_db = 30.0;             // floor, dB below the peak, [0, 80]

  // Relative one-way power gain (linear, in [floor, 1]) at azimuth and elevation offsets from
  // boresight (rad): max(G_az · G_el, floor).
  double Gain(double azimuth_offset_rad, double elevation_offset_rad) const;
  // The same in dB (≤ 0).
  double GainDb(double azimuth_offset_rad, double elevation_offset_rad) const;
  // Every problem; paths are the scenario keys (shape, azimuth_beamwidth, ...).
  Problems Validate() const;
};

// Beam-shape loss (dB, ≥ 0) for one scanned dimension: 1 / mean of the two-way pattern G² over
// ±width_in_beamwidths · θ3 / 2 (integration_width > 0; 1 = between the 3 dB points).
double BeamShapeLossDb(BeamShape shape, double integration_width_in_beamwidths = 1.0);

}  // namespace iadsim
