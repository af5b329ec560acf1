#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/regions/region.hpp"

namespace gotong::io {

// Reads the official regions from the npm package idn-area-data (its data/ folder:
// provinces.csv, regencies.csv, districts.csv, villages.csv), checking every code.
core::Result<std::vector<domain::regions::RegionRecord>> ReadRegionDataset(const std::string& dir);

}  // namespace gotong::io
