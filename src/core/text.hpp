#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gotong::core {

// Number of Unicode code points in valid UTF-8 (what a person counts as characters).
std::size_t CodePointCount(std::string_view utf8);
bool IsValidUtf8(std::string_view text);
std::string AsciiLower(std::string_view text);
std::string_view Trim(std::string_view text);
// Constant-time comparison for secrets of equal length.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace gotong::core
