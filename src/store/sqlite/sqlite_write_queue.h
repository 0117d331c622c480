#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "common/result.h"
#include "store/sqlite/sqlite_connection.h"

namespace invoicer::store::sqlite {

// Group commit: one thread owns the write connection and runs the queued write operations
// in batches. A batch is one `BEGIN IMMEDIATE` transaction in which every operation runs
// inside its own SAVEPOINT (an operation that returns an error is rolled back alone, so a
// rejected write changes nothing), then one COMMIT, that is one fsync, for the whole
// batch. Each caller is released only after the COMMIT returned, so a success is durable.
// Operations run on the writer thread and must not block on anything but the database.
// Owns the connection. Thread-safe: Run may be called from any number of threads.
// Errors: the operation's own error; kUnavailable when the transaction cannot begin or
// commit (busy past the timeout, I/O error, full disk) or the queue is shutting down.
class WriteQueue {
 public:
  using Operation = std::function<Status(Connection&)>;

  WriteQueue(std::unique_ptr<Connection> conn, std::size_t max_batch);
  ~WriteQueue();  // finishes the queued operations, then stops the thread
  WriteQueue(const WriteQueue&) = delete;
  WriteQueue& operator=(const WriteQueue&) = delete;

  // Runs `op` in the next batch and blocks until that batch committed (or failed).
  [[nodiscard]] Status Run(const Operation& op);

 private:
  struct Pending;

  void Loop();
  void RunBatch(std::deque<Pending*>& batch);

  std::unique_ptr<Connection> conn_;
  const std::size_t max_batch_;
  std::mutex mu_;
  std::condition_variable wake_;
  std::deque<Pending*> queue_;  // guarded by mu_
  bool stopping_ = false;       // guarded by mu_
  std::thread thread_;          // last: starts after the members above exist
};

}  // namespace invoicer::store::sqlite
