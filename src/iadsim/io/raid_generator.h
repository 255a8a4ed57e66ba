#pragma once
// A seeded generator of large raid scenarios (`iadsim generate raid`): the engine at the size of a
// real raid, for benchmarks and soak tests. Pure: a config and a seed in, scenario YAML text out
// (docs/scenario-format.md), byte-identical for the same config.
//
// What it writes, on a square area of side 2·half_width centred on (center_lat, center_lon):
//   assets      A = max(1, ceil(B / 2)) defended points in the eastern part of the area.
//   civil       n_civil = N − n_hostile − n_patrol airliners on `airways` straight airways edge to
//               edge (even index west→east, odd south→north), aircraft i on airway i mod airways,
//               flying it one way or back (alternately), at FL300–FL390 (odd levels one way, even
//               the other: the semicircular rule), 430–490 kt; half already en route at t = 0
//               somewhere along the airway, half entering at a uniform time in [0, duration);
//               transponder Mode 3/A + C + S and ADS-B (both address 0x400000 + i, callsign C<i>);
//               removed at the end of the airway.
//   hostile     n_hostile = floor(3N / 10) jets in groups of `raid_group_size`, each group from the
//               west edge to one asset (at a uniform time in [0, 0.75 duration), 1–8 km, 500–600 kt),
//               over it, then north or south and back west (turns of 90 degrees at most: the route
//               mover flies fly-by turns).
//   patrols     n_patrol = floor(N / 10) friendly fighters flying a 40 km square orbit (enough
//               corners for the whole duration) at 6–9 km, 400 kt, Mode 3/A + C + secure.
//   radars      R surveillance-only units (no launchers): a 300 km early-warning radar with IFF
//               asking Modes 3/A, C and secure (not S), replies not combined with the radar's
//               plots (`combine_plots: false` written out); a variant changes either
//               (`units[i].surveillance.iff.modes`, `...iff.combine_plots`, docs/raid.md).
//   batteries   B units near asset (b mod A), 5–25 km off it, each with a 150 km acquisition
//               radar (its IFF as the radars'), an engagement radar and two launchers of four
//               rounds, defending that asset; weapons tight, salvo 2, `when_revoked: continue`
//               written out so that a variant can change it (`units[i].doctrine.when_revoked`,
//               docs/raid.md).
//   links       each radar linked to its min(2, B) nearest batteries (so R·min(2, B) links), the
//               battery accepting the radar's identities.
// Parameters are notional round figures, as in scenarios/demo.yaml (whose radar and missile
// figures the types copy). Randomness: RandomStream(seed, 0, "raid-generator", part) per part.
#include <cstdint>
#include <string>
#include <vector>

#include "iadsim/core/error.h"

namespace iadsim {

struct RaidConfig {
  int aircraft = 100;               // N, total aircraft, [1, 100000]
  int radars = 20;                  // R, surveillance-only units, [0, 10000]
  int batteries = 8;                // B, units with launchers, [0, 1000]
  double duration_s = 3600.0;       // scenario duration, s, (0, 86400]
  std::uint64_t seed = 1;           // master seed of the generator's streams
  int airways = 4;                  // civil airways, [1, 100]
  int raid_group_size = 4;          // hostile jets per group, [1, 100]
  double half_width_m = 300e3;      // half the side of the square area, m, [50 km, 1500 km]
  double center_lat_deg = 50.0;     // area centre latitude, deg, [-60, 60]
  double center_lon_deg = 15.0;     // area centre longitude, deg, [-180, 180]
  double truth_interval_s = 10.0;   // scenario.truth_interval, s, (0, duration]

  // Every problem, with the command-line option as path ("--aircraft: must be in [1, 100000] (got 0)").
  std::vector<Problem> Validate() const;
};

// The split of N aircraft (documented above).
struct RaidCounts {
  int civil = 0, hostile = 0, patrol = 0, assets = 0, links = 0;
};
RaidCounts CountRaid(const RaidConfig& c);

// The scenario YAML text. Throws ScenarioError with Validate()'s problems when there are any.
std::string GenerateRaidScenario(const RaidConfig& c);

}  // namespace iadsim
