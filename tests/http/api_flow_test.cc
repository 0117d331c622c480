// The endpoints of API.md doing their job, through a real socket.
#include <gtest/gtest.h>

#include <set>

#include "api_fixture.h"
#include "http/api.h"
#include "http/openapi.h"

namespace invoicer::testing {
namespace {

using store::Role;

class ApiFlowTest : public ::testing::Test {
 protected:
  ApiServer server_;
  HttpClient client_ = server_.client();
  const std::string& admin_ = server_.token(Role::kAdmin);
  const std::string& reviewer_ = server_.token(Role::kReviewer);
  const std::string& ingest_ = server_.token(Role::kIngest);
};

TEST_F(ApiFlowTest, HealthAndReadinessAnswerWithoutToken) {
  const auto health = client_.Get("/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.Json()["status"], "ok");
  const auto ready = client_.Get("/readyz");
  EXPECT_EQ(ready.status, 200);
  EXPECT_EQ(ready.Json()["status"], "ready");
  EXPECT_EQ(health.Header("Cache-Control"), "no-store");
  EXPECT_EQ(health.Header("X-Content-Type-Options"), "nosniff");
}

TEST_F(ApiFlowTest, RootServesThePlaceholderPage) {
  const auto page = client_.Get("/");
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.Header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(page.body.find("review page is coming"), std::string::npos);
}

TEST_F(ApiFlowTest, OpenApiDescribesEveryRouteAndErrorCode) {
  const auto response = client_.Get("/openapi.json");
  ASSERT_EQ(response.status, 200);
  const auto doc = response.Json();
  ASSERT_TRUE(doc.is_object());
  EXPECT_EQ(doc["openapi"].get<std::string>().substr(0, 2), "3.");
  Metrics metrics;
  const http::Api api(server_.service(), server_.tokens(), metrics, 1);
  for (const auto& route : api.router().routes()) {
    std::string method = route.method;
    for (char& c : method) c = static_cast<char>(std::tolower(c));
    EXPECT_TRUE(doc["paths"].contains(route.pattern)) << route.pattern;
    if (doc["paths"].contains(route.pattern)) {
      EXPECT_TRUE(doc["paths"][route.pattern].contains(method))
          << route.method << " " << route.pattern;
    }
  }
  const auto codes =
      doc["components"]["schemas"]["Error"]["properties"]["error"]["properties"]["code"]["enum"];
  for (const char* code :
       {"BAD_REQUEST", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "STALE_WRITE",
        "INVALID_TRANSITION", "EXTRACTION_IN_PROGRESS", "PAYLOAD_TOO_LARGE",
        "UNSUPPORTED_MEDIA_TYPE", "UNKNOWN_FIELD", "PROTECTED_FIELD", "INVALID_VALUE",
        "VALIDATION_FAILED", "PRECONDITION_REQUIRED", "UNAVAILABLE", "INTERNAL"}) {
    EXPECT_NE(std::find(codes.begin(), codes.end(), code), codes.end()) << code;
  }
}

TEST_F(ApiFlowTest, RawUploadCreatesThenFindsTheSameBytes) {
  const std::string bytes = PdfBytes("raw upload");
  const auto created = client_.Send("POST", "/v1/invoices?filename=march%20invoice.pdf", bytes,
                                    {{"Content-Type", "application/octet-stream"}}, ingest_);
  ASSERT_EQ(created.status, 201) << created.body;
  const auto record = created.Json();
  const std::string id = record["id"];
  EXPECT_EQ(record["processing_state"], "PENDING");
  EXPECT_EQ(record["review_version"], 1);
  EXPECT_EQ(record["document"]["media_type"], "application/pdf");
  EXPECT_EQ(record["document"]["filename"], "march invoice.pdf");
  EXPECT_EQ(record["document"]["size_bytes"], bytes.size());
  EXPECT_EQ(created.Header("ETag"), "\"1\"");
  EXPECT_EQ(created.Header("Location"), "/v1/invoices/" + id);

  const auto again = client_.Send("POST", "/v1/invoices", bytes, {}, admin_);
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.Json()["id"], id);
}

TEST_F(ApiFlowTest, RawUploadTakesTheFilenameFromContentDisposition) {
  const auto created = client_.Send(
      "POST", "/v1/invoices", PdfBytes("disposition"),
      {{"Content-Disposition", "attachment; filename*=UTF-8''%E2%82%AC-rechnung.pdf"}}, ingest_);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.Json()["document"]["filename"], "\xE2\x82\xAC-rechnung.pdf");
}

TEST_F(ApiFlowTest, MultipartUploadTakesTheFilePart) {
  const std::string bytes = PdfBytes("multipart");
  const std::string body =
      "--b0undary\r\n"
      "Content-Disposition: form-data; name=\"comment\"\r\n\r\n"
      "ignored\r\n"
      "--b0undary\r\n"
      "Content-Disposition: form-data; name=\"file\"; filename=\"..\\\\scan 7.pdf\"\r\n"
      "Content-Type: application/pdf\r\n\r\n" +
      bytes + "\r\n--b0undary--\r\n";
  const auto created =
      client_.Send("POST", "/v1/invoices", body,
                   {{"Content-Type", "multipart/form-data; boundary=b0undary"}}, ingest_);
  ASSERT_EQ(created.status, 201) << created.body;
  const auto record = created.Json();
  EXPECT_EQ(record["document"]["filename"], "scan 7.pdf");
  EXPECT_EQ(record["document"]["size_bytes"], bytes.size());
  const auto document =
      client_.Get("/v1/invoices/" + record["id"].get<std::string>() + "/document", admin_);
  EXPECT_EQ(document.body, bytes);
}

TEST_F(ApiFlowTest, UploadsAnEInvoiceXml) {
  const std::string xml =
      "<?xml version=\"1.0\"?>\n<Invoice "
      "xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"><ID>1</ID></Invoice>";
  const auto created = client_.Send("POST", "/v1/invoices?filename=a.xml", xml,
                                    {{"Content-Type", "text/xml"}}, ingest_);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.Json()["document"]["media_type"], "application/xml");
}

TEST_F(ApiFlowTest, GetAnswersTheRecordWithEtagAndHonoursIfNoneMatch) {
  const std::string id = server_.UploadExtracted();
  const auto got = client_.Get("/v1/invoices/" + id, server_.token(Role::kReader));
  ASSERT_EQ(got.status, 200);
  const auto record = got.Json();
  EXPECT_EQ(record["id"], id);
  EXPECT_EQ(record["processing_state"], "EXTRACTED");
  EXPECT_EQ(record["fields"]["total"]["value"], "119.00");
  EXPECT_EQ(got.Header("ETag"), "\"" + std::to_string(record["review_version"].get<int>()) + "\"");
  const auto not_modified = client_.Send("GET", "/v1/invoices/" + id, {},
                                         {{"If-None-Match", *got.Header("ETag")}}, admin_);
  EXPECT_EQ(not_modified.status, 304);
  EXPECT_TRUE(not_modified.body.empty());
}

TEST_F(ApiFlowTest, DocumentDownloadCarriesTypeAndFilename) {
  const auto created =
      client_.Send("POST", "/v1/invoices?filename=a%22b.pdf", PdfBytes("download"), {}, ingest_);
  ASSERT_EQ(created.status, 201);
  const std::string id = created.Json()["id"];
  const auto document = client_.Get("/v1/invoices/" + id + "/document", ingest_);
  ASSERT_EQ(document.status, 200);
  EXPECT_EQ(document.body, PdfBytes("download"));
  EXPECT_EQ(document.Header("Content-Type"), "application/pdf");
  EXPECT_EQ(document.Header("Content-Disposition"),
            "attachment; filename=\"a_b.pdf\"; filename*=UTF-8''a%22b.pdf");
  EXPECT_EQ(document.Header("Content-Security-Policy"), "sandbox");
}

TEST_F(ApiFlowTest, ListFiltersAndPagesNewestFirst) {
  const std::string a = server_.UploadPending("list a");
  const std::string b = server_.UploadExtracted("list b");
  const std::string c = server_.UploadExtracted("list c");
  const auto& reader = server_.token(Role::kReader);

  const auto first = client_.Get("/v1/invoices?limit=2", reader);
  ASSERT_EQ(first.status, 200) << first.body;
  const auto page1 = first.Json();
  ASSERT_EQ(page1["items"].size(), 2u);
  EXPECT_EQ(page1["items"][0]["id"], c);
  EXPECT_EQ(page1["items"][1]["id"], b);
  ASSERT_TRUE(page1["next"].is_string());
  const auto second =
      client_.Get("/v1/invoices?limit=2&after=" + page1["next"].get<std::string>(), reader);
  const auto page2 = second.Json();
  ASSERT_EQ(page2["items"].size(), 1u);
  EXPECT_EQ(page2["items"][0]["id"], a);
  EXPECT_TRUE(page2["next"].is_null());

  const auto extracted = client_.Get("/v1/invoices?state=extracted", reader).Json();
  EXPECT_EQ(extracted["items"].size(), 2u);
  const auto pending = client_.Get("/v1/invoices?state=PENDING", reader).Json();
  ASSERT_EQ(pending["items"].size(), 1u);
  EXPECT_EQ(pending["items"][0]["id"], a);
  const auto vendor = client_.Get("/v1/invoices?vendor=test+vendor", reader).Json();
  EXPECT_EQ(vendor["items"].size(), 2u);
  const auto review = client_.Get("/v1/invoices?needs_review=true", reader).Json();
  for (const auto& item : review["items"]) EXPECT_TRUE(item["needs_review"].get<bool>());
}

TEST_F(ApiFlowTest, ExtractAnswersTheExtractedRecordAndForceReExtracts) {
  const std::string id = server_.UploadPending();
  const auto extracted = client_.Send("POST", "/v1/invoices/" + id + "/extract", {}, {}, ingest_);
  ASSERT_EQ(extracted.status, 200) << extracted.body;
  const auto record = extracted.Json();
  EXPECT_EQ(record["processing_state"], "EXTRACTED");
  EXPECT_EQ(record["review_version"], 2);
  EXPECT_EQ(record["extraction"]["method"], "test");

  const auto again =
      client_.Send("POST", "/v1/invoices/" + id + "/extract?force=true", {}, {}, reviewer_);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.Json()["review_version"], 3);
}

TEST_F(ApiFlowTest, FailedExtractionAnswersTheFailedRecord) {
  const auto created =
      client_.Send("POST", "/v1/invoices", PdfBytes("FAIL-EXTRACTION"), {}, ingest_);
  ASSERT_EQ(created.status, 201);
  const std::string id = created.Json()["id"];
  const auto failed = client_.Send("POST", "/v1/invoices/" + id + "/extract", {}, {}, admin_);
  ASSERT_EQ(failed.status, 200) << failed.body;
  EXPECT_EQ(failed.Json()["processing_state"], "FAILED");
  EXPECT_TRUE(failed.Json()["extraction"]["error"].is_string());
}

TEST_F(ApiFlowTest, PatchWithBodyVersionOrIfMatchEditsAndRecordsHistory) {
  const std::string id = server_.UploadExtracted();
  const std::int64_t version = server_.Take(id).review_version;
  const auto patched =
      client_.Send("PATCH", "/v1/invoices/" + id,
                   R"({"review_version": )" + std::to_string(version) +
                       R"(, "fields": {"purchase_order": "PO-77", "due_date": "2026-02-15"},
          "line_items": [{"description": "Widget", "quantity": "2", "unit_price": "50.00",
                          "amount": "100.00", "tax_rate": "19"}]})",
                   {{"Content-Type", "application/json"}}, reviewer_);
  ASSERT_EQ(patched.status, 200) << patched.body;
  auto record = patched.Json();
  EXPECT_EQ(record["review_version"], version + 1);
  EXPECT_EQ(record["fields"]["purchase_order"]["value"], "PO-77");
  EXPECT_EQ(record["fields"]["purchase_order"]["source"], "human");
  EXPECT_EQ(record["fields"]["purchase_order"]["confidence"], 1.0);
  EXPECT_EQ(record["line_items"][0]["quantity"], "2");
  EXPECT_EQ(patched.Header("ETag"), "\"" + std::to_string(version + 1) + "\"");

  const auto by_etag =
      client_.Send("PATCH", "/v1/invoices/" + id, R"({"fields": {"purchase_order": null}})",
                   {{"If-Match", *patched.Header("ETag")}}, admin_);
  ASSERT_EQ(by_etag.status, 200) << by_etag.body;
  record = by_etag.Json();
  EXPECT_EQ(record["review_version"], version + 2);
  EXPECT_FALSE(record["fields"].contains("purchase_order"));

  const auto history = client_.Get("/v1/invoices/" + id + "/history", server_.token(Role::kReader));
  ASSERT_EQ(history.status, 200);
  const auto items = history.Json()["items"];
  ASSERT_GE(items.size(), 2u);
  const auto last = items[items.size() - 1];
  EXPECT_EQ(last["action"], "edited");
  EXPECT_EQ(last["actor"], "admin-token");
  EXPECT_EQ(last["review_version"], version + 2);
  EXPECT_EQ(last["changes"]["purchase_order"], nlohmann::json::array({"PO-77", nullptr}));
  EXPECT_EQ(items[0]["action"], "created");
}

TEST_F(ApiFlowTest, ValidateRejectAndReopenMoveTheState) {
  const std::string id = server_.UploadExtracted();
  int version = static_cast<int>(server_.Take(id).review_version);
  const auto validated =
      client_.PostJson("/v1/invoices/" + id + "/validate",
                       R"({"review_version": )" + std::to_string(version) + "}", reviewer_);
  ASSERT_EQ(validated.status, 200) << validated.body;
  EXPECT_EQ(validated.Json()["processing_state"], "VALIDATED");
  const auto reopened = client_.Send("POST", "/v1/invoices/" + id + "/reopen", {},
                                     {{"If-Match", *validated.Header("ETag")}}, reviewer_);
  ASSERT_EQ(reopened.status, 200) << reopened.body;
  EXPECT_EQ(reopened.Json()["processing_state"], "EXTRACTED");
  version = reopened.Json()["review_version"];
  const auto rejected = client_.PostJson(
      "/v1/invoices/" + id + "/reject",
      R"({"review_version": )" + std::to_string(version) + R"(, "reason": "duplicate"})", admin_);
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(rejected.Json()["processing_state"], "REJECTED");
  EXPECT_EQ(rejected.Json()["reject_reason"], "duplicate");
  EXPECT_EQ(rejected.Json()["review_version"], version + 1);
}

TEST_F(ApiFlowTest, ReviewNextLeasesAnInvoiceAndAnswers204WhenNoneIsLeft) {
  const auto none = client_.Send("POST", "/v1/review/next", {}, {}, reviewer_);
  EXPECT_EQ(none.status, 204);
  EXPECT_TRUE(none.body.empty());
  const std::string id = server_.UploadExtracted();
  const auto next = client_.Send("POST", "/v1/review/next", {}, {}, reviewer_);
  ASSERT_EQ(next.status, 200) << next.body;
  EXPECT_EQ(next.Json()["id"], id);
  EXPECT_EQ(next.Json()["review_lease"]["holder"], "reviewer-token");
  // The lease holder gets the same invoice again; another reviewer gets nothing.
  EXPECT_EQ(client_.Send("POST", "/v1/review/next", {}, {}, reviewer_).Json()["id"], id);
  EXPECT_EQ(client_.Send("POST", "/v1/review/next", {}, {}, admin_).status, 204);
}

TEST_F(ApiFlowTest, CsvExportMovesExactlyTheValidatedInvoices) {
  const std::string validated = server_.UploadValidated();
  const std::string extracted = server_.UploadExtracted();
  const auto exported = client_.PostJson("/v1/exports", R"({"format": "csv"})", reviewer_);
  ASSERT_EQ(exported.status, 200) << exported.body;
  EXPECT_EQ(exported.Header("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(exported.Header("X-Exported-Count"), "1");
  ASSERT_TRUE(exported.Header("Content-Disposition"));
  EXPECT_NE(exported.Header("Content-Disposition")->find(".csv"), std::string::npos);
  EXPECT_EQ(exported.body.rfind("id,vendor_name,vendor_tax_id,invoice_number", 0), 0u);
  EXPECT_NE(exported.body.find(validated), std::string::npos);
  EXPECT_EQ(exported.body.find(extracted), std::string::npos);
  EXPECT_EQ(server_.Take(validated).state, domain::ProcessingState::kExported);
  EXPECT_EQ(server_.Take(extracted).state, domain::ProcessingState::kExtracted);

  const auto empty = client_.PostJson("/v1/exports", R"({"format": "json"})", admin_);
  ASSERT_EQ(empty.status, 200);
  EXPECT_EQ(empty.Json(), nlohmann::json::array());
  EXPECT_EQ(empty.Header("X-Exported-Count"), "0");
}

TEST_F(ApiFlowTest, JsonExportOfNamedIds) {
  const std::string first = server_.UploadValidated();
  const std::string second = server_.UploadValidated();
  const auto exported =
      client_.PostJson("/v1/exports", R"({"format": "json", "ids": [")" + first + R"("]})", admin_);
  ASSERT_EQ(exported.status, 200) << exported.body;
  const auto records = exported.Json();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["id"], first);
  EXPECT_EQ(records[0]["processing_state"], "EXPORTED");
  EXPECT_EQ(server_.Take(second).state, domain::ProcessingState::kValidated);
}

TEST_F(ApiFlowTest, PageImagesAreNotImplementedYet) {
  const std::string id = server_.UploadPending();
  const auto page = client_.Get("/v1/invoices/" + id + "/pages/1.png", admin_);
  EXPECT_EQ(page.status, 501);
  EXPECT_EQ(page.ErrorCode(), "NOT_IMPLEMENTED");
  const auto missing =
      client_.Get("/v1/invoices/01890a5d-ac96-774b-bcce-b302099a8057/pages/1.png", admin_);
  EXPECT_EQ(missing.status, 404);
}

TEST_F(ApiFlowTest, UnknownPathsAre404AndWrongMethods405WithAllow) {
  const auto unknown = client_.Get("/v1/nothing", admin_);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.ErrorCode(), "NOT_FOUND");
  const auto wrong = client_.Send("DELETE", "/v1/invoices/abc", {}, {}, admin_);
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(wrong.ErrorCode(), "METHOD_NOT_ALLOWED");
  EXPECT_EQ(wrong.Header("Allow"), "GET, PATCH");
}

TEST_F(ApiFlowTest, MetricsCountRequestsByRouteAndStatus) {
  const std::string id = server_.UploadExtracted();
  ASSERT_EQ(client_.Get("/v1/invoices/" + id, admin_).status, 200);
  ASSERT_EQ(client_.Get("/v1/invoices/" + id, admin_).status, 200);
  ASSERT_EQ(client_.Get("/v1/invoices/not-an-id", admin_).status, 404);
  ASSERT_EQ(client_.Get("/nowhere").status, 404);
  const auto metrics = client_.Get("/metrics", server_.token(Role::kReader));
  ASSERT_EQ(metrics.status, 200);
  EXPECT_EQ(metrics.Header("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
  const std::string& text = metrics.body;
  EXPECT_NE(text.find("invoicer_http_requests_total{method=\"GET\",route=\"/v1/invoices/{id}\","
                      "status=\"200\"} 2"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("invoicer_http_requests_total{method=\"GET\",route=\"/v1/invoices/{id}\","
                      "status=\"404\"} 1"),
            std::string::npos);
  EXPECT_NE(text.find("route=\"(unmatched)\",status=\"404\"} 1"), std::string::npos);
  EXPECT_NE(text.find("invoicer_http_request_duration_seconds_bucket{method=\"GET\",route=\"/v1/"
                      "invoices/{id}\",le=\"+Inf\"} 3"),
            std::string::npos);
  EXPECT_NE(text.find("invoicer_invoices{state=\"EXTRACTED\"} 1"), std::string::npos);
  EXPECT_NE(text.find("invoicer_invoices{state=\"PENDING\"} 0"), std::string::npos);
  EXPECT_NE(text.find("invoicer_extraction_duration_seconds_count{outcome=\"ok\"} 1"),
            std::string::npos);
}

TEST_F(ApiFlowTest, KeepAliveServesManyRequestsOnOneConnection) {
  RawConnection connection(server_.port());
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(connection.Write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
    const auto response = connection.ReadResponse();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
  }
}

}  // namespace
}  // namespace invoicer::testing
