#include "store/migrations/sqlite_migrations.h"

namespace invoicer::store {

namespace {

// Portable types only (TEXT, INTEGER, BLOB; times as unix milliseconds, confidence as
// integer parts per million) so that the PostgreSQL schema is the same tables with
// BIGINT/BYTEA. Ids are UUIDv7 text and sort by creation time.
constexpr std::string_view kV1 = R"sql(
CREATE TABLE documents (
  sha256      TEXT PRIMARY KEY,
  media_type  TEXT NOT NULL,
  size_bytes  INTEGER NOT NULL,
  bytes       BLOB NOT NULL,
  created_at  INTEGER NOT NULL
);

CREATE TABLE invoices (
  id                     TEXT PRIMARY KEY,
  document_sha256        TEXT NOT NULL UNIQUE REFERENCES documents (sha256),
  filename               TEXT NOT NULL,
  media_type             TEXT NOT NULL,
  size_bytes             INTEGER NOT NULL,
  pages                  INTEGER,
  created_at             INTEGER NOT NULL,
  updated_at             INTEGER NOT NULL,
  state                  TEXT NOT NULL CHECK (state IN ('PENDING', 'PROCESSING', 'EXTRACTED',
                           'VALIDATED', 'EXPORTED', 'FAILED', 'REJECTED')),
  prev_state             TEXT,
  review_version         INTEGER NOT NULL,
  needs_review           INTEGER NOT NULL,
  min_confidence_ppm     INTEGER NOT NULL,
  vendor_name            TEXT,
  invoice_number         TEXT,
  vendor_fold            TEXT NOT NULL,
  number_fold            TEXT NOT NULL,
  search_fields          TEXT NOT NULL,
  search_file            TEXT NOT NULL,
  fields_json            TEXT NOT NULL,
  line_items_json        TEXT NOT NULL,
  extra_fields_json      TEXT NOT NULL,
  issues_json            TEXT NOT NULL,
  extraction_method      TEXT,
  attempts               INTEGER NOT NULL,
  extraction_duration_ms INTEGER,
  extraction_error       TEXT,
  claim_token            TEXT,
  claim_holder           TEXT,
  claim_expires_at       INTEGER,
  lease_holder           TEXT,
  lease_expires_at       INTEGER,
  reject_reason          TEXT
);
CREATE INDEX invoices_by_state ON invoices (state, id);
CREATE INDEX invoices_review_queue ON invoices (state, needs_review DESC, min_confidence_ppm, id);
CREATE INDEX invoices_claim_expiry ON invoices (state, claim_expires_at);
CREATE INDEX invoices_lease_holder ON invoices (lease_holder);
CREATE INDEX invoices_duplicates ON invoices (number_fold, vendor_fold);

CREATE TABLE history (
  seq             INTEGER PRIMARY KEY,
  invoice_id      TEXT NOT NULL REFERENCES invoices (id),
  at              INTEGER NOT NULL,
  actor           TEXT NOT NULL,
  action          TEXT NOT NULL,
  from_state      TEXT,
  to_state        TEXT,
  review_version  INTEGER NOT NULL,
  changes_json    TEXT NOT NULL
);
CREATE INDEX history_by_invoice ON history (invoice_id, seq);

CREATE TABLE tokens (
  name        TEXT PRIMARY KEY,
  role        TEXT NOT NULL,
  token_hash  TEXT NOT NULL UNIQUE,
  created_at  INTEGER NOT NULL,
  revoked_at  INTEGER
);
)sql";

constexpr Migration kMigrations[] = {{1, kV1}};

}  // namespace

std::span<const Migration> SqliteMigrations() { return kMigrations; }

}  // namespace invoicer::store
