#pragma once

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/bounded_queue.hpp"
#include "domain/registry/import.hpp"
#include "domain/registry/import_row.hpp"
#include "domain/registry/row_parser.hpp"

namespace gotong::domain::registry {

// Rows read and checked, on their way from the reading thread of a job to the writing one.
struct Batch {
  std::vector<ImportRecord> records;
  std::vector<RowError> errors;
  std::int64_t failed = 0;      // rows refused; each has at least one error
  std::int64_t bytes_read = 0;  // of the file, up to the batch's last row
};

// The rows of one file seen so far, so that a second row with the same NIB, NIK or owner +
// name + village is refused: neither mode writes the same enterprise twice, and a NIK belongs to
// one person. (Match keys are remembered by a 64-bit hash: two distinct keys colliding among a
// million rows has odds of about 1 in 30 million.)
class SeenRows {
 public:
  // Remembers the record's keys; false, with the error naming the earlier line, when one of
  // them was already seen (the record is then not remembered).
  bool Add(const ImportRecord& record, std::vector<RowError>& errors);

 private:
  std::unordered_map<std::uint64_t, std::int64_t> nibs_, niks_, keys_;
};

// A RowSource's error as the job's note: its message, and its one field's code and parameters.
JobNote NoteOf(const core::Error& error);

// The reading side of a job: reads, checks and batches every data row of `source` (whose header
// Start has read), `batch_rows` rows a batch, into `queue`, and closes it with the source's
// error if it cannot read on. The first `rows_done` rows, which an interrupted run already wrote,
// are read only for their keys.
void ReadRows(RowSource& source, RowParser& parser, std::int64_t rows_done,
              std::size_t batch_rows, core::BoundedQueue<Batch>& queue);

}  // namespace gotong::domain::registry
