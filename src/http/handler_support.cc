#include "http/handler_support.h"

#include "codec/record_json.h"
#include "http/header_values.h"

namespace invoicer::http {

Response RecordResponse(int status, const domain::Invoice& invoice) {
  Response response = JsonResponse(status, codec::InvoiceToJson(invoice));
  response.With("ETag", "\"" + std::to_string(invoice.review_version) + "\"");
  return response;
}

Result<std::int64_t> ResolveVersion(std::optional<std::int64_t> body_version,
                                    const Request& request) {
  auto header_version = ParseIfMatch(request.Header("If-Match"));
  if (!header_version) return std::move(header_version).error();
  if (!body_version && !*header_version) {
    return errors::PreconditionRequired("review_version is required, in the body or as If-Match");
  }
  if (body_version && *header_version && *body_version != **header_version) {
    return errors::BadRequest("review_version in the body and If-Match differ")
        .With("review_version", *body_version)
        .With("if_match", **header_version);
  }
  return body_version ? *body_version : **header_version;
}

}  // namespace invoicer::http
