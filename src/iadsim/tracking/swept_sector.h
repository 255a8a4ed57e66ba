#pragma once
// Whether an azimuth lies in the sector a scanning radar swept, clockwise from az_from to az_to
// (radians from north; the sector may wrap through north, e.g. from 5.5 rad to 0.5 rad).
//   inside  <=>  wrap(az - az_from) <= wrap(az_to - az_from)      wrap() into [0, 2 pi)
// A sweep of a full turn or more (az_to - az_from >= 2 pi, e.g. 0 to 2 pi) covers every azimuth,
// and so does az_to == az_from after wrapping (a sensor that reports a full revolution with both
// ends wrapped into [0, 2 pi) gives equal ends; a sweep of zero width does not exist). Geometry
// only: the definition of DetectionBatch (messages/detection.h).
namespace iadsim {

bool InSweptSector(double azimuth_rad, double az_from_rad, double az_to_rad);

}  // namespace iadsim
