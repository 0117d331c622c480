#include "store/sqlite/sqlite_invoice_store.h"

#include "codec/record_json.h"
#include "store/migrations/sqlite_migrations.h"
#include "store/search_text.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/sqlite/sqlite_invoice_row.h"
#include "store/sqlite/sqlite_reader_pool.h"
#include "store/sqlite/sqlite_write_queue.h"

namespace invoicer::store {

using sqlite::Connection;

namespace {

Result<int> ApplyMigrations(Connection& c) {
  if (auto ok = c.ExecScript("CREATE TABLE IF NOT EXISTS schema_migrations ("
                             "version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)");
      !ok) {
    return std::move(ok).error();
  }
  auto current = c.Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  if (!current) return std::move(current).error();
  auto row = current->Step();
  if (!row) return std::move(row).error();
  int version = static_cast<int>(current->Int(0));
  const auto migrations = SqliteMigrations();
  if (version > migrations.back().version) {
    return errors::Internal("the database schema (version " + std::to_string(version) +
                            ") is newer than this program");
  }
  const std::int64_t now = ToUnixMillis(SystemClock().Now());
  for (const Migration& m : migrations) {
    if (m.version <= version) continue;
    if (auto ok = c.ExecScript(std::string(m.sql)); !ok) return std::move(ok).error();
    auto record = c.Prepare("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)");
    if (!record) return std::move(record).error();
    if (auto ok = record->Bind(std::int64_t{m.version}).Bind(now).Run(); !ok) {
      return std::move(ok).error();
    }
    version = m.version;
  }
  return version;
}

TokenRecord ReadToken(const sqlite::Statement& s) {
  TokenRecord t;
  t.name = s.Text(0);
  t.role = ParseRole(s.Text(1)).value_or(Role::kReader);
  t.token_hash = s.Text(2);
  t.created_at = FromUnixMillis(s.Int(3));
  if (auto revoked = s.OptInt(4)) t.revoked_at = FromUnixMillis(*revoked);
  return t;
}

// The WHERE clause and ordering of a list query; parameters bound in the same order.
std::string ListSql(const ListQuery& q) {
  std::string sql =
      "SELECT " + std::string(sqlite::InvoiceColumns()) + " FROM invoices WHERE 1 = 1";
  if (q.state) sql += " AND state = ?";
  if (q.needs_review) sql += " AND needs_review = ?";
  if (q.vendor) sql += " AND instr(vendor_fold, ?) > 0";
  if (q.text) sql += " AND (instr(search_fields, ?) > 0 OR instr(search_file, ?) > 0)";
  if (q.after) sql += " AND id < ?";
  sql += " ORDER BY id DESC LIMIT ?";
  return sql;
}

}  // namespace

Result<std::unique_ptr<InvoiceStore>> OpenSqliteStore(const std::string& path,
                                                      const SqliteOptions& options) {
  auto conn = Connection::Open(path, Connection::Mode::kWrite, options.busy_timeout);
  if (!conn) return std::move(conn).error();
  auto readers =
      sqlite::ReaderPool::Open(path, std::max(1, options.read_connections), options.busy_timeout);
  if (!readers) return std::move(readers).error();
  auto writer = std::make_unique<sqlite::WriteQueue>(std::move(*conn),
                                                     std::max<std::size_t>(1, options.max_batch));
  return std::unique_ptr<InvoiceStore>(
      std::make_unique<SqliteInvoiceStore>(std::move(writer), std::move(*readers)));
}

SqliteInvoiceStore::SqliteInvoiceStore(std::unique_ptr<sqlite::WriteQueue> writer,
                                       std::unique_ptr<sqlite::ReaderPool> readers)
    : writer_(std::move(writer)), readers_(std::move(readers)) {}

SqliteInvoiceStore::~SqliteInvoiceStore() = default;

Status SqliteInvoiceStore::RunWrite(const Operation& op) { return writer_->Run(op); }

Status SqliteInvoiceStore::RunRead(const Operation& op) {
  return readers_->With([&](Connection& c) { return op(c); });
}

Result<int> SqliteInvoiceStore::Migrate() {
  int version = 0;
  auto ok = RunWrite([&](Connection& c) -> Status {
    auto v = ApplyMigrations(c);
    if (!v) return std::move(v).error();
    version = *v;
    return {};
  });
  if (!ok) return std::move(ok).error();
  return version;
}

Status SqliteInvoiceStore::Ping() {
  return RunRead([](Connection& c) -> Status {
    auto stmt = c.Prepare("SELECT COUNT(*) FROM schema_migrations");
    if (!stmt) return std::move(stmt).error();
    return stmt->Run();
  });
}

Result<sqlite::InvoiceRow> SqliteInvoiceStore::ReadRow(const InvoiceId& id) {
  std::optional<sqlite::InvoiceRow> row;
  auto ok = RunRead([&](Connection& c) -> Status {
    auto stmt = c.Prepare("SELECT " + std::string(sqlite::InvoiceColumns()) +
                          " FROM invoices WHERE id = ?");
    if (!stmt) return std::move(stmt).error();
    stmt->Bind(id.str());
    auto found = stmt->Step();
    if (!found) return std::move(found).error();
    if (*found) row = sqlite::ReadInvoiceRow(*stmt);
    return {};
  });
  if (!ok) return std::move(ok).error();
  if (!row) return errors::NotFound();
  return std::move(*row);
}

Result<Invoice> SqliteInvoiceStore::Get(const InvoiceId& id) {
  auto row = ReadRow(id);
  if (!row) return std::move(row).error();
  return sqlite::DecodeInvoice(*row);
}

Result<domain::InvoiceView> SqliteInvoiceStore::GetView(const InvoiceId& id) {
  auto row = ReadRow(id);
  if (!row) return std::move(row).error();
  return sqlite::DecodeView(std::move(*row));
}

Result<StoredDocument> SqliteInvoiceStore::GetDocument(const InvoiceId& id) {
  std::optional<StoredDocument> doc;
  auto ok = RunRead([&](Connection& c) -> Status {
    auto stmt = c.Prepare(
        "SELECT i.media_type, i.filename, d.bytes FROM invoices i "
        "JOIN documents d ON d.sha256 = i.document_sha256 WHERE i.id = ?");
    if (!stmt) return std::move(stmt).error();
    stmt->Bind(id.str());
    auto found = stmt->Step();
    if (!found) return std::move(found).error();
    if (*found) doc = StoredDocument{stmt->Text(0), stmt->Text(1), stmt->Text(2)};
    return {};
  });
  if (!ok) return std::move(ok).error();
  if (!doc) return errors::NotFound();
  return std::move(*doc);
}

Result<ListPage> SqliteInvoiceStore::List(const ListQuery& query) {
  std::vector<sqlite::InvoiceRow> rows;
  const int limit = std::max(1, query.limit);
  auto ok = RunRead([&](Connection& c) -> Status {
    auto stmt = c.Prepare(ListSql(query));
    if (!stmt) return std::move(stmt).error();
    if (query.state) stmt->Bind(domain::ToString(*query.state));
    if (query.needs_review) stmt->Bind(std::int64_t{*query.needs_review ? 1 : 0});
    if (query.vendor) stmt->Bind(FoldCase(*query.vendor));
    if (query.text) stmt->Bind(FoldCase(*query.text)).Bind(FoldCase(*query.text));
    if (query.after) stmt->Bind(query.after->str());
    stmt->Bind(std::int64_t{limit} + 1);  // one more tells whether a next page exists
    while (true) {
      auto more = stmt->Step();
      if (!more) return std::move(more).error();
      if (!*more) return {};
      rows.push_back(sqlite::ReadInvoiceRow(*stmt));
    }
  });
  if (!ok) return std::move(ok).error();
  ListPage page;
  const bool has_more = rows.size() > static_cast<std::size_t>(limit);
  if (has_more) rows.resize(static_cast<std::size_t>(limit));
  page.items.reserve(rows.size());
  for (auto& row : rows) {
    auto view = sqlite::DecodeView(std::move(row));
    if (!view) return std::move(view).error();
    page.items.push_back(std::move(*view));
  }
  if (has_more) page.next = page.items.back().head.id;
  return page;
}

Result<std::vector<HistoryEntry>> SqliteInvoiceStore::History(const InvoiceId& id) {
  struct Raw {
    std::int64_t at;
    std::string actor, action;
    std::optional<std::string> from_state, to_state;
    std::int64_t review_version;
    std::string changes_json;
  };
  std::vector<Raw> raws;
  bool exists = false;
  auto ok = RunRead([&](Connection& c) -> Status {
    // One read transaction, so the existence check and the entries agree.
    if (auto begun = c.Exec("BEGIN"); !begun) return begun;
    auto body = [&]() -> Status {
      auto check = c.Prepare("SELECT 1 FROM invoices WHERE id = ?");
      if (!check) return std::move(check).error();
      auto found = check->Bind(id.str()).Step();
      if (!found) return std::move(found).error();
      exists = *found;
      auto stmt = c.Prepare(
          "SELECT at, actor, action, from_state, to_state, review_version, changes_json "
          "FROM history WHERE invoice_id = ? ORDER BY seq");
      if (!stmt) return std::move(stmt).error();
      stmt->Bind(id.str());
      while (true) {
        auto more = stmt->Step();
        if (!more) return std::move(more).error();
        if (!*more) return {};
        raws.push_back(Raw{stmt->Int(0), stmt->Text(1), stmt->Text(2), stmt->OptText(3),
                           stmt->OptText(4), stmt->Int(5), stmt->Text(6)});
      }
    };
    Status result = body();
    (void)c.Exec("COMMIT");  // a read-only transaction: ending it cannot lose anything
    return result;
  });
  if (!ok) return std::move(ok).error();
  if (!exists) return errors::NotFound();
  std::vector<HistoryEntry> entries;
  entries.reserve(raws.size());
  for (auto& r : raws) {
    HistoryEntry e;
    e.at = FromUnixMillis(r.at);
    e.actor = std::move(r.actor);
    e.action = std::move(r.action);
    if (r.from_state) e.from_state = domain::ParseState(*r.from_state);
    if (r.to_state) e.to_state = domain::ParseState(*r.to_state);
    e.review_version = r.review_version;
    auto changes = codec::ChangesFromJson(r.changes_json);
    if (!changes) return errors::Internal("a stored history entry is unreadable");
    e.changes = std::move(*changes);
    entries.push_back(std::move(e));
  }
  return entries;
}

Result<std::map<ProcessingState, std::int64_t>> SqliteInvoiceStore::CountByState() {
  std::map<ProcessingState, std::int64_t> counts;
  for (ProcessingState s : domain::kAllStates) counts[s] = 0;
  auto ok = RunRead([&](Connection& c) -> Status {
    auto stmt = c.Prepare("SELECT state, COUNT(*) FROM invoices GROUP BY state");
    if (!stmt) return std::move(stmt).error();
    while (true) {
      auto more = stmt->Step();
      if (!more) return std::move(more).error();
      if (!*more) return {};
      if (auto s = domain::ParseState(stmt->Text(0))) counts[*s] = stmt->Int(1);
    }
  });
  if (!ok) return std::move(ok).error();
  return counts;
}

Result<std::vector<std::string>> SqliteInvoiceStore::FindDuplicates(
    const InvoiceId& id, std::string_view vendor_name, std::string_view invoice_number) {
  std::vector<std::string> ids;
  const std::string vendor = FoldCase(vendor_name);
  const std::string number = FoldCase(invoice_number);
  if (vendor.empty() || number.empty()) return ids;
  auto ok = RunRead([&](Connection& c) -> Status {
    auto stmt = c.Prepare(
        "SELECT id FROM invoices WHERE number_fold = ? AND vendor_fold = ? AND id <> ? "
        "ORDER BY id");
    if (!stmt) return std::move(stmt).error();
    stmt->Bind(number).Bind(vendor).Bind(id.str());
    while (true) {
      auto more = stmt->Step();
      if (!more) return std::move(more).error();
      if (!*more) return {};
      ids.push_back(stmt->Text(0));
    }
  });
  if (!ok) return std::move(ok).error();
  return ids;
}

Status SqliteInvoiceStore::CreateToken(const TokenRecord& token) {
  return RunWrite([&](Connection& c) -> Status {
    auto stmt = c.Prepare(
        "INSERT INTO tokens (name, role, token_hash, created_at, revoked_at) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
    if (!stmt) return std::move(stmt).error();
    std::optional<std::int64_t> revoked;
    if (token.revoked_at) revoked = ToUnixMillis(*token.revoked_at);
    stmt->Bind(token.name)
        .Bind(ToString(token.role))
        .Bind(token.token_hash)
        .Bind(ToUnixMillis(token.created_at))
        .Bind(revoked);
    if (auto ok = stmt->Run(); !ok) return ok;
    if (c.Changes() == 0) {
      return Error{ErrorCode::kConflict, "CONFLICT", "a token with that name already exists", {}};
    }
    return {};
  });
}

Result<std::optional<TokenRecord>> SqliteInvoiceStore::FindActiveToken(
    std::string_view token_hash) {
  std::optional<TokenRecord> token;
  auto ok = RunRead([&](Connection& c) -> Status {
    auto stmt = c.Prepare(
        "SELECT name, role, token_hash, created_at, revoked_at FROM tokens "
        "WHERE token_hash = ? AND revoked_at IS NULL");
    if (!stmt) return std::move(stmt).error();
    auto found = stmt->Bind(token_hash).Step();
    if (!found) return std::move(found).error();
    if (*found) token = ReadToken(*stmt);
    return {};
  });
  if (!ok) return std::move(ok).error();
  return token;
}

Result<std::vector<TokenRecord>> SqliteInvoiceStore::ListTokens() {
  std::vector<TokenRecord> tokens;
  auto ok = RunRead([&](Connection& c) -> Status {
    auto stmt = c.Prepare(
        "SELECT name, role, token_hash, created_at, revoked_at FROM tokens "
        "ORDER BY created_at, name");
    if (!stmt) return std::move(stmt).error();
    while (true) {
      auto more = stmt->Step();
      if (!more) return std::move(more).error();
      if (!*more) return {};
      tokens.push_back(ReadToken(*stmt));
    }
  });
  if (!ok) return std::move(ok).error();
  return tokens;
}

Status SqliteInvoiceStore::RevokeToken(std::string_view name, Timestamp now) {
  return RunWrite([&](Connection& c) -> Status {
    // Revoking twice keeps the first time; only an unknown name is an error.
    auto stmt = c.Prepare("UPDATE tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE name = ?");
    if (!stmt) return std::move(stmt).error();
    if (auto ok = stmt->Bind(ToUnixMillis(now)).Bind(name).Run(); !ok) return ok;
    if (c.Changes() == 0) return errors::NotFound("no such token");
    return {};
  });
}

}  // namespace invoicer::store
