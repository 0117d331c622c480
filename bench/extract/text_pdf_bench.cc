// Text PDFs: the engine's reading time per page next to `pdftotext -layout` on the same files
// in the same run, the full pipeline's time per page, and the peak memory of extracting a
// 100-page PDF (built at bench time from the files' pages with pdfunite).
//
//   text_pdf_bench [--reps N] [FILE|DIR...]   (default: the corpus einvoice PDFs)
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extract/document.h"
#include "extract/pdf_reader.h"
#include "extract/pipeline.h"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using invoicer::extract::LayoutText;
using invoicer::extract::PdfDocument;
using invoicer::extract::PdfLimits;
using invoicer::extract::TextDocument;

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs a command with stdout and stderr to /dev/null; its exit status.
int RunQuiet(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return -1;
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// The reading stage as the pipeline runs it: open, every page's words, the layout text.
std::size_t ReadLayout(const std::string& bytes) {
  auto pdf = PdfDocument::Open(bytes, PdfLimits{});
  if (!pdf) return 0;
  TextDocument doc;
  for (int n = 1; n <= pdf->page_count(); ++n) {
    if (auto page = pdf->ReadPage(n)) doc.pages.push_back(std::move(*page));
  }
  return LayoutText::Build(doc).text().size();
}

int Pages(const std::string& bytes) {
  auto pdf = PdfDocument::Open(bytes, PdfLimits{});
  return pdf ? pdf->page_count() : 0;
}

template <typename F>
double Seconds(F&& f) {
  const auto start = Clock::now();
  f();
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::vector<std::string> Inputs(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  for (const std::string& a : args) {
    if (fs::is_directory(a)) {
      for (const auto& e : fs::directory_iterator(a)) {
        if (e.path().extension() == ".pdf") files.push_back(e.path().string());
      }
    } else {
      files.push_back(a);
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Peak resident memory (MiB) of a child process that extracts `path` with the pipeline.
double PeakRssMiB(const std::string& path) {
  const pid_t pid = fork();
  if (pid == 0) {
    invoicer::extract::PipelineOptions options;
    options.languages = {"eng"};
    auto pipeline = invoicer::extract::PipelineExtractor::Create(options);
    const std::string bytes = ReadAll(path);
    auto r = (*pipeline)->Extract({bytes, "application/pdf", path});
    _exit(r ? 0 : 1);
  }
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

}  // namespace

int main(int argc, char** argv) {
  int reps = 5;
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "--reps" && i + 1 < argc) {
      reps = std::stoi(argv[++i]);
    } else {
      args.emplace_back(argv[i]);
    }
  }
  if (args.empty()) {
    const std::string corpus = std::string(INVOICER_CORPUS_DIR);
    args = {corpus + "/einvoice-visual-dev", corpus + "/einvoice-dev/pdf"};
  }
  const std::vector<std::string> files = Inputs(args);
  std::vector<std::string> contents;
  std::vector<int> page_counts;
  int pages = 0;
  for (const std::string& f : files) {
    contents.push_back(ReadAll(f));
    page_counts.push_back(Pages(contents.back()));
    pages += page_counts.back();
  }
  if (pages == 0) {
    std::fprintf(stderr, "no readable PDF pages\n");
    return 1;
  }
  invoicer::extract::PipelineOptions options;
  options.languages = {"eng"};
  auto pipeline = invoicer::extract::PipelineExtractor::Create(options);
  if (!pipeline) {
    std::fprintf(stderr, "%s\n", pipeline.error().message.c_str());
    return 1;
  }

  // Interleaved per repetition so that machine noise hits all three alike.
  double engine = 0, full = 0, pdftotext = 0;
  for (int r = 0; r < reps; ++r) {
    pdftotext += Seconds([&] {
      for (const std::string& f : files) RunQuiet({"pdftotext", "-layout", f, "-"});
    });
    engine += Seconds([&] {
      for (const std::string& c : contents) ReadLayout(c);
    });
    full += Seconds([&] {
      for (const std::string& c : contents) {
        (void)(*pipeline)->Extract({c, "application/pdf", "bench"});
      }
    });
  }
  const double per = 1000.0 / (reps * pages);
  std::printf("text PDFs: %zu files, %d pages, %d repetitions\n", files.size(), pages, reps);
  std::printf("  pdftotext -layout (process per file): %7.2f ms/page\n", pdftotext * per);
  std::printf("  engine reading (words + layout text): %7.2f ms/page  ratio %.2fx\n",
              engine * per, engine / pdftotext);
  std::printf("  engine full extraction (+ fields):    %7.2f ms/page  ratio %.2fx\n",
              full * per, full / pdftotext);

  // A 100-page document from the files' pages, repeated.
  const fs::path big = fs::temp_directory_path() / ("invoicer-bench-100-" + std::to_string(getpid()) + ".pdf");
  std::vector<std::string> unite = {"pdfunite"};
  int added = 0;
  for (bool grew = true; added < 100 && grew;) {
    grew = false;
    for (std::size_t i = 0; i < files.size() && added < 100; ++i) {
      const int n = page_counts[i];
      if (n > 0 && added + n <= 100) {
        unite.push_back(files[i]);
        added += n;
        grew = true;
      }
    }
  }
  unite.push_back(big.string());
  if (RunQuiet(unite) == 0) {
    const std::string bytes = ReadAll(big.string());
    const double seconds = Seconds([&] { (void)(*pipeline)->Extract({bytes, "application/pdf", "big"}); });
    std::printf("100-page PDF (%d pages, %.1f MB): %.0f ms, peak RSS %.1f MiB (fresh process)\n",
                Pages(bytes), static_cast<double>(bytes.size()) / 1e6, seconds * 1000,
                PeakRssMiB(big.string()));
    fs::remove(big);
  } else {
    std::printf("100-page PDF: pdfunite failed, skipped\n");
  }
  return 0;
}
