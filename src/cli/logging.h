#pragma once

#include <string_view>

#include "common/result.h"

namespace invoicer::cli {

// Sends the process's log (spdlog's default logger) to stderr, as text lines or as one
// JSON object per line (`--log-format json`: time, level, msg), timestamps in UTC.
// kInvalidInput for an unknown format or level.
[[nodiscard]] Status SetUpLogging(std::string_view format, std::string_view level);

}  // namespace invoicer::cli
