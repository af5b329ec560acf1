// The handlers of pass-through routes (service_calls.hpp): each hands the path's ids, the page or
// the body its table reads to one service method with the caller's context, and answers its
// result as JSON, or its error; a wrong id or body never reaches the service.

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <string>
#include <vector>

#include "api/handlers/service_calls.hpp"

namespace gotong::api::handlers {
namespace {

using domain::accounts::Context;
using domain::form::Field;

struct NoteInput {
  Field<std::string> title;
};
constexpr auto kNoteFields = std::to_array<BodyField<NoteInput>>({{"title", &NoteInput::title}});

struct Note {
  std::int64_t group_id = 0;
  std::int64_t id = 0;
  std::string title;
  std::string asked_by;  // the request id of the context the service was called with
};

boost::json::value NoteJson(const Note& note) {
  return boost::json::object{{"group_id", note.group_id},
                             {"id", note.id},
                             {"title", note.title},
                             {"asked_by", note.asked_by}};
}

// Records every call; a note of id 404 is missing.
class NoteService {
 public:
  core::Result<Note> Get(const Context& context, std::int64_t id) {
    calls.push_back("Get");
    if (id == 404) return core::Error::NotFound("no note 404");
    return Note{0, id, "", context.request_id};
  }
  core::Result<Note> Rename(const Context& context, std::int64_t id, const NoteInput& input) {
    calls.push_back("Rename");
    return Note{0, id, input.title.value_or(std::nullopt).value_or(""), context.request_id};
  }
  core::Result<Note> Pinned(const Context& context, std::int64_t group_id) {
    calls.push_back("Pinned");
    return Note{group_id, 1, "pinned", context.request_id};
  }
  core::Result<Note> Add(const Context& context, std::int64_t group_id, const NoteInput& input) {
    calls.push_back("Add");
    return Note{group_id, 9, input.title.value_or(std::nullopt).value_or(""), context.request_id};
  }
  core::Result<core::Page<Note>> List(const Context& context, std::int64_t group_id,
                                      const core::PageRequest& page) {
    calls.push_back("List");
    return core::Page<Note>{{Note{group_id, 1, "a", context.request_id}}, 7, page.limit,
                            page.offset};
  }
  core::Result<Note> Close(const Context& context, std::int64_t group_id, std::int64_t id) {
    calls.push_back("Close");
    return Note{group_id, id, "closed", context.request_id};
  }
  core::Result<Note> Edit(const Context& context, std::int64_t group_id, std::int64_t id,
                          const NoteInput& input) {
    calls.push_back("Edit");
    return Note{group_id, id, input.title.value_or(std::nullopt).value_or(""), context.request_id};
  }

  std::vector<std::string> calls;
};

using Path = std::map<std::string, std::string>;

// A request as the router hands it over: its path parameters, body and query.
struct Sent {
  Request request;
  Call call{request, {}, "", {}, std::nullopt};

  explicit Sent(Path path, std::string body = "", std::string query = "") {
    request.method = body.empty() ? "GET" : "POST";
    request.target = "/api/v1/notes";
    request.headers = {{"Content-Type", "application/json"}};
    request.body = std::move(body);
    call.path = std::move(path);
    call.query = std::move(query);
    call.context.request_id = "req-7";
  }
  Sent(const Sent&) = delete;
  Sent& operator=(const Sent&) = delete;
};

boost::json::object Body(const Reply& reply) {
  EXPECT_TRUE(reply.ok()) << reply.error().message;
  return boost::json::parse(reply->body).as_object();
}

TEST(ServiceCalls, OnIdPassesThePathsIdAndTheCallersContextAndAnswersTheRecord) {
  NoteService notes;
  auto handler = OnId("no note with that id", notes, &NoteService::Get, NoteJson);
  Sent sent(Path{{"id", "12"}});
  auto reply = handler(sent.call);
  EXPECT_EQ(reply->status, 200);
  auto body = Body(reply);
  EXPECT_EQ(body.at("id").as_int64(), 12);
  EXPECT_EQ(body.at("asked_by").as_string(), "req-7");

  Sent missing(Path{{"id", "404"}});
  auto refused = handler(missing.call);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(refused.error().message, "no note 404") << "the service's own error comes back";
}

TEST(ServiceCalls, AnIdThatIsNoNumberIsNotFoundWithoutCallingTheService) {
  NoteService notes;
  auto handler = OnId("no note with that id", notes, &NoteService::Get, NoteJson);
  for (const char* id : {"abc", "0", "-3", "1e3"}) {
    Sent sent(Path{{"id", id}});
    auto reply = handler(sent.call);
    ASSERT_FALSE(reply.ok()) << id;
    EXPECT_EQ(reply.error().code, core::ErrorCode::kNotFound) << id;
    EXPECT_EQ(reply.error().message, "no note with that id") << id;
  }
  EXPECT_TRUE(notes.calls.empty());
}

TEST(ServiceCalls, ABodyIsReadByItsTableAndAWrongOneNeverReachesTheService) {
  NoteService notes;
  auto handler = OnId("no note with that id", notes, &NoteService::Rename, kNoteFields, NoteJson, 200);
  Sent sent(Path{{"id", "5"}}, R"({"title":"Pewarna alam"})");
  auto reply = handler(sent.call);
  EXPECT_EQ(Body(reply).at("title").as_string(), "Pewarna alam");

  Sent wrong(Path{{"id", "5"}}, R"({"title":"x","author":"Siti"})");
  auto refused = handler(wrong.call);
  ASSERT_FALSE(refused.ok());
  ASSERT_EQ(refused.error().fields.size(), 1U);
  EXPECT_EQ(refused.error().fields[0].field, "author");
  EXPECT_EQ(notes.calls, std::vector<std::string>{"Rename"}) << "only the good body was passed on";
}

TEST(ServiceCalls, GroupHandlersPassTheGroupAndAnswerWithTheStatusGiven) {
  NoteService notes;
  Sent plain(Path{});
  auto pinned = OnGroup(notes, &NoteService::Pinned, NoteJson)(plain.call, 3);
  EXPECT_EQ(pinned->status, 200);
  EXPECT_EQ(Body(pinned).at("group_id").as_int64(), 3);

  Sent with_body(Path{}, R"({"title":"Rapat"})");
  auto added = OnGroup(notes, &NoteService::Add, kNoteFields, NoteJson, 201)(with_body.call, 3);
  EXPECT_EQ(added->status, 201);
  EXPECT_EQ(Body(added).at("title").as_string(), "Rapat");

  Sent paged(Path{}, "", "limit=5&offset=10");
  auto page = PageOfGroup(notes, &NoteService::List, NoteJson)(paged.call, 3);
  auto listed = Body(page);
  EXPECT_EQ(listed.at("total").as_int64(), 7);
  EXPECT_EQ(listed.at("limit").as_int64(), 5);
  EXPECT_EQ(listed.at("offset").as_int64(), 10);
  EXPECT_EQ(listed.at("items").as_array().at(0).at("group_id").as_int64(), 3);

  Sent unknown_query(Path{}, "", "sort=title");
  auto refused = PageOfGroup(notes, &NoteService::List, NoteJson)(unknown_query.call, 3);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().fields.at(0).field, "sort");
}

TEST(ServiceCalls, GroupRecordHandlersPassBothIds) {
  NoteService notes;
  Sent plain(Path{});
  auto closed = OnGroupRecord(notes, &NoteService::Close, NoteJson)(plain.call, {3, 8});
  auto body = Body(closed);
  EXPECT_EQ(body.at("group_id").as_int64(), 3);
  EXPECT_EQ(body.at("id").as_int64(), 8);

  Sent with_body(Path{}, R"({"title":"Harga baru"})");
  auto edited =
      OnGroupRecord(notes, &NoteService::Edit, kNoteFields, NoteJson, 200)(with_body.call, {3, 8});
  EXPECT_EQ(Body(edited).at("title").as_string(), "Harga baru");
  EXPECT_EQ(notes.calls, (std::vector<std::string>{"Close", "Edit"}));
}

}  // namespace
}  // namespace gotong::api::handlers
