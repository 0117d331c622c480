#include "common/ids.h"

#include <gtest/gtest.h>

#include <set>
#include <thread>
#include <vector>

namespace invoicer {
namespace {

TEST(InvoiceIdTest, NewIdsAreCanonicalUuidV7AndSortByCreation) {
  const Timestamp t = FromUnixMillis(1'764'346'758'123);
  InvoiceId prev = InvoiceId::New(t);
  EXPECT_TRUE(InvoiceId::Parse(prev.str()).has_value());
  for (int i = 0; i < 10000; ++i) {
    InvoiceId next = InvoiceId::New(t);  // same millisecond: still increasing
    ASSERT_LT(prev.str(), next.str());
    prev = next;
  }
  EXPECT_LT(prev.str(), InvoiceId::New(t + std::chrono::milliseconds(5000)).str());
}

TEST(InvoiceIdTest, UniqueAcrossThreads) {
  std::vector<std::vector<std::string>> made(4);
  std::vector<std::thread> threads;
  for (auto& out : made) {
    threads.emplace_back([&out] {
      for (int i = 0; i < 5000; ++i) out.push_back(InvoiceId::New(FromUnixMillis(1)).str());
    });
  }
  for (auto& t : threads) t.join();
  std::set<std::string> all;
  for (const auto& v : made) all.insert(v.begin(), v.end());
  EXPECT_EQ(all.size(), 20000u);
}

TEST(InvoiceIdTest, RejectsOtherShapes) {
  for (const char* bad : {"", "../../etc/passwd", "0190f3c2-8d5e-4a1b-9c3d-1234567890ab",
                          "0190F3C2-8D5E-7A1B-9C3D-1234567890AB", "0190f3c2-8d5e-7a1b-9c3d-1234567890a",
                          "0190f3c2x8d5e-7a1b-9c3d-1234567890ab", "%2e%2e%2f"}) {
    EXPECT_FALSE(InvoiceId::Parse(bad).has_value()) << bad;
  }
  EXPECT_TRUE(InvoiceId::Parse("0190f3c2-8d5e-7a1b-9c3d-1234567890ab").has_value());
}

}  // namespace
}  // namespace invoicer
