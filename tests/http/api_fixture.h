#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "app/invoice_service.h"
#include "app/token_service.h"
#include "common/metrics.h"
#include "fakes/fake_clock.h"
#include "fakes/test_extractor.h"
#include "http/server.h"
#include "store/invoice_store.h"
#include "switchable_store.h"
#include "test_client.h"

namespace invoicer::testing {

// A real server on 127.0.0.1 (ephemeral port) over the real SQLite store in a fresh temp
// directory, the real InvoiceService with the TestExtractor and a FakeClock, and one
// token per role. Setup helpers call the service directly; tests speak HTTP.
class ApiServer {
 public:
  explicit ApiServer(http::ServerOptions options = {}, app::ServiceOptions service_options = {});
  ~ApiServer();
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  std::uint16_t port() const { return port_; }
  HttpClient client() const { return HttpClient(port_); }
  const std::string& token(store::Role role) const;
  TestExtractor& extractor() { return extractor_; }
  FakeClock& clock() { return clock_; }
  app::InvoiceService& service() { return *service_; }
  app::TokenService& tokens() { return *tokens_; }
  http::Server& server() { return *server_; }
  // While down, every store call fails with UNAVAILABLE.
  void SetStoreDown(bool down) { switchable_->SetDown(down); }

  // A new PENDING invoice with unique PDF bytes; returns its id.
  std::string UploadPending(std::string_view marker = "");
  // A new EXTRACTED invoice (confident and valid); returns its id.
  std::string UploadExtracted(std::string_view marker = "");
  // A new VALIDATED invoice; returns its id.
  std::string UploadValidated();

  // What a rejected request must leave alone.
  struct Snapshot {
    domain::ProcessingState state;
    std::int64_t review_version;
    std::size_t history_entries;
    std::string fields_json;
    friend bool operator==(const Snapshot&, const Snapshot&) = default;
  };
  Snapshot Take(const std::string& id);

 private:
  std::filesystem::path dir_;
  FakeClock clock_;
  TestExtractor extractor_;
  Metrics metrics_;
  std::unique_ptr<store::InvoiceStore> store_;
  std::unique_ptr<SwitchableStore> switchable_;
  std::unique_ptr<app::InvoiceService> service_;
  std::unique_ptr<app::TokenService> tokens_;
  std::unique_ptr<http::Server> server_;
  std::string tokens_by_role_[4];
  std::uint16_t port_ = 0;
  int uploads_ = 0;
};

// A minimal PDF-looking document (the TestExtractor only needs the bytes).
std::string PdfBytes(std::string_view marker);

}  // namespace invoicer::testing
