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
  int threads = 4;                                 // GOTONG_THREADS: I/O threads
  int db_pool = 8;                                 // GOTONG_DB_POOL
  int workers = 0;                                 // GOTONG_WORKERS: handler threads; 0 = db_pool
  int max_queue = 256;                             // GOTONG_MAX_QUEUE: requests waiting for a worker
  int max_connections = 4096;                      // GOTONG_MAX_CONNECTIONS
  int exports_per_user = 2;                        // GOTONG_EXPORTS_PER_USER
  int imports_per_user = 1;                        // GOTONG_IMPORTS_PER_USER: uploads at once
  int imports_total = 4;                           // GOTONG_IMPORTS_TOTAL: uploads at once, everyone
  std::size_t max_body_bytes = std::size_t{8} * 1024 * 1024;  // GOTONG_MAX_BODY_BYTES
  std::size_t max_upload_bytes = 512ull * 1024 * 1024;  // GOTONG_MAX_UPLOAD_BYTES (imports)
  std::size_t max_photo_bytes = std::size_t{10} * 1024 * 1024;  // GOTONG_MAX_PHOTO_BYTES (a help request's)
  std::string work_dir = "var";                    // GOTONG_WORK_DIR: uploads, exports
  int stale_days = 365;                            // GOTONG_STALE_DAYS
  bool cookie_secure = false;                      // GOTONG_COOKIE_SECURE
  bool trust_proxy = false;                        // GOTONG_TRUST_PROXY
  std::string log_level = "info";                  // GOTONG_LOG_LEVEL
  bool handle_signals = true;  // serve stops on SIGTERM/SIGINT (tests that embed it say no)

  // Splits listen into host and port; kInvalidArgument naming the setting to fix.
  core::Status Validate() const;
  std::string ListenHost() const;
  int Workers() const { return workers > 0 ? workers : db_pool; }
  unsigned short ListenPort() const;
};

}  // namespace gotong::app
