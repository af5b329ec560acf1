#include "api/api_harness.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <utility>

#include "api/compression.hpp"
#include "core/time.hpp"

namespace gotong::api_tests {
namespace {

// The media type of a Content-Type value, lower case, without parameters.
std::string MediaType(std::string_view content_type) {
  std::string type(content_type.substr(0, content_type.find(';')));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type;
}

bool IsJsonType(std::string_view media_type) {
  return media_type == "application/json" ||
         (media_type.size() > 5 && media_type.substr(media_type.size() - 5) == "+json");
}

// Appends `reply` to GOTONG_API_RECORD_DIR/responses-<pid>.jsonl when that variable is set (see
// api_harness.hpp). Tests may send from several threads; one lock orders the lines.
void Record(std::string_view backend, const std::string& method, const std::string& target,
            const api::Response& response) {
  static const char* const kDir = std::getenv("GOTONG_API_RECORD_DIR");
  if (kDir == nullptr || *kDir == '\0') return;
  json::object line;
  line["backend"] = backend;
  const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
  line["test"] = test ? std::string(test->test_suite_name()) + "." + test->name() : "";
  line["method"] = method;
  line["target"] = target;
  line["status"] = response.status;
  std::string content_type = MediaType(response.Header("Content-Type"));
  line["content_type"] = content_type;
  std::string_view encoding = response.Header("Content-Encoding");
  line["content_encoding"] = encoding;
  line["body_bytes"] = response.body.size();
  if (IsJsonType(content_type) && !response.body.empty()) {
    std::optional<std::string> plain;
    if (encoding == "gzip") plain = api::Gunzip(response.body);
    std::string_view text = encoding.empty() ? std::string_view(response.body)
                            : plain          ? std::string_view(*plain)
                                             : std::string_view();
    json::error_code ec;
    json::value body = json::parse(text, ec);
    if (ec) {
      line["body_error"] = "not JSON: " + ec.message();
    } else {
      line["body"] = std::move(body);
    }
  }
  static std::mutex lock;
  std::lock_guard<std::mutex> guard(lock);
  std::ofstream out(std::string(kDir) + "/responses-" + std::to_string(::getpid()) + ".jsonl",
                    std::ios::app);
  out << json::serialize(line) << '\n';
  if (!out) ADD_FAILURE() << "cannot append to a file under GOTONG_API_RECORD_DIR=" << kDir;
}

}  // namespace

std::string Reply::problem() const {
  if (!body.is_object() || !body.as_object().contains("type")) return "";
  std::string type(body.at("type").as_string());
  const std::string prefix = "urn:gotong:problem:";
  return type.rfind(prefix, 0) == 0 ? type.substr(prefix.size()) : type;
}

std::vector<std::string> Reply::field_errors() const {
  std::vector<std::string> out;
  if (!body.is_object() || !body.as_object().contains("errors")) return out;
  for (const auto& error : body.at("errors").as_array()) {
    out.push_back(std::string(error.at("field").as_string()) + ":" +
                  std::string(error.at("code").as_string()));
  }
  return out;
}

std::ostream& operator<<(std::ostream& out, const Reply& reply) {
  return out << "HTTP " << reply.status() << " " << reply.response.body;
}

Services::Services(domain::Database& database, api::RouterOptions router)
    : clock(*core::ParseInstant(kStart)),
      accounts(database, hasher, secrets, clock, throttle),
      regions(database),
      registry(database, clock, {}),
      imports(database, clock),
      groups(database, clock, registry),
      meetings(database, clock),
      deliberations(database, clock),
      treasury(database, clock),
      cooperation(database, clock),
      member_summary(database, clock),
      competencies(database, clock),
      mentorships(database, clock),
      cycles(database, clock),
      surveys(database, clock),
      help_requests(database, clock, photos),
      matching_runs(database, clock, matching_solver),
      programmes(database, clock),
      assistance(database, clock),
      targeting(database, clock),
      exits(database, clock, cycles),
      dashboards(database),
      idempotency(database, clock),
      work_dir(testing::NewTempDir("gotong-api")),
      app(api::Services{database, accounts, regions, registry, imports, groups, meetings, deliberations,
                        treasury, cooperation, member_summary, competencies, mentorships, cycles, surveys,
                        help_requests, matching_runs, programmes, assistance, targeting, exits, dashboards,
                        idempotency, clock,
                        [this](std::int64_t job) { queued_imports.push_back(job); }, nullptr,
                        [this](std::int64_t run) {
                          queued_matching.push_back(run);
                          return true;
                        }},
          api::ApiOptions{"9.9.9-test", "", work_dir, router}),
      // A DownDatabase only pretends to be PostgreSQL, and runs in the SQLite suite's process.
      backend_(dynamic_cast<DownDatabase*>(&database) ? "down" : database.Backend()) {
  crypto::InitSodium();
}

Services::~Services() {
  std::error_code ignored;
  std::filesystem::remove_all(work_dir, ignored);
}

Reply Services::Send(const std::string& method, const std::string& target,
                     const std::string& body, api::Headers headers,
                     const std::string& remote_address) {
  api::Request request;
  request.method = method;
  request.target = target;
  request.headers = std::move(headers);
  request.body = body;
  request.remote_address = remote_address;
  request.request_id = "test-" + std::to_string(++request_count_);
  Reply reply;
  reply.response = app.Handle(request);
  if (!reply.response.body_file.empty()) {
    // A download the transport would stream: read it as a client would, then remove it.
    std::ifstream file(reply.response.body_file, std::ios::binary);
    reply.response.body.assign(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
    file.close();
    std::filesystem::remove(reply.response.body_file);
    reply.body_file = std::exchange(reply.response.body_file, std::string());
  }
  Record(backend_, method, target, reply.response);
  json::error_code ec;
  if (!reply.response.body.empty()) {
    json::value parsed = json::parse(reply.response.body, ec);
    if (!ec) reply.body = std::move(parsed);
  }
  return reply;
}

std::string ApiTest::NameOf(Role role) { return std::string(domain::accounts::ToString(role)); }

void ApiTest::SetUp() {
  DatabaseTest::SetUp();
  if (HasFatalFailure()) return;
  services_ = std::make_unique<Services>(db());
  // Stakeholder 1, which the harness's officer works for.
  domain::registry::StakeholderInput dinas;
  dinas.name = std::optional<std::string>("Dinas Koperasi Kota Batu");
  dinas.helix = std::optional<std::string>("government");
  dinas.kind = std::optional<std::string>("agency");
  dinas.region_code = std::optional<std::string>("35.79");
  auto stakeholder = services_->registry.CreateStakeholder(domain::accounts::Context::System(), dinas);
  ASSERT_TRUE(stakeholder.ok()) << stakeholder.error().message;
  ASSERT_EQ(stakeholder->id, 1);
  for (Role role : domain::accounts::kAllRoles) CreateUser(NameOf(role), role);
}

std::int64_t ApiTest::CreateUser(const std::string& username, Role role,
                                 const std::string& password) {
  domain::accounts::NewUser input;
  input.username = username;
  input.role = std::string(domain::accounts::ToString(role));
  input.password = password;
  if (auto kind = domain::accounts::ScopeKindFor(role)) {
    input.scope = domain::accounts::ScopeInput{std::string(domain::accounts::ToString(*kind)), 1};
  }
  auto user = services_->accounts.CreateUser(domain::accounts::Context::System(), input);
  EXPECT_TRUE(user.ok()) << user.error().message;
  if (!user.ok()) return 0;
  user_ids_[username] = user->id;
  return user->id;
}

Browser ApiTest::Login(const std::string& username, const std::string& password) {
  json::object credentials{{"username", username}, {"password", password}};
  Reply reply = services_->Send("POST", "/api/v1/session", json::serialize(credentials),
                                {{"Content-Type", "application/json"}});
  EXPECT_EQ(reply.status(), 201) << reply;
  Browser browser;
  std::string cookie(reply.header("Set-Cookie"));
  browser.cookie = cookie.substr(0, cookie.find(';'));
  if (reply.status() == 201) {
    browser.csrf = std::string(reply.body.at("csrf_token").as_string());
    browser.user_id = reply.body.at("user").at("id").as_int64();
  }
  return browser;
}

Reply ApiTest::Get(const std::string& target, const Browser* as) {
  api::Headers headers;
  if (as) headers.emplace_back("Cookie", as->cookie);
  return services_->Send("GET", target, "", std::move(headers));
}

Reply ApiTest::Write(const std::string& method, const std::string& target,
                     const json::value& body, const Browser* as, bool with_csrf) {
  api::Headers headers{{"Content-Type", "application/json"}};
  if (as) {
    headers.emplace_back("Cookie", as->cookie);
    if (with_csrf) headers.emplace_back("X-CSRF-Token", as->csrf);
  }
  return services_->Send(method, target, json::serialize(body), std::move(headers));
}

Reply ApiTest::WithBearer(const std::string& method, const std::string& target,
                          const std::string& token, const std::string& body) {
  api::Headers headers{{"Authorization", "Bearer " + token}};
  if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
  return services_->Send(method, target, body, std::move(headers));
}

}  // namespace gotong::api_tests
