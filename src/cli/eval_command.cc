// `invoicer eval DIR --format sroie|truth`: runs the extraction engine over a labelled folder
// and prints per-field precision, recall and exact match, the targets and a summary line.
// SROIE box text (and the same text as plain lines, --text) goes straight to the generic
// extractor; SROIE scans (--ocr) and the documents of a truth folder go through the full
// pipeline. Exit code 0, or 1 with --check when a target is not met.
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <thread>

#include "cli/command_support.h"
#include "cli/command_table.h"
#include "cli/exit_codes.h"
#include "domain/media_type.h"
#include "extract/generic/box_reader.h"
#include "extract/generic/evaluation.h"
#include "extract/generic/generic_extractor.h"
#include "extract/pipeline.h"

namespace invoicer::cli {

namespace {

namespace fs = std::filesystem;
using extract::generic::LabelledDocument;

struct EvalFlags {
  std::string dir;
  std::string format = "sroie";
  bool ocr = false;
  bool text = false;
  int jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::string templates_dir;
  std::string languages = "eng+deu+fra";
  std::vector<std::string> targets;  // FIELD=RATIO
  bool show_misses = false;
  bool check = false;
};

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return errors::NotFound("cannot read " + fs::path(path).filename().string());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> SplitLanguages(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream ss(text);
  for (std::string lang; std::getline(ss, lang, '+');) {
    if (!lang.empty()) out.push_back(lang);
  }
  return out;
}

// The media type from the bytes, else the text formats by extension (as `extract` does).
std::string MediaTypeOf(const std::string& path, std::string_view bytes) {
  if (auto sniffed = domain::SniffMediaType(bytes)) return *sniffed;
  const std::string ext = fs::path(path).extension().string();
  if (ext == ".csv") return "text/csv";
  return "text/plain";
}

Result<std::vector<extract::generic::Target>> ParseTargets(const std::vector<std::string>& specs) {
  std::vector<extract::generic::Target> out;
  for (const std::string& spec : specs) {
    const std::size_t eq = spec.find('=');
    double ratio = 0;
    const char* end = spec.data() + spec.size();
    const auto parsed = eq == std::string::npos
                            ? std::from_chars_result{spec.data(), std::errc::invalid_argument}
                            : std::from_chars(spec.data() + eq + 1, end, ratio);
    if (parsed.ec != std::errc() || parsed.ptr != end || eq == 0) {
      return errors::BadRequest("--target takes FIELD=RATIO (e.g. total=0.95), not '" + spec + "'");
    }
    if (ratio > 1) ratio /= 100;  // 95 means 95%
    out.push_back({spec.substr(0, eq), ratio});
  }
  return out;
}

int RunEval(const EvalFlags& flags) {
  auto targets = ParseTargets(flags.targets);
  if (!targets) return Fail(targets.error());
  const bool sroie = flags.format == "sroie";
  using extract::generic::SroieInput;
  const SroieInput input = flags.ocr    ? SroieInput::kImages
                           : flags.text ? SroieInput::kPlainText
                                        : SroieInput::kBoxText;
  auto documents = sroie ? extract::generic::LoadSroie(flags.dir, input)
                         : extract::generic::LoadTruthFolder(flags.dir);
  if (!documents) return Fail(documents.error());
  if (sroie && input != SroieInput::kImages && targets->empty())
    *targets = extract::generic::SroieTargets();

  extract::generic::ExtractDocument run_one;
  const extract::generic::GenericExtractor generic;
  std::unique_ptr<extract::PipelineExtractor> pipeline;
  if (sroie && input != SroieInput::kImages) {
    // The box text needs no reading stage: straight to the generic extractor.
    run_one = [&](const LabelledDocument& doc) -> Result<domain::ExtractionResult> {
      auto bytes = ReadFile(doc.path);
      if (!bytes) return std::move(bytes).error();
      auto text =
          input == SroieInput::kPlainText
              ? extract::generic::ReadPlainText(extract::generic::BoxTextToPlainText(*bytes))
              : extract::generic::ReadBoxText(*bytes);
      if (!text) return std::move(text).error();
      return generic.Extract(*text);
    };
  } else {
    extract::PipelineOptions options;
    options.templates_dir = flags.templates_dir;
    options.languages = SplitLanguages(flags.languages);
    options.jobs = flags.jobs;
    auto created = extract::PipelineExtractor::Create(options);
    if (!created) return Fail(created.error());
    pipeline = std::move(*created);
    run_one = [&](const LabelledDocument& doc) -> Result<domain::ExtractionResult> {
      auto bytes = ReadFile(doc.path);
      if (!bytes) return std::move(bytes).error();
      const std::string media_type = MediaTypeOf(doc.path, *bytes);
      return pipeline->Extract(
          extract::DocumentInput{*bytes, media_type, fs::path(doc.path).filename().string()});
    };
  }

  const auto report = extract::generic::Evaluate(*documents, run_one, flags.jobs);
  if (flags.show_misses) {
    for (const auto& m : report.mismatches) {
      std::cout << "miss " << m.document << " " << m.field << ": truth '" << m.truth << "' got '"
                << m.value << "'\n";
    }
  }
  for (const auto& [document, message] : report.errors) spdlog::warn("{}: {}", document, message);
  std::cout << "eval " << flags.format
            << (sroie ? (input == SroieInput::kImages      ? " (scans, OCR)"
                         : input == SroieInput::kPlainText ? " (plain text)"
                                                           : " (box text)")
                      : "")
            << ": " << flags.dir << "\n"
            << report.Format(*targets);
  std::cout.flush();
  return flags.check && !report.TargetsMet(*targets) ? kExitInternal : kExitOk;
}

}  // namespace

void AddEvalCommand(CLI::App& app, const GlobalOptions& /*global*/, Runner& run) {
  CLI::App* command = app.add_subcommand(
      "eval",
      "Measure extraction against a labelled folder (per-field precision, recall, exact match)");
  command->footer(kGlobalFlagsFooter);
  auto flags = std::make_shared<EvalFlags>();
  command->add_option("dir", flags->dir, "The labelled folder")
      ->required()
      ->check(CLI::ExistingDirectory);
  command
      ->add_option("--format", flags->format,
                   "sroie (box/, img/, key/) or truth (documents with truth/STEM.json)")
      ->check(CLI::IsMember({"sroie", "truth"}))
      ->capture_default_str();
  command->add_flag("--ocr", flags->ocr,
                    "SROIE: read the scans in img/ through OCR instead of the box text");
  command->add_flag("--text", flags->text, "SROIE: the box text as plain text, one box per line");
  command->add_option("--jobs", flags->jobs, "Documents extracted at once")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  command
      ->add_option("--templates", flags->templates_dir, "Folder of invoice2data issuer templates")
      ->check(CLI::ExistingDirectory);
  command->add_option("--lang", flags->languages, "OCR languages joined with +")
      ->capture_default_str();
  command->add_option("--target", flags->targets,
                      "FIELD=RATIO exact-match target to print and --check (SROIE text has the "
                      "issue's targets by default)");
  command->add_flag("--show-misses", flags->show_misses, "Print every mismatch before the table");
  command->add_flag("--check", flags->check, "Exit 1 when a target is not met");
  command->callback([&run, flags] { run = [flags] { return RunEval(*flags); }; });
}

}  // namespace invoicer::cli
