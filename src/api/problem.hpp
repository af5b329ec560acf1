#pragma once

#include <string>

#include "api/http.hpp"
#include "core/result.hpp"

namespace gotong::api {

// The one ErrorCode → HTTP status map (STYLE.md 4).
int HttpStatusOf(core::ErrorCode code);
// An error's status: a few problem types name a status of their own (405, 413, 415, 422, 431);
// every other error takes its code's.
int HttpStatusOf(const core::Error& error);

// An error of a specific problem type ("method-not-allowed"), for refusals that are not a
// use case's (the router's, the transport's).
core::Error Problem(core::ErrorCode code, std::string type, std::string message);

// The one problem+json writer (RFC 9457) for every error the server answers, from the router,
// a handler or the transport. Internal errors keep their message out of the body (it goes to
// the log with the request id).
Response ProblemResponse(const core::Error& error, const std::string& request_id);

}  // namespace gotong::api
