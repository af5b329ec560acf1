#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace gotong::core {

// The words of a closed set: each value with the word it is stored and sent as. One table serves
// both directions, so a word added to one cannot be missed in the other. A value may have several
// words (aliases a person types); its first one is its name.
template <typename Enum, std::size_t N>
using Names = std::array<std::pair<std::string_view, Enum>, N>;

// The value a word names, matched exactly; callers that accept looser spelling fold it first.
template <typename Enum, std::size_t N>
constexpr std::optional<Enum> ValueNamed(std::string_view word, const Names<Enum, N>& names) {
  for (const auto& [name, value] : names) {
    if (name == word) return value;
  }
  return std::nullopt;
}

// The first word of a value. A value missing from the table is a programming error; it reads as
// the table's first word rather than as nothing.
template <typename Enum, std::size_t N>
constexpr std::string_view NameOf(Enum value, const Names<Enum, N>& names) {
  for (const auto& [name, entry] : names) {
    if (entry == value) return name;
  }
  return names.front().first;
}

}  // namespace gotong::core
