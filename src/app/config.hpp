#pragma once

#include <cstddef>
#include <string>

#include "core/result.hpp"

namespace gotong::app {

// Every setting in one place: defaults here, then GOTONG_* environment, then flags (STYLE.md 9).
struct Config {
  std::string database = "sqlite:var/gotong.db";   // GOTONG_DATABASE
  std::string listen = "127.0.0.1:8080";           // GOTONG_LISTEN
  std::string web_root = "web/dist";               // GOTONG_WEB_ROOT
  std::string regions_dir = "node_modules/idn-area-data/data";  // GOTONG_REGIONS_DIR
  int threads = 4;                                 // GOTONG_THREADS
  int db_pool = 8;                                 // GOTONG_DB_POOL
  std::size_t max_body_bytes = 8 * 1024 * 1024;    // GOTONG_MAX_BODY_BYTES
  std::size_t max_upload_bytes = 512ull * 1024 * 1024;  // GOTONG_MAX_UPLOAD_BYTES (imports)
  std::string work_dir = "var";                    // GOTONG_WORK_DIR: uploads, exports
  int stale_days = 365;                            // GOTONG_STALE_DAYS
  bool cookie_secure = false;                      // GOTONG_COOKIE_SECURE
  bool trust_proxy = false;                        // GOTONG_TRUST_PROXY
  std::string log_level = "info";                  // GOTONG_LOG_LEVEL

  // Splits listen into host and port; kInvalidArgument naming the setting to fix.
  core::Status Validate() const;
  std::string ListenHost() const;
  unsigned short ListenPort() const;
};

}  // namespace gotong::app
