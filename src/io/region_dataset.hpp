#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/regions/region.hpp"

namespace gotong::io {

// Reads the official regions from the npm package idn-area-data (its data/ folder:
// provinces.csv, regencies.csv, districts.csv, villages.csv), checking every code.
core::Result<std::vector<domain::regions::RegionRecord>> ReadRegionDataset(const std::string& dir);

// The dataset's version ("4.0.1"), from the package.json beside the data folder; nothing when the
// folder is not inside the npm package (a copy of the CSVs alone) or the file names none.
std::optional<std::string> RegionDatasetVersion(const std::string& dir);

}  // namespace gotong::io
