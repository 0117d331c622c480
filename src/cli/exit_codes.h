#pragma once

#include "common/error.h"

namespace invoicer::cli {

// The process exit codes, one per ErrorCode (README "Exit codes").
inline constexpr int kExitOk = 0;
inline constexpr int kExitInternal = 1;
inline constexpr int kExitUsage = 2;  // the command line itself is wrong
inline constexpr int kExitInvalidInput = 3;
inline constexpr int kExitNotFound = 4;
inline constexpr int kExitConflict = 5;
inline constexpr int kExitUnavailable = 6;
inline constexpr int kExitUnreadableDocument = 7;

int ExitCodeFor(ErrorCode code);

// Logs the error (with its API code and details) and returns its exit code.
int Fail(const Error& error);

}  // namespace invoicer::cli
