// Bulk imports: a CSV body becomes a queued job that a worker runs; progress and errors are read
// back while it runs.

#include <charconv>

#include "api/handlers/handlers.hpp"
#include "api/handlers/values.hpp"
#include "api/problem.hpp"
#include "core/text.hpp"
#include "core/time.hpp"
#include "io/import_messages.hpp"
#include "io/upload.hpp"

namespace gotong::api::handlers {
namespace {

namespace json = boost::json;
namespace registry = domain::registry;
using domain::accounts::Role;

json::object NoteParams(const registry::JobNote& note) {
  json::object params;
  for (const auto& [name, value] : note.params) params[name] = value;
  return params;
}

json::value JobJson(const registry::ImportJob& job) {
  // The English words (as the CLI prints them) and, for each, a code with its params that the
  // web app puts into the reader's language.
  json::array warnings, warning_details;
  for (const auto& warning : job.warnings) {
    warnings.emplace_back(warning.message);
    warning_details.emplace_back(json::object{
        {"code", warning.code.empty() ? json::value(nullptr) : json::value(json::string(warning.code))},
        {"params", NoteParams(warning)}});
  }
  json::value message_code = nullptr;
  if (job.message && !job.message->code.empty()) message_code = json::string(job.message->code);
  auto instant = [](const std::optional<core::Instant>& at) -> json::value {
    if (!at) return nullptr;
    return json::string(core::FormatInstant(*at));
  };
  return json::object{{"id", job.id},
                      {"kind", job.kind},
                      {"mode", ToString(job.mode)},
                      {"dry_run", job.dry_run},
                      {"status", ToString(job.status)},
                      {"file_name", job.file_name},
                      {"bytes_total", job.bytes_total},
                      {"bytes_read", job.bytes_read},
                      {"rows_read", job.rows_read},
                      {"rows_inserted", job.rows_inserted},
                      {"rows_updated", job.rows_updated},
                      {"rows_failed", job.rows_failed},
                      {"errors_stored", job.errors_stored},
                      {"message", job.message ? json::value(json::string(job.message->message))
                                              : json::value(nullptr)},
                      {"message_code", std::move(message_code)},
                      {"message_params", job.message ? NoteParams(*job.message) : json::object()},
                      {"warnings", std::move(warnings)},
                      {"warning_details", std::move(warning_details)},
                      {"created_by", job.created_by_username},
                      {"created_at", core::FormatInstant(job.created_at)},
                      {"started_at", instant(job.started_at)},
                      {"finished_at", instant(job.finished_at)}};
}

bool IsCsvType(std::string_view content_type) {
  std::string type = core::AsciiLower(content_type.substr(0, content_type.find(';')));
  type = std::string(core::Trim(type));
  // Browsers label .csv files differently per system (Windows says vnd.ms-excel).
  return type == "text/csv" || type == "application/csv" || type == "text/plain" ||
         type == "application/vnd.ms-excel" || type == "application/octet-stream";
}

// A file name fit to show back: its last path part, printable, at most 200 bytes.
std::string CleanFileName(std::string_view raw) {
  auto slash = raw.find_last_of("/\\");
  if (slash != std::string_view::npos) raw = raw.substr(slash + 1);
  std::string name;
  for (char c : raw) {
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) name.push_back(c);
  }
  if (name.size() > 200 || !core::IsValidUtf8(name)) name = "upload.csv";
  return name;
}

// What an upload asks for (kind, mode, dry run, its file's name), before its file is staged.
core::Result<registry::ImportRequest> ReadImportRequest(const Call& call) {
  GOTONG_ASSIGN_OR_RETURN(auto query, QueryReader::Parse(call.query));
  registry::ImportRequest request;
  request.kind = query.String("kind").value_or("");
  request.mode = query.String("mode").value_or("insert");
  request.dry_run = query.Bool("dry_run").value_or(false);
  GOTONG_RETURN_IF_ERROR(query.Finish());
  if (request.kind.empty()) {
    return core::Error::Invalid("kind", "required", "kind is required (enterprises)");
  }
  if (!IsCsvType(call.request.Header("Content-Type"))) {
    return Problem(core::ErrorCode::kInvalidArgument, "unsupported-media-type",
                   "send the file as text/csv");
  }
  request.file_name = CleanFileName(call.request.Header("X-File-Name"));
  return request;
}

}  // namespace

void AddImportRoutes(std::vector<Route>& routes, const Services& services, const ApiOptions& options) {
  auto& imports = services.imports;
  const Access importers = Access::Roles({Role::kAdmin, Role::kOfficer});

  routes.push_back({"POST", "/api/v1/imports", importers,
                    [&imports, start = services.start_import, dir = options.work_dir](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto request, ReadImportRequest(call));
    GOTONG_ASSIGN_OR_RETURN(auto staged, io::StageUpload(dir, call.request.body_file, call.request.body));
    request.file_path = staged.path;
    request.bytes_total = staged.bytes;
    auto job = imports.Create(call.context, request);
    if (!job.ok()) {
      io::DiscardUpload(staged.path);
      return job.error();
    }
    if (start) start(job->id);
    Response response = JsonResponse(202, JobJson(*job));
    response.SetHeader("Location", "/api/v1/imports/" + std::to_string(job->id));
    return response;
  }, Heavy::kImport});

  routes.push_back({"GET", "/api/v1/imports", importers, [&imports](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto page, PageOnly(call));
    GOTONG_ASSIGN_OR_RETURN(auto jobs, imports.List(call.context, page));
    json::array items;
    for (const auto& job : jobs.items) items.push_back(JobJson(job));
    return JsonResponse(200, json::object{{"items", std::move(items)},
                                          {"total", jobs.total},
                                          {"limit", jobs.limit},
                                          {"offset", jobs.offset}});
  }});

  routes.push_back({"GET", "/api/v1/imports/{id}", importers, [&imports](Call& call) -> Reply {
    auto id = PathId(call);
    if (!id) return core::Error::NotFound("no import with that id");
    GOTONG_ASSIGN_OR_RETURN(auto job, imports.Get(call.context, *id));
    Response response = JsonResponse(200, JobJson(job));
    response.SetHeader("Cache-Control", "no-store");
    return response;
  }});

  routes.push_back({"GET", "/api/v1/imports/{id}/errors", importers, [&imports](Call& call) -> Reply {
    auto id = PathId(call);
    if (!id) return core::Error::NotFound("no import with that id");
    GOTONG_ASSIGN_OR_RETURN(auto page, PageOnly(call));
    GOTONG_ASSIGN_OR_RETURN(auto errors, imports.Errors(call.context, *id, page));
    json::array items;
    for (const auto& error : errors.items) {
      json::object params;
      for (const auto& param : error.params) params[param.name] = param.value;
      items.push_back(json::object{{"row", error.row},
                                   {"field", error.field},
                                   {"value", error.value},
                                   {"message", error.message},
                                   {"code", error.code},
                                   {"params", std::move(params)}});
    }
    return JsonResponse(200, json::object{{"items", std::move(items)},
                                          {"total", errors.total},
                                          {"limit", errors.limit},
                                          {"offset", errors.offset}});
  }});

  routes.push_back({"GET", "/api/v1/imports/{id}/errors.csv", importers,
                    [&imports, dir = options.work_dir](Call& call) -> Reply {
    auto id = PathId(call);
    if (!id) return core::Error::NotFound("no import with that id");
    GOTONG_ASSIGN_OR_RETURN(auto query, QueryReader::Parse(call.query));
    auto lang = query.String("lang").value_or("id");
    GOTONG_RETURN_IF_ERROR(query.Finish());
    auto language = io::ParseLanguage(lang);
    if (!language) {
      return core::Error::Invalid("lang", "invalid_value", "lang must be id or en");
    }
    // Written row by row to a file and sent from there: a job's 10,000 stored errors take no
    // more memory than one.
    GOTONG_ASSIGN_OR_RETURN(auto file, io::ImportErrorsCsvFile::Create(dir, *language));
    GOTONG_RETURN_IF_ERROR(imports.ForEachError(call.context, *id, [&](const registry::RowError& error) {
      file->Add(error);
      return true;
    }));
    GOTONG_ASSIGN_OR_RETURN(auto path, file->Finish());
    Response response;
    response.status = 200;
    response.body_file = std::move(path);  // streamed from disk, then removed
    response.SetHeader("Content-Type", "text/csv; charset=utf-8");
    response.SetHeader("Content-Disposition",
                       "attachment; filename=\"import-" + std::to_string(*id) + "-errors.csv\"");
    return response;
  }});
}

}  // namespace gotong::api::handlers
