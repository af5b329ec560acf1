#pragma once

#include <cstdint>

#include "core/result.hpp"

namespace gotong::domain {

// What every repository of a record kept under its own id answers: insert it (the new id),
// update it, and find it by id (kNotFound naming the record). A context's repository adds its
// lists and lookups: `class PersonRepository : public RecordRepository<Person> { ... };`.
template <typename Record>
class RecordRepository {
 public:
  virtual ~RecordRepository() = default;
  virtual core::Result<std::int64_t> Insert(const Record& record) = 0;
  virtual core::Status Update(const Record& record) = 0;
  virtual core::Result<Record> Find(std::int64_t id) = 0;
};

}  // namespace gotong::domain
