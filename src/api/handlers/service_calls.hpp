#pragma once

// The handlers of routes that only pass a request through to one service method: they read the
// path's ids (and a body, by its table of fields), call the method with the caller's context and
// answer its result as JSON. A route table then says only what differs between such routes; a
// route that reads a query, answers a Location or does anything else writes its handler out.
//
//   routes.push_back(GroupRoute("POST", "/posts",
//                               OnGroup(service, &CooperationService::CreatePost, kPostFields,
//                                       PostJson, 201)));
//   routes.push_back(GroupRecordRoute("POST", "/posts/{post_id}/useful", "post_id",
//                                     "no such post",
//                                     OnGroupRecord(service, &CooperationService::MarkUseful,
//                                                   PostJson)));
//   routes.push_back({"GET", "/api/v1/cycles/{id}", Access::SignedIn(),
//                     OnId("no cycle with that id", cycles, &CycleService::Get, CycleViewJson)});

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>

#include "api/handlers/handlers.hpp"
#include "api/handlers/values.hpp"

namespace gotong::api::handlers {

// service.method(context, group id), answered 200.
template <typename Service, typename Method, typename ToJson>
GroupHandler OnGroup(Service& service, Method method, ToJson to_json) {
  return [&service, method, to_json](Call& call, std::int64_t group_id) -> Reply {
    return JsonReply(200, std::invoke(method, service, call.context, group_id), to_json);
  };
}

// service.method(context, group id, the body `fields` read), answered with `status`.
template <typename Service, typename Method, typename Input, std::size_t N, typename ToJson>
GroupHandler OnGroup(Service& service, Method method, const BodyFields<Input, N>& fields,
                     ToJson to_json, int status) {
  return [&service, method, &fields, to_json, status](Call& call, std::int64_t group_id) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, fields));
    return JsonReply(status, std::invoke(method, service, call.context, group_id, input), to_json);
  };
}

// service.method(context, group id, the page the query asks for): a page of `to_json` items.
template <typename Service, typename Method, typename ToJson>
GroupHandler PageOfGroup(Service& service, Method method, ToJson to_json) {
  return [&service, method, to_json](Call& call, std::int64_t group_id) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto page, PageOnly(call));
    return PageJsonReply(std::invoke(method, service, call.context, group_id, page), to_json);
  };
}

// service.method(context, group id, record id), answered 200.
template <typename Service, typename Method, typename ToJson>
GroupRecordHandler OnGroupRecord(Service& service, Method method, ToJson to_json) {
  return [&service, method, to_json](Call& call, GroupRecordIds ids) -> Reply {
    return JsonReply(200, std::invoke(method, service, call.context, ids.group_id, ids.id),
                     to_json);
  };
}

// service.method(context, group id, record id, the body `fields` read), answered with `status`.
template <typename Service, typename Method, typename Input, std::size_t N, typename ToJson>
GroupRecordHandler OnGroupRecord(Service& service, Method method,
                                 const BodyFields<Input, N>& fields, ToJson to_json, int status) {
  return [&service, method, &fields, to_json, status](Call& call, GroupRecordIds ids) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, fields));
    return JsonReply(status,
                     std::invoke(method, service, call.context, ids.group_id, ids.id, input),
                     to_json);
  };
}

// service.method(context, the path's {id}), answered 200; `not_found` when {id} is not one.
template <typename Service, typename Method, typename ToJson>
Handler OnId(std::string not_found, Service& service, Method method, ToJson to_json) {
  return [not_found = std::move(not_found), &service, method, to_json](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, not_found));
    return JsonReply(200, std::invoke(method, service, call.context, id), to_json);
  };
}

// service.method(context, the path's {id}, the body `fields` read), answered with `status`.
template <typename Service, typename Method, typename Input, std::size_t N, typename ToJson>
Handler OnId(std::string not_found, Service& service, Method method,
             const BodyFields<Input, N>& fields, ToJson to_json, int status) {
  return [not_found = std::move(not_found), &service, method, &fields, to_json,
          status](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, not_found));
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, fields));
    return JsonReply(status, std::invoke(method, service, call.context, id, input), to_json);
  };
}

}  // namespace gotong::api::handlers
