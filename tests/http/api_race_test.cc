// The races of issue 2 through HTTP on a real socket, with real threads.
#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <latch>
#include <mutex>
#include <set>
#include <thread>

#include "api_fixture.h"

namespace invoicer::testing {
namespace {

using store::Role;

std::size_t CountActions(const nlohmann::json& history, std::string_view action) {
  std::size_t n = 0;
  for (const auto& entry : history["items"]) n += entry["action"] == action ? 1 : 0;
  return n;
}

TEST(ApiRaceTest, ThirtyTwoConcurrentExtractsHaveExactlyOneWinner) {
  constexpr int kRequests = 32;
  http::ServerOptions options;
  options.slow_handler_threads = 4;
  ApiServer server(options);
  const std::string id = server.UploadPending();
  const auto client = server.client();
  server.extractor().Hold();

  std::mutex mu;
  std::condition_variable cv;
  int answered = 0;
  std::vector<int> statuses;
  std::vector<std::string> codes;
  std::latch start(kRequests);
  std::vector<std::thread> threads;
  for (int i = 0; i < kRequests; ++i) {
    threads.emplace_back([&, i] {
      const auto& token = server.token(i % 2 == 0 ? Role::kReviewer : Role::kIngest);
      start.arrive_and_wait();
      const auto response = client.Send("POST", "/v1/invoices/" + id + "/extract", {}, {}, token);
      std::lock_guard lock(mu);
      statuses.push_back(response.status);
      codes.push_back(response.ErrorCode());
      ++answered;
      cv.notify_all();
    });
  }
  // The winner waits at the gate; every other request must be answered meanwhile. The
  // deadline only keeps a broken server (two winners) from hanging the test.
  server.extractor().WaitEntered(1);
  {
    std::unique_lock lock(mu);
    EXPECT_TRUE(
        cv.wait_for(lock, std::chrono::seconds(60), [&] { return answered == kRequests - 1; }));
  }
  server.extractor().Release();
  for (auto& thread : threads) thread.join();

  ASSERT_EQ(statuses.size(), static_cast<std::size_t>(kRequests));
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 200), 1);
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 409), kRequests - 1);
  EXPECT_EQ(std::count(codes.begin(), codes.end(), "EXTRACTION_IN_PROGRESS"), kRequests - 1);
  EXPECT_EQ(server.extractor().calls(), 1);
  const auto record = client.Get("/v1/invoices/" + id, server.token(Role::kReader)).Json();
  EXPECT_EQ(record["processing_state"], "EXTRACTED");
  const auto history =
      client.Get("/v1/invoices/" + id + "/history", server.token(Role::kReader)).Json();
  EXPECT_EQ(CountActions(history, "claimed"), 1u);
  EXPECT_EQ(CountActions(history, "extracted"), 1u);
}

TEST(ApiRaceTest, ConcurrentPatchesWithOneVersionHaveExactlyOneWinner) {
  constexpr int kRequests = 16;
  ApiServer server;
  const std::string id = server.UploadExtracted();
  const auto before = server.Take(id);
  const auto client = server.client();
  std::latch start(kRequests);
  std::mutex mu;
  std::vector<HttpResponse> responses;
  std::vector<std::thread> threads;
  for (int i = 0; i < kRequests; ++i) {
    threads.emplace_back([&, i] {
      const std::string body = R"({"review_version": )" + std::to_string(before.review_version) +
                               R"(, "fields": {"purchase_order": "PO-)" + std::to_string(i) +
                               "\"}}";
      start.arrive_and_wait();
      auto response =
          client.Send("PATCH", "/v1/invoices/" + id, body, {}, server.token(Role::kReviewer));
      std::lock_guard lock(mu);
      responses.push_back(std::move(response));
    });
  }
  for (auto& thread : threads) thread.join();

  int ok = 0;
  for (const auto& response : responses) {
    if (response.status == 200) {
      ++ok;
      continue;
    }
    EXPECT_EQ(response.status, 409) << response.body;
    EXPECT_EQ(response.ErrorCode(), "STALE_WRITE");
    EXPECT_EQ(response.Json()["error"]["details"]["current_review_version"],
              before.review_version + 1);
  }
  EXPECT_EQ(ok, 1);
  const auto after = server.Take(id);
  EXPECT_EQ(after.review_version, before.review_version + 1);
  EXPECT_EQ(after.history_entries, before.history_entries + 1);
}

TEST(ApiRaceTest, ConcurrentReviewersNeverGetTheSameInvoice) {
  constexpr int kReviewers = 8;
  constexpr int kInvoices = 5;
  ApiServer server;
  for (int i = 0; i < kInvoices; ++i) server.UploadExtracted("review " + std::to_string(i));
  std::vector<std::string> tokens;
  for (int i = 0; i < kReviewers; ++i) {
    auto token = server.tokens().Create("reviewer-" + std::to_string(i), Role::kReviewer);
    ASSERT_TRUE(token);
    tokens.push_back(*token);
  }
  const auto client = server.client();
  std::latch start(kReviewers);
  std::mutex mu;
  std::vector<HttpResponse> responses;
  std::vector<std::thread> threads;
  for (int i = 0; i < kReviewers; ++i) {
    threads.emplace_back([&, i] {
      start.arrive_and_wait();
      auto response = client.Send("POST", "/v1/review/next", {}, {}, tokens[i]);
      std::lock_guard lock(mu);
      responses.push_back(std::move(response));
    });
  }
  for (auto& thread : threads) thread.join();

  std::set<std::string> ids;
  int leased = 0;
  for (const auto& response : responses) {
    if (response.status == 204) continue;
    ASSERT_EQ(response.status, 200) << response.body;
    ++leased;
    ids.insert(response.Json()["id"].get<std::string>());
  }
  EXPECT_EQ(leased, kInvoices);
  EXPECT_EQ(ids.size(), static_cast<std::size_t>(kInvoices));  // no invoice handed out twice
}

TEST(ApiRaceTest, ASlowExtractionDoesNotHoldUpOtherRequests) {
  http::ServerOptions options;
  options.handler_threads = 2;
  options.slow_handler_threads = 2;
  ApiServer server(options);
  const std::string first = server.UploadPending("slow 1");
  const std::string second = server.UploadPending("slow 2");
  const auto client = server.client();
  server.extractor().Hold();
  std::vector<std::thread> extractions;
  for (const auto& id : {first, second}) {
    extractions.emplace_back([&, id] {
      EXPECT_EQ(
          client.Send("POST", "/v1/invoices/" + id + "/extract", {}, {}, server.token(Role::kAdmin))
              .status,
          200);
    });
  }
  server.extractor().WaitEntered(2);  // both slow threads are busy extracting
  // Reads, edits and uploads still get answered while the extractions wait.
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(client.Get("/v1/invoices", server.token(Role::kReader)).status, 200);
    EXPECT_EQ(client.Get("/healthz").status, 200);
  }
  const auto uploaded =
      client.Send("POST", "/v1/invoices", PdfBytes("not blocked"), {}, server.token(Role::kIngest));
  EXPECT_EQ(uploaded.status, 201);
  server.extractor().Release();
  for (auto& thread : extractions) thread.join();
}

}  // namespace
}  // namespace invoicer::testing
