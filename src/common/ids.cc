#include "common/ids.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <random>

namespace invoicer {

namespace {

// Last (millis << 12 | sequence) handed out, so ids stay monotonic within a process even
// when many are made in one millisecond or the clock steps back.
std::atomic<std::uint64_t> g_last_stamp{0};

std::uint64_t NextStamp(std::int64_t millis) {
  const std::uint64_t wanted = static_cast<std::uint64_t>(millis) << 12;
  std::uint64_t last = g_last_stamp.load();
  std::uint64_t next = 0;
  do {
    next = wanted > last ? wanted : last + 1;
  } while (!g_last_stamp.compare_exchange_weak(last, next));
  return next;
}

std::uint64_t RandomBits() {
  thread_local std::mt19937_64 rng([] {
    std::random_device rd;
    std::seed_seq seq{rd(), rd(), rd(), rd()};
    return std::mt19937_64(seq);
  }());
  return rng();
}

}  // namespace

InvoiceId InvoiceId::New(Timestamp now) {
  const std::uint64_t stamp = NextStamp(ToUnixMillis(now));
  std::array<std::uint8_t, 16> b{};
  const std::uint64_t millis = stamp >> 12;
  for (int i = 0; i < 6; ++i) b[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(millis >> (40 - 8 * i));
  const std::uint64_t seq = stamp & 0xfff;
  b[6] = static_cast<std::uint8_t>(0x70 | (seq >> 8));
  b[7] = static_cast<std::uint8_t>(seq & 0xff);
  const std::uint64_t r = RandomBits();
  for (int i = 0; i < 8; ++i) b[static_cast<std::size_t>(8 + i)] = static_cast<std::uint8_t>(r >> (56 - 8 * i));
  b[8] = static_cast<std::uint8_t>(0x80 | (b[8] & 0x3f));
  static constexpr char kHex[] = "0123456789abcdef";
  std::string s;
  s.reserve(36);
  for (std::size_t i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) s.push_back('-');
    s.push_back(kHex[b[i] >> 4]);
    s.push_back(kHex[b[i] & 0xf]);
  }
  return InvoiceId(std::move(s));
}

std::optional<InvoiceId> InvoiceId::Parse(std::string_view text) {
  if (text.size() != 36) return std::nullopt;
  for (std::size_t i = 0; i < 36; ++i) {
    const char c = text[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return std::nullopt;
    } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return std::nullopt;
    }
  }
  if (text[14] != '7') return std::nullopt;
  return InvoiceId(std::string(text));
}

}  // namespace invoicer
