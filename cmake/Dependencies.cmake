# Every dependency comes from Debian's packages (scripts/install-deps.sh installs them).
set(Boost_NO_WARN_NEW_VERSIONS ON)
find_package(Boost 1.81 EXACT REQUIRED COMPONENTS json url)
find_package(CLI11 REQUIRED)
find_package(spdlog REQUIRED)
find_package(Threads REQUIRED)
find_package(ZLIB REQUIRED)  # gzip of API answers (Debian's zlib1g-dev)
find_package(PkgConfig REQUIRED)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
# libvips: decodes members' photos with only its JPEG, PNG and WebP loaders, turns them upright,
# shrinks them and re-encodes them without their EXIF (Debian's libvips-dev).
pkg_check_modules(VIPS REQUIRED IMPORTED_TARGET vips)
find_package(SQLite3 REQUIRED)
find_package(PostgreSQL REQUIRED)

# SOCI 4.0 in Debian ships no CMake package: find its libraries by name.
find_path(SOCI_INCLUDE_DIR soci/soci.h REQUIRED)
foreach(part core sqlite3 postgresql)
  find_library(SOCI_${part}_LIBRARY NAMES soci_${part} REQUIRED)
endforeach()
add_library(soci INTERFACE)
target_include_directories(soci SYSTEM INTERFACE ${SOCI_INCLUDE_DIR} ${PostgreSQL_INCLUDE_DIRS})
target_link_libraries(soci INTERFACE ${SOCI_core_LIBRARY} ${SOCI_sqlite3_LIBRARY}
  ${SOCI_postgresql_LIBRARY} SQLite::SQLite3 PostgreSQL::PostgreSQL)

# libcsv: a small, streaming RFC 4180 parser (quotes, embedded delimiters and newlines).
find_path(CSV_INCLUDE_DIR csv.h REQUIRED)
find_library(CSV_LIBRARY NAMES csv REQUIRED)
add_library(libcsv INTERFACE)
target_include_directories(libcsv SYSTEM INTERFACE ${CSV_INCLUDE_DIR})
target_link_libraries(libcsv INTERFACE ${CSV_LIBRARY})

if(GOTONG_BUILD_TESTS)
  find_package(GTest REQUIRED)
  find_package(benchmark REQUIRED)
endif()

# libxlsxwriter: writes real .xlsx workbooks (registry exports), in constant memory.
find_path(XLSXWRITER_INCLUDE_DIR xlsxwriter.h REQUIRED)
find_library(XLSXWRITER_LIBRARY xlsxwriter REQUIRED)
add_library(xlsxwriter INTERFACE)
target_include_directories(xlsxwriter SYSTEM INTERFACE ${XLSXWRITER_INCLUDE_DIR})
target_link_libraries(xlsxwriter INTERFACE ${XLSXWRITER_LIBRARY})

# LEMON (Debian's liblemon-dev): mentor matching as a min-cost flow (optim/). Its CMake
# package sets variables only; one target carries them, its headers as system headers.
find_package(lemon CONFIG REQUIRED PATHS /usr/lib/${CMAKE_LIBRARY_ARCHITECTURE}/cmake/lemon)
add_library(lemon INTERFACE)
target_include_directories(lemon SYSTEM INTERFACE ${LEMON_INCLUDE_DIRS})
target_link_libraries(lemon INTERFACE ${LEMON_LIBRARIES})
