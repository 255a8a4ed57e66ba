#include "iadsim/messages/iff_reply.h"

namespace iadsim {

const char* ToString(IffMode mode) {
  switch (mode) {
    case IffMode::kMode1: return "1";
    case IffMode::kMode2: return "2";
    case IffMode::kMode3A: return "3A";
    case IffMode::kModeC: return "C";
    case IffMode::kModeS: return "S";
    case IffMode::kSecure: return "secure";
  }
  return "?";
}

}  // namespace iadsim
