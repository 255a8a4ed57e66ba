#pragma once
// GNSS receiver under noise jamming: jammer power at the antenna, J/S, the effective carrier-to-noise
// density C/N0 left to the code and carrier loops, the J/S the receiver tolerates before it loses
// track (or cannot reacquire), the denial range of a jammer, and tracking with hysteresis.
//
// Power budget at the receiver's antenna (dB, dBW):
//   FSPL = 20 log10(4π R / λ),  λ = c / f                       (free-space path loss, one way)
//   J    = ERP_J − FSPL + ΔG − A                               (ΔG receive gain toward the jammer minus
//                                                               toward the satellites, A anti-jam nulling)
//   J/S  = J − S                                               (S the satellite signal power at the antenna)
// Effective C/N0 under noise jamming (Kaplan's form, with K standing for Q·Rc, Q the spectral
// separation factor and Rc the chip rate):
//   C/N0_eff = −10 log10( 10^(−C/N0_0/10) + 10^((J/S − K)/10) )      (dB-Hz)
// which tends to C/N0_0 without jamming and to K − J/S when jamming dominates (the rule of thumb
// C/N0 ≈ 63 − J/S for C/A: 10 log10(2 · 1.023e6) = 63.1 with Q = 2). Its inverse gives the J/S
// tolerance at a C/N0 threshold T (T ≤ C/N0_0; −∞ at T = C/N0_0: any jamming breaks it):
//   (J/S)_tol = K + 10 log10( 10^(−T/10) − 10^(−C/N0_0/10) )
// and the free-space denial range of one jammer, inside which J/S exceeds (J/S)_tol:
//   R = λ/(4π) · 10^((ERP_J + ΔG − A − S − (J/S)_tol)/20)
// Tracking is lost when C/N0 < the tracking threshold, and regained only when C/N0 ≥ the
// (higher) acquisition threshold.
//
// Valid: free space and line of sight (the caller checks the horizon), noise (not spoofing or
// matched-spectrum) jamming, the jammer inside the receiver's RF band, powers in watts summed
// linearly over jammers. Defaults: GPS L1 C/A, S = −158.5 dBW (IS-GPS-200 minimum received power,
// [R]), K = 63 dB-Hz (C/A; ~70 for P(Y)), C/N0_0 = 45 dB-Hz, tracking 28 and acquisition 35 dB-Hz
// ([U]: typical values, no published table found), giving tolerances of 34.9 and 27.5 dB.
// Sources: Kaplan & Hegarty, Understanding GPS: Principles and Applications, 2nd ed., §6.10
// (C/N0 under jamming) [U: the book itself not consulted, form as quoted in the EW reference];
// Boldenkov, "J/S to C/N0" (rule of thumb C/N0 ≈ K − J/S, K = 63 C/A, 70 BPSK(10)); National
// Academies, The Global Positioning System (1995) (25–31 dB nulling antennas);
// /work/shared/reference/sarh-identification-ew.md §3.1 for the worked numbers.
#include "iadsim/core/error.h"

namespace iadsim {

inline constexpr double kGpsL1FrequencyHz = 1575.42e6;

struct GnssReceiverConfig {
  double signal_dbw = -158.5;               // S, received satellite power at the antenna, [-175, -120] dBW
  double k_db_hz = 63.0;                    // K of C/N0 ≈ K − J/S (C/A 63, P(Y) ~70), [40, 90] dB-Hz
  double unjammed_cn0_dbhz = 45.0;          // C/N0_0, C/N0 with no jamming, [20, 60] dB-Hz
  double tracking_threshold_dbhz = 28.0;    // tracking is lost below this C/N0, [10, 50] dB-Hz [U]
  double acquisition_threshold_dbhz = 35.0; // (re)acquisition needs at least this C/N0, dB-Hz [U];
                                            // tracking threshold <= it <= unjammed C/N0
  double antijam_db = 0.0;                  // A, nulling antenna / processing: reduces J, [0, 70] dB
  double gain_toward_jammer_db = 0.0;       // ΔG, receive gain toward a jammer minus toward the
                                            // satellites, [-40, 10] dB (below the horizon: ~ −10 or less)
  double frequency_hz = kGpsL1FrequencyHz;  // carrier, (0, 1e11] Hz
  // Every problem; paths are the scenario keys: signal, k, unjammed_cn0, tracking_threshold,
  // acquisition_threshold, antijam, gain_toward_jammer, frequency.
  Problems Validate() const;
};

// Free-space path loss 20 log10(4π R / λ) (dB), λ = c / f. range_m > 0, frequency_hz > 0 (checked).
// At L1: 10 km 116.4 dB, 50 km 130.4 dB, 200 km 142.4 dB.
double FreeSpacePathLossDb(double range_m, double frequency_hz);
// Jammer power at the receiver's antenna (dBW): ERP_J(dBW) − FSPL(R) + ΔG − A.
// jammer_erp_w > 0 (W), range_m > 0 (m); rx must be valid (checked).
double GnssJammerPowerDbw(const GnssReceiverConfig& rx, double jammer_erp_w, double range_m);
// J/S (dB) = 10 log10(J) − S for a total received jammer power J (W, the linear sum over jammers),
// total_jammer_power_w >= 0 (0 gives −∞: no jamming).
double GnssJammingToSignalDb(const GnssReceiverConfig& rx, double total_jammer_power_w);
// Effective C/N0 (dB-Hz) under noise and jamming (Kaplan's form above):
//   C/N0_eff = −10 log10(10^(−C/N0_0/10) + 10^((J/S − K)/10));  → K − J/S when jamming dominates.
// js_db may be −∞ (no jamming: C/N0_0); not NaN or +∞ (checked).
double GnssCarrierToNoiseDbHz(const GnssReceiverConfig& rx, double js_db);
// J/S tolerances (dB) at which C/N0_eff falls to the tracking / acquisition thresholds (the inverse
// of GnssCarrierToNoiseDbHz; −∞ when the threshold equals C/N0_0). Defaults: 34.9 / 27.5 dB.
double GnssTrackingToleranceDb(const GnssReceiverConfig& rx);
double GnssAcquisitionToleranceDb(const GnssReceiverConfig& rx);
// Range (m) inside which one jammer of ERP jammer_erp_w (> 0, W) drives J/S above js_tolerance_db
// (closed form, free space):  R = λ/(4π) · 10^((ERP_dBW + ΔG − A − S − JS_tol)/20).
// The inverse of the budget: J/S at this range equals js_tolerance_db. +∞ for a tolerance of −∞.
double GnssDenialRangeM(const GnssReceiverConfig& rx, double jammer_erp_w, double js_tolerance_db);

// Tracking state with hysteresis: lost when C/N0 < tracking threshold, regained when
// C/N0 >= acquisition threshold; between the two it keeps its state. Tracking initially.
class GnssTrackingState final {
 public:
  bool tracking() const { return tracking_; }
  // Feeds the current C/N0 (dB-Hz); returns true when the state changed.
  bool Update(const GnssReceiverConfig& rx, double cn0_dbhz);

 private:
  bool tracking_ = true;
};

}  // namespace iadsim
