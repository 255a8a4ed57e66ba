#pragma once
// DIS (Distributed Interactive Simulation) PDUs, IEEE 1278.1-2012, protocol version 7: Entity
// State (type 1, 144 bytes without variable parameters), Fire (type 2, 96 bytes) and Detonation
// (type 3, 104 bytes without variable parameters). All fields big-endian (network order),
// floats IEEE 754 (float32, float64 for world locations).
//
// Header (12 bytes): version 7, exercise id, PDU type, protocol family (1 entity information,
// 2 warfare), timestamp, length, PDU status 0, padding. Timestamp: relative time (bit 0 = 0),
// the 31 high bits count 3600 s / 2^31 units past the hour (1278.1 sec. 6.2.88).
// World coordinates: WGS-84 ECEF metres; orientation: Euler angles psi, theta, phi (rad) of the
// body frame (x forward, y right, z down) relative to ECEF, applied z-y'-x'' (1278.1 Annex B).
//
// Enumerations (SISO-REF-010): force id 0 other, 1 friendly, 2 opposing, 3 neutral; entity kind
// 1 platform / 2 munition; domain 2 air (platform) / 2 anti-air (munition); detonation result
// 0 other, 2 entity proximate detonation, 3 ground impact, 5 detonation (used for self-destruct).
// iadsim's picks for country and category are notional (documented in docs/exports.md).
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "iadsim/geodesy/geodetic.h"

namespace iadsim {

struct DisEntityId {
  std::uint16_t site = 1, application = 1, entity = 0;
};

struct DisEntityType {
  std::uint8_t kind = 0, domain = 0;
  std::uint16_t country = 0;
  std::uint8_t category = 0, subcategory = 0, specific = 0, extra = 0;
};

struct DisEuler {
  double psi_rad = 0.0, theta_rad = 0.0, phi_rad = 0.0;
};

struct DisEntityState {
  DisEntityId id;
  std::uint8_t force_id = 0;
  DisEntityType type;
  Vec3 v_ecef = Vec3::Zero();  // m/s
  Vec3 p_ecef = Vec3::Zero();  // m
  DisEuler orientation;
  std::uint32_t appearance = 0;  // bits 3-4: damage (3 = destroyed)
  std::string marking;           // ASCII, 11 characters at most (longer: cut; non-ASCII: '?')
};

struct DisFire {
  DisEntityId firing, target, munition, event;  // event: site, application, event number
  Vec3 p_ecef = Vec3::Zero();
  DisEntityType munition_type;
  std::uint16_t warhead = 0, fuse = 0, quantity = 1, rate = 0;
  Vec3 v_ecef = Vec3::Zero();
  float range_m = 0.0F;
};

struct DisDetonation {
  DisEntityId firing, target, munition, event;
  Vec3 v_ecef = Vec3::Zero();
  Vec3 p_ecef = Vec3::Zero();
  DisEntityType munition_type;
  std::uint16_t warhead = 0, fuse = 0, quantity = 1, rate = 0;
  Vec3 p_entity = Vec3::Zero();  // location in the target's body frame, m
  std::uint8_t result = 0;
};

enum class DisPduType : std::uint8_t { kEntityState = 1, kFire = 2, kDetonation = 3 };

// Relative DIS timestamp of a simulation time (seconds >= 0).
std::uint32_t DisTimestamp(double t_s);

// Euler angles (1278.1 Annex B) of a body with the given heading (clockwise from north), pitch
// (nose up) and roll (right wing down), all in degrees, at geodetic lat/lon.
DisEuler DisOrientation(double lat_deg, double lon_deg, double heading_deg, double pitch_deg, double roll_deg);

std::vector<std::uint8_t> EncodeEntityState(const DisEntityState& s, std::uint8_t exercise, double t_s);
std::vector<std::uint8_t> EncodeFire(const DisFire& f, std::uint8_t exercise, double t_s);
std::vector<std::uint8_t> EncodeDetonation(const DisDetonation& d, std::uint8_t exercise, double t_s);

}  // namespace iadsim
