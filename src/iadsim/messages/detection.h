#pragma once
// A radar detection as the sensor reports it: a polar measurement in the sensor's own local
// frame, with its standard deviations. It says nothing about which aircraft caused it: the
// tracker must find that out (truth never leaks into perception).
#include <cstdint>
#include <optional>

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
  // A combined plot's Mode 3/A code (sensors/plot_combination.h); none for a primary-only plot.
  std::optional<std::uint16_t> mode3a_code;
};

}  // namespace iadsim

#include <vector>

namespace iadsim {

// A jamming strobe: the radar hears noise above its strobe threshold over an azimuth span, and
// knows only the bearing (angle only: noise has no range).
struct Strobe {
  SimTime time;               // beam at the span's centre
  double azimuth_rad = 0.0;   // power-weighted centre of the span, as the radar reports it
  double width_rad = 0.0;     // span width
  double peak_jnr_db = 0.0;   // strongest jammer-to-noise ratio in the span
};

// The detections of one sweep of a scanning radar over an azimuth sector, delivered together.
// The sector tells the tracker where the beam looked, so that a track inside it that got no
// detection can be counted as missed.
struct DetectionBatch {
  SensorId sensor;
  Geodetic sensor_position;
  SimTime start;                  // beam at az_from_rad
  SimTime end;                    // beam at az_to_rad
  double az_from_rad = 0.0;       // the sector swept clockwise from az_from_rad to az_to_rad
  double az_to_rad = 0.0;         // (may wrap through north)
  double max_range_m = 0.0;       // instrumented range
  std::vector<Detection> detections;  // in time order
  std::vector<Strobe> strobes;         // jamming strobes in the sector
};

}  // namespace iadsim
