#include "app/bootstrap.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "fakes/fake_clock.h"
#include "store/sqlite/sqlite_invoice_store.h"
#include "temp_dir.h"

namespace invoicer::app {
namespace {

TEST(BootstrapAdminTokenTest, CreatesAPrivateAdminTokenFileOnTheFirstStartOnly) {
  testing::TempDir dir;
  auto store = store::OpenSqliteStore(dir.File("invoicer.db"));
  ASSERT_TRUE(store && (*store)->Migrate());
  testing::FakeClock clock;
  TokenService tokens(**store, clock);

  auto first = BootstrapAdminToken(tokens, dir.path());
  ASSERT_TRUE(first) << first.error().message;
  ASSERT_TRUE(*first);
  const std::string path = dir.File(kAdminTokenFile);
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  std::ifstream file(path);
  std::string written;
  std::getline(file, written);
  EXPECT_EQ(written, **first);
  auto caller = tokens.Authenticate(**first);
  ASSERT_TRUE(caller && *caller);
  EXPECT_EQ((*caller)->role, store::Role::kAdmin);
  EXPECT_EQ((*caller)->name, "admin");

  auto second = BootstrapAdminToken(tokens, dir.path());
  ASSERT_TRUE(second);
  EXPECT_FALSE(*second);
  EXPECT_EQ(tokens.List()->size(), 1u);
}

}  // namespace
}  // namespace invoicer::app
