#pragma once

#include <cstdint>
#include <string_view>
#include <utility>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/accounts/access.hpp"
#include "domain/database.hpp"
#include "domain/programmes/programmes.hpp"

namespace gotong::domain::programmes {

// What a caller may do with one programme. Admins manage every programme; the officers of its
// owner manage it; the officers of its partners, its facilitators (accounts scoped to it) and the
// accounts of the groups enrolled in it now (while they act in their group) read it; nobody else
// knows it exists. Every service over programmes (design, enrolment, the ledger, targeting, exit)
// asks here, so that they agree.
struct ProgrammeReach {
  bool read = false;
  bool manage = false;
};

bool IsPartner(const Programme& programme, std::int64_t stakeholder_id);  // the owner included

core::Result<ProgrammeReach> ReachOf(const accounts::Context& context, UnitOfWork& unit, const Programme& programme,
                                     const core::Date& today);

// The programme when the caller reads it; kNotFound (not kPermissionDenied) otherwise, so that one
// outside it cannot tell a programme exists. `lock` holds the programme's row against other
// writers until the unit ends (a budget checked and spent in one unit).
core::Result<std::pair<Programme, ProgrammeReach>> OpenProgramme(const accounts::Context& context, UnitOfWork& unit,
                                                                 std::int64_t id, const core::Date& today,
                                                                 bool lock = false);

// kPermissionDenied unless the reach manages the programme; `what` completes "... may ".
core::Status MayManage(const ProgrammeReach& reach, std::string_view what);

}  // namespace gotong::domain::programmes
