#pragma once

// The names every service writes unqualified: who is asking (Context, Role, ScopeKind), the
// errors it returns, and the form helpers it checks a body's fields with. Declared once for
// the whole domain, so a context's service files do not each open with the same list.

#include "core/result.hpp"
#include "domain/accounts/access.hpp"
#include "domain/accounts/role.hpp"
#include "domain/form.hpp"

namespace gotong::domain {

using accounts::Context;
using accounts::Role;
using accounts::ScopeKind;
using core::Error;
using core::FieldError;
using form::ApplyOptionalText;
using form::ApplyRequiredChoice;
using form::ApplyRequiredText;
using form::CheckDate;
using form::CheckText;
using form::CheckVillage;
using form::Field;
using form::Given;
using form::IsSet;
using form::Problems;

}  // namespace gotong::domain
