#include "iadsim/sensors/radar_warning_receiver.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "iadsim/sensors/gnss_receiver.h"

namespace iadsim {
namespace {

TEST(RadarWarningReceiver, OneWayPowerByHand) {
  // 1 MW ERP at 10 GHz (λ = 2.998 cm), 100 km, 0 dBi: 1e6 · (λ/(4π·1e5))² = 5.6914e-10 W (−92.45 dBW).
  const RwrConfig rwr;
  EXPECT_NEAR(EmitterPowerAtRwrW(rwr, 1e6, 100e3, 10e9), 5.69143e-10, 0.00001e-10);
  EXPECT_NEAR(10.0 * std::log10(EmitterPowerAtRwrW(rwr, 1e6, 100e3, 10e9)),
              60.0 - FreeSpacePathLossDb(100e3, 10e9), 1e-9);
  // The RWR's gain in dB, range squared.
  RwrConfig gained;
  gained.gain_db = 10.0;
  EXPECT_NEAR(EmitterPowerAtRwrW(gained, 1e6, 100e3, 10e9) / EmitterPowerAtRwrW(rwr, 1e6, 100e3, 10e9), 10.0, 1e-12);
  EXPECT_NEAR(EmitterPowerAtRwrW(rwr, 1e6, 50e3, 10e9) / EmitterPowerAtRwrW(rwr, 1e6, 100e3, 10e9), 4.0, 1e-12);
}

TEST(RadarWarningReceiver, DetectionRangeByHand) {
  // 1 MW at 10 GHz, 0 dBi, −100 dBW: R = λ/(4π) · √(1e6 / 1e-10) = 2.3857e-3 · 1e8 = 238.57 km.
  const RwrConfig rwr;
  EXPECT_NEAR(RwrDetectionRangeM(rwr, 1e6, 10e9), 238567.3, 0.5);
  // A 100 W sidelobe ERP at 3 GHz, RWR gain 3 dBi, −100 dBW: 11.23 km.
  RwrConfig rwr3;
  rwr3.gain_db = 3.0;
  EXPECT_NEAR(RwrDetectionRangeM(rwr3, 100.0, 3e9), 11232.8, 0.5);
  // 6 dB more sensitivity doubles the range (R ∝ S^(−1/2)); 100× the ERP, ×10.
  RwrConfig sharper;
  sharper.sensitivity_dbw = -100.0 - 20.0 * std::log10(2.0);
  EXPECT_NEAR(RwrDetectionRangeM(sharper, 1e6, 10e9) / RwrDetectionRangeM(rwr, 1e6, 10e9), 2.0, 1e-12);
  EXPECT_NEAR(RwrDetectionRangeM(rwr, 1e8, 10e9) / RwrDetectionRangeM(rwr, 1e6, 10e9), 10.0, 1e-12);
}

TEST(RadarWarningReceiver, DetectionRangeRoundTripsWithHears) {
  // Hears at R − 1 m, not at R + 1 m; the power at R equals the sensitivity.
  for (double sens : {-130.0, -100.0, -60.0}) {
    for (double gain : {-10.0, 0.0, 6.0}) {
      for (double erp : {10.0, 1e4, 1e7}) {
        for (double f : {1e9, 9.4e9, 17e9}) {
          RwrConfig rwr;
          rwr.sensitivity_dbw = sens;
          rwr.gain_db = gain;
          const double r = RwrDetectionRangeM(rwr, erp, f);
          if (r <= 2.0) continue;  // the far field of this closed form is not meant for a metre
          EXPECT_TRUE(RwrHears(rwr, erp, r - 1.0, f)) << sens << " " << gain << " " << erp << " " << f;
          EXPECT_FALSE(RwrHears(rwr, erp, r + 1.0, f)) << sens << " " << gain << " " << erp << " " << f;
          EXPECT_NEAR(10.0 * std::log10(EmitterPowerAtRwrW(rwr, erp, r, f)), sens, 1e-9);
        }
      }
    }
  }
}

TEST(RadarWarningReceiver, BandLimits) {
  const RwrConfig rwr;  // 0.5–18 GHz
  // A strong emitter close in, out of band: never heard, zero range.
  EXPECT_FALSE(RwrHears(rwr, 1e6, 1e3, 0.3e9));
  EXPECT_FALSE(RwrHears(rwr, 1e6, 1e3, 35e9));
  EXPECT_EQ(RwrDetectionRangeM(rwr, 1e6, 35e9), 0.0);
  // Band edges are inside.
  EXPECT_TRUE(RwrHears(rwr, 1e6, 1e3, 0.5e9));
  EXPECT_TRUE(RwrHears(rwr, 1e6, 1e3, 18e9));
  // A silent emitter is not heard.
  EXPECT_FALSE(RwrHears(rwr, 0.0, 1e3, 10e9));
  EXPECT_EQ(RwrDetectionRangeM(rwr, 0.0, 10e9), 0.0);
}

TEST(RadarWarningReceiver, ValidateNamesEveryProblem) {
  EXPECT_TRUE(RwrConfig{}.Validate().empty());
  RwrConfig bad;
  bad.sensitivity_dbw = -20.0;
  bad.gain_db = 25.0;
  bad.min_frequency_hz = 18e9;
  bad.max_frequency_hz = 2e9;
  const Problems p = bad.Validate();
  std::string paths;
  for (const Problem& q : p) paths += q.path + ";";
  EXPECT_EQ(paths, "sensitivity;gain;band;");
  EXPECT_EQ(p[0].message, "must be in [-160, -30] dBW (got -20 dBW)");
  RwrConfig zero;
  zero.min_frequency_hz = 0.0;
  ASSERT_EQ(zero.Validate().size(), 1u);
  EXPECT_EQ(zero.Validate()[0].path, "band");
}

}  // namespace
}  // namespace iadsim
