#include "store/sqlite/sqlite_write_queue.h"

#include <semaphore>

namespace invoicer::store::sqlite {

// One caller's operation, living on the caller's stack while it waits.
struct WriteQueue::Pending {
  const Operation* op = nullptr;
  Status result;
  std::binary_semaphore done{0};
};

WriteQueue::WriteQueue(std::unique_ptr<Connection> conn, std::size_t max_batch)
    : conn_(std::move(conn)), max_batch_(max_batch), thread_([this] { Loop(); }) {}

WriteQueue::~WriteQueue() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

Status WriteQueue::Run(const Operation& op) {
  Pending pending;
  pending.op = &op;
  {
    std::lock_guard lock(mu_);
    if (stopping_) return errors::Unavailable("the store is closing");
    queue_.push_back(&pending);
  }
  wake_.notify_one();
  pending.done.acquire();
  return std::move(pending.result);
}

void WriteQueue::Loop() {
  std::deque<Pending*> batch;
  while (true) {
    {
      std::unique_lock lock(mu_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and every queued operation has run
      while (!queue_.empty() && batch.size() < max_batch_) {
        batch.push_back(queue_.front());
        queue_.pop_front();
      }
    }
    RunBatch(batch);
    batch.clear();
  }
}

void WriteQueue::RunBatch(std::deque<Pending*>& batch) {
  auto finish = [&] {
    for (Pending* p : batch) p->done.release();
  };
  if (auto begun = conn_->Exec("BEGIN IMMEDIATE"); !begun) {
    for (Pending* p : batch) p->result = begun.error();
    finish();
    return;
  }
  for (Pending* p : batch) {
    if (!conn_->InTransaction()) {
      // A fatal error (I/O, full disk) made SQLite roll the whole transaction back.
      p->result = errors::Unavailable("the database transaction was aborted");
      continue;
    }
    if (auto ok = conn_->Exec("SAVEPOINT op"); !ok) {
      p->result = std::move(ok).error();
      continue;
    }
    p->result = (*p->op)(*conn_);
    if (!p->result && conn_->InTransaction()) {
      // ROLLBACK TO keeps the savepoint open; RELEASE closes it. Both only fail when the
      // transaction is gone, which the InTransaction check above handles.
      (void)conn_->Exec("ROLLBACK TO op");
    }
    if (conn_->InTransaction()) (void)conn_->Exec("RELEASE op");
  }
  Status committed = conn_->InTransaction()
                         ? conn_->Exec("COMMIT")
                         : Status(errors::Unavailable("the database transaction was aborted"));
  if (!committed) {
    if (conn_->InTransaction()) (void)conn_->Exec("ROLLBACK");
    for (Pending* p : batch) {
      if (p->result) p->result = committed.error();
    }
  }
  finish();
}

}  // namespace invoicer::store::sqlite
