#pragma once
// The figures of a radar's transmitter, antenna and receiver that enter the radar equation and the
// detection threshold: shared by every radar kind (surveillance, engagement).
//   SNR(σ, R) = N · Pt G² λ² σ τ / ((4π)³ k Ts R⁴ L)
// with N pulses integrated coherently (ideal gain N; Richards, Fundamentals of Radar Signal
// Processing, 2nd ed., sec. 6.2) and the same antenna gain on transmit and receive.
// The radar equation itself is radar_equation.h.
#include "iadsim/core/error.h"

namespace iadsim {

// Physical ranges with a wide margin, shared by every transmitter and antenna (radars, illuminators,
// seekers): the largest radars have tens of MW peak and the largest dishes about 70 dB; beyond
// these the radar equation's products overflow (1e308 W or dB made the SNR infinite).
inline constexpr double kMaxPeakPowerW = 1e9;
inline constexpr double kMaxAntennaGainDb = 80.0;

struct RadarParameters {
  double frequency_hz = 3e9;         // carrier, (0.1, 100) GHz
  double peak_power_w = 1e6;         // Pt, (0, 1 GW]
  double gain_db = 35.0;             // antenna gain, transmit = receive, dBi
  double pulse_width_s = 1e-6;       // τ, (0, 0.1 s] (energy Pt τ; also sets the range accuracy)
  int coherent_pulses = 1;           // N, pulses integrated coherently per look, [1, 10000]
  double noise_temperature_k = 500;  // Ts, [1, 1e6] K
  double losses_db = 6.0;            // L, >= 0 dB
  double pfa = 1e-6;                 // false-alarm probability per cell, (0, 1)

  // SNR (linear) of a target of mean RCS rcs_m2 at range_m in the beam centre, after integration.
  double Snr(double rcs_m2, double range_m) const;
  // Every problem; paths are the scenario keys (frequency, power, gain, pulse_width, ...).
  Problems Validate() const;
};

}  // namespace iadsim
