// OCR: the engine's time per image next to raw Tesseract (TessBaseAPI, same languages and
// page segmentation, one thread) on the same decoded pictures, so the difference is the
// engine's own overhead (deskew, conversions, word boxes, line grouping); then several pages
// through the engine with --jobs 1 and 2. Pictures narrower than the upscale threshold are
// also recognised larger by the engine by design, so the overhead is measured on pictures at
// least that wide and the upscaled cost is reported apart.
//
// With --psm-study N: on the first N SROIE receipts, how often the printed date and total (the
// key files) appear in the recognised text for page segmentation modes 3, 4 and 6, with and
// without the engine's preparation (deskew, 2x upscale), and the mean word confidence.
//
//   ocr_bench [--reps N] [--lang eng] [--psm-study N] [IMAGE...]   (default: 8 SROIE receipts)
#include <omp.h>
#include <tesseract/baseapi.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/image_codec.h"
#include "extract/ocr.h"

namespace {

namespace fs = std::filesystem;
using invoicer::extract::ImageCodec;
using invoicer::extract::ImageLimits;
using invoicer::extract::OcrEngine;
using invoicer::extract::OcrOptions;
using invoicer::extract::RasterImage;

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

template <typename F>
double Seconds(F&& f) {
  const auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string Squeezed(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (!std::isspace(static_cast<unsigned char>(c))) {
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

void PsmStudy(int count, const std::string& lang) {
  const fs::path corpus = fs::path(INVOICER_CORPUS_DIR) / "sroie-dev";
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(corpus / "img")) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  files.resize(std::min(files.size(), static_cast<std::size_t>(count)));
  struct Sample {
    RasterImage plain, prepared;
    std::string date, total;
  };
  std::vector<Sample> samples;
  for (const fs::path& f : files) {
    auto img = ImageCodec::DecodePage(ReadAll(f.string()), 0, true, ImageLimits{});
    if (!img) continue;
    const auto key = nlohmann::json::parse(ReadAll((corpus / "key" / (f.stem().string() + ".json")).string()));
    RasterImage prepared = ImageCodec::Deskewed(*img);
    if (prepared.width < 1200) prepared = ImageCodec::Scaled(prepared, 2.0);
    samples.push_back({std::move(*img), std::move(prepared), Squeezed(key.value("date", "")),
                       Squeezed(key.value("total", ""))});
  }
  tesseract::TessBaseAPI api;
  api.SetVariable("debug_file", "/dev/null");
  if (api.Init(nullptr, lang.c_str(), tesseract::OEM_LSTM_ONLY) != 0) return;
  std::printf("PSM study (%s) on %zu SROIE receipts: receipts whose date / total is in the text\n",
              lang.c_str(), samples.size());
  for (int psm : {3, 4, 6}) {
    for (bool prepare : {false, true}) {
      api.SetPageSegMode(static_cast<tesseract::PageSegMode>(psm));
      int dates = 0, totals = 0;
      double confidence = 0, seconds = 0;
      for (const Sample& s : samples) {
        const RasterImage& img = prepare ? s.prepared : s.plain;
        seconds += Seconds([&] {
          api.SetImage(img.pixels.data(), img.width, img.height, 1, img.width);
          char* text = api.GetUTF8Text();
          const std::string found = Squeezed(text);
          delete[] text;
          dates += !s.date.empty() && found.find(s.date) != std::string::npos;
          totals += !s.total.empty() && found.find(s.total) != std::string::npos;
          confidence += api.MeanTextConf();
        });
        api.Clear();
      }
      const double n = static_cast<double>(samples.size());
      std::printf("  PSM %d %-12s dates %3d  totals %3d  mean confidence %4.1f  %5.0f ms/receipt\n",
                  psm, prepare ? "prepared" : "as scanned", dates, totals, confidence / n,
                  seconds * 1000 / n);
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  int reps = 3;
  std::string lang = "eng";
  int study = 0;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--reps" && i + 1 < argc) {
      reps = std::stoi(argv[++i]);
    } else if (a == "--lang" && i + 1 < argc) {
      lang = argv[++i];
    } else if (a == "--psm-study" && i + 1 < argc) {
      study = std::stoi(argv[++i]);
    } else {
      files.push_back(a);
    }
  }
  // Both sides single-threaded: the engine switches OpenMP off on its threads, and so does
  // this one (libgomp keeps the setting per thread).
  omp_set_max_active_levels(0);
  if (study > 0) {
    PsmStudy(study, lang);
    return 0;
  }
  if (files.empty()) {
    for (const auto& e : fs::directory_iterator(std::string(INVOICER_CORPUS_DIR) + "/sroie-dev/img")) {
      files.push_back(e.path().string());
    }
    std::sort(files.begin(), files.end());
    files.resize(std::min<std::size_t>(files.size(), 8));
  }
  std::vector<RasterImage> images;
  for (const std::string& f : files) {
    auto img = ImageCodec::DecodePage(ReadAll(f), 0, true, ImageLimits{});
    if (img) images.push_back(std::move(*img));
  }
  if (images.empty()) {
    std::fprintf(stderr, "no images\n");
    return 1;
  }
  tesseract::TessBaseAPI raw;
  raw.SetVariable("debug_file", "/dev/null");
  if (raw.Init(nullptr, lang.c_str(), tesseract::OEM_LSTM_ONLY) != 0) return 1;
  raw.SetPageSegMode(tesseract::PSM_SINGLE_BLOCK);
  OcrOptions options;
  options.languages = {lang};
  options.jobs = 1;
  auto engine = OcrEngine::Create(options);
  if (!engine) return 1;

  // The same pictures at least 1200 px wide (the engine's upscale threshold), so both sides
  // recognise the same pixels.
  std::vector<RasterImage> wide;
  for (const RasterImage& img : images) {
    wide.push_back(img.width >= 1200 ? img : ImageCodec::Scaled(img, 1200.0 / img.width + 0.01));
  }
  double raw_s = 0, engine_s = 0, engine_small_s = 0;
  for (int r = 0; r < reps; ++r) {
    raw_s += Seconds([&] {
      for (const RasterImage& img : wide) {
        raw.SetImage(img.pixels.data(), img.width, img.height, 1, img.width);
        raw.Recognize(nullptr);
        delete[] raw.GetUTF8Text();
        raw.Clear();
      }
    });
    engine_s += Seconds([&] {
      for (const RasterImage& img : wide) (void)(*engine)->Recognize({img});
    });
    engine_small_s += Seconds([&] {
      for (const RasterImage& img : images) (void)(*engine)->Recognize({img});
    });
  }
  const double n = static_cast<double>(reps) * static_cast<double>(images.size());
  std::printf("OCR (%s, PSM 6, one thread): %zu pictures x %d repetitions\n", lang.c_str(),
              images.size(), reps);
  std::printf("  raw TessBaseAPI:            %7.0f ms/picture\n", raw_s * 1000 / n);
  std::printf("  engine (same pixels):       %7.0f ms/picture  overhead %+.1f%%\n",
              engine_s * 1000 / n, (engine_s / raw_s - 1) * 100);
  std::printf("  engine (as given, upscaled when narrow): %7.0f ms/picture\n",
              engine_small_s * 1000 / n);

  for (int jobs : {1, 2}) {
    OcrOptions parallel = options;
    parallel.jobs = jobs;
    auto e = OcrEngine::Create(parallel);
    if (!e) return 1;
    const double s = Seconds([&] { (void)(*e)->Recognize(wide); });
    std::printf("  %zu pages as one document, jobs %d: %7.0f ms (%.0f ms/page)\n", wide.size(),
                jobs, s * 1000, s * 1000 / static_cast<double>(wide.size()));
  }
  return 0;
}
