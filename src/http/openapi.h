#pragma once

#include <string_view>

namespace invoicer::http {

// The OpenAPI 3 description of the API (src/http/openapi.json, embedded at build time by
// embed_text.cmake). Static storage; thread-safe.
std::string_view OpenApiJson();

}  // namespace invoicer::http
