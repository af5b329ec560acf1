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

// Whether a text may span lines: a multi-line text (minutes, notes, a post's body) may hold tab,
// line feed and carriage return; a single-line one (a name, a code) may not.
enum class TextLines { kSingle, kMulti };
// The byte offset of the first control character in `text` (C0 controls such as NUL, DEL, and the
// C1 controls U+0080..U+009F), or npos. Tab, LF and CR count only for TextLines::kSingle.
std::size_t FindControlCharacter(std::string_view text, TextLines lines = TextLines::kSingle);
// `text` as a message may show it back: at most `max_bytes`, cut between characters, and valid
// UTF-8 (a byte that is not, such as "é" saved as Windows-1252, becomes U+FFFD) so that it can be
// sent as JSON; a control character (NUL, a line break) becomes U+FFFD too, so that a database
// keeps it whole.
std::string ShownText(std::string_view text, std::size_t max_bytes = 200);
// Constant-time comparison for secrets of equal length.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace gotong::core
