#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string>

#include "api/api.hpp"
#include "app/config.hpp"
#include "app/runtime.hpp"
#include "core/text.hpp"
#include "core/time.hpp"
#include "crypto/sodium.hpp"
#include "net/server.hpp"

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
  gotong::api::Services services{*rt.database, *rt.accounts, *rt.regions};
  gotong::api::ApiOptions api_options{GOTONG_VERSION, config.web_root,
                                      {config.cookie_secure, config.trust_proxy}};
  gotong::api::Api api(services, api_options);
  gotong::net::ServerOptions server_options;
  server_options.host = config.ListenHost();
  server_options.port = config.ListenPort();
  server_options.threads = config.threads;
  server_options.max_body_bytes = config.max_body_bytes;
  gotong::net::Server server(server_options,
                             [&api](const gotong::api::Request& request) { return api.Handle(request); });
  auto url = server.Start();
  if (!url.ok()) return Fail(url.error());
  spdlog::info("event=started version={} database={} url={}", GOTONG_VERSION,
               rt.database->Backend(), *url);
  std::cout << "listening on " << *url << std::endl;
  server.Run();
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
  std::cout << "Admin login: username admin, password shown above." << std::endl;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Config config;
  CLI::App cli{"gotong: a platform for Indonesia's micro, small and medium enterprises"};
  cli.set_version_flag("--version", std::string("gotong ") + GOTONG_VERSION);
  cli.require_subcommand(1);
  cli.fallthrough();  // global options may follow the subcommand
  cli.add_option("--database", config.database, "sqlite:PATH or a postgresql:// URL")
      ->envname("GOTONG_DATABASE")->capture_default_str();
  cli.add_option("--regions-dir", config.regions_dir, "idn-area-data's data folder")
      ->envname("GOTONG_REGIONS_DIR")->capture_default_str();
  cli.add_option("--log-level", config.log_level, "trace, debug, info, warn, error")
      ->envname("GOTONG_LOG_LEVEL")->capture_default_str();
  cli.add_option("--db-pool", config.db_pool, "database connections")->envname("GOTONG_DB_POOL");

  auto* serve = cli.add_subcommand("serve", "Serve the web app and the API");
  serve->add_option("--listen", config.listen, "HOST:PORT (port 0 picks a free port)")
      ->envname("GOTONG_LISTEN")->capture_default_str();
  serve->add_option("--web-root", config.web_root, "the built web app")
      ->envname("GOTONG_WEB_ROOT")->capture_default_str();
  serve->add_option("--threads", config.threads, "server threads")->envname("GOTONG_THREADS");
  serve->add_option("--max-body-bytes", config.max_body_bytes, "largest request body")
      ->envname("GOTONG_MAX_BODY_BYTES");
  serve->add_flag("--cookie-secure", config.cookie_secure, "always mark the session cookie Secure")
      ->envname("GOTONG_COOKIE_SECURE");
  serve->add_flag("--trust-proxy", config.trust_proxy, "believe X-Forwarded-For/-Proto")
      ->envname("GOTONG_TRUST_PROXY");

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
      auto password = ReadPassword();
      if (!password.ok()) return Fail(password.error());
      gotong::domain::accounts::NewUser input{username, std::nullopt, role, *password, std::nullopt};
      if (!display_name.empty()) input.display_name = display_name;
      if (!scope_text.empty()) {
        auto colon = scope_text.find(':');
        long long id = 0;
        try {
          id = colon == std::string::npos ? 0 : std::stoll(scope_text.substr(colon + 1));
        } catch (const std::exception&) {
          id = 0;
        }
        input.scope = gotong::domain::accounts::ScopeInput{scope_text.substr(0, colon), id};
      }
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
      gotong::core::PageRequest page{gotong::core::PageRequest::kMaxLimit, 0};
      std::printf("%-6s %-20s %-13s %-20s %s\n", "ID", "USERNAME", "ROLE", "SCOPE", "NAME");
      while (true) {
        auto users = rt.accounts->ListUsers(system, page);
        if (!users.ok()) return Fail(users.error());
        for (const auto& u : users->items) {
          std::string scope = u.scope ? std::string(ToString(u.scope->kind)) + ":" +
                                            std::to_string(u.scope->id)
                                      : "-";
          std::printf("%-6lld %-20s %-13s %-20s %s%s\n", static_cast<long long>(u.id),
                      u.username.c_str(), std::string(ToString(u.role)).c_str(), scope.c_str(),
                      u.display_name.c_str(), u.disabled ? " (disabled)" : "");
        }
        page.offset += page.limit;
        if (page.offset >= users->total) break;
      }
      return 0;
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
