#pragma once

#include <boost/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "api/http.hpp"
#include "core/result.hpp"
#include "core/text.hpp"

namespace gotong::api {

// Reads a JSON object body field by field, collecting every wrong field before answering.
class BodyReader {
 public:
  // Fails on a wrong content type, malformed JSON, a non-object, or a field not in `allowed`.
  static core::Result<BodyReader> Parse(const Request& request,
                                        std::span<const std::string_view> allowed);
  static core::Result<BodyReader> Parse(const Request& request,
                                        std::initializer_list<std::string_view> allowed) {
    return Parse(request, std::span(allowed.begin(), allowed.size()));
  }

  // Text on one line: a control character (NUL, a tab, a line break, ...) is refused with code
  // control_character naming the field.
  std::optional<std::string> String(const std::string& name, bool required);
  // Text that may span lines (minutes, notes, descriptions, a post's body): tab, LF and CR are
  // allowed, other control characters refused as by String.
  std::optional<std::string> MultiLineString(const std::string& name, bool required);
  std::optional<std::int64_t> Int(const std::string& name, bool required);
  std::optional<bool> Bool(const std::string& name, bool required);
  bool Has(const std::string& name) const { return object_.contains(name); }
  bool IsNull(const std::string& name) const;
  // Whether `name` is an array holding an object (a list given in its long form).
  bool HoldsObjects(const std::string& name) const;
  // A nested object, or nothing (with an error recorded when it has the wrong type).
  std::optional<BodyReader> Object(const std::string& name, bool required,
                                   std::span<const std::string_view> allowed);
  std::optional<BodyReader> Object(const std::string& name, bool required,
                                   std::initializer_list<std::string_view> allowed) {
    return Object(name, required, std::span(allowed.begin(), allowed.size()));
  }

  // An array of one-line strings, each checked ("options[2]" when one is not a string), or nothing.
  std::optional<std::vector<std::string>> Strings(const std::string& name, bool required,
                                                  std::size_t max_items);
  // An array of integers, each checked ("group_ids[2]" when one is not an integer), or nothing.
  std::optional<std::vector<std::int64_t>> Ints(const std::string& name, bool required, std::size_t max_items);
  // An array of objects, each read by its own reader named "attendance[3].", or nothing.
  std::optional<std::vector<BodyReader>> Objects(const std::string& name, bool required,
                                                 std::size_t max_items,
                                                 std::initializer_list<std::string_view> allowed);

  void AddError(core::FieldError error) { errors_->push_back(std::move(error)); }
  // kInvalidArgument listing every wrong field, or OK.
  core::Status Finish();

 private:
  BodyReader(boost::json::object object, std::string prefix,
             std::shared_ptr<std::vector<core::FieldError>> errors)
      : object_(std::move(object)), prefix_(std::move(prefix)), errors_(std::move(errors)) {}
  const boost::json::value* Field(const std::string& name, bool required, const char* type);
  // The array `name` of at most `max_items` items, or null (with an error naming what it must be
  // an array `of` when it is not one, or too long).
  const boost::json::array* Array(const std::string& name, bool required, std::size_t max_items,
                                  const char* of);
  std::optional<std::string> Text(const std::string& name, bool required, core::TextLines lines);
  std::string Name(const std::string& name) const { return prefix_ + name; }

  boost::json::object object_;
  std::string prefix_;
  // Shared with nested readers, so one Finish() reports them all.
  std::shared_ptr<std::vector<core::FieldError>> errors_;
};

// Query parameters of a request target. A route takes the parameters it reads: Finish() refuses,
// by name, every parameter that no String/Int/Bool call asked for, so the names a route accepts
// are written once, where it reads them. A value that is not UTF-8 or holds a control character
// is refused.
class QueryReader {
 public:
  static core::Result<QueryReader> Parse(std::string_view query);
  std::optional<std::string> String(const std::string& name);
  std::optional<std::int64_t> Int(const std::string& name, std::int64_t min, std::int64_t max);
  // A flag: "true" or "false"; anything else is an invalid_value error of `name`.
  std::optional<bool> Bool(const std::string& name);
  // Every error, in the query's order (unknown parameters, values that are not text), then the
  // reads' own (a number or flag that is not one).
  core::Status Finish();

 private:
  struct Param {
    std::string key;
    std::string value;
    std::optional<core::FieldError> unreadable;  // not UTF-8, or a control character
    bool read = false;
  };
  std::vector<Param> params_;
  std::vector<core::FieldError> errors_;
};

// The error for text holding a control character: code control_character, naming `field`.
core::FieldError ControlCharacterError(const std::string& field);

Response JsonResponse(int status, const boost::json::value& body);
Response NoContent();

}  // namespace gotong::api
