// Enum names read through ToString: every listed value found by its own name, any other text
// refused, and the error list written as a sentence (hand-written expectations).
#include "iadsim/core/enum_names.h"

#include <gtest/gtest.h>

namespace iadsim {
namespace {

enum class Fruit { kApple, kPear, kPlum };
const char* ToString(Fruit f) {
  switch (f) {
    case Fruit::kApple: return "apple";
    case Fruit::kPear: return "pear";
    case Fruit::kPlum: return "plum";
  }
  return "?";
}

TEST(EnumNames, FindsEachListedValueByItsName) {
  constexpr std::array kAll{Fruit::kApple, Fruit::kPear, Fruit::kPlum};
  EXPECT_EQ(EnumFromName("apple", kAll), Fruit::kApple);
  EXPECT_EQ(EnumFromName("pear", kAll), Fruit::kPear);
  EXPECT_EQ(EnumFromName("plum", kAll), Fruit::kPlum);
  EXPECT_FALSE(EnumFromName("Plum", kAll));
  EXPECT_FALSE(EnumFromName("", kAll));
  EXPECT_FALSE(EnumFromName("plum", std::array{Fruit::kApple}));  // only the values listed
}

TEST(EnumNames, ListsTheNamesAsASentence) {
  EXPECT_EQ(EnumNameList(std::array{Fruit::kApple}), "apple");
  EXPECT_EQ(EnumNameList(std::array{Fruit::kApple, Fruit::kPear}), "apple or pear");
  EXPECT_EQ(EnumNameList(std::array{Fruit::kApple, Fruit::kPear, Fruit::kPlum}), "apple, pear or plum");
}

}  // namespace
}  // namespace iadsim
