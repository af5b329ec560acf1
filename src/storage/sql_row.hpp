#pragma once

// A record's columns declared once: each column's SQL next to the member it fills when a row is
// read and, for the columns the record's writes set, the value it binds. One declaration replaces
// the SELECT list, the variables, the Into chain, the copy into the record, the column list of
// the writes and their Use chain, which had to agree by position.
//
//   constexpr Column<Stakeholder> kStakeholderColumns[] = {
//       Member<&Stakeholder::id>("s.id"),  // read only
//       Field<&Stakeholder::name>("s.name"),  // read, and written by inserts and updates
//       Field<&Stakeholder::helix, ParseHelix>("s.helix"),  // an enum, read by its Parse…
//       Field<&Stakeholder::created_at>("s.created_at").OnInsert(),  // the insert writes it
//       ...};
//   constexpr RecordTable<Stakeholder> kStakeholderTable{
//       kStakeholderColumns, " FROM stakeholders s", "s", "stakeholder"};
//   FindRecord(sql, kStakeholderTable, id);
//   InsertRecord<Stakeholder>(sql, "stakeholders", kStakeholderColumns, stakeholder);

#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/page.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "storage/sql_internal.hpp"

namespace gotong::storage::internal {

// One value of a row as SOCI exchanges it: a number or a text, and whether it is NULL.
enum class CellKind : unsigned char { kNumber, kText };

struct Cell {
  long long number = 0;
  std::string text;
  soci::indicator indicator = soci::i_null;

  bool IsNull() const { return indicator != soci::i_ok; }
  void SetNumber(long long value) {
    number = value;
    indicator = soci::i_ok;
  }
  void SetText(std::string value) {
    text = std::move(value);
    indicator = soci::i_ok;
  }
  void SetNull() { indicator = soci::i_null; }
};

// Which writes set a column.
enum class Written : unsigned char { kNever, kOnInsert, kAlways };

// One column of a record: its expression in the SELECT list, the kind of its value, `fill`,
// which copies the cell into the record as a row is read (`sql` names the column in a damaged
// row's error; nullptr: the column is written, never read), and `value`, which sets the cell
// from the record as it is written (nullptr: read only). A written column is one of the record's
// table, `alias.name` (or `name`): the writes set `name`. Columns fill in their order, so a
// column may read a member an earlier one filled.
template <typename Record>
struct Column {
  std::string_view sql;
  CellKind kind;
  void (*fill)(Record& record, const Cell& cell, std::string_view sql) = nullptr;
  void (*value)(const Record& record, Cell& cell) = nullptr;
  Written written = Written::kNever;

  // The same column, set by the insert only (who made it, when, which parent).
  constexpr Column OnInsert() const {
    Column column = *this;
    column.written = Written::kOnInsert;
    return column;
  }
  bool IsRead() const { return fill != nullptr; }
  // The name the writes set.
  std::string_view Name() const {
    const auto dot = sql.find('.');
    return dot == std::string_view::npos ? sql : sql.substr(dot + 1);
  }
};

namespace cell {

template <typename T>
struct IsOptional : std::false_type {};
template <typename T>
struct IsOptional<std::optional<T>> : std::true_type {};

[[noreturn]] inline void Damaged(std::string_view sql, const std::string& what) {
  throw std::runtime_error("the database holds " + what + " in " + std::string(sql) +
                           ", which this version cannot read");
}

// The kind of cell a member of type T is stored in.
template <typename T>
constexpr CellKind KindOf() {
  if constexpr (IsOptional<T>::value) {
    return KindOf<typename T::value_type>();
  } else if constexpr (std::is_integral_v<T>) {
    return CellKind::kNumber;
  } else {
    return CellKind::kText;
  }
}

// Reads a non-NULL cell as a T; `parse` (a Parse… function returning std::optional) reads enums.
template <typename T, auto Parse>
T Read(const Cell& cell, std::string_view sql) {
  if constexpr (!std::is_same_v<decltype(Parse), std::nullptr_t>) {
    auto value = Parse(cell.text);
    if (!value) Damaged(sql, "'" + cell.text + "'");
    return *value;
  } else if constexpr (std::is_same_v<T, bool>) {
    return cell.number != 0;
  } else if constexpr (std::is_integral_v<T>) {
    return static_cast<T>(cell.number);
  } else if constexpr (std::is_same_v<T, std::string>) {
    return cell.text;
  } else if constexpr (std::is_same_v<T, core::Date>) {
    auto date = core::Date::Parse(cell.text);
    if (!date) Damaged(sql, "'" + cell.text + "'");
    return *date;
  } else {
    static_assert(std::is_same_v<T, core::Instant>,
                  "a column member is a number, text, date, time or enum");
    return InstantFrom(cell.text);
  }
}

template <typename T, auto Parse>
void Fill(T& member, const Cell& cell, std::string_view sql) {
  if constexpr (IsOptional<T>::value) {
    if (cell.IsNull()) {
      member.reset();
    } else {
      member = Read<typename T::value_type, Parse>(cell, sql);
    }
  } else {
    if (cell.IsNull()) Damaged(sql, "NULL");
    member = Read<T, Parse>(cell, sql);
  }
}

// Sets the cell from a value of type T; values with a ToString() (dates, months) and enums
// (through their ToString) are written as text.
template <typename T>
void Write(const T& value, Cell& cell) {
  if constexpr (IsOptional<T>::value) {
    if (value) {
      Write(*value, cell);
    } else {
      cell.SetNull();
    }
  } else if constexpr (std::is_integral_v<T>) {
    cell.SetNumber(static_cast<long long>(value));
  } else if constexpr (std::is_same_v<T, std::string>) {
    cell.SetText(value);
  } else if constexpr (std::is_same_v<T, core::Instant>) {
    cell.SetText(Text(value));
  } else if constexpr (requires { value.ToString(); }) {  // a date, a month
    cell.SetText(value.ToString());
  } else {
    cell.SetText(std::string(ToString(value)));
  }
}

template <typename Record, typename T>
Record RecordOf(T Record::*);
template <typename Record, typename T>
T MemberOf(T Record::*);

}  // namespace cell

// The column `sql` read into the record's member `Pointer` (enums through `Parse`).
template <auto Pointer, auto Parse = nullptr>
constexpr auto Member(std::string_view sql) {
  using Record = decltype(cell::RecordOf(Pointer));
  using T = decltype(cell::MemberOf(Pointer));
  return Column<Record>{sql, cell::KindOf<T>(),
                        [](Record& record, const Cell& value, std::string_view column) {
                          cell::Fill<T, Parse>(record.*Pointer, value, column);
                        }};
}

// The column `sql` (`alias.name`) read into the record's member `Pointer` and written from it by
// inserts and updates; `.OnInsert()`: by the insert only.
template <auto Pointer, auto Parse = nullptr>
constexpr auto Field(std::string_view sql) {
  using Record = decltype(cell::RecordOf(Pointer));
  Column<Record> column = Member<Pointer, Parse>(sql);
  column.value = [](const Record& record, Cell& value) { cell::Write(record.*Pointer, value); };
  column.written = Written::kAlways;
  return column;
}

// The column `name` written from the record's member `Pointer` by inserts and updates, never
// read (a search key, a value the row keeps for its indexes).
template <auto Pointer>
constexpr auto WrittenOnly(std::string_view name) {
  using Record = decltype(cell::RecordOf(Pointer));
  using T = decltype(cell::MemberOf(Pointer));
  return Column<Record>{
      name, cell::KindOf<T>(), nullptr,
      [](const Record& record, Cell& value) { cell::Write(record.*Pointer, value); },
      Written::kAlways};
}

// The column `sql` read into member `Field` of the record's part `Part` (a struct member, or an
// optional one that an earlier column made: left empty while it is not).
template <auto Part, auto Field, auto Parse = nullptr>
constexpr auto PartMember(std::string_view sql) {
  using Record = decltype(cell::RecordOf(Part));
  using Whole = decltype(cell::MemberOf(Part));
  using T = decltype(cell::MemberOf(Field));
  return Column<Record>{sql, cell::KindOf<T>(),
                        [](Record& record, const Cell& value, std::string_view column) {
                          auto& part = record.*Part;
                          if constexpr (cell::IsOptional<Whole>::value) {
                            if (part) cell::Fill<T, Parse>((*part).*Field, value, column);
                          } else {
                            cell::Fill<T, Parse>(part.*Field, value, column);
                          }
                        }};
}

// The column `sql` read into member `Field` of the record's part `Part` as PartMember reads it,
// and written from it (NULL without an optional part) by inserts and updates.
template <auto Part, auto Field, auto Parse = nullptr>
constexpr auto PartField(std::string_view sql) {
  using Record = decltype(cell::RecordOf(Part));
  using Whole = decltype(cell::MemberOf(Part));
  Column<Record> column = PartMember<Part, Field, Parse>(sql);
  column.value = [](const Record& record, Cell& value) {
    const auto& part = record.*Part;
    if constexpr (cell::IsOptional<Whole>::value) {
      if (!part) return value.SetNull();
      cell::Write((*part).*Field, value);
    } else {
      cell::Write(part.*Field, value);
    }
  };
  column.written = Written::kAlways;
  return column;
}

// The SELECT list of `columns` (those read).
template <typename Record>
std::string SelectList(std::span<const Column<Record>> columns) {
  std::string list;
  for (const auto& column : columns) {
    if (!column.IsRead()) continue;
    if (!list.empty()) list += ", ";
    list += column.sql;
  }
  return list;
}

// One row's cells, bound to a query: after each fetch, Get() makes the record of the row.
template <typename Record>
class RowReader {
 public:
  explicit RowReader(std::span<const Column<Record>> columns)
      : columns_(columns), cells_(columns.size()) {}
  RowReader(const RowReader&) = delete;  // the query holds references to the cells
  RowReader& operator=(const RowReader&) = delete;

  void Bind(Query& query) {
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      if (!columns_[i].IsRead()) continue;
      Cell& cell = cells_[i];
      if (columns_[i].kind == CellKind::kNumber) {
        query.Into(cell.number, cell.indicator);
      } else {
        query.Into(cell.text, cell.indicator);
      }
    }
  }
  Record Get() const {
    // SOCI leaves a cell's value as it was when it fetches NULL: a fill sees an empty cell, never
    // the value of the row before.
    static const Cell* const kNull = new Cell();
    Record record{};
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      if (!columns_[i].IsRead()) continue;
      columns_[i].fill(record, cells_[i].IsNull() ? *kNull : cells_[i], columns_[i].sql);
    }
    return record;
  }

 private:
  std::span<const Column<Record>> columns_;
  std::vector<Cell> cells_;
};

// One record's written values, bound to a statement in the order of its columns.
template <typename Record>
class RowWriter {
 public:
  // The columns of `columns` that an insert (or, with `update`, an update) writes.
  RowWriter(std::span<const Column<Record>> columns, const Record& record, bool update) {
    for (const auto& column : columns) {
      if (column.written == Written::kNever || (update && column.written != Written::kAlways))
        continue;
      column.value(record, cells_.emplace_back());
      kinds_.push_back(column.kind);
      names_.push_back(column.Name());
    }
  }
  RowWriter(const RowWriter&) = delete;
  RowWriter& operator=(const RowWriter&) = delete;

  void Bind(Query& query) {
    for (std::size_t i = 0; i < cells_.size(); ++i) {
      Cell& cell = cells_[i];
      if (kinds_[i] == CellKind::kNumber) {
        query.Use(cell.number, cell.indicator);
      } else {
        query.Use(cell.text, cell.indicator);
      }
    }
  }
  // "INSERT INTO <table> (<columns>) VALUES (<their values>) RETURNING id"
  std::string InsertSql(std::string_view table) const {
    std::string names;
    std::string values;
    for (std::size_t i = 0; i < names_.size(); ++i) {
      if (i > 0) {
        names += ", ";
        values += ", ";
      }
      names += names_[i];
      values += ":v" + std::to_string(i);
    }
    return "INSERT INTO " + std::string(table) + " (" + names + ") VALUES (" + values +
           ") RETURNING id";
  }
  // "UPDATE <table> SET <column> = <its value>, … WHERE id = :id", the id bound after the values.
  std::string UpdateSql(std::string_view table) const {
    std::string sets;
    for (std::size_t i = 0; i < names_.size(); ++i) {
      if (i > 0) sets += ", ";
      sets += std::string(names_[i]) + " = :v" + std::to_string(i);
    }
    return "UPDATE " + std::string(table) + " SET " + sets + " WHERE id = :id";
  }

 private:
  std::vector<Cell> cells_;  // complete before Bind, so the references it binds stay valid
  std::vector<CellKind> kinds_;
  std::vector<std::string_view> names_;
};

// One kind of record as it is read: its columns, " FROM <table> <alias>" with any joins, the
// alias, its name in messages ("group", "ledger entry") and, where the table has a unique key a
// person can collide with, the conflict its violation is (AddRecord and ChangeRecord return it).
template <typename Record>
struct RecordTable {
  std::span<const Column<Record>> columns;
  std::string_view from;
  std::string_view alias;
  std::string_view noun;
  core::Error (*taken)() = nullptr;

  // "SELECT <columns> FROM …"
  std::string Select() const { return "SELECT " + SelectList(columns) + std::string(from); }
  // The table itself: "groups" of " FROM groups g …", the one inserts and updates write.
  constexpr std::string_view Table() const {
    constexpr std::string_view kFrom = " FROM ";
    const auto table_end = from.find(' ', kFrom.size());
    return from.substr(kFrom.size(), table_end == std::string_view::npos
                                         ? std::string_view::npos
                                         : table_end - kFrom.size());
  }
  // The joins alone, after " FROM <table> <alias>": for a query that chooses its rows first (a
  // page's ids in a subquery) and joins the rest to them.
  constexpr std::string_view Joins() const {
    constexpr std::string_view kFrom = " FROM ";
    const auto table_end = from.find(' ', kFrom.size());
    return table_end == std::string_view::npos ? std::string_view()
                                               : from.substr(table_end + 1 + alias.size());
  }
};

// The first record `where` selects (" WHERE … [ORDER BY …]", its parameters in `params`), or
// nullopt.
template <typename Record>
std::optional<Record> FirstRecord(soci::session& sql, const RecordTable<Record>& table,
                                  const std::string& where, const Params& params) {
  RowReader<Record> row(table.columns);
  Query query(sql);
  row.Bind(query);
  params.BindTo(query);
  if (!query.Run(table.Select() + where)) return std::nullopt;
  return row.Get();
}

// Record `id` of `table` (with `group_id`, only a record of that group), or nullopt.
template <typename Record>
std::optional<Record> FetchRecord(soci::session& sql, const RecordTable<Record>& table,
                                  std::int64_t id,
                                  std::optional<std::int64_t> group_id = std::nullopt) {
  Params params;
  std::string where = " WHERE " + std::string(table.alias) + ".id = ";
  params.Number(where, id);
  if (group_id) {
    where += " AND " + std::string(table.alias) + ".group_id = ";
    params.Number(where, *group_id);
  }
  return FirstRecord(sql, table, where, params);
}

// Record `id` (with `group_id`, only a record of that group), or kNotFound naming it; database
// failures become errors as in Guard.
template <typename Record>
core::Result<Record> FindRecord(soci::session& sql, const RecordTable<Record>& table,
                                std::int64_t id,
                                std::optional<std::int64_t> group_id = std::nullopt) {
  const std::string noun(table.noun);
  return Guard("find " + noun, [&]() -> core::Result<Record> {
    if (auto record = FetchRecord(sql, table, id, group_id)) return *std::move(record);
    std::string number = std::to_string(id);
    return core::Error::NotFound(group_id ? "no " + noun + " " + number + " in this group"
                                          : "no " + noun + " with id " + number);
  });
}

// The records `where` selects (" WHERE … ORDER BY …", its parameters in `params`).
template <typename Record>
std::vector<Record> SelectRecords(soci::session& sql, const RecordTable<Record>& table,
                                  const std::string& where, const Params& params) {
  std::vector<Record> records;
  RowReader<Record> row(table.columns);
  Query query(sql);
  row.Bind(query);
  params.BindTo(query);
  query.ForEachRow(table.Select() + where, [&] { records.push_back(row.Get()); });
  return records;
}

// The records whose `column` is `id`, in `order` (after ORDER BY): a record's children, or one
// kind of record of a group.
template <typename Record>
std::vector<Record> RecordsWhere(soci::session& sql, const RecordTable<Record>& table,
                                 std::string_view column, std::int64_t id, std::string_view order) {
  Params params;
  std::string where = " WHERE " + std::string(column) + " = ";
  params.Number(where, id);
  return SelectRecords(sql, table, where + " ORDER BY " + std::string(order), params);
}

// The rows of a child table whose `parent_column` (e.g. "l.entry_id") is one of `parent_ids`,
// each handed to `add(parent_id, child)` in `order` (after ORDER BY, e.g. "l.entry_id, l.line_no").
// `from` is " FROM <child table> <alias>" with any joins its columns need.
template <typename Child, typename Add>
void ReadChildren(soci::session& sql, std::span<const Column<Child>> columns, std::string_view from,
                  std::string_view parent_column, const std::vector<std::int64_t>& parent_ids,
                  std::string_view order, Add&& add) {
  if (parent_ids.empty()) return;
  Params params;
  const std::string text = "SELECT " + SelectList(columns) + ", " + std::string(parent_column) +
                           std::string(from) + " WHERE " + std::string(parent_column) + " IN " +
                           IdList(params, parent_ids) + " ORDER BY " + std::string(order);
  RowReader<Child> row(columns);
  long long parent = 0;
  Query query(sql);
  row.Bind(query);
  query.Into(parent);
  params.BindTo(query);
  query.ForEachRow(text, [&] { add(static_cast<std::int64_t>(parent), row.Get()); });
}

// Fills each of `parents`' `Children` (a std::vector member) with its rows of a child table, read
// in one query for all of them (a page of a list, or one record): see ReadChildren.
template <auto Children>
void LoadChildren(
    soci::session& sql, std::span<decltype(cell::RecordOf(Children))> parents,
    std::span<const Column<typename decltype(cell::MemberOf(Children))::value_type>> columns,
    std::string_view from, std::string_view parent_column, std::string_view order) {
  using Parent = decltype(cell::RecordOf(Children));
  std::map<std::int64_t, Parent*> by_id;
  std::vector<std::int64_t> ids;
  ids.reserve(parents.size());
  for (auto& parent : parents) {
    by_id[parent.id] = &parent;
    ids.push_back(parent.id);
  }
  ReadChildren(sql, columns, from, parent_column, ids, order, [&](std::int64_t parent, auto child) {
    (by_id.at(parent)->*Children).push_back(std::move(child));
  });
}

// The page of records `where` selects (" WHERE …", its parameters in `params`) in `order`.
template <typename Record>
core::Page<Record> PagedRecords(soci::session& sql, const core::PageRequest& page,
                                const RecordTable<Record>& table, const std::string& where,
                                const Params& params, const std::string& order) {
  RowReader<Record> row(table.columns);
  return PagedQuery<Record>(
      sql, page, SelectList(table.columns), std::string(table.from) + where, params, order,
      [&](Query& query) { row.Bind(query); }, [&] { return row.Get(); });
}

// Inserts `record` into `table` (the columns of `columns` an insert writes); returns the new id.
template <typename Record>
std::int64_t InsertRecord(soci::session& sql, std::string_view table,
                          std::span<const Column<Record>> columns, const Record& record) {
  RowWriter<Record> values(columns, record, false);
  long long id = 0;
  Query query(sql);
  values.Bind(query);
  query.Into(id);
  query.Run(values.InsertSql(table));
  return static_cast<std::int64_t>(id);
}

// Writes the columns of `columns` an update writes over row `record.id`; returns the rows
// changed (0: no such row, for the callers that say so).
template <typename Record>
long long UpdateRecord(soci::session& sql, std::string_view table,
                       std::span<const Column<Record>> columns, const Record& record) {
  RowWriter<Record> values(columns, record, true);
  long long key = record.id;
  Query query(sql);
  values.Bind(query);
  query.Use(key);
  query.Run(values.UpdateSql(table));
  return query.AffectedRows();
}

// InsertRecord into `table`'s own table, as a repository returns it: a database failure is an
// error as in Guard ("insert <noun>: …"); with `taken` (or else the table's), a unique violation
// is the conflict it names, as in GuardUnique.
template <typename Record, typename... Taken>
core::Result<std::int64_t> AddRecord(soci::session& sql, const RecordTable<Record>& table,
                                     const Record& record, Taken&&... taken) {
  static_assert(sizeof...(Taken) <= 1);
  auto insert = [&]() -> core::Result<std::int64_t> {
    return InsertRecord<Record>(sql, table.Table(), table.columns, record);
  };
  const std::string what = "insert " + std::string(table.noun);
  if constexpr (sizeof...(Taken) == 0) {
    return table.taken ? GuardUnique(what, table.taken, insert) : Guard(what, insert);
  } else {
    return GuardUnique(what, taken..., insert);
  }
}

// UpdateRecord of `table`'s own table, as a repository returns it (see AddRecord).
template <typename Record, typename... Taken>
core::Status ChangeRecord(soci::session& sql, const RecordTable<Record>& table,
                          const Record& record, Taken&&... taken) {
  static_assert(sizeof...(Taken) <= 1);
  auto update = [&]() -> core::Status {
    UpdateRecord<Record>(sql, table.Table(), table.columns, record);
    return core::OkStatus();
  };
  const std::string what = "update " + std::string(table.noun);
  if constexpr (sizeof...(Taken) == 0) {
    return table.taken ? GuardUnique(what, table.taken, update) : Guard(what, update);
  } else {
    return GuardUnique(what, taken..., update);
  }
}

}  // namespace gotong::storage::internal
