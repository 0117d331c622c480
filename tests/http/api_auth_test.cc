// Every endpoint x role of API.md: 401 without a valid token, 403 for a role the table
// does not allow, and through to the handler for the roles it does.
#include <gtest/gtest.h>

#include "api_fixture.h"

namespace invoicer::testing {
namespace {

using store::Role;

struct Endpoint {
  std::string method;
  std::string target;  // "{id}" is replaced by an existing invoice
  std::vector<Role> allowed;
};

const std::vector<Role> kAll{Role::kAdmin, Role::kReviewer, Role::kIngest, Role::kReader};

std::vector<Endpoint> Endpoints() {
  const std::vector<Role> review{Role::kAdmin, Role::kReviewer};
  return {
      {"POST", "/v1/invoices", {Role::kAdmin, Role::kIngest}},
      {"GET", "/v1/invoices", kAll},
      {"GET", "/v1/invoices/{id}", kAll},
      {"PATCH", "/v1/invoices/{id}", review},
      {"GET", "/v1/invoices/{id}/document", kAll},
      {"GET", "/v1/invoices/{id}/pages/1.png", kAll},
      {"POST", "/v1/invoices/{id}/extract", {Role::kAdmin, Role::kReviewer, Role::kIngest}},
      {"POST", "/v1/invoices/{id}/validate", review},
      {"POST", "/v1/invoices/{id}/reject", review},
      {"POST", "/v1/invoices/{id}/reopen", review},
      {"GET", "/v1/invoices/{id}/history", kAll},
      {"POST", "/v1/review/next", review},
      {"POST", "/v1/exports", review},
      {"GET", "/metrics", kAll},
  };
}

std::string Fill(std::string target, const std::string& id) {
  if (const auto at = target.find("{id}"); at != std::string::npos) target.replace(at, 4, id);
  return target;
}

class ApiAuthTest : public ::testing::Test {
 protected:
  ApiServer server_;
  HttpClient client_ = server_.client();
};

TEST_F(ApiAuthTest, EveryProtectedEndpointAnswers401WithoutAValidToken) {
  const std::string id = server_.UploadPending();
  const std::vector<std::pair<std::string, std::string>> bad_credentials = {
      {"", ""},                                                                     // no header
      {"Authorization", "Bearer inv_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"},  // unknown
      {"Authorization", "Bearer not-even-a-token"},
      {"Authorization", "Basic YWRtaW46YWRtaW4="},
      {"Authorization", "Bearer"},
      {"Authorization", server_.token(Role::kAdmin)},  // the token without the scheme
  };
  for (const auto& endpoint : Endpoints()) {
    for (const auto& [name, value] : bad_credentials) {
      Headers headers;
      if (!name.empty()) headers.emplace_back(name, value);
      const auto response = client_.Send(endpoint.method, Fill(endpoint.target, id), "{}", headers);
      EXPECT_EQ(response.status, 401) << endpoint.method << " " << endpoint.target << " " << value;
      EXPECT_EQ(response.ErrorCode(), "UNAUTHENTICATED") << endpoint.target;
      EXPECT_EQ(response.Header("WWW-Authenticate"), "Bearer") << endpoint.target;
    }
  }
  // Nothing was done on the invoice by any of those requests.
  EXPECT_EQ(server_.Take(id).history_entries, 1u);
}

TEST_F(ApiAuthTest, EachRoleIsAllowedOrForbiddenPerTheTable) {
  const std::string id = server_.UploadPending();
  const ApiServer::Snapshot before = server_.Take(id);
  for (const auto& endpoint : Endpoints()) {
    for (const Role role : kAll) {
      const bool allowed = std::find(endpoint.allowed.begin(), endpoint.allowed.end(), role) !=
                           endpoint.allowed.end();
      // A body the handlers refuse (400) or ignore, so that allowed calls change nothing
      // either: the point is only that the request got past the role check.
      const auto response = client_.Send(endpoint.method, Fill(endpoint.target, id), "not json", {},
                                         server_.token(role));
      const std::string what =
          endpoint.method + " " + endpoint.target + " as " + std::string(store::ToString(role));
      if (allowed) {
        EXPECT_NE(response.status, 401) << what;
        EXPECT_NE(response.status, 403) << what;
      } else {
        EXPECT_EQ(response.status, 403) << what;
        EXPECT_EQ(response.ErrorCode(), "FORBIDDEN") << what;
        EXPECT_EQ(response.Json()["error"]["details"]["role"], store::ToString(role)) << what;
      }
    }
  }
  // Of all those calls only the first allowed extract changed the invoice.
  EXPECT_EQ(before.state, domain::ProcessingState::kPending);
  EXPECT_EQ(server_.Take(id).state, domain::ProcessingState::kExtracted);
  EXPECT_EQ(server_.Take(id).review_version, before.review_version + 1);
}

TEST_F(ApiAuthTest, PublicEndpointsNeedNoToken) {
  for (const char* target : {"/healthz", "/readyz", "/openapi.json", "/"}) {
    EXPECT_EQ(client_.Get(target).status, 200) << target;
    // A bad token on a public endpoint is ignored, not refused.
    EXPECT_EQ(client_.Get(target, "inv_bogus").status, 200) << target;
  }
}

TEST_F(ApiAuthTest, RevokedTokenIsRefused) {
  auto token = server_.tokens().Create("temporary", Role::kAdmin);
  ASSERT_TRUE(token);
  EXPECT_EQ(client_.Get("/v1/invoices", *token).status, 200);
  ASSERT_TRUE(server_.tokens().Revoke("temporary"));
  const auto refused = client_.Get("/v1/invoices", *token);
  EXPECT_EQ(refused.status, 401);
  EXPECT_EQ(refused.ErrorCode(), "UNAUTHENTICATED");
}

}  // namespace
}  // namespace invoicer::testing
