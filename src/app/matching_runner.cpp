#include "app/matching_runner.hpp"

#include <spdlog/spdlog.h>

namespace gotong::app {

MatchingRunner::MatchingRunner(domain::mentoring::MatchingRunService& runs)
    : runs_(runs),
      jobs_(kMaxQueued, [this](std::int64_t id, const std::stop_token&) { Run(id); }) {}

void MatchingRunner::ResumeUnfinished() {
  auto runs = runs_.Unfinished();
  if (!runs.ok()) {
    spdlog::error("event=matching_resume_failed error=\"{}\"", runs.error().message);
    return;
  }
  for (const auto& run : *runs) {
    spdlog::info("event=matching_resumed run={}", run.id);
    jobs_.Resume(run.id);  // past the bound: they were accepted before
  }
}

void MatchingRunner::Run(std::int64_t run_id) {
  spdlog::info("event=matching_started run={}", run_id);
  auto result = runs_.Run(run_id);
  if (!result.ok()) {
    spdlog::error("event=matching_failed run={} error=\"{}\"", run_id, result.error().message);
  } else {
    spdlog::info("event=matching_finished run={} status={}", run_id, ToString(result->status));
  }
}

}  // namespace gotong::app
