#include "api/http.hpp"

#include <gtest/gtest.h>

#include "api/router.hpp"

namespace gotong::api {
namespace {

RouterOptions RouterWith(bool cookie_secure, bool trust_proxy) {
  RouterOptions options;
  options.cookie_secure = cookie_secure;
  options.trust_proxy = trust_proxy;
  return options;
}

TEST(FindHeader, IgnoresCaseOfTheName) {
  Headers headers{{"Content-Type", "application/json"}, {"x-csrf-token", "abc"}};
  EXPECT_EQ(FindHeader(headers, "content-type"), "application/json");
  EXPECT_EQ(FindHeader(headers, "CONTENT-TYPE"), "application/json");
  EXPECT_EQ(FindHeader(headers, "X-CSRF-Token"), "abc");
  EXPECT_EQ(FindHeader(headers, "Cookie"), "");
  EXPECT_EQ(FindHeader(headers, "Content-Typ"), "");
}

TEST(Response, SetHeaderReplacesRegardlessOfCase) {
  Response response;
  response.SetHeader("Cache-Control", "no-store");
  response.SetHeader("cache-control", "public, max-age=3600");
  response.SetHeader("Location", "/x");
  ASSERT_EQ(response.headers.size(), 2u);
  EXPECT_EQ(response.Header("Cache-Control"), "public, max-age=3600");
}

TEST(CookieValue, FindsTheNamedCookie) {
  EXPECT_EQ(CookieValue("gotong_session=abc", "gotong_session"), "abc");
  EXPECT_EQ(CookieValue("theme=dark; gotong_session=abc; lang=id", "gotong_session"), "abc");
  EXPECT_EQ(CookieValue("theme=dark;gotong_session=a=b", "gotong_session"), "a=b");
  EXPECT_EQ(CookieValue("xgotong_session=abc", "gotong_session"), "");
  EXPECT_EQ(CookieValue("gotong_session_old=abc", "gotong_session"), "");
  EXPECT_EQ(CookieValue("", "gotong_session"), "");
  EXPECT_EQ(CookieValue("gotong_session", "gotong_session"), "");
}

TEST(ClientAddress, BelievesForwardedForOnlyBehindATrustedProxy) {
  Request request;
  request.remote_address = "127.0.0.1";
  request.headers = {{"X-Forwarded-For", " 203.0.113.9 , 10.0.0.1"}};
  EXPECT_EQ(ClientAddress(request, RouterWith(false, false)), "127.0.0.1");
  EXPECT_EQ(ClientAddress(request, RouterWith(false, true)), "203.0.113.9");
  request.headers.clear();
  EXPECT_EQ(ClientAddress(request, RouterWith(false, true)), "127.0.0.1");
}

TEST(IsSecure, FollowsTheOptionOrATrustedProxy) {
  Request request;
  request.headers = {{"X-Forwarded-Proto", "https"}};
  EXPECT_FALSE(IsSecure(request, RouterWith(false, false)));
  EXPECT_TRUE(IsSecure(request, RouterWith(false, true)));
  EXPECT_TRUE(IsSecure(Request{}, RouterWith(true, false)));
  request.headers = {{"X-Forwarded-Proto", "http"}};
  EXPECT_FALSE(IsSecure(request, RouterWith(false, true)));
}

}  // namespace
}  // namespace gotong::api
