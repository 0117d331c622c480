#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace invoicer::testing {

// A child process running `invoicer ... serve`, for tests of the real binary. Start forks
// and execs it, then reads its stdout until the "listening on http://HOST:PORT/" line (at
// most `timeout_ms`). Kill sends SIGKILL; Terminate sends SIGTERM and returns the exit
// status. The destructor kills a child still running. Not thread-safe.
class ServeProcess {
 public:
  ServeProcess() = default;
  ~ServeProcess() {
    if (pid_ > 0) Kill();
    if (out_ >= 0) ::close(out_);
  }
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  // True once the server printed its URL; `port()` is then the bound port.
  bool Start(const std::string& binary, const std::vector<std::string>& args,
             int timeout_ms = 60'000) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return false;
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(fds[1], STDOUT_FILENO);
      std::vector<char*> argv{const_cast<char*>(binary.c_str())};
      for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      ::execv(binary.c_str(), argv.data());
      ::_exit(127);
    }
    ::close(fds[1]);
    out_ = fds[0];
    std::string pending;
    while (true) {
      pollfd p{out_, POLLIN, 0};
      if (::poll(&p, 1, timeout_ms) <= 0) return false;
      char buf[512];
      const ssize_t n = ::read(out_, buf, sizeof buf);
      if (n <= 0) return false;
      pending.append(buf, static_cast<std::size_t>(n));
      std::size_t eol;
      while ((eol = pending.find('\n')) != std::string::npos) {
        const std::string line = pending.substr(0, eol);
        pending.erase(0, eol + 1);
        output_ += line + "\n";
        const auto at = line.find("listening on http://");
        if (at == std::string::npos) continue;
        const auto colon = line.rfind(':');
        port_ = static_cast<std::uint16_t>(std::stoi(line.substr(colon + 1)));
        return true;
      }
    }
  }

  void Kill() {
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
  }

  // The exit status after SIGTERM (nullopt when it did not exit normally).
  std::optional<int> Terminate() {
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    if (!WIFEXITED(status)) return std::nullopt;
    return WEXITSTATUS(status);
  }

  std::uint16_t port() const { return port_; }
  // Everything the child printed on stdout before its URL line, and that line.
  const std::string& output() const { return output_; }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  std::uint16_t port_ = 0;
  std::string output_;
};

}  // namespace invoicer::testing
