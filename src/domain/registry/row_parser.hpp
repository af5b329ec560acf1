#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/clock.hpp"
#include "domain/registry/import.hpp"
#include "domain/registry/import_row.hpp"

namespace gotong::domain::registry {

// Village codes of the official region list, looked up per row without allocating.
struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};
using VillageSet = std::unordered_set<std::string, TextHash, std::equal_to<>>;

// Turns one data row into an owner and her enterprise, or into the errors that refuse it: each
// error names the column as the file calls it, shows the cell back, and carries a row_error code
// with its parameters.
class RowParser {
 public:
  // `now`: what verified dates may not pass, and when a NIK's consent was given.
  RowParser(const VillageSet& villages, core::Instant now);

  // True with `record` filled; false with the row's errors appended to `errors`.
  bool Parse(const ImportRow& row, ImportRecord& record, std::vector<RowError>& errors);

 private:
  void Fail(ImportField field, std::string_view code, const std::string& why,
            std::vector<RowErrorParam> params = {});
  std::optional<std::string> Text(ImportField field, std::size_t max, bool required);
  std::optional<std::int64_t> Number(ImportField field, std::int64_t min, std::int64_t max,
                                     std::string_view code);
  std::optional<std::int64_t> Amount(ImportField field);
  void ReadOwner(Person& owner);
  void ReadEnterprise(Enterprise& enterprise);
  void ReadVillage(Enterprise& enterprise);
  void ReadVerifiedAt(Enterprise& enterprise);

  const VillageSet& villages_;
  core::Instant now_;
  int this_year_;
  const ImportRow* row_ = nullptr;
  std::vector<RowError>* errors_ = nullptr;
};

}  // namespace gotong::domain::registry
