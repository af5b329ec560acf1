#include "core/text.hpp"

#include <gtest/gtest.h>

#include <string>

namespace gotong::core {
namespace {

TEST(CodePointCount, CountsCharactersNotBytes) {
  EXPECT_EQ(CodePointCount(""), 0u);
  EXPECT_EQ(CodePointCount("gotong"), 6u);
  EXPECT_EQ(CodePointCount("h\xC3\xA9llo"), 5u);            // héllo: é is 2 bytes
  EXPECT_EQ(CodePointCount("\xE6\x97\xA5\xE6\x9C\xAC"), 2u);  // 日本: 3 bytes each
  EXPECT_EQ(CodePointCount("\xF0\x9F\x98\x80!"), 2u);        // an emoji (4 bytes) and '!'
}

TEST(IsValidUtf8, AcceptsWellFormedText) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain ASCII"));
  EXPECT_TRUE(IsValidUtf8("\xC3\xA9"));                  // U+00E9
  EXPECT_TRUE(IsValidUtf8("abc\xE6\x97\xA5"));           // a 3-byte character at the very end
  EXPECT_TRUE(IsValidUtf8("\xEF\xBF\xBF"));              // U+FFFF
  EXPECT_TRUE(IsValidUtf8("\xF0\x90\x80\x80"));          // U+10000, smallest 4-byte
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF"));          // U+10FFFF, the last code point
  EXPECT_TRUE(IsValidUtf8(std::string("a\0b", 3)));      // NUL is a character
}

TEST(IsValidUtf8, RejectsOverlongEncodings) {
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // '/' in 2 bytes
  EXPECT_FALSE(IsValidUtf8("\xC1\xBF"));
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF"));      // '/' in 3 bytes
  EXPECT_FALSE(IsValidUtf8("\xE0\x9F\xBF"));      // U+07FF in 3 bytes
  EXPECT_FALSE(IsValidUtf8("\xF0\x80\x80\xAF"));  // '/' in 4 bytes
  EXPECT_FALSE(IsValidUtf8("\xF0\x8F\xBF\xBF"));  // U+FFFF in 4 bytes
}

TEST(IsValidUtf8, RejectsSurrogatesAndOutOfRange) {
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // U+D800
  EXPECT_FALSE(IsValidUtf8("\xED\xBF\xBF"));      // U+DFFF
  EXPECT_TRUE(IsValidUtf8("\xED\x9F\xBF"));       // U+D7FF, just below
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // U+110000
  EXPECT_FALSE(IsValidUtf8("\xF8\x88\x80\x80\x80"));  // 5-byte form
  EXPECT_FALSE(IsValidUtf8("\xFF"));
  EXPECT_FALSE(IsValidUtf8("\xFE"));
}

TEST(IsValidUtf8, RejectsTruncatedAndStrayBytes) {
  EXPECT_FALSE(IsValidUtf8("\xC3"));              // lead byte, nothing after
  EXPECT_FALSE(IsValidUtf8("abc\xE6\x97"));       // 3-byte character cut short at the end
  EXPECT_FALSE(IsValidUtf8("\xF0\x9F\x98"));      // 4-byte character cut short
  EXPECT_FALSE(IsValidUtf8("\xE6\x97" "a"));      // continuation replaced by ASCII
  EXPECT_FALSE(IsValidUtf8("\x80"));              // continuation byte alone
  EXPECT_FALSE(IsValidUtf8("a\xBF" "b"));
}

TEST(AsciiLower, LowersOnlyAsciiLetters) {
  EXPECT_EQ(AsciiLower("BanJarSARI 35.07"), "banjarsari 35.07");
  EXPECT_EQ(AsciiLower("\xC3\x89"), "\xC3\x89");  // É stays as it is
  EXPECT_EQ(AsciiLower(""), "");
}

TEST(Trim, RemovesSurroundingWhitespaceOnly) {
  EXPECT_EQ(Trim("  a b \t\r\n"), "a b");
  EXPECT_EQ(Trim(" \t\r\n "), "");
  EXPECT_EQ(Trim(""), "");
  EXPECT_EQ(Trim("x"), "x");
}

TEST(FindControlCharacter, FindsNulAndOtherC0ControlsAtTheirOffset) {
  using namespace std::string_literals;
  EXPECT_EQ(FindControlCharacter("Ba\0tik"s), 2u);
  EXPECT_EQ(FindControlCharacter("\x01" "abc"), 0u);
  EXPECT_EQ(FindControlCharacter("abc\x1F"), 3u);
  EXPECT_EQ(FindControlCharacter("esc \x1B[31m"), 4u);
  EXPECT_EQ(FindControlCharacter("del\x7F"), 3u);
  EXPECT_EQ(FindControlCharacter("\0"s, TextLines::kMulti), 0u);
}

TEST(FindControlCharacter, FindsC1ControlsButNotOtherTwoByteCharacters) {
  EXPECT_EQ(FindControlCharacter("a\xC2\x85" "b"), 1u);   // U+0085 NEXT LINE
  EXPECT_EQ(FindControlCharacter("a\xC2\x9F"), 1u);    // U+009F
  EXPECT_EQ(FindControlCharacter("\xC2\xA0\xC3\xA9"), std::string_view::npos);  // NBSP, é
  EXPECT_EQ(FindControlCharacter("Batik Tulis \xE2\x80\x93 Sari"), std::string_view::npos);
  EXPECT_EQ(FindControlCharacter("trailing \xC2"), std::string_view::npos);
}

TEST(FindControlCharacter, AllowsTabAndLineEndsOnlyInMultiLineText) {
  EXPECT_EQ(FindControlCharacter("a\tb"), 1u);
  EXPECT_EQ(FindControlCharacter("a\nb"), 1u);
  EXPECT_EQ(FindControlCharacter("a\r\nb"), 1u);
  EXPECT_EQ(FindControlCharacter("1. Kas\r\n2. Iuran\tRp 5.000", TextLines::kMulti),
            std::string_view::npos);
  EXPECT_EQ(FindControlCharacter("line\n\x0B", TextLines::kMulti), 5u);  // vertical tab
  EXPECT_EQ(FindControlCharacter(""), std::string_view::npos);
  EXPECT_EQ(FindControlCharacter("Batik Sari 35.79"), std::string_view::npos);
}

TEST(ConstantTimeEquals, ComparesWholeContent) {
  EXPECT_TRUE(ConstantTimeEquals("", ""));
  EXPECT_TRUE(ConstantTimeEquals("token-abc", "token-abc"));
  EXPECT_FALSE(ConstantTimeEquals("token-abc", "token-abd"));
  EXPECT_FALSE(ConstantTimeEquals("token-abc", "token-ab"));
  EXPECT_FALSE(ConstantTimeEquals("Xoken-abc", "token-abc"));
}

TEST(ShownText, ReplacesBytesThatAreNotUtf8AndControlCharacters) {
  EXPECT_EQ(ShownText("Batik Sekar"), "Batik Sekar");
  EXPECT_EQ(ShownText("Caf\xE9"), "Caf\xEF\xBF\xBD");              // Windows-1252 "é"
  EXPECT_EQ(ShownText(std::string("a\0b", 3)), "a\xEF\xBF\xBD" "b");  // NUL
  EXPECT_EQ(ShownText("a\nb"), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(ShownText("Rendang \xC3\xA9"), "Rendang \xC3\xA9");  // a real "é" stays
}

TEST(ShownText, CutsAtTheLimitBetweenCharactersNeverInside) {
  std::string long_text(300, 'a');
  EXPECT_EQ(ShownText(long_text).size(), 200U);
  // "é" is two bytes: at a limit of 5 after "abcd" it does not fit and is left out whole.
  EXPECT_EQ(ShownText("abcd\xC3\xA9", 5), "abcd");
  EXPECT_EQ(ShownText("abcd\xC3\xA9", 6), "abcd\xC3\xA9");
}

}  // namespace
}  // namespace gotong::core
