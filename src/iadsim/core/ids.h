#pragma once
// Typed ids: a long-lived object is referred to by an id issued by its owner, never by a pointer
// across packages. Different tags do not convert into each other.
#include <compare>
#include <cstdint>
#include <functional>

namespace iadsim {

template <class Tag>
class Id final {
 public:
  constexpr Id() = default;
  constexpr explicit Id(std::uint32_t v) : v_(v) {}
  constexpr std::uint32_t value() const { return v_; }
  constexpr bool valid() const { return v_ != 0; }
  constexpr auto operator<=>(const Id&) const = default;

 private:
  std::uint32_t v_ = 0;  // 0 = none
};

using EntityId = Id<struct EntityTag>;      // an object in the world (aircraft, missile)
using SensorId = Id<struct SensorTag>;      // a radar or interrogator
using UnitId = Id<struct UnitTag>;          // a battery, command post or other unit
using TrackId = Id<struct TrackTag>;        // a track in one unit's picture
using LauncherId = Id<struct LauncherTag>;  // a launcher of a unit

}  // namespace iadsim

template <class Tag>
struct std::hash<iadsim::Id<Tag>> {
  std::size_t operator()(iadsim::Id<Tag> id) const noexcept { return id.value(); }
};
