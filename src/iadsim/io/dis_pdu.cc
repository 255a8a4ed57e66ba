#include "iadsim/io/dis_pdu.h"

#include <Eigen/Geometry>
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

#include "iadsim/core/error.h"

namespace iadsim {
namespace {

constexpr std::uint8_t kProtocolVersion = 7;
constexpr double kDeg = M_PI / 180.0;

class Writer final {
 public:
  void U8(std::uint8_t v) { b_.push_back(v); }
  void U16(std::uint16_t v) {
    U8(static_cast<std::uint8_t>(v >> 8));
    U8(static_cast<std::uint8_t>(v));
  }
  void U32(std::uint32_t v) {
    U16(static_cast<std::uint16_t>(v >> 16));
    U16(static_cast<std::uint16_t>(v));
  }
  void U64(std::uint64_t v) {
    U32(static_cast<std::uint32_t>(v >> 32));
    U32(static_cast<std::uint32_t>(v));
  }
  void F32(double v) { U32(std::bit_cast<std::uint32_t>(static_cast<float>(v))); }
  void F64(double v) { U64(std::bit_cast<std::uint64_t>(v)); }
  void Vec32(const Vec3& v) {
    for (int i = 0; i < 3; ++i) F32(v[i]);
  }
  void Vec64(const Vec3& v) {
    for (int i = 0; i < 3; ++i) F64(v[i]);
  }
  void Id(const DisEntityId& id) {
    U16(id.site);
    U16(id.application);
    U16(id.entity);
  }
  void Type(const DisEntityType& t) {
    U8(t.kind);
    U8(t.domain);
    U16(t.country);
    U8(t.category);
    U8(t.subcategory);
    U8(t.specific);
    U8(t.extra);
  }
  void Header(DisPduType type, std::uint8_t family, std::uint8_t exercise, double t_s) {
    U8(kProtocolVersion);
    U8(exercise);
    U8(static_cast<std::uint8_t>(type));
    U8(family);
    U32(DisTimestamp(t_s));
    U16(0);  // length, patched by Done()
    U8(0);   // PDU status
    U8(0);   // padding
  }
  std::vector<std::uint8_t> Done(std::size_t expected) {
    IADSIM_CHECK(b_.size() == expected, "DIS PDU length differs from the standard's");
    b_[8] = static_cast<std::uint8_t>(b_.size() >> 8);
    b_[9] = static_cast<std::uint8_t>(b_.size());
    return std::move(b_);
  }

 private:
  std::vector<std::uint8_t> b_;
};

}  // namespace

std::uint32_t DisTimestamp(double t_s) {
  const double past_hour = std::fmod(std::max(t_s, 0.0), 3600.0);
  const auto units = static_cast<std::uint32_t>(std::min(past_hour / 3600.0 * 2147483648.0, 2147483647.0));
  return units << 1;  // bit 0 = 0: relative
}

DisEuler DisOrientation(double lat_deg, double lon_deg, double heading_deg, double pitch_deg, double roll_deg) {
  const double h = heading_deg * kDeg, p = pitch_deg * kDeg, r = roll_deg * kDeg;
  // Body axes in ENU: forward, right and down of a level body (roll 0), then rolled about forward.
  const Vec3 f(std::cos(p) * std::sin(h), std::cos(p) * std::cos(h), std::sin(p));
  const Vec3 r0(std::cos(h), -std::sin(h), 0.0);
  const Vec3 d0 = f.cross(r0);
  const Vec3 y = std::cos(r) * r0 + std::sin(r) * d0;
  const Vec3 z = -std::sin(r) * r0 + std::cos(r) * d0;
  const Eigen::Matrix3d ecef_from_enu = EnuFromEcefRotation(lat_deg, lon_deg).transpose();
  const Vec3 xe = ecef_from_enu * f, ye = ecef_from_enu * y, ze = ecef_from_enu * z;
  // R_ecef_from_body = Rz(psi) Ry(theta) Rx(phi): column 1 = xe, row 3 = (-sin theta, ...).
  DisEuler e;
  e.psi_rad = std::atan2(xe.y(), xe.x());
  e.theta_rad = std::asin(std::clamp(-xe.z(), -1.0, 1.0));
  e.phi_rad = std::atan2(ye.z(), ze.z());
  return e;
}

std::vector<std::uint8_t> EncodeEntityState(const DisEntityState& s, std::uint8_t exercise, double t_s) {
  Writer w;
  w.Header(DisPduType::kEntityState, 1, exercise, t_s);
  w.Id(s.id);
  w.U8(s.force_id);
  w.U8(0);  // number of variable parameter records
  w.Type(s.type);
  w.Type(s.type);  // alternative entity type: the same
  w.Vec32(s.v_ecef);
  w.Vec64(s.p_ecef);
  w.F32(s.orientation.psi_rad);
  w.F32(s.orientation.theta_rad);
  w.F32(s.orientation.phi_rad);
  w.U32(s.appearance);
  w.U8(2);  // dead reckoning algorithm: DRM(F, P, W)
  for (int i = 0; i < 15; ++i) w.U8(0);
  w.Vec32(Vec3::Zero());  // linear acceleration
  w.Vec32(Vec3::Zero());  // angular velocity
  w.U8(1);                // marking character set: ASCII
  for (std::size_t i = 0; i < 11; ++i) {
    const unsigned char c = i < s.marking.size() ? static_cast<unsigned char>(s.marking[i]) : 0;
    w.U8(c >= 0x80 ? '?' : c);
  }
  w.U32(0);  // capabilities
  return w.Done(144);
}

std::vector<std::uint8_t> EncodeFire(const DisFire& f, std::uint8_t exercise, double t_s) {
  Writer w;
  w.Header(DisPduType::kFire, 2, exercise, t_s);
  w.Id(f.firing);
  w.Id(f.target);
  w.Id(f.munition);
  w.Id(f.event);
  w.U32(0);  // fire mission index
  w.Vec64(f.p_ecef);
  w.Type(f.munition_type);
  w.U16(f.warhead);
  w.U16(f.fuse);
  w.U16(f.quantity);
  w.U16(f.rate);
  w.Vec32(f.v_ecef);
  w.F32(f.range_m);
  return w.Done(96);
}

std::vector<std::uint8_t> EncodeDetonation(const DisDetonation& d, std::uint8_t exercise, double t_s) {
  Writer w;
  w.Header(DisPduType::kDetonation, 2, exercise, t_s);
  w.Id(d.firing);
  w.Id(d.target);
  w.Id(d.munition);
  w.Id(d.event);
  w.Vec32(d.v_ecef);
  w.Vec64(d.p_ecef);
  w.Type(d.munition_type);
  w.U16(d.warhead);
  w.U16(d.fuse);
  w.U16(d.quantity);
  w.U16(d.rate);
  w.Vec32(d.p_entity);
  w.U8(d.result);
  w.U8(0);   // number of variable parameter records
  w.U16(0);  // padding
  return w.Done(104);
}

}  // namespace iadsim
