#include "http/invoice_handlers.h"

#include <algorithm>
#include <charconv>

#include "codec/record_json.h"
#include "http/error_mapping.h"
#include "http/handler_support.h"
#include "http/header_values.h"
#include "http/multipart.h"
#include "http/url.h"

namespace invoicer::http {

namespace {

constexpr int kMaxListLimit = 200;
constexpr std::size_t kMaxSearchBytes = 200;

Error BadParameter(std::string_view parameter, std::string message) {
  return errors::BadRequest(std::move(message)).With("parameter", std::string(parameter));
}

// The document of an upload: the multipart `file` part, or the raw body. The file name
// comes from the part, or from `?filename=` / Content-Disposition for a raw body.
struct UploadedFile {
  std::string bytes;
  std::string filename;
};

Result<UploadedFile> ReadUpload(Request& request, const QueryParams& query) {
  UploadedFile file;
  const auto content_type = request.Header("Content-Type");
  const auto type = content_type ? ParseHeaderValue(*content_type) : std::nullopt;
  if (type && type->value == "multipart/form-data") {
    const auto boundary = type->Param("boundary");
    if (!boundary) return errors::BadRequest("multipart/form-data without a boundary");
    auto parts = ParseMultipart(request.body, *boundary);
    if (!parts) return std::move(parts).error();
    const auto part = std::find_if(parts->begin(), parts->end(),
                                   [](const MultipartPart& p) { return p.name == "file"; });
    if (part == parts->end()) {
      return errors::BadRequest("the multipart body has no 'file' part")
          .With("field", std::string("file"));
    }
    file.bytes = std::string(part->body);
    file.filename = part->filename.value_or("");
  } else {
    file.bytes = std::move(request.body);
    if (const auto name = query.Get("filename")) {
      file.filename = std::string(*name);
    } else if (const auto disposition = request.Header("Content-Disposition")) {
      if (const auto parsed = ParseHeaderValue(*disposition)) {
        file.filename = parsed->Filename().value_or("");
      }
    }
  }
  return file;
}

Result<store::ListQuery> ReadListQuery(const QueryParams& query) {
  store::ListQuery out;
  if (const auto state = query.Get("state")) {
    std::string upper(*state);
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; });
    out.state = domain::ParseState(upper);
    if (!out.state) return BadParameter("state", "unknown state '" + upper.substr(0, 32) + "'");
  }
  if (const auto needs_review = query.Get("needs_review")) {
    if (*needs_review != "true" && *needs_review != "false") {
      return BadParameter("needs_review", "needs_review must be true or false");
    }
    out.needs_review = *needs_review == "true";
  }
  for (const char* name : {"vendor", "q"}) {
    const auto value = query.Get(name);
    if (!value || value->empty()) continue;
    if (value->size() > kMaxSearchBytes) {
      return BadParameter(name, std::string(name) + " is longer than " +
                                    std::to_string(kMaxSearchBytes) + " bytes");
    }
    (std::string_view(name) == "vendor" ? out.vendor : out.text) = std::string(*value);
  }
  if (const auto limit = query.Get("limit")) {
    int value = 0;
    const auto [end, ec] = std::from_chars(limit->data(), limit->data() + limit->size(), value);
    if (limit->empty() || ec != std::errc() || end != limit->data() + limit->size() || value < 1 ||
        value > kMaxListLimit) {
      return BadParameter("limit", "limit must be an integer from 1 to 200");
    }
    out.limit = value;
  }
  if (const auto after = query.Get("after")) {
    out.after = InvoiceId::Parse(*after);
    if (!out.after) return BadParameter("after", "malformed cursor");
  }
  return out;
}

}  // namespace

InvoiceHandlers::InvoiceHandlers(app::InvoiceService& service, std::int64_t max_upload_bytes)
    : service_(service), max_upload_bytes_(max_upload_bytes) {}

Response InvoiceHandlers::Upload(const Call& call) {
  auto query = QueryParams::Parse(call.request.query);
  if (!query) return ErrorResponse(query.error());
  auto file = ReadUpload(call.request, *query);
  if (!file) return ErrorResponse(file.error());
  if (static_cast<std::int64_t>(file->bytes.size()) > max_upload_bytes_) {
    return ErrorResponse(errors::PayloadTooLarge(max_upload_bytes_));
  }
  auto outcome = service_.Upload(*call.caller, std::move(file->bytes), file->filename);
  if (!outcome) return ErrorResponse(outcome.error());
  Response response = RecordResponse(outcome->created ? 201 : 200, outcome->invoice);
  response.With("Location", "/v1/invoices/" + outcome->invoice.id.str());
  return response;
}

Response InvoiceHandlers::List(const Call& call) {
  auto params = QueryParams::Parse(call.request.query);
  if (!params) return ErrorResponse(params.error());
  auto query = ReadListQuery(*params);
  if (!query) return ErrorResponse(query.error());
  auto page = service_.List(*query);
  if (!page) return ErrorResponse(page.error());
  const std::optional<std::string> next =
      page->next ? std::optional<std::string>(page->next->str()) : std::nullopt;
  return JsonResponse(200, codec::InvoiceListToJson(page->items, next));
}

Response InvoiceHandlers::Get(const Call& call) {
  auto view = service_.View(call.params[0]);
  if (!view) return ErrorResponse(view.error());
  const std::string etag = "\"" + std::to_string(view->head.review_version) + "\"";
  if (call.request.Header("If-None-Match") == std::optional<std::string_view>(etag)) {
    Response not_modified;
    not_modified.status = 304;
    return not_modified.With("ETag", etag);
  }
  Response response = JsonResponse(200, codec::InvoiceToJson(*view));
  return response.With("ETag", etag);
}

Response InvoiceHandlers::Document(const Call& call) {
  auto document = service_.GetDocument(call.params[0]);
  if (!document) return ErrorResponse(document.error());
  Response response;
  response.content_type = document->media_type;
  response.body = std::move(document->bytes);
  response.With("Content-Disposition", AttachmentDisposition(document->filename));
  // Uploaded bytes are untrusted: never let a browser run them in our origin.
  response.With("Content-Security-Policy", "sandbox");
  return response;
}

Response InvoiceHandlers::Page(const Call& call) {
  auto invoice = service_.Get(call.params[0]);
  if (!invoice) return ErrorResponse(invoice.error());
  return ErrorResponse(
      http_errors::NotImplemented("page images are not available in this version"));
}

Response InvoiceHandlers::Extract(const Call& call) {
  auto query = QueryParams::Parse(call.request.query);
  if (!query) return ErrorResponse(query.error());
  bool force = false;
  if (const auto value = query->Get("force")) {
    if (*value != "true" && *value != "false") {
      return ErrorResponse(BadParameter("force", "force must be true or false"));
    }
    force = *value == "true";
  }
  auto invoice = service_.ExtractNow(*call.caller, call.params[0], force);
  if (!invoice) return ErrorResponse(invoice.error());
  return RecordResponse(200, *invoice);
}

Response InvoiceHandlers::History(const Call& call) {
  auto entries = service_.History(call.params[0]);
  if (!entries) return ErrorResponse(entries.error());
  return JsonResponse(200, codec::HistoryToJson(*entries));
}

}  // namespace invoicer::http
