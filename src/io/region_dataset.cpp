#include "io/region_dataset.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>

#include "io/csv_reader.hpp"

namespace gotong::io {

core::Result<std::vector<domain::regions::RegionRecord>> ReadRegionDataset(const std::string& dir) {
  using domain::regions::Level;
  struct File {
    const char* name;
    Level level;
  };
  static constexpr File kFiles[] = {{"provinces.csv", Level::kProvince},
                                    {"regencies.csv", Level::kRegency},
                                    {"districts.csv", Level::kDistrict},
                                    {"villages.csv", Level::kVillage}};
  std::vector<domain::regions::RegionRecord> records;
  records.reserve(92000);
  for (const File& file : kFiles) {
    std::string path = dir + "/" + file.name;
    std::ifstream input(path, std::ios::binary);
    if (!input) {
      return core::Error::Unavailable("cannot read " + path +
                                      " (set GOTONG_REGIONS_DIR to idn-area-data's data folder)");
    }
    std::string problem;
    auto status = ReadCsv(input, {','}, [&](std::int64_t line, const std::vector<std::string>& f) {
      if (line == 1) return true;  // header: code,[parent_code,]name
      if (f.size() < 2) {
        problem = path + " line " + std::to_string(line) + ": too few fields";
        return false;
      }
      const std::string& code = f.front();
      if (domain::regions::LevelOfCode(code) != file.level) {
        problem = path;
        problem += " line " + std::to_string(line) + ": not a " +
                   std::string(domain::regions::ToString(file.level)) + " code: " + code;
        return false;
      }
      records.push_back({code, f.back()});
      return true;
    });
    if (!status.ok()) return std::move(status).error();
    if (!problem.empty()) return core::Error::Internal(problem);
  }
  return records;
}

std::optional<std::string> RegionDatasetVersion(const std::string& dir) {
  std::filesystem::path package = std::filesystem::path(dir).lexically_normal();
  if (!package.has_filename()) package = package.parent_path();  // "…/data/" names the same folder
  std::ifstream input(package.parent_path() / "package.json", std::ios::binary);
  if (!input) return std::nullopt;
  std::string text((std::istreambuf_iterator<char>(input)), std::istreambuf_iterator<char>());
  if (text.size() > 1 << 20) return std::nullopt;
  // The package's own version: the first "version" key (dependencies are name: range pairs).
  static const std::regex kVersion(R"re("version"\s*:\s*"([0-9A-Za-z.+-]{1,40})")re");
  std::smatch match;
  if (!std::regex_search(text, match, kVersion)) return std::nullopt;
  return match[1].str();
}

}  // namespace gotong::io
