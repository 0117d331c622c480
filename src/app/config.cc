#include "app/config.h"

#include <charconv>

namespace invoicer::app {

Status CheckConfig(const Config& config) {
  if (config.data_dir.empty()) return errors::InvalidValue("data", "--data must not be empty");
  if (config.workers < 0 || config.workers > 64) {
    return errors::InvalidValue("workers", "--workers must be between 0 and 64");
  }
  if (config.http_threads < 1 || config.http_threads > 64) {
    return errors::InvalidValue("http-threads", "--http-threads must be between 1 and 64");
  }
  if (config.handler_threads < 1 || config.handler_threads > 256) {
    return errors::InvalidValue("handler-threads", "--handler-threads must be between 1 and 256");
  }
  if (config.max_upload_mb < 1 || config.max_upload_mb > 4096) {
    return errors::InvalidValue("max-upload-mb", "--max-upload-mb must be between 1 and 4096");
  }
  if (config.extraction_lease_seconds < 1 || config.review_lease_seconds < 1) {
    return errors::InvalidValue("lease", "leases must be at least 1 second");
  }
  if (config.extraction_timeout_seconds < 1) {
    return errors::InvalidValue("extraction-timeout",
                                "--extraction-timeout must be at least 1 second");
  }
  if (config.max_attempts < 1) {
    return errors::InvalidValue("max-attempts", "--max-attempts must be at least 1");
  }
  if (!(config.confidence_threshold >= 0.0 && config.confidence_threshold <= 1.0)) {
    return errors::InvalidValue("confidence-threshold",
                                "--confidence-threshold must be between 0 and 1");
  }
  if (auto listen = ParseListen(config.listen); !listen) return std::move(listen).error();
  return {};
}

ServiceOptions ServiceOptionsFor(const Config& config) {
  ServiceOptions options;
  options.extraction_lease = std::chrono::seconds(config.extraction_lease_seconds);
  options.max_extraction_time = std::chrono::seconds(config.extraction_timeout_seconds);
  options.max_attempts = config.max_attempts;
  options.review_lease = std::chrono::seconds(config.review_lease_seconds);
  options.confidence_threshold = config.confidence_threshold;
  options.straight_through = config.straight_through;
  options.max_upload_bytes = config.max_upload_mb * 1024 * 1024;
  return options;
}

Result<ListenAddress> ParseListen(std::string_view text) {
  auto invalid = [&] {
    return errors::InvalidValue("listen", "--listen must be HOST:PORT, e.g. 127.0.0.1:8080");
  };
  const auto colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0) return invalid();
  std::string_view host = text.substr(0, colon);
  const std::string_view port_text = text.substr(colon + 1);
  if (host.front() == '[') {
    if (host.size() < 3 || host.back() != ']') return invalid();
    host = host.substr(1, host.size() - 2);
  } else if (host.find(':') != std::string_view::npos) {
    return invalid();  // an IPv6 address needs brackets
  }
  unsigned port = 0;
  const auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (ec != std::errc() || end != port_text.data() + port_text.size() || port_text.empty() ||
      port > 65535) {
    return invalid();
  }
  return ListenAddress{std::string(host), static_cast<std::uint16_t>(port)};
}

std::string SqlitePathFor(const Config& config) {
  if (!config.db.empty()) return config.db;
  return config.data_dir + "/invoicer.db";
}

}  // namespace invoicer::app
