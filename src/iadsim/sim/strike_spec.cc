#include "iadsim/sim/strike_spec.h"

namespace iadsim {

const char* ToString(MunitionKind kind) {
  switch (kind) {
    case MunitionKind::kGlideBomb: return "glide-bomb";
    case MunitionKind::kCruiseMissile: return "cruise-missile";
    case MunitionKind::kAntiRadiation: return "anti-radiation";
    case MunitionKind::kDecoy: return "decoy";
  }
  return "?";
}

const char* ToString(RwrTrigger t) {
  switch (t) {
    case RwrTrigger::kSearch: return "search";
    case RwrTrigger::kLock: return "lock";
    case RwrTrigger::kLaunch: return "launch";
  }
  return "?";
}

const char* ToString(RwrAction a) {
  switch (a) {
    case RwrAction::kTurnAway: return "turn-away";
    case RwrAction::kBeam: return "beam";
    case RwrAction::kDescend: return "descend";
    case RwrAction::kAbort: return "abort";
  }
  return "?";
}

}  // namespace iadsim
