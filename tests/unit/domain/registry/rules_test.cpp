#include "domain/registry/rules.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>

namespace gotong::domain::registry {
namespace {

constexpr std::int64_t kBn = 1'000'000'000;

std::optional<ScaleResult> ByTurnover(std::int64_t turnover) { return DeriveScale(turnover, {}); }
std::optional<ScaleResult> ByCapital(std::int64_t capital) { return DeriveScale({}, capital); }

TEST(DeriveScale, TurnoverBoundariesFollowPp7Of2021) {
  EXPECT_EQ(ByTurnover(0), (ScaleResult{Scale::kMicro, ScaleCriterion::kTurnover}));
  EXPECT_EQ(ByTurnover(2 * kBn), (ScaleResult{Scale::kMicro, ScaleCriterion::kTurnover}));
  EXPECT_EQ(ByTurnover(2 * kBn + 1), (ScaleResult{Scale::kSmall, ScaleCriterion::kTurnover}));
  EXPECT_EQ(ByTurnover(15 * kBn), (ScaleResult{Scale::kSmall, ScaleCriterion::kTurnover}));
  EXPECT_EQ(ByTurnover(15 * kBn + 1), (ScaleResult{Scale::kMedium, ScaleCriterion::kTurnover}));
  EXPECT_EQ(ByTurnover(50 * kBn), (ScaleResult{Scale::kMedium, ScaleCriterion::kTurnover}));
  EXPECT_EQ(ByTurnover(50 * kBn + 1), (ScaleResult{Scale::kLarge, ScaleCriterion::kTurnover}));
}

TEST(DeriveScale, CapitalBoundariesApplyWhenTurnoverIsUnknown) {
  EXPECT_EQ(ByCapital(0), (ScaleResult{Scale::kMicro, ScaleCriterion::kCapital}));
  EXPECT_EQ(ByCapital(1 * kBn), (ScaleResult{Scale::kMicro, ScaleCriterion::kCapital}));
  EXPECT_EQ(ByCapital(1 * kBn + 1), (ScaleResult{Scale::kSmall, ScaleCriterion::kCapital}));
  EXPECT_EQ(ByCapital(5 * kBn), (ScaleResult{Scale::kSmall, ScaleCriterion::kCapital}));
  EXPECT_EQ(ByCapital(5 * kBn + 1), (ScaleResult{Scale::kMedium, ScaleCriterion::kCapital}));
  EXPECT_EQ(ByCapital(10 * kBn), (ScaleResult{Scale::kMedium, ScaleCriterion::kCapital}));
  EXPECT_EQ(ByCapital(10 * kBn + 1), (ScaleResult{Scale::kLarge, ScaleCriterion::kCapital}));
}

TEST(DeriveScale, TurnoverWinsOverCapital) {
  // Capital alone would make these large and micro; turnover decides.
  EXPECT_EQ(DeriveScale(1 * kBn, 20 * kBn),
            (ScaleResult{Scale::kMicro, ScaleCriterion::kTurnover}));
  EXPECT_EQ(DeriveScale(60 * kBn, 0), (ScaleResult{Scale::kLarge, ScaleCriterion::kTurnover}));
}

TEST(DeriveScale, BothUnknownHasNoScale) {
  EXPECT_FALSE(DeriveScale(std::nullopt, std::nullopt).has_value());
}

TEST(NormalisePhone, AcceptsTheFormsPeopleWrite) {
  for (const char* text : {"0812-3456-7890", "+62 812 3456 7890", "6281234567890",
                           "081234567890", "81234567890", "0812.3456.7890", "(0812) 3456 7890"}) {
    auto phone = NormalisePhone(text, "phone");
    ASSERT_TRUE(phone.ok()) << text;
    EXPECT_EQ(*phone, "+6281234567890") << text;
  }
  auto landline = NormalisePhone("(0341) 591234", "phone");
  ASSERT_TRUE(landline.ok());
  EXPECT_EQ(*landline, "+62341591234");
}

TEST(NormalisePhone, RefusesMalformedNumbersNamingTheField) {
  for (const char* text : {"", "abc", "0812x3456", "+1 415 555 0100", "12345678", "0812",
                           "0812345678901234", "+62 0812 3456 7890", "0812+3456", "++62812345678",
                           "062"}) {
    auto phone = NormalisePhone(text, "owner.phone");
    ASSERT_FALSE(phone.ok()) << '"' << text << '"';
    EXPECT_EQ(phone.error().code, core::ErrorCode::kInvalidArgument);
    ASSERT_EQ(phone.error().fields.size(), 1u) << text;
    EXPECT_EQ(phone.error().fields[0].field, "owner.phone") << text;
    EXPECT_EQ(phone.error().fields[0].code, "invalid_format") << text;
  }
}

TEST(IsValidNik, AcceptsSixteenDigitsWithAProvinceCode) {
  EXPECT_TRUE(IsValidNik("3507012345670001"));
  EXPECT_TRUE(IsValidNik("1101012345670001"));
  EXPECT_TRUE(IsValidNik("9401012345670001"));
}

TEST(IsValidNik, RefusesWrongLengthsLettersAndUnknownProvinces) {
  for (const char* nik : {"", "350701234567000", "35070123456700011", "350701234567000a",
                          " 3507012345670001", "3507-01234567000", "1001012345670001",
                          "9501012345670001", "0001012345670001"}) {
    EXPECT_FALSE(IsValidNik(nik)) << '"' << nik << '"';
  }
}

TEST(MaskNik, KeepsTheFirstAndLastFourDigits) {
  EXPECT_EQ(MaskNik("3507012345670001"), "3507********0001");
  EXPECT_EQ(MaskNik("1234567"), "*******");
  EXPECT_EQ(MaskNik(""), "");
}

TEST(IsValidNib, AcceptsThirteenDigitsOnly) {
  EXPECT_TRUE(IsValidNib("1234567890123"));
  for (const char* nib : {"", "123456789012", "12345678901234", "123456789012a",
                          "1234 567890123", "-123456789012"}) {
    EXPECT_FALSE(IsValidNib(nib)) << '"' << nib << '"';
  }
}

TEST(ParseRupiah, AcceptsTheWaysPeopleWriteAmounts) {
  for (const char* text : {"1500000", "1.500.000", "Rp 1.500.000", "Rp. 1.500.000",
                           "rp1.500.000", "1,500,000", "1.500.000,00", "1,500,000.00",
                           "1500000,00", " 1500000 "}) {
    auto amount = ParseRupiah(text, "omzet");
    ASSERT_TRUE(amount.ok()) << '"' << text << '"';
    EXPECT_EQ(*amount, 1'500'000) << text;
  }
  auto zero = ParseRupiah("0", "omzet");
  ASSERT_TRUE(zero.ok());
  EXPECT_EQ(*zero, 0);
  auto thousand = ParseRupiah("1,000", "omzet");
  ASSERT_TRUE(thousand.ok());
  EXPECT_EQ(*thousand, 1'000);
}

TEST(ParseRupiah, RefusesNegativeAmountsAsNegative) {
  auto amount = ParseRupiah("-5", "capital");
  ASSERT_FALSE(amount.ok());
  ASSERT_EQ(amount.error().fields.size(), 1u);
  EXPECT_EQ(amount.error().fields[0].field, "capital");
  EXPECT_EQ(amount.error().fields[0].code, "negative");
}

TEST(ParseRupiah, RefusesFractionsAndMalformedText) {
  for (const char* text : {"1.5", "1.500,50", "1,500.50", "abc", "", "Rp", "Rp.", "1..500",
                           ".500", "1.500.00", "15.00.000", "+5", "1,5", "1.500x"}) {
    auto amount = ParseRupiah(text, "turnover");
    ASSERT_FALSE(amount.ok()) << '"' << text << '"';
    EXPECT_EQ(amount.error().code, core::ErrorCode::kInvalidArgument) << text;
    ASSERT_EQ(amount.error().fields.size(), 1u) << text;
    EXPECT_EQ(amount.error().fields[0].field, "turnover") << text;
  }
}

TEST(ParseRupiah, RefusesAmountsBeyondEighteenDigits) {
  auto ok = ParseRupiah("999999999999999999", "turnover");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, 999'999'999'999'999'999);
  auto amount = ParseRupiah("9999999999999999999", "turnover");
  ASSERT_FALSE(amount.ok());
  EXPECT_EQ(amount.error().fields[0].code, "too_large");
}

TEST(ParseSector, AcceptsCodeKbliAndIndonesianName) {
  EXPECT_EQ(ParseSector("food_processing"), Sector::kFoodProcessing);
  EXPECT_EQ(ParseSector("10"), Sector::kFoodProcessing);
  EXPECT_EQ(ParseSector("Olahan Pangan"), Sector::kFoodProcessing);
  EXPECT_EQ(ParseSector(" BATIK "), Sector::kBatik);
  EXPECT_EQ(ParseSector("13134"), Sector::kBatik);
  EXPECT_EQ(ParseSector("kuliner"), Sector::kCulinary);
  EXPECT_EQ(ParseSector("01"), Sector::kAgriculture);
  for (const auto& info : kSectors) {
    EXPECT_EQ(ParseSector(info.code), info.sector) << info.code;
    EXPECT_EQ(ParseSector(info.kbli), info.sector) << info.kbli;
    EXPECT_EQ(ParseSector(info.name_id), info.sector) << info.name_id;
    EXPECT_EQ(ToString(info.sector), info.code);
  }
}

TEST(ParseSector, RefusesUnknownSectors) {
  for (const char* text : {"", "1", "999", "food", "olahan", "mining", "food processing"}) {
    EXPECT_FALSE(ParseSector(text).has_value()) << '"' << text << '"';
  }
}

TEST(ParseGender, AcceptsIndonesianAndEnglishForms) {
  EXPECT_EQ(ParseGender("P"), Gender::kFemale);
  EXPECT_EQ(ParseGender("p"), Gender::kFemale);
  EXPECT_EQ(ParseGender("Perempuan"), Gender::kFemale);
  EXPECT_EQ(ParseGender("female"), Gender::kFemale);
  EXPECT_EQ(ParseGender("L"), Gender::kMale);
  EXPECT_EQ(ParseGender("laki-laki"), Gender::kMale);
  EXPECT_EQ(ParseGender(" male "), Gender::kMale);
}

TEST(ParseGender, RefusesAnythingElse) {
  for (const char* text : {"", "x", "laki", "lelaki", "perempuan2", "PL"}) {
    EXPECT_FALSE(ParseGender(text).has_value()) << '"' << text << '"';
  }
}

}  // namespace
}  // namespace gotong::domain::registry
