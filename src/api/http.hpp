#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gotong::api {

using Headers = std::vector<std::pair<std::string, std::string>>;

// Case-insensitive header lookup; empty when absent.
std::string_view FindHeader(const Headers& headers, std::string_view name);

// A request as the transport (src/net) hands it over: no Beast types past this point.
struct Request {
  std::string method;  // "GET"
  std::string target;  // "/api/v1/regions?parent=35.07"
  Headers headers;
  std::string body;
  // For uploads the transport streams to disk: the body is then in this file (body is empty).
  std::string body_file;
  std::string remote_address;
  std::string request_id;
  // What the API's admission step (run on the headers, before the body is read) left for the
  // handler: the transport only keeps it alive until the request has been answered.
  std::shared_ptr<void> admission;
  // The most body bytes the matched route takes (a photo's), set by admission for the transport
  // to hold an upload to; 0: the transport's own limits.
  std::size_t body_limit = 0;

  std::string_view Header(std::string_view name) const { return FindHeader(headers, name); }
};

struct Response {
  int status = 200;
  Headers headers;
  std::string body;
  // For large downloads the body is this file instead (body is empty): the transport streams
  // it and removes it afterwards.
  std::string body_file;

  void SetHeader(std::string name, std::string value);
  std::string_view Header(std::string_view name) const { return FindHeader(headers, name); }
};

}  // namespace gotong::api
