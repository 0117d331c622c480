#pragma once

#include <string>
#include <utility>
#include <vector>

#include "common/result.h"

namespace invoicer::app {

// One file of a zip archive: its name inside the archive and its bytes.
struct ZipEntry {
  std::string name;
  std::string bytes;
};

// Builds a zip archive in memory (libzip; the only file that includes it). Entries are
// deflated and stamped with a fixed time, so the same entries give the same bytes.
// Errors: kInternal when libzip fails (out of memory).
[[nodiscard]] Result<std::string> ZipArchive(const std::vector<ZipEntry>& entries);

}  // namespace invoicer::app
