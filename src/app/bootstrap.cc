#include "app/bootstrap.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace invoicer::app {

namespace {

Status WritePrivateFile(const std::string& path, const std::string& content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return errors::Internal("cannot create " + path + ": " + std::strerror(errno));
  // The file may have existed with a wider mode.
  bool ok = ::fchmod(fd, 0600) == 0;
  std::size_t written = 0;
  while (ok && written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) written += static_cast<std::size_t>(n);
  }
  ok = ok && ::fsync(fd) == 0;
  const int saved = errno;
  ::close(fd);
  if (!ok) return errors::Internal("cannot write " + path + ": " + std::strerror(saved));
  return {};
}

}  // namespace

Result<std::optional<std::string>> BootstrapAdminToken(TokenService& tokens,
                                                       const std::string& data_dir) {
  auto existing = tokens.List();
  if (!existing) return std::move(existing).error();
  if (!existing->empty()) return std::optional<std::string>();
  auto token = tokens.Create("admin", store::Role::kAdmin);
  if (!token) {
    // Another process starting on the same store created it first.
    if (token.error().code == ErrorCode::kConflict) return std::optional<std::string>();
    return std::move(token).error();
  }
  if (auto written = WritePrivateFile(data_dir + "/" + kAdminTokenFile, *token + "\n"); !written) {
    return std::move(written).error();
  }
  return std::optional<std::string>(std::move(*token));
}

}  // namespace invoicer::app
