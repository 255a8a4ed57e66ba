#pragma once
// Reading an enum from its name, with the names written once: each enum's ToString (found by
// argument-dependent lookup) gives the name of every value listed, and the error text lists them.
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace iadsim {

// The value whose ToString is `text`, or nullopt.
template <class E, std::size_t N>
std::optional<E> EnumFromName(std::string_view text, const std::array<E, N>& values) {
  for (const E v : values)
    if (text == std::string_view(ToString(v))) return v;
  return std::nullopt;
}

// The names as a sentence list: "a", "a or b", "a, b or c".
template <class E, std::size_t N>
std::string EnumNameList(const std::array<E, N>& values) {
  std::string out;
  for (std::size_t i = 0; i < N; ++i) {
    if (i > 0) out += i + 1 == N ? " or " : ", ";
    out += ToString(values[i]);
  }
  return out;
}

}  // namespace iadsim
