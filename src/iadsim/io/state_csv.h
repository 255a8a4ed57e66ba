#pragma once
// The kinematic-state CSV shared by truth files and track files (io/truth_csv.h, io/tracks_csv.h):
//   header:  time,<id>,x,y,vx,vy[,z,vz]      (any column order; z and vz together or not at all)
//   rows:    time s, id a whole number, x y z m, vx vy vz m/s, in a local Cartesian frame (ENU)
// Extra columns are allowed and ignored (a tracker may add covariance or status). Blank lines are
// skipped. Rows must be in non-decreasing time, and an id may appear only once per time.
// Every problem is collected (up to 20, then reading stops) and thrown as one ScenarioError whose
// lines read `file:line:col: column: what (got ...)`: a missing or repeated column, a wrong number
// of fields, a field that is not a number (or not a whole number for the id), NaN or infinity, time
// going backwards, a repeated id at one time, an empty or unreadable file.
#include <string>
#include <string_view>
#include <vector>

#include "iadsim/tracking/scoring_frame.h"

namespace iadsim {

struct StateTable {
  std::vector<KinematicSample> rows;  // file order (= time order)
  bool has_z = false;                 // the file has z and vz (otherwise they are 0)
};

// id_column: "target_id" or "track_id". Throws ScenarioError on bad input.
StateTable ParseStateCsv(std::string_view text, const std::string& file, std::string_view id_column);
StateTable ReadStateCsvFile(const std::string& path, std::string_view id_column);

// The header line and one row, as the readers above read them (time with 6 decimals, positions
// and velocities with 3), each ending in '\n'.
std::string StateCsvHeader(std::string_view id_column, bool with_z);
std::string StateCsvRow(const KinematicSample& s, bool with_z);

}  // namespace iadsim
