#include "iadsim/c2/identity.h"

#include <cstring>

namespace iadsim {
namespace {
constexpr const char* kNames[] = {"pending", "unknown", "assumed-friend", "friend", "neutral", "suspect", "hostile"};
}

const char* ToString(Identity identity) { return kNames[static_cast<int>(identity)]; }

bool ParseIdentity(const char* text, Identity* out) {
  for (int i = 0; i < 7; ++i) {
    if (std::strcmp(text, kNames[i]) == 0) {
      *out = static_cast<Identity>(i);
      return true;
    }
  }
  return false;
}

}  // namespace iadsim
