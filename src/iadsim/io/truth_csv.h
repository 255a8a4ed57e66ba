#pragma once
// Truth files for `iadsim score`: time,target_id,x,y,vx,vy[,z,vz] (io/state_csv.h has the format
// and the error contract). Time s; positions m and velocities m/s in a local ENU frame.
#include <string>
#include <string_view>

#include "iadsim/io/state_csv.h"

namespace iadsim {

inline constexpr std::string_view kTruthIdColumn = "target_id";

// Throws ScenarioError on bad input (`file:line:col: column: what`).
StateTable ReadTruthCsv(const std::string& path);
StateTable ParseTruthCsv(std::string_view text, const std::string& name);

}  // namespace iadsim
