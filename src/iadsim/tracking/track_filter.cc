#include "iadsim/tracking/track_filter.h"

namespace iadsim {

int MeasurementDimension(MeasurementKind kind) {
  switch (kind) {
    case MeasurementKind::kCartesian2D: return 2;
    case MeasurementKind::kCartesian3D: return 3;
    case MeasurementKind::kPolar2D: return 2;
    case MeasurementKind::kPolar3D: return 3;
    case MeasurementKind::kPolar3DDoppler: return 4;
    case MeasurementKind::kBearing: return 1;
  }
  return 0;
}

}  // namespace iadsim
