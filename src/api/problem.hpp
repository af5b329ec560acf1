#pragma once

#include <string>

#include "api/http.hpp"
#include "core/result.hpp"

namespace gotong::api {

// The one ErrorCode → HTTP status map (STYLE.md 4).
int HttpStatusOf(core::ErrorCode code);

// An RFC 9457 problem+json response for an error value. Internal errors keep their message
// out of the body (it goes to the log with the request id).
Response ProblemResponse(const core::Error& error, const std::string& request_id);

// A problem that is not a domain error (unknown route, wrong method, body too large...).
Response SimpleProblem(int status, const std::string& slug, const std::string& detail);

}  // namespace gotong::api
