// `invoicer extract FILE|DIR...`: the extraction engine without a server. One JSON object
// (or CSV row) per document on stdout, in input order, while files are extracted in
// parallel; a progress bar on stderr when it is a terminal; a failed file is reported in
// its own line and the batch goes on (the exit code then says that something failed).
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <mutex>
#include <sstream>
#include <thread>

#include "cli/command_support.h"
#include "cli/command_table.h"
#include "cli/exit_codes.h"
#include "codec/record_json.h"
#include "domain/media_type.h"
#include "domain/validate.h"
#include "extract/pipeline.h"
#include "extract/templates/template_set.h"

namespace invoicer::cli {

namespace {

namespace fs = std::filesystem;

struct ExtractFlags {
  std::vector<std::string> inputs;
  std::string templates_dir;
  std::string format = "json";
  int jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::string languages = "eng+deu+fra";
  int max_pages = 500;
  double confidence_threshold = 0.9;
};

// The result of one input file.
struct Outcome {
  std::string file;
  std::optional<domain::ExtractionResult> result;
  std::optional<Error> error;
  std::vector<domain::ValidationIssue> issues;
  bool needs_review = true;
};

// Extensions of the files a directory contributes; files named on the command line are
// always tried.
constexpr std::string_view kDocumentExtensions[] = {".pdf", ".png", ".jpg", ".jpeg", ".tif",
                                                    ".tiff", ".xml", ".txt", ".csv"};

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool IsDocumentFile(const fs::path& path) {
  const std::string ext = Lower(path.extension().string());
  return std::find(std::begin(kDocumentExtensions), std::end(kDocumentExtensions), ext) !=
         std::end(kDocumentExtensions);
}

// Files first as named, a directory's documents recursively in path order.
std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs) {
  std::vector<std::string> files;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (!fs::is_directory(input, ec)) {
      files.push_back(input);
      continue;
    }
    std::vector<std::string> found;
    for (fs::recursive_directory_iterator it(input, ec), end; !ec && it != end;
         it.increment(ec)) {
      if (it->is_regular_file(ec) && IsDocumentFile(it->path())) found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

std::vector<std::string> SplitLanguages(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream ss(text);
  for (std::string lang; std::getline(ss, lang, '+');) {
    if (!lang.empty()) out.push_back(lang);
  }
  return out;
}

Result<std::string> ReadWholeFile(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return errors::NotFound("no such file");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in.good() && !in.eof()) return errors::BadRequest("the file could not be read");
  return bytes.str();
}

// The media type from the bytes (what the upload API accepts), else the text formats the
// CLI also takes by extension: plain text and SROIE box files.
std::optional<std::string> MediaTypeOf(const std::string& path, std::string_view bytes) {
  if (auto sniffed = domain::SniffMediaType(bytes)) return sniffed;
  const std::string ext = Lower(fs::path(path).extension().string());
  if (ext == ".txt") return "text/plain";
  if (ext == ".csv") return "text/csv";
  return std::nullopt;
}

Date Today() {
  const auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day ymd(days);
  return *Date::FromYmd(static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                        static_cast<unsigned>(ymd.day()));
}

Outcome ExtractOne(extract::Extractor& extractor, const std::string& file, const Date& today,
                   double threshold) {
  Outcome out;
  out.file = file;
  auto bytes = ReadWholeFile(file);
  if (!bytes) {
    out.error = std::move(bytes).error();
    return out;
  }
  const auto media_type = MediaTypeOf(file, *bytes);
  if (!media_type) {
    out.error = errors::UnsupportedMediaType(
        "not a PDF, PNG, JPEG, TIFF, e-invoice XML, .txt or SROIE .csv box file");
    return out;
  }
  auto result = extractor.Extract(
      extract::DocumentInput{*bytes, *media_type, fs::path(file).filename().string()});
  if (!result) {
    out.error = std::move(result).error();
    return out;
  }
  domain::ValidationContext context;
  context.today = today;
  context.confidence_threshold = threshold;
  out.issues = domain::Validate(result->fields, result->line_items, context, result->issues);
  out.needs_review = domain::NeedsReview(result->fields, out.issues, threshold);
  out.result = std::move(*result);
  return out;
}

std::string JsonLine(const Outcome& o, bool with_templates) {
  nlohmann::ordered_json j;
  j["file"] = o.file;
  const domain::FieldMap no_fields;
  const std::vector<domain::LineItem> no_items;
  j["fields"] = nlohmann::json::parse(codec::FieldsToJson(o.result ? o.result->fields : no_fields));
  j["line_items"] =
      nlohmann::json::parse(codec::LineItemsToJson(o.result ? o.result->line_items : no_items));
  j["validation"] = nlohmann::json::parse(codec::IssuesToJson(o.issues));
  j["needs_review"] = o.needs_review;
  j["method"] = o.result ? nlohmann::json(o.result->method) : nlohmann::json(nullptr);
  j["pages"] = o.result && o.result->pages ? nlohmann::json(*o.result->pages) : nlohmann::json(nullptr);
  if (with_templates) {
    j["template"] = o.result && o.result->template_name ? nlohmann::json(*o.result->template_name)
                                                        : nlohmann::json(nullptr);
    j["extra_fields"] = nlohmann::json::parse(o.result ? o.result->extra_fields_json : "{}");
  }
  j["error"] = o.error ? nlohmann::json(o.error->message) : nlohmann::json(nullptr);
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// RFC 4180: a value holding a comma, quote, CR or LF is quoted, quotes doubled.
std::string CsvValue(std::string_view v) {
  if (v.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(v);
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string CsvHeader(bool with_templates) {
  std::string row = "file,error,needs_review,method";
  if (with_templates) row += ",template";
  for (const domain::FieldSpec& spec : domain::AllFields()) row += "," + std::string(spec.name);
  return row + ",line_items\r\n";
}

std::string CsvRow(const Outcome& o, bool with_templates) {
  std::string row = CsvValue(o.file) + "," + CsvValue(o.error ? o.error->message : "") + "," +
                    (o.needs_review ? "true" : "false") + "," +
                    CsvValue(o.result ? o.result->method : "");
  if (with_templates) {
    row += "," + CsvValue(o.result && o.result->template_name ? *o.result->template_name : "");
  }
  for (const domain::FieldSpec& spec : domain::AllFields()) {
    std::string value;
    if (o.result) {
      if (auto it = o.result->fields.find(spec.name); it != o.result->fields.end()) {
        value = it->second.value;
      }
    }
    row += "," + CsvValue(value);
  }
  return row + "," + std::to_string(o.result ? o.result->line_items.size() : 0) + "\r\n";
}

// "[=====>     ] 12/40" redrawn in place on a terminal.
void DrawProgress(std::size_t done, std::size_t total) {
  constexpr std::size_t kWidth = 30;
  const std::size_t filled = total == 0 ? kWidth : done * kWidth / total;
  std::string bar(filled, '=');
  if (filled < kWidth) bar += '>' + std::string(kWidth - filled - 1, ' ');
  std::fprintf(stderr, "\r[%s] %zu/%zu", bar.c_str(), done, total);
  std::fflush(stderr);
}

int RunExtract(const ExtractFlags& flags) {
  const std::vector<std::string> files = ExpandInputs(flags.inputs);
  extract::PipelineOptions options;
  options.templates_dir = flags.templates_dir;
  options.languages = SplitLanguages(flags.languages);
  options.max_pages = flags.max_pages;
  options.jobs = flags.jobs;
  auto pipeline = extract::PipelineExtractor::Create(options);
  if (!pipeline) return Fail(pipeline.error());
  for (const auto& problem : (*pipeline)->template_problems()) {
    spdlog::warn("template {}: {}", problem.file, problem.reason);
  }
  const bool with_templates = !flags.templates_dir.empty();
  const bool json = flags.format == "json";
  const bool progress = ::isatty(STDERR_FILENO) == 1;
  const Date today = Today();

  std::vector<std::optional<Outcome>> outcomes(files.size());
  std::mutex mu;
  std::condition_variable cv;
  std::size_t done = 0;
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) {
      Outcome outcome = ExtractOne(**pipeline, files[i], today, flags.confidence_threshold);
      std::lock_guard lock(mu);
      outcomes[i] = std::move(outcome);
      ++done;
      cv.notify_all();
    }
  };
  std::vector<std::jthread> workers;
  const std::size_t threads = std::min(files.size(), static_cast<std::size_t>(std::max(1, flags.jobs)));
  for (std::size_t t = 0; t < threads; ++t) workers.emplace_back(work);

  if (!json) std::cout << CsvHeader(with_templates);
  int exit_code = kExitOk;
  for (std::size_t i = 0; i < files.size(); ++i) {
    Outcome outcome;
    {
      std::unique_lock lock(mu);
      cv.wait(lock, [&] {
        if (progress) DrawProgress(done, files.size());
        return outcomes[i].has_value();
      });
      outcome = std::move(*outcomes[i]);
      outcomes[i].reset();
    }
    if (outcome.error) {
      spdlog::warn("{}: {}", outcome.file, outcome.error->message);
      if (exit_code == kExitOk) exit_code = ExitCodeFor(outcome.error->code);
    }
    std::cout << (json ? JsonLine(outcome, with_templates) + "\n" : CsvRow(outcome, with_templates));
    std::cout.flush();
  }
  if (progress) {
    DrawProgress(files.size(), files.size());
    std::fputc('\n', stderr);
  }
  return exit_code;
}

}  // namespace

void AddExtractCommand(CLI::App& app, const GlobalOptions& /*global*/, Runner& run) {
  CLI::App* command = app.add_subcommand(
      "extract", "Extract invoice fields from files without a server (one JSON line per file)");
  command->footer(kGlobalFlagsFooter);
  // Bound to the parsed flags until the runner has run; one per process.
  auto flags = std::make_shared<ExtractFlags>();
  command->add_option("inputs", flags->inputs, "PDF, image, e-invoice XML, .txt or SROIE .csv "
                                               "files, or folders of them")
      ->required();
  command->add_option("--templates", flags->templates_dir,
                      "Folder of invoice2data issuer templates (YAML/JSON)")
      ->check(CLI::ExistingDirectory);
  command->add_option("--format", flags->format, "json (one object per line) or csv")
      ->check(CLI::IsMember({"json", "csv"}))
      ->capture_default_str();
  command->add_option("--jobs", flags->jobs, "Files (and OCR pages) processed at once")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  command->add_option("--lang", flags->languages, "OCR languages joined with +")
      ->capture_default_str();
  command->add_option("--max-pages", flags->max_pages, "Refuse documents with more pages")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  command->add_option("--threshold", flags->confidence_threshold,
                      "Confidence below which a field needs review")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  command->callback([&run, flags] { run = [flags] { return RunExtract(*flags); }; });
}

}  // namespace invoicer::cli
