#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "store/sqlite/sqlite_invoice_store.h"
#include "store/store_conformance.h"

namespace invoicer::store::testing {
namespace {

// A fresh directory under the test temp dir, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::string pattern = ::testing::TempDir() + "invoicer-store-XXXXXX";
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

SqliteOptions SmallOptions() {
  SqliteOptions options;
  options.read_connections = 2;
  return options;
}

class SqliteHarness final : public StoreHarness {
 public:
  Result<std::unique_ptr<InvoiceStore>> Open() override {
    return OpenSqliteStore(dir_.File("invoicer.db"), SmallOptions());
  }

 private:
  TempDir dir_;
};

INSTANTIATE_TEST_SUITE_P(Sqlite, StoreConformanceTest,
                         ::testing::Values(StoreFactory{
                             "Sqlite", [] { return std::make_unique<SqliteHarness>(); }}),
                         StoreConformanceTest::ParamName);

NewDocument Doc(const std::string& content) {
  return NewDocument{content, std::string(64, '0'), "application/pdf", "a.pdf", 1};
}

TEST(SqliteStoreTest, OpeningInAMissingDirectoryIsUnavailable) {
  auto store = OpenSqliteStore("/nonexistent-invoicer-dir/sub/invoicer.db");
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(store.error().api_code, "UNAVAILABLE");
}

TEST(SqliteStoreTest, DatabaseIsInWalModeAndRecordsItsSchemaVersion) {
  TempDir dir;
  const std::string path = dir.File("invoicer.db");
  {
    auto store = OpenSqliteStore(path);
    ASSERT_TRUE(store);
    auto version = (*store)->Migrate();
    ASSERT_TRUE(version);
    EXPECT_EQ(*version, 1);
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  auto text_of = [&](const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW) {
      out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    }
    sqlite3_finalize(stmt);
    return out;
  };
  EXPECT_EQ(text_of("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(text_of("SELECT group_concat(version) FROM schema_migrations"), "1");
  sqlite3_close(db);
}

TEST(SqliteStoreTest, StoreThatIsNotMigratedReportsAnInternalError) {
  TempDir dir;
  auto store = OpenSqliteStore(dir.File("invoicer.db"));
  ASSERT_TRUE(store);
  auto created = (*store)->CreateInvoice(Doc("x"), Actor{"t"}, SystemClock().Now());
  ASSERT_FALSE(created);
  EXPECT_EQ(created.error().code, ErrorCode::kInternal);
}

TEST(SqliteStoreTest, WriteBlockedByAnotherWriterPastTheBusyTimeoutIsUnavailable) {
  TempDir dir;
  const std::string path = dir.File("invoicer.db");
  SqliteOptions options = SmallOptions();
  options.busy_timeout = std::chrono::milliseconds(20);
  auto store = OpenSqliteStore(path, options);
  ASSERT_TRUE(store);
  ASSERT_TRUE((*store)->Migrate());
  auto created = (*store)->CreateInvoice(Doc("first"), Actor{"t"}, SystemClock().Now());
  ASSERT_TRUE(created);

  // Another "process" takes the write lock and keeps it.
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);

  auto blocked = (*store)->ClaimForExtraction(created->invoice.id, Actor{"w"},
                                              std::chrono::minutes(5), false, SystemClock().Now());
  ASSERT_FALSE(blocked);
  EXPECT_EQ(blocked.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(blocked.error().api_code, "UNAVAILABLE");
  // Readers do not wait for writers (WAL).
  auto read = (*store)->Get(created->invoice.id);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->state, domain::ProcessingState::kPending);
  EXPECT_EQ(read->extraction.attempts, 0);

  ASSERT_EQ(sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(other);
  auto claim = (*store)->ClaimForExtraction(created->invoice.id, Actor{"w"},
                                            std::chrono::minutes(5), false, SystemClock().Now());
  EXPECT_TRUE(claim) << claim.error().message;
}

// Several real processes open the same file and race to claim one invoice: SQLite's file
// lock, not anything inside one process, has to pick the single winner.
TEST(SqliteStoreProcessTest, ProcessesRacingToClaimOneInvoiceHaveExactlyOneWinner) {
  TempDir dir;
  const std::string path = dir.File("invoicer.db");
  InvoiceId id;
  {
    auto store = OpenSqliteStore(path);
    ASSERT_TRUE(store);
    ASSERT_TRUE((*store)->Migrate());
    auto created = (*store)->CreateInvoice(Doc("shared"), Actor{"t"}, SystemClock().Now());
    ASSERT_TRUE(created);
    id = created->invoice.id;
  }  // closed: no store threads exist when the children are forked

  constexpr int kProcesses = 6;
  int ready[2];
  int go[2];
  ASSERT_EQ(pipe(ready), 0);
  ASSERT_EQ(pipe(go), 0);
  std::vector<pid_t> children;
  for (int i = 0; i < kProcesses; ++i) {
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      close(ready[0]);
      close(go[1]);
      int code = 3;
      {
        auto store = OpenSqliteStore(path);
        if (store) {
          char byte = 'r';
          (void)!write(ready[1], &byte, 1);
          (void)!read(go[0], &byte, 1);  // returns at EOF, when the parent closes its end
          auto claim =
              (*store)->ClaimForExtraction(id, Actor{"proc-" + std::to_string(i)},
                                           std::chrono::minutes(5), false, SystemClock().Now());
          code = claim ? 0 : (claim.error().api_code == "EXTRACTION_IN_PROGRESS" ? 1 : 2);
        }
      }
      _exit(code);
    }
    children.push_back(pid);
  }
  close(ready[1]);
  close(go[0]);
  for (int i = 0; i < kProcesses; ++i) {
    char byte = 0;
    ASSERT_EQ(read(ready[0], &byte, 1), 1) << "a child could not open the store";
  }
  close(go[1]);  // start the race
  close(ready[0]);
  int winners = 0;
  int losers = 0;
  for (pid_t pid : children) {
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status));
    if (WEXITSTATUS(status) == 0) ++winners;
    if (WEXITSTATUS(status) == 1) ++losers;
  }
  EXPECT_EQ(winners, 1);
  EXPECT_EQ(losers, kProcesses - 1);

  auto store = OpenSqliteStore(path);
  ASSERT_TRUE(store);
  auto inv = (*store)->Get(id);
  ASSERT_TRUE(inv);
  EXPECT_EQ(inv->state, domain::ProcessingState::kProcessing);
  EXPECT_EQ(inv->extraction.attempts, 1);
  auto history = (*store)->History(id);
  ASSERT_TRUE(history);
  EXPECT_EQ(history->size(), 2u);
}

}  // namespace
}  // namespace invoicer::store::testing
