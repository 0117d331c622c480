#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "common/result.h"
#include "store/sqlite/sqlite_connection.h"

namespace invoicer::store::sqlite {

// A fixed set of read-only connections. In WAL mode readers never block the writer nor
// each other, so each read borrows a connection for its own duration only; the pool's
// mutex is held just to hand connections out and take them back, never across a query.
// Owns its connections. Thread-safe. Errors: those of Connection::Open.
class ReaderPool {
 public:
  [[nodiscard]] static Result<std::unique_ptr<ReaderPool>> Open(
      const std::string& path, int count, std::chrono::milliseconds busy_timeout);

  // Runs `read(Connection&)` on a borrowed connection, waiting while all are in use.
  template <typename Read>
  auto With(Read&& read) {
    Connection* conn = Acquire();
    Returner returner{this, conn};
    return std::forward<Read>(read)(*conn);
  }

 private:
  struct Returner {
    Returner(ReaderPool* p, Connection* c) : pool(p), conn(c) {}
    Returner(const Returner&) = delete;
    Returner& operator=(const Returner&) = delete;
    ~Returner() { pool->Release(conn); }
    ReaderPool* pool;
    Connection* conn;
  };

  Connection* Acquire();
  void Release(Connection* conn);

  std::vector<std::unique_ptr<Connection>> all_;
  std::mutex mu_;
  std::condition_variable available_;
  std::vector<Connection*> free_;  // guarded by mu_
};

}  // namespace invoicer::store::sqlite
