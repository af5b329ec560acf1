#pragma once

#include <optional>
#include <string>

#include "api/http.hpp"

namespace gotong::api {

// Serves the built web app: files under `root`, hashed assets cached for a year, and
// index.html for any other GET path so the single-page app can route it. A compressible file is
// sent as its pre-compressed `.br` or `.gz` sibling when there is one the client accepts.
Response ServeStatic(const Request& request, const std::string& root);

}  // namespace gotong::api
