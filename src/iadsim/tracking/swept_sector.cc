#include "iadsim/tracking/swept_sector.h"

#include <numbers>

#include "iadsim/core/angle.h"

namespace iadsim {

bool InSweptSector(double azimuth_rad, double az_from_rad, double az_to_rad) {
  const double width = WrapTwoPi(az_to_rad - az_from_rad);
  if (az_to_rad - az_from_rad >= 2.0 * std::numbers::pi || width == 0.0) return true;
  return WrapTwoPi(azimuth_rad - az_from_rad) <= width;
}

}  // namespace iadsim
