#include "app/token_service.h"

#include <gtest/gtest.h>

#include "app/digest.h"
#include "fakes/fake_clock.h"
#include "store/sqlite/sqlite_invoice_store.h"
#include "temp_dir.h"

namespace invoicer::app {
namespace {

class TokenServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = store::OpenSqliteStore(dir_.File("invoicer.db"));
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
    ASSERT_TRUE(store_->Migrate());
    tokens_ = std::make_unique<TokenService>(*store_, clock_);
  }

  testing::TempDir dir_;
  testing::FakeClock clock_;
  std::unique_ptr<store::InvoiceStore> store_;
  std::unique_ptr<TokenService> tokens_;
};

TEST_F(TokenServiceTest, CreatedTokenAuthenticatesWithItsNameAndRole) {
  auto token = tokens_->Create("scanner", store::Role::kIngest);
  ASSERT_TRUE(token) << token.error().message;
  EXPECT_TRUE(token->starts_with("inv_"));
  EXPECT_EQ(token->size(), 4u + 43u);
  auto caller = tokens_->Authenticate(*token);
  ASSERT_TRUE(caller && *caller);
  EXPECT_EQ((*caller)->name, "scanner");
  EXPECT_EQ((*caller)->role, store::Role::kIngest);
  EXPECT_NE(*tokens_->Create("other", store::Role::kIngest), *token);
}

TEST_F(TokenServiceTest, StoresOnlyTheHashOfTheToken) {
  const std::string token = *tokens_->Create("alice", store::Role::kReviewer);
  const auto list = tokens_->List();
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->at(0).token_hash, Sha256Hex(token));
  EXPECT_EQ(list->at(0).token_hash.find(token.substr(4)), std::string::npos);
  EXPECT_EQ(list->at(0).created_at, clock_.Now());
}

TEST_F(TokenServiceTest, UnknownMalformedAndRevokedTokensDoNotAuthenticate) {
  const std::string token = *tokens_->Create("alice", store::Role::kReviewer);
  std::string altered = token;
  altered.back() = altered.back() == 'A' ? 'B' : 'A';
  EXPECT_FALSE(*tokens_->Authenticate(altered));
  EXPECT_FALSE(*tokens_->Authenticate(""));
  EXPECT_FALSE(*tokens_->Authenticate("Bearer " + token));
  EXPECT_FALSE(*tokens_->Authenticate(token + "x"));
  ASSERT_TRUE(tokens_->Revoke("alice"));
  EXPECT_FALSE(*tokens_->Authenticate(token));
  EXPECT_TRUE(tokens_->List()->at(0).revoked_at.has_value());
}

TEST_F(TokenServiceTest, RefusesTakenReservedAndMalformedNames) {
  ASSERT_TRUE(tokens_->Create("alice", store::Role::kReviewer));
  const auto taken = tokens_->Create("alice", store::Role::kAdmin);
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().code, ErrorCode::kConflict);
  for (const char* name : {"", "system", "has space", "semi;colon", "ä"}) {
    const auto bad = tokens_->Create(name, store::Role::kReader);
    ASSERT_FALSE(bad) << name;
    EXPECT_EQ(bad.error().code, ErrorCode::kInvalidInput) << name;
  }
  EXPECT_FALSE(tokens_->Create(std::string(65, 'a'), store::Role::kReader));
}

TEST_F(TokenServiceTest, RevokingAnUnknownNameIsNotFound) {
  const Status revoked = tokens_->Revoke("nobody");
  ASSERT_FALSE(revoked);
  EXPECT_EQ(revoked.error().code, ErrorCode::kNotFound);
}

TEST(ConstantTimeEqualsTest, ComparesWholeStrings) {
  const std::string hash = Sha256Hex("token");
  EXPECT_TRUE(ConstantTimeEquals(hash, Sha256Hex("token")));
  std::string last_differs = hash;
  last_differs.back() = last_differs.back() == '0' ? '1' : '0';
  EXPECT_FALSE(ConstantTimeEquals(hash, last_differs));
  EXPECT_FALSE(ConstantTimeEquals(hash, hash.substr(0, 63)));
  EXPECT_TRUE(ConstantTimeEquals("", ""));
}

TEST(Sha256HexTest, MatchesTheStandardTestVector) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace invoicer::app
