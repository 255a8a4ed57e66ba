#pragma once
// An aircraft's IFF transponder settings (truth): which modes it answers and with what.
// A secure-mode reply authenticates only at an interrogator holding the same key.
#include <cstdint>
#include <string>
#include <vector>

namespace iadsim {

struct Transponder {
  bool on = false;
  bool mode1 = false, mode2 = false, mode3a = false, mode_c = false, mode_s = false;
  std::uint16_t code_3a = 0;  // octal squawk as written, e.g. 2000 means "2000"
  std::string secure_key;     // empty: no secure mode
  double reply_probability = 0.98;  // per interrogation, [0, 1]; ICAO Annex 10 requires >= 0.9
};

}  // namespace iadsim
