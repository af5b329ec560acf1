#include "app/config.hpp"

#include <charconv>
#include <string>

namespace gotong::app {

std::string Config::ListenHost() const {
  auto colon = listen.rfind(':');
  std::string host = listen.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  return host;
}

unsigned short Config::ListenPort() const {
  auto colon = listen.rfind(':');
  unsigned port = 0;
  std::from_chars(listen.data() + colon + 1, listen.data() + listen.size(), port);
  return static_cast<unsigned short>(port);
}

core::Status Config::Validate() const {
  auto colon = listen.rfind(':');
  unsigned port = 0;
  if (colon == std::string::npos || colon == 0) {
    return core::Error::Invalid("GOTONG_LISTEN", "invalid_format",
                                "set GOTONG_LISTEN or --listen to HOST:PORT, e.g. 127.0.0.1:8080");
  }
  auto [ptr, ec] = std::from_chars(listen.data() + colon + 1, listen.data() + listen.size(), port);
  if (ec != std::errc{} || ptr != listen.data() + listen.size() || port > 65535) {
    return core::Error::Invalid("GOTONG_LISTEN", "invalid_value",
                                "the port in GOTONG_LISTEN must be 0 to 65535");
  }
  if (threads < 1 || threads > 256) {
    return core::Error::Invalid("GOTONG_THREADS", "invalid_value", "GOTONG_THREADS must be 1 to 256");
  }
  if (db_pool < 1 || db_pool > 256) {
    return core::Error::Invalid("GOTONG_DB_POOL", "invalid_value", "GOTONG_DB_POOL must be 1 to 256");
  }
  struct Bound {
    const char* name;
    int value, low, high;
  };
  for (const Bound& bound : {Bound{"GOTONG_WORKERS", workers, 0, 1024},
                             Bound{"GOTONG_MAX_QUEUE", max_queue, 0, 100000},
                             Bound{"GOTONG_MAX_CONNECTIONS", max_connections, 1, 1000000},
                             Bound{"GOTONG_EXPORTS_PER_USER", exports_per_user, 1, 100},
                             Bound{"GOTONG_IMPORTS_PER_USER", imports_per_user, 1, 100},
                             Bound{"GOTONG_IMPORTS_TOTAL", imports_total, 1, 1000}}) {
    if (bound.value < bound.low || bound.value > bound.high) {
      return core::Error::Invalid(bound.name, "invalid_value",
                                  std::string(bound.name) + " must be " + std::to_string(bound.low) +
                                      " to " + std::to_string(bound.high));
    }
  }
  if (stale_days < 1 || stale_days > 3650) {
    return core::Error::Invalid("GOTONG_STALE_DAYS", "invalid_value",
                                "GOTONG_STALE_DAYS must be between 1 and 3650 days");
  }
  if (max_upload_bytes < 1024) {
    return core::Error::Invalid("GOTONG_MAX_UPLOAD_BYTES", "invalid_value",
                                "GOTONG_MAX_UPLOAD_BYTES must be at least 1024");
  }
  if (max_photo_bytes < 1024 || max_photo_bytes > max_upload_bytes) {
    return core::Error::Invalid("GOTONG_MAX_PHOTO_BYTES", "invalid_value",
                                "GOTONG_MAX_PHOTO_BYTES must be at least 1024 and at most GOTONG_MAX_UPLOAD_BYTES");
  }
  if (work_dir.empty()) {
    return core::Error::Invalid("GOTONG_WORK_DIR", "invalid_value", "GOTONG_WORK_DIR must not be empty");
  }
  if (max_body_bytes < 1024) {
    return core::Error::Invalid("GOTONG_MAX_BODY_BYTES", "invalid_value",
                                "GOTONG_MAX_BODY_BYTES must be at least 1024");
  }
  return core::OkStatus();
}

}  // namespace gotong::app
