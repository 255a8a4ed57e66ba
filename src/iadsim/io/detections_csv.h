#pragma once
// Detections CSV in, tracks CSV out (for `iadsim track`). The header line decides the form:
//   time,sensor_id,x,y                          2-D Cartesian, metres
//   time,sensor_id,x,y,z                        3-D Cartesian, metres
//   time,sensor_id,range,azimuth,elevation      polar: range in metres, azimuth in DEGREES
//                                               clockwise from north, elevation in DEGREES above
//                                               the horizontal, from the sensor's position
//                                               (options.sensor_positions_m, tracker frame)
//   time,sensor_id,lat,lon,alt                  geodetic: degrees, degrees, metres above WGS-84;
//                                               converted to the ENU frame at options.origin, or
//                                               at the first row when no origin is given
// time in seconds (any origin), sensor_id an integer. Polar and geodetic rows become 3-D Cartesian
// measurements; a polar one's covariance is the linearised converted covariance J R J^T with
// J = d(x, y, z)/d(r, az, el) (Bar-Shalom, Li & Kirubarajan 2001, sec. 10.4.3).
// Measurement covariance: sigma_m^2 I (Cartesian, geodetic), diag(range_sigma_m^2,
// angle_sigma^2, angle_sigma^2) (polar).
// Rows are grouped into scans by (time, sensor_id): rows of one time are one scan per sensor,
// in increasing sensor_id. Time must not decrease from row to row.
// Bad input -> ScenarioError with file, line and column of the field: unknown header, missing or
// extra column, non-numeric field, NaN or infinite value, time going backwards, unknown sensor
// (polar), range < 0, latitude outside [-90, 90]. Every problem is reported (up to 50).
// Tracks CSV: `time,track_id,x,y,vx,vy` (2-D) or `time,track_id,x,y,z,vx,vy,vz` (3-D), one row
// per confirmed track per scan; numbers in the shortest form that reads back to the same double
// (fmt "{}"), so the file is deterministic and exact.
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "iadsim/geodesy/geodetic.h"
#include "iadsim/tracking/multi_target_tracker.h"
#include "iadsim/tracking/track_filter.h"

namespace iadsim {

enum class DetectionsForm { kCartesian2D, kCartesian3D, kPolar, kGeodetic };

struct DetectionsCsvOptions {
  double sigma_m = 50.0;          // Cartesian / geodetic measurement sigma per axis, m, > 0
  double range_sigma_m = 50.0;    // polar, m, > 0
  double angle_sigma_deg = 0.2;   // polar azimuth and elevation, degrees, > 0
  std::map<int, Eigen::Vector3d> sensor_positions_m;  // polar: sensor_id -> position (tracker frame)
  std::optional<Geodetic> origin;                     // geodetic: the ENU origin
};

struct DetectionsData {
  DetectionsForm form = DetectionsForm::kCartesian2D;
  int dims = 2;                                // 2 for the 2-D form, else 3
  std::vector<std::vector<Measurement>> scans; // in time order
  Geodetic origin;                             // geodetic form: the ENU origin used
  long rows = 0;
};

// Reads a file (ScenarioError naming the file if it cannot be opened).
DetectionsData ReadDetectionsCsv(const std::string& path, const DetectionsCsvOptions& options);
// Parses text; file_name is used in messages only.
DetectionsData ParseDetectionsCsv(std::string_view text, const std::string& file_name,
                                  const DetectionsCsvOptions& options);

std::string TracksCsvHeader(int dims);
std::string TracksCsvRow(int dims, const TrackEstimate& track);

}  // namespace iadsim
