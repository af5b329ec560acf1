#pragma once

// Shared by the SOCI implementations; not part of storage's public interface.

#include <soci/soci.h>

#include <cstdint>
#include <deque>
#include <exception>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "core/page.hpp"
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
  // SOCI binds by reference and reads the value at Run: a temporary would be gone by then.
  template <typename T>
  Query& Use(const T&& value) = delete;
  template <typename T>
  Query& Use(T& value, soci::indicator& indicator) {
    statement_.exchange(soci::use(value, indicator));
    return *this;
  }
  // Runs the statement; for a query, true when a first row was fetched into the variables.
  bool Run(const std::string& sql) {
    statement_.alloc();
    // One round trip on PostgreSQL (PQexecParams) where a repeatable query takes three
    // (prepare, execute, deallocate): each statement here runs once.
    statement_.prepare(sql, soci::details::st_one_time_query);
    statement_.define_and_bind();
    return statement_.execute(true);
  }
  bool Next() { return statement_.fetch(); }
  // Runs the statement and calls `row` once for each row fetched into the variables.
  template <typename Row>
  void ForEachRow(const std::string& sql, Row&& row) {
    if (!Run(sql)) return;
    do {
      row();
    } while (Next());
  }
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

// As Guard, and a unique constraint's violation becomes the conflict `taken` names: an error made
// of nothing, or of the violation (where which constraint it was matters).
template <typename Taken, typename Body>
auto GuardUnique(const std::string& what, Taken&& taken, Body&& body) -> decltype(body()) {
  return Guard(what, [&]() -> decltype(body()) {
    try {
      return body();
    } catch (const soci::soci_error& error) {
      if (!IsUniqueViolation(error)) throw;
      if constexpr (std::is_invocable_v<Taken&, const soci::soci_error&>) {
        return taken(error);
      } else {
        return taken();
      }
    }
  });
}

// A stored value read back through `parse` (a Parse… function returning std::optional). Text
// the code cannot read is a damaged row: an error, never a default that would hide it.
template <typename Parse>
auto Stored(std::string_view column, const std::string& text, Parse parse) {
  auto value = parse(text);
  if (!value) {
    throw std::runtime_error("the database holds '" + text + "' in a " + std::string(column) +
                             " column, which this version cannot read");
  }
  return *value;
}

inline std::string Text(core::Instant instant) { return core::FormatInstant(instant); }
core::Instant InstantFrom(const std::string& text);

// Binds one statement's parameters in the order they appear, keeping their storage alive.
class Params {
 public:
  const std::string& Add(std::string value) { return texts_.emplace_back(std::move(value)); }
  void BindTo(Query& query) const {
    for (const auto& [kind, index] : order_) {
      if (kind == 0) {
        query.Use(texts_[index]);
      } else {
        query.Use(numbers_[index]);
      }
    }
  }
  // Appends ":pN" to `sql` for a text value.
  void Text(std::string& sql, std::string value) {
    texts_.push_back(std::move(value));
    order_.emplace_back(0, texts_.size() - 1);
    sql += ":p" + std::to_string(order_.size());
  }
  void Number(std::string& sql, long long value) {
    numbers_.push_back(value);
    order_.emplace_back(1, numbers_.size() - 1);
    sql += ":p" + std::to_string(order_.size());
  }
  // Appends " LIMIT :pN OFFSET :pM" for `page`.
  void Page(std::string& sql, const core::PageRequest& page) {
    sql += " LIMIT ";
    Number(sql, page.limit);
    sql += " OFFSET ";
    Number(sql, page.offset);
  }

 private:
  std::deque<std::string> texts_;
  std::deque<long long> numbers_;
  std::vector<std::pair<int, std::size_t>> order_;
};

// The number of rows `from_where` (" FROM … WHERE …", its parameters in `params`) selects.
inline long long CountRows(soci::session& sql, const std::string& from_where,
                           const Params& params) {
  long long total = 0;
  Query count(sql);
  count.Into(total);
  params.BindTo(count);
  count.Run("SELECT COUNT(*)" + from_where);
  return total;
}

// The count-then-page pattern of every list: counts the rows `from_where` selects (" FROM …
// WHERE …", its parameters in `params`), then, unless the page lies past the end, reads the
// page: `columns` (the text after SELECT) in `order` (after ORDER BY). `bind` binds the row's
// variables to the page's query; `item` makes an item of the row just fetched.
template <typename T, typename Bind, typename Item>
core::Page<T> PagedQuery(soci::session& sql, const core::PageRequest& page, const std::string& columns,
                         const std::string& from_where, const Params& params, const std::string& order,
                         Bind&& bind, Item&& item) {
  core::Page<T> result{{}, 0, page.limit, page.offset};
  const long long total = CountRows(sql, from_where, params);
  result.total = total;
  if (total <= page.offset) return result;
  long long limit = page.limit, offset = page.offset;
  Query query(sql);
  bind(query);
  params.BindTo(query);
  query.Use(limit).Use(offset);
  query.ForEachRow("SELECT " + columns + from_where + " ORDER BY " + order + " LIMIT :l OFFSET :o",
                   [&] { result.items.push_back(item()); });
  return result;
}

// The codes of `code_length` characters (a village's 13 by default, a regency's 5 in the tallies)
// that lie in `region`: the code itself when `region` is as long, else the codes from
// "<region>." up to "<region>/" ('/' follows '.'), an index range on both backends where LIKE is
// not one on SQLite. The range needs a byte-order collation, which the database checks on
// connecting.
struct RegionRange {
  bool exact = false;  // `from` is the one code
  std::string from, to;
};
inline RegionRange RangeOf(const std::string& region, std::size_t code_length = 13) {
  if (region.size() == code_length) return {true, region, region};  // a village: 35.79.01.1001
  return {false, region + ".", region + "/"};
}

// The condition that `column` lies in `region` (RangeOf).
inline std::string RegionMatch(const std::string& column, const std::string& region, Params& params,
                               std::size_t code_length = 13) {
  const RegionRange range = RangeOf(region, code_length);
  std::string sql = column + (range.exact ? " = " : " >= ");
  params.Text(sql, range.from);
  if (!range.exact) {
    sql += " AND " + column + " < ";
    params.Text(sql, range.to);
  }
  return sql;
}

// Appends " AND <column> >= :from" and " AND <column> <= :to" to `where` for the bounds given.
inline void AddDateRange(std::string& where, Params& params, const std::string& column,
                         const std::optional<core::Date>& from, const std::optional<core::Date>& to) {
  if (from) {
    where += " AND " + column + " >= ";
    params.Text(where, from->ToString());
  }
  if (to) {
    where += " AND " + column + " <= ";
    params.Text(where, to->ToString());
  }
}

inline std::string EscapeLike(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

// An optional value read through SOCI: a variable and its indicator.
template <typename T>
struct Slot {
  T value{};
  soci::indicator indicator = soci::i_null;
  bool has() const { return indicator == soci::i_ok; }
  std::optional<T> get() const { return has() ? std::optional<T>(value) : std::nullopt; }
};

// For writing: a value (or NULL) to bind.
template <typename T>
struct In {
  T value{};
  soci::indicator indicator = soci::i_null;
  In() = default;
  explicit In(const std::optional<T>& optional)
      : value(optional.value_or(T{})), indicator(optional ? soci::i_ok : soci::i_null) {}
};

inline In<std::string> TextIn(const std::optional<std::string>& value) { return In<std::string>(value); }
inline In<long long> NumberIn(const std::optional<std::int64_t>& value) {
  return In<long long>(value ? std::optional<long long>(*value) : std::nullopt);
}

// Calendar dates are stored as ISO text.
inline core::Date DateFrom(const std::string& text) { return Stored("date", text, core::Date::Parse); }

inline In<std::string> DateIn(const std::optional<core::Date>& date) {
  return In<std::string>(date ? std::optional<std::string>(date->ToString()) : std::nullopt);
}

// "(:p1, :p2, ...)" for a list of ids.
inline std::string IdList(Params& params, const std::vector<std::int64_t>& ids) {
  std::string list = "(";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) list += ", ";
    params.Number(list, ids[i]);
  }
  return list + ")";
}

// " AND <the group `g` is the programme's>": formed by it (groups.programme_id) or enrolled in it
// now (an enrolment that has not left) — the groups its facilitators reach.
inline void AddProgrammeGroups(std::string& where, Params& params, const std::string& group_id_column,
                               std::int64_t programme_id) {
  where += " AND (" + group_id_column + " IN (SELECT id FROM groups WHERE programme_id = ";
  params.Number(where, programme_id);
  where += ") OR " + group_id_column + " IN (SELECT group_id FROM enrolments WHERE group_id IS NOT NULL AND left_on IS NULL AND programme_id = ";
  params.Number(where, programme_id);
  where += "))";
}

}  // namespace gotong::storage::internal
