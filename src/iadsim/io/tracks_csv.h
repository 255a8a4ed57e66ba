#pragma once
// Track files for `iadsim score` (written by `iadsim track`): time,track_id,x,y,vx,vy[,z,vz]
// (io/state_csv.h has the format and the error contract). Time s; positions m and velocities m/s
// in the same local frame as the truth.
#include <string>
#include <string_view>

#include "iadsim/io/state_csv.h"

namespace iadsim {

inline constexpr std::string_view kTrackIdColumn = "track_id";

// Throws ScenarioError on bad input (`file:line:col: column: what`).
StateTable ReadTracksCsv(const std::string& path);
StateTable ParseTracksCsv(std::string_view text, const std::string& name);

}  // namespace iadsim
