#include "iadsim/sensors/comms_link.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "iadsim/sensors/gnss_receiver.h"

namespace iadsim {
namespace {

double Dbw(double w) { return 10.0 * std::log10(w); }

// erfc at 1, 2, 3 from Abramowitz & Stegun, Table 7.1 (10 figures).
constexpr double kErfc1 = 0.1572992070;
constexpr double kErfc2 = 0.004677734981;
constexpr double kErfc3 = 2.209049700e-5;

TEST(CommsLink, PropagationLossIsFreeSpace) {
  // 300 MHz: 100 km 122.0 dB, 200 km 128.0 dB, 300 km 131.5 dB (32.44 + 20 log d_km + 20 log f_MHz).
  EXPECT_NEAR(LinkPropagationLossDb(100e3, 300e6), 32.44 + 40.0 + 20.0 * std::log10(300.0), 1e-12);
  EXPECT_NEAR(LinkPropagationLossDb(100e3, 300e6), 122.0, 0.05);
  EXPECT_NEAR(LinkPropagationLossDb(200e3, 300e6), 128.0, 0.05);
  EXPECT_NEAR(LinkPropagationLossDb(300e3, 300e6), 131.5, 0.05);
  // Adamy's 32.44 against the exact 20 log10(4π d f / c) (32.448): within 0.01 dB anywhere.
  for (double d : {1e3, 37e3, 250e3}) {
    for (double f : {30e6, 300e6, 1575.42e6, 10e9}) {
      EXPECT_NEAR(LinkPropagationLossDb(d, f), FreeSpacePathLossDb(d, f), 0.01);
    }
  }
}

TEST(CommsLink, AdamyWorkedJammingToSignal) {
  // 300 MHz, line of sight, omni antennas (§3.3 of the EW reference):
  // jammer 1 kW at 200 km against a 100 W transmitter at 100 km → +4.0 dB.
  const double js1 = CommsJammingToSignalDb(Dbw(1e3), Dbw(100.0), LinkPropagationLossDb(200e3, 300e6),
                                            LinkPropagationLossDb(100e3, 300e6), 0.0, 0.0);
  EXPECT_NEAR(js1, 4.0, 0.05);
  // Hand: 10 dB of ERP less 20 log 2 of range = 3.98 dB.
  EXPECT_NEAR(js1, 10.0 - 20.0 * std::log10(2.0), 1e-9);
  // The same jammer at 100 km against a 10 W transmitter at 300 km → +29.5 dB (20 + 20 log 3).
  const double js2 = CommsJammingToSignalDb(Dbw(1e3), Dbw(10.0), LinkPropagationLossDb(100e3, 300e6),
                                            LinkPropagationLossDb(300e3, 300e6), 0.0, 0.0);
  EXPECT_NEAR(js2, 29.5, 0.05);
  EXPECT_NEAR(js2, 20.0 + 20.0 * std::log10(3.0), 1e-9);
  // Receive gains enter as G_RJ − G_R: a directional antenna 10 dB toward the wanted transmitter
  // and −5 dB toward the jammer takes 15 dB off.
  EXPECT_NEAR(CommsJammingToSignalDb(Dbw(1e3), Dbw(100.0), LinkPropagationLossDb(200e3, 300e6),
                                     LinkPropagationLossDb(100e3, 300e6), -5.0, 10.0),
              js1 - 15.0, 1e-12);
  // The ratio of the two Friis received powers is the same J/S.
  const double j = ReceivedPowerW(1e3, 0.0, 200e3, 300e6);
  const double s = ReceivedPowerW(100.0, 0.0, 100e3, 300e6);
  EXPECT_NEAR(Dbw(j / s), js1, 1e-9);
}

TEST(CommsLink, FriisReceivedPower) {
  // 10 W ERP at 100 km, 300 MHz (λ = 0.99931 m): 10 · (λ/(4π·1e5))² = 6.3238e-12 W (−112.0 dBW).
  EXPECT_NEAR(ReceivedPowerW(10.0, 0.0, 100e3, 300e6), 6.3238e-12, 0.0001e-12);
  EXPECT_NEAR(Dbw(ReceivedPowerW(10.0, 0.0, 100e3, 300e6)), Dbw(10.0) - LinkPropagationLossDb(100e3, 300e6), 0.01);
  // Receive gain and losses in dB, range squared.
  EXPECT_NEAR(ReceivedPowerW(10.0, 6.0, 100e3, 300e6, 2.0) / ReceivedPowerW(10.0, 0.0, 100e3, 300e6),
              std::pow(10.0, 0.4), 1e-12);
  EXPECT_NEAR(ReceivedPowerW(10.0, 0.0, 50e3, 300e6) / ReceivedPowerW(10.0, 0.0, 100e3, 300e6), 4.0, 1e-12);
}

TEST(CommsLink, ThermalNoise) {
  // k T0 = 1.380649e-23 · 290 = 4.0039e-21 W/Hz (−174 dBm/Hz); 25 kHz, F = 5 dB (×3.1623):
  // 3.1653e-16 W = −125.0 dBm.
  const RadioConfig rx;
  EXPECT_NEAR(ReceiverNoiseW(rx), 3.16535e-16, 0.00001e-16);
  EXPECT_NEAR(Dbw(ReceiverNoiseW(rx)) + 30.0, -125.0, 0.05);
}

TEST(CommsLink, SinrWithProcessingGain) {
  EXPECT_DOUBLE_EQ(LinkSinr(1e-12, 1e-13, 0.0, 0.0), 10.0);   // no jamming: SNR
  EXPECT_DOUBLE_EQ(LinkSinr(1e-12, 1e-13, 9e-13, 0.0), 1.0);  // S / (N + J)
  // 30 dB processing gain divides J by 1000: 1e-12 / (1e-13 + 1e-15) = 9.90099.
  EXPECT_NEAR(LinkSinr(1e-12, 1e-13, 1e-12, 30.0), 1.0 / 0.101, 1e-9);
}

TEST(CommsLink, BpskBitErrorRate) {
  EXPECT_DOUBLE_EQ(BpskBitErrorRate(0.0), 0.5);
  // ½ erfc(1) at Eb/N0 = 0 dB: 0.0786.
  EXPECT_NEAR(BpskBitErrorRate(1.0), kErfc1 / 2.0, 1e-10);
  EXPECT_NEAR(BpskBitErrorRate(1.0), 0.0786, 0.00005);
  EXPECT_NEAR(BpskBitErrorRate(4.0), kErfc2 / 2.0, 1e-12);
  EXPECT_NEAR(BpskBitErrorRate(9.0), kErfc3 / 2.0, 1e-14);
  // The textbook anchor: Pb = 1e-5 at Eb/N0 = 9.6 dB (Sklar) — 0.97e-5 exactly.
  EXPECT_NEAR(BpskBitErrorRate(std::pow(10.0, 0.96)), 1.0e-5, 0.05e-5);
}

TEST(CommsLink, MessageLossAgainstHandValues) {
  // B = Rb makes Eb/N0 = SINR; then 1 − (1 − ½erfc(√x))^n by hand with the tabulated erfc.
  RadioConfig rx;
  rx.bandwidth_hz = 16e3;
  rx.data_rate_bps = 16e3;
  rx.message_bits = 8;
  EXPECT_NEAR(MessageLossProbability(rx, 1.0), 1.0 - std::pow(1.0 - kErfc1 / 2.0, 8), 1e-9);
  EXPECT_NEAR(MessageLossProbability(rx, 1.0), 0.480724, 1e-6);
  rx.message_bits = 256;
  EXPECT_NEAR(MessageLossProbability(rx, 9.0), 1.0 - std::pow(1.0 - kErfc3 / 2.0, 256), 1e-12);
  EXPECT_NEAR(MessageLossProbability(rx, 9.0), 2.82361e-3, 1e-8);  // ≈ 256 Pb − C(256,2) Pb²
  // Defaults (25 kHz, 16 kbit/s): Eb/N0 = 1.5625 SINR; SINR 2.56 gives Eb/N0 = 4.
  const RadioConfig def;
  EXPECT_NEAR(MessageLossProbability(def, 2.56), 1.0 - std::pow(1.0 - kErfc2 / 2.0, 256), 1e-9);
  EXPECT_NEAR(MessageLossProbability(def, 2.56), 0.450887, 1e-6);
  // One bit: the bit error rate; no SINR at all: a coin per bit.
  rx.message_bits = 1;
  EXPECT_NEAR(MessageLossProbability(rx, 9.0), kErfc3 / 2.0, 1e-14);
  EXPECT_NEAR(MessageLossProbability(rx, 0.0), 0.5, 1e-15);
}

TEST(CommsLink, MessageLossIsMonotone) {
  RadioConfig rx;
  double previous = 1.0 + 1e-12;
  for (double sinr_db = -20.0; sinr_db <= 20.0; sinr_db += 0.5) {
    const double p = MessageLossProbability(rx, std::pow(10.0, sinr_db / 10.0));
    EXPECT_GE(p, 0.0);
    EXPECT_LE(p, previous);
    previous = p;
  }
  EXPECT_LT(previous, 1e-12);  // 20 dB: practically never lost
  double shorter = 0.0;
  for (int bits : {1, 16, 256, 4096, 1000000}) {
    rx.message_bits = bits;
    const double p = MessageLossProbability(rx, 3.0);
    EXPECT_GT(p, shorter);
    shorter = p;
  }
}

TEST(CommsLink, JammedLinkEndToEnd) {
  // A 10 W radio at 100 km and a 1 kW jammer 200 km from the receiver, 300 MHz, omni antennas.
  const RadioConfig rx;
  const double s = ReceivedPowerW(10.0, rx.gain_db, 100e3, rx.frequency_hz, rx.losses_db);
  const double j = ReceivedPowerW(1e3, rx.gain_db, 200e3, rx.frequency_hz, rx.losses_db);
  const double n = ReceiverNoiseW(rx);
  // J/S = 20 dB of ERP − 6.02 dB of range = +13.98 dB, S/N = 43 dB: SINR −14 dB, the link is lost.
  EXPECT_NEAR(Dbw(j / s), 20.0 - 20.0 * std::log10(2.0), 1e-9);
  EXPECT_GT(MessageLossProbability(rx, LinkSinr(s, n, j, 0.0)), 0.999);
  // 30 dB of spreading gain brings it back (SINR = +16 dB → Eb/N0 = 18 dB).
  EXPECT_LT(MessageLossProbability(rx, LinkSinr(s, n, j, 30.0)), 1e-12);
}

TEST(CommsLink, ValidateNamesEveryProblem) {
  EXPECT_TRUE(RadioConfig{}.Validate().empty());
  RadioConfig bad;
  bad.power_w = -5.0;
  bad.gain_db = 60.0;
  bad.frequency_hz = 2e11;
  bad.bandwidth_hz = 0.0;
  bad.noise_figure_db = -1.0;
  bad.losses_db = 51.0;
  bad.data_rate_bps = -1.0;
  bad.message_bits = 0;
  bad.processing_gain_db = 61.0;
  const Problems p = bad.Validate();
  std::string paths;
  for (const Problem& q : p) paths += q.path + ";";
  EXPECT_EQ(paths, "power;gain;frequency;bandwidth;noise_figure;losses;data_rate;message_bits;processing_gain;");
  EXPECT_EQ(p[0].message, "must be > 0 (got -5 W)");
  EXPECT_EQ(p[7].message, "must be in [1, 1000000] (got 0)");
}

}  // namespace
}  // namespace iadsim
