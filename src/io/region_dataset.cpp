#include "io/region_dataset.hpp"

#include <fstream>

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

}  // namespace gotong::io
