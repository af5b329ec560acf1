#include "core/names.hpp"

#include <gtest/gtest.h>

namespace gotong::core {
namespace {

enum class Colour { kRed, kGreen, kBlue };

constexpr Names<Colour, 4> kColours = {{
    {"red", Colour::kRed}, {"merah", Colour::kRed}, {"green", Colour::kGreen}, {"blue", Colour::kBlue}}};

// Tables are read at compile time too: a wrong word here fails the build.
static_assert(NameOf(Colour::kBlue, kColours) == "blue");
static_assert(ValueNamed("green", kColours) == Colour::kGreen);

TEST(NamesTest, EveryValueReadsBackFromItsName) {
  for (Colour colour : {Colour::kRed, Colour::kGreen, Colour::kBlue}) {
    EXPECT_EQ(ValueNamed(NameOf(colour, kColours), kColours), colour);
  }
}

TEST(NamesTest, AnAliasReadsAsItsValueButTheFirstWordIsTheName) {
  EXPECT_EQ(ValueNamed("merah", kColours), Colour::kRed);
  EXPECT_EQ(NameOf(Colour::kRed, kColours), "red");
}

TEST(NamesTest, MatchingIsExact) {
  EXPECT_EQ(ValueNamed("Red", kColours), std::nullopt);
  EXPECT_EQ(ValueNamed(" red", kColours), std::nullopt);
  EXPECT_EQ(ValueNamed("", kColours), std::nullopt);
}

TEST(NamesTest, AValueMissingFromTheTableReadsAsTheFirstWord) {
  constexpr Names<Colour, 1> kOnlyGreen = {{{"green", Colour::kGreen}}};
  EXPECT_EQ(NameOf(Colour::kBlue, kOnlyGreen), "green");
}

}  // namespace
}  // namespace gotong::core
