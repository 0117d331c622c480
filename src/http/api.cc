#include "http/api.h"

#include <spdlog/spdlog.h>

#include <exception>

#include "http/error_mapping.h"
#include "http/header_values.h"

namespace invoicer::http {

namespace {

using store::Role;

template <typename Handlers>
Handler Bind(Handlers* handlers, Response (Handlers::*fn)(const Call&)) {
  return [handlers, fn](const Call& call) { return (handlers->*fn)(call); };
}

Response Unmatched(const RouteMatch& match) {
  if (match.allowed_methods.empty()) return ErrorResponse(errors::NotFound("no such resource"));
  std::string allow;
  for (const auto& method : match.allowed_methods) {
    if (!allow.empty()) allow += ", ";
    allow += method;
  }
  Response response = ErrorResponse(http_errors::MethodNotAllowed().With("allow", allow));
  return response.With("Allow", allow);
}

}  // namespace

Api::Api(app::InvoiceService& service, app::TokenService& tokens, Metrics& metrics,
         std::int64_t max_upload_bytes)
    : tokens_(tokens),
      invoices_(service, max_upload_bytes),
      review_(service),
      system_(service, metrics) {
  AddRoutes();
}

// The role table of API.md: admin all; reviewer read, edit, transitions, export and
// extract; ingest upload, read and extract; reader read only.
void Api::AddRoutes() {
  const Access read = Access::Roles({Role::kAdmin, Role::kReviewer, Role::kIngest, Role::kReader});
  const Access upload = Access::Roles({Role::kAdmin, Role::kIngest});
  const Access extract = Access::Roles({Role::kAdmin, Role::kReviewer, Role::kIngest});
  const Access review = Access::Roles({Role::kAdmin, Role::kReviewer});
  const auto add = [this](std::string method, std::string pattern, Access access, Handler handler,
                          BodyLimit limit = BodyLimit::kJson, Lane lane = Lane::kFast) {
    router_.Add(Route{std::move(method), std::move(pattern), std::move(access), limit, lane,
                      std::move(handler)});
  };
  InvoiceHandlers* inv = &invoices_;
  ReviewHandlers* rev = &review_;
  SystemHandlers* sys = &system_;

  add("POST", "/v1/invoices", upload, Bind(inv, &InvoiceHandlers::Upload), BodyLimit::kUpload);
  add("GET", "/v1/invoices", read, Bind(inv, &InvoiceHandlers::List));
  add("GET", "/v1/invoices/{id}", read, Bind(inv, &InvoiceHandlers::Get));
  add("PATCH", "/v1/invoices/{id}", review, Bind(rev, &ReviewHandlers::Patch));
  add("GET", "/v1/invoices/{id}/document", read, Bind(inv, &InvoiceHandlers::Document));
  add("GET", "/v1/invoices/{id}/pages/{n}.png", read, Bind(inv, &InvoiceHandlers::Page));
  add("POST", "/v1/invoices/{id}/extract", extract, Bind(inv, &InvoiceHandlers::Extract),
      BodyLimit::kJson, Lane::kSlow);
  add("POST", "/v1/invoices/{id}/validate", review, Bind(rev, &ReviewHandlers::Validate));
  add("POST", "/v1/invoices/{id}/reject", review, Bind(rev, &ReviewHandlers::Reject));
  add("POST", "/v1/invoices/{id}/reopen", review, Bind(rev, &ReviewHandlers::Reopen));
  add("GET", "/v1/invoices/{id}/history", read, Bind(inv, &InvoiceHandlers::History));
  add("POST", "/v1/review/next", review, Bind(rev, &ReviewHandlers::ReviewNext));
  add("POST", "/v1/exports", review, Bind(rev, &ReviewHandlers::Export), BodyLimit::kJson,
      Lane::kSlow);
  add("GET", "/healthz", Access::Public(), Bind(sys, &SystemHandlers::Health));
  add("GET", "/readyz", Access::Public(), Bind(sys, &SystemHandlers::Ready));
  add("GET", "/metrics", Access::AnyRole(), Bind(sys, &SystemHandlers::MetricsText));
  add("GET", "/openapi.json", Access::Public(), Bind(sys, &SystemHandlers::OpenApi));
  add("GET", "/", Access::Public(), Bind(sys, &SystemHandlers::ReviewPage));
}

Response Api::Handle(const RouteMatch& match, Request& request) {
  try {
    if (match.route == nullptr) return Unmatched(match);
    const Route& route = *match.route;
    std::optional<app::Caller> caller;
    if (route.access.needs_token) {
      const auto header = request.Header("Authorization");
      if (!header) {
        return ErrorResponse(http_errors::Unauthenticated("a bearer token is required"));
      }
      const auto token = BearerToken(*header);
      if (!token) {
        return ErrorResponse(
            http_errors::Unauthenticated("the Authorization header must be 'Bearer <token>'"));
      }
      auto authenticated = tokens_.Authenticate(*token);
      if (!authenticated) return ErrorResponse(authenticated.error());
      if (!*authenticated) {
        return ErrorResponse(http_errors::Unauthenticated("the token is unknown or revoked"));
      }
      if (!route.access.Allows((*authenticated)->role)) {
        const std::string role(store::ToString((*authenticated)->role));
        return ErrorResponse(http_errors::Forbidden("the role '" + role + "' may not " +
                                                    route.method + " " + route.pattern)
                                 .With("role", role));
      }
      caller = std::move(**authenticated);
    }
    return route.handler(Call{request, match.params, caller});
  } catch (const std::exception& e) {
    // The edge's one catch-all: our code does not throw, so this is a bug or an
    // unexpected library failure; log it and answer a safe body.
    spdlog::error("unhandled exception serving {} {}: {}", request.method, request.path, e.what());
  } catch (...) {
    spdlog::error("unhandled non-standard exception serving {} {}", request.method, request.path);
  }
  return ErrorResponse(errors::Internal("unhandled exception"));
}

}  // namespace invoicer::http
