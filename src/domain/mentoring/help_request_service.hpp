#pragma once

// Help requests (incidental learning, seed 000): a mentee reports a failure in a few words,
// perhaps with a photo; the group's mentors advise; she logs each rework as an attempt; she or her
// adviser resolves it (or it is abandoned); a resolved answer is shared with the group as a
// knowledge post in one step.
//
// Who: a member reports her own; the group's leader or an overseer (admin, the steward's officer,
// the programme's facilitator) reports for a member, such as one without an account. Advice comes
// from the group's mentors (a member marked mentor, or an account with the mentor role) and the
// overseers. Everyone who reaches the group reads its requests: the group's books are open to its
// members, and the point of incidental learning is that the group learns from one member's
// failure.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/page.hpp"
#include "core/result.hpp"
#include "domain/accounts/access.hpp"
#include "domain/form.hpp"
#include "domain/groups/cooperation_service.hpp"
#include "domain/groups/group_access.hpp"
#include "domain/mentoring/help_request.hpp"

namespace gotong::domain::mentoring {

struct HelpRequestInput {
  form::Field<std::int64_t> group_id;   // default: the group of the caller's account
  form::Field<std::int64_t> member_id;  // default: the caller's own membership
  form::Field<std::int64_t> competency_id;
  form::Field<std::string> title;
  form::Field<std::string> description;
};

struct AdviceInput {
  form::Field<std::string> text;
};

struct AttemptInput {
  form::Field<std::string> note;
  form::Field<std::string> attempted_on;  // default: today
};

struct TransitionInput {
  form::Field<std::string> to;  // resolved or abandoned
  form::Field<std::string> note;
};

// The knowledge post a resolved request becomes; each field defaults to the request's.
struct ShareInput {
  form::Field<std::string> title;  // default: the request's title
  form::Field<std::string> body;   // default: the latest advice
  form::Field<std::string> kind;   // default: fix
  std::optional<std::vector<std::string>> tags;
};

struct HelpRequestQuery {
  std::optional<std::int64_t> group_id;
  std::optional<std::int64_t> member_id;
  std::optional<std::string> status;  // one status, or several joined by commas
  bool mine = false;                  // the caller's own requests
  core::PageRequest page;
};

// What the caller may do to a request now, so a page offers only that.
struct HelpRights {
  bool advise = false;
  bool attempt = false;
  bool resolve = false;
  bool abandon = false;
  bool share = false;
  bool photo = false;
};

struct HelpRequestView {
  HelpRequest request;
  std::vector<Advice> advice;      // oldest first
  std::vector<Attempt> attempts;   // in order
  HelpRights rights;
};

// The longest texts.
inline constexpr std::size_t kMaxHelpTitle = 120;
inline constexpr std::size_t kMaxHelpText = 4000;
inline constexpr std::size_t kMaxHelpNote = 1000;

class HelpRequestService : public groups::GroupWorkspace {
 public:
  HelpRequestService(Database& database, const core::Clock& clock, const PhotoEncoder& photos)
      : GroupWorkspace(database, clock), photos_(photos) {}

  // Within what the caller reaches; a group's mentors see open requests first (the repository's
  // order).
  core::Result<core::Page<HelpRequest>> List(const accounts::Context& context,
                                             const HelpRequestQuery& query);
  core::Result<HelpRequestView> Get(const accounts::Context& context, std::int64_t id);
  core::Result<HelpRequestView> Report(const accounts::Context& context, const HelpRequestInput& input);
  // The first advice moves an open request to advised.
  core::Result<HelpRequestView> Advise(const accounts::Context& context, std::int64_t id,
                                       const AdviceInput& input);
  core::Result<HelpRequestView> LogAttempt(const accounts::Context& context, std::int64_t id,
                                           const AttemptInput& input);
  core::Result<HelpRequestView> Transition(const accounts::Context& context, std::int64_t id,
                                           const TransitionInput& input);
  // The post as created; kConflict (field knowledge_post_id, already_shared) the second time.
  core::Result<groups::PostView> Share(const accounts::Context& context, std::int64_t id,
                                       const ShareInput& input);

  // Checks that the caller may attach a photo before it is decoded, then decodes `bytes`
  // (PhotoEncoder) and keeps the photo, replacing one the request had.
  core::Result<HelpRequestView> AttachPhoto(const accounts::Context& context, std::int64_t id,
                                            std::string_view bytes);
  // One of the request's JPEGs, for whoever reads the request.
  core::Result<EncodedImage> Photo(const accounts::Context& context, std::int64_t id, PhotoSize size);
  std::size_t MaxPhotoBytes() const { return photos_.MaxBytes(); }

 private:
  const PhotoEncoder& photos_;
};

}  // namespace gotong::domain::mentoring
