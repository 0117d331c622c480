// The SqliteInvoiceStore operations that change invoices. Each runs on the writer thread
// inside its own savepoint (sqlite_write_queue.h): one guarded UPDATE (or INSERT) whose
// RETURNING row is the new record, plus its history entry. When the guard matches no row,
// the current state and version are read in the same transaction to name the refusal;
// returning that error rolls the savepoint back, so a refused write changes nothing.
#include <algorithm>
#include <random>
#include <set>

#include "codec/record_json.h"
#include "store/search_text.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/sqlite/sqlite_invoice_row.h"
#include "store/sqlite/sqlite_invoice_store.h"

namespace invoicer::store {

using sqlite::Connection;
using sqlite::InvoiceRow;
using sqlite::Statement;

namespace {

using domain::Action;
using S = domain::ProcessingState;

std::string Quoted(S state) { return "'" + std::string(domain::ToString(state)) + "'"; }

// "'PENDING', 'FAILED'": the from-set of a rule, spelled from our own enum (no input).
std::string StateList(std::span<const S> states) {
  std::string out;
  for (S s : states) {
    if (!out.empty()) out += ", ";
    out += Quoted(s);
  }
  return out;
}

std::string Returning() { return " RETURNING " + std::string(sqlite::InvoiceColumns()); }

// A claim token: 128 random bits in hex. It proves ownership of a claim between the
// store's own callers; it is not a secret against an attacker.
std::string NewClaimToken() {
  thread_local std::mt19937_64 rng([] {
    std::random_device rd;
    std::seed_seq seq{rd(), rd(), rd(), rd()};
    return std::mt19937_64(seq);
  }());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string token;
  for (int word = 0; word < 2; ++word) {
    std::uint64_t bits = rng();
    for (int i = 0; i < 16; ++i, bits >>= 4) token.push_back(kHex[bits & 0xF]);
  }
  return token;
}

// Steps an UPDATE/INSERT ... RETURNING that matches at most one row, to its end.
Result<std::optional<InvoiceRow>> StepOne(Statement& stmt) {
  auto found = stmt.Step();
  if (!found) return std::move(found).error();
  if (!*found) return std::optional<InvoiceRow>();
  InvoiceRow row = sqlite::ReadInvoiceRow(stmt);
  if (auto done = stmt.Run(); !done) return std::move(done).error();
  return std::optional<InvoiceRow>(std::move(row));
}

Result<std::vector<InvoiceRow>> StepAll(Statement& stmt) {
  std::vector<InvoiceRow> rows;
  while (true) {
    auto more = stmt.Step();
    if (!more) return std::move(more).error();
    if (!*more) return rows;
    rows.push_back(sqlite::ReadInvoiceRow(stmt));
  }
}

struct Current {
  std::string state;
  std::int64_t review_version = 0;
};

// The invoice's state and version inside the writer's transaction (nullopt: no invoice).
Result<std::optional<Current>> ReadCurrent(Connection& c, const std::string& id) {
  auto stmt = c.Prepare("SELECT state, review_version FROM invoices WHERE id = ?");
  if (!stmt) return std::move(stmt).error();
  auto found = stmt->Bind(id).Step();
  if (!found) return std::move(found).error();
  if (!*found) return std::optional<Current>();
  return std::optional<Current>(Current{stmt->Text(0), stmt->Int(1)});
}

// Why a guarded review write (PATCH, validate, reject, reopen) matched no row. The state
// wins over the version (API.md).
Error ExplainReviewRefusal(Connection& c, const std::string& id, std::span<const S> from,
                           std::int64_t expected_version) {
  auto current = ReadCurrent(c, id);
  if (!current) return std::move(current).error();
  if (!*current) return errors::NotFound();
  const auto state = domain::ParseState((*current)->state);
  if (!state || std::find(from.begin(), from.end(), *state) == from.end()) {
    return errors::InvalidTransition((*current)->state);
  }
  if ((*current)->review_version != expected_version) {
    return errors::StaleWrite((*current)->review_version);
  }
  return errors::Internal("a guarded write matched no row for no known reason");
}

// Why a write under an extraction claim (renew, result, failure) matched no row.
Error ExplainLostClaim(Connection& c, const std::string& id) {
  auto current = ReadCurrent(c, id);
  if (!current) return std::move(current).error();
  if (!*current) return errors::NotFound();
  return errors::InvalidTransition((*current)->state, "the extraction claim is no longer held");
}

sqlite::HistoryRow Entry(const InvoiceRow& row, const Actor& actor, std::string action,
                         Timestamp now) {
  sqlite::HistoryRow h;
  h.invoice_id = row.id;
  h.at = ToUnixMillis(now);
  h.actor = actor.name;
  h.action = std::move(action);
  h.from_state = row.prev_state;
  h.to_state = row.state;
  h.review_version = row.review_version;
  return h;
}

// The fields and line items an extraction changed, for its history entry.
std::vector<domain::FieldChange> ExtractionChanges(const InvoiceRow& old_row,
                                                   const domain::ExtractionResult& result,
                                                   const std::string& new_items_json) {
  std::vector<domain::FieldChange> changes;
  auto old_fields = codec::FieldsFromJson(old_row.fields_json);
  const domain::FieldMap empty;
  const domain::FieldMap& before = old_fields ? *old_fields : empty;
  std::set<std::string, std::less<>> names;
  for (const auto& [name, v] : before) names.insert(name);
  for (const auto& [name, v] : result.fields) names.insert(name);
  for (const auto& name : names) {
    std::optional<std::string> was;
    std::optional<std::string> now;
    if (auto it = before.find(name); it != before.end()) was = it->second.value;
    if (auto it = result.fields.find(name); it != result.fields.end()) now = it->second.value;
    if (was != now) changes.push_back({name, was, now, false});
  }
  if (old_row.line_items_json != new_items_json) {
    changes.push_back({"line_items", old_row.line_items_json, new_items_json, true});
  }
  return changes;
}

Result<Invoice> Decode(const std::optional<InvoiceRow>& row) {
  if (!row) return errors::Internal("a write returned no record");
  return sqlite::DecodeInvoice(*row);
}

}  // namespace

Result<CreateOutcome> SqliteInvoiceStore::CreateInvoice(const NewDocument& doc, const Actor& actor,
                                                        Timestamp now) {
  const std::string id = InvoiceId::New(now).str();
  const std::int64_t at = ToUnixMillis(now);
  const std::string search_file = FoldCase(doc.filename);
  std::optional<InvoiceRow> row;
  bool created = false;
  auto ok = RunWrite([&](Connection& c) -> Status {
    // The unique keys decide, not a prior read: the same bytes stored concurrently (by
    // this process or another) end in one document and one invoice.
    auto put_doc = c.Prepare(
        "INSERT INTO documents (sha256, media_type, size_bytes, bytes, created_at) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING");
    if (!put_doc) return std::move(put_doc).error();
    put_doc->Bind(doc.sha256)
        .Bind(doc.media_type)
        .Bind(static_cast<std::int64_t>(doc.bytes.size()))
        .BindBlob(doc.bytes)
        .Bind(at);
    if (auto done = put_doc->Run(); !done) return done;
    auto put = c.Prepare(
        "INSERT INTO invoices (id, document_sha256, filename, media_type, size_bytes, pages, "
        "created_at, updated_at, state, review_version, needs_review, min_confidence_ppm, "
        "vendor_fold, number_fold, search_fields, search_file, fields_json, line_items_json, "
        "extra_fields_json, issues_json, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', "
        "1, 1, 0, '', '', '', ?, '{}', '[]', '{}', '[]', 0) "
        "ON CONFLICT (document_sha256) DO NOTHING" +
        Returning());
    if (!put) return std::move(put).error();
    std::optional<std::int64_t> pages;
    if (doc.pages) pages = *doc.pages;
    put->Bind(id)
        .Bind(doc.sha256)
        .Bind(doc.filename)
        .Bind(doc.media_type)
        .Bind(static_cast<std::int64_t>(doc.bytes.size()))
        .Bind(pages)
        .Bind(at)
        .Bind(at)
        .Bind(search_file);
    auto inserted = StepOne(*put);
    if (!inserted) return std::move(inserted).error();
    if (*inserted) {
      row = std::move(*inserted);
      created = true;
      return sqlite::AppendHistory(c, Entry(*row, actor, "created", now));
    }
    auto existing = c.Prepare("SELECT " + std::string(sqlite::InvoiceColumns()) +
                              " FROM invoices WHERE document_sha256 = ?");
    if (!existing) return std::move(existing).error();
    existing->Bind(doc.sha256);
    auto found = StepOne(*existing);
    if (!found) return std::move(found).error();
    row = std::move(*found);
    return {};
  });
  if (!ok) return std::move(ok).error();
  auto invoice = Decode(row);
  if (!invoice) return std::move(invoice).error();
  return CreateOutcome{std::move(*invoice), created};
}

Result<Claim> SqliteInvoiceStore::ClaimForExtraction(const InvoiceId& id, const Actor& worker,
                                                     std::chrono::milliseconds lease, bool force,
                                                     Timestamp now) {
  const auto& rule = domain::RuleFor(force ? Action::kForceClaim : Action::kClaim);
  const std::string sql =
      "UPDATE invoices SET prev_state = state, state = " + Quoted(rule.to) +
      ", claim_token = ?, claim_holder = ?, claim_expires_at = ?, attempts = attempts + 1, "
      "lease_holder = NULL, lease_expires_at = NULL, updated_at = ? "
      "WHERE id = ? AND state IN (" +
      StateList(rule.from) + ")" + Returning();
  Claim claim{id, NewClaimToken(), 0, now + lease};
  auto ok = RunWrite([&](Connection& c) -> Status {
    auto stmt = c.Prepare(sql);
    if (!stmt) return std::move(stmt).error();
    stmt->Bind(claim.token)
        .Bind(worker.name)
        .Bind(ToUnixMillis(claim.expires_at))
        .Bind(ToUnixMillis(now))
        .Bind(id.str());
    auto row = StepOne(*stmt);
    if (!row) return std::move(row).error();
    if (!*row) {
      auto current = ReadCurrent(c, id.str());
      if (!current) return std::move(current).error();
      if (!*current) return errors::NotFound();
      if ((*current)->state == domain::ToString(S::kProcessing)) {
        return errors::ExtractionInProgress();
      }
      return errors::InvalidTransition((*current)->state);
    }
    claim.attempt = static_cast<int>((*row)->attempts);
    return sqlite::AppendHistory(c, Entry(**row, worker, std::string(rule.history_action), now));
  });
  if (!ok) return std::move(ok).error();
  return claim;
}

Result<std::optional<Claim>> SqliteInvoiceStore::ClaimNextPending(const Actor& worker,
                                                                  std::chrono::milliseconds lease,
                                                                  Timestamp now) {
  const auto& rule = domain::RuleFor(Action::kClaim);
  const std::string sql =
      "UPDATE invoices SET prev_state = state, state = " + Quoted(rule.to) +
      ", claim_token = ?, claim_holder = ?, claim_expires_at = ?, attempts = attempts + 1, "
      "updated_at = ? WHERE id = (SELECT id FROM invoices WHERE state = " +
      Quoted(S::kPending) + " ORDER BY id LIMIT 1)" + Returning();
  const std::string token = NewClaimToken();
  const Timestamp expires_at = now + lease;
  std::optional<Claim> claim;
  auto ok = RunWrite([&](Connection& c) -> Status {
    auto stmt = c.Prepare(sql);
    if (!stmt) return std::move(stmt).error();
    stmt->Bind(token).Bind(worker.name).Bind(ToUnixMillis(expires_at)).Bind(ToUnixMillis(now));
    auto row = StepOne(*stmt);
    if (!row) return std::move(row).error();
    if (!*row) return {};
    auto id = InvoiceId::Parse((*row)->id);
    if (!id) return errors::Internal("a stored invoice has an unreadable id");
    claim = Claim{*id, token, static_cast<int>((*row)->attempts), expires_at};
    return sqlite::AppendHistory(c, Entry(**row, worker, std::string(rule.history_action), now));
  });
  if (!ok) return std::move(ok).error();
  return claim;
}

Status SqliteInvoiceStore::RenewClaim(const Claim& claim, std::chrono::milliseconds lease,
                                      Timestamp now) {
  return RunWrite([&](Connection& c) -> Status {
    auto stmt = c.Prepare(
        "UPDATE invoices SET claim_expires_at = ? WHERE id = ? AND state = 'PROCESSING' "
        "AND claim_token = ? AND claim_expires_at > ?");
    if (!stmt) return std::move(stmt).error();
    stmt->Bind(ToUnixMillis(now + lease))
        .Bind(claim.id.str())
        .Bind(claim.token)
        .Bind(ToUnixMillis(now));
    if (auto done = stmt->Run(); !done) return done;
    if (c.Changes() == 0) return ExplainLostClaim(c, claim.id.str());
    return {};
  });
}

Result<Invoice> SqliteInvoiceStore::SetExtractionResult(const Claim& claim,
                                                        const ExtractionOutcome& outcome,
                                                        const Actor& worker, Timestamp now) {
  const auto& rule = domain::RuleFor(Action::kFinish);
  const auto& result = outcome.result;
  const sqlite::ContentColumns content =
      sqlite::MakeContent(result.fields, result.line_items, outcome.issues, outcome.needs_review);
  // Kept canonical, so that reads embed it in records as it is.
  const std::string extra_fields = codec::CanonicalObjectJson(result.extra_fields_json);
  const std::string sql =
      "UPDATE invoices SET prev_state = state, state = " + Quoted(rule.to) +
      ", review_version = review_version + 1, " + std::string(sqlite::ContentAssignments()) +
      ", extra_fields_json = ?, extraction_method = ?, extraction_duration_ms = ?, "
      "extraction_error = NULL, pages = COALESCE(?, pages), claim_token = NULL, "
      "claim_holder = NULL, claim_expires_at = NULL, reject_reason = NULL, updated_at = ? "
      "WHERE id = ? AND state = 'PROCESSING' AND claim_token = ? AND claim_expires_at > ?" +
      Returning();
  std::optional<std::int64_t> pages;
  if (result.pages) pages = *result.pages;
  std::optional<InvoiceRow> row;
  auto ok = RunWrite([&](Connection& c) -> Status {
    // The values being replaced, for the history entry; read under the same guard in this
    // transaction, which holds the write lock, so the UPDATE below sees the same row.
    auto old = c.Prepare("SELECT " + std::string(sqlite::InvoiceColumns()) +
                         " FROM invoices WHERE id = ? AND state = 'PROCESSING' AND "
                         "claim_token = ? AND claim_expires_at > ?");
    if (!old) return std::move(old).error();
    old->Bind(claim.id.str()).Bind(claim.token).Bind(ToUnixMillis(now));
    auto old_row = StepOne(*old);
    if (!old_row) return std::move(old_row).error();
    if (!*old_row) return ExplainLostClaim(c, claim.id.str());
    auto stmt = c.Prepare(sql);
    if (!stmt) return std::move(stmt).error();
    sqlite::BindContent(*stmt, content);
    stmt->Bind(extra_fields)
        .Bind(result.method)
        .Bind(outcome.duration_ms)
        .Bind(pages)
        .Bind(ToUnixMillis(now))
        .Bind(claim.id.str())
        .Bind(claim.token)
        .Bind(ToUnixMillis(now));
    auto updated = StepOne(*stmt);
    if (!updated) return std::move(updated).error();
    if (!*updated) return ExplainLostClaim(c, claim.id.str());
    row = std::move(*updated);
    auto h = Entry(*row, worker, std::string(rule.history_action), now);
    h.changes_json =
        codec::ChangesToJson(ExtractionChanges(**old_row, result, content.line_items_json));
    return sqlite::AppendHistory(c, h);
  });
  if (!ok) return std::move(ok).error();
  return Decode(row);
}

Result<Invoice> SqliteInvoiceStore::FailExtraction(const Claim& claim, std::string_view error,
                                                   std::int64_t duration_ms, const Actor& worker,
                                                   Timestamp now) {
  const auto& rule = domain::RuleFor(Action::kFail);
  const std::string sql =
      "UPDATE invoices SET prev_state = state, state = " + Quoted(rule.to) +
      ", extraction_error = ?, extraction_duration_ms = ?, claim_token = NULL, "
      "claim_holder = NULL, claim_expires_at = NULL, updated_at = ? "
      "WHERE id = ? AND state = 'PROCESSING' AND claim_token = ? AND claim_expires_at > ?" +
      Returning();
  std::optional<InvoiceRow> row;
  auto ok = RunWrite([&](Connection& c) -> Status {
    auto stmt = c.Prepare(sql);
    if (!stmt) return std::move(stmt).error();
    stmt->Bind(error)
        .Bind(duration_ms)
        .Bind(ToUnixMillis(now))
        .Bind(claim.id.str())
        .Bind(claim.token)
        .Bind(ToUnixMillis(now));
    auto updated = StepOne(*stmt);
    if (!updated) return std::move(updated).error();
    if (!*updated) return ExplainLostClaim(c, claim.id.str());
    row = std::move(*updated);
    return sqlite::AppendHistory(c, Entry(*row, worker, std::string(rule.history_action), now));
  });
  if (!ok) return std::move(ok).error();
  return Decode(row);
}

Result<int> SqliteInvoiceStore::RecoverExpiredClaims(Timestamp now, int max_attempts) {
  const auto& rule = domain::RuleFor(Action::kExpireClaim);
  // ?1 max attempts, ?2 the error kept when giving up, ?3 now.
  const std::string sql =
      "UPDATE invoices SET prev_state = state, state = CASE WHEN attempts >= ?1 THEN " +
      Quoted(S::kFailed) + " ELSE " + Quoted(rule.to) +
      " END, extraction_error = CASE WHEN attempts >= ?1 THEN ?2 ELSE extraction_error END, "
      "claim_token = NULL, claim_holder = NULL, claim_expires_at = NULL, updated_at = ?3 "
      "WHERE state = 'PROCESSING' AND claim_expires_at <= ?3" +
      Returning();
  const std::string give_up = "the extraction lease expired " + std::to_string(max_attempts) +
                              " times; extraction abandoned";
  int recovered = 0;
  auto ok = RunWrite([&](Connection& c) -> Status {
    auto stmt = c.Prepare(sql);
    if (!stmt) return std::move(stmt).error();
    stmt->Bind(std::int64_t{max_attempts}).Bind(give_up).Bind(ToUnixMillis(now));
    auto rows = StepAll(*stmt);
    if (!rows) return std::move(rows).error();
    for (const InvoiceRow& row : *rows) {
      auto h = Entry(row, Actor{"system"}, std::string(rule.history_action), now);
      if (auto done = sqlite::AppendHistory(c, h); !done) return done;
    }
    recovered = static_cast<int>(rows->size());
    return {};
  });
  if (!ok) return std::move(ok).error();
  return recovered;
}

Result<Invoice> SqliteInvoiceStore::UpdateWithReviewVersion(const InvoiceId& id,
                                                            const ReviewUpdate& update,
                                                            std::int64_t expected_version,
                                                            const Actor& actor, Timestamp now) {
  static constexpr S kEditable[] = {S::kExtracted};
  const sqlite::ContentColumns content =
      sqlite::MakeContent(update.fields, update.line_items, update.issues, update.needs_review);
  const std::string changes = codec::ChangesToJson(update.changes);
  const std::string sql = "UPDATE invoices SET prev_state = state, " +
                          std::string(sqlite::ContentAssignments()) +
                          ", review_version = review_version + 1, updated_at = ? "
                          "WHERE id = ? AND state = 'EXTRACTED' AND review_version = ?" +
                          Returning();
  std::optional<InvoiceRow> row;
  auto ok = RunWrite([&](Connection& c) -> Status {
    auto stmt = c.Prepare(sql);
    if (!stmt) return std::move(stmt).error();
    sqlite::BindContent(*stmt, content);
    stmt->Bind(ToUnixMillis(now)).Bind(id.str()).Bind(expected_version);
    auto updated = StepOne(*stmt);
    if (!updated) return std::move(updated).error();
    if (!*updated) return ExplainReviewRefusal(c, id.str(), kEditable, expected_version);
    row = std::move(*updated);
    auto h = Entry(*row, actor, "edited", now);
    h.changes_json = changes;
    return sqlite::AppendHistory(c, h);
  });
  if (!ok) return std::move(ok).error();
  return Decode(row);
}

Result<Invoice> SqliteInvoiceStore::Transition(const InvoiceId& id,
                                               const TransitionRequest& request, const Actor& actor,
                                               Timestamp now) {
  if (request.action != Action::kValidate && request.action != Action::kReject &&
      request.action != Action::kReopen) {
    return errors::Internal("Transition handles validate, reject and reopen only");
  }
  const auto& rule = domain::RuleFor(request.action);
  const bool reject = request.action == Action::kReject;
  // Leaving EXTRACTED ends any review lease; a reason lives only while rejected.
  const std::string sql =
      "UPDATE invoices SET prev_state = state, state = " + Quoted(rule.to) +
      ", review_version = review_version + 1, lease_holder = NULL, lease_expires_at = NULL, "
      "reject_reason = ?, updated_at = ? WHERE id = ? AND state IN (" +
      StateList(rule.from) + ") AND review_version = ?" + Returning();
  std::optional<std::string> reason;
  if (reject) reason = request.reason;
  std::string changes = "{}";
  if (reason) changes = codec::ChangesToJson({{"reject_reason", std::nullopt, reason, false}});
  std::optional<InvoiceRow> row;
  auto ok = RunWrite([&](Connection& c) -> Status {
    auto stmt = c.Prepare(sql);
    if (!stmt) return std::move(stmt).error();
    stmt->Bind(reason).Bind(ToUnixMillis(now)).Bind(id.str()).Bind(request.expected_version);
    auto updated = StepOne(*stmt);
    if (!updated) return std::move(updated).error();
    if (!*updated) {
      return ExplainReviewRefusal(c, id.str(), rule.from, request.expected_version);
    }
    row = std::move(*updated);
    auto h = Entry(*row, actor, std::string(rule.history_action), now);
    h.changes_json = changes;
    return sqlite::AppendHistory(c, h);
  });
  if (!ok) return std::move(ok).error();
  return Decode(row);
}

Result<std::optional<Invoice>> SqliteInvoiceStore::LeaseNextForReview(
    const Actor& holder, std::chrono::milliseconds lease, Timestamp now) {
  const std::int64_t now_ms = ToUnixMillis(now);
  const std::int64_t until = ToUnixMillis(now + lease);
  std::optional<InvoiceRow> row;
  auto ok = RunWrite([&](Connection& c) -> Status {
    // The holder's own live lease first (renewed), so a reviewer gets the same invoice
    // again; otherwise the first free one in review order.
    auto own = c.Prepare(
        "UPDATE invoices SET lease_expires_at = ? WHERE id = (SELECT id FROM invoices "
        "WHERE state = 'EXTRACTED' AND lease_holder = ? AND lease_expires_at > ? "
        "ORDER BY id LIMIT 1)" +
        Returning());
    if (!own) return std::move(own).error();
    own->Bind(until).Bind(holder.name).Bind(now_ms);
    auto mine = StepOne(*own);
    if (!mine) return std::move(mine).error();
    if (*mine) {
      row = std::move(*mine);
      return {};
    }
    auto next = c.Prepare(
        "UPDATE invoices SET lease_holder = ?, lease_expires_at = ? WHERE id = (SELECT id "
        "FROM invoices WHERE state = 'EXTRACTED' AND (lease_holder IS NULL OR "
        "lease_expires_at <= ?) ORDER BY needs_review DESC, min_confidence_ppm, id LIMIT 1)" +
        Returning());
    if (!next) return std::move(next).error();
    next->Bind(holder.name).Bind(until).Bind(now_ms);
    auto free = StepOne(*next);
    if (!free) return std::move(free).error();
    row = std::move(*free);
    return {};
  });
  if (!ok) return std::move(ok).error();
  if (!row) return std::optional<Invoice>();
  auto invoice = sqlite::DecodeInvoice(*row);
  if (!invoice) return std::move(invoice).error();
  return std::optional<Invoice>(std::move(*invoice));
}

Result<std::vector<Invoice>> SqliteInvoiceStore::ExportValidated(
    const std::optional<std::vector<InvoiceId>>& ids, const Actor& actor, Timestamp now) {
  const auto& rule = domain::RuleFor(Action::kExport);
  const std::string set = "UPDATE invoices SET prev_state = state, state = " + Quoted(rule.to) +
                          ", review_version = review_version + 1, updated_at = ? WHERE state IN (" +
                          StateList(rule.from) + ")";
  std::vector<std::string> wanted;
  if (ids) {
    for (const auto& id : *ids) {
      if (std::find(wanted.begin(), wanted.end(), id.str()) == wanted.end()) {
        wanted.push_back(id.str());
      }
    }
  }
  std::vector<InvoiceRow> rows;
  auto ok = RunWrite([&](Connection& c) -> Status {
    rows.clear();
    if (!ids) {
      auto stmt = c.Prepare(set + Returning());
      if (!stmt) return std::move(stmt).error();
      stmt->Bind(ToUnixMillis(now));
      auto all = StepAll(*stmt);
      if (!all) return std::move(all).error();
      rows = std::move(*all);
      std::sort(rows.begin(), rows.end(),
                [](const InvoiceRow& a, const InvoiceRow& b) { return a.id < b.id; });
    } else {
      std::vector<std::string> refused;
      const std::string one_sql = set + " AND id = ?" + Returning();
      for (const auto& id : wanted) {
        // The cached statement is reset when this iteration's Statement goes away.
        auto stmt = c.Prepare(one_sql);
        if (!stmt) return std::move(stmt).error();
        stmt->Bind(ToUnixMillis(now)).Bind(id);
        auto one = StepOne(*stmt);
        if (!one) return std::move(one).error();
        if (*one) {
          rows.push_back(std::move(**one));
        } else {
          refused.push_back(id);
        }
      }
      if (!refused.empty()) {
        // Returning the error rolls back the savepoint: none of the named ones moves.
        return Error{ErrorCode::kConflict,
                     "INVALID_TRANSITION",
                     "not every named invoice is VALIDATED; nothing was exported",
                     {{"ids", refused}}};
      }
    }
    for (const InvoiceRow& row : rows) {
      auto done =
          sqlite::AppendHistory(c, Entry(row, actor, std::string(rule.history_action), now));
      if (!done) return done;
    }
    return {};
  });
  if (!ok) return std::move(ok).error();
  std::vector<Invoice> exported;
  exported.reserve(rows.size());
  for (const auto& row : rows) {
    auto invoice = sqlite::DecodeInvoice(row);
    if (!invoice) return std::move(invoice).error();
    exported.push_back(std::move(*invoice));
  }
  return exported;
}

}  // namespace invoicer::store
