#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/metrics.h"
#include "common/result.h"
#include "common/time.h"
#include "domain/review.h"
#include "extract/extractor.h"
#include "store/invoice_store.h"

namespace invoicer::app {

// The authenticated caller of a use case (its token's name and role).
struct Caller {
  std::string name;
  store::Role role = store::Role::kReader;
};

struct ServiceOptions {
  std::chrono::milliseconds extraction_lease{std::chrono::minutes(5)};
  int max_attempts = 3;
  std::chrono::milliseconds review_lease{std::chrono::minutes(15)};
  double confidence_threshold = 0.9;
  bool straight_through = false;  // confident, valid extractions go to VALIDATED (actor system)
  std::int64_t max_upload_bytes = 25LL * 1024 * 1024;
  // How often a running extraction renews its claim; zero means a third of the lease.
  std::chrono::milliseconds lease_renew_interval{0};
  // How long one extraction may hold its claim. Past it the claim is no longer renewed and
  // lapses, so a document that makes a parser hang cannot keep its invoice in PROCESSING:
  // recovery counts the attempt, and the last one FAILs the invoice.
  std::chrono::milliseconds max_extraction_time{std::chrono::minutes(10)};
};

enum class ExportFormat { kCsv, kJson, kUbl };

struct ExportFile {
  std::string content_type;  // text/csv, application/json, application/zip
  std::string filename;      // e.g. invoices-20261128T161918Z.csv
  std::string bytes;
  std::vector<std::string> exported_ids;
};

// The use cases of invoicer, shared by the HTTP handlers, the background workers and the
// CLI. Owns no storage: borrows the store, extractor, clock and metrics, which must outlive
// it. Thread-safe (stateless apart from the borrowed, thread-safe collaborators).
// Role checks are the HTTP layer's; the caller's name is the audit trail's actor.
// Ids arrive as text: a malformed id is NOT_FOUND. Errors are those of API.md.
class InvoiceService {
 public:
  InvoiceService(store::InvoiceStore& store, extract::Extractor& extractor, const Clock& clock,
                 Metrics& metrics, ServiceOptions options);

  // Sniffs the type from the bytes (415 UNSUPPORTED_MEDIA_TYPE), checks the size (413),
  // hashes, stores. The same bytes again: the existing record, created = false.
  [[nodiscard]] Result<store::CreateOutcome> Upload(const Caller& caller, std::string bytes,
                                                    std::string_view filename);
  [[nodiscard]] Result<domain::Invoice> Get(std::string_view id);
  // The record for showing, its content not decoded (store::InvoiceStore::GetView).
  [[nodiscard]] Result<domain::InvoiceView> View(std::string_view id);
  [[nodiscard]] Result<store::StoredDocument> GetDocument(std::string_view id);
  [[nodiscard]] Result<store::ListPage> List(const store::ListQuery& query);
  [[nodiscard]] Result<std::vector<domain::HistoryEntry>> History(std::string_view id);

  // Claims (409 EXTRACTION_IN_PROGRESS / INVALID_TRANSITION), extracts synchronously,
  // stores the result. A failed extraction answers the FAILED record, not an error.
  [[nodiscard]] Result<domain::Invoice> ExtractNow(const Caller& caller, std::string_view id,
                                                   bool force);
  [[nodiscard]] Result<domain::Invoice> Patch(const Caller& caller, std::string_view id,
                                              const domain::ReviewPatch& patch,
                                              std::int64_t expected_version);
  // 422 VALIDATION_FAILED (details.issues) while a required field is missing or an
  // error-level issue stands.
  [[nodiscard]] Result<domain::Invoice> Validate(const Caller& caller, std::string_view id,
                                                 std::int64_t expected_version);
  [[nodiscard]] Result<domain::Invoice> Reject(const Caller& caller, std::string_view id,
                                               std::int64_t expected_version,
                                               std::string reason);
  [[nodiscard]] Result<domain::Invoice> Reopen(const Caller& caller, std::string_view id,
                                               std::int64_t expected_version);
  [[nodiscard]] Result<std::optional<domain::Invoice>> ReviewNext(const Caller& caller);
  [[nodiscard]] Result<ExportFile> Export(const Caller& caller, ExportFormat format,
                                          const std::optional<std::vector<std::string>>& ids);

  // For background workers: claims the oldest PENDING invoice and extracts it, renewing the
  // lease while the extractor works. False when there was nothing to claim.
  [[nodiscard]] Result<bool> ExtractNextPending(const store::Actor& worker);
  // Returns expired extraction claims to PENDING (or FAILED past max_attempts).
  [[nodiscard]] Result<int> RecoverExpiredClaims();

  [[nodiscard]] Status Ready();
  [[nodiscard]] Result<std::map<domain::ProcessingState, std::int64_t>> CountByState();

  const ServiceOptions& options() const { return options_; }

  // Called after an upload that created a new record (e.g. to wake the background
  // extraction workers). Set it before the service is shared between threads.
  void SetUploadListener(std::function<void()> listener) { upload_listener_ = std::move(listener); }

 private:
  [[nodiscard]] Result<domain::Invoice> RunExtraction(const store::Claim& claim,
                                                      const store::Actor& actor);
  [[nodiscard]] Result<domain::Invoice> ChangeState(const Caller& caller, std::string_view id,
                                                    domain::Action action,
                                                    std::int64_t expected_version,
                                                    std::optional<std::string> reason);

  store::InvoiceStore& store_;
  extract::Extractor& extractor_;
  const Clock& clock_;
  Metrics& metrics_;
  ServiceOptions options_;
  std::function<void()> upload_listener_;
};

}  // namespace invoicer::app
