#pragma once

// Shared by the SOCI implementations; not part of storage's public interface.

#include <soci/soci.h>

#include <exception>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "storage/migrations.hpp"

namespace gotong::storage::internal {

// One statement built from bound variables; keeps SOCI's exchange/prepare sequence in one place.
class Query {
 public:
  explicit Query(soci::session& sql) : statement_(sql) {}

  template <typename T>
  Query& Into(T& value) {
    statement_.exchange(soci::into(value));
    return *this;
  }
  template <typename T>
  Query& Into(T& value, soci::indicator& indicator) {
    statement_.exchange(soci::into(value, indicator));
    return *this;
  }
  template <typename T>
  Query& Use(const T& value) {
    statement_.exchange(soci::use(value));
    return *this;
  }
  template <typename T>
  Query& Use(T& value, soci::indicator& indicator) {
    statement_.exchange(soci::use(value, indicator));
    return *this;
  }
  // Runs the statement; for a query, true when a first row was fetched into the variables.
  bool Run(const std::string& sql) {
    statement_.alloc();
    statement_.prepare(sql);
    statement_.define_and_bind();
    return statement_.execute(true);
  }
  bool Next() { return statement_.fetch(); }
  long long AffectedRows() { return statement_.get_affected_rows(); }

 private:
  soci::statement statement_;
};

core::Error MapError(const std::string& what, const soci::soci_error& error);

// Runs `body`, turning database exceptions into error values at the repository boundary.
template <typename Body>
auto Guard(const std::string& what, Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const soci::soci_error& error) {
    return MapError(what, error);
  } catch (const std::exception& error) {
    return core::Error::Internal(what + ": " + error.what());
  }
}

bool IsUniqueViolation(const soci::soci_error& error);

inline std::string Text(core::Instant instant) { return core::FormatInstant(instant); }
core::Instant InstantFrom(const std::string& text);
std::optional<core::Instant> OptionalInstant(const std::string& text, soci::indicator indicator);

}  // namespace gotong::storage::internal
