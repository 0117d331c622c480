// Every error of API.md's table through a real socket: status, error.code, details, and
// that the refused request changed nothing (same review_version, no history entry).
#include <gtest/gtest.h>

#include <latch>
#include <thread>

#include "api_fixture.h"

namespace invoicer::testing {
namespace {

using store::Role;

class ApiErrorsTest : public ::testing::Test {
 protected:
  std::string Version(const std::string& id) {
    return std::to_string(server_.Take(id).review_version);
  }
  HttpResponse Patch(const std::string& id, std::string body, const Headers& headers = {}) {
    return client_.Send("PATCH", "/v1/invoices/" + id, std::move(body), headers, reviewer_);
  }

  ApiServer server_;
  HttpClient client_ = server_.client();
  const std::string& admin_ = server_.token(Role::kAdmin);
  const std::string& reviewer_ = server_.token(Role::kReviewer);
};

void ExpectError(const HttpResponse& response, int status, std::string_view code) {
  EXPECT_EQ(response.status, status) << response.body;
  EXPECT_EQ(response.ErrorCode(), code) << response.body;
  const auto body = response.Json();
  ASSERT_TRUE(body.is_object()) << response.body;
  EXPECT_TRUE(body["error"]["message"].is_string());
  EXPECT_TRUE(body["error"]["details"].is_object());
  EXPECT_EQ(response.Header("Content-Type"), "application/json");
}

TEST_F(ApiErrorsTest, MalformedJsonIsBadRequestAndChangesNothing) {
  const std::string id = server_.UploadExtracted();
  const auto before = server_.Take(id);
  for (const char* body : {"{", "not json", "[]", "{\"fields\": {\"total\": \"1\"", "\"x\"",
                           "{\"review_version\": 2,}"}) {
    ExpectError(Patch(id, body, {{"If-Match", "\"" + Version(id) + "\""}}), 400, "BAD_REQUEST");
  }
  ExpectError(client_.PostJson("/v1/invoices/" + id + "/validate", "{", reviewer_), 400,
              "BAD_REQUEST");
  ExpectError(client_.PostJson("/v1/exports", "{]", reviewer_), 400, "BAD_REQUEST");
  EXPECT_EQ(server_.Take(id), before);
}

TEST_F(ApiErrorsTest, WrongTypesAreBadRequestWithTheMember) {
  const std::string id = server_.UploadExtracted();
  const auto before = server_.Take(id);
  const auto response = Patch(id, R"({"review_version": "2", "fields": {}})");
  ExpectError(response, 400, "BAD_REQUEST");
  EXPECT_EQ(response.Json()["error"]["details"]["field"], "review_version");
  const auto fields = Patch(id, R"({"review_version": 2, "fields": ["total"]})");
  ExpectError(fields, 400, "BAD_REQUEST");
  EXPECT_EQ(fields.Json()["error"]["details"]["field"], "fields");
  const auto format = client_.PostJson("/v1/exports", R"({"format": 7})", admin_);
  ExpectError(format, 400, "BAD_REQUEST");
  EXPECT_EQ(format.Json()["error"]["details"]["field"], "format");
  EXPECT_EQ(server_.Take(id), before);
}

TEST_F(ApiErrorsTest, MalformedListParametersAreBadRequest) {
  const auto& reader = server_.token(Role::kReader);
  const struct {
    const char* query;
    const char* parameter;
  } cases[] = {
      {"limit=201", "limit"},
      {"limit=0", "limit"},
      {"limit=ten", "limit"},
      {"limit=5x", "limit"},
      {"state=SHREDDED", "state"},
      {"needs_review=yes", "needs_review"},
      {"after=not-a-cursor", "after"},
      {"after=..%2F..%2Fetc", "after"},
      {"q=%zz", "q"},
  };
  for (const auto& c : cases) {
    const auto response = client_.Get(std::string("/v1/invoices?") + c.query, reader);
    ExpectError(response, 400, "BAD_REQUEST");
    EXPECT_EQ(response.Json()["error"]["details"]["parameter"], c.parameter) << c.query;
  }
  ExpectError(client_.Send("POST", "/v1/invoices/" + server_.UploadPending() + "/extract?force=1",
                           {}, {}, admin_),
              400, "BAD_REQUEST");
}

TEST_F(ApiErrorsTest, UnknownIdsWrongShapesAndTraversalAreNotFound) {
  const std::string id = server_.UploadExtracted();
  const auto before = server_.Take(id);
  for (const std::string& target : std::vector<std::string>{
           "/v1/invoices/01890a5d-ac96-774b-bcce-b302099a8057",  // well-formed, unknown
           "/v1/invoices/12345", "/v1/invoices/" + id + "x",
           "/v1/invoices/" + std::string(id.begin(), id.end() - 1) + "G",
           "/v1/invoices/..%2F..%2Fetc%2Fpasswd", "/v1/invoices/%2e%2e",
           "/v1/invoices/../../etc/passwd", "/v1/invoices/..%2F..%2Fetc%2Fpasswd/document",
           "/v1/invoices/" + id + "%00", "/etc/passwd"}) {
    const auto response = client_.Get(target, admin_);
    ExpectError(response, 404, "NOT_FOUND");
  }
  ExpectError(Patch("..%2F" + id, R"({"review_version": 2, "fields": {}})"), 404, "NOT_FOUND");
  ExpectError(client_.Get("/v1/invoices/nope/history", admin_), 404, "NOT_FOUND");
  ExpectError(client_.Send("POST", "/v1/invoices/nope/extract", {}, {}, admin_), 404, "NOT_FOUND");
  EXPECT_EQ(server_.Take(id), before);
}

TEST_F(ApiErrorsTest, StaleVersionIsStaleWriteWithTheCurrentVersion) {
  const std::string id = server_.UploadExtracted();
  const auto before = server_.Take(id);
  const auto response = Patch(id, R"({"review_version": 1, "fields": {"purchase_order": "PO-1"}})");
  ExpectError(response, 409, "STALE_WRITE");
  EXPECT_EQ(response.Json()["error"]["details"]["current_review_version"], before.review_version);
  const auto by_header = client_.Send("POST", "/v1/invoices/" + id + "/validate", {},
                                      {{"If-Match", "\"1\""}}, reviewer_);
  ExpectError(by_header, 409, "STALE_WRITE");
  EXPECT_EQ(server_.Take(id), before);
}

TEST_F(ApiErrorsTest, ForbiddenStateIsInvalidTransitionWithTheCurrentState) {
  const std::string pending = server_.UploadPending();
  const auto before = server_.Take(pending);
  const auto validate = client_.PostJson("/v1/invoices/" + pending + "/validate",
                                         R"({"review_version": 1})", reviewer_);
  ExpectError(validate, 409, "INVALID_TRANSITION");
  EXPECT_EQ(validate.Json()["error"]["details"]["current_state"], "PENDING");
  // PATCH is allowed in EXTRACTED only; the state wins over a stale version too.
  const auto patch = Patch(pending, R"({"review_version": 99, "fields": {"total": "1.00"}})");
  ExpectError(patch, 409, "INVALID_TRANSITION");
  EXPECT_EQ(patch.Json()["error"]["details"]["current_state"], "PENDING");
  EXPECT_EQ(server_.Take(pending), before);

  const std::string extracted = server_.UploadExtracted();
  const auto extracted_before = server_.Take(extracted);
  const auto again = client_.Send("POST", "/v1/invoices/" + extracted + "/extract", {}, {}, admin_);
  ExpectError(again, 409, "INVALID_TRANSITION");
  EXPECT_EQ(again.Json()["error"]["details"]["current_state"], "EXTRACTED");
  const auto reopen =
      client_.PostJson("/v1/invoices/" + extracted + "/reopen",
                       R"({"review_version": )" + Version(extracted) + "}", reviewer_);
  ExpectError(reopen, 409, "INVALID_TRANSITION");
  EXPECT_EQ(server_.Take(extracted), extracted_before);
}

TEST_F(ApiErrorsTest, ExportOfNamedIdsNotAllValidatedIsInvalidTransitionListingThem) {
  const std::string validated = server_.UploadValidated();
  const std::string extracted = server_.UploadExtracted();
  const auto validated_before = server_.Take(validated);
  const auto response = client_.PostJson(
      "/v1/exports",
      R"({"format": "csv", "ids": [")" + validated + R"(", ")" + extracted + R"("]})", reviewer_);
  ExpectError(response, 409, "INVALID_TRANSITION");
  EXPECT_EQ(response.Json()["error"]["details"]["ids"], nlohmann::json::array({extracted}));
  EXPECT_EQ(server_.Take(validated), validated_before);
}

TEST_F(ApiErrorsTest, ExtractionUnderWayIsExtractionInProgress) {
  const std::string id = server_.UploadPending();
  server_.extractor().Hold();
  std::thread first([&] {
    EXPECT_EQ(client_.Send("POST", "/v1/invoices/" + id + "/extract", {}, {}, admin_).status, 200);
  });
  server_.extractor().WaitEntered(1);
  const auto before = server_.Take(id);
  const auto second = client_.Send("POST", "/v1/invoices/" + id + "/extract", {}, {}, admin_);
  ExpectError(second, 409, "EXTRACTION_IN_PROGRESS");
  const auto forced =
      client_.Send("POST", "/v1/invoices/" + id + "/extract?force=true", {}, {}, admin_);
  ExpectError(forced, 409, "EXTRACTION_IN_PROGRESS");
  EXPECT_EQ(server_.Take(id), before);
  server_.extractor().Release();
  first.join();
}

TEST_F(ApiErrorsTest, NotADocumentIsUnsupportedMediaTypeAndStoresNothing) {
  const auto& ingest = server_.token(Role::kIngest);
  for (const std::string& bytes :
       {std::string("this is not a PDF at all"), std::string("%PD-1.4 almost"), std::string(),
        std::string("<html><body>Invoice</body></html>"),
        std::string("<Invoice><ID>1</ID></Invoice>")}) {
    const auto response = client_.Send("POST", "/v1/invoices?filename=a.pdf", bytes,
                                       {{"Content-Type", "application/pdf"}}, ingest);
    ExpectError(response, 415, "UNSUPPORTED_MEDIA_TYPE");
  }
  const std::string multipart =
      "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.pdf\"\r\n"
      "Content-Type: application/pdf\r\n\r\nGIF89a not a pdf\r\n--b--\r\n";
  ExpectError(client_.Send("POST", "/v1/invoices", multipart,
                           {{"Content-Type", "multipart/form-data; boundary=b"}}, ingest),
              415, "UNSUPPORTED_MEDIA_TYPE");
  EXPECT_EQ(client_.Get("/v1/invoices", ingest).Json()["items"].size(), 0u);
}

TEST_F(ApiErrorsTest, MalformedMultipartIsBadRequest) {
  const auto& ingest = server_.token(Role::kIngest);
  ExpectError(client_.Send("POST", "/v1/invoices",
                           "--b\r\nContent-Disposition: form-data; "
                           "name=\"file\"\r\n\r\n%PDF-1.4 truncated",
                           {{"Content-Type", "multipart/form-data; boundary=b"}}, ingest),
              400, "BAD_REQUEST");
  ExpectError(client_.Send("POST", "/v1/invoices", PdfBytes("no boundary"),
                           {{"Content-Type", "multipart/form-data"}}, ingest),
              400, "BAD_REQUEST");
  const auto no_file = client_.Send(
      "POST", "/v1/invoices",
      "--b\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\n" + PdfBytes("x") + "\r\n--b--",
      {{"Content-Type", "multipart/form-data; boundary=b"}}, ingest);
  ExpectError(no_file, 400, "BAD_REQUEST");
  EXPECT_EQ(no_file.Json()["error"]["details"]["field"], "file");
  EXPECT_EQ(client_.Get("/v1/invoices", ingest).Json()["items"].size(), 0u);
}

TEST_F(ApiErrorsTest, UnknownAndProtectedFieldsAtBothLevels) {
  const std::string id = server_.UploadExtracted();
  const auto before = server_.Take(id);
  const std::string v = Version(id);
  const struct {
    std::string body;
    const char* code;
    const char* field;
  } cases[] = {
      {R"({"review_version": )" + v + R"(, "processing_state": "VALIDATED"})", "PROTECTED_FIELD",
       "processing_state"},
      {R"({"review_version": )" + v + R"(, "id": "x"})", "PROTECTED_FIELD", "id"},
      {R"({"review_version": )" + v + R"(, "fields": {"review_version": "9"}})", "PROTECTED_FIELD",
       "review_version"},
      {R"({"review_version": )" + v + R"(, "fields": {"needs_review": "false"}})",
       "PROTECTED_FIELD", "needs_review"},
      {R"({"review_version": )" + v + R"(, "fields": {"total": "1.00"}, "notes": "x"})",
       "UNKNOWN_FIELD", "notes"},
      {R"({"review_version": )" + v + R"(, "fields": {"grand_total": "1.00"}})", "UNKNOWN_FIELD",
       "grand_total"},
      {R"({"review_version": )" + v + R"(, "line_items": [{"sku": "1"}]})", "UNKNOWN_FIELD",
       "line_items[0].sku"},
  };
  for (const auto& c : cases) {
    const auto response = Patch(id, c.body);
    ExpectError(response, 422, c.code);
    EXPECT_EQ(response.Json()["error"]["details"]["field"], c.field) << c.body;
  }
  EXPECT_EQ(server_.Take(id), before);
}

TEST_F(ApiErrorsTest, ValuesOfTheWrongFormAreInvalidValue) {
  const std::string id = server_.UploadExtracted();
  const auto before = server_.Take(id);
  const std::string v = Version(id);
  const struct {
    std::string fields;
    const char* field;
  } cases[] = {
      {R"("fields": {"total": 120.5})", "total"},  // money as a JSON float
      {R"("fields": {"total": 120})", "total"},    // money as a JSON integer
      {R"("fields": {"total": "12O.00"})", "total"},
      {R"("fields": {"total": "1.005"})", "total"},  // more decimals than EUR has
      {R"("fields": {"invoice_date": "2026-02-30"})", "invoice_date"},
      {R"("fields": {"due_date": "15.01.2026"})", "due_date"},
      {R"("fields": {"currency": "EURO"})", "currency"},
      {R"("fields": {"iban": "DE00 0000 0000 0000 0000 00"})", "iban"},
      {R"("fields": {"vendor_name": false})", "vendor_name"},
      {R"("line_items": [{"quantity": 2}])", "line_items[0].quantity"},
      {R"("line_items": [{"unit_price": "1.0000001"}])", "line_items[0].unit_price"},
  };
  for (const auto& c : cases) {
    const auto response = Patch(id, R"({"review_version": )" + v + ", " + c.fields + "}");
    ExpectError(response, 422, "INVALID_VALUE");
    EXPECT_EQ(response.Json()["error"]["details"]["field"], c.field) << c.fields;
  }
  EXPECT_EQ(server_.Take(id), before);
}

TEST_F(ApiErrorsTest, ValidateWithABlockingIssueIsValidationFailedWithTheIssues) {
  const std::string id = server_.UploadExtracted();
  const auto removed =
      Patch(id, R"({"review_version": )" + Version(id) + R"(, "fields": {"total": "500.00"}})");
  ASSERT_EQ(removed.status, 200) << removed.body;
  const auto before = server_.Take(id);
  const auto response = client_.PostJson("/v1/invoices/" + id + "/validate",
                                         R"({"review_version": )" + Version(id) + "}", reviewer_);
  ExpectError(response, 422, "VALIDATION_FAILED");
  const auto issues = response.Json()["error"]["details"]["issues"];
  ASSERT_TRUE(issues.is_array()) << response.body;
  EXPECT_NE(std::find(issues.begin(), issues.end(), "TOTAL_MISMATCH"), issues.end())
      << response.body;
  EXPECT_EQ(server_.Take(id), before);
}

TEST_F(ApiErrorsTest, MissingVersionIsPreconditionRequiredAndDifferingOnesBadRequest) {
  const std::string id = server_.UploadExtracted();
  const auto before = server_.Take(id);
  ExpectError(Patch(id, R"({"fields": {"purchase_order": "PO-1"}})"), 428, "PRECONDITION_REQUIRED");
  for (const char* action : {"validate", "reject", "reopen"}) {
    ExpectError(client_.Send("POST", "/v1/invoices/" + id + "/" + action, {}, {}, reviewer_), 428,
                "PRECONDITION_REQUIRED");
  }
  const std::string v = Version(id);
  const auto differ = Patch(id, R"({"review_version": )" + v + R"(, "fields": {}})",
                            {{"If-Match", "\"" + std::to_string(std::stoi(v) + 1) + "\""}});
  ExpectError(differ, 400, "BAD_REQUEST");
  ExpectError(Patch(id, R"({"fields": {}})", {{"If-Match", "*"}}), 400, "BAD_REQUEST");
  ExpectError(Patch(id, R"({"fields": {}})", {{"If-Match", "W/\"" + v + "\""}}), 400,
              "BAD_REQUEST");
  EXPECT_EQ(server_.Take(id), before);
}

TEST_F(ApiErrorsTest, UnreachableStoreIsUnavailableWithRetryAfter) {
  const std::string id = server_.UploadExtracted();
  server_.SetStoreDown(true);
  const auto ready = client_.Get("/readyz");
  ExpectError(ready, 503, "UNAVAILABLE");
  EXPECT_TRUE(ready.Header("Retry-After"));
  // Authentication needs the store too: 503, not 401.
  const auto get = client_.Get("/v1/invoices/" + id, admin_);
  ExpectError(get, 503, "UNAVAILABLE");
  EXPECT_TRUE(get.Header("Retry-After"));
  EXPECT_EQ(client_.Get("/healthz").status, 200);
  server_.SetStoreDown(false);
  EXPECT_EQ(client_.Get("/readyz").status, 200);
  EXPECT_EQ(client_.Get("/v1/invoices/" + id, admin_).status, 200);
}

TEST(ApiOverloadTest, FullHandlerQueueIsUnavailableWithRetryAfter) {
  http::ServerOptions options;
  options.max_queued_requests = 0;
  ApiServer server(options);
  const auto response = server.client().Get("/readyz");
  ExpectError(response, 503, "UNAVAILABLE");
  EXPECT_TRUE(response.Header("Retry-After"));
}

TEST(ApiPayloadTest, UploadAboveTheLimitIsPayloadTooLargeAndStoresNothing) {
  http::ServerOptions options;
  options.max_upload_bytes = 4096;
  ApiServer server(options);
  const auto& ingest = server.token(Role::kIngest);
  const std::string big = PdfBytes(std::string(5000, 'x'));
  const auto raw = server.client().Send("POST", "/v1/invoices", big, {}, ingest);
  ExpectError(raw, 413, "PAYLOAD_TOO_LARGE");
  EXPECT_EQ(raw.Json()["error"]["details"]["limit_bytes"], 4096);
  const std::string multipart =
      "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.pdf\"\r\n\r\n" + big +
      "\r\n--b--\r\n";
  ExpectError(server.client().Send("POST", "/v1/invoices", multipart,
                                   {{"Content-Type", "multipart/form-data; boundary=b"}}, ingest),
              413, "PAYLOAD_TOO_LARGE");
  EXPECT_EQ(server.client().Get("/v1/invoices", ingest).Json()["items"].size(), 0u);
  // Exactly at the limit is fine.
  std::string exact = PdfBytes("");
  exact.resize(4096, ' ');
  EXPECT_EQ(server.client().Send("POST", "/v1/invoices", exact, {}, ingest).status, 201);
}

TEST(ApiPayloadTest, JsonBodyAboveItsLimitIsPayloadTooLarge) {
  http::ServerOptions options;
  options.max_json_body_bytes = 1024;
  ApiServer server(options);
  const std::string id = server.UploadExtracted();
  const auto before = server.Take(id);
  const std::string body = R"({"fields": {"vendor_name": ")" + std::string(2000, 'a') + "\"}}";
  RawConnection connection(server.port());
  ASSERT_TRUE(connection.Write("PATCH /v1/invoices/" + id + " HTTP/1.1\r\nHost: x\r\n" +
                               "Authorization: Bearer " + server.token(Role::kAdmin) +
                               "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" +
                               body));
  const auto response = connection.ReadResponse();
  ASSERT_TRUE(response);
  ExpectError(*response, 413, "PAYLOAD_TOO_LARGE");
  EXPECT_EQ(response->Header("Connection"), "close");
  EXPECT_EQ(server.Take(id), before);
}

}  // namespace
}  // namespace invoicer::testing
