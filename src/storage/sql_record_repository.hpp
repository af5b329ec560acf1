#pragma once

// The SOCI side of domain::RecordRepository: a repository of one record table gets Insert, Update
// and Find from the table's RecordTable, so that it writes only the queries of its own.
//
//   class SqlPersonRepository final
//       : public SqlRecordRepository<domain::registry::PersonRepository, domain::registry::Person> {
//    public:
//     explicit SqlPersonRepository(soci::session& sql);  // : SqlRecordRepository(sql, kPersonTable)
//     ... List and the other queries ...
//   };

#include <soci/soci.h>

#include <cstdint>

#include "core/result.hpp"
#include "storage/sql_row.hpp"

namespace gotong::storage::internal {

template <typename Interface, typename Record>
class SqlRecordRepository : public Interface {
 public:
  // The record as AddRecord, ChangeRecord and FindRecord write and read it; a repository whose
  // record has more than its row (children, defaults an insert sets) overrides what differs.
  core::Result<std::int64_t> Insert(const Record& record) override {
    return AddRecord(sql_, table_, record);
  }
  core::Status Update(const Record& record) override { return ChangeRecord(sql_, table_, record); }
  core::Result<Record> Find(std::int64_t id) override { return FindRecord(sql_, table_, id); }

 protected:
  // `table` outlives the repository: the constexpr RecordTable of its source file.
  SqlRecordRepository(soci::session& sql, const RecordTable<Record>& table)
      : sql_(sql), table_(table) {}

  soci::session& sql_;

 private:
  const RecordTable<Record>& table_;
};

}  // namespace gotong::storage::internal
