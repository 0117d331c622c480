#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/invoice_service.h"
#include "http/message.h"
#include "store/invoice_store.h"

namespace invoicer::http {

// Who may call a route (API.md "Auth"): nobody needs a token for a public route; a
// token-checked route with no roles listed accepts any valid token (/metrics).
struct Access {
  bool needs_token = true;
  std::vector<store::Role> roles;  // empty: any role

  static Access Public() { return Access{false, {}}; }
  static Access AnyRole() { return Access{true, {}}; }
  static Access Roles(std::vector<store::Role> roles) { return Access{true, std::move(roles)}; }
  bool Allows(store::Role role) const;
};

// How large a body the route accepts: uploads up to the upload limit, everything else up
// to the (small) JSON limit.
enum class BodyLimit { kJson, kUpload };

// Which handler pool serves the route: slow routes (synchronous extraction, exports) run
// on their own threads so that they never hold up the quick ones.
enum class Lane { kFast, kSlow };

// What a handler gets: the request (its body may be moved out), the decoded path
// parameters in pattern order, and the authenticated caller (nullopt on public routes).
struct Call {
  Request& request;
  const std::vector<std::string>& params;
  const std::optional<app::Caller>& caller;
};

using Handler = std::function<Response(const Call&)>;

struct Route {
  std::string method;
  std::string pattern;  // "/v1/invoices/{id}/pages/{n}.png"
  Access access;
  BodyLimit body_limit = BodyLimit::kJson;
  Lane lane = Lane::kFast;
  Handler handler;
};

// The result of looking a request up: the route and its parameters, or (when no route
// matched) the methods the path supports, for 405 and its Allow header.
struct RouteMatch {
  const Route* route = nullptr;
  std::vector<std::string> params;
  std::vector<std::string> allowed_methods;  // non-empty only when route is null
};

// Maps method + path to a route. Patterns are literal segments and `{name}` segments,
// optionally followed by a literal suffix (`{n}.png`); a parameter matches one non-empty
// segment and is percent-decoded (an undecodable one never matches). Paths are matched
// as sent, without normalisation, so `..` segments and encoded slashes never reach
// another route. Built once, then read-only: thread-safe for lookups.
class Router {
 public:
  void Add(Route route);
  RouteMatch Find(std::string_view method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
  std::vector<std::vector<std::string>> segments_;  // the split pattern of each route
};

}  // namespace invoicer::http
