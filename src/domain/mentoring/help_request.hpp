#pragma once

// Incidental learning (seed 000): a mentee who failed at something reports it, the group's mentor
// advises, and each rework is an attempt (the seed's batik piece was re-processed 6 times) until
// it is resolved or abandoned. A resolved answer can be shared with the group as a knowledge post.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/page.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "domain/mentoring/cycles.hpp"
#include "domain/repository.hpp"

namespace gotong::domain::mentoring {

// open → advised (on the first advice) → resolved or abandoned. A request not yet advised may be
// withdrawn (open → abandoned). A closed request stays closed: a new failure is a new request.
enum class HelpStatus { kOpen, kAdvised, kResolved, kAbandoned };

std::string_view ToString(HelpStatus status);
std::optional<HelpStatus> ParseHelpStatus(std::string_view text);
inline bool IsClosed(HelpStatus status) {
  return status == HelpStatus::kResolved || status == HelpStatus::kAbandoned;
}

// Who did something to a request: the account, and the member it acts as (none for an officer,
// a facilitator or an admin).
struct HelpActor {
  std::optional<std::int64_t> user_id;
  std::string username;  // read only; "system" for the console
  std::optional<std::int64_t> member_id;
  std::string member_name;  // read only; "" without a member
};

struct HelpRequest {
  std::int64_t id = 0;
  std::int64_t group_id = 0;
  std::int64_t member_id = 0;  // the mentee
  std::string member_name;     // read only
  std::optional<std::int64_t> competency_id;
  std::string competency_name;  // read only; "" without one
  std::string title;            // a few words: "warna ecotik luntur"
  std::optional<std::string> description;
  HelpStatus status = HelpStatus::kOpen;
  HelpActor reported_by;        // the mentee herself, or the leader or an overseer for her
  std::optional<HelpActor> closed_by;
  std::optional<std::string> close_note;
  std::optional<std::int64_t> knowledge_post_id;  // once shared with the group
  core::Instant created_at{};
  core::Instant updated_at{};
  std::optional<core::Instant> first_advice_at;
  std::optional<core::Instant> closed_at;  // resolved or abandoned
  // Read only: counted from their records.
  std::int64_t advice_count = 0;
  std::int64_t attempt_count = 0;
  bool has_photo = false;

  // From the report to the first advice, and to the resolution; nullopt until then.
  std::optional<std::chrono::seconds> TimeToFirstAdvice() const {
    if (!first_advice_at) return std::nullopt;
    return *first_advice_at - created_at;
  }
  std::optional<std::chrono::seconds> TimeToResolution() const {
    if (status != HelpStatus::kResolved || !closed_at) return std::nullopt;
    return *closed_at - created_at;
  }
};

struct Advice {
  std::int64_t id = 0;
  std::int64_t request_id = 0;
  HelpActor author;
  std::string text;
  core::Instant created_at{};
};

// One rework after advice: what she did again and how it came out.
struct Attempt {
  std::int64_t id = 0;
  std::int64_t request_id = 0;
  std::int64_t number = 0;  // read only: 1 for her first rework
  std::string note;
  core::Date attempted_on;
  HelpActor recorded_by;
  core::Instant created_at{};
};

// A photo as kept: re-encoded JPEG without any metadata, and its thumbnail.
struct EncodedImage {
  std::string bytes;
  int width = 0;
  int height = 0;
};

struct EncodedPhoto {
  EncodedImage photo;
  EncodedImage thumbnail;
};

struct HelpPhoto {
  std::int64_t request_id = 0;
  EncodedPhoto image;
  std::optional<std::int64_t> uploaded_by;
  core::Instant created_at{};
};

// What the photo's GETs answer: one of the two JPEGs.
enum class PhotoSize { kFull, kThumbnail };

// Turns what a member sent into a photo fit to keep: told by its bytes, decoded, turned upright,
// shrunk and re-encoded without metadata (a phone photo's EXIF holds where she lives). Errors
// name the field "photo" (codes too_large, not_an_image, unreadable, too_many_pixels).
class PhotoEncoder {
 public:
  virtual ~PhotoEncoder() = default;
  // The most bytes a photo may have as sent.
  virtual std::size_t MaxBytes() const = 0;
  virtual core::Result<EncodedPhoto> Encode(std::string_view bytes) const = 0;
};

// The error of a photo larger than `max_bytes`: field photo, code too_large (params max_bytes
// and max_megabytes), type payload-too-large.
core::Error PhotoTooLarge(std::size_t max_bytes);

struct HelpRequestFilter {
  // Within what the caller reaches (nullopt: everything).
  std::optional<std::int64_t> group_id;
  std::optional<std::int64_t> steward_id;
  std::optional<std::int64_t> programme_id;
  std::optional<std::int64_t> member_id;
  std::vector<HelpStatus> statuses;  // empty: every status
};

// When one request reached each point, and the mentor origin it counts under in the outcomes.
struct HelpTiming {
  std::int64_t group_id = 0;
  std::int64_t member_id = 0;  // the mentee
  HelpStatus status = HelpStatus::kOpen;
  core::Instant created_at{};
  std::optional<core::Instant> first_advice_at;
  std::optional<core::Instant> closed_at;
  // Not stored: what the outcomes find (none when the mentee had no mentorship that day).
  std::optional<MentorOrigin> origin;
};

// How long requests took to reach a point, over those that reached it: the median and the 90th
// percentile (linear between the nearest ranks), in hours rounded to a tenth; none without any.
struct DurationSummary {
  std::int64_t count = 0;
  std::optional<double> median_hours;
  std::optional<double> p90_hours;
};

// Help requests by status, and their times to first advice and to resolution.
struct HelpOutcome {
  std::int64_t open = 0;
  std::int64_t advised = 0;
  std::int64_t resolved = 0;
  std::int64_t abandoned = 0;
  DurationSummary first_advice;  // over requests ever advised
  DurationSummary resolution;    // over resolved requests (an abandoned one never was)
  std::int64_t Total() const { return open + advised + resolved + abandoned; }
};

// The `p`-th quantile (0..1) of `seconds` in hours rounded to a tenth; none when it is empty.
std::optional<double> QuantileHours(std::vector<std::int64_t> seconds, double p);
HelpOutcome HelpOutcomeOf(const std::vector<HelpTiming>& timings);

// Update writes a request's status, closing, post and updated_at.
class HelpRequestRepository : public RecordRepository<HelpRequest> {
 public:
  // Open first, then advised, each oldest first (the ones waiting longest); then the closed,
  // latest closed first.
  virtual core::Result<core::Page<HelpRequest>> List(const HelpRequestFilter& filter,
                                                     const core::PageRequest& page) = 0;

  virtual core::Result<std::int64_t> InsertAdvice(const Advice& advice) = 0;
  virtual core::Result<std::vector<Advice>> AdviceOf(std::int64_t request_id) = 0;  // oldest first
  virtual core::Result<std::int64_t> InsertAttempt(const Attempt& attempt) = 0;
  virtual core::Result<std::vector<Attempt>> AttemptsOf(std::int64_t request_id) = 0;  // in order

  // The `limit` newest requests of the groups with their times, in one read however many groups
  // (no origin).
  virtual core::Result<std::vector<HelpTiming>> Timings(const std::vector<std::int64_t>& group_ids,
                                                        std::int64_t limit) = 0;

  // Keeps the request's photo, replacing one it had.
  virtual core::Status PutPhoto(const HelpPhoto& photo) = 0;
  // One of its JPEGs; kNotFound when it has no photo.
  virtual core::Result<EncodedImage> Photo(std::int64_t request_id, PhotoSize size) = 0;
};

}  // namespace gotong::domain::mentoring
