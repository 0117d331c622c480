#include "cli/exit_codes.h"

#include <spdlog/spdlog.h>

#include <string>
#include <variant>

namespace invoicer::cli {

int ExitCodeFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput:
      return kExitInvalidInput;
    case ErrorCode::kNotFound:
      return kExitNotFound;
    case ErrorCode::kConflict:
      return kExitConflict;
    case ErrorCode::kUnavailable:
      return kExitUnavailable;
    case ErrorCode::kUnreadableDocument:
      return kExitUnreadableDocument;
    case ErrorCode::kInternal:
      return kExitInternal;
  }
  return kExitInternal;
}

int Fail(const Error& error) {
  std::string details;
  for (const auto& [key, value] : error.details) {
    details += " " + key + "=";
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::vector<std::string>>) {
            for (std::size_t i = 0; i < v.size(); ++i) details += (i ? "," : "") + v[i];
          } else if constexpr (std::is_same_v<T, std::string>) {
            details += v;
          } else {
            details += std::to_string(v);
          }
        },
        value);
  }
  spdlog::error("{} ({}){}", error.message, error.api_code, details);
  return ExitCodeFor(error.code);
}

}  // namespace invoicer::cli
