#include "api_fixture.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>

#include "codec/record_json.h"
#include "store/sqlite/sqlite_invoice_store.h"

namespace invoicer::testing {

namespace {

std::filesystem::path MakeTempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "invoicer-http-XXXXXX").string();
  const char* made = ::mkdtemp(pattern.data());
  EXPECT_NE(made, nullptr);
  return std::filesystem::path(pattern);
}

const app::Caller kSetup{"setup", store::Role::kAdmin};

}  // namespace

std::string PdfBytes(std::string_view marker) {
  return "%PDF-1.4\n% invoicer http test " + std::string(marker) + "\n%%EOF\n";
}

ApiServer::ApiServer(http::ServerOptions options, app::ServiceOptions service_options)
    : dir_(MakeTempDir()) {
  auto store = store::OpenSqliteStore((dir_ / "invoicer.db").string());
  if (!store) {
    ADD_FAILURE() << "OpenSqliteStore: " << store.error().message;
    std::abort();
  }
  store_ = std::move(*store);
  if (auto migrated = store_->Migrate(); !migrated) {
    ADD_FAILURE() << "Migrate: " << migrated.error().message;
    std::abort();
  }
  switchable_ = std::make_unique<SwitchableStore>(*store_);
  service_ = std::make_unique<app::InvoiceService>(*switchable_, extractor_, clock_, metrics_,
                                                   service_options);
  tokens_ = std::make_unique<app::TokenService>(*switchable_, clock_);
  const store::Role roles[] = {store::Role::kAdmin, store::Role::kReviewer, store::Role::kIngest,
                               store::Role::kReader};
  for (const auto role : roles) {
    auto token = tokens_->Create(std::string(store::ToString(role)) + "-token", role);
    if (!token) {
      ADD_FAILURE() << "token create: " << token.error().message;
      std::abort();
    }
    tokens_by_role_[static_cast<int>(role)] = *token;
  }
  options.host = "127.0.0.1";
  options.port = 0;
  server_ = std::make_unique<http::Server>(*service_, *tokens_, metrics_, options);
  auto port = server_->Start();
  if (!port) {
    ADD_FAILURE() << "Start: " << port.error().message;
    std::abort();
  }
  port_ = *port;
}

ApiServer::~ApiServer() {
  server_->Stop();
  server_.reset();
  tokens_.reset();
  service_.reset();
  switchable_.reset();
  store_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

const std::string& ApiServer::token(store::Role role) const {
  return tokens_by_role_[static_cast<int>(role)];
}

std::string ApiServer::UploadPending(std::string_view marker) {
  const std::string bytes = PdfBytes(std::to_string(++uploads_) + " " + std::string(marker));
  auto outcome = service_->Upload(kSetup, bytes, "setup.pdf");
  EXPECT_TRUE(outcome) << outcome.error().message;
  return outcome->invoice.id.str();
}

std::string ApiServer::UploadExtracted(std::string_view marker) {
  const std::string id = UploadPending(marker);
  auto extracted = service_->ExtractNow(kSetup, id, false);
  EXPECT_TRUE(extracted) << extracted.error().message;
  EXPECT_EQ(extracted->state, domain::ProcessingState::kExtracted);
  return id;
}

std::string ApiServer::UploadValidated() {
  const std::string id = UploadExtracted();
  auto current = service_->Get(id);
  EXPECT_TRUE(current);
  auto validated = service_->Validate(kSetup, id, current->review_version);
  EXPECT_TRUE(validated) << validated.error().message;
  return id;
}

ApiServer::Snapshot ApiServer::Take(const std::string& id) {
  auto invoice = service_->Get(id);
  auto history = service_->History(id);
  EXPECT_TRUE(invoice && history);
  return Snapshot{invoice->state, invoice->review_version, history->size(),
                  codec::FieldsToJson(invoice->fields)};
}

}  // namespace invoicer::testing
