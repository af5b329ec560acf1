// Help requests (seed 000's incidental learning): the request, its advice and attempts, and its
// photo, kept as base64 text (V025 says why).

#include "storage/sql_help_requests.hpp"

#include <array>
#include <stdexcept>
#include <string>
#include <vector>

#include "storage/sql_row.hpp"

namespace gotong::storage::internal {
namespace {

using domain::mentoring::Advice;
using domain::mentoring::Attempt;
using domain::mentoring::EncodedImage;
using domain::mentoring::HelpActor;
using domain::mentoring::HelpPhoto;
using domain::mentoring::HelpRequest;
using domain::mentoring::HelpRequestFilter;
using domain::mentoring::HelpStatus;
using domain::mentoring::HelpTiming;
using domain::mentoring::PhotoSize;

// ---- base64 (RFC 4648, with padding) ---------------------------------------------------------

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string ToBase64(const std::string& bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  auto at = [&](std::size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(bytes[k])); };
  for (; i + 3 <= bytes.size(); i += 3) {
    unsigned n = (at(i) << 16) | (at(i + 1) << 8) | at(i + 2);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += kAlphabet[(n >> 6) & 63];
    out += kAlphabet[n & 63];
  }
  if (std::size_t left = bytes.size() - i; left > 0) {
    unsigned n = at(i) << 16;
    if (left == 2) n |= at(i + 1) << 8;
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += left == 2 ? kAlphabet[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

// The bytes of stored base64; a damaged value is an error, never a photo with holes.
std::string FromBase64(const std::string& text) {
  static const std::array<int, 256> kValue = [] {
    std::array<int, 256> value{};
    value.fill(-1);
    for (int k = 0; k < 64; ++k) value[static_cast<unsigned char>(kAlphabet[k])] = k;
    return value;
  }();
  if (text.size() % 4 != 0) throw std::runtime_error("a stored photo is not whole base64");
  std::string out;
  out.reserve(text.size() / 4 * 3);
  for (std::size_t i = 0; i < text.size(); i += 4) {
    unsigned n = 0;
    int padding = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      const char c = text[i + k];
      int value = 0;
      if (c == '=' && i + 4 == text.size() && k >= 2) {
        ++padding;
      } else {
        value = kValue[static_cast<unsigned char>(c)];
        if (padding > 0 || value < 0) throw std::runtime_error("a stored photo is not base64");
      }
      n = (n << 6) | static_cast<unsigned>(value);
    }
    out += static_cast<char>((n >> 16) & 0xFF);
    if (padding < 2) out += static_cast<char>((n >> 8) & 0xFF);
    if (padding < 1) out += static_cast<char>(n & 0xFF);
  }
  return out;
}

// ---- requests ------------------------------------------------------------------------------

// An actor is four columns of its record's row: the account, its name then, the member it acted
// as and her name; an optional actor is filled only once an earlier column has made it.
// The mentee, her request and its reporter are written once; an update moves its status and
// closes it.
constexpr Column<HelpRequest> kRequestColumns[] = {
    Member<&HelpRequest::id>("r.id"),
    Field<&HelpRequest::group_id>("r.group_id").OnInsert(),
    Field<&HelpRequest::member_id>("r.member_id").OnInsert(),
    Member<&HelpRequest::member_name>("p.name"),
    Field<&HelpRequest::competency_id>("r.competency_id").OnInsert(),
    Member<&HelpRequest::competency_name>("COALESCE(c.name, '')"),
    Field<&HelpRequest::title>("r.title").OnInsert(),
    Field<&HelpRequest::description>("r.description").OnInsert(),
    Field<&HelpRequest::status, domain::mentoring::ParseHelpStatus>("r.status"),
    PartField<&HelpRequest::reported_by, &HelpActor::user_id>("r.reported_by").OnInsert(),
    PartField<&HelpRequest::reported_by, &HelpActor::username>("r.reported_by_username").OnInsert(),
    PartField<&HelpRequest::reported_by, &HelpActor::member_id>("r.reported_by_member").OnInsert(),
    PartMember<&HelpRequest::reported_by, &HelpActor::member_name>("COALESCE(rp.name, '')"),
    // Closed when a closer's username is kept (every actor has one): it makes the actor the
    // columns after it fill.
    {"r.closed_by_username", CellKind::kText,
     [](HelpRequest& r, const Cell& cell, std::string_view) {
       if (!cell.IsNull()) r.closed_by.emplace().username = cell.text;
     },
     [](const HelpRequest& r, Cell& cell) {
       if (r.closed_by) cell.SetText(r.closed_by->username);
     },
     Written::kAlways},
    PartField<&HelpRequest::closed_by, &HelpActor::user_id>("r.closed_by"),
    PartField<&HelpRequest::closed_by, &HelpActor::member_id>("r.closed_by_member"),
    PartMember<&HelpRequest::closed_by, &HelpActor::member_name>("COALESCE(cp.name, '')"),
    Field<&HelpRequest::close_note>("r.close_note"),
    Field<&HelpRequest::knowledge_post_id>("r.knowledge_post_id"),
    Field<&HelpRequest::created_at>("r.created_at").OnInsert(),
    Field<&HelpRequest::updated_at>("r.updated_at"),
    Field<&HelpRequest::first_advice_at>("r.first_advice_at"),
    Field<&HelpRequest::closed_at>("r.closed_at"),
    Member<&HelpRequest::advice_count>(
        "(SELECT COUNT(*) FROM help_advice a WHERE a.request_id = r.id)"),
    Member<&HelpRequest::attempt_count>(
        "(SELECT COUNT(*) FROM help_attempts t WHERE t.request_id = r.id)"),
    Member<&HelpRequest::has_photo>(
        "(SELECT COUNT(*) FROM help_request_photos f WHERE f.request_id = r.id)"),
};

// A request with the joins that name its people and competency.
constexpr std::string_view kRequestFrom =
    " FROM help_requests r"
    " JOIN memberships m ON m.id = r.member_id JOIN people p ON p.id = m.person_id "
    "LEFT JOIN competencies c ON c.id = r.competency_id "
    "LEFT JOIN memberships rm ON rm.id = r.reported_by_member LEFT JOIN people rp ON rp.id = "
    "rm.person_id "
    "LEFT JOIN memberships cm ON cm.id = r.closed_by_member LEFT JOIN people cp ON cp.id = "
    "cm.person_id";
constexpr RecordTable<HelpRequest> kRequestTable{kRequestColumns, kRequestFrom, "r",
                                                 "help request"};

// Open, then advised, each the longest waiting first; then the closed, the latest closed first:
// the keys, named for the page's subquery, and the order over them.
constexpr const char* kOrderKeys =
    "CASE r.status WHEN 'open' THEN 0 WHEN 'advised' THEN 1 ELSE 2 END AS k_rank, "
    "CASE WHEN r.status IN ('open', 'advised') THEN r.created_at END AS k_waiting, r.closed_at AS k_closed";
constexpr const char* kOrder = "k_rank, k_waiting, k_closed DESC, page_id DESC";

// ---- advice and attempts ------------------------------------------------------------------

// Advice is not updated.
constexpr Column<Advice> kAdviceColumns[] = {
    Member<&Advice::id>("a.id"),
    Field<&Advice::request_id>("a.request_id"),
    PartField<&Advice::author, &HelpActor::user_id>("a.author"),
    PartField<&Advice::author, &HelpActor::username>("a.author_username"),
    PartField<&Advice::author, &HelpActor::member_id>("a.author_member"),
    PartMember<&Advice::author, &HelpActor::member_name>("COALESCE(p.name, '')"),
    Field<&Advice::text>("a.text"),
    Field<&Advice::created_at>("a.created_at"),
};
constexpr RecordTable<Advice> kAdviceTable{
    kAdviceColumns,
    " FROM help_advice a LEFT JOIN memberships m ON m.id = a.author_member LEFT JOIN people p ON "
    "p.id = m.person_id",
    "a", "advice"};

// An attempt's number is its place among the request's attempts, counted as they are read.
// Attempts are not updated.
constexpr Column<Attempt> kAttemptColumns[] = {
    Member<&Attempt::id>("t.id"),
    Field<&Attempt::request_id>("t.request_id"),
    Field<&Attempt::note>("t.note"),
    Field<&Attempt::attempted_on>("t.attempted_on"),
    PartField<&Attempt::recorded_by, &HelpActor::user_id>("t.recorded_by"),
    PartField<&Attempt::recorded_by, &HelpActor::username>("t.recorded_by_username"),
    PartField<&Attempt::recorded_by, &HelpActor::member_id>("t.recorded_by_member"),
    PartMember<&Attempt::recorded_by, &HelpActor::member_name>("COALESCE(p.name, '')"),
    Field<&Attempt::created_at>("t.created_at"),
};
constexpr RecordTable<Attempt> kAttemptTable{
    kAttemptColumns,
    " FROM help_attempts t LEFT JOIN memberships m ON m.id = t.recorded_by_member "
    "LEFT JOIN people p ON p.id = m.person_id",
    "t", "attempt"};

// ---- timings and photos -------------------------------------------------------------------

constexpr Column<HelpTiming> kTimingColumns[] = {
    Member<&HelpTiming::group_id>("r.group_id"),
    Member<&HelpTiming::member_id>("r.member_id"),
    Member<&HelpTiming::status, domain::mentoring::ParseHelpStatus>("r.status"),
    Member<&HelpTiming::created_at>("r.created_at"),
    Member<&HelpTiming::first_advice_at>("r.first_advice_at"),
    Member<&HelpTiming::closed_at>("r.closed_at"),
};

void FillBytes(EncodedImage& image, const Cell& cell, std::string_view sql) {
  if (cell.IsNull()) cell::Damaged(sql, "NULL");
  image.bytes = FromBase64(cell.text);
}

// The photo and its thumbnail: the same three columns of each, read one at a time.
constexpr Column<EncodedImage> kPhotoColumns[] = {
    {"photo", CellKind::kText, FillBytes},
    Member<&EncodedImage::width>("photo_width"),
    Member<&EncodedImage::height>("photo_height"),
};
constexpr Column<EncodedImage> kThumbnailColumns[] = {
    {"thumbnail", CellKind::kText, FillBytes},
    Member<&EncodedImage::width>("thumbnail_width"),
    Member<&EncodedImage::height>("thumbnail_height"),
};

}  // namespace

SqlHelpRequestRepository::SqlHelpRequestRepository(soci::session& sql)
    : SqlRecordRepository(sql, kRequestTable) {}

core::Result<core::Page<HelpRequest>> SqlHelpRequestRepository::List(const HelpRequestFilter& filter,
                                                                     const core::PageRequest& page) {
  return Guard("list help requests", [&]() -> core::Result<core::Page<HelpRequest>> {
    Params params;
    std::string from = " FROM help_requests r";
    std::string where = " WHERE 1 = 1";
    if (filter.steward_id || filter.programme_id) {
      from += " JOIN groups g ON g.id = r.group_id";
      if (filter.steward_id) {
        where += " AND g.steward_id = ";
        params.Number(where, *filter.steward_id);
      }
      if (filter.programme_id) AddProgrammeGroups(where, params, "g.id", *filter.programme_id);
    }
    if (filter.group_id) {
      where += " AND r.group_id = ";
      params.Number(where, *filter.group_id);
    }
    if (filter.member_id) {
      where += " AND r.member_id = ";
      params.Number(where, *filter.member_id);
    }
    if (!filter.statuses.empty()) {
      where += " AND r.status IN (";
      for (std::size_t i = 0; i < filter.statuses.size(); ++i) {
        if (i > 0) where += ", ";
        params.Text(where, std::string(domain::mentoring::ToString(filter.statuses[i])));
      }
      where += ")";
    }
    core::Page<HelpRequest> result{{}, 0, page.limit, page.offset};
    const long long total = CountRows(sql_, from + where, params);
    result.total = total;
    if (total <= page.offset) return result;
    // The page's ids in order first, then only their rows joined and counted: a group's whole
    // history is sorted by the keys alone.
    std::string text = "SELECT " + SelectList<HelpRequest>(kRequestColumns) +
                       " FROM (SELECT r.id AS page_id, " + kOrderKeys + from + where +
                       " ORDER BY " + kOrder;
    params.Page(text, page);
    text += ") pg JOIN help_requests r ON r.id = pg.page_id" + std::string(kRequestTable.Joins()) +
            " ORDER BY " + kOrder;
    RowReader<HelpRequest> row(kRequestColumns);
    Query query(sql_);
    row.Bind(query);
    params.BindTo(query);
    query.ForEachRow(text, [&] { result.items.push_back(row.Get()); });
    return result;
  });
}

// ---- advice and attempts ------------------------------------------------------------------

core::Result<std::int64_t> SqlHelpRequestRepository::InsertAdvice(const Advice& advice) {
  return AddRecord(sql_, kAdviceTable, advice);
}

core::Result<std::vector<Advice>> SqlHelpRequestRepository::AdviceOf(std::int64_t request_id) {
  return Guard("list advice", [&]() -> core::Result<std::vector<Advice>> {
    return RecordsWhere(sql_, kAdviceTable, "a.request_id", request_id, "a.id");
  });
}

core::Result<std::int64_t> SqlHelpRequestRepository::InsertAttempt(const Attempt& attempt) {
  return AddRecord(sql_, kAttemptTable, attempt);
}

core::Result<std::vector<Attempt>> SqlHelpRequestRepository::AttemptsOf(std::int64_t request_id) {
  return Guard("list attempts", [&]() -> core::Result<std::vector<Attempt>> {
    Params params;
    std::string where = " WHERE t.request_id = ";
    params.Number(where, request_id);
    auto list = SelectRecords(sql_, kAttemptTable, where + " ORDER BY t.id", params);
    for (std::size_t i = 0; i < list.size(); ++i) list[i].number = static_cast<std::int64_t>(i) + 1;
    return list;
  });
}

// ---- photos -------------------------------------------------------------------------------

core::Result<std::vector<HelpTiming>> SqlHelpRequestRepository::Timings(
    const std::vector<std::int64_t>& group_ids, std::int64_t limit) {
  return Guard("read help request times", [&]() -> core::Result<std::vector<HelpTiming>> {
    std::vector<HelpTiming> timings;
    if (group_ids.empty()) return timings;
    Params params;
    const std::string groups = IdList(params, group_ids);
    long long most = limit;
    RowReader<HelpTiming> row(kTimingColumns);
    Query query(sql_);
    row.Bind(query);
    params.BindTo(query);
    query.Use(most);
    query.ForEachRow("SELECT " + SelectList<HelpTiming>(kTimingColumns) +
                         " FROM help_requests r WHERE r.group_id IN " + groups +
                         " ORDER BY r.created_at DESC, r.id DESC LIMIT :n",
                     [&] { timings.push_back(row.Get()); });
    return timings;
  });
}

core::Status SqlHelpRequestRepository::PutPhoto(const HelpPhoto& photo) {
  return Guard("keep photo", [&]() -> core::Status {
    long long request = photo.request_id;
    sql_ << "DELETE FROM help_request_photos WHERE request_id = :r", soci::use(request);
    std::string full = ToBase64(photo.image.photo.bytes), small = ToBase64(photo.image.thumbnail.bytes);
    int width = photo.image.photo.width, height = photo.image.photo.height;
    int small_width = photo.image.thumbnail.width, small_height = photo.image.thumbnail.height;
    auto by = NumberIn(photo.uploaded_by);
    std::string created = Text(photo.created_at);
    Query query(sql_);
    query.Use(request).Use(full).Use(width).Use(height).Use(small).Use(small_width).Use(small_height)
        .Use(by.value, by.indicator).Use(created);
    query.Run("INSERT INTO help_request_photos (request_id, photo, photo_width, photo_height, thumbnail, "
              "thumbnail_width, thumbnail_height, uploaded_by, created_at) VALUES (:a, :b, :c, :d, :e, :f, "
              ":g, :h, :i)");
    return core::OkStatus();
  });
}

core::Result<EncodedImage> SqlHelpRequestRepository::Photo(std::int64_t request_id, PhotoSize size) {
  return Guard("read photo", [&]() -> core::Result<EncodedImage> {
    long long key = request_id;
    const auto& columns = size == PhotoSize::kFull ? kPhotoColumns : kThumbnailColumns;
    RowReader<EncodedImage> row(columns);
    Query query(sql_);
    row.Bind(query);
    query.Use(key);
    if (!query.Run("SELECT " + SelectList<EncodedImage>(columns) +
                   " FROM help_request_photos WHERE request_id = :r")) {
      return core::Error::NotFound("help request " + std::to_string(request_id) + " has no photo");
    }
    return row.Get();
  });
}

}  // namespace gotong::storage::internal
