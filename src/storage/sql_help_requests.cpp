// Help requests (seed 000's incidental learning): the request, its advice and attempts, and its
// photo, kept as base64 text (V025 says why).

#include "sql_help_requests.hpp"

#include <array>
#include <stdexcept>
#include <string>
#include <vector>

#include "sql_internal.hpp"

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

// An actor as stored: the account, its name then, and the member it acted as.
struct ActorVars {
  Slot<long long> user, member;
  Slot<std::string> username, member_name;
  void Bind(Query& query) {
    query.Into(user.value, user.indicator).Into(username.value, username.indicator)
        .Into(member.value, member.indicator).Into(member_name.value, member_name.indicator);
  }
  HelpActor Get() const {
    HelpActor actor;
    if (user.has()) actor.user_id = user.value;
    actor.username = username.get().value_or("");
    if (member.has()) actor.member_id = member.value;
    actor.member_name = member_name.get().value_or("");
    return actor;
  }
};

struct RequestVars {
  long long id = 0, group_id = 0, member_id = 0, advice = 0, attempts = 0, photos = 0;
  std::string member_name, title, status, created_at, updated_at;
  Slot<long long> competency_id, post_id;
  Slot<std::string> competency_name, description, close_note, first_advice_at, closed_at;
  ActorVars reported_by, closed_by;
  void Bind(Query& query) {
    query.Into(id).Into(group_id).Into(member_id).Into(member_name)
        .Into(competency_id.value, competency_id.indicator).Into(competency_name.value, competency_name.indicator)
        .Into(title).Into(description.value, description.indicator).Into(status);
    reported_by.Bind(query);
    closed_by.Bind(query);
    query.Into(close_note.value, close_note.indicator).Into(post_id.value, post_id.indicator)
        .Into(created_at).Into(updated_at).Into(first_advice_at.value, first_advice_at.indicator)
        .Into(closed_at.value, closed_at.indicator).Into(advice).Into(attempts).Into(photos);
  }
  HelpRequest Get() const {
    HelpRequest r;
    r.id = id;
    r.group_id = group_id;
    r.member_id = member_id;
    r.member_name = member_name;
    if (competency_id.has()) r.competency_id = competency_id.value;
    r.competency_name = competency_name.get().value_or("");
    r.title = title;
    r.description = description.get();
    r.status = Stored("help request status", status, domain::mentoring::ParseHelpStatus);
    r.reported_by = reported_by.Get();
    if (closed_by.username.has()) r.closed_by = closed_by.Get();
    r.close_note = close_note.get();
    if (post_id.has()) r.knowledge_post_id = post_id.value;
    r.created_at = InstantFrom(created_at);
    r.updated_at = InstantFrom(updated_at);
    r.first_advice_at = OptionalInstant(first_advice_at.value, first_advice_at.indicator);
    r.closed_at = OptionalInstant(closed_at.value, closed_at.indicator);
    r.advice_count = advice;
    r.attempt_count = attempts;
    r.has_photo = photos > 0;
    return r;
  }
};

constexpr const char* kRequestColumns =
    "r.id, r.group_id, r.member_id, p.name, r.competency_id, c.name, r.title, r.description, r.status, "
    "r.reported_by, r.reported_by_username, r.reported_by_member, rp.name, "
    "r.closed_by, r.closed_by_username, r.closed_by_member, cp.name, "
    "r.close_note, r.knowledge_post_id, r.created_at, r.updated_at, r.first_advice_at, r.closed_at, "
    "(SELECT COUNT(*) FROM help_advice a WHERE a.request_id = r.id), "
    "(SELECT COUNT(*) FROM help_attempts t WHERE t.request_id = r.id), "
    "(SELECT COUNT(*) FROM help_request_photos f WHERE f.request_id = r.id)";

// The joins that name a request's people and competency, after " FROM help_requests r".
constexpr const char* kRequestJoins =
    " JOIN memberships m ON m.id = r.member_id JOIN people p ON p.id = m.person_id "
    "LEFT JOIN competencies c ON c.id = r.competency_id "
    "LEFT JOIN memberships rm ON rm.id = r.reported_by_member LEFT JOIN people rp ON rp.id = rm.person_id "
    "LEFT JOIN memberships cm ON cm.id = r.closed_by_member LEFT JOIN people cp ON cp.id = cm.person_id";

const std::string kRequestFrom = std::string(" FROM help_requests r") + kRequestJoins;

// Open, then advised, each the longest waiting first; then the closed, the latest closed first:
// the keys, named for the page's subquery, and the order over them.
constexpr const char* kOrderKeys =
    "CASE r.status WHEN 'open' THEN 0 WHEN 'advised' THEN 1 ELSE 2 END AS k_rank, "
    "CASE WHEN r.status IN ('open', 'advised') THEN r.created_at END AS k_waiting, r.closed_at AS k_closed";
constexpr const char* kOrder = "k_rank, k_waiting, k_closed DESC, page_id DESC";

// The columns an update sets, in the order they are bound; the rest are set once.
constexpr std::string_view kRequestWriteColumns[] = {
    "status", "closed_by", "closed_by_username", "closed_by_member", "close_note",
    "knowledge_post_id", "updated_at", "first_advice_at", "closed_at"};

// The values of kRequestWriteColumns, kept alive until the statement runs.
struct RequestWriteValues {
  std::string status, updated;
  In<long long> closed_by, closed_member, post;
  In<std::string> closed_username, close_note, first_advice, closed_at;
  explicit RequestWriteValues(const HelpRequest& r)
      : status(domain::mentoring::ToString(r.status)),
        updated(Text(r.updated_at)),
        closed_by(NumberIn(r.closed_by ? r.closed_by->user_id : std::nullopt)),
        closed_member(NumberIn(r.closed_by ? r.closed_by->member_id : std::nullopt)),
        post(NumberIn(r.knowledge_post_id)),
        closed_username(TextIn(r.closed_by ? std::optional<std::string>(r.closed_by->username) : std::nullopt)),
        close_note(TextIn(r.close_note)),
        first_advice(InstantIn(r.first_advice_at)),
        closed_at(InstantIn(r.closed_at)) {}
  void Bind(Query& query) {
    query.Use(status).Use(closed_by.value, closed_by.indicator)
        .Use(closed_username.value, closed_username.indicator)
        .Use(closed_member.value, closed_member.indicator).Use(close_note.value, close_note.indicator)
        .Use(post.value, post.indicator).Use(updated).Use(first_advice.value, first_advice.indicator)
        .Use(closed_at.value, closed_at.indicator);
  }
};

}  // namespace

core::Result<std::int64_t> SqlHelpRequestRepository::Insert(const HelpRequest& request) {
  return Guard("insert help request", [&]() -> core::Result<std::int64_t> {
    RequestWriteValues values(request);
    long long group = request.group_id, member = request.member_id;
    auto competency = NumberIn(request.competency_id);
    auto description = TextIn(request.description);
    auto reporter = NumberIn(request.reported_by.user_id);
    auto reporter_member = NumberIn(request.reported_by.member_id);
    std::string created = Text(request.created_at);
    return InsertRow(sql_, "help_requests", kRequestWriteColumns, values,
                     {"group_id", "member_id", "competency_id", "title", "description",
                      "reported_by", "reported_by_username", "reported_by_member", "created_at"},
                     [&](Query& query) {
                       query.Use(group)
                           .Use(member)
                           .Use(competency.value, competency.indicator)
                           .Use(request.title)
                           .Use(description.value, description.indicator)
                           .Use(reporter.value, reporter.indicator)
                           .Use(request.reported_by.username)
                           .Use(reporter_member.value, reporter_member.indicator)
                           .Use(created);
                     });
  });
}

core::Status SqlHelpRequestRepository::Update(const HelpRequest& request) {
  return Guard("update help request", [&]() -> core::Status {
    RequestWriteValues values(request);
    UpdateRow(sql_, "help_requests", kRequestWriteColumns, values, request.id);
    return core::OkStatus();
  });
}

core::Result<HelpRequest> SqlHelpRequestRepository::Find(std::int64_t id) {
  return FindRecord<RequestVars>(sql_, RecordTable{kRequestColumns, kRequestFrom, "r", "help request"}, id);
}

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
    std::string text = "SELECT " + std::string(kRequestColumns) + " FROM (SELECT r.id AS page_id, " + kOrderKeys +
                       from + where + " ORDER BY " + kOrder;
    params.Page(text, page);
    text += ") pg JOIN help_requests r ON r.id = pg.page_id" + std::string(kRequestJoins) + " ORDER BY " + kOrder;
    RequestVars vars;
    Query query(sql_);
    vars.Bind(query);
    params.BindTo(query);
    if (query.Run(text)) {
      do {
        result.items.push_back(vars.Get());
      } while (query.Next());
    }
    return result;
  });
}

// ---- advice and attempts ------------------------------------------------------------------

core::Result<std::int64_t> SqlHelpRequestRepository::InsertAdvice(const Advice& advice) {
  return Guard("insert advice", [&]() -> core::Result<std::int64_t> {
    long long request = advice.request_id, id = 0;
    auto author = NumberIn(advice.author.user_id);
    auto member = NumberIn(advice.author.member_id);
    std::string created = Text(advice.created_at);
    Query query(sql_);
    query.Use(request).Use(author.value, author.indicator).Use(advice.author.username)
        .Use(member.value, member.indicator).Use(advice.text).Use(created).Into(id);
    query.Run("INSERT INTO help_advice (request_id, author, author_username, author_member, text, "
              "created_at) VALUES (:a, :b, :c, :d, :e, :f) RETURNING id");
    return static_cast<std::int64_t>(id);
  });
}

core::Result<std::vector<Advice>> SqlHelpRequestRepository::AdviceOf(std::int64_t request_id) {
  return Guard("list advice", [&]() -> core::Result<std::vector<Advice>> {
    std::vector<Advice> list;
    long long key = request_id, id = 0, request = 0;
    std::string text, created;
    ActorVars author;
    Query query(sql_);
    query.Into(id).Into(request);
    author.Bind(query);
    query.Into(text).Into(created).Use(key);
    if (query.Run("SELECT a.id, a.request_id, a.author, a.author_username, a.author_member, p.name, a.text, "
                  "a.created_at FROM help_advice a LEFT JOIN memberships m ON m.id = a.author_member "
                  "LEFT JOIN people p ON p.id = m.person_id WHERE a.request_id = :r ORDER BY a.id")) {
      do {
        list.push_back(Advice{id, request, author.Get(), text, InstantFrom(created)});
      } while (query.Next());
    }
    return list;
  });
}

core::Result<std::int64_t> SqlHelpRequestRepository::InsertAttempt(const Attempt& attempt) {
  return Guard("insert attempt", [&]() -> core::Result<std::int64_t> {
    long long request = attempt.request_id, id = 0;
    auto by = NumberIn(attempt.recorded_by.user_id);
    auto member = NumberIn(attempt.recorded_by.member_id);
    std::string day = attempt.attempted_on.ToString(), created = Text(attempt.created_at);
    Query query(sql_);
    query.Use(request).Use(attempt.note).Use(day).Use(by.value, by.indicator)
        .Use(attempt.recorded_by.username).Use(member.value, member.indicator).Use(created).Into(id);
    query.Run("INSERT INTO help_attempts (request_id, note, attempted_on, recorded_by, "
              "recorded_by_username, recorded_by_member, created_at) VALUES (:a, :b, :c, :d, :e, :f, :g) "
              "RETURNING id");
    return static_cast<std::int64_t>(id);
  });
}

core::Result<std::vector<Attempt>> SqlHelpRequestRepository::AttemptsOf(std::int64_t request_id) {
  return Guard("list attempts", [&]() -> core::Result<std::vector<Attempt>> {
    std::vector<Attempt> list;
    long long key = request_id, id = 0, request = 0;
    std::string note, day, created;
    ActorVars by;
    Query query(sql_);
    query.Into(id).Into(request).Into(note).Into(day);
    by.Bind(query);
    query.Into(created).Use(key);
    if (query.Run("SELECT t.id, t.request_id, t.note, t.attempted_on, t.recorded_by, t.recorded_by_username, "
                  "t.recorded_by_member, p.name, t.created_at FROM help_attempts t "
                  "LEFT JOIN memberships m ON m.id = t.recorded_by_member "
                  "LEFT JOIN people p ON p.id = m.person_id WHERE t.request_id = :r ORDER BY t.id")) {
      do {
        Attempt attempt;
        attempt.id = id;
        attempt.request_id = request;
        attempt.number = static_cast<std::int64_t>(list.size()) + 1;
        attempt.note = note;
        attempt.attempted_on = DateFrom(day);
        attempt.recorded_by = by.Get();
        attempt.created_at = InstantFrom(created);
        list.push_back(std::move(attempt));
      } while (query.Next());
    }
    return list;
  });
}

// ---- photos -------------------------------------------------------------------------------

core::Result<std::vector<domain::mentoring::HelpTiming>> SqlHelpRequestRepository::Timings(
    const std::vector<std::int64_t>& group_ids, std::int64_t limit) {
  return Guard("read help request times", [&]() -> core::Result<std::vector<domain::mentoring::HelpTiming>> {
    std::vector<domain::mentoring::HelpTiming> timings;
    if (group_ids.empty()) return timings;
    Params params;
    const std::string groups = IdList(params, group_ids);
    long long most = limit, group = 0, member = 0;
    std::string status, created_at;
    Slot<std::string> first_advice_at, closed_at;
    Query query(sql_);
    query.Into(group).Into(member).Into(status).Into(created_at)
        .Into(first_advice_at.value, first_advice_at.indicator).Into(closed_at.value, closed_at.indicator);
    params.BindTo(query);
    query.Use(most);
    if (query.Run("SELECT r.group_id, r.member_id, r.status, r.created_at, r.first_advice_at, r.closed_at "
                  "FROM help_requests r WHERE r.group_id IN " + groups +
                  " ORDER BY r.created_at DESC, r.id DESC LIMIT :n")) {
      do {
        domain::mentoring::HelpTiming timing;
        timing.group_id = group;
        timing.member_id = member;
        timing.status = Stored("help request status", status, domain::mentoring::ParseHelpStatus);
        timing.created_at = InstantFrom(created_at);
        timing.first_advice_at = OptionalInstant(first_advice_at.value, first_advice_at.indicator);
        timing.closed_at = OptionalInstant(closed_at.value, closed_at.indicator);
        timings.push_back(timing);
      } while (query.Next());
    }
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
    std::string text;
    int width = 0, height = 0;
    const bool full = size == PhotoSize::kFull;
    Query query(sql_);
    query.Into(text).Into(width).Into(height).Use(key);
    const std::string columns = full ? "photo, photo_width, photo_height"
                                     : "thumbnail, thumbnail_width, thumbnail_height";
    if (!query.Run("SELECT " + columns + " FROM help_request_photos WHERE request_id = :r")) {
      return core::Error::NotFound("help request " + std::to_string(request_id) + " has no photo");
    }
    return EncodedImage{FromBase64(text), width, height};
  });
}

}  // namespace gotong::storage::internal
