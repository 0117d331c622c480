#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "app/invoice_service.h"
#include "common/result.h"

namespace invoicer::app {

// The settings of a running invoicer (serve, worker), filled from flags and environment
// variables by the CLI. A plain value type; CheckConfig tells whether it makes sense.
struct Config {
  std::string data_dir = "./invoicer-data";
  std::string db;                         // SQLite path or postgresql:// URL; empty: default
  std::string listen = "127.0.0.1:8080";  // HOST:PORT; port 0 picks a free port
  int workers = 2;                        // background extraction threads; 0 turns them off
  int http_threads = 2;     // network threads: parse and write only
  int handler_threads = 8;  // threads running the quick endpoints (reads, edits)
  std::int64_t max_upload_mb = 25;
  std::int64_t extraction_lease_seconds = 300;
  std::int64_t extraction_timeout_seconds = 600;  // longest claim one extraction may hold
  int max_attempts = 3;
  std::int64_t review_lease_seconds = 900;
  double confidence_threshold = 0.9;
  bool straight_through = false;
  std::string templates_dir;  // invoice2data issuer templates; empty: none
};

struct ListenAddress {
  std::string host;
  std::uint16_t port = 0;
};

// kInvalidInput naming the first setting out of range.
[[nodiscard]] Status CheckConfig(const Config& config);
ServiceOptions ServiceOptionsFor(const Config& config);
// "127.0.0.1:8080", "[::1]:8080", "0.0.0.0:0".
[[nodiscard]] Result<ListenAddress> ParseListen(std::string_view text);
// The SQLite file the config names: --db, or <data>/invoicer.db.
std::string SqlitePathFor(const Config& config);

}  // namespace invoicer::app
