#pragma once
// Radio links under noise jamming: propagation loss, Adamy's communications J/S, received power,
// thermal noise, SINR with a spread-spectrum processing gain, coherent BPSK bit error rate and the
// probability that a message of n bits is lost.
//
//   L    = 32.44 + 20 log10 d_km + 20 log10 f_MHz  (dB, free space; = 20 log10(4π d / λ) to 0.01 dB)
//   J/S  = ERP_J − ERP_S − L_J + L_S + G_RJ − G_R  (dB; Adamy's link form: ERPs in the same dB unit,
//          L_J, L_S the jammer's and the wanted transmitter's path losses, G_RJ, G_R the receive
//          gains toward the jammer and toward the wanted transmitter)
//   P_r  = ERP · G_r · (λ / (4π d))² / L_r          (W, one-way Friis, λ = c / f)
//   N    = k T0 F B,  T0 = 290 K                    (W, F noise figure, B noise bandwidth)
//   SINR = S / (N + J / Gp)                         (J the jammer power inside the receiver band,
//                                                    Gp the spread-spectrum processing gain)
//   Eb/N0 = SINR · B / Rb,   Pb = ½ erfc(√(Eb/N0))  (coherent BPSK in AWGN; jamming treated as
//                                                    Gaussian noise after despreading)
//   P_loss = 1 − (1 − Pb)^n                         (independent bit errors, no coding: one bit
//                                                    error loses the message)
// Valid: line of sight, free space, noise jamming (no follower/repeater or pulsed jamming), the
// jammer's spectrum flat over the receiver band (the caller applies Br/Bj), no error-correcting
// code or interleaving. The required J/S for analogue voice or non-spread digital of "0–10 dB" is
// [U] (not sourced); these functions compute the link, not the requirement.
// Sources: Adamy, EW 101: A First Course in Electronic Warfare, 2001, ch. 5 and 10 (link loss and
// communications J/S) [U: as quoted in the EW reference, book not consulted]; Sklar, Digital
// Communications, 2nd ed., §4.7 (BPSK Pb = Q(√(2Eb/N0)), 1e-5 at 9.6 dB); Friis (1946);
// /work/shared/reference/sarh-identification-ew.md §3.3 for the worked J/S examples.
#include "iadsim/core/error.h"

namespace iadsim {

inline constexpr double kReferenceNoiseTemperatureK = 290.0;  // T0 of the noise figure (IEEE)

struct RadioConfig {                 // one radio (transmitter or receiver end)
  double power_w = 10.0;             // transmitter power, > 0 W
  double gain_db = 0.0;              // antenna gain, [-30, 50] dBi
  double frequency_hz = 300e6;       // carrier, (0, 1e11] Hz
  double bandwidth_hz = 25e3;        // B, receiver noise bandwidth, > 0 Hz
  double noise_figure_db = 5.0;      // F, [0, 30] dB
  double losses_db = 0.0;            // L_r, [0, 50] dB
  double data_rate_bps = 16e3;       // Rb, > 0 bit/s
  int message_bits = 256;            // n, bits per message, [1, 1e6]
  double processing_gain_db = 0.0;   // Gp, spread-spectrum gain against noise jamming, [0, 60] dB
  // Every problem; paths are the scenario keys: power, gain, frequency, bandwidth, noise_figure,
  // losses, data_rate, message_bits, processing_gain.
  Problems Validate() const;
};

// Free-space propagation loss, Adamy's form 32.44 + 20 log d_km + 20 log f_MHz (dB); equal to
// FreeSpacePathLossDb (gnss_receiver.h) to 0.01 dB. distance_m > 0, frequency_hz > 0 (checked).
double LinkPropagationLossDb(double distance_m, double frequency_hz);
// Adamy's communications J/S (dB) = ERP_J − ERP_S − L_J + L_S + G_RJ − G_R (every term in dB, the
// ERPs in the same unit, dBW or dBm). Worked, 300 MHz, omni: 1 kW jammer at 200 km against 100 W
// at 100 km → +4.0 dB; the same jammer at 100 km against 10 W at 300 km → +29.5 dB.
double CommsJammingToSignalDb(double jammer_erp_dbw, double signal_erp_dbw, double jammer_loss_db,
                              double signal_loss_db, double rx_gain_toward_jammer_db, double rx_gain_toward_signal_db);
// Received power (W), one-way Friis: ERP · Gr · (λ/(4πd))² / L_r. erp_w >= 0 (W), distance_m > 0 (m),
// frequency_hz > 0, rx_gain_db (dBi) and rx_losses_db (dB) finite.
double ReceivedPowerW(double erp_w, double rx_gain_db, double distance_m, double frequency_hz, double rx_losses_db = 0.0);
// Thermal noise k T0 F B (W), T0 = 290 K (25 kHz, F = 5 dB: 3.165e-16 W, −125.0 dBm).
double ReceiverNoiseW(const RadioConfig& rx);
// SINR of the wanted signal with jamming: S / (N + J / Gp) (linear), J the jammer power in the
// receiver band (caller applies Br/Bj). signal_w >= 0, noise_w >= 0, jammer_w >= 0 with N + J > 0,
// processing_gain_db >= 0.
double LinkSinr(double signal_w, double noise_w, double jammer_w, double processing_gain_db);
// Coherent BPSK bit error rate Pb = ½ erfc(√(Eb/N0)) (Eb/N0 linear, >= 0): ½ at 0, 0.0786 at 0 dB,
// 1.0e-5 at 9.6 dB. (Eb/N0 = SINR · B / Rb.)
double BpskBitErrorRate(double eb_n0);
// Message loss = 1 − (1 − Pb)^bits, with Eb/N0 = sinr · B / Rb from the bandwidth and data rate of
// `rx` (valid, checked); sinr linear, >= 0. In [0, 1], decreasing in sinr, increasing in bits.
double MessageLossProbability(const RadioConfig& rx, double sinr);

}  // namespace iadsim
