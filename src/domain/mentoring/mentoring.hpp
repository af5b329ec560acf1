#pragma once

// Community mentoring (seed 000): what members learn. A competency is a skill of one sector
// (batik: canting, colouring, ecotik, mondeng …; tape: cassava, yeast, packaging) or a business
// skill every sector shares (bookkeeping, pricing, selling online …), learnt to a level of one
// scale: 1 with guidance, 2 alone to a saleable result, 3 well enough to teach the others.

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/page.hpp"
#include "core/result.hpp"
#include "domain/repository.hpp"

namespace gotong::domain::mentoring {

// The levels of every competency.
inline constexpr int kBasicLevel = 1;    // does it with the mentor's guidance
inline constexpr int kMasterLevel = 3;   // teaches it to others

struct Competency {
  std::int64_t id = 0;
  std::string code;                   // stable, "batik.ecotik"; never changes
  std::optional<std::string> sector;  // a registry sector code; none: a business skill of every sector
  std::string name;                   // Indonesian, as members say it
  std::optional<std::string> name_en;
  std::optional<std::string> description;
  bool retired = false;               // kept for the evaluations that name it; not offered for new cycles
  core::Instant created_at{};
  core::Instant updated_at{};
};

// A competency to reach, and to what level, named as the catalogue names it: a cycle's target, or
// what an option of a learning-theme proposal would have the group learn (seed 000: the group
// chooses the theme and what it will learn together).
struct CompetencyTarget {
  std::int64_t competency_id = 0;
  int level = 2;
  std::string code;                    // read from the catalogue
  std::string name;                    // read from the catalogue
  std::optional<std::string> name_en;  // read from the catalogue
};

struct CompetencyFilter {
  // A sector's own competencies and the business skills every sector shares.
  std::optional<std::string> sector;
  bool include_retired = false;
};

// Insert answers kAlreadyExists (field "code") when the code is taken.
class CompetencyRepository : public RecordRepository<Competency> {
 public:
  virtual core::Result<core::Page<Competency>> List(const CompetencyFilter& filter,
                                                    const core::PageRequest& page) = 0;
};

}  // namespace gotong::domain::mentoring
