#pragma once
// A radar detection as the sensor reports it: a polar measurement in the sensor's own local
// frame, with its standard deviations. It says nothing about which aircraft caused it: the
// tracker must find that out (truth never leaks into perception).
#include "iadsim/core/ids.h"
#include "iadsim/core/time.h"
#include "iadsim/geodesy/geodetic.h"

namespace iadsim {

struct Detection {
  SimTime time;              // when the beam saw the echo
  SensorId sensor;           // which radar
  Geodetic sensor_position;  // antenna phase centre, WGS-84
  // Azimuth is measured from the sensor's own north reference; a misaligned radar reports it
  // rotated by its alignment error, and nothing in the message says so.
  double range_m = 0.0;
  double azimuth_rad = 0.0;    // clockwise from north, [0, 2 pi)
  double elevation_rad = 0.0;  // above the local horizontal
  bool has_elevation = true;   // false for a 2-D radar
  double sigma_range_m = 0.0;
  double sigma_azimuth_rad = 0.0;
  double sigma_elevation_rad = 0.0;
  double snr_db = 0.0;  // measured signal-to-noise ratio of the echo
};

}  // namespace iadsim
