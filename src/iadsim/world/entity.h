#pragma once
// Entities of the world (truth): aircraft on routes and missiles in flight.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "iadsim/core/ids.h"
#include "iadsim/core/time.h"
#include "iadsim/world/rcs_table.h"
#include "iadsim/world/route_mover.h"
#include "iadsim/world/transponder.h"

namespace iadsim {

// Aircraft fly routes; missiles (interceptors) carry an integrated state; munitions (glide bombs,
// cruise missiles, decoys on routes; anti-radiation missiles integrated) are released by aircraft.
enum class EntityKind { kAircraft, kMissile, kMunition };
// What an aircraft truly is, for after-action analysis only (never seen by perception).
enum class Affiliation { kHostile, kFriendly, kCivil, kNeutral };

const char* ToString(EntityKind kind);
const char* ToString(Affiliation affiliation);

// The radar signature of an aircraft type: a mean radar cross-section, constant or from an
// aspect table (rcs_table.h), and the Swerling case of its fluctuation (Swerling 1: scan-to-scan
// Rayleigh amplitude, typical of large complex targets; Skolnik 3rd ed. sec. 2.8).
struct Signature {
  double rcs_m2 = 1.0;  // mean RCS when there is no table, (0, 1e5] m^2
  int swerling = 1;     // 0..4
  std::optional<RcsTable> table;  // aspect-dependent mean RCS, replaces rcs_m2 when present
  // Mean RCS seen by an observer at observer_ecef, of the aircraft at geo (= p_ecef) flying with
  // v_ecef; the aspect (AspectOf) is computed only when there is a table.
  double RcsSeenFrom(const Geodetic& geo, const Vec3& p_ecef, const Vec3& v_ecef, const Vec3& observer_ecef) const {
    if (!table) return rcs_m2;
    const Aspect a = AspectOf(geo, p_ecef, v_ecef, observer_ecef);
    return table->RcsM2(a.azimuth_deg, a.elevation_deg);
  }
};

struct Entity {
  // What a sensor sweep reads of every aircraft (World::Prefetch asks for these lines) comes
  // first; what only set-up, reports and after-action read comes after the route.
  EntityId id;
  EntityKind kind = EntityKind::kAircraft;
  bool destroyed = false;
  SimTime destroyed_at;
  std::string name;
  Signature signature;
  Transponder transponder;
  std::optional<RouteMover> route;  // aircraft and route-flying munitions
  // Routes taken up later (World::Divert), in time order: from diversions[i].first on, the entity
  // flies diversions[i].second.
  std::vector<std::pair<SimTime, RouteMover>> diversions;
  std::string side;        // the side it belongs to (a key of the scenario's sides)
  std::string type;        // aircraft or missile type name
  Affiliation affiliation = Affiliation::kHostile;  // truth, for after-action use
  AdsbOut adsb;
  DatalinkMember datalink;
  // What radars, fuzes and seekers see as a target: aircraft and munitions (not interceptors).
  bool IsTarget() const { return kind != EntityKind::kMissile; }
};

}  // namespace iadsim
