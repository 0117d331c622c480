#include "http/router.h"

#include <algorithm>

#include "http/url.h"

namespace invoicer::http {

namespace {

std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> out;
  if (path.empty() || path.front() != '/') return out;
  path.remove_prefix(1);
  while (true) {
    const std::size_t slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

// Matches one path segment against one pattern segment; appends a parameter's value.
bool MatchSegment(std::string_view pattern, std::string_view segment,
                  std::vector<std::string>& params) {
  if (!pattern.starts_with('{')) return pattern == segment;
  const std::size_t close = pattern.find('}');
  const std::string_view suffix = pattern.substr(close + 1);
  if (segment.size() <= suffix.size() || !segment.ends_with(suffix)) return false;
  auto decoded = PercentDecode(segment.substr(0, segment.size() - suffix.size()));
  if (!decoded) return false;
  params.push_back(std::move(*decoded));
  return true;
}

}  // namespace

bool Access::Allows(store::Role role) const {
  return roles.empty() || std::find(roles.begin(), roles.end(), role) != roles.end();
}

void Router::Add(Route route) {
  std::vector<std::string> segments;
  for (const auto segment : SplitPath(route.pattern)) segments.emplace_back(segment);
  segments_.push_back(std::move(segments));
  routes_.push_back(std::move(route));
}

RouteMatch Router::Find(std::string_view method, std::string_view path) const {
  RouteMatch match;
  const auto segments = SplitPath(path);
  for (std::size_t r = 0; r < routes_.size(); ++r) {
    const auto& pattern = segments_[r];
    if (pattern.size() != segments.size()) continue;
    std::vector<std::string> params;
    bool ok = true;
    for (std::size_t i = 0; ok && i < pattern.size(); ++i) {
      ok = MatchSegment(pattern[i], segments[i], params);
    }
    if (!ok) continue;
    if (routes_[r].method == method) {
      match.route = &routes_[r];
      match.params = std::move(params);
      match.allowed_methods.clear();
      return match;
    }
    match.allowed_methods.push_back(routes_[r].method);
  }
  return match;
}

}  // namespace invoicer::http
