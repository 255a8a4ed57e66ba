#include "iadsim/sensors/gnss_receiver.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

namespace iadsim {
namespace {

// Numbers of /work/shared/reference/sarh-identification-ew.md §3.1 (GPS L1 C/A, S = −158.5 dBW).

GnssReceiverConfig WithGainTowardJammer(double delta_g_db) {
  GnssReceiverConfig rx;
  rx.gain_toward_jammer_db = delta_g_db;
  return rx;
}

double DbwToW(double dbw) { return std::pow(10.0, dbw / 10.0); }

TEST(GnssReceiver, FreeSpacePathLossAtL1) {
  // λ = 0.1903 m: 10 km 116.4, 50 km 130.4, 100 km 136.4, 200 km 142.4, 400 km 148.4 dB.
  EXPECT_NEAR(FreeSpacePathLossDb(10e3, kGpsL1FrequencyHz), 116.4, 0.05);
  EXPECT_NEAR(FreeSpacePathLossDb(50e3, kGpsL1FrequencyHz), 130.4, 0.05);
  EXPECT_NEAR(FreeSpacePathLossDb(100e3, kGpsL1FrequencyHz), 136.4, 0.05);
  EXPECT_NEAR(FreeSpacePathLossDb(200e3, kGpsL1FrequencyHz), 142.4, 0.05);
  EXPECT_NEAR(FreeSpacePathLossDb(400e3, kGpsL1FrequencyHz), 148.4, 0.05);
  // 20 dB per decade of range (exact).
  EXPECT_NEAR(FreeSpacePathLossDb(1e5, 1e9) - FreeSpacePathLossDb(1e4, 1e9), 20.0, 1e-12);
}

TEST(GnssReceiver, JammingToSignalOfTheReferenceErp) {
  // ERP 6.9 dBW at 50 km, ΔG = 0, gives J/S = 35 dB (to the 0.05 dB rounding of 6.9 and of FSPL).
  const GnssReceiverConfig rx;
  const double j_dbw = GnssJammerPowerDbw(rx, DbwToW(6.9), 50e3);
  EXPECT_NEAR(j_dbw, 6.9 - 130.4, 0.05);
  EXPECT_NEAR(GnssJammingToSignalDb(rx, DbwToW(j_dbw)), 35.0, 0.05);
  // No jammer: −∞, and C/N0 is the unjammed value.
  EXPECT_EQ(GnssJammingToSignalDb(rx, 0.0), -std::numeric_limits<double>::infinity());
  EXPECT_DOUBLE_EQ(GnssCarrierToNoiseDbHz(rx, -std::numeric_limits<double>::infinity()), 45.0);
  // Powers add linearly over jammers: two equal jammers are +3.01 dB.
  EXPECT_NEAR(GnssJammingToSignalDb(rx, 2.0 * DbwToW(j_dbw)) - GnssJammingToSignalDb(rx, DbwToW(j_dbw)),
              10.0 * std::log10(2.0), 1e-12);
  // ΔG and the anti-jam nulling enter dB for dB.
  GnssReceiverConfig protected_rx = WithGainTowardJammer(-10.0);
  protected_rx.antijam_db = 25.0;
  EXPECT_NEAR(GnssJammerPowerDbw(protected_rx, 100.0, 50e3), GnssJammerPowerDbw(rx, 100.0, 50e3) - 35.0, 1e-12);
}

TEST(GnssReceiver, DenialRangeInvertsTheReferenceErpTable) {
  // ERP for J/S 35 dB: 50 km 4.9 W, 200 km 78 W, 400 km 310 W at ΔG = 0; 48.7 W, 780 W, 3.1 kW at
  // ΔG = −10 dB. The ERPs are rounded to 2–3 figures (≤ 0.6 % in power, ≤ 0.3 % in range).
  struct Row {
    double range_m, erp_w, delta_g_db;
  };
  for (const Row& row : {Row{50e3, 4.9, 0.0}, Row{200e3, 78.0, 0.0}, Row{400e3, 310.0, 0.0},
                         Row{50e3, 48.7, -10.0}, Row{200e3, 780.0, -10.0}, Row{400e3, 3100.0, -10.0}}) {
    const GnssReceiverConfig rx = WithGainTowardJammer(row.delta_g_db);
    EXPECT_NEAR(GnssDenialRangeM(rx, row.erp_w, 35.0), row.range_m, 0.004 * row.range_m)
        << row.erp_w << " W, ΔG " << row.delta_g_db;
  }
  // ΔG −10 dB needs exactly ×10 the ERP for the same range.
  EXPECT_NEAR(GnssDenialRangeM(WithGainTowardJammer(-10.0), 780.0, 35.0),
              GnssDenialRangeM(GnssReceiverConfig{}, 78.0, 35.0), 1e-6);
  // J/S 60 dB (P(Y) + aiding + 25 dB nulls): 1.5 kW at 50 km, 25 kW at 200 km (2 figures: ≤ 2 %).
  EXPECT_NEAR(GnssDenialRangeM(GnssReceiverConfig{}, 1.5e3, 60.0), 50e3, 0.02 * 50e3);
  EXPECT_NEAR(GnssDenialRangeM(GnssReceiverConfig{}, 25e3, 60.0), 200e3, 0.02 * 200e3);
  // The same via the anti-jam field: 25 dB of nulls against a 35 dB tolerance.
  GnssReceiverConfig nulled;
  nulled.antijam_db = 25.0;
  EXPECT_NEAR(GnssDenialRangeM(nulled, 1.5e3, 35.0), GnssDenialRangeM(GnssReceiverConfig{}, 1.5e3, 60.0), 1e-6);
}

TEST(GnssReceiver, DenialRangeRoundTripsThroughTheBudget) {
  // At the denial range the J/S from the power budget equals the tolerance.
  GnssReceiverConfig rx = WithGainTowardJammer(-7.0);
  rx.antijam_db = 12.0;
  rx.signal_dbw = -155.0;
  for (double erp_w : {1.0, 40.0, 2e4}) {
    for (double tol_db : {20.0, 35.0, 50.0}) {
      const double r = GnssDenialRangeM(rx, erp_w, tol_db);
      const double js = GnssJammingToSignalDb(rx, DbwToW(GnssJammerPowerDbw(rx, erp_w, r)));
      EXPECT_NEAR(js, tol_db, 1e-9);
    }
  }
}

TEST(GnssReceiver, CarrierToNoiseTendsToKMinusJs) {
  const GnssReceiverConfig rx;  // K 63, C/N0_0 45 dB-Hz
  // Jamming dominant: K − J/S (the rule of thumb) less 10 log10(1 + 10^((K − J/S − C/N0_0)/10)):
  // 0.0027 dB at J/S 50 dB (−32 dB), 0.00027 dB at 60 dB (−42 dB).
  EXPECT_NEAR(GnssCarrierToNoiseDbHz(rx, 50.0), 13.0 - 0.00274, 1e-5);
  EXPECT_NEAR(GnssCarrierToNoiseDbHz(rx, 60.0), 3.0 - 0.000274, 1e-6);
  EXPECT_NEAR(GnssCarrierToNoiseDbHz(rx, 80.0), -17.0, 3e-6);
  // Equal noise and jamming terms (J/S = K − C/N0_0 = 18 dB): 3.0103 dB below C/N0_0.
  EXPECT_NEAR(GnssCarrierToNoiseDbHz(rx, 18.0), 45.0 - 10.0 * std::log10(2.0), 1e-12);
  // Weak jamming leaves C/N0_0; the effect only grows with J/S.
  // (−20 dB: the jamming term is 38 dB below the noise term, 0.0007 dB.)
  EXPECT_NEAR(GnssCarrierToNoiseDbHz(rx, -20.0), 45.0 - 0.000688, 1e-6);
  double previous = 1e9;
  for (double js = -30.0; js <= 80.0; js += 1.0) {
    const double cn0 = GnssCarrierToNoiseDbHz(rx, js);
    EXPECT_LT(cn0, previous);
    EXPECT_LE(cn0, std::min(45.0, rx.k_db_hz - js) + 1e-12);
    previous = cn0;
  }
}

TEST(GnssReceiver, TolerancesOfTheReferenceTable) {
  // Kaplan's form with K = 10 log10(Q · 1.023e6), C/N0_0 = 45 dB-Hz: the reference's table
  // (tracking 28, 33, acquisition 35 dB-Hz × Q = 1, 1.5, 2), to its 0.1 dB rounding.
  const double table[3][3] = {{32.0, 33.8, 35.0}, {26.8, 28.6, 29.8}, {24.6, 26.4, 27.7}};
  const double thresholds[3] = {28.0, 33.0, 35.0};
  const double qs[3] = {1.0, 1.5, 2.0};
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < 3; ++j) {
      GnssReceiverConfig rx;
      rx.k_db_hz = 10.0 * std::log10(qs[j] * 1.023e6);
      rx.tracking_threshold_dbhz = thresholds[i];
      rx.acquisition_threshold_dbhz = thresholds[i];
      EXPECT_NEAR(GnssTrackingToleranceDb(rx), table[i][j], 0.06) << thresholds[i] << " dB-Hz, Q " << qs[j];
      EXPECT_NEAR(GnssAcquisitionToleranceDb(rx), table[i][j], 0.06);
    }
  }
  // Defaults (K 63): C/A tracks to J/S ≈ 35 dB and acquires to ≈ 27.5 dB.
  const GnssReceiverConfig rx;
  EXPECT_NEAR(GnssTrackingToleranceDb(rx), 35.0, 0.1);
  EXPECT_NEAR(GnssAcquisitionToleranceDb(rx), 27.54, 0.01);
}

TEST(GnssReceiver, ToleranceInvertsCarrierToNoise) {
  // C/N0 at the tolerance equals the threshold.
  for (double k : {60.0, 63.0, 70.0}) {
    for (double thr : {20.0, 28.0, 35.0, 44.0}) {
      GnssReceiverConfig rx;
      rx.k_db_hz = k;
      rx.tracking_threshold_dbhz = thr;
      rx.acquisition_threshold_dbhz = thr;
      EXPECT_NEAR(GnssCarrierToNoiseDbHz(rx, GnssTrackingToleranceDb(rx)), thr, 1e-9);
      EXPECT_NEAR(GnssCarrierToNoiseDbHz(rx, GnssAcquisitionToleranceDb(rx)), thr, 1e-9);
    }
  }
  // A threshold equal to the unjammed C/N0 tolerates no jamming at all.
  GnssReceiverConfig edge;
  edge.acquisition_threshold_dbhz = edge.unjammed_cn0_dbhz;
  EXPECT_EQ(GnssAcquisitionToleranceDb(edge), -std::numeric_limits<double>::infinity());
  EXPECT_EQ(GnssDenialRangeM(edge, 1.0, GnssAcquisitionToleranceDb(edge)), std::numeric_limits<double>::infinity());
}

TEST(GnssReceiver, TrackingHysteresis) {
  const GnssReceiverConfig rx;  // lost below 28, regained at >= 35 dB-Hz
  GnssTrackingState s;
  EXPECT_TRUE(s.tracking());
  EXPECT_FALSE(s.Update(rx, 30.0));  // above the tracking threshold: keeps tracking
  EXPECT_TRUE(s.tracking());
  EXPECT_FALSE(s.Update(rx, 28.0));  // at the threshold: not below it
  EXPECT_TRUE(s.Update(rx, 27.9));   // lost
  EXPECT_FALSE(s.tracking());
  EXPECT_FALSE(s.Update(rx, 30.0));  // between the thresholds: stays lost
  EXPECT_FALSE(s.Update(rx, 34.99));
  EXPECT_FALSE(s.tracking());
  EXPECT_TRUE(s.Update(rx, 35.0));   // reacquired at the acquisition threshold
  EXPECT_TRUE(s.tracking());
  EXPECT_FALSE(s.Update(rx, 34.0));  // between: keeps tracking
  EXPECT_TRUE(s.tracking());
  // Driven by a jammer closing in: lost where J/S passes the tracking tolerance (34.9 dB), back only
  // once J/S falls below the acquisition tolerance (27.5 dB).
  GnssTrackingState t;
  EXPECT_FALSE(t.Update(rx, GnssCarrierToNoiseDbHz(rx, 34.8)));
  EXPECT_TRUE(t.Update(rx, GnssCarrierToNoiseDbHz(rx, 35.0)));
  EXPECT_FALSE(t.Update(rx, GnssCarrierToNoiseDbHz(rx, 28.0)));
  EXPECT_TRUE(t.Update(rx, GnssCarrierToNoiseDbHz(rx, 27.4)));
}

TEST(GnssReceiver, ValidateNamesEveryProblem) {
  EXPECT_TRUE(GnssReceiverConfig{}.Validate().empty());
  GnssReceiverConfig bad;
  bad.signal_dbw = -180.0;
  bad.k_db_hz = 30.0;
  bad.unjammed_cn0_dbhz = 65.0;
  bad.tracking_threshold_dbhz = 5.0;
  bad.acquisition_threshold_dbhz = 70.0;  // above unjammed C/N0
  bad.antijam_db = -1.0;
  bad.gain_toward_jammer_db = 20.0;
  bad.frequency_hz = 0.0;
  const Problems p = bad.Validate();
  std::string paths;
  for (const Problem& q : p) paths += q.path + ";";
  EXPECT_EQ(paths,
            "signal;k;unjammed_cn0;tracking_threshold;acquisition_threshold;antijam;gain_toward_jammer;frequency;");
  EXPECT_EQ(p[0].message, "must be in [-175, -120] dBW (got -180 dBW)");
  EXPECT_EQ(p[7].message, "must be in (0, 1e11] Hz (got 0 Hz)");
  GnssReceiverConfig inverted;
  inverted.acquisition_threshold_dbhz = 25.0;  // below tracking 28
  ASSERT_EQ(inverted.Validate().size(), 1u);
  EXPECT_EQ(inverted.Validate()[0].path, "acquisition_threshold");
  GnssReceiverConfig nan_config;
  nan_config.k_db_hz = std::nan("");
  ASSERT_EQ(nan_config.Validate().size(), 1u);
  EXPECT_EQ(nan_config.Validate()[0].path, "k");
}

}  // namespace
}  // namespace iadsim
