#include "iadsim/world/transponder.h"

#include <array>

namespace iadsim {

double AdsbOut::SigmaHorizontalM() const {
  // 95 % bound (EPU) per NACp 1..11, metres (DO-260B).
  static constexpr std::array<double, 11> kEpu{18520.0, 7408.0, 3704.0, 1852.0, 926.0, 555.6,
                                               185.2,   92.6,   30.0,   10.0,   3.0};
  const int i = nacp < 1 ? 0 : (nacp > 11 ? 10 : nacp - 1);
  return kEpu[static_cast<std::size_t>(i)] / 2.45;
}

}  // namespace iadsim
