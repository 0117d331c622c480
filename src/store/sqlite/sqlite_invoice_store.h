#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "common/result.h"
#include "store/invoice_store.h"

namespace invoicer::store {

namespace sqlite {
class Connection;
class ReaderPool;
class WriteQueue;
struct InvoiceRow;
}  // namespace sqlite

struct SqliteOptions {
  // How long a write waits for another process's transaction before UNAVAILABLE.
  std::chrono::milliseconds busy_timeout{5000};
  int read_connections = 4;
  // Most write operations committed together by one COMMIT (one fsync).
  std::size_t max_batch = 256;
};

// Opens (creating it if needed) the SQLite database at `path`: one writer connection owned
// by the group-commit thread and `read_connections` readers. Does not migrate: call
// Migrate() before use. Errors: kUnavailable when the file cannot be opened or set up.
[[nodiscard]] Result<std::unique_ptr<InvoiceStore>> OpenSqliteStore(
    const std::string& path, const SqliteOptions& options = {});

// The embedded InvoiceStore on one SQLite file (WAL, synchronous=FULL, foreign keys on).
//
// Writes go through a WriteQueue: one thread runs every write operation, batching
// concurrent ones into one transaction with one COMMIT (group commit); each operation is
// one guarded statement or a few statements inside its own SAVEPOINT, so a refused write
// changes nothing, and its history entry is written in that same transaction. Callers
// return only after the COMMIT. Reads use a pool of read-only connections and never wait
// for the writer. Several processes may share one file: SQLite's write lock (BEGIN
// IMMEDIATE, busy timeout) serialises their batches.
//
// review_version is 1 at creation and grows by 1 with an extraction result, a PATCH,
// validate, reject, reopen and export; claims, renewals, failures, claim expiry and
// review leases do not change it.
//
// Thread-safe. Errors as InvoiceStore; SQLITE_BUSY and I/O errors are kUnavailable.
class SqliteInvoiceStore final : public InvoiceStore {
 public:
  SqliteInvoiceStore(std::unique_ptr<sqlite::WriteQueue> writer,
                     std::unique_ptr<sqlite::ReaderPool> readers);
  ~SqliteInvoiceStore() override;

  Result<int> Migrate() override;
  Status Ping() override;

  Result<CreateOutcome> CreateInvoice(const NewDocument& doc, const Actor& actor,
                                      Timestamp now) override;
  Result<Invoice> Get(const InvoiceId& id) override;
  Result<domain::InvoiceView> GetView(const InvoiceId& id) override;
  Result<StoredDocument> GetDocument(const InvoiceId& id) override;
  Result<ListPage> List(const ListQuery& query) override;
  Result<std::vector<HistoryEntry>> History(const InvoiceId& id) override;
  Result<std::map<ProcessingState, std::int64_t>> CountByState() override;
  Result<std::vector<std::string>> FindDuplicates(const InvoiceId& id, std::string_view vendor_name,
                                                  std::string_view invoice_number) override;

  Result<Claim> ClaimForExtraction(const InvoiceId& id, const Actor& worker,
                                   std::chrono::milliseconds lease, bool force,
                                   Timestamp now) override;
  Result<std::optional<Claim>> ClaimNextPending(const Actor& worker,
                                                std::chrono::milliseconds lease,
                                                Timestamp now) override;
  Status RenewClaim(const Claim& claim, std::chrono::milliseconds lease, Timestamp now) override;
  Result<Invoice> SetExtractionResult(const Claim& claim, const ExtractionOutcome& outcome,
                                      const Actor& worker, Timestamp now) override;
  Result<Invoice> FailExtraction(const Claim& claim, std::string_view error,
                                 std::int64_t duration_ms, const Actor& worker,
                                 Timestamp now) override;
  Result<int> RecoverExpiredClaims(Timestamp now, int max_attempts) override;

  Result<Invoice> UpdateWithReviewVersion(const InvoiceId& id, const ReviewUpdate& update,
                                          std::int64_t expected_version, const Actor& actor,
                                          Timestamp now) override;
  Result<Invoice> Transition(const InvoiceId& id, const TransitionRequest& request,
                             const Actor& actor, Timestamp now) override;
  Result<std::optional<Invoice>> LeaseNextForReview(const Actor& holder,
                                                    std::chrono::milliseconds lease,
                                                    Timestamp now) override;
  Result<std::vector<Invoice>> ExportValidated(const std::optional<std::vector<InvoiceId>>& ids,
                                               const Actor& actor, Timestamp now) override;

  Status CreateToken(const TokenRecord& token) override;
  Result<std::optional<TokenRecord>> FindActiveToken(std::string_view token_hash) override;
  Result<std::vector<TokenRecord>> ListTokens() override;
  Status RevokeToken(std::string_view name, Timestamp now) override;

 private:
  using Operation = std::function<Status(sqlite::Connection&)>;
  // Runs `op` on the writer thread inside its own savepoint; returns after the commit.
  [[nodiscard]] Status RunWrite(const Operation& op);
  // Runs `op` on a borrowed read connection.
  [[nodiscard]] Status RunRead(const Operation& op);
  // One invoice's row, read on a read connection; NOT_FOUND when there is none.
  [[nodiscard]] Result<sqlite::InvoiceRow> ReadRow(const InvoiceId& id);

  std::unique_ptr<sqlite::WriteQueue> writer_;
  std::unique_ptr<sqlite::ReaderPool> readers_;
};

}  // namespace invoicer::store
