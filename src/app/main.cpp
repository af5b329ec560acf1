#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <termios.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>

#include "api/api.hpp"
#include "app/config.hpp"
#include "app/demo_data.hpp"
#include "app/http_service.hpp"
#include "app/import_runner.hpp"
#include "app/runtime.hpp"
#include "core/text.hpp"
#include "core/time.hpp"
#include "crypto/sodium.hpp"
#include "io/registry_export.hpp"

#ifndef GOTONG_VERSION
#define GOTONG_VERSION "0.0.0"
#endif

namespace {

using gotong::app::Config;
using gotong::app::Runtime;
using gotong::domain::accounts::Context;

int Fail(const gotong::core::Error& error) {
  std::cerr << "gotong: " << error.message << "\n";
  for (const auto& field : error.fields) {
    if (field.message != error.message) std::cerr << "  " << field.field << ": " << field.message << "\n";
  }
  return error.code == gotong::core::ErrorCode::kInvalidArgument ? 2 : 1;
}

std::string ReadLine(bool echo) {
  termios old_settings{};
  bool tty = isatty(STDIN_FILENO);
  if (tty && !echo) {
    tcgetattr(STDIN_FILENO, &old_settings);
    termios quiet = old_settings;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (tty && !echo) {
    tcsetattr(STDIN_FILENO, TCSANOW, &old_settings);
    std::cerr << "\n";
  }
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
  return line;
}

// From standard input when it is not a terminal (scripts), else asked twice without echo.
gotong::core::Result<std::string> ReadPassword() {
  if (!isatty(STDIN_FILENO)) return ReadLine(true);
  std::cerr << "Password (at least 12 characters): " << std::flush;
  std::string first = ReadLine(false);
  std::cerr << "Repeat the password: " << std::flush;
  if (ReadLine(false) != first) {
    return gotong::core::Error::Invalid("password", "invalid_value", "the two passwords differ");
  }
  return first;
}

void SetUpLogging(const std::string& level) {
  auto logger = spdlog::stderr_color_mt("gotong");
  spdlog::set_default_logger(logger);
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%eZ level=%l %v", spdlog::pattern_time_type::utc);
  spdlog::set_level(spdlog::level::from_str(level));
  spdlog::flush_on(spdlog::level::info);
}

gotong::core::Result<std::unique_ptr<Runtime>> Open(const Config& config, bool migrate) {
  GOTONG_ASSIGN_OR_RETURN(auto runtime, gotong::app::OpenRuntime(config));
  if (migrate) GOTONG_RETURN_IF_ERROR(gotong::app::MigrateAndLoadRegions(*runtime, false, true));
  return runtime;
}

int Serve(const Config& config) {
  auto runtime = Open(config, true);
  if (!runtime.ok()) return Fail(runtime.error());
  Runtime& rt = **runtime;
  auto service = gotong::app::HttpService::Create(rt);
  if (!service.ok()) return Fail(service.error());
  auto url = (*service)->Start();
  if (!url.ok()) return Fail(url.error());
  spdlog::info("event=started version={} database={} url={} io_threads={} workers={}", GOTONG_VERSION,
               rt.database->Backend(), *url, config.threads, config.Workers());
  std::cout << "listening on " << *url << std::endl;
  (*service)->Run();
  spdlog::info("event=stopped");
  return 0;
}

int Demo(const Config& config) {
  auto runtime = Open(config, true);
  if (!runtime.ok()) return Fail(runtime.error());
  Runtime& rt = **runtime;
  struct DemoUser {
    const char* username;
    const char* display_name;
    const char* role;
  };
  static constexpr DemoUser kUsers[] = {
      {"admin", "Admin gotong", "admin"},
      {"petugas", "Petugas Dinas Koperasi dan UMKM", "officer"},
      {"fasilitator", "Fasilitator Program", "facilitator"},
      {"ketua", "Ketua Kelompok", "group_leader"},
      {"mentor", "Mentor Komunitas", "mentor"},
      {"anggota", "Anggota Kelompok", "member"},
  };
  Context system = Context::System("demo");
  std::cout << "Demo accounts (passwords are new on every run):\n";
  for (const auto& demo : kUsers) {
    std::string password = rt.secrets.NewToken().substr(0, 16);
    auto existing = rt.accounts->SetPassword(system, demo.username, password);
    if (!existing.ok()) {
      if (existing.error().code != gotong::core::ErrorCode::kNotFound) return Fail(existing.error());
      auto created = rt.accounts->CreateUser(
          system, {demo.username, std::string(demo.display_name), demo.role, password, std::nullopt});
      if (!created.ok()) return Fail(created.error());
    }
    std::printf("  %-12s %-13s password: %s\n", demo.username, demo.role, password.c_str());
  }
  auto dinas = gotong::app::LoadDemoStakeholders(rt);
  if (!dinas.ok()) return Fail(dinas.error());
  // The officer works for Batu's Department of Micro Enterprise Cooperatives and Trade.
  gotong::core::PageRequest everyone{gotong::core::PageRequest::kMaxLimit, 0};
  auto users = rt.accounts->ListUsers(system, everyone);
  if (!users.ok()) return Fail(users.error());
  for (const auto& user : users->items) {
    if (user.username != "petugas") continue;
    gotong::domain::accounts::UserPatch patch;
    patch.scope = std::optional<gotong::domain::accounts::ScopeInput>(
        gotong::domain::accounts::ScopeInput{"stakeholder", *dinas});
    auto updated = rt.accounts->UpdateUser(system, user.id, patch);
    if (!updated.ok()) return Fail(updated.error());
  }
  std::cout << "Stakeholders of Kota Batu loaded (seed 002) with YBM BRILiaN (seed 001).\n";
  auto added = gotong::app::LoadDemoRegistry(rt, *dinas);
  if (!added.ok()) return Fail(added.error());
  if (*added > 0) std::cout << "Registry: " << *added << " enterprises of Kota Batu generated.\n";
  auto demo_groups = gotong::app::LoadDemoGroups(rt);
  if (!demo_groups.ok()) return Fail(demo_groups.error());
  if (demo_groups->tape_group > 0) {
    // The group accounts act as members: ketua as the tape group's leader, anggota as one of its
    // members (mentor became the batik community's AD while its history was written, so that her
    // advice and answers are hers).
    struct Link {
      const char* username;
      std::int64_t group_id;
      const char* member;
    };
    const Link links[] = {{"ketua", demo_groups->tape_group, "Sulastri"},
                          {"anggota", demo_groups->tape_group, "Painem"}};
    for (const auto& link : links) {
      for (const auto& user : users->items) {
        if (user.username != link.username) continue;
        gotong::domain::accounts::UserPatch patch;
        patch.scope = std::optional<gotong::domain::accounts::ScopeInput>(
            gotong::domain::accounts::ScopeInput{"group", link.group_id});
        auto updated = rt.accounts->UpdateUser(system, user.id, patch);
        if (!updated.ok()) return Fail(updated.error());
        auto members = rt.groups->ListMembers(system, link.group_id, false, everyone);
        if (!members.ok()) return Fail(members.error());
        for (const auto& member : members->items) {
          if (member.person_name != link.member) continue;
          gotong::domain::groups::MemberInput input;
          input.user_id = std::optional<std::optional<std::int64_t>>(user.id);
          auto linked = rt.groups->UpdateMember(system, link.group_id, member.id, input);
          if (!linked.ok()) return Fail(linked.error());
        }
      }
    }
    std::cout << "Groups: Harapan Sejahtera (seed 001), Citra Gendhis (seed 000) and Keripik Apel Makmur "
                 "(Kota Batu) with their meetings, treasury and cooperation, dated up to today.\n";
  }
  auto demo_programmes = gotong::app::LoadDemoProgrammes(rt, *demo_groups);
  if (!demo_programmes.ok()) return Fail(demo_programmes.error());
  if (demo_programmes->ybm > 0) {
    // The facilitator accompanies YBM BRILiaN's programme with the tape group (seed 001).
    for (const auto& user : users->items) {
      if (user.username != "fasilitator") continue;
      gotong::domain::accounts::UserPatch patch;
      patch.scope = std::optional<gotong::domain::accounts::ScopeInput>(
          gotong::domain::accounts::ScopeInput{"programme", demo_programmes->ybm});
      auto updated = rt.accounts->UpdateUser(system, user.id, patch);
      if (!updated.ok()) return Fail(updated.error());
    }
    std::cout << "Programmes: YBM BRILiaN's year with Harapan Sejahtera (seed 001)";
    if (demo_programmes->soft_loans > 0) {
      std::cout << " and Kota Batu's soft loans, IBSC training and exhibitions (seed 002) with "
                << demo_programmes->assistance_records << " assistance records";
    }
    std::cout << ".\n";
  }
  std::cout << "Admin login: username admin, password shown above." << std::endl;
  return 0;
}

// A progress bar on a terminal, a line per 10% otherwise.
void ShowProgress(const gotong::domain::registry::ImportJob& job, bool terminal, int& last_decile) {
  double share = job.bytes_total > 0 ? static_cast<double>(job.bytes_read) / static_cast<double>(job.bytes_total) : 0;
  if (share > 1) share = 1;
  int width = 30, filled = static_cast<int>(share * width);
  if (terminal) {
    std::fprintf(stderr, "\r[%s%s] %3d%%  %lld baris, %lld gagal ", std::string(static_cast<std::size_t>(filled), '#').c_str(),
                 std::string(static_cast<std::size_t>(width - filled), '.').c_str(), static_cast<int>(share * 100),
                 static_cast<long long>(job.rows_read), static_cast<long long>(job.rows_failed));
    std::fflush(stderr);
  } else if (static_cast<int>(share * 10) > last_decile) {
    last_decile = static_cast<int>(share * 10);
    std::fprintf(stderr, "%d%% (%lld rows)\n", last_decile * 10, static_cast<long long>(job.rows_read));
  }
}

int Import(Runtime& rt, const Config& config, const std::string& file, const std::string& mode,
           bool dry_run) {
  (void)config;
  namespace registry = gotong::domain::registry;
  Context system = Context::System("cli-import");
  std::error_code ec;
  auto absolute = std::filesystem::absolute(file, ec).string();
  auto size = std::filesystem::file_size(file, ec);
  if (ec) return Fail(gotong::core::Error::Invalid("FILE", "not_found", "cannot read " + file + ": " + ec.message()));
  // The same file, killed half-way earlier: carry on where its last batch ended.
  std::optional<std::int64_t> job_id;
  auto unfinished = rt.imports->Unfinished();
  if (!unfinished.ok()) return Fail(unfinished.error());
  for (const auto& job : *unfinished) {
    if (job.file_path == absolute && job.bytes_total == static_cast<std::int64_t>(size) &&
        ToString(job.mode) == mode && job.dry_run == dry_run) {
      job_id = job.id;
      std::cerr << "resuming import #" << job.id << " after row " << job.rows_read << "\n";
    }
  }
  if (!job_id) {
    registry::ImportRequest request{"enterprises", mode, dry_run,
                                    std::filesystem::path(file).filename().string(), absolute,
                                    static_cast<std::int64_t>(size)};
    auto job = rt.imports->Create(system, request);
    if (!job.ok()) return Fail(job.error());
    job_id = job->id;
  }
  bool terminal = isatty(STDERR_FILENO);
  int decile = -1;
  auto result = gotong::app::RunImportJob(*rt.imports, *job_id, false,
                                          [&](const registry::ImportJob& job) { ShowProgress(job, terminal, decile); });
  if (terminal) std::fprintf(stderr, "\n");
  if (!result.ok()) return Fail(result.error());
  const auto& job = *result;
  std::printf("import #%lld %s: %lld rows read, %lld %s, %lld %s, %lld failed\n",
              static_cast<long long>(job.id), std::string(ToString(job.status)).c_str(),
              static_cast<long long>(job.rows_read), static_cast<long long>(job.rows_inserted),
              job.dry_run ? "would be inserted" : "inserted", static_cast<long long>(job.rows_updated),
              job.dry_run ? "would be updated" : "updated", static_cast<long long>(job.rows_failed));
  for (const auto& warning : job.warnings) std::printf("warning: %s\n", warning.message.c_str());
  if (job.message) std::printf("error: %s\n", job.message->message.c_str());
  if (job.rows_failed > 0) {
    int shown = 0;
    auto status = rt.imports->ForEachError(system, job.id, [&](const registry::RowError& error) {
      std::printf("  line %lld, %s: %s\n", static_cast<long long>(error.row), error.field.c_str(),
                  error.message.c_str());
      return ++shown < 20;
    });
    if (!status.ok()) return Fail(status.error());
    if (job.rows_failed > shown) {
      std::printf("  ... and more; all errors: GET /api/v1/imports/%lld/errors.csv\n", static_cast<long long>(job.id));
    }
  }
  return job.status == registry::JobStatus::kSucceeded && job.rows_failed == 0 ? 0 : 3;
}

int Export(Runtime& rt, const Config& config, const gotong::domain::registry::EnterpriseQuery& query,
           const std::string& format, bool include_nik, const std::string& output) {
  if (format != "csv" && format != "xlsx") {
    return Fail(gotong::core::Error::Invalid("--format", "invalid_value", "format must be csv or xlsx"));
  }
  auto made = format == "csv" ? gotong::io::NewCsvSheet(config.work_dir)
                              : gotong::io::NewXlsxSheet(config.work_dir);
  if (!made.ok()) return Fail(made.error());
  auto sheet = std::move(made).value();
  std::int64_t rows = 0;
  auto status = rt.registry->ExportEnterprises(
      Context::System("cli-export"), query, include_nik,
      [&](const gotong::domain::registry::EnterpriseView& view, const gotong::domain::registry::Person& owner) {
        sheet->Add(view.enterprise, owner, view.stale);
        ++rows;
        return true;
      });
  if (!status.ok()) return Fail(status.error());
  auto finished = sheet->Finish();
  if (!finished.ok()) return Fail(finished.error());
  const std::string made_path = *finished;
  struct Remove {
    const std::string& path;
    ~Remove() {
      std::error_code ec;
      std::filesystem::remove(path, ec);
    }
  } remove{made_path};
  std::ifstream made_file(made_path, std::ios::binary);
  if (output.empty()) {
    std::cout << made_file.rdbuf();
    std::cout.flush();
  } else {
    std::ofstream file(output, std::ios::binary);
    file << made_file.rdbuf();
    file.close();
    if (!file) return Fail(gotong::core::Error::Unavailable("cannot write " + output));
    std::cerr << rows << " enterprises written to " << output << "\n";
  }
  return 0;
}

// The environment variable a setting's flag is read from: --max-queue → GOTONG_MAX_QUEUE.
std::string EnvName(std::string_view flag) {
  std::string name = "GOTONG_";
  for (char c : flag.substr(flag.find_first_not_of('-'))) {
    name += c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return name;
}

// A setting as STYLE.md 9 orders them: Config's default, then its GOTONG_* variable, then the
// flag; --help shows the default and the variable.
template <typename T>
void Setting(CLI::App& app, const std::string& flag, T& value, const std::string& help) {
  app.add_option(flag, value, help)->envname(EnvName(flag))->capture_default_str();
}

void Switch(CLI::App& app, const std::string& flag, bool& value, const std::string& help) {
  app.add_flag(flag, value, help)->envname(EnvName(flag));
}

}  // namespace

int main(int argc, char** argv) {
  Config config;
  CLI::App cli{"gotong: a platform for Indonesia's micro, small and medium enterprises"};
  cli.set_version_flag("--version", std::string("gotong ") + GOTONG_VERSION);
  cli.require_subcommand(1);
  cli.fallthrough();  // global options may follow the subcommand
  Setting(cli, "--database", config.database, "sqlite:PATH or a postgresql:// URL");
  Setting(cli, "--regions-dir", config.regions_dir, "idn-area-data's data folder");
  Setting(cli, "--log-level", config.log_level, "trace, debug, info, warn, error");
  Setting(cli, "--db-pool", config.db_pool, "database connections");
  Setting(cli, "--stale-days", config.stale_days, "days after which a record needs renewal");
  Setting(cli, "--work-dir", config.work_dir, "folder for uploads and exports in progress");

  auto* serve = cli.add_subcommand("serve", "Serve the web app and the API");
  Setting(*serve, "--listen", config.listen, "HOST:PORT (port 0 picks a free port)");
  Setting(*serve, "--web-root", config.web_root, "the built web app");
  Setting(*serve, "--threads", config.threads, "I/O threads (sockets only)");
  Setting(*serve, "--workers", config.workers, "handler threads (0: as many as --db-pool)");
  Setting(*serve, "--max-queue", config.max_queue, "requests waiting for a worker before 503");
  Setting(*serve, "--max-connections", config.max_connections, "open connections at most");
  Setting(*serve, "--exports-per-user", config.exports_per_user, "exports one user runs at once");
  Setting(*serve, "--imports-per-user", config.imports_per_user, "uploads one user sends at once");
  Setting(*serve, "--imports-total", config.imports_total, "uploads everyone sends at once");
  Setting(*serve, "--max-body-bytes", config.max_body_bytes, "largest request body");
  Setting(*serve, "--max-upload-bytes", config.max_upload_bytes, "largest import file");
  Setting(*serve, "--max-photo-bytes", config.max_photo_bytes, "largest photo a member sends");
  Switch(*serve, "--cookie-secure", config.cookie_secure, "always mark the session cookie Secure");
  Switch(*serve, "--trust-proxy", config.trust_proxy, "believe X-Forwarded-For/-Proto");

  bool reload_regions = false;
  auto* migrate = cli.add_subcommand("migrate", "Apply database migrations and load the regions");
  migrate->add_flag("--reload-regions", reload_regions, "load the regions again");
  auto* demo = cli.add_subcommand("demo", "Load the demo data (and new demo passwords)");

  auto* user = cli.add_subcommand("user", "Manage accounts");
  user->require_subcommand(1);
  user->fallthrough();
  std::string username, role, display_name, scope_text, token_name = "integration";
  auto* user_add = user->add_subcommand("add", "Create an account (password from stdin)");
  user_add->add_option("NAME", username, "username")->required();
  user_add->add_option("--role", role, "admin, officer, facilitator, group_leader, mentor, member")
      ->required();
  user_add->add_option("--display-name", display_name, "name shown to people");
  user_add->add_option("--scope", scope_text, "KIND:ID, e.g. stakeholder:3");
  auto* user_passwd = user->add_subcommand("passwd", "Set an account's password (from stdin)");
  user_passwd->add_option("NAME", username, "username")->required();
  auto* user_list = user->add_subcommand("list", "List accounts");
  auto* user_token = user->add_subcommand("token", "Issue an API token for an account");
  user_token->add_option("NAME", username, "username")->required();
  user_token->add_option("--name", token_name, "what the token is for")->capture_default_str();

  std::string import_kind, import_file, import_mode = "insert";
  bool dry_run = false;
  auto* import = cli.add_subcommand("import", "Import a CSV file into the registry");
  import->add_option("KIND", import_kind, "what the file holds: enterprises")->required();
  import->add_option("FILE", import_file, "the CSV file (comma or semicolon, UTF-8)")->required();
  import->add_option("--mode", import_mode, "insert (new records only) or upsert")
      ->capture_default_str();
  import->add_flag("--dry-run", dry_run, "check every row and report, writing nothing");

  std::string export_kind, export_format = "csv", export_output;
  bool export_nik = false;
  gotong::domain::registry::EnterpriseQuery export_query;
  auto* exporter = cli.add_subcommand("export", "Export the registry as CSV or Excel");
  exporter->add_option("KIND", export_kind, "what to export: enterprises")->required();
  exporter->add_option("--format", export_format, "csv or xlsx")->capture_default_str();
  exporter->add_option("--output,-o", export_output, "file to write (default: standard output)");
  exporter->add_flag("--include-nik", export_nik, "write owners' NIKs whole (audited)");
  exporter->add_option("--region", export_query.region, "region code, e.g. 35.79");
  exporter->add_option("--sector", export_query.sector, "sector code");
  exporter->add_option("--status", export_query.status, "active or closed");

  CLI11_PARSE(cli, argc, argv);
  try {
    gotong::crypto::InitSodium();
    SetUpLogging(config.log_level);
    if (*serve) return Serve(config);
    if (*demo) return Demo(config);
    if (*migrate) {
      auto runtime = gotong::app::OpenRuntime(config);
      if (!runtime.ok()) return Fail(runtime.error());
      auto status = gotong::app::MigrateAndLoadRegions(**runtime, reload_regions, false);
      if (!status.ok()) return Fail(status.error());
      std::cout << "database is up to date" << std::endl;
      return 0;
    }
    auto runtime = Open(config, true);
    if (!runtime.ok()) return Fail(runtime.error());
    Runtime& rt = **runtime;
    Context system = Context::System("cli");
    if (*user_add) {
      std::optional<gotong::domain::accounts::ScopeInput> scope;
      if (!scope_text.empty()) {
        // KIND:ID, the id a whole positive number: "stakeholder:abc" is refused, not read as 0.
        auto colon = scope_text.find(':');
        std::string_view digits =
            colon == std::string::npos ? std::string_view() : std::string_view(scope_text).substr(colon + 1);
        long long id = 0;
        auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
        if (digits.empty() || error != std::errc() || end != digits.data() + digits.size() || id <= 0) {
          return Fail(gotong::core::Error::Invalid(
              "scope", "invalid", "--scope must be KIND:ID with a whole number id, e.g. stakeholder:3"));
        }
        scope = gotong::domain::accounts::ScopeInput{scope_text.substr(0, colon), id};
      }
      auto password = ReadPassword();
      if (!password.ok()) return Fail(password.error());
      gotong::domain::accounts::NewUser input{username, std::nullopt, role, *password, scope};
      if (!display_name.empty()) input.display_name = display_name;
      auto created = rt.accounts->CreateUser(system, input);
      if (!created.ok()) return Fail(created.error());
      std::cout << "created user " << created->username << " (" << role << ", id " << created->id
                << ")" << std::endl;
      return 0;
    }
    if (*user_passwd) {
      auto password = ReadPassword();
      if (!password.ok()) return Fail(password.error());
      auto status = rt.accounts->SetPassword(system, username, *password);
      if (!status.ok()) return Fail(status.error());
      std::cout << "password changed; " << username << " is signed out everywhere" << std::endl;
      return 0;
    }
    if (*user_list) {
      std::printf("%-6s %-20s %-13s %-20s %s\n", "ID", "USERNAME", "ROLE", "SCOPE", "NAME");
      auto listed = gotong::core::ForEachItem(
          [&](const gotong::core::PageRequest& page) { return rt.accounts->ListUsers(system, page); },
          [](const gotong::domain::accounts::User& u) {
            std::string scope = u.scope ? std::string(ToString(u.scope->kind)) + ":" +
                                              std::to_string(u.scope->id)
                                        : "-";
            std::printf("%-6lld %-20s %-13s %-20s %s%s\n", static_cast<long long>(u.id),
                        u.username.c_str(), std::string(ToString(u.role)).c_str(), scope.c_str(),
                        u.display_name.c_str(), u.disabled ? " (disabled)" : "");
          });
      if (!listed.ok()) return Fail(listed.error());
      return 0;
    }
    if (*import) {
      if (import_kind != "enterprises") {
        return Fail(gotong::core::Error::Invalid("KIND", "invalid_value", "only enterprises can be imported"));
      }
      return Import(rt, config, import_file, import_mode, dry_run);
    }
    if (*exporter) {
      if (export_kind != "enterprises") {
        return Fail(gotong::core::Error::Invalid("KIND", "invalid_value", "only enterprises can be exported"));
      }
      return Export(rt, config, export_query, export_format, export_nik, export_output);
    }
    if (*user_token) {
      auto token = rt.accounts->IssueApiToken(system, username, token_name);
      if (!token.ok()) return Fail(token.error());
      std::cout << *token << std::endl;
      return 0;
    }
  } catch (const std::exception& error) {
    std::cerr << "gotong: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
