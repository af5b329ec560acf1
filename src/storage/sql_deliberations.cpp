// The groups context's deliberation repository: proposals with their options, votes and the
// norms agreed outcomes become.

#include <map>

#include "storage/sql_competency_targets.hpp"
#include "storage/sql_groups.hpp"
#include "storage/sql_row.hpp"

namespace gotong::storage::internal {
namespace {

using namespace domain::groups;  // NOLINT: this file implements that context's interfaces

// ---- deliberations ----------------------------------------------------------------------------

// A SettingChange as the five change columns of a deliberation `d` hold it (all NULL for none),
// read into the `change` of a Deliberation or of a Norm: the setting comes first, and the other
// columns fill in what it reads.
template <typename Record>
constexpr Column<Record> kChangeColumns[] = {
    {"d.change_setting", CellKind::kText,
     [](Record& r, const Cell& value, std::string_view sql) {
       if (!value.IsNull())
         r.change.emplace().setting = cell::Read<GroupSetting, ParseGroupSetting>(value, sql);
     }},
    {"d.change_number", CellKind::kNumber,
     [](Record& r, const Cell& value, std::string_view) {
       if (!r.change || value.IsNull()) return;
       switch (r.change->setting) {
         case GroupSetting::kMonthlyFee:
           r.change->amount = value.number;
           break;
         case GroupSetting::kSopMeetings:
           r.change->meetings = static_cast<int>(value.number);
           break;
         case GroupSetting::kMarketArea:
           break;
       }
     }},
    {"d.change_member_id", CellKind::kNumber,
     [](Record& r, const Cell& value, std::string_view) {
       if (r.change && r.change->setting == GroupSetting::kMarketArea && !value.IsNull()) {
         r.change->member_id = value.number;
       }
     }},
    {"d.change_area", CellKind::kText,
     [](Record& r, const Cell& value, std::string_view) {
       if (r.change && r.change->setting == GroupSetting::kMarketArea && !value.IsNull())
         r.change->area = value.text;
     }},
    {"d.change_effective_on", CellKind::kText,
     [](Record& r, const Cell& value, std::string_view sql) {
       if (r.change && !value.IsNull())
         r.change->effective_on = cell::Read<core::Date, nullptr>(value, sql);
     }},
};

// What is proposed, by whom and how it is decided are written once; an update records the
// decision. The options are written apart.
constexpr Column<Deliberation> kDeliberationColumns[] = {
    Member<&Deliberation::id>("d.id"),
    Field<&Deliberation::group_id>("d.group_id").OnInsert(),
    Field<&Deliberation::meeting_id>("d.meeting_id").OnInsert(),
    Field<&Deliberation::title>("d.title").OnInsert(),
    Field<&Deliberation::description>("d.description").OnInsert(),
    Field<&Deliberation::topic, ParseTopic>("d.topic").OnInsert(),
    Field<&Deliberation::method, ParseDecisionMethod>("d.method").OnInsert(),
    Field<&Deliberation::decided>("d.decided"),
    Field<&Deliberation::outcome, ParseOutcome>("d.outcome"),
    Field<&Deliberation::option_id>("d.option_id"),
    Field<&Deliberation::decided_on>("d.decided_on"),
    Field<&Deliberation::note>("d.note"),
    Field<&Deliberation::created_at>("d.created_at").OnInsert(),
    Field<&Deliberation::updated_at>("d.updated_at"),
    Member<&Deliberation::votes_against>(
        "(SELECT COUNT(*) FROM votes v WHERE v.deliberation_id = d.id AND v.option_id IS NULL)"),
    Field<&Deliberation::rule, ParseDecisionRule>("d.rule").OnInsert(),
    Field<&Deliberation::quorum>("d.quorum").OnInsert(),
    kChangeColumns<Deliberation>[0],
    kChangeColumns<Deliberation>[1],
    kChangeColumns<Deliberation>[2],
    kChangeColumns<Deliberation>[3],
    kChangeColumns<Deliberation>[4],
    Field<&Deliberation::proposed_by_member_id>("d.proposed_by_member_id").OnInsert(),
    {"(SELECT p.name FROM memberships pm JOIN people p ON p.id = pm.person_id WHERE pm.id = "
     "d.proposed_by_member_id)",
     CellKind::kText,
     [](Deliberation& d, const Cell& cell, std::string_view) {
       d.proposed_by_name = cell.IsNull() ? "" : cell.text;
     }},
    // The change as kChangeColumns reads it, written by the insert (a norm reads its
    // deliberation's, and writes none).
    {"change_setting", CellKind::kText, nullptr,
     [](const Deliberation& d, Cell& cell) {
       if (d.change) cell.SetText(std::string(ToString(d.change->setting)));
     },
     Written::kOnInsert},
    // The fee's amount or the SOP's meetings, whichever the setting has.
    {"change_number", CellKind::kNumber, nullptr,
     [](const Deliberation& d, Cell& cell) {
       if (d.change && d.change->amount) cell.SetNumber(*d.change->amount);
       if (d.change && d.change->meetings) cell.SetNumber(*d.change->meetings);
     },
     Written::kOnInsert},
    {"change_member_id", CellKind::kNumber, nullptr,
     [](const Deliberation& d, Cell& cell) {
       if (d.change && d.change->member_id) cell.SetNumber(*d.change->member_id);
     },
     Written::kOnInsert},
    {"change_area", CellKind::kText, nullptr,
     [](const Deliberation& d, Cell& cell) {
       if (d.change && d.change->area) cell.SetText(*d.change->area);
     },
     Written::kOnInsert},
    {"change_effective_on", CellKind::kText, nullptr,
     [](const Deliberation& d, Cell& cell) {
       if (d.change) cell.SetText(d.change->effective_on.ToString());
     },
     Written::kOnInsert},
};
constexpr RecordTable<Deliberation> kDeliberationTable{
    kDeliberationColumns, " FROM deliberations d", "d", "deliberation"};

// An option is read with its deliberation's id (not one of its members), which places it; a
// learning theme's targets are read apart.
constexpr Column<DeliberationOption> kOptionColumns[] = {
    Member<&DeliberationOption::id>("o.id"),
    Member<&DeliberationOption::label>("o.label"),
    Member<&DeliberationOption::votes>("(SELECT COUNT(*) FROM votes v WHERE v.deliberation_id = "
                                       "o.deliberation_id AND v.option_id = o.id)"),
};

// A target is read with its option's id, which places it; the competency's names are the
// catalogue's.
// ---- norms ------------------------------------------------------------------------------------

// A norm's change is its deliberation's; its group is the one asked for.
// A norm is not updated; its change is not written, being its deliberation's.
constexpr Column<Norm> kNormColumns[] = {
    Member<&Norm::id>("n.id"),
    Field<&Norm::deliberation_id>("n.deliberation_id"),
    Field<&Norm::topic, ParseTopic>("n.topic"),
    Field<&Norm::text>("n.text"),
    Field<&Norm::adopted_on>("n.adopted_on"),
    Field<&Norm::created_at>("n.created_at"),
    kChangeColumns<Norm>[0],
    kChangeColumns<Norm>[1],
    kChangeColumns<Norm>[2],
    kChangeColumns<Norm>[3],
    kChangeColumns<Norm>[4],
    WrittenOnly<&Norm::group_id>("group_id"),
};
constexpr RecordTable<Norm> kNormTable{
    kNormColumns, " FROM norms n JOIN deliberations d ON d.id = n.deliberation_id", "n", "norm"};

// ---- votes ------------------------------------------------------------------------------------

// Whether the member's own account entered the vote.
constexpr std::string_view kOwnVote =
    "CASE WHEN v.recorded_by IS NOT NULL AND v.recorded_by = m.user_id THEN 1 ELSE 0 END";

// A vote on the deliberation asked for.
constexpr Column<Vote> kVoteColumns[] = {
    Member<&Vote::member_id>("v.member_id"),
    Member<&Vote::option_id>("v.option_id"),
    Member<&Vote::person_name>("p.name"),
    Member<&Vote::recorded_by_id>("v.recorded_by"),
    Member<&Vote::recorded_by>("v.recorded_by_username"),
    Member<&Vote::own>(kOwnVote),
};

// A vote of the member asked for, with its proposal and the label of her option.
constexpr Column<MemberVote> kMemberVoteColumns[] = {
    Member<&MemberVote::deliberation_id>("v.deliberation_id"),
    Member<&MemberVote::title>("d.title"),
    Member<&MemberVote::decided>("d.decided"),
    Member<&MemberVote::outcome, ParseOutcome>("d.outcome"),
    PartMember<&MemberVote::vote, &Vote::option_id>("v.option_id"),
    Member<&MemberVote::choice>("o.label"),
    PartMember<&MemberVote::vote, &Vote::recorded_by_id>("v.recorded_by"),
    PartMember<&MemberVote::vote, &Vote::recorded_by>("v.recorded_by_username"),
    PartMember<&MemberVote::vote, &Vote::own>(kOwnVote),
    Member<&MemberVote::cast_at>("v.cast_at"),
};

// Reads the options of `deliberations` (a page of a list, or one), and the targets of a learning
// theme's options.
void LoadOptions(soci::session& sql, std::span<Deliberation> deliberations) {
  LoadChildren<&Deliberation::options>(sql, deliberations, kOptionColumns,
                                       " FROM deliberation_options o", "o.deliberation_id",
                                       "o.deliberation_id, o.position");
  // What a learning theme's options name; other topics' options name nothing, so a page of
  // proposals without a theme reads no more.
  std::map<std::int64_t, DeliberationOption*> options;
  std::vector<std::int64_t> option_ids;
  for (auto& d : deliberations) {
    if (d.topic != Topic::kLearningTheme) continue;
    for (auto& option : d.options) {
      options[option.id] = &option;
      option_ids.push_back(option.id);
    }
  }
  ReadChildren<domain::mentoring::CompetencyTarget>(
      sql, kCompetencyTargetColumns, CompetencyTargetsFrom("deliberation_option_targets"),
      "t.option_id", option_ids, "t.option_id, t.position",
      [&](std::int64_t option_id, domain::mentoring::CompetencyTarget target) {
        options.at(option_id)->targets.push_back(std::move(target));
      });
}

}  // namespace

// ---- deliberations ----------------------------------------------------------------------------

core::Result<Deliberation> SqlDeliberationRepository::Insert(const Deliberation& deliberation) {
  return Guard("insert deliberation", [&]() -> core::Result<Deliberation> {
    Deliberation saved = deliberation;
    saved.id =
        InsertRecord<Deliberation>(sql_, "deliberations", kDeliberationColumns, deliberation);
    long long id = saved.id;
    int position = 0;
    for (auto& option : saved.options) {
      long long option_id = 0;
      ++position;
      Query query(sql_);
      query.Use(id).Use(position).Use(option.label).Into(option_id);
      query.Run("INSERT INTO deliberation_options (deliberation_id, position, label) "
                "VALUES (:d, :p, :l) RETURNING id");
      option.id = option_id;
      option.votes = 0;
      InsertCompetencyTargets(sql_, "deliberation_option_targets", "option_id", option_id,
                              option.targets);
    }
    return saved;
  });
}

core::Status SqlDeliberationRepository::Update(const Deliberation& deliberation) {
  return ChangeRecord(sql_, kDeliberationTable, deliberation);
}

core::Result<Deliberation> SqlDeliberationRepository::Find(std::int64_t group_id, std::int64_t id) {
  return Guard("find deliberation", [&]() -> core::Result<Deliberation> {
    GOTONG_ASSIGN_OR_RETURN(auto record, FindRecord(sql_, kDeliberationTable, id, group_id));
    LoadOptions(sql_, std::span(&record, 1));
    return record;
  });
}

core::Result<core::Page<Deliberation>> SqlDeliberationRepository::List(
    std::int64_t group_id, const core::PageRequest& page) {
  return Guard("list deliberations", [&]() -> core::Result<core::Page<Deliberation>> {
    Params params;
    std::string where = " WHERE d.group_id = ";
    params.Number(where, group_id);
    auto result = PagedRecords(sql_, page, kDeliberationTable, where, params, "d.id DESC");
    LoadOptions(sql_, result.items);
    return result;
  });
}

core::Status SqlDeliberationRepository::InsertVote(std::int64_t deliberation_id, const Vote& vote,
                                                   core::Instant at) {
  return GuardUnique(
      "record vote",
      [&] {
        return core::Error::Exists("member_id", "this member has already voted on this proposal");
      },
      [&]() -> core::Status {
        long long deliberation = deliberation_id, member = vote.member_id;
        auto option = NumberIn(vote.option_id);
        auto by = NumberIn(vote.recorded_by_id);
        auto by_name = TextIn(vote.recorded_by);
        std::string cast = Text(at);
        Query query(sql_);
        query.Use(deliberation)
            .Use(member)
            .Use(option.value, option.indicator)
            .Use(cast)
            .Use(by.value, by.indicator)
            .Use(by_name.value, by_name.indicator);
        query.Run(
            "INSERT INTO votes (deliberation_id, member_id, option_id, cast_at, recorded_by, "
            "recorded_by_username) VALUES (:d, :m, :o, :c, :b, :n)");
        return core::OkStatus();
      });
}

core::Result<std::vector<Vote>> SqlDeliberationRepository::Votes(std::int64_t deliberation_id) {
  return Guard("read votes", [&]() -> core::Result<std::vector<Vote>> {
    std::vector<Vote> votes;
    long long deliberation = deliberation_id;
    RowReader<Vote> row(kVoteColumns);
    Query query(sql_);
    row.Bind(query);
    query.Use(deliberation);
    query.ForEachRow("SELECT " + SelectList<Vote>(kVoteColumns) +
                         " FROM votes v "
                         "JOIN memberships m ON m.id = v.member_id JOIN people p ON p.id = "
                         "m.person_id "
                         "WHERE v.deliberation_id = :d ORDER BY p.search_name, v.member_id",
                     [&] { votes.push_back(row.Get()); });
    return votes;
  });
}

core::Result<core::Page<MemberVote>> SqlDeliberationRepository::VotesOf(
    std::int64_t group_id, std::int64_t member_id, const core::PageRequest& page) {
  return Guard("read a member's votes", [&]() -> core::Result<core::Page<MemberVote>> {
    Params params;
    std::string where =
        " FROM votes v JOIN deliberations d ON d.id = v.deliberation_id "
        "JOIN memberships m ON m.id = v.member_id "
        "LEFT JOIN deliberation_options o ON o.id = v.option_id WHERE d.group_id = ";
    params.Number(where, group_id);
    where += " AND v.member_id = ";
    params.Number(where, member_id);
    RowReader<MemberVote> row(kMemberVoteColumns);
    return PagedQuery<MemberVote>(
        sql_, page, SelectList<MemberVote>(kMemberVoteColumns), where, params,
        "v.cast_at DESC, v.deliberation_id DESC", [&](Query& query) { row.Bind(query); },
        [&] {
          MemberVote item = row.Get();
          item.vote.member_id = member_id;
          return item;
        });
  });
}

core::Result<bool> SqlDeliberationRepository::DeleteVote(std::int64_t deliberation_id,
                                                         std::int64_t member_id) {
  return Guard("withdraw vote", [&]() -> core::Result<bool> {
    long long deliberation = deliberation_id, member = member_id;
    Query query(sql_);
    query.Use(deliberation).Use(member);
    query.Run("DELETE FROM votes WHERE deliberation_id = :d AND member_id = :m");
    return query.AffectedRows() > 0;
  });
}

core::Result<std::int64_t> SqlDeliberationRepository::InsertNorm(const Norm& norm) {
  return AddRecord(sql_, kNormTable, norm);
}

core::Result<std::vector<Norm>> SqlDeliberationRepository::Norms(std::int64_t group_id) {
  return Guard("list norms", [&]() -> core::Result<std::vector<Norm>> {
    Params params;
    std::string where = " WHERE n.group_id = ";
    params.Number(where, group_id);
    auto norms = SelectRecords(sql_, kNormTable, where + " ORDER BY n.id", params);
    for (auto& norm : norms) norm.group_id = group_id;
    return norms;
  });
}

}  // namespace gotong::storage::internal
