// The groups context's deliberation repository: proposals with their options, votes and the
// norms agreed outcomes become.

#include "sql_groups.hpp"

#include "sql_internal.hpp"

namespace gotong::storage::internal {
namespace {

using namespace domain::groups;  // NOLINT: this file implements that context's interfaces

// ---- deliberations ----------------------------------------------------------------------------

// The change columns of a deliberation `d`, read by ChangeSlots (the last five below, too).
constexpr const char* kChangeColumns =
    "d.change_setting, d.change_number, d.change_member_id, d.change_area, d.change_effective_on";

constexpr const char* kDeliberationColumns =
    "d.id, d.group_id, d.meeting_id, d.title, d.description, d.topic, d.method, d.decided, "
    "d.outcome, d.option_id, d.decided_on, d.note, d.created_at, d.updated_at, "
    "(SELECT COUNT(*) FROM votes v WHERE v.deliberation_id = d.id AND v.option_id IS NULL), "
    "d.rule, d.quorum, "
    "d.change_setting, d.change_number, d.change_member_id, d.change_area, d.change_effective_on, "
    "d.proposed_by_member_id, (SELECT p.name FROM memberships pm JOIN people p ON p.id = pm.person_id "
    "WHERE pm.id = d.proposed_by_member_id)";

// A deliberation's SettingChange, as its five columns hold it (all NULL for none).
struct ChangeSlots {
  Slot<std::string> setting, area, effective_on;
  Slot<long long> number, member_id;

  void Bind(Query& query) {
    query.Into(setting.value, setting.indicator).Into(number.value, number.indicator)
        .Into(member_id.value, member_id.indicator).Into(area.value, area.indicator)
        .Into(effective_on.value, effective_on.indicator);
  }
  std::optional<SettingChange> Get() const {
    if (!setting.has()) return std::nullopt;
    SettingChange change;
    change.setting = Stored("change_setting", setting.value, ParseGroupSetting);
    switch (change.setting) {
      case GroupSetting::kMonthlyFee: change.amount = number.get(); break;
      case GroupSetting::kSopMeetings:
        if (number.has()) change.meetings = static_cast<int>(number.value);
        break;
      case GroupSetting::kMarketArea:
        change.member_id = member_id.get();
        change.area = area.get();
        break;
    }
    if (auto day = OptionalDate(effective_on)) change.effective_on = *day;
    return change;
  }
};
const RecordTable kDeliberationTable{kDeliberationColumns, " FROM deliberations d", "d", "deliberation"};

struct DeliberationVars {
  long long id = 0, group_id = 0, against = 0;
  int decided = 0;
  std::string title, topic, method, rule, created_at, updated_at;
  Slot<long long> meeting_id, option_id, quorum, proposer;
  Slot<std::string> description, outcome, decided_on, note, proposer_name;
  ChangeSlots change;

  void Bind(Query& query) {
    query.Into(id).Into(group_id).Into(meeting_id.value, meeting_id.indicator).Into(title)
        .Into(description.value, description.indicator).Into(topic).Into(method).Into(decided)
        .Into(outcome.value, outcome.indicator).Into(option_id.value, option_id.indicator)
        .Into(decided_on.value, decided_on.indicator).Into(note.value, note.indicator)
        .Into(created_at).Into(updated_at).Into(against).Into(rule)
        .Into(quorum.value, quorum.indicator);
    change.Bind(query);
    query.Into(proposer.value, proposer.indicator).Into(proposer_name.value, proposer_name.indicator);
  }
  Deliberation Get() const {
    Deliberation d;
    d.id = id;
    d.group_id = group_id;
    if (meeting_id.has()) d.meeting_id = meeting_id.value;
    d.title = title;
    d.description = description.get();
    d.topic = Stored("topic", topic, ParseTopic);
    d.method = Stored("method", method, ParseDecisionMethod);
    d.decided = decided != 0;
    if (outcome.has()) d.outcome = Stored("outcome", outcome.value, ParseOutcome);
    if (option_id.has()) d.option_id = option_id.value;
    d.decided_on = OptionalDate(decided_on);
    d.note = note.get();
    d.created_at = InstantFrom(created_at);
    d.updated_at = InstantFrom(updated_at);
    d.votes_against = against;
    d.rule = Stored("rule", rule, ParseDecisionRule);
    d.quorum = quorum.get();
    d.change = change.Get();
    d.proposed_by_member_id = proposer.get();
    d.proposed_by_name = proposer_name.get().value_or("");
    return d;
  }
};

}  // namespace

// ---- deliberations ----------------------------------------------------------------------------

core::Result<Deliberation> SqlDeliberationRepository::Insert(const Deliberation& deliberation) {
  return Guard("insert deliberation", [&]() -> core::Result<Deliberation> {
    Deliberation saved = deliberation;
    long long group = deliberation.group_id, id = 0;
    auto meeting = NumberIn(deliberation.meeting_id);
    auto description = TextIn(deliberation.description);
    std::string topic(ToString(deliberation.topic)), method(ToString(deliberation.method));
    std::string rule(ToString(deliberation.rule));
    std::string created = Text(deliberation.created_at), updated = Text(deliberation.updated_at);
    auto quorum = NumberIn(deliberation.quorum);
    const auto& change = deliberation.change;
    auto setting = TextIn(change ? std::optional<std::string>(std::string(ToString(change->setting)))
                                 : std::nullopt);
    std::optional<std::int64_t> change_number;
    if (change && change->amount) change_number = *change->amount;
    if (change && change->meetings) change_number = *change->meetings;
    auto number = NumberIn(change_number);
    auto member = NumberIn(change ? change->member_id : std::nullopt);
    auto area = TextIn(change ? change->area : std::nullopt);
    auto effective = DateIn(change ? std::optional<core::Date>(change->effective_on) : std::nullopt);
    auto proposer = NumberIn(deliberation.proposed_by_member_id);
    {
      Query query(sql_);
      query.Use(group).Use(meeting.value, meeting.indicator).Use(deliberation.title)
          .Use(description.value, description.indicator).Use(topic).Use(method).Use(created)
          .Use(updated).Use(rule).Use(quorum.value, quorum.indicator)
          .Use(setting.value, setting.indicator).Use(number.value, number.indicator)
          .Use(member.value, member.indicator).Use(area.value, area.indicator)
          .Use(effective.value, effective.indicator).Use(proposer.value, proposer.indicator).Into(id);
      query.Run("INSERT INTO deliberations (group_id, meeting_id, title, description, topic, method, "
                "decided, created_at, updated_at, rule, quorum, change_setting, change_number, "
                "change_member_id, change_area, change_effective_on, proposed_by_member_id) "
                "VALUES (:a, :b, :c, :d, :e, :f, 0, :g, :h, :i, :j, :k, :l, :m, :n, :o, :p) "
                "RETURNING id");
    }
    saved.id = id;
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
      int target_position = 0;
      for (const auto& target : option.targets) {
        long long competency = target.competency_id;
        int level = target.level;
        ++target_position;
        sql_ << "INSERT INTO deliberation_option_targets (option_id, competency_id, level, position) "
                "VALUES (:o, :c, :l, :p)",
            soci::use(option_id), soci::use(competency), soci::use(level), soci::use(target_position);
      }
    }
    return saved;
  });
}

core::Status SqlDeliberationRepository::Update(const Deliberation& deliberation) {
  return Guard("update deliberation", [&]() -> core::Status {
    int decided = deliberation.decided ? 1 : 0;
    auto outcome = TextIn(deliberation.outcome ? std::optional<std::string>(std::string(
                                                     ToString(*deliberation.outcome)))
                                               : std::nullopt);
    auto option = NumberIn(deliberation.option_id);
    auto decided_on = DateIn(deliberation.decided_on);
    auto note = TextIn(deliberation.note);
    std::string updated = Text(deliberation.updated_at);
    long long id = deliberation.id;
    Query query(sql_);
    query.Use(decided).Use(outcome.value, outcome.indicator).Use(option.value, option.indicator)
        .Use(decided_on.value, decided_on.indicator).Use(note.value, note.indicator).Use(updated)
        .Use(id);
    query.Run("UPDATE deliberations SET decided = :a, outcome = :b, option_id = :c, "
              "decided_on = :d, note = :e, updated_at = :f WHERE id = :g");
    return core::OkStatus();
  });
}

core::Status SqlDeliberationRepository::LoadOptions(std::vector<Deliberation>& deliberations) {
  if (deliberations.empty()) return core::OkStatus();
  std::map<std::int64_t, Deliberation*> by_id;
  std::vector<std::int64_t> ids;
  for (auto& d : deliberations) {
    by_id[d.id] = &d;
    ids.push_back(d.id);
  }
  Params params;
  std::string sql =
      "SELECT o.deliberation_id, o.id, o.label, (SELECT COUNT(*) FROM votes v "
      "WHERE v.deliberation_id = o.deliberation_id AND v.option_id = o.id) "
      "FROM deliberation_options o WHERE o.deliberation_id IN " +
      IdList(params, ids) + " ORDER BY o.deliberation_id, o.position";
  long long deliberation_id = 0, option_id = 0, votes = 0;
  std::string label;
  Query query(sql_);
  query.Into(deliberation_id).Into(option_id).Into(label).Into(votes);
  params.BindTo(query);
  if (query.Run(sql)) {
    do {
      by_id.at(deliberation_id)->options.push_back({option_id, label, votes, {}});
    } while (query.Next());
  }
  // What a learning theme's options name; other topics' options name nothing, so a page of
  // proposals without a theme reads no more.
  std::map<std::int64_t, DeliberationOption*> options;
  std::vector<std::int64_t> themes;
  for (auto& d : deliberations) {
    if (d.topic != Topic::kLearningTheme) continue;
    themes.push_back(d.id);
    for (auto& option : d.options) options[option.id] = &option;
  }
  if (themes.empty()) return core::OkStatus();
  Params target_params;
  std::string targets_sql =
      "SELECT t.option_id, t.competency_id, t.level, c.code, c.name, c.name_en FROM "
      "deliberation_option_targets t "
      "JOIN deliberation_options o ON o.id = t.option_id JOIN competencies c ON c.id = "
      "t.competency_id "
      "WHERE o.deliberation_id IN " +
      IdList(target_params, themes) + " ORDER BY t.option_id, t.position";
  long long target_option = 0, competency = 0;
  int level = 0;
  std::string code, name;
  Slot<std::string> name_en;
  Query targets(sql_);
  targets.Into(target_option)
      .Into(competency)
      .Into(level)
      .Into(code)
      .Into(name)
      .Into(name_en.value, name_en.indicator);
  target_params.BindTo(targets);
  if (targets.Run(targets_sql)) {
    do {
      options.at(target_option)->targets.push_back({competency, level, code, name, name_en.get()});
    } while (targets.Next());
  }
  return core::OkStatus();
}

core::Result<Deliberation> SqlDeliberationRepository::Find(std::int64_t group_id, std::int64_t id) {
  return Guard("find deliberation", [&]() -> core::Result<Deliberation> {
    GOTONG_ASSIGN_OR_RETURN(auto record, FindRecord<DeliberationVars>(sql_, kDeliberationTable, id, group_id));
    std::vector<Deliberation> found{std::move(record)};
    GOTONG_RETURN_IF_ERROR(LoadOptions(found));
    return std::move(found.front());
  });
}

core::Result<core::Page<Deliberation>> SqlDeliberationRepository::List(
    std::int64_t group_id, const core::PageRequest& page) {
  return Guard("list deliberations", [&]() -> core::Result<core::Page<Deliberation>> {
    Params params;
    std::string where = " FROM deliberations d WHERE d.group_id = ";
    params.Number(where, group_id);
    DeliberationVars vars;
    auto result = PagedQuery<Deliberation>(sql_, page, kDeliberationColumns, where, params, "d.id DESC",
                                           [&](Query& query) { vars.Bind(query); },
                                           [&] { return vars.Get(); });
    GOTONG_RETURN_IF_ERROR(LoadOptions(result.items));
    return result;
  });
}

core::Status SqlDeliberationRepository::InsertVote(std::int64_t deliberation_id, const Vote& vote,
                                                   core::Instant at) {
  return Guard("record vote", [&]() -> core::Status {
    try {
      long long deliberation = deliberation_id, member = vote.member_id;
      auto option = NumberIn(vote.option_id);
      auto by = NumberIn(vote.recorded_by_id);
      auto by_name = TextIn(vote.recorded_by);
      std::string cast = Text(at);
      Query query(sql_);
      query.Use(deliberation).Use(member).Use(option.value, option.indicator).Use(cast)
          .Use(by.value, by.indicator).Use(by_name.value, by_name.indicator);
      query.Run("INSERT INTO votes (deliberation_id, member_id, option_id, cast_at, recorded_by, "
                "recorded_by_username) VALUES (:d, :m, :o, :c, :b, :n)");
      return core::OkStatus();
    } catch (const soci::soci_error& error) {
      if (IsUniqueViolation(error)) {
        return core::Error::Exists("member_id", "this member has already voted on this proposal");
      }
      throw;
    }
  });
}

core::Result<std::vector<Vote>> SqlDeliberationRepository::Votes(std::int64_t deliberation_id) {
  return Guard("read votes", [&]() -> core::Result<std::vector<Vote>> {
    std::vector<Vote> votes;
    long long deliberation = deliberation_id, member = 0;
    int own = 0;
    Slot<long long> option, by;
    Slot<std::string> by_name;
    std::string name;
    Query query(sql_);
    query.Into(member).Into(option.value, option.indicator).Into(name).Into(by.value, by.indicator)
        .Into(by_name.value, by_name.indicator).Into(own).Use(deliberation);
    if (query.Run("SELECT v.member_id, v.option_id, p.name, v.recorded_by, v.recorded_by_username, "
                  "CASE WHEN v.recorded_by IS NOT NULL AND v.recorded_by = m.user_id THEN 1 ELSE 0 END "
                  "FROM votes v "
                  "JOIN memberships m ON m.id = v.member_id JOIN people p ON p.id = m.person_id "
                  "WHERE v.deliberation_id = :d ORDER BY p.search_name, v.member_id")) {
      do {
        Vote vote;
        vote.member_id = member;
        if (option.has()) vote.option_id = option.value;
        vote.person_name = name;
        vote.recorded_by_id = by.get();
        vote.recorded_by = by_name.get();
        vote.own = own != 0;
        votes.push_back(std::move(vote));
      } while (query.Next());
    }
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
    long long deliberation = 0;
    int decided = 0, own = 0;
    std::string title, cast_at;
    Slot<std::string> outcome, label, by_name;
    Slot<long long> option, by;
    return PagedQuery<MemberVote>(
        sql_, page,
        "v.deliberation_id, d.title, d.decided, d.outcome, v.option_id, o.label, v.recorded_by, "
        "v.recorded_by_username, "
        "CASE WHEN v.recorded_by IS NOT NULL AND v.recorded_by = m.user_id THEN 1 ELSE 0 END, "
        "v.cast_at",
        where, params, "v.cast_at DESC, v.deliberation_id DESC",
        [&](Query& query) {
          query.Into(deliberation).Into(title).Into(decided).Into(outcome.value, outcome.indicator)
              .Into(option.value, option.indicator).Into(label.value, label.indicator)
              .Into(by.value, by.indicator).Into(by_name.value, by_name.indicator).Into(own)
              .Into(cast_at);
        },
        [&] {
          MemberVote item;
          item.deliberation_id = deliberation;
          item.title = title;
          item.decided = decided != 0;
          if (outcome.has()) item.outcome = Stored("outcome", outcome.value, ParseOutcome);
          item.vote.member_id = member_id;
          item.vote.option_id = option.get();
          item.vote.recorded_by_id = by.get();
          item.vote.recorded_by = by_name.get();
          item.vote.own = own != 0;
          item.choice = label.get();
          item.cast_at = InstantFrom(cast_at);
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
  return Guard("insert norm", [&]() -> core::Result<std::int64_t> {
    long long group = norm.group_id, deliberation = norm.deliberation_id, id = 0;
    std::string topic(ToString(norm.topic)), adopted = norm.adopted_on.ToString();
    std::string created = Text(norm.created_at);
    Query query(sql_);
    query.Use(group).Use(deliberation).Use(topic).Use(norm.text).Use(adopted).Use(created).Into(id);
    query.Run("INSERT INTO norms (group_id, deliberation_id, topic, text, adopted_on, created_at) "
              "VALUES (:a, :b, :c, :d, :e, :f) RETURNING id");
    return static_cast<std::int64_t>(id);
  });
}

core::Result<std::vector<Norm>> SqlDeliberationRepository::Norms(std::int64_t group_id) {
  return Guard("list norms", [&]() -> core::Result<std::vector<Norm>> {
    std::vector<Norm> norms;
    long long group = group_id, id = 0, deliberation = 0;
    std::string topic, text, adopted, created;
    ChangeSlots change;
    Query query(sql_);
    query.Into(id).Into(deliberation).Into(topic).Into(text).Into(adopted).Into(created);
    change.Bind(query);
    query.Use(group);
    if (query.Run(std::string("SELECT n.id, n.deliberation_id, n.topic, n.text, n.adopted_on, "
                              "n.created_at, ") +
                  kChangeColumns +
                  " FROM norms n JOIN deliberations d ON d.id = n.deliberation_id "
                  "WHERE n.group_id = :g ORDER BY n.id")) {
      do {
        Norm norm;
        norm.id = id;
        norm.group_id = group_id;
        norm.deliberation_id = deliberation;
        norm.topic = Stored("topic", topic, ParseTopic);
        norm.text = text;
        norm.adopted_on = DateFrom(adopted);
        norm.change = change.Get();
        norm.created_at = InstantFrom(created);
        norms.push_back(std::move(norm));
      } while (query.Next());
    }
    return norms;
  });
}

}  // namespace gotong::storage::internal
