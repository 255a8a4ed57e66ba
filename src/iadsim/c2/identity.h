#pragma once
// Track identities, as in STANAG 5516 (Link 16) and the OMG OARIS common types: pending, unknown,
// assumed friend, friend, neutral, suspect, hostile.
#include <cstdint>

namespace iadsim {

enum class Identity : std::uint8_t { kPending, kUnknown, kAssumedFriend, kFriend, kNeutral, kSuspect, kHostile };

const char* ToString(Identity identity);  // "pending", "unknown", "assumed-friend", ...
bool ParseIdentity(const char* text, Identity* out);

}  // namespace iadsim
