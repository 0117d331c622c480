#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/ids.h"
#include "common/result.h"
#include "common/time.h"
#include "domain/invoice.h"
#include "domain/review.h"
#include "domain/state_machine.h"

namespace invoicer::store {

using domain::Invoice;
using domain::ProcessingState;

// A document as uploaded.
struct NewDocument {
  std::string bytes;
  std::string sha256;  // lower-case hex of bytes
  std::string media_type;
  std::string filename;
  std::optional<int> pages;
};

struct CreateOutcome {
  Invoice invoice;
  bool created = false;  // false: the same bytes were stored before; `invoice` is that record
};

struct StoredDocument {
  std::string media_type;
  std::string filename;
  std::string bytes;
};

// List filters (API.md GET /v1/invoices). `after` is the cursor: the id of the last item of
// the previous page (ids sort by creation time; the list is newest first).
struct ListQuery {
  std::optional<ProcessingState> state;
  std::optional<bool> needs_review;
  std::optional<std::string> vendor;  // case-insensitive substring of vendor_name
  std::optional<std::string> text;    // `q`: substring of vendor, number, filename, field values
  int limit = 50;                     // 1..200, checked by the caller
  std::optional<InvoiceId> after;
};

struct ListPage {
  std::vector<domain::InvoiceView> items;
  std::optional<InvoiceId> next;  // set when more items follow
};

// A won extraction claim: the token proves ownership to RenewClaim / SetExtractionResult /
// FailExtraction.
struct Claim {
  InvoiceId id;
  std::string token;
  int attempt = 0;  // 1 for the first claim
  Timestamp expires_at;
};

// The outcome of an extraction, with its validation already computed by the caller.
struct ExtractionOutcome {
  domain::ExtractionResult result;
  std::vector<domain::ValidationIssue> issues;
  bool needs_review = true;
  std::int64_t duration_ms = 0;
};

// The new reviewed content of a record (computed from the record at `expected_version`).
struct ReviewUpdate {
  domain::FieldMap fields;
  std::vector<domain::LineItem> line_items;
  std::vector<domain::ValidationIssue> issues;
  bool needs_review = true;
  std::vector<domain::FieldChange> changes;  // for the history entry
};

// Who does what, for the audit trail.
struct Actor {
  std::string name;  // token name, "system", or a worker id
};

struct TransitionRequest {
  domain::Action action;           // one of kValidate, kReject, kReopen
  std::int64_t expected_version;   // guarded together with the state
  std::optional<std::string> reason;  // kept with a rejection
};

using domain::HistoryEntry;

enum class Role { kAdmin, kReviewer, kIngest, kReader };
std::string_view ToString(Role r);  // "admin", ...
std::optional<Role> ParseRole(std::string_view text);

struct TokenRecord {
  std::string name;
  Role role = Role::kReader;
  std::string token_hash;  // lower-case hex SHA-256 of the token
  Timestamp created_at;
  std::optional<Timestamp> revoked_at;
};

// The persistent store of invoices, documents, history and API tokens.
//
// Every state change is ONE guarded write (a single UPDATE ... WHERE id = ? AND state IN
// (...) [AND review_version = ?], or one transaction) together with its history entry;
// never read-then-write. Implementations: SqliteInvoiceStore (embedded default) and, later,
// PostgresInvoiceStore; both pass tests/store/store_conformance.h.
//
// review_version is 1 at creation and grows by exactly 1 with an extraction result, a
// PATCH, validate, reject, reopen and export; claims, renewals, extraction failures, claim
// expiry and review leases leave it alone. A refused write changes nothing: no version
// bump, no history entry.
//
// Thread-safe: one instance is shared by all HTTP threads and extraction workers.
// Errors: kNotFound (no such invoice), kConflict with api_code STALE_WRITE /
// INVALID_TRANSITION / EXTRACTION_IN_PROGRESS and their details, kUnavailable (database
// busy or unreachable), kInternal.
class InvoiceStore {
 public:
  virtual ~InvoiceStore() = default;

  // Brings the schema to the newest version (idempotent). Returns the version.
  [[nodiscard]] virtual Result<int> Migrate() = 0;
  // Cheap reachability check for /readyz.
  [[nodiscard]] virtual Status Ping() = 0;

  // Stores the document and a new PENDING record with review_version 1 and a "created"
  // history entry; the same bytes again return the existing record with created = false.
  [[nodiscard]] virtual Result<CreateOutcome> CreateInvoice(const NewDocument& doc,
                                                            const Actor& actor,
                                                            Timestamp now) = 0;
  [[nodiscard]] virtual Result<Invoice> Get(const InvoiceId& id) = 0;
  // The same record for showing: its content is not decoded (domain::InvoiceView).
  [[nodiscard]] virtual Result<domain::InvoiceView> GetView(const InvoiceId& id) = 0;
  [[nodiscard]] virtual Result<StoredDocument> GetDocument(const InvoiceId& id) = 0;
  [[nodiscard]] virtual Result<ListPage> List(const ListQuery& query) = 0;
  [[nodiscard]] virtual Result<std::vector<HistoryEntry>> History(const InvoiceId& id) = 0;
  [[nodiscard]] virtual Result<std::map<ProcessingState, std::int64_t>> CountByState() = 0;
  // Ids of other invoices with the same vendor name and invoice number (case-insensitive).
  [[nodiscard]] virtual Result<std::vector<std::string>> FindDuplicates(
      const InvoiceId& id, std::string_view vendor_name, std::string_view invoice_number) = 0;

  // PENDING/FAILED (and EXTRACTED when `force`) -> PROCESSING with a fresh claim token and
  // a lease until now + lease; counts an attempt. Losers get EXTRACTION_IN_PROGRESS when
  // another claim is live, else INVALID_TRANSITION with the current state.
  [[nodiscard]] virtual Result<Claim> ClaimForExtraction(const InvoiceId& id, const Actor& worker,
                                                         std::chrono::milliseconds lease,
                                                         bool force, Timestamp now) = 0;
  // Claims the oldest PENDING invoice, if any (SKIP LOCKED on PostgreSQL).
  [[nodiscard]] virtual Result<std::optional<Claim>> ClaimNextPending(
      const Actor& worker, std::chrono::milliseconds lease, Timestamp now) = 0;
  // Extends a live claim; kConflict when the claim was lost (expired and recovered).
  [[nodiscard]] virtual Status RenewClaim(const Claim& claim, std::chrono::milliseconds lease,
                                          Timestamp now) = 0;
  // PROCESSING under this claim -> EXTRACTED with the result; bumps review_version.
  // A claim that is no longer held: kConflict, nothing written.
  [[nodiscard]] virtual Result<Invoice> SetExtractionResult(const Claim& claim,
                                                            const ExtractionOutcome& outcome,
                                                            const Actor& worker,
                                                            Timestamp now) = 0;
  // PROCESSING under this claim -> FAILED with the error kept.
  [[nodiscard]] virtual Result<Invoice> FailExtraction(const Claim& claim, std::string_view error,
                                                       std::int64_t duration_ms,
                                                       const Actor& worker, Timestamp now) = 0;
  // PROCESSING with an expired lease -> PENDING, or FAILED once `max_attempts` claims were
  // made. Returns how many were recovered.
  [[nodiscard]] virtual Result<int> RecoverExpiredClaims(Timestamp now, int max_attempts) = 0;

  // Reviewer correction: one guarded UPDATE (state EXTRACTED and review_version ==
  // expected) that writes the content and increments review_version. State wins over
  // version: INVALID_TRANSITION when not EXTRACTED, else STALE_WRITE when the version
  // differs. Never touches system fields.
  [[nodiscard]] virtual Result<Invoice> UpdateWithReviewVersion(const InvoiceId& id,
                                                                const ReviewUpdate& update,
                                                                std::int64_t expected_version,
                                                                const Actor& actor,
                                                                Timestamp now) = 0;
  // validate / reject / reopen: one guarded UPDATE on state and version; bumps the version.
  // State wins over version as above.
  [[nodiscard]] virtual Result<Invoice> Transition(const InvoiceId& id,
                                                   const TransitionRequest& request,
                                                   const Actor& actor, Timestamp now) = 0;
  // Hands `holder` the next EXTRACTED invoice (needs_review first, then lowest confidence,
  // then oldest) whose review lease is free, expired or already theirs, and leases it.
  [[nodiscard]] virtual Result<std::optional<Invoice>> LeaseNextForReview(
      const Actor& holder, std::chrono::milliseconds lease, Timestamp now) = 0;
  // Moves VALIDATED invoices to EXPORTED in one transaction and returns them as exported
  // (version bumped). With `ids`, all named must be VALIDATED, else INVALID_TRANSITION
  // with details "ids" listing the others and nothing changes. Without, every VALIDATED one.
  [[nodiscard]] virtual Result<std::vector<Invoice>> ExportValidated(
      const std::optional<std::vector<InvoiceId>>& ids, const Actor& actor, Timestamp now) = 0;

  // API tokens (stored as hashes only).
  [[nodiscard]] virtual Status CreateToken(const TokenRecord& token) = 0;  // kConflict on a taken name
  [[nodiscard]] virtual Result<std::optional<TokenRecord>> FindActiveToken(
      std::string_view token_hash) = 0;
  [[nodiscard]] virtual Result<std::vector<TokenRecord>> ListTokens() = 0;
  [[nodiscard]] virtual Status RevokeToken(std::string_view name, Timestamp now) = 0;  // kNotFound
};

}  // namespace invoicer::store
