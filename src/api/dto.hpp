#pragma once

#include <boost/json.hpp>

#include "core/page.hpp"
#include "domain/accounts/user.hpp"
#include "domain/audit/audit.hpp"
#include "domain/regions/region.hpp"

// JSON shapes of the domain's records (Boost.JSON tag_invoke, found by argument lookup).
namespace gotong::domain::accounts {
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const User& user);
}
namespace gotong::domain::regions {
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Region& region);
}
namespace gotong::domain::audit {
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Entry& entry);
}

namespace gotong::api {

template <typename T>
boost::json::value PageToJson(const core::Page<T>& page) {
  boost::json::array items;
  for (const auto& item : page.items) items.push_back(boost::json::value_from(item));
  return boost::json::object{{"items", std::move(items)},
                             {"total", page.total},
                             {"limit", page.limit},
                             {"offset", page.offset}};
}

}  // namespace gotong::api
