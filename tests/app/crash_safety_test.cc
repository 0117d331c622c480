// Crash safety with real processes: `invoicer serve` is killed with SIGKILL in the middle
// of a stream of uploads and PATCHes, restarted on the same data folder, and every write
// it had acknowledged must still be there.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include "app/digest.h"
#include "app/token_service.h"
#include "common/time.h"
#include "http_client.h"
#include "serve_process.h"
#include "store/sqlite/sqlite_invoice_store.h"
#include "temp_dir.h"

namespace invoicer::app {
namespace {

using boost::beast::http::verb;
using nlohmann::json;

constexpr int kPatchThreads = 2;
constexpr int kInvoicesPerPatchThread = 4;
constexpr int kUploadThreads = 2;
constexpr int kAcknowledgedBeforeKill = 240;

struct AckedUpload {
  std::string id;
  std::string sha256;
};
struct AckedPatch {
  std::string id;
  std::int64_t version;  // the version the acknowledged write produced
  std::string total;
};

// What the clients saw acknowledged; shared by the client threads.
class Acknowledged {
 public:
  void Add(AckedUpload upload) {
    std::lock_guard lock(mu_);
    uploads_.push_back(std::move(upload));
    cv_.notify_all();
  }
  void Add(AckedPatch patch) {
    std::lock_guard lock(mu_);
    patches_.push_back(std::move(patch));
    cv_.notify_all();
  }
  bool WaitForCount(int n) {
    std::unique_lock lock(mu_);
    return cv_.wait_for(lock, std::chrono::seconds(120), [&] {
      return static_cast<int>(uploads_.size() + patches_.size()) >= n;
    });
  }
  std::vector<AckedUpload> uploads() {
    std::lock_guard lock(mu_);
    return uploads_;
  }
  std::vector<AckedPatch> patches() {
    std::lock_guard lock(mu_);
    return patches_;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<AckedUpload> uploads_;
  std::vector<AckedPatch> patches_;
};

// Seeds `count` EXTRACTED invoices (so they can be PATCHed) and a reviewer token, directly
// through the store, before any server runs. Returns the ids and the token.
std::pair<std::vector<std::string>, std::string> Seed(const std::string& db_path, int count) {
  auto store = store::OpenSqliteStore(db_path);
  EXPECT_TRUE(store && (*store)->Migrate());
  const SystemClock clock;
  std::vector<std::string> ids;
  for (int i = 0; i < count; ++i) {
    store::NewDocument doc;
    doc.bytes = "%PDF-1.4\n% seed " + std::to_string(i) + "\n%%EOF\n";
    doc.sha256 = Sha256Hex(doc.bytes);
    doc.media_type = "application/pdf";
    doc.filename = "seed.pdf";
    auto created = (*store)->CreateInvoice(doc, store::Actor{"seed"}, clock.Now());
    EXPECT_TRUE(created);
    auto claim = (*store)->ClaimForExtraction(created->invoice.id, store::Actor{"seed"},
                                              std::chrono::minutes(5), false, clock.Now());
    EXPECT_TRUE(claim);
    store::ExtractionOutcome outcome;
    outcome.result.method = "seed";
    outcome.result.fields["total"] =
        domain::FieldValue{"1.00", 0.5, domain::FieldSource::kText, 1, std::nullopt};
    auto extracted = (*store)->SetExtractionResult(*claim, outcome, store::Actor{"seed"},
                                                   clock.Now());
    EXPECT_TRUE(extracted);
    ids.push_back(created->invoice.id.str());
  }
  TokenService tokens(**store, clock);
  auto token = tokens.Create("crash-test", store::Role::kAdmin);
  EXPECT_TRUE(token);
  return {ids, token ? *token : std::string()};
}

void UploadLoop(std::uint16_t port, const std::string& token, int thread, Acknowledged& acked) {
  testing::HttpClient client(port, token);
  for (int n = 0;; ++n) {
    const std::string bytes =
        "%PDF-1.4\n% upload " + std::to_string(thread) + "-" + std::to_string(n) + "\n%%EOF\n";
    const auto reply = client.Send(verb::post, "/v1/invoices", bytes, "application/pdf");
    if (!reply) return;  // the server is gone
    ASSERT_EQ(reply->status, 201) << reply->body;
    acked.Add(AckedUpload{json::parse(reply->body)["id"].get<std::string>(), Sha256Hex(bytes)});
  }
}

void PatchLoop(std::uint16_t port, const std::string& token, std::vector<std::string> ids,
               Acknowledged& acked) {
  testing::HttpClient client(port, token);
  std::map<std::string, std::int64_t> versions;
  for (const auto& id : ids) versions[id] = 2;  // after the seeded extraction
  for (int n = 0;; ++n) {
    const std::string& id = ids[static_cast<std::size_t>(n) % ids.size()];
    const std::string total = std::to_string(n + 2) + ".00";
    const json body = {{"review_version", versions[id]}, {"fields", {{"total", total}}}};
    const auto reply = client.Send(verb::patch, "/v1/invoices/" + id, body.dump());
    if (!reply) return;
    ASSERT_EQ(reply->status, 200) << reply->body;
    versions[id] = json::parse(reply->body)["review_version"].get<std::int64_t>();
    acked.Add(AckedPatch{id, versions[id], total});
  }
}

TEST(CrashSafetyTest, EveryAcknowledgedWriteSurvivesSigkill) {
  testing::TempDir dir;
  auto [ids, token] = Seed(dir.File("invoicer.db"), kPatchThreads * kInvoicesPerPatchThread);
  ASSERT_FALSE(token.empty());
  const std::vector<std::string> args{"--data", dir.path(), "--log-level", "warn", "serve",
                                      "--listen", "127.0.0.1:0", "--workers", "0"};

  Acknowledged acked;
  {
    testing::ServeProcess server;
    ASSERT_TRUE(server.Start(INVOICER_BINARY, args)) << server.output();
    std::vector<std::thread> clients;
    for (int t = 0; t < kUploadThreads; ++t) {
      clients.emplace_back(UploadLoop, server.port(), token, t, std::ref(acked));
    }
    for (int t = 0; t < kPatchThreads; ++t) {
      std::vector<std::string> mine(ids.begin() + t * kInvoicesPerPatchThread,
                                    ids.begin() + (t + 1) * kInvoicesPerPatchThread);
      clients.emplace_back(PatchLoop, server.port(), token, mine, std::ref(acked));
    }
    const bool enough = acked.WaitForCount(kAcknowledgedBeforeKill);
    server.Kill();  // SIGKILL while the clients are still sending
    for (auto& c : clients) c.join();
    ASSERT_TRUE(enough);
  }
  const auto uploads = acked.uploads();
  const auto patches = acked.patches();
  ASSERT_GT(uploads.size(), 0u);
  ASSERT_GT(patches.size(), 0u);

  testing::ServeProcess restarted;
  ASSERT_TRUE(restarted.Start(INVOICER_BINARY, args)) << restarted.output();
  testing::HttpClient client(restarted.port(), token);
  for (const AckedUpload& upload : uploads) {
    const auto reply = client.Send(verb::get, "/v1/invoices/" + upload.id);
    ASSERT_TRUE(reply);
    ASSERT_EQ(reply->status, 200) << "acknowledged upload lost: " << upload.id;
    EXPECT_EQ(json::parse(reply->body)["document"]["sha256"], upload.sha256);
  }
  std::map<std::string, json> histories;
  for (const auto& id : ids) {
    const auto reply = client.Send(verb::get, "/v1/invoices/" + id + "/history");
    ASSERT_TRUE(reply);
    ASSERT_EQ(reply->status, 200);
    histories[id] = json::parse(reply->body)["items"];
  }
  for (const AckedPatch& patch : patches) {
    const json& items = histories[patch.id];
    const auto entry = std::find_if(items.begin(), items.end(), [&](const json& e) {
      return e["action"] == "edited" && e["review_version"] == patch.version;
    });
    ASSERT_NE(entry, items.end()) << "acknowledged PATCH lost: " << patch.id << " v"
                                  << patch.version;
    EXPECT_EQ((*entry)["changes"]["total"][1], patch.total);
  }
  // The newest acknowledged value of each invoice is its value now, unless one more write
  // was applied whose answer the kill swallowed.
  std::map<std::string, AckedPatch> last;
  for (const AckedPatch& patch : patches) last.insert_or_assign(patch.id, patch);
  for (const auto& [id, patch] : last) {
    const auto reply = client.Send(verb::get, "/v1/invoices/" + id);
    ASSERT_TRUE(reply);
    const json record = json::parse(reply->body);
    const auto version = record["review_version"].get<std::int64_t>();
    EXPECT_TRUE(version == patch.version || version == patch.version + 1) << id;
    if (version == patch.version) {
      EXPECT_EQ(record["fields"]["total"]["value"], patch.total);
    }
  }
  EXPECT_EQ(restarted.Terminate(), 0);  // SIGTERM: graceful stop, exit code 0
}

}  // namespace
}  // namespace invoicer::app
