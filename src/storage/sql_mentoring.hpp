#pragma once

#include <soci/soci.h>

#include "domain/mentoring/cycles.hpp"
#include "domain/mentoring/matching_runs.hpp"
#include "domain/mentoring/mentoring.hpp"
#include "domain/mentoring/surveys.hpp"
#include "storage/sql_record_repository.hpp"

namespace gotong::storage::internal {

class Params;

class SqlCompetencyRepository final
    : public SqlRecordRepository<domain::mentoring::CompetencyRepository,
                                 domain::mentoring::Competency> {
 public:
  explicit SqlCompetencyRepository(soci::session& sql);
  core::Result<core::Page<domain::mentoring::Competency>> List(
      const domain::mentoring::CompetencyFilter& filter, const core::PageRequest& page) override;
};

class SqlMentorshipRepository final
    : public SqlRecordRepository<domain::mentoring::MentorshipRepository,
                                 domain::mentoring::Mentorship> {
 public:
  explicit SqlMentorshipRepository(soci::session& sql);
  core::Result<core::Page<domain::mentoring::Mentorship>> List(const domain::mentoring::MentorshipFilter& filter,
                                                               const core::PageRequest& page) override;
  core::Result<bool> Overlaps(const domain::mentoring::Mentorship& mentorship, std::int64_t except) override;
  core::Result<std::vector<domain::mentoring::Mentorship>> OfGroups(
      const std::vector<std::int64_t>& group_ids) override;
};

class SqlCycleRepository final : public domain::mentoring::CycleRepository {
 public:
  explicit SqlCycleRepository(soci::session& sql) : sql_(sql) {}
  core::Result<std::int64_t> Insert(const domain::mentoring::LearningCycle& cycle) override;
  core::Status Update(const domain::mentoring::LearningCycle& cycle) override;
  core::Status ReplacePlan(const domain::mentoring::LearningCycle& cycle) override;
  core::Result<domain::mentoring::LearningCycle> Find(std::int64_t id) override;
  core::Result<core::Page<domain::mentoring::LearningCycle>> List(const domain::mentoring::CycleFilter& filter,
                                                                  const core::PageRequest& page) override;
  core::Result<std::vector<domain::mentoring::CycleTally>> Tallies(const std::vector<std::int64_t>& group_ids,
                                                                   std::int64_t limit) override;
  core::Result<std::vector<domain::mentoring::CycleTally>> TalliesOf(
      const std::vector<std::int64_t>& cycle_ids) override;
  core::Result<std::int64_t> InsertSession(const domain::mentoring::CycleSession& session) override;
  core::Result<std::vector<domain::mentoring::CycleSession>> Sessions(std::int64_t cycle_id) override;
  core::Result<std::int64_t> InsertEvaluation(const domain::mentoring::Evaluation& evaluation) override;
  core::Status UpdateEvaluation(const domain::mentoring::Evaluation& evaluation) override;
  core::Result<std::vector<domain::mentoring::Evaluation>> Evaluations(std::int64_t cycle_id) override;
  core::Result<domain::mentoring::MenteeRecord> OfMentee(std::int64_t group_id, std::int64_t member_id) override;

 private:
  // The cycles `where` (with its ORDER BY and LIMIT) selects from learning_cycles lc, with counts.
  std::vector<domain::mentoring::CycleTally> ReadTallies(const std::string& where, const Params& params);
  soci::session& sql_;
};

class SqlSurveyRepository final : public domain::mentoring::SurveyRepository {
 public:
  explicit SqlSurveyRepository(soci::session& sql) : sql_(sql) {}
  core::Result<std::vector<domain::mentoring::SurveyTemplate>> Templates() override;
  core::Result<domain::mentoring::SurveyTemplate> FindTemplate(std::int64_t id) override;
  core::Result<std::int64_t> Insert(const domain::mentoring::Survey& survey) override;
  core::Result<domain::mentoring::Survey> Find(std::int64_t id) override;
  core::Result<core::Page<domain::mentoring::Survey>> List(std::int64_t group_id, const core::PageRequest& page) override;
  core::Result<std::int64_t> InsertResponse(const domain::mentoring::SurveyResponse& response) override;
  core::Result<std::vector<domain::mentoring::SurveyResponse>> Responses(std::int64_t survey_id) override;
  core::Result<std::int64_t> InsertCode(const domain::mentoring::SurveyCode& code) override;
  core::Result<std::vector<domain::mentoring::SurveyCode>> Codes(std::int64_t survey_id) override;
  core::Result<std::int64_t> InsertTag(const domain::mentoring::CodeTag& tag) override;
  core::Result<bool> DeleteTag(std::int64_t survey_id, std::int64_t tag_id) override;
  core::Result<std::vector<domain::mentoring::CodeTag>> Tags(std::int64_t survey_id) override;

 private:
  soci::session& sql_;
};

class SqlMatchingRunRepository final : public domain::mentoring::MatchingRunRepository {
 public:
  explicit SqlMatchingRunRepository(soci::session& sql) : sql_(sql) {}
  core::Result<std::int64_t> Insert(const domain::mentoring::MatchingRun& run) override;
  core::Result<domain::mentoring::MatchingRun> Find(std::int64_t id) override;
  core::Result<core::Page<domain::mentoring::MatchingRun>> List(std::int64_t group_id,
                                                                const core::PageRequest& page) override;
  core::Result<std::vector<domain::mentoring::MatchingRun>> Unfinished() override;
  core::Status Update(const domain::mentoring::MatchingRun& run) override;
  core::Status InsertResult(std::int64_t run_id, const std::vector<domain::mentoring::RunPair>& pairs,
                            const std::vector<domain::mentoring::RunUnplaced>& unplaced) override;
  core::Result<std::vector<domain::mentoring::RunPair>> Pairs(std::int64_t run_id) override;
  core::Result<std::vector<domain::mentoring::RunUnplaced>> Unplaced(std::int64_t run_id) override;
  core::Result<domain::mentoring::MatchingPool> Pool(const std::vector<std::int64_t>& group_ids,
                                                     const core::Date& today) override;

 private:
  soci::session& sql_;
};

}  // namespace gotong::storage::internal
