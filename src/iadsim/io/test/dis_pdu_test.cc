#include "iadsim/io/dis_pdu.h"

#include <gtest/gtest.h>

#include <Eigen/Geometry>
#include <cmath>

namespace iadsim {
namespace {

constexpr double kDeg = M_PI / 180.0;

std::uint16_t U16(const std::vector<std::uint8_t>& b, std::size_t at) { return static_cast<std::uint16_t>(b[at] << 8 | b[at + 1]); }

TEST(DisPdu, HeaderAndLengthsAreThoseOf1278_1) {
  // 1278.1-2012: ESPDU 144 bytes (no variable parameters), Fire 96, Detonation 104.
  const auto es = EncodeEntityState(DisEntityState{}, 9, 0.0);
  const auto fire = EncodeFire(DisFire{}, 9, 0.0);
  const auto det = EncodeDetonation(DisDetonation{}, 9, 0.0);
  for (const auto* pdu : {&es, &fire, &det}) {
    EXPECT_EQ((*pdu)[0], 7);  // protocol version 7
    EXPECT_EQ((*pdu)[1], 9);  // exercise
    EXPECT_EQ(U16(*pdu, 8), pdu->size());
  }
  EXPECT_EQ(es.size(), 144U);
  EXPECT_EQ(fire.size(), 96U);
  EXPECT_EQ(det.size(), 104U);
  EXPECT_EQ(es[2], 1);  // types and families: ESPDU entity information, Fire/Detonation warfare
  EXPECT_EQ(es[3], 1);
  EXPECT_EQ(fire[2], 2);
  EXPECT_EQ(fire[3], 2);
  EXPECT_EQ(det[2], 3);
  EXPECT_EQ(det[3], 2);
}

TEST(DisPdu, FieldsAreBigEndianAtTheirOffsets) {
  DisEntityState s;
  s.id = {0x0102, 0x0304, 0x0506};
  s.p_ecef = Vec3(1.0, -2.0, 0.0);
  s.marking = "ABCDEFGHIJKLMN";  // cut to 11
  const auto b = EncodeEntityState(s, 1, 0.0);
  EXPECT_EQ(U16(b, 12), 0x0102);
  EXPECT_EQ(U16(b, 16), 0x0506);
  // 1.0 as IEEE 754 binary64 = 3FF0 0000 0000 0000; -2.0 = C000 0000 0000 0000 (location at 48).
  const std::vector<std::uint8_t> one{0x3F, 0xF0, 0, 0, 0, 0, 0, 0}, minus_two{0xC0, 0, 0, 0, 0, 0, 0, 0};
  EXPECT_EQ(std::vector<std::uint8_t>(b.begin() + 48, b.begin() + 56), one);
  EXPECT_EQ(std::vector<std::uint8_t>(b.begin() + 56, b.begin() + 64), minus_two);
  EXPECT_EQ(b[128], 1);  // marking character set ASCII
  EXPECT_EQ(std::string(b.begin() + 129, b.begin() + 140), "ABCDEFGHIJK");
}

TEST(DisPdu, RelativeTimestampCountsUnitsOf3600sOver2To31) {
  EXPECT_EQ(DisTimestamp(0.0), 0U);
  EXPECT_EQ(DisTimestamp(1800.0), 0x80000000U);     // half an hour: 2^30 units, shifted left, bit 0 = 0
  EXPECT_EQ(DisTimestamp(3600.0 + 900.0), 0x40000000U);  // past the hour only
}

TEST(DisPdu, OrientationAtEquatorMeridianClosedForm) {
  // At lat 0, lon 0: east = +Y, north = +Z, up = +X (ECEF). A level body heading h (0..180 deg)
  // has forward (0, sin h, cos h): psi = 90 deg, theta = h - 90 deg; down = -X: phi = -90 deg.
  for (double h : {45.0, 90.0, 135.0}) {
    const DisEuler e = DisOrientation(0.0, 0.0, h, 0.0, 0.0);
    EXPECT_NEAR(e.psi_rad, 90.0 * kDeg, 1e-12) << h;
    EXPECT_NEAR(e.theta_rad, (h - 90.0) * kDeg, 1e-12) << h;
    EXPECT_NEAR(e.phi_rad, -90.0 * kDeg, 1e-12) << h;
  }
}

TEST(DisPdu, EulerAnglesRebuildTheBodyAxes) {
  // R = Rz(psi) Ry(theta) Rx(phi) must carry body x to the forward direction and body z to the
  // local down, expressed in ECEF (built here from the lat/lon formulas, not from geodetic.h).
  for (const auto& [lat, lon, h, p, r] : std::vector<std::array<double, 5>>{
           {35.4, 35.9, 270.0, 5.0, 0.0}, {-33.9, 151.2, 10.0, -20.0, 30.0}, {60.0, -120.0, 135.0, 0.0, -45.0}}) {
    const DisEuler e = DisOrientation(lat, lon, h, p, r);
    const Eigen::Matrix3d R = (Eigen::AngleAxisd(e.psi_rad, Vec3::UnitZ()) * Eigen::AngleAxisd(e.theta_rad, Vec3::UnitY()) *
                               Eigen::AngleAxisd(e.phi_rad, Vec3::UnitX()))
                                  .toRotationMatrix();
    const double la = lat * kDeg, lo = lon * kDeg;
    const Vec3 east(-std::sin(lo), std::cos(lo), 0.0);
    const Vec3 north(-std::sin(la) * std::cos(lo), -std::sin(la) * std::sin(lo), std::cos(la));
    const Vec3 up(std::cos(la) * std::cos(lo), std::cos(la) * std::sin(lo), std::sin(la));
    const Vec3 fwd = std::cos(p * kDeg) * (std::sin(h * kDeg) * east + std::cos(h * kDeg) * north) + std::sin(p * kDeg) * up;
    EXPECT_LT((R * Vec3::UnitX() - fwd).norm(), 1e-12);
    // Roll: the right wing dips by r below the horizontal: (R y) . up = -sin r cos... for level p=0.
    if (p == 0.0) {
      EXPECT_NEAR((R * Vec3::UnitY()).dot(up), -std::sin(r * kDeg), 1e-12);
    }
    if (r == 0.0) {
      EXPECT_NEAR((R * Vec3::UnitY()).dot(up), 0.0, 1e-12);
    }
  }
}

}  // namespace
}  // namespace iadsim
