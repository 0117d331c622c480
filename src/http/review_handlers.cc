#include "http/review_handlers.h"

#include "codec/request_json.h"
#include "http/error_mapping.h"
#include "http/handler_support.h"
#include "http/header_values.h"

namespace invoicer::http {

namespace {

app::ExportFormat FormatOf(std::string_view name) {
  if (name == "json") return app::ExportFormat::kJson;
  if (name == "ubl") return app::ExportFormat::kUbl;
  return app::ExportFormat::kCsv;
}

Response RecordOrError(const Result<domain::Invoice>& invoice) {
  if (!invoice) return ErrorResponse(invoice.error());
  return RecordResponse(200, *invoice);
}

}  // namespace

ReviewHandlers::ReviewHandlers(app::InvoiceService& service) : service_(service) {}

Response ReviewHandlers::Patch(const Call& call) {
  auto body = codec::ParsePatchRequest(call.request.body);
  if (!body) return ErrorResponse(body.error());
  auto version = ResolveVersion(body->review_version, call.request);
  if (!version) return ErrorResponse(version.error());
  return RecordOrError(service_.Patch(*call.caller, call.params[0], body->patch, *version));
}

Response ReviewHandlers::Validate(const Call& call) {
  auto body = codec::ParseVersionRequest(call.request.body);
  if (!body) return ErrorResponse(body.error());
  auto version = ResolveVersion(body->review_version, call.request);
  if (!version) return ErrorResponse(version.error());
  return RecordOrError(service_.Validate(*call.caller, call.params[0], *version));
}

Response ReviewHandlers::Reject(const Call& call) {
  auto body = codec::ParseRejectRequest(call.request.body);
  if (!body) return ErrorResponse(body.error());
  auto version = ResolveVersion(body->review_version, call.request);
  if (!version) return ErrorResponse(version.error());
  return RecordOrError(
      service_.Reject(*call.caller, call.params[0], *version, std::move(body->reason)));
}

Response ReviewHandlers::Reopen(const Call& call) {
  auto body = codec::ParseVersionRequest(call.request.body);
  if (!body) return ErrorResponse(body.error());
  auto version = ResolveVersion(body->review_version, call.request);
  if (!version) return ErrorResponse(version.error());
  return RecordOrError(service_.Reopen(*call.caller, call.params[0], *version));
}

Response ReviewHandlers::ReviewNext(const Call& call) {
  auto next = service_.ReviewNext(*call.caller);
  if (!next) return ErrorResponse(next.error());
  if (!*next) {
    Response none;
    none.status = 204;
    return none;
  }
  return RecordResponse(200, **next);
}

Response ReviewHandlers::Export(const Call& call) {
  auto body = codec::ParseExportRequest(call.request.body);
  if (!body) return ErrorResponse(body.error());
  auto file = service_.Export(*call.caller, FormatOf(body->format), body->ids);
  if (!file) return ErrorResponse(file.error());
  Response response;
  response.content_type = file->content_type;
  response.body = std::move(file->bytes);
  response.With("Content-Disposition", AttachmentDisposition(file->filename));
  response.With("X-Exported-Count", std::to_string(file->exported_ids.size()));
  return response;
}

}  // namespace invoicer::http
