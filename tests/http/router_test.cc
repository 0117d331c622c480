#include "http/router.h"

#include <gtest/gtest.h>

namespace invoicer::http {
namespace {

Handler Named(std::string name) {
  return [name](const Call&) {
    Response response;
    response.body = name;
    return response;
  };
}

Router MakeRouter() {
  Router router;
  router.Add(Route{"GET", "/v1/invoices", Access::AnyRole(), BodyLimit::kJson, Lane::kFast,
                   Named("list")});
  router.Add(Route{"POST", "/v1/invoices", Access::AnyRole(), BodyLimit::kUpload, Lane::kSlow,
                   Named("upload")});
  router.Add(Route{"GET", "/v1/invoices/{id}", Access::AnyRole(), BodyLimit::kJson, Lane::kFast,
                   Named("get")});
  router.Add(Route{"PATCH", "/v1/invoices/{id}", Access::AnyRole(), BodyLimit::kJson, Lane::kFast,
                   Named("patch")});
  router.Add(Route{"GET", "/v1/invoices/{id}/pages/{n}.png", Access::AnyRole(), BodyLimit::kJson,
                   Lane::kFast, Named("page")});
  router.Add(Route{"GET", "/", Access::Public(), BodyLimit::kJson, Lane::kFast, Named("root")});
  return router;
}

TEST(RouterTest, MatchesLiteralAndParameterSegments) {
  const Router router = MakeRouter();
  auto match = router.Find("GET", "/v1/invoices");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->pattern, "/v1/invoices");
  match = router.Find("GET", "/v1/invoices/abc-123");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->pattern, "/v1/invoices/{id}");
  EXPECT_EQ(match.params, std::vector<std::string>{"abc-123"});
  match = router.Find("GET", "/");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->pattern, "/");
}

TEST(RouterTest, MatchesParameterWithLiteralSuffix) {
  const Router router = MakeRouter();
  const auto match = router.Find("GET", "/v1/invoices/x1/pages/3.png");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.params, (std::vector<std::string>{"x1", "3"}));
  EXPECT_EQ(router.Find("GET", "/v1/invoices/x1/pages/3.jpg").route, nullptr);
  EXPECT_EQ(router.Find("GET", "/v1/invoices/x1/pages/.png").route, nullptr);
}

TEST(RouterTest, DecodesParametersButNeverNormalisesThePath) {
  const Router router = MakeRouter();
  auto match = router.Find("GET", "/v1/invoices/..%2F..%2Fetc%2Fpasswd");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->pattern, "/v1/invoices/{id}");
  EXPECT_EQ(match.params[0], "../../etc/passwd");  // an id of the wrong shape: the service's 404
  EXPECT_EQ(router.Find("GET", "/v1/invoices/../../etc/passwd").route, nullptr);
  EXPECT_EQ(router.Find("GET", "/v1/invoices/%zz").route, nullptr);
  EXPECT_EQ(router.Find("GET", "/v1/invoices/%00").route, nullptr);
}

TEST(RouterTest, ReportsAllowedMethodsWhenOnlyTheMethodIsWrong) {
  const Router router = MakeRouter();
  const auto match = router.Find("DELETE", "/v1/invoices/abc");
  EXPECT_EQ(match.route, nullptr);
  EXPECT_EQ(match.allowed_methods, (std::vector<std::string>{"GET", "PATCH"}));
}

TEST(RouterTest, FindsNothingForUnknownPaths) {
  const Router router = MakeRouter();
  for (const char* path : {"/v2/invoices", "/v1/invoices/", "/v1//invoices", "", "v1/invoices",
                           "/v1/invoices/a/b", "/v1/invoices//"}) {
    const auto match = router.Find("GET", path);
    EXPECT_EQ(match.route, nullptr) << path;
    EXPECT_TRUE(match.allowed_methods.empty()) << path;
  }
}

TEST(RouterTest, AccessAllowsListedRolesOnly) {
  const Access review = Access::Roles({store::Role::kAdmin, store::Role::kReviewer});
  EXPECT_TRUE(review.Allows(store::Role::kAdmin));
  EXPECT_TRUE(review.Allows(store::Role::kReviewer));
  EXPECT_FALSE(review.Allows(store::Role::kIngest));
  EXPECT_FALSE(review.Allows(store::Role::kReader));
  EXPECT_TRUE(Access::AnyRole().Allows(store::Role::kReader));
  EXPECT_TRUE(Access::AnyRole().needs_token);
  EXPECT_FALSE(Access::Public().needs_token);
}

}  // namespace
}  // namespace invoicer::http
