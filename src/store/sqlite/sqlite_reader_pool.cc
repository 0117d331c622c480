#include "store/sqlite/sqlite_reader_pool.h"

namespace invoicer::store::sqlite {

Result<std::unique_ptr<ReaderPool>> ReaderPool::Open(const std::string& path, int count,
                                                     std::chrono::milliseconds busy_timeout) {
  auto pool = std::make_unique<ReaderPool>();
  for (int i = 0; i < count; ++i) {
    auto conn = Connection::Open(path, Connection::Mode::kRead, busy_timeout);
    if (!conn) return std::move(conn).error();
    pool->free_.push_back(conn->get());
    pool->all_.push_back(std::move(*conn));
  }
  return pool;
}

Connection* ReaderPool::Acquire() {
  std::unique_lock lock(mu_);
  available_.wait(lock, [&] { return !free_.empty(); });
  Connection* conn = free_.back();
  free_.pop_back();
  return conn;
}

void ReaderPool::Release(Connection* conn) {
  {
    std::lock_guard lock(mu_);
    free_.push_back(conn);
  }
  available_.notify_one();
}

}  // namespace invoicer::store::sqlite
